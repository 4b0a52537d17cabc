"""Articles that say nearly the same: the cosine of their mean section vectors."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from indexer.backend import Index


def article_vectors(index: Index, article_ids: list[str]) -> np.ndarray:
    """One unit vector per article of ``article_ids`` (in that order): the mean of its sections' vectors."""
    sections = [index.chunks_of(a) for a in article_ids]
    owner = np.repeat(np.arange(len(article_ids)), [len(s) for s in sections])
    vectors = index.vectors.vectors([c for s in sections for c in s])
    out = np.zeros((len(article_ids), vectors.shape[1] if vectors.ndim == 2 else 0), dtype=np.float32)
    np.add.at(out, owner, vectors)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


def duplicate_pairs(index: Index, articles: Mapping[str, dict], threshold: float) -> dict[str, tuple[str, float]]:
    """Article id -> its closest other article of the same language, when at least ``threshold`` alike."""
    out: dict[str, tuple[str, float]] = {}
    by_locale: dict[str, list[str]] = {}
    for article_id in articles:
        by_locale.setdefault(articles[article_id]["locale"], []).append(article_id)
    for ids in by_locale.values():
        if len(ids) < 2:
            continue
        block = article_vectors(index, ids)
        sims = block @ block.T
        np.fill_diagonal(sims, -1.0)
        for i, j in zip(*np.nonzero(sims >= threshold), strict=True):
            a, b = ids[i], ids[j]
            if b in index.translations(a):
                continue
            if a not in out or sims[i, j] > out[a][1]:
                out[a] = (b, float(sims[i, j]))
    return out
