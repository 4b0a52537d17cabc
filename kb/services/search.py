"""Search over sections, grouped into articles.

Lexical (BM25F) and semantic (FAISS) retrieval each return their best sections; an article's score
in each is that of its best section; fusion combines the two per article; the result shows the
article's best section. Customers see only public, published articles.
"""

from __future__ import annotations

import logging
import math
import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from indexer.analysis import detect_language
from indexer.backend import Filter, Index, Lexicon
from indexer.bm25 import QueryTerms, SpellingLimits
from kb.services import correction, fusion, relevance, snippets
from kb.services.engine import Engine
from kb.services.fusion import DEFAULT_FUSION, FUSION_BY_FAMILY, Fusion, fuse_scores  # noqa: F401 (kb eval, benches)

log = logging.getLogger(__name__)

MODES = ("hybrid", "lexical", "semantic")
MAX_FACET_VALUES = 20


def fusion_for(engine: Engine) -> Fusion:
    return FUSION_BY_FAMILY.get(engine.profile.family, DEFAULT_FUSION)


# Where results stop. Its evidence is measured against backgrounds (not in raw cosines), so one cutoff
# serves both model families: bench/cutoff_sweep.py found the same best values for MiniLM and e5.
DEFAULT_CUTOFF = relevance.Cutoff()


def cutoff_for(engine: Engine) -> relevance.Cutoff:
    return DEFAULT_CUTOFF


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str
    url: str
    locale: str
    updated: str
    heading: str
    anchor: str
    snippet: str  # HTML: escaped text with the matched words in <mark>
    score: float
    audience: str = "public"  # public | internal (staff only: a customer given its link finds nothing)


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    total: int
    took_ms: float
    hits: list[SearchHit] = field(default_factory=list)
    did_you_mean: str | None = None
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    language: str | None = None  # of the query: the locale filter, else detected (None: cannot tell)
    fallback_locale: str | None = None  # the requested language answered nothing: these are in this one


def _article_of(index: Index, chunk_id: str) -> str:
    return index.chunk(chunk_id)["article_id"]


def best_per_article(index: Index, scores: dict[str, float]) -> dict[str, tuple[float, str]]:
    """Each article's best section score and that section, from section scores."""
    return fusion.best_per_group(scores, {cid: _article_of(index, cid) for cid in scores})


def rank_articles(
    index: Index,
    lexical: dict[str, float],
    semantic: dict[str, float],
    mode: str,
    params: Fusion,
    known_language: bool = True,
) -> list[tuple[str, float, str]]:
    """Section scores of each retriever -> ``(article, score, section to show)``, best first.

    Articles are ranked by fusing their best-section scores; the section shown is the one whose own
    fused score is best, so a match in a heading or a paragraph points at that paragraph.
    """
    if mode == "lexical":
        semantic = {}
    elif mode == "semantic":
        lexical = {}
    group = {cid: _article_of(index, cid) for cid in set(lexical) | set(semantic)}
    art_lex = {a: s for a, (s, _) in fusion.best_per_group(lexical, group).items()}
    art_sem = {a: s for a, (s, _) in fusion.best_per_group(semantic, group).items()}
    if mode == "hybrid":
        articles = fuse_scores(art_lex, art_sem, params, known_language)
        sections = fusion.best_per_group(fuse_scores(lexical, semantic, params, known_language), group)
    else:
        articles = art_lex or art_sem
        sections = fusion.best_per_group(lexical or semantic, group)
    # Ties (frequent with rank fusion) go to the article the meaning of the query prefers.
    ranked = sorted(articles.items(), key=lambda kv: (-kv[1], -art_sem.get(kv[0], 0.0), kv[0]))
    return [(article, score, sections[article][1]) for article, score in ranked]


def facet_counts(index: Index, article_ids: list[str]) -> dict[str, dict[str, int]]:
    """How many of the matching articles have each locale, product and tag (the 20 most frequent of each)."""
    counts: dict[str, Counter] = {"locale": Counter(), "product": Counter(), "tags": Counter()}
    for article_id in article_ids:
        article = index.article(article_id)
        counts["locale"][article["locale"]] += 1
        if article.get("product"):
            counts["product"][article["product"]] += 1
        counts["tags"].update(article.get("tags") or ())
    return {
        name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_FACET_VALUES]) for name, c in counts.items()
    }


@dataclass(frozen=True, slots=True)
class Retrieval:
    """What both retrievers found for a text, the articles ranked from it (before the cut and paging),
    and each ranked article's evidence."""

    index: Index  # the build searched
    lexicon: Lexicon  # the words and statistics of what the reader may see
    language: str | None
    analysed: QueryTerms  # the query's terms as searched (with the corrections, if they were used)
    did_you_mean: str | None  # the corrected query, when corrections were searched
    lexical: dict[str, float]  # section id -> BM25F score
    semantic: dict[str, float]  # section id -> cosine similarity
    ranked: list[tuple[str, float, str]]  # (article id, fused score, section to show), best first
    evidence: dict[str, relevance.Evidence] = field(default_factory=dict)  # article id -> evidence
    understood: bool = True  # the embedding model knows the query's language

    @property
    def columns(self) -> list[int]:
        return self.analysed.columns

    @property
    def by_word(self) -> dict[str, list[int]]:
        return self.analysed.by_word

    @property
    def words(self) -> dict[int, str]:
        """Column -> the first query word that gave it (to show an agent what matched)."""
        out: dict[int, str] = {}
        for word, cols in self.by_word.items():
            for c in cols:
                out.setdefault(c, word)
        return out

    @property
    def marked(self) -> set[str]:
        return {self.lexicon.vocab[c] for c in self.columns}


def _evidence(
    index: Index,
    lexicon: Lexicon,
    analysed: QueryTerms,
    lexical: dict[str, float],
    semantic: dict[str, float],
    vector: np.ndarray | None,
    staff: bool,
    articles: list[str],
    floor: float,
) -> dict[str, relevance.Evidence]:
    """Each article's evidence: the query weight its best lexical section covers, its best cosine (for an
    article only the words found, its best lexical section's) and that cosine's standing against the
    knowledge base's background."""
    lex = best_per_article(index, lexical)
    sem = best_per_article(index, semantic)
    weight = relevance.query_weight(lexicon, analysed.columns, analysed.unknown)
    sections = [lex[a][1] for a in articles if a in lex]
    holds = lexicon.matched(sections, analysed.columns) if sections and analysed.columns else {}
    idf = lexicon.idf
    cosine = {a: sem[a][0] for a in articles if a in sem}
    if vector is not None:
        missing = [a for a in articles if a not in sem and a in lex]
        if missing:
            found = index.vectors.vectors([lex[a][1] for a in missing]) @ vector
            cosine.update(zip(missing, (float(c) for c in found), strict=True))
    back = relevance.background(index, staff) if vector is not None else None
    mean, spread = back.of_query(vector) if back is not None else (0.0, 1.0)
    out = {}
    for article in articles:
        covered = holds.get(lex[article][1], ()) if article in lex else ()
        coverage = float(sum(float(idf[c]) for c in covered)) / weight if weight else 0.0
        similarity = cosine.get(article, 0.0)
        seen = back is not None and article in cosine
        out[article] = relevance.Evidence(
            round(coverage, 4),
            similarity,
            back.standing(similarity) if seen else -math.inf,
            (similarity - mean) / spread if seen else -math.inf,
            seen and similarity >= floor and similarity > 0,
        )
    return out


def retrieve(
    engine: Engine,
    query: str,
    *,
    mode: str = "hybrid",
    locale: str | None = None,
    product: str | None = None,
    tags: tuple[str, ...] = (),
    staff: bool = False,
    segments: frozenset[str] = frozenset(),
    candidates: int = 100,
    params: Fusion | None = None,
    meaning: str | None = None,
    analysed: QueryTerms | None = None,
    index: Index | None = None,
    precision: str = "float32",
    spelling: SpellingLimits | None = None,
    corrections: bool = True,
) -> Retrieval:
    """Both retrievers over the sections a reader may see, fused into ranked articles, with evidence.

    With ``corrections``, misspelt words are searched as the known words they most likely meant (typo
    tolerance), and the corrected query is ``did_you_mean`` (the meaning side embeds it too); without,
    they are searched as typed. ``meaning`` is the text to embed when it is not the query itself (a
    long ticket's telling part); ``analysed`` the query's terms when the caller has them already, from
    ``index`` (the build they were analysed on: the live build may switch in between); ``precision``
    how the model reads it; ``spelling`` how much typo correction it gets (the engine's by default).
    """
    index = index or engine.checked_index()
    lexicon = index.lexicon(staff, segments)
    where = Filter(staff, locale, product, tuple(tags), frozenset(segments))
    language = locale or detect_language(query)
    if analysed is None:
        analysed = lexicon.analyse(query, locale, language=language, limits=spelling or engine.spelling)
    fixed = None
    if corrections and analysed.corrections:
        fixed = correction.corrected_query(index, lexicon, query, analysed.corrections)
        analysed = analysed.corrected(lexicon.known)
    # The model embeds the query on its own thread while this one scores the words.
    future = engine.encode_query_async(meaning or fixed or query, precision) if mode != "lexical" else None
    lexical = dict(lexicon.search(analysed.columns, candidates, where)) if mode != "semantic" else {}
    floor = engine.min_similarity if analysed.columns else engine.min_similarity_without_words
    vector = future.result() if future is not None else None
    semantic = dict(index.vectors.search(vector, candidates, where, floor)) if vector is not None else {}
    # In lexical mode the model reads nothing: words are the only evidence, as for a language it cannot read.
    known = (language is None or language in engine.languages) and mode != "lexical"
    ranked = rank_articles(index, lexical, semantic, mode, params or fusion_for(engine), known)
    # A model that does not know the query's language (MiniLM and Spanish) gives cosines that say
    # nothing: only words are evidence then.
    evidence = _evidence(
        index,
        lexicon,
        analysed,
        lexical,
        semantic,
        vector,
        staff,
        [a for a, _, _ in ranked[: candidates * 2]],
        engine.min_similarity if known else math.inf,
    )
    return Retrieval(index, lexicon, language, analysed, fixed, lexical, semantic, ranked, evidence, known)


def hit_of(found: Retrieval, article_id: str, score: float, chunk_id: str, marked: set[str] | None = None) -> SearchHit:
    chunk = found.index.chunk(chunk_id)
    article = found.index.article(article_id)
    anchor = chunk["anchor"] if chunk["section"] else ""
    return SearchHit(
        id=article_id,
        title=article["title"],
        url=f"/articles/{article_id}" + (f"#{anchor}" if anchor else ""),
        locale=article["locale"],
        updated=article["updated_at"],
        heading=chunk["heading"],
        anchor=anchor,
        snippet=snippets.highlight(chunk["text"], found.marked if marked is None else marked, article["locale"]),
        score=round(score, 6),
        audience=article["audience"],
    )


def warm(engine: Engine) -> None:
    """Load what the first search would: the live build, both audiences' typo correctors and
    backgrounds, the word lists, and the model on every thread (kb serve and kb eval, before the clock)."""
    from indexer.dictionary import word_list

    index = engine.checked_index()
    for staff in (False, True):
        _ = index.lexicon(staff).speller
        relevance.background(index, staff)
    for lang in ("es", "en"):
        word_list(lang)
    engine.warm_up()


def _other(locale: str) -> str:
    return next(lang for lang in ("es", "en") if lang != locale)


def clearly_better(fixed: Retrieval, fixed_shown: list, plain: Retrieval, plain_shown: list) -> bool:
    """Whether the corrected query finds clearly better results than the query as typed: it finds
    something where the query found nothing, or its best result covers at least half of what the
    corrections could add (the misspelt words' share of the query's weight, which they weigh as unknown
    words) beyond what the query's best result covered."""
    if not fixed_shown:
        return False
    if not plain_shown:
        return True
    lexicon, analysed = plain.lexicon, plain.analysed
    total = relevance.query_weight(lexicon, analysed.columns, analysed.unknown)
    share = relevance.query_weight(lexicon, [], tuple(analysed.corrections)) / total if total else 0.0
    covered = fixed.evidence[fixed_shown[0][0]].coverage
    before = plain.evidence[plain_shown[0][0]].coverage
    return covered - before >= CORRECTION_GAIN * share


CORRECTION_GAIN = 0.5  # of what the corrections could add (bench/search_trust.py: did-you-mean and typos)


def search(
    engine: Engine,
    query: str,
    *,
    mode: str = "hybrid",
    locale: str | None = None,
    product: str | None = None,
    tags: tuple[str, ...] = (),
    limit: int = 10,
    offset: int = 0,
    staff: bool = False,
    segments: frozenset[str] = frozenset(),
    candidates: int = 100,
    params: Fusion | None = None,
    cutoff: relevance.Cutoff | None = None,
    fallback: bool = True,
    correct: bool = True,
) -> SearchResults:
    """Hybrid (or one-retriever) search over the sections a reader may see, grouped into articles, cut
    where relevance ends (``kb.services.relevance``).

    Misspelt words are searched as typed first; the corrected query is searched too, and its results
    are shown instead (``did_you_mean``) when it finds clearly better ones. With ``fallback`` and a
    ``locale`` whose articles answer nothing, the other language is searched (``fallback_locale``).
    ``correct=False`` searches only what was typed.
    """
    started = time.perf_counter()
    cut = cutoff or cutoff_for(engine)
    index = engine.checked_index()
    common = dict(
        mode=mode, locale=locale, product=product, tags=tags, staff=staff, segments=segments,
        candidates=candidates, params=params,
    )  # fmt: skip
    found = retrieve(engine, query, index=index, corrections=False, **common)
    shown = relevance.admitted(found.evidence, found.ranked, cut if found.understood else cut.unread())
    suggestion = None
    if correct and found.analysed.corrections:
        fixed = retrieve(engine, query, index=index, **common)
        fixed_shown = relevance.admitted(fixed.evidence, fixed.ranked, cut if fixed.understood else cut.unread())
        if fixed.did_you_mean and clearly_better(fixed, fixed_shown, found, shown):
            found, shown, suggestion = fixed, fixed_shown, fixed.did_you_mean
    if not shown and locale and fallback:
        other = search(
            engine,
            query,
            **{**common, "locale": _other(locale)},
            limit=limit,
            offset=offset,
            cutoff=cut,
            fallback=False,
            correct=correct,
        )
        if other.total:
            took = (time.perf_counter() - started) * 1000
            return SearchResults(
                query, other.total, round(took, 2), other.hits, other.did_you_mean, other.facets,
                other.language, fallback_locale=_other(locale),
            )  # fmt: skip
    hits = [hit_of(found, *ranked) for ranked in shown[offset : offset + limit]]
    took = (time.perf_counter() - started) * 1000
    return SearchResults(
        query=query,
        total=len(shown),
        took_ms=round(took, 2),
        hits=hits,
        did_you_mean=suggestion,
        facets=facet_counts(found.index, [a for a, _, _ in shown]),
        language=found.language,
    )
