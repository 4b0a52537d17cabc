"""The one catalog of interface text, a module per language (``es``, ``en``): what the help center, the
staff pages and the services say to people. Plain data, importable from any layer (the services'
sentences and the web's pages read the same catalog). Keys nest by namespace: ``review`` (the review
queue's reasons), ``suggest`` (the suggestions' reasons); the rest are the pages'.

Plural forms are dicts by CLDR category (``{"one": …, "other": …}``), chosen by Babel
(``kb.web.i18n``); numbers in sentences go through :func:`number`.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from kb.catalog import en, es

LANGUAGES = ("es", "en")
TEXT: dict[str, dict] = {"es": es.TEXT, "en": en.TEXT}


def number(value: float, lang: str, decimals: int = 2) -> str:
    """``value`` as the language writes it (CLDR: "0,93" in Spanish, "0.93" in English); whole numbers
    without decimals."""
    if float(value).is_integer():
        return format_decimal(value, format="#,##0", locale=lang)
    return format_decimal(value, format="#,##0." + "0" * decimals, locale=lang)
