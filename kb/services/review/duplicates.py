"""Articles that say nearly the same: the cosine of their mean section vectors."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from indexer.reader import BuildReader


def article_vectors(reader: BuildReader) -> np.ndarray:
    """One unit vector per article (``reader.article_ids`` order): the mean of its sections' vectors."""
    vectors = reader.vectors.vectors().astype(np.float32, copy=False)
    out = np.zeros((len(reader.article_ids), vectors.shape[1]), dtype=np.float32)
    np.add.at(out, reader.chunk_article, vectors)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


def duplicate_pairs(
    reader: BuildReader, articles: Mapping[str, dict], threshold: float
) -> dict[str, tuple[str, float]]:
    """Article id -> its closest other article of the same language, when at least ``threshold`` alike."""
    vectors = article_vectors(reader)
    out: dict[str, tuple[str, float]] = {}
    by_locale: dict[str, list[int]] = {}
    for article_id in articles:
        by_locale.setdefault(articles[article_id]["locale"], []).append(reader.article_row[article_id])
    for rows in by_locale.values():
        if len(rows) < 2:
            continue
        block = vectors[rows]
        sims = block @ block.T
        np.fill_diagonal(sims, -1.0)
        for i, j in zip(*np.nonzero(sims >= threshold), strict=True):
            a, b = reader.article_ids[rows[i]], reader.article_ids[rows[j]]
            if b in reader.translations(a):
                continue
            if a not in out or sims[i, j] > out[a][1]:
                out[a] = (b, float(sims[i, j]))
    return out
