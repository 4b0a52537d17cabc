"""One catalog of interface text per language (issue 16): both languages say the same things, with the
same placeholders, and every sentence kb writes comes from it."""

from __future__ import annotations

import string

from kb import catalog
from kb.catalog import number


def _leaves(tree: dict, prefix: str = "") -> dict[str, str]:
    out = {}
    for key, value in tree.items():
        if isinstance(value, dict) and not set(value) <= {"zero", "one", "two", "few", "many", "other"}:
            out.update(_leaves(value, f"{prefix}{key}."))
        elif isinstance(value, dict):  # plural forms: their placeholders are the key's
            out[prefix + key] = " ".join(value.values())
        else:
            out[prefix + key] = value
    return out


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_have_the_same_keys_and_placeholders():
    es, en = _leaves(catalog.TEXT["es"]), _leaves(catalog.TEXT["en"])
    assert sorted(set(es) ^ set(en)) == []
    assert {k: _placeholders(es[k]) for k in es} == {k: _placeholders(en[k]) for k in en}
    assert len(es) > 150 and {"review.broken_link", "suggest.terms", "site"} <= set(es)


def test_numbers_in_sentences_follow_the_language():
    assert (number(0.93, "es"), number(0.93, "en")) == ("0,93", "0.93")
    assert (number(40, "es"), number(12.5, "en")) == ("40", "12.50")


def test_the_services_and_the_pages_read_the_one_catalog():
    from kb.services import suggest
    from kb.services.review import reasons
    from kb.web import i18n

    assert i18n.TEXT is catalog.TEXT
    assert reasons.TEXT["en"] is catalog.TEXT["en"]["review"]
    assert suggest._TEXT["es"] is catalog.TEXT["es"]["suggest"]
