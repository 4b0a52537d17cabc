"""The reasons an article needs its owner, their weights, the sentences that explain them (es, en), and
the deprecated-term finder (accent-blind, with line numbers)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from indexer.analysis import fold
from kb import catalog
from kb.services.review.policy import DeprecatedTerm

REASONS = (
    "review_overdue",
    "never_reviewed",
    "not_updated",
    "broken_link",
    "deprecated_term",
    "negative_feedback",
    "rejected_suggestions",
    "low_engagement",
    "duplicate",
    "translation_outdated",
    "missing_owner",
    "customer_comments",
)
# What each reason costs customers, relative to the others: wrong or broken content first.
WEIGHTS = {
    "broken_link": 3.0,
    "negative_feedback": 3.0,
    "rejected_suggestions": 2.5,
    "deprecated_term": 2.0,
    "translation_outdated": 2.0,
    "duplicate": 1.5,
    "review_overdue": 1.5,
    "low_engagement": 1.0,
    "not_updated": 1.0,
    "never_reviewed": 1.0,
    "missing_owner": 1.0,
    "customer_comments": 1.5,
}
TIME_BASED = frozenset({"review_overdue", "never_reviewed", "not_updated"})  # cleared by a review


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    detail: str


TEXT = {lang: catalog.TEXT[lang]["review"] for lang in catalog.LANGUAGES}  # the reasons' sentences


def _accent_blind(term: str) -> str:
    """A regex for ``term`` (lowercase) that matches it with or without accents (``panel clásico``)."""
    out = []
    for ch in fold(term.lower()):
        variants = _VARIANTS.get(ch)
        out.append(f"[{re.escape(ch)}{''.join(sorted(variants))}]" if variants else re.escape(ch))
    return "".join(out)


# Lowercase accented letters by the letter they fold to ('a' -> 'áàâäã...'), from indexer.analysis.
_VARIANTS: dict[str, set[str]] = {}
for _cp in range(0x80, 0x250):
    _ch = chr(_cp).lower()
    _base = fold(_ch)
    if _base != _ch and len(_base) == 1:
        _VARIANTS.setdefault(_base, set()).add(_ch)


def deprecated_terms(
    articles: Mapping[str, dict], root: Path, terms: tuple[DeprecatedTerm, ...]
) -> dict[str, list[tuple[DeprecatedTerm, list[int]]]]:
    """Article id -> the deprecated terms its file uses and on which lines (case and accents ignored).

    The file is searched as it is, lowercased, with one regex whose letters accept their accented forms:
    folding 30 MB of text first cost seconds."""
    by_key = {fold(t.term.lower()): t for t in terms}
    alternatives = sorted(by_key, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(f"({_accent_blind(k)})" for k in alternatives) + r")(?!\w)")
    out: dict[str, list[tuple[DeprecatedTerm, list[int]]]] = {}
    for article_id, meta in articles.items():
        try:
            source = (Path(root) / meta["path"]).read_text(encoding="utf-8").lower()
        except (OSError, UnicodeDecodeError):
            continue
        lines: dict[str, list[int]] = {}
        for match in pattern.finditer(source):
            key = alternatives[match.lastindex - 1]
            number = source.count("\n", 0, match.start()) + 1
            found = lines.setdefault(key, [])
            if not found or found[-1] != number:
                found.append(number)
        if lines:
            out[article_id] = [(by_key[k], v) for k, v in sorted(lines.items(), key=lambda kv: kv[1][0])]
    return out
