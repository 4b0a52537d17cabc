"""The help center's interface text (``kb.catalog``), how a visitor's language is chosen, and how
values read in it: dates, numbers and plurals by Babel (CLDR's rules), languages by their names,
products and tags by their labels (``labels.yml``), never by their slugs."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from flask import Request

from kb.catalog import LANGUAGES, TEXT  # noqa: F401 (the pages' text: t=TEXT[lang])

COOKIE = "kb_lang"

def visitor_language(request: Request, default: str) -> str:
    """``?lang=``, then the cookie a previous choice left, then the browser's Accept-Language, then ``default``."""
    for value in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if value in LANGUAGES:
            return value
    return request.accept_languages.best_match(LANGUAGES) or default


class Formatter:
    """Values as the interface's language writes them (templates get one as ``fmt``)."""

    def __init__(self, lang: str, labels: dict | None = None) -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self.locale = Locale.parse(self.lang)
        self.labels = labels or {}

    def date(self, value: str | dt.date | dt.datetime | None) -> str:
        """``22 de noviembre de 2026`` / ``November 22, 2026``; "" for nothing or what is not a date."""
        if not value:
            return ""
        if isinstance(value, str):
            try:
                value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return ""
        day = value.date() if isinstance(value, dt.datetime) else value
        return format_date(day, format="long", locale=self.locale)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def percent(self, share: float | None) -> str:
        """``33,3 %`` / ``33.3%``."""
        if share is None:
            return "–"
        return format_percent(share, format="#,##0.0 %" if self.lang == "es" else "#,##0.0%", locale=self.locale)

    def count(self, n: int, key: str) -> str:
        """``TEXT[key]`` in its plural form for ``n`` (``1 artículo``, ``2 artículos``)."""
        forms = TEXT[self.lang][key]
        form = forms.get(self.locale.plural_form(n), forms["other"])
        return form.format(n=self.number(n))

    def language(self, code: str) -> str:
        """``Español`` / ``Spanish``: a language's name in the interface's language."""
        name = self.locale.languages.get(code)
        return name[:1].upper() + name[1:] if name else code

    def product(self, slug: str) -> str:
        return self._label("products", slug)

    def tag(self, slug: str) -> str:
        return self._label("tags", slug)

    def _label(self, kind: str, slug: str) -> str:
        names = self.labels.get(kind, {}).get((slug or "").lower())
        if names:
            return names.get(self.lang) or next(iter(names.values()))
        if kind == "tags":
            return slug
        words = (slug or "").replace("-", " ").replace("_", " ").strip()
        return words[:1].upper() + words[1:]
