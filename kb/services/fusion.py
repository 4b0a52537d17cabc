"""Fusion of lexical and semantic scores: small pure functions over ``{key: score}`` dicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
# multilingual-e5-small's cosines are compressed (0.78-0.93): divided by the best one they barely differ
# and the words decide everything. Min-max spreads them; an even share is best on every development set
# (bench/fusion_sweep.py, docs/search-quality.md).
FUSION_BY_FAMILY = {"minilm": DEFAULT_FUSION, "e5": Fusion("convex", 0.5, 0.1, "minmax")}


def fuse_scores(
    lexical: dict[str, float], semantic: dict[str, float], params: Fusion, known_language: bool = True
) -> dict[str, float]:
    """One score per key (article or section) from the two retrievers' scores."""
    if params.method == "rrf":
        return rrf([sorted(lexical, key=lambda k: -lexical[k]), sorted(semantic, key=lambda k: -semantic[k])])
    norm = max_normalised if params.normalise == "max" else min_max
    weight = params.weight if known_language else params.weight_foreign
    return convex(norm(lexical), norm(semantic), weight)
