"""The starter knowledge base is what a new user sees first: it must hold what the brief promises."""

import datetime as dt
from pathlib import Path

from indexer import sources
from indexer.parse import parse_article

ROOT = Path(__file__).parents[1] / "articles"


def _articles():
    out = []
    for rel in sources.discover(ROOT):
        src = sources.read(ROOT, rel, 2_000_000)
        assert isinstance(src, sources.Source), src
        art = parse_article(src, "es")
        assert not isinstance(art, sources.Problem), art
        assert art.problems == [], art.problems
        out.append(art.meta)
    return out


def test_size_languages_owners_and_audiences():
    metas = _articles()
    assert len(metas) >= 40
    assert sum(m.locale == "es" for m in metas) * 2 >= len(metas)
    assert all(m.owner for m in metas)
    assert sum(m.audience == "internal" for m in metas) >= 3
    assert {m.status for m in metas} == {"published", "draft", "archived"}


def test_translations_point_to_real_articles_in_the_other_language():
    metas = {m.id: m for m in _articles()}
    pairs = [m for m in metas.values() if m.translation_of]
    assert len(pairs) >= 5
    for m in pairs:
        source = metas[m.translation_of]
        assert source.locale != m.locale


def test_review_dates_are_spread_and_some_overdue():
    today = dt.date(2026, 11, 22)
    metas = [m for m in _articles() if m.reviewed]
    overdue = [m for m in metas if m.reviewed + dt.timedelta(days=m.review_every or 180) < today]
    assert 5 <= len(overdue) < len(metas) / 2
    assert len({m.reviewed.year for m in metas}) >= 2
