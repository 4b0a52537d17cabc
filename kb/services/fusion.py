"""Fusion of lexical and semantic scores: small pure functions over ``{key: score}`` dicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

RRF_K = 60


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal-rank fusion: each list gives ``1 / (k + rank)`` to the items it holds."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, 1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    return scores


def max_normalised(scores: Mapping[str, float]) -> dict[str, float]:
    """Scores divided by the best one: the top item gets 1, the rest their share of it."""
    if not scores:
        return {}
    top = max(scores.values())
    return {key: (value / top if top > 0 else 0.0) for key, value in scores.items()}


def min_max(scores: Mapping[str, float]) -> dict[str, float]:
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    span = high - low
    return {key: ((value - low) / span if span > 0 else 1.0) for key, value in scores.items()}


def convex(lexical: Mapping[str, float], semantic: Mapping[str, float], weight: float) -> dict[str, float]:
    """``weight * semantic + (1 - weight) * lexical`` over the union; a missing score counts 0."""
    keys = set(lexical) | set(semantic)
    return {k: weight * semantic.get(k, 0.0) + (1 - weight) * lexical.get(k, 0.0) for k in keys}


def best_per_group(scores: Mapping[str, float], group_of: Mapping[str, str]) -> dict[str, tuple[float, str]]:
    """Each group's best score and the key that has it (an article ranks by its best section)."""
    best: dict[str, tuple[float, str]] = {}
    for key, score in scores.items():
        group = group_of[key]
        if group not in best or score > best[group][0]:
            best[group] = (score, key)
    return best
