"""Content gaps: customers' searches that found nothing and tickets no suggestion was sure of, grouped
by meaning (the embedding model) into topics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Engine

from indexer.analysis import fold
from kb.services import analytics, suggestion_log
from kb.services.engine import Engine as SearchEngine

GAP_EXAMPLES = 5
GAP_TEXT_CHARS = 300  # of a ticket, what the model reads to place it in a topic
# Two gap texts at least this close (cosine) are one topic, per model family (MiniLM spreads its cosines
# wider than e5, whose unrelated texts sit at ~0.8).
GAP_SIMILARITY = {"minilm": 0.6, "e5": 0.9, "other": 0.75}


@dataclass(frozen=True, slots=True)
class GapTopic:
    topic: str  # the most frequent wording
    count: int
    searches: int
    tickets: int
    examples: tuple[str, ...]


def content_gaps(engine: SearchEngine, db: Engine, since: dt.datetime, locale: str | None = None) -> list[GapTopic]:
    """Searches that found nothing and tickets no suggestion was sure of, grouped into topics by meaning."""
    items: list[tuple[str, str]] = []  # (kind, text)
    for query, language, _ in analytics.unanswered_searches(db, since):
        if locale is None or language in (None, locale):
            items.append(("search", " ".join(query.split())))
    for gap in suggestion_log.gaps_since(db, since):
        if locale is None or gap.language in (None, locale):
            items.append(("ticket", " ".join(gap.text.split())[:GAP_TEXT_CHARS]))
    return cluster_gaps(engine, items)


def cluster_gaps(engine: SearchEngine, items: Iterable[tuple[str, str]]) -> list[GapTopic]:
    """Group (kind, text) items whose meanings are close (``GAP_SIMILARITY``), biggest topic first."""
    counts: dict[str, dict[str, int]] = {}  # normalised text -> kind -> count
    shown: dict[str, str] = {}
    for kind, text in items:
        key = fold(text.lower()).strip()
        if not key:
            continue
        shown.setdefault(key, text)
        counts.setdefault(key, {}).setdefault(kind, 0)
        counts[key][kind] += 1
    if not counts:
        return []
    keys = sorted(counts, key=lambda k: (-sum(counts[k].values()), len(k), k))
    vectors = engine.encoder.encode_queries([shown[k] for k in keys])
    threshold = GAP_SIMILARITY.get(engine.profile.family, GAP_SIMILARITY["other"])
    centroids: list[np.ndarray] = []
    members: list[list[int]] = []
    for i, vector in enumerate(vectors):
        if centroids:
            sims = np.stack(centroids) @ vector
            best = int(np.argmax(sims))
            if sims[best] >= threshold:
                members[best].append(i)
                total = vectors[members[best]].sum(axis=0)
                centroids[best] = total / np.linalg.norm(total)
                continue
        centroids.append(vector)
        members.append([i])
    topics = []
    for group in members:
        texts = [keys[i] for i in group]  # most frequent first
        searches = sum(counts[k].get("search", 0) for k in texts)
        tickets = sum(counts[k].get("ticket", 0) for k in texts)
        topics.append(
            GapTopic(
                shown[texts[0]], searches + tickets, searches, tickets, tuple(shown[k] for k in texts[:GAP_EXAMPLES])
            )
        )
    topics.sort(key=lambda t: (-t.count, t.topic))
    return topics
