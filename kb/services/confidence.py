"""How sure a suggestion is: the chance that it answers the ticket, from what the retrievers saw.

A logistic model over a few signals of each suggested article (its meaning similarity and how far it
stands above the other articles', how much of the ticket's rarer words it contains, whether both
retrievers put it first, its rank). The weights are fitted per embedding-model family on the
development sets by ``bench/calibrate_confidence.py``, which also prints the README's table: at
confidence >= c, how often the top suggestion is right. Cosines of different models live on different
scales, hence one model per family.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FEATURES = ("similarity", "similarity_margin", "coverage", "lexical_share", "both_first", "reciprocal_rank")


@dataclass(frozen=True, slots=True)
class Signals:
    similarity: float  # cosine of the article's best section with the ticket (0: not a meaning match)
    similarity_margin: float  # that cosine minus the best cosine of any other article
    coverage: float  # share of the ticket's term weight (IDF) the article's best section contains
    lexical_share: float  # the article's BM25F score over the best one (0..1)
    both_first: float  # 1 when it is first by words and first by meaning
    reciprocal_rank: float  # 1 / its rank in the suggestions

    def values(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in FEATURES)


@dataclass(frozen=True, slots=True)
class Calibration:
    intercept: float
    weights: tuple[float, ...]  # in FEATURES order


# Fitted by `.venv/bin/python bench/calibrate_confidence.py ../shared/eval/stackfaq ../shared/eval/adobe-commerce-en
# ../shared/eval/adobe-commerce-es` (the model `auto` picks for each set: MiniLM for the English ones, e5 for the
# Spanish one), with tickets read at the default SUGGEST_PRECISION (int8); its out-of-fold table is in the README
# and docs/search-quality.md.
CALIBRATIONS: dict[str, Calibration] = {
    "minilm": Calibration(-7.4828, (3.0314, 7.8227, -0.3553, 2.6214, 0.7494, 4.2301)),
    "e5": Calibration(-7.8167, (0.5493, 0.9476, -1.7537, 4.3102, 2.1438, 4.1213)),
}


def confidence(family: str, signals: Signals) -> float:
    """The probability, in [0, 1], that this suggestion answers the ticket."""
    model = CALIBRATIONS.get(family) or CALIBRATIONS.get("minilm")
    if model is None:
        return 0.0
    z = model.intercept + sum(w * x for w, x in zip(model.weights, signals.values(), strict=True))
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))
