"""Search over sections, grouped into articles.

Lexical (BM25F) and semantic (FAISS) retrieval each return their best sections; an article's score
in each is that of its best section; fusion combines the two per article; the result shows the
article's best section. Customers see only public, published articles.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from indexer.analysis import detect_language
from indexer.reader import BuildReader
from kb.services import fusion
from kb.services.engine import Engine

log = logging.getLogger(__name__)

MODES = ("hybrid", "lexical", "semantic")


@dataclass(frozen=True, slots=True)
class Fusion:
    """How hybrid mode combines the two retrievers (tuned with ``kb eval`` on the development sets).

    ``convex``: each retriever's scores are normalised, then mixed with the semantic share ``weight``
    when the embedding model knows the query's language, ``weight_foreign`` when it does not (an
    English-only model on a Spanish query understands little: the words matter more).
    """

    method: str = "convex"  # "rrf" | "convex"
    weight: float = 0.8  # chosen by bench/fusion_sweep.py on the development sets (docs/search-quality.md)
    weight_foreign: float = 0.1
    normalise: str = "max"  # "max" | "minmax"


DEFAULT_FUSION = Fusion()


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str
    url: str
    locale: str
    updated: str
    heading: str
    anchor: str
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    total: int
    took_ms: float
    hits: list[SearchHit] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Filters:
    locale: str | None = None
    staff: bool = False


def _lexical(reader: BuildReader, query: str, filters: Filters, n: int) -> dict[str, float]:
    """BM25F over the sections the reader may see (the term matrix of ``indexer.bm25``)."""
    mask = reader.mask(filters.staff, filters.locale)
    hits = reader.bm25.search(query, n, locale=filters.locale, mask=mask)
    return {reader.chunks[row]["id"]: score for row, score in hits}


def _semantic(engine: Engine, reader: BuildReader, query: str, filters: Filters, n: int) -> dict[str, float]:
    vector = engine.encoder.encode_queries([query])[0]
    mask = reader.mask(filters.staff, filters.locale)
    out: dict[str, float] = {}
    for row, score in reader.vectors.search(vector, n * 3):
        if mask[row]:
            out[reader.chunks[row]["id"]] = score
            if len(out) >= n:
                break
    return out


def _article_of(reader: BuildReader, chunk_id: str) -> str:
    return reader.chunks[reader.row_of[chunk_id]]["article_id"]


def fuse_scores(
    lexical: dict[str, float], semantic: dict[str, float], params: Fusion, known_language: bool = True
) -> dict[str, float]:
    """One score per key (article or section) from the two retrievers' scores."""
    if params.method == "rrf":
        return fusion.rrf([sorted(lexical, key=lambda k: -lexical[k]), sorted(semantic, key=lambda k: -semantic[k])])
    norm = fusion.max_normalised if params.normalise == "max" else fusion.min_max
    weight = params.weight if known_language else params.weight_foreign
    return fusion.convex(norm(lexical), norm(semantic), weight)


def rank_articles(
    reader: BuildReader,
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
    group = {cid: _article_of(reader, cid) for cid in set(lexical) | set(semantic)}
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


def _snippet(text: str, size: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + "…"


def search(
    engine: Engine,
    query: str,
    *,
    mode: str = "hybrid",
    locale: str | None = None,
    limit: int = 10,
    offset: int = 0,
    staff: bool = False,
    candidates: int = 100,
    params: Fusion = DEFAULT_FUSION,
) -> SearchResults:
    started = time.perf_counter()
    reader = engine.checked_reader()
    filters = Filters(locale=locale, staff=staff)
    lexical = _lexical(reader, query, filters, candidates) if mode != "semantic" else {}
    semantic = _semantic(engine, reader, query, filters, candidates) if mode != "lexical" else {}
    language = locale or detect_language(query)
    known = language is None or language in engine.languages
    ranked = rank_articles(reader, lexical, semantic, mode, params, known)
    hits = []
    for article_id, score, chunk_id in ranked[offset : offset + limit]:
        chunk = reader.chunks[reader.row_of[chunk_id]]
        article = reader.articles[article_id]
        anchor = chunk["anchor"] if chunk["section"] else ""
        hits.append(
            SearchHit(
                id=article_id,
                title=article["title"],
                url=f"/articles/{article_id}" + (f"#{anchor}" if anchor else ""),
                locale=article["locale"],
                updated=article["updated_at"],
                heading=chunk["heading"],
                anchor=anchor,
                snippet=_snippet(chunk["text"]),
                score=round(score, 6),
            )
        )
    took = (time.perf_counter() - started) * 1000
    return SearchResults(query=query, total=len(ranked), took_ms=round(took, 2), hits=hits)
