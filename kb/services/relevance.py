"""When a search result earns its place: the evidence that an article answers a query, and the cut.

Fused scores only order the candidates; every candidate has one, however weak. What says that an
article answers a query at all is evidence of two kinds about it:

- **words**: ``coverage``, the share of the query's content weight its best lexical section holds.
  Each query term weighs its IDF over the sections the reader may see; a content word no visible
  section uses weighs the most any term can (it is as rare as a word gets), so "how to change a flat
  tire" is barely covered by an article about changing a plan. Stop words and courtesy words weigh
  nothing (``indexer.bm25``).
- **meaning**, measured against two backgrounds, because a model's absolute cosines mean little (e5
  gives unrelated text 0.8, a help center's sections 0.83 among themselves; MiniLM 0.1):
  ``standing``, the article's best cosine with the query against the knowledge base's background (how
  similar its sections are to one another: the mean cosine between pairs of a fixed sample of visible
  sections, and its spread), in standard deviations: at 0 or above, the query is as close to the
  article as the knowledge base's own sections are to each other, so it is about what the knowledge
  base is about; and ``lift``, the same cosine against the query's background (its cosines with that
  sample): how much the article stands out, for this query, from the rest.

``Cutoff`` says how much of either a result needs (docs/search-quality.md has the sweep).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from indexer.backend import Filter, Index, Lexicon

BACKGROUND_SECTIONS = 512  # sections whose cosines with a query are its background (fixed per build)
MIN_BACKGROUND = 30  # fewer visible sections than this have no background to stand against


@dataclass(frozen=True, slots=True)
class Evidence:
    coverage: float  # 0..1: share of the query's content weight the article's best lexical section holds
    similarity: float  # the article's best cosine (its best lexical section's when only words found it)
    standing: float  # that cosine against the knowledge base's background, in standard deviations
    lift: float  # that cosine against the query's background, in standard deviations
    meaningful: bool  # the cosine reaches the model's floor (engine.min_similarity)


@dataclass(frozen=True, slots=True)
class Cutoff:
    """What a result needs to be shown (swept on the development sets: docs/search-quality.md).

    The query finds something only if some candidate has meaning (``meaningful`` and ``standing >=
    standing``), or ``coverage >= coverage``, or both words and meaning together (``coverage >=
    joint_coverage`` and ``lift >= joint_lift``). Then these are shown, in ranked order: the first
    ``keep_first``; among the first ten, those whose fused score is at least ``keep_relative`` times the
    best one's; and every article that has meaning with a lift at most ``drop`` below the best
    candidate's, or the coverage, or the joint evidence.
    """

    standing: float = 0.0
    coverage: float = 0.7
    joint_coverage: float = 0.4
    joint_lift: float = 3.0
    drop: float = 1.0
    keep_first: int = 1
    keep_relative: float = 0.3
    # When the model does not know the query's language (MiniLM and Spanish) there is no meaning
    # evidence, and words must carry it alone, as fusion lets them (weight_foreign).
    coverage_unread: float = 0.4

    def unread(self) -> Cutoff:
        """This cutoff for a query the model cannot read."""
        return replace(self, coverage=self.coverage_unread)


NO_CUTOFF = Cutoff(-math.inf, 0.0, 0.0, -math.inf, math.inf, 10**9, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Background:
    """How similar a knowledge base's sections are to one another, as the reader sees it, and the
    sample of their vectors it was measured on (a query's own background is its cosines with it)."""

    mean: float  # the mean cosine of a section with the others of the sample
    spread: float  # the standard deviation of that mean over the sample
    sample: np.ndarray  # the sample's vectors

    def standing(self, cosine: float) -> float:
        return (cosine - self.mean) / self.spread

    def of_query(self, vector: np.ndarray) -> tuple[float, float]:
        """The query's background: the mean and spread of its cosines with the sample."""
        if not len(self.sample):
            return 0.0, 1.0
        cosines = self.sample @ vector
        return float(cosines.mean()), float(cosines.std()) or 1e-3


_BACKGROUNDS: dict[tuple[str, bool], Background] = {}


def background(index: Index, staff: bool) -> Background:
    """The background of the sections the reader may see (computed once per build and audience)."""
    key = (index.build_id, staff)
    found = _BACKGROUNDS.get(key)
    if found is None:
        sample = index.vectors.sample(Filter(staff=staff), BACKGROUND_SECTIONS)
        if len(sample) < MIN_BACKGROUND:
            # Too few sections to tell how alike they are: any cosine at the model's floor stands.
            found = Background(-1.0, 1.0, sample)
        else:
            pairs = sample @ sample.T
            np.fill_diagonal(pairs, np.nan)
            means = np.nanmean(pairs, axis=1)
            found = Background(float(means.mean()), float(means.std()) or 1e-3, sample)
        if len(_BACKGROUNDS) > 16:
            _BACKGROUNDS.clear()
        _BACKGROUNDS[key] = found
    return found


def query_weight(lexicon: Lexicon, columns: list[int], unknown: tuple[str, ...]) -> float:
    """The query's content weight: its known terms' IDF, and the most any term weighs per unknown word."""
    most = math.log(1 + (lexicon.visible_rows + 0.5) / 0.5)
    return float(sum(float(lexicon.idf[c]) for c in columns)) + most * len(unknown)


def admitted(evidence: dict[str, Evidence], ranked: list[tuple[str, float, str]], cut: Cutoff) -> list:
    """The ranked articles (best first) that earn their place under ``cut``."""
    if not ranked:
        return []
    found = [evidence[a] for a, _, _ in ranked]

    def meaning(e: Evidence) -> bool:
        return e.meaningful and e.standing >= cut.standing

    def words(e: Evidence) -> bool:
        return e.coverage >= cut.coverage or (e.coverage >= cut.joint_coverage and e.lift >= cut.joint_lift)

    if not any(meaning(e) or words(e) for e in found):
        return []
    best = max((e.lift for e in found if e.meaningful), default=-math.inf)
    top = ranked[0][1]
    return [
        item
        for i, (item, e) in enumerate(zip(ranked, found, strict=True))
        if i < cut.keep_first
        or (i < 10 and item[1] >= cut.keep_relative * top)
        or (meaning(e) and e.lift >= best - cut.drop)
        or words(e)
    ]
