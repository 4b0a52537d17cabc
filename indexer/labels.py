"""Display names of products and tags, per language: ``labels.yml`` beside the articles.

Front matter names a product or a tag by a slug (``product: app-movil``), which stays the filter value
in URLs and the API; people read its label in their language:

    products:
      app-movil: {es: App móvil, en: Mobile app}
    tags:
      2fa: {es: Verificación en dos pasos, en: Two-step verification}

A missing file is no labels; a malformed one, or an entry that is not a mapping of language to text,
is reported (``labels.yml:line: ...``) and the rest is used. Slugs match case-insensitively.
"""

from __future__ import annotations

import logging
from pathlib import Path

import yaml

from indexer.schema import LOCALES, _expands_too_far, _Loader
from indexer.sources import Problem

log = logging.getLogger(__name__)

KINDS = ("products", "tags")
FILENAME = "labels.json"  # in a build


def _line(raw: str, key: str) -> int:
    for n, line in enumerate(raw.splitlines(), 1):
        if line.strip().startswith((f"{key}:", f"'{key}':", f'"{key}":')):
            return n
    return 1


def read_labels(path: Path, rel: str) -> tuple[dict[str, dict[str, dict[str, str]]], list[Problem]]:
    """``{"products": {slug: {lang: label}}, "tags": {...}}`` from ``path`` and what was wrong with it."""
    labels: dict[str, dict[str, dict[str, str]]] = {kind: {} for kind in KINDS}
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return labels, []
    except (OSError, UnicodeDecodeError) as exc:
        return labels, [Problem(rel, 1, f"cannot read the labels file: {exc}", "warning")]
    try:
        data = yaml.load(raw, Loader=_Loader) or {}  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return labels, [Problem(rel, mark.line + 1 if mark else 1, f"malformed YAML: {exc}".split("\n")[0], "warning")]
    if not isinstance(data, dict) or _expands_too_far(data):
        return labels, [Problem(rel, 1, "the labels file must be a small mapping with products and tags", "warning")]
    problems = []
    for key in data:
        if key not in KINDS:
            problems.append(
                Problem(rel, _line(raw, str(key)), f"unknown key {key!r}; expected products, tags", "warning")
            )
    for kind in KINDS:
        entries = data.get(kind) or {}
        if not isinstance(entries, dict):
            problems.append(Problem(rel, _line(raw, kind), f"{kind} must map each slug to its labels", "warning"))
            continue
        for slug, names in entries.items():
            ok = (
                isinstance(names, dict)
                and names
                and all(lang in LOCALES and isinstance(text, str) and text.strip() for lang, text in names.items())
            )
            if not ok:
                problems.append(
                    Problem(rel, _line(raw, str(slug)), f"{kind} {slug!r} must map es and/or en to text", "warning")
                )
                continue
            labels[kind][str(slug).strip().lower()] = {lang: text.strip() for lang, text in names.items()}
    return labels, problems
