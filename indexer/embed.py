"""A build's chunks and vectors. Chunks: each section cut to what the model reads at once. Vectors:
carried from the live build where the text and the model are the same, else from the embedding cache,
else from the model (longest texts first, in blocks, committed as they come)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from indexer.backend import PreviousBuild
from indexer.cache import EmbeddingCache, text_hash
from indexer.chunk import chunk_blocks
from indexer.parse import ParsedArticle
from indexer.vectors import Encoder

EMBED_BLOCK = 256  # chunks embedded between cache commits
PROGRESS_EVERY = 25  # articles read or chunked between progress reports (d365: ~0.3 s)
PROGRESS_BATCH = 16  # chunks embedded between progress reports: ~2 s for e5's longest chunks here


def embed_text(title: str, path: tuple[str, ...], body: str) -> str:
    """The text the model sees for a chunk: where it is, then what it says."""
    head = " > ".join((title, *path))
    return f"{head}\n{body}"


def chunk_rows(
    parsed: list[ParsedArticle], enc: Encoder, overlap: int, progress: Callable[[str, int, int], None]
) -> list[dict]:
    """The chunks of ``parsed`` articles: each section cut to what the model reads at once, with what
    search and the index need of it."""
    rows: list[dict] = []
    for n, article in enumerate(parsed, 1):
        meta = article.meta
        for section in article.sections:
            if not section.blocks:
                continue
            head = embed_text(meta.title, section.path, "")
            budget = enc.max_tokens - 2 - getattr(enc, "prefix_tokens", 0) - enc.count_tokens([head])[0]
            budget = max(budget, 32)
            pieces = chunk_blocks(section.blocks, budget, overlap, enc.count_tokens)
            for k, piece in enumerate(pieces):
                rows.append(
                    {
                        "id": f"{meta.id}#{section.ordinal}.{k}",
                        "article_id": meta.id,
                        "section": section.ordinal,
                        "heading": section.heading,
                        "path": list(section.path),
                        "anchor": section.anchor,
                        "line_start": piece.line_start,
                        "line_end": piece.line_end,
                        "tokens": piece.tokens,
                        "text": piece.text,
                        "embed_hash": text_hash(embed_text(meta.title, section.path, piece.text)),
                        "title": meta.title,
                        "locale": meta.locale,
                        "product": meta.product,
                        "tags": list(meta.tags),
                        "audience": meta.audience,
                        "status": meta.status,
                    }
                )
        if n % PROGRESS_EVERY == 0 or n == len(parsed):
            progress("chunking", n, len(parsed))
    return rows


def _row_text(row: dict) -> str:
    return embed_text(row["title"], tuple(row["path"]), row["text"])


def vectors_for(
    rows: list[dict],
    previous: PreviousBuild | None,
    prev_chunks: list[dict],
    n_carried: int,
    enc: Encoder,
    cache: EmbeddingCache,
    batch_size: int,
    progress: Callable[[str, int, int], None],
) -> tuple[np.ndarray, int, int, int]:
    """One vector per row, with the dimension, how many were reused and how many embedded. The first
    ``n_carried`` rows are the previous build's (``prev_chunks``); ``cache`` is closed when done."""
    prev = previous.manifest if previous is not None else None
    same_model = prev is not None and prev.get("model_id") == enc.model_id
    # The model's weights load only when something must be embedded: a carried build knows its size.
    dim = prev["dimension"] if same_model else enc.dimension
    out = np.zeros((len(rows), dim), dtype=np.float32)
    have = np.zeros(len(rows), dtype=bool)
    # Rows carried from a build made by the same model keep their vectors (same text, same model).
    if n_carried and same_model:
        prev_rows = {r["id"]: i for i, r in enumerate(prev_chunks)}
        old = previous.vectors()
        for i in range(n_carried):
            j = prev_rows.get(rows[i]["id"])
            if j is not None and j < len(old):
                out[i] = old[j]
                have[i] = True
    embedded = 0
    try:
        missing = [i for i in range(len(rows)) if not have[i]]
        cached = cache.get_many(enc.model_id, [rows[i]["embed_hash"] for i in missing], dim)
        todo: list[int] = []
        for i in missing:
            vector = cached.get(rows[i]["embed_hash"])
            if vector is not None:
                out[i] = vector
                have[i] = True
            else:
                todo.append(i)
        reused = len(rows) - len(todo)
        # Longest first (by the text the model sees), in blocks: similar lengths batch without padding.
        todo.sort(key=lambda i: -len(_row_text(rows[i])))
        unique_todo: dict[str, list[int]] = {}
        for i in todo:
            unique_todo.setdefault(rows[i]["embed_hash"], []).append(i)
        order = list(unique_todo)
        progress("embedding", 0, len(order))
        step = max(1, min(batch_size, PROGRESS_BATCH))
        for start in range(0, len(order), EMBED_BLOCK):
            block = order[start : start + EMBED_BLOCK]
            vectors: list[np.ndarray] = []
            for at in range(0, len(block), step):  # a report per batch: a few seconds apart at most
                texts = [_row_text(rows[unique_todo[h][0]]) for h in block[at : at + step]]
                vectors.extend(enc.encode_passages(texts, batch_size=batch_size))
                progress("embedding", start + at + len(texts), len(order))
            for h, vector in zip(block, vectors, strict=True):
                for i in unique_todo[h]:
                    out[i] = vector
            cache.put_many(enc.model_id, zip(block, vectors, strict=True))
            embedded += len(block)
    finally:
        cache.close()
    return out, dim, reused, embedded
