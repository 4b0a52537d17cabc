"""Search over sections, grouped into articles.

Lexical (BM25F) and semantic (FAISS) retrieval each return the best sections; fusion combines them
and an article ranks by its best section. Customers see only public, published articles.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from indexer.reader import BuildReader
from kb.services.engine import Engine

log = logging.getLogger(__name__)

MODES = ("hybrid", "lexical", "semantic")
RRF_K = 60


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


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal-rank fusion: each list gives ``1 / (k + rank)`` to the items it holds."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, 1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    return scores


def _visible(article: dict, staff: bool) -> bool:
    if article["status"] != "published":
        return False
    return staff or article["audience"] == "public"


def _lexical(reader: BuildReader, query: str, locale: str | None, staff: bool, n: int) -> list[str]:
    filters = {"status": ["published"]}
    if not staff:
        filters["audience"] = ["public"]
    if locale:
        filters["locale"] = [locale]
    return [cid for cid, _ in reader.lexical.search(query, limit=n, locale=locale, filters=filters)]


def _semantic(engine: Engine, reader: BuildReader, query: str, locale: str | None, staff: bool, n: int) -> list[str]:
    vector = engine.encoder.encode_queries([query])[0]
    out = []
    for row, _score in reader.vectors.search(vector, n * 3):
        chunk = reader.chunks[row]
        article = reader.articles[chunk["article_id"]]
        if not _visible(article, staff) or (locale and article["locale"] != locale):
            continue
        out.append(chunk["id"])
        if len(out) >= n:
            break
    return out


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
) -> SearchResults:
    started = time.perf_counter()
    reader = engine.checked_reader()
    rankings = []
    if mode in ("hybrid", "lexical"):
        rankings.append(_lexical(reader, query, locale, staff, candidates))
    if mode in ("hybrid", "semantic"):
        rankings.append(_semantic(engine, reader, query, locale, staff, candidates))
    fused = rrf(rankings)
    best: dict[str, tuple[float, str]] = {}
    for chunk_id, score in fused.items():
        article_id = reader.chunks[reader.row_of[chunk_id]]["article_id"]
        if article_id not in best or score > best[article_id][0]:
            best[article_id] = (score, chunk_id)
    ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
    hits = []
    for article_id, (score, chunk_id) in ranked[offset : offset + limit]:
        chunk = reader.chunks[reader.row_of[chunk_id]]
        article = reader.articles[article_id]
        anchor = chunk["anchor"] if chunk["section"] else ""
        hits.append(SearchHit(
            id=article_id,
            title=article["title"],
            url=f"/articles/{article_id}" + (f"#{anchor}" if anchor else ""),
            locale=article["locale"],
            updated=article["updated_at"],
            heading=chunk["heading"],
            anchor=anchor,
            snippet=_snippet(chunk["text"]),
            score=round(score, 6),
        ))
    took = (time.perf_counter() - started) * 1000
    return SearchResults(query=query, total=len(ranked), took_ms=round(took, 2), hits=hits)
