"""Categories and sections: where each article sits in the help center, and what ``_meta.yml`` says of them.

A folder under a locale folder is a category (``es/facturacion``), its sub-folder a section
(``es/facturacion/normativa``); articles directly in a category form its default section, whose id is
the category's. A repository without locale folders (Microsoft Learn style) uses its top folders the
same way. Front matter ``category``/``section`` names place an article of a flat repository instead:
the category's id is the slug of its name (under the article's locale folder, if any); ``section``
alone puts an article in a section of its folder's category without moving the file.

An optional ``_meta.yml`` in a category or section folder gives, per language, its title and
description, and its ``icon``, ``position`` and ``translation_of`` (the category it translates)::

    title: {es: Facturación, en: Invoicing}
    description: {es: Crear, enviar y corregir facturas., en: Create, send and correct invoices.}
    icon: receipt
    position: 1

Without one, the folder's name is shown nicely ("primeros-pasos" → "Primeros pasos"). A file that
does not parse, or names a language kb does not speak, is reported (``kb check`` and ``kb index``)
and what is good in it is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from indexer.schema import LOCALES, _expands_too_far, _Loader
from indexer.sources import Problem

META_FILE = "_meta.yml"
FILENAME = "categories.json"  # in a build
ICON_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_UNSAFE = re.compile(r"[^\w\s-]", re.UNICODE)


def slug(name: str) -> str:
    """A category or section name as an id part: lowercase, accents kept, spaces to dashes."""
    text = _UNSAFE.sub("", name.strip().lower())
    return re.sub(r"[\s_]+", "-", text).strip("-") or "general"


def pretty(folder: str) -> str:
    """A folder's name as people read it: ``primeros-pasos`` → ``Primeros pasos``."""
    words = re.sub(r"[-_]+", " ", folder).strip()
    return words[:1].upper() + words[1:] if words else folder


def place(path: str, category_name: str = "", section_name: str = "") -> tuple[str, str]:
    """``(category id, section id)`` of the article at ``path``; ``("", "")`` when it is in none."""
    folders = path.split("/")[:-1]
    prefix: list[str] = []
    if folders and folders[0] in LOCALES:
        prefix, folders = folders[:1], folders[1:]
    if category_name:
        category = "/".join([*prefix, slug(category_name)])
        return category, f"{category}/{slug(section_name)}" if section_name else category
    if not folders:
        return "", ""
    category = "/".join([*prefix, folders[0]])
    if section_name:  # a section named in the front matter, inside the folder's category
        return category, f"{category}/{slug(section_name)}"
    return category, "/".join([*prefix, *folders[:2]])


def _node(node_id: str) -> dict:
    return {"id": node_id, "title": {}, "description": {}, "icon": "", "position": None, "translation_of": ""}


def tree(root: Path | None, articles: Iterable[dict]) -> tuple[dict[str, dict], list[Problem]]:
    """The build's categories, each with its sections (``{id: node}``), and what was wrong with their
    ``_meta.yml`` files. A node: ``id``, ``title``/``description`` per language, ``icon``, ``position``,
    ``translation_of``; a category also has ``sections``."""
    categories: dict[str, dict] = {}
    named: dict[str, dict[str, str]] = {}  # node id -> {lang: the front matter's name}
    for article in articles:
        category, section = article.get("category") or "", article.get("section") or ""
        if not category:
            continue
        node = categories.setdefault(category, {**_node(category), "sections": {}})
        node["sections"].setdefault(section, _node(section))
        locale = article.get("locale") or ""
        if article.get("category_name"):
            named.setdefault(category, {}).setdefault(locale, article["category_name"])
        if section != category and article.get("section_name"):
            named.setdefault(section, {}).setdefault(locale, article["section_name"])
    problems: list[Problem] = []
    for category in categories.values():
        nodes = [category] + [s for sid, s in category["sections"].items() if sid != category["id"]]
        for node in nodes:
            node["title"].update(named.get(node["id"], {}))
            if root is not None:
                problems += _apply_meta(node, Path(root))
    return dict(sorted(categories.items())), problems


def _apply_meta(node: dict, root: Path) -> list[Problem]:
    path = root / node["id"] / META_FILE
    if not path.is_file():
        return []
    data, problems = read_meta(path, f"{node['id']}/{META_FILE}")
    for key in ("title", "description"):
        node[key].update(data.get(key, {}))
    for key in ("icon", "position", "translation_of"):
        if key in data:
            node[key] = data[key]
    return problems


def _folder_locale(rel: str) -> str | None:
    top = rel.split("/", 1)[0]
    return top if top in LOCALES else None


def read_meta(path: Path, rel: str) -> tuple[dict, list[Problem]]:
    """A ``_meta.yml``'s good keys (``title``/``description`` as ``{lang: text}``) and its problems."""

    def problem(message: str, line: int = 1) -> Problem:
        return Problem(rel, line, message, "warning")

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [problem(f"cannot read {META_FILE}: {exc}")]
    try:
        data = yaml.load(raw, Loader=_Loader) or {}  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [problem(f"malformed YAML: {exc}".split("\n")[0], mark.line + 1 if mark else 1)]
    if not isinstance(data, dict) or _expands_too_far(data):
        return {}, [problem(f"{META_FILE} must be a small mapping (title, description, icon, position)")]
    good: dict = {}
    problems: list[Problem] = []
    folder_locale = _folder_locale(rel)
    for key in data:
        if key not in ("title", "description", "icon", "position", "translation_of"):
            problems.append(
                problem(f"unknown key {key!r}; expected title, description, icon, position, translation_of")
            )
    for key in ("title", "description"):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            value = {folder_locale or LOCALES[0]: value}
        if not isinstance(value, dict):
            problems.append(problem(f"{key} must be text or a mapping of language to text ({{es: …, en: …}})"))
            continue
        texts = {}
        for lang, text in value.items():
            if lang not in LOCALES:
                problems.append(problem(f"{key} names language {lang!r}, which is not one of {', '.join(LOCALES)}"))
            elif not isinstance(text, str) or not text.strip():
                problems.append(problem(f"{key}.{lang} must be non-empty text"))
            else:
                texts[lang] = " ".join(text.split())
        good[key] = texts
    if folder_locale and "title" in good and folder_locale not in good["title"]:
        problems.append(problem(f"title has no {folder_locale!r} text, the language of its folder"))
    if "icon" in data:
        if isinstance(data["icon"], str) and ICON_PATTERN.match(data["icon"]):
            good["icon"] = data["icon"]
        else:
            problems.append(problem("icon must be a short name of lowercase letters, digits and '-'"))
    if "position" in data:
        if isinstance(data["position"], int) and not isinstance(data["position"], bool):
            good["position"] = data["position"]
        else:
            problems.append(problem(f"position {data['position']!r} must be a whole number"))
    if "translation_of" in data:
        if isinstance(data["translation_of"], str) and data["translation_of"].strip():
            good["translation_of"] = data["translation_of"].strip().strip("/")
        else:
            problems.append(problem("translation_of must name a category folder (en/invoicing)"))
    return good, problems


def check(root: Path) -> list[Problem]:
    """Every ``_meta.yml`` under ``root`` read, for ``kb check``."""
    problems: list[Problem] = []
    for path in sorted(Path(root).rglob(META_FILE)):
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        problems += read_meta(path, rel)[1]
    return problems
