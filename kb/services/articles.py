"""Articles as readers see them: one article with its sections and HTML, related articles, title autocomplete.

Customers see only public, published articles, without segments or of a segment they carry; for them
any other id does not exist (``None``), exactly like an id nobody wrote.
"""

from __future__ import annotations

import heapq
import logging
from dataclasses import dataclass, field

import numpy as np

from indexer.analysis import folded_words
from indexer.backend import Filter, Index
from kb.services.engine import Engine

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SectionInfo:
    heading: str
    anchor: str
    level: int


@dataclass(frozen=True, slots=True)
class ArticleLink:
    id: str
    title: str
    url: str
    locale: str
    audience: str = "public"
    promoted: bool = False


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: str
    title: str
    summary: str
    url: str
    locale: str
    product: str
    tags: list[str]
    audience: str
    status: str
    owner: str
    reviewed: str | None
    updated: str
    translation_of: str
    html: str
    sections: list[SectionInfo] = field(default_factory=list)
    translations: list[ArticleLink] = field(default_factory=list)
    category: str = ""  # ids (kb.services.categories names them)
    section: str = ""
    promoted: bool = False
    segments: list[str] = field(default_factory=list)


def url_for(article_id: str) -> str:
    return f"/articles/{article_id}"


def _link(index: Index, article_id: str) -> ArticleLink:
    a = index.article(article_id)
    return ArticleLink(article_id, a["title"], url_for(article_id), a["locale"], a["audience"], bool(a.get("promoted")))


def resolve(index: Index, article_id: str, staff: bool, segments: frozenset[str] = frozenset()) -> str | None:
    """The id of the article a reader asked for (by id or by its file's path), if they may see it."""
    found = index.resolve(article_id)
    if found is None or not index.visible(found, staff, segments):
        return None
    return found


def _translations(index: Index, article_id: str, staff: bool, segments: frozenset[str]) -> list[ArticleLink]:
    return [_link(index, a) for a in sorted(index.translations(article_id)) if index.visible(a, staff, segments)]


def get_article(
    engine: Engine, article_id: str, staff: bool = False, segments: frozenset[str] = frozenset()
) -> ArticleView | None:
    index = engine.index()
    found = resolve(index, article_id, staff, segments)
    if found is None:
        return None
    a = index.article(found)
    return ArticleView(
        id=found,
        title=a["title"],
        summary=a.get("summary") or "",
        url=url_for(found),
        locale=a["locale"],
        product=a.get("product") or "",
        tags=list(a.get("tags") or ()),
        audience=a["audience"],
        status=a["status"],
        owner=a.get("owner") or "",
        reviewed=a.get("reviewed"),
        updated=a["updated_at"],
        translation_of=a.get("translation_of") or "",
        html=index.page(found) or "",
        sections=[SectionInfo(s["heading"], s["anchor"], s["level"]) for s in a["sections"] if s["level"] > 0],
        translations=_translations(index, found, staff, segments),
        category=a.get("category") or "",
        section=a.get("section") or "",
        promoted=bool(a.get("promoted")),
        segments=list(a.get("segments") or ()),
    )


def related(
    engine: Engine, article_id: str, staff: bool = False, limit: int = 5, segments: frozenset[str] = frozenset()
) -> list[ArticleLink]:
    """Articles closest in meaning (the mean of the article's section vectors), in the same language."""
    index = engine.checked_index()
    found = resolve(index, article_id, staff, segments)
    if found is None:
        return []
    sections = index.chunks_of(found)
    if not sections:
        return []
    centre = index.vectors.vectors(sections).mean(axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-9)
    out: list[str] = []
    where = Filter(staff, index.article(found)["locale"], segments=segments)
    for chunk_id, _ in index.vectors.search(centre, (limit + 1) * 8, where):
        other = index.chunk(chunk_id)["article_id"]
        if other != found and other not in out:
            out.append(other)
            if len(out) >= limit:
                break
    return [_link(index, a) for a in out]


def autocomplete(
    engine: Engine, prefix: str, locale: str | None = None, staff: bool = False, limit: int = 8,
    segments: frozenset[str] = frozenset(),
):  # fmt: skip
    """Titles whose words start with the typed words (accents and case ignored), the last one a prefix.

    Titles that begin with the typed text come first, then shorter titles.
    """
    index = engine.index()
    typed = folded_words(prefix)
    if not typed:
        return []
    *complete, last = typed
    scored = []
    for article_id in index.article_ids(Filter(staff, locale, segments=segments)):
        words = index.title_words(article_id)
        if not any(w.startswith(last) for w in words):
            continue
        if not all(any(w.startswith(t) for w in words) for t in complete):
            continue
        n = len(typed)
        starts = len(words) >= n and words[: n - 1] == complete and words[n - 1].startswith(last)
        title = index.article(article_id)["title"]
        scored.append((not starts, len(title), title, article_id))
    scored.sort()
    return [_link(index, a) for *_, a in scored[:limit]]


@dataclass(frozen=True, slots=True)
class Listed:
    """An article as a search engine may list it: where it is, when it changed, its translations."""

    id: str
    url: str
    locale: str
    updated: str
    translations: dict[str, str]  # locale -> url, this article's own included


def listed(engine: Engine) -> list[Listed]:
    """Every article a customer may see (public, published), with the translations a customer may see:
    the sitemap's entries. Nothing internal, draft or archived is named, not even as a translation."""
    index = engine.index()
    out = []
    for article_id in index.article_ids(Filter(staff=False)):
        a = index.article(article_id)
        family = {index.article(t)["locale"]: url_for(t) for t in sorted(index.translations(article_id))
                  if index.visible(t, False)}  # fmt: skip
        family[a["locale"]] = url_for(article_id)
        out.append(Listed(article_id, url_for(article_id), a["locale"], a["updated_at"], family))
    return out


def visible_counts(index: Index, staff: bool, segments: frozenset[str] = frozenset()) -> tuple[int, int]:
    """How many articles and sections a reader may see."""
    found = index.article_ids(Filter(staff, segments=segments))
    return len(found), sum(len(index.chunks_of(a)) for a in found)


def recently_updated(
    engine: Engine, locale: str | None = None, staff: bool = False, limit: int = 8,
    segments: frozenset[str] = frozenset(),
):  # fmt: skip
    """The articles updated last (git history, else file dates), for the help center's home page."""
    index = engine.index()
    found = index.article_ids(Filter(staff, locale, segments=segments))
    latest = heapq.nlargest(limit, found, key=lambda a: index.article(a)["updated_at"])
    return [_link(index, a) for a in latest]
