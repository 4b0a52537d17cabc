"""The help center's browsing: categories → sections → articles, as one reader may see them.

The build holds the tree (``indexer.categories``: each article's category and section ids, and what
``_meta.yml`` says of them); here it is cut to what the reader may see in one language. A category or
section with nothing the reader may see does not exist for them (its name could tell what it holds:
"Internas"), exactly like one nobody made. Sections and categories sort by ``position`` (those without
one after), then by title; articles promoted (``promoted: true``) first, then by title.
"""

from __future__ import annotations

import weakref
from collections import Counter
from dataclasses import dataclass, field

from indexer.backend import Filter, Index
from indexer.categories import pretty
from kb.services.articles import ArticleLink, _link
from kb.services.engine import Engine

LANGUAGES = ("es", "en")


@dataclass(frozen=True, slots=True)
class SectionView:
    id: str
    title: str
    description: str
    url: str
    articles: list[ArticleLink]
    default: bool  # the category's own articles (no sub-folder): shown without a heading of its own


@dataclass(frozen=True, slots=True)
class CategoryView:
    id: str
    title: str
    description: str
    icon: str
    url: str
    locale: str  # of the articles listed
    sections: list[SectionView]
    articles: int  # how many the reader may see in it
    translations: dict[str, str] = field(default_factory=dict)  # other locale -> that category's url


@dataclass(frozen=True, slots=True)
class Crumb:
    title: str
    url: str


def category_url(category_id: str) -> str:
    return f"/categories/{category_id}"


def section_url(section_id: str, category_id: str) -> str:
    return category_url(category_id) if section_id == category_id else f"/sections/{section_id}"


def _text(node: dict, key: str, locale: str) -> str:
    texts = node.get(key) or {}
    return texts.get(locale) or next((texts[lang] for lang in LANGUAGES if texts.get(lang)), "")


def _title(node: dict, locale: str) -> str:
    return _text(node, "title", locale) or pretty(node["id"].rsplit("/", 1)[-1])


def _order(node: dict, locale: str) -> tuple:
    position = node.get("position")
    return (position is None, position if position is not None else 0, _title(node, locale).casefold())


class _Visible:
    """What one reader may see of a build, grouped: locale -> category -> section -> article ids."""

    def __init__(self, index: Index, staff: bool, segments: frozenset[str]) -> None:
        self.index = index
        self.by: dict[str, dict[str, dict[str, list[str]]]] = {}
        self.promoted: dict[str, list[str]] = {}  # locale -> promoted articles, by title
        self._translations: dict[tuple[str, str], dict[str, str]] = {}  # (category, locale) -> made once
        for article_id in index.article_ids(Filter(staff, segments=segments)):
            a = index.article(article_id)
            if a.get("promoted"):
                self.promoted.setdefault(a["locale"], []).append(article_id)
            category = a.get("category") or ""
            if category and category in index.categories:
                sections = self.by.setdefault(a["locale"], {}).setdefault(category, {})
                sections.setdefault(a.get("section") or category, []).append(article_id)
        for ids in self.promoted.values():
            ids.sort(key=lambda a: index.article(a)["title"].casefold())

    def locale_of(self, category_id: str, wanted: str | None) -> str | None:
        """The language a category is shown in: the one asked for if it holds any, else its main one."""
        counts = {
            lang: sum(map(len, cats[category_id].values())) for lang, cats in self.by.items() if category_id in cats
        }
        if not counts:
            return None
        if wanted in counts:
            return wanted
        return max(counts, key=lambda lang: (counts[lang], lang == "es"))

    def translations(self, category_id: str, locale: str) -> dict[str, str]:
        """The same category in other languages: named by ``translation_of`` (either way), else the
        category most of its articles' translations are in, else itself if it holds that language."""
        key = (category_id, locale)
        if key not in self._translations:
            self._translations[key] = self._pair(category_id, locale)
        return self._translations[key]

    def _pair(self, category_id: str, locale: str) -> dict[str, str]:
        out: dict[str, str] = {}
        node = self.index.categories[category_id]
        for lang, cats in self.by.items():
            if lang == locale:
                continue
            named = [
                c
                for c in cats
                if c == node.get("translation_of") or self.index.categories[c].get("translation_of") == category_id
            ]
            if named:
                out[lang] = category_url(named[0])
                continue
            if category_id in cats:  # a flat repository's folder holding both languages
                out[lang] = category_url(category_id) + f"?locale={lang}"
                continue
            votes: Counter[str] = Counter()
            for ids in self.by[locale].get(category_id, {}).values():
                for article_id in ids:
                    for other in self.index.translations(article_id):
                        target = self.index.article(other).get("category") or ""
                        if target in cats and self.index.article(other)["locale"] == lang:
                            votes[target] += 1
            if votes:
                out[lang] = category_url(votes.most_common(1)[0][0])
        return out

    def view(self, category_id: str, locale: str, articles: bool = True, only: str | None = None) -> CategoryView:
        """The category as shown in ``locale``; without ``articles``, its sections' lists stay empty
        (the home page's cards and the sitemap need only the counts and the sections); with ``only``,
        only that section's list is made."""
        node = self.index.categories[category_id]
        listed = self.by[locale][category_id]
        sections = []
        for section_id, ids in listed.items():
            section = node["sections"].get(section_id) or {"id": section_id}
            if section_id == category_id:
                section = {**section, "title": node.get("title") or {}, "position": -(10**9)}  # default section first
            wanted = articles and (only is None or only == section_id)
            links = [_link(self.index, a) for a in sorted(ids, key=self._article_order)] if wanted else []
            sections.append(
                (
                    _order(section, locale),
                    SectionView(
                        section_id,
                        _title(section, locale) if section_id != category_id else _title(node, locale),
                        _text(section, "description", locale) if section_id != category_id else "",
                        section_url(section_id, category_id),
                        links,
                        section_id == category_id,
                    ),
                )
            )
        sections.sort(key=lambda pair: pair[0])
        return CategoryView(
            category_id,
            _title(node, locale),
            _text(node, "description", locale),
            node.get("icon") or "",
            category_url(category_id),
            locale,
            [s for _, s in sections],
            sum(map(len, listed.values())),
            self.translations(category_id, locale),
        )

    def _article_order(self, article_id: str) -> tuple:
        a = self.index.article(article_id)
        return (not a.get("promoted"), a["title"].casefold())


_SEEN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # build -> {(staff, segments): _Visible}


def _visible(index: Index, staff: bool, segments: frozenset[str]) -> _Visible:
    """What a reader may see of a build, grouped (made once per build and reader; a build is immutable,
    and it is forgotten with its build)."""
    per_build = _SEEN.setdefault(index, {})
    key = (True, frozenset()) if staff else (False, frozenset(segments))
    found = per_build.get(key)
    if found is None:
        if len(per_build) >= 64:
            per_build.pop(next(iter(per_build)))
        found = per_build[key] = _Visible(index, staff, segments)
    return found


def categories(
    engine: Engine, locale: str, staff: bool = False, segments: frozenset[str] = frozenset(), articles: bool = True
) -> list[CategoryView]:
    """Every category with articles the reader may see in ``locale``, each with its sections and (with
    ``articles``) their articles."""
    index = engine.index()
    seen = _visible(index, staff, segments)
    found = seen.by.get(locale, {})
    ordered = sorted(found, key=lambda c: _order(index.categories[c], locale))
    return [seen.view(c, locale, articles) for c in ordered]


def category(
    engine: Engine, category_id: str, locale: str | None = None, staff: bool = False,
    segments: frozenset[str] = frozenset(),
) -> CategoryView | None:  # fmt: skip
    """One category in ``locale`` (else its own language); None if the reader may see nothing in it."""
    index = engine.index()
    if category_id not in index.categories:
        return None
    seen = _visible(index, staff, segments)
    shown = seen.locale_of(category_id, locale)
    return seen.view(category_id, shown) if shown else None


def section(
    engine: Engine, section_id: str, locale: str | None = None, staff: bool = False,
    segments: frozenset[str] = frozenset(),
) -> tuple[CategoryView, SectionView] | None:  # fmt: skip
    """One section and its category; None if the reader may see nothing in it."""
    index = engine.index()
    owner = next((c for c, node in index.categories.items() if section_id in node["sections"]), None)
    if owner is None:
        return None
    seen = _visible(index, staff, segments)
    for lang in ([locale] if locale else []) + [lang for lang in LANGUAGES if lang != locale]:
        if section_id in seen.by.get(lang, {}).get(owner, {}):
            view = seen.view(owner, lang, only=section_id)
            return view, next(s for s in view.sections if s.id == section_id)
    return None


def crumbs(engine: Engine, article_id: str) -> list[Crumb]:
    """Category and section of an article the caller already may see (its breadcrumbs after home)."""
    index = engine.index()
    a = index.article(article_id)
    category_id, section_id = a.get("category") or "", a.get("section") or ""
    node = index.categories.get(category_id)
    if node is None:
        return []
    out = [Crumb(_title(node, a["locale"]), category_url(category_id))]
    if section_id != category_id and section_id in node["sections"]:
        out.append(Crumb(_title(node["sections"][section_id], a["locale"]), section_url(section_id, category_id)))
    return out


def promoted(
    engine: Engine, locale: str, staff: bool = False, segments: frozenset[str] = frozenset(), limit: int = 6
) -> list[ArticleLink]:
    """Articles their owners promoted (``promoted: true``), in ``locale``."""
    index = engine.index()
    found = _visible(index, staff, segments).promoted.get(locale, [])
    return [_link(index, a) for a in found[:limit]]


def visible_links(
    engine: Engine, article_ids: list[str], locale: str, staff: bool = False, segments: frozenset[str] = frozenset()
) -> list[ArticleLink]:
    """Of ``article_ids`` (most viewed first, from analytics), those the reader may see in ``locale``."""
    index = engine.index()
    out = []
    for article_id in article_ids:
        if index.visible(article_id, staff, segments) and index.article(article_id)["locale"] == locale:
            out.append(_link(index, article_id))
    return out
