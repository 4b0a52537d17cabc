"""A company's brand on the help center, without code: a theme folder (``THEME_DIR``, default
``instance/theme/``) holding ``theme.toml``, the files it names, an optional ``custom.css`` and an
optional ``templates/`` folder whose Jinja templates replace kb's one by one.

``theme.toml``::

    name = { es = "Ayuda de Facturo", en = "Facturo Help" }   # or one string for both languages
    logo = "logo.svg"                 # files in the theme folder
    favicon = "favicon.svg"
    primary_color = "#0b6bcb"         # buttons (white text on it)
    accent_color = "#0b6bcb"          # links (on white)
    contact_url = "https://facturo.example/soporte"
    footer_links = [ { label = { es = "Privacidad", en = "Privacy" }, url = "https://facturo.example/privacidad" } ]

A theme that does not parse stops kb at start with a sentence saying what is wrong; colours whose
text would be hard to read (below WCAG AA, 4.5:1) are a warning.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, send_from_directory
from jinja2 import ChoiceLoader, FileSystemLoader

from indexer.errors import KbError
from kb.web import i18n

log = logging.getLogger(__name__)

bp = Blueprint("theme", __name__)

KEYS = ("name", "logo", "favicon", "primary_color", "accent_color", "contact_url", "footer_links")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
URL = re.compile(r"(https?://[^\s]+|mailto:[^\s@]+@[^\s]+|/[^\s]*)")
DEFAULT_COLOUR = "#0b6bcb"
AA = 4.5  # WCAG 2.1 AA contrast for body text


class ThemeError(KbError, status=500, code="bad_configuration"):
    """The theme folder's theme.toml says something kb cannot use."""


@dataclass(frozen=True)
class Theme:
    folder: Path | None = None
    names: dict[str, str] = field(default_factory=dict)  # language -> the help center's name
    logo: str | None = None
    favicon: str | None = None
    primary_color: str = DEFAULT_COLOUR
    accent_color: str = DEFAULT_COLOUR
    contact_url: str = ""
    footer_links: tuple[tuple[dict[str, str], str], ...] = ()
    custom_css: bool = False

    def name(self, lang: str) -> str:
        return self.names.get(lang) or i18n.TEXT[lang]["site"]

    def footer(self, lang: str) -> list[tuple[str, str]]:
        return [(label.get(lang) or next(iter(label.values())), url) for label, url in self.footer_links]

    @property
    def files(self) -> set[str]:
        """The files of the folder kb serves under /theme/ (nothing else of it is reachable)."""
        return {f for f in (self.logo, self.favicon, "custom.css" if self.custom_css else None) if f}


def _per_language(value, where: str) -> dict[str, str]:
    if isinstance(value, str):
        return dict.fromkeys(i18n.LANGUAGES, value)
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        unknown = sorted(set(value) - set(i18n.LANGUAGES))
        if unknown:
            raise ThemeError(f"{where} names a language kb does not speak: {unknown[0]!r} (es, en)")
        return dict(value)
    raise ThemeError(f"{where} must be text or a table of texts per language (es, en)")


def _file(folder: Path, value, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or "/" in value or "\\" in value or value.startswith("."):
        raise ThemeError(f"theme {key} must be the name of a file in the theme folder, not {value!r}")
    if not (folder / value).is_file():
        raise ThemeError(f"theme {key} {value!r} is not a file in {folder}")
    return value


def _url(value, key: str) -> str:
    if not isinstance(value, str) or not URL.fullmatch(value):
        raise ThemeError(f"theme {key} must be an http(s) or mailto: address or a path starting with /, not {value!r}")
    return value


def load(folder: Path | None) -> Theme:
    """The theme in ``folder`` (kb's own look when there is no folder or no theme.toml in it)."""
    if folder is None or not (folder / "theme.toml").is_file():
        return Theme(folder if folder is not None and folder.is_dir() else None)
    try:
        data = tomllib.loads((folder / "theme.toml").read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ThemeError(f"{folder / 'theme.toml'} does not parse: {exc}") from None
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ThemeError(f"theme.toml has an unknown key {unknown[0]!r}; it takes {', '.join(KEYS)}")
    colours = {}
    for key in ("primary_color", "accent_color"):
        value = data.get(key, DEFAULT_COLOUR)
        if not isinstance(value, str) or not COLOUR.fullmatch(value):
            raise ThemeError(f"theme {key} must be a colour such as #0b6bcb, not {value!r}")
        colours[key] = value.lower()
    links = data.get("footer_links", [])
    if not isinstance(links, list) or not all(isinstance(x, dict) and set(x) == {"label", "url"} for x in links):
        raise ThemeError("theme footer_links must be a list of { label = …, url = … }")
    return Theme(
        folder=folder,
        names=_per_language(data["name"], "theme name") if "name" in data else {},
        logo=_file(folder, data.get("logo"), "logo"),
        favicon=_file(folder, data.get("favicon"), "favicon"),
        contact_url=_url(data["contact_url"], "contact_url") if "contact_url" in data else "",
        footer_links=tuple((_per_language(x["label"], "a footer link's label"), _url(x["url"], "footer link url"))
                           for x in links),  # fmt: skip
        custom_css=(folder / "custom.css").is_file(),
        **colours,
    )


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def site_text(lang: str) -> dict:
    """The interface text in ``lang`` with the theme's name for the help center."""
    theme = current_app.extensions.get("kb.theme") or Theme()
    return {**i18n.TEXT[lang], "site": theme.name(lang)}


def init_app(app: Flask, folder: str) -> Theme:
    theme = load(Path(folder) if folder else None)
    app.extensions["kb.theme"] = theme
    for what, ratio in (
        ("white text on primary_color", contrast("#ffffff", theme.primary_color)),
        ("accent_color links on white", contrast(theme.accent_color, "#ffffff")),
    ):
        if ratio < AA:
            log.warning("theme: %s has a contrast of %.2f:1, below WCAG AA (%.1f:1)", what, ratio, AA)
    if theme.folder is not None and (theme.folder / "templates").is_dir():
        app.jinja_loader = ChoiceLoader([FileSystemLoader(str(theme.folder / "templates")), app.jinja_loader])
    app.context_processor(lambda: {"theme": theme})
    app.register_blueprint(bp)
    return theme


@bp.get("/theme/colours.css")
def colours():
    theme: Theme = current_app.extensions["kb.theme"]
    css = f":root {{ --primary: {theme.primary_color}; --accent: {theme.accent_color}; }}\n"
    return Response(css, mimetype="text/css", headers={"Cache-Control": "public, max-age=300"})


@bp.get("/theme/<name>")
def theme_file(name: str):
    theme: Theme = current_app.extensions["kb.theme"]
    if theme.folder is None or name not in theme.files:
        abort(404)
    return send_from_directory(theme.folder, name, max_age=300)
