"""The owners' review queue: which articles need them and why, ranked by what it costs customers, and the
content nobody wrote yet.

Each article gets a reason code and a one-sentence detail per problem (``REASONS``), from the live build
(dates, links, vectors), the article files (deprecated terms, with line numbers), the analytics tables
(votes, searches, clicks) and the suggestion log (agents' outcomes). Its score is documented in the README:

    score = demand x age x weight
    demand = 1 + ln(1 + times shown in customers' searches + times suggested + votes, last WINDOW days)
    age    = 1 + years since its content last changed (at most 5)
    weight = sum of its reasons' WEIGHTS

Content gaps are customers' searches that found nothing and tickets no suggestion was sure of, grouped
by meaning (the embedding model) into topics.

Split by concern: ``reasons`` (codes, weights, sentences, deprecated terms), ``policy`` (settings and
errors), ``actions`` (reviewed / snoozed), ``duplicates``, ``gaps``, ``queue`` (the ranking and its
JSON). The names below are the ones callers use.
"""

from kb.services.review.actions import (
    ACTIONS,
    MAX_NOTE_CHARS,
    MAX_SNOOZE_DAYS,
    SNOOZE_DAYS,
    ReviewAction,
    record_action,
)
from kb.services.review.duplicates import article_vectors
from kb.services.review.gaps import GapTopic, cluster_gaps, content_gaps
from kb.services.review.policy import DeprecatedTerm, Policy, ReviewConfigError, ReviewError, read_deprecated_terms
from kb.services.review.queue import Flagged, Queue, build_queue, comment_json, queue_json
from kb.services.review.reasons import REASONS, TIME_BASED, WEIGHTS, Reason

__all__ = [
    "ACTIONS", "MAX_NOTE_CHARS", "MAX_SNOOZE_DAYS", "REASONS", "SNOOZE_DAYS", "TIME_BASED", "WEIGHTS",
    "DeprecatedTerm", "Flagged", "GapTopic", "Policy", "Queue", "Reason", "ReviewAction",
    "ReviewConfigError", "ReviewError", "article_vectors", "build_queue", "cluster_gaps", "comment_json",
    "content_gaps", "queue_json", "read_deprecated_terms", "record_action",
]  # fmt: skip
