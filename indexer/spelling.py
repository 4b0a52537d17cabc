"""Typo tolerance over a build's own vocabulary: the nearest known term of an unknown one.

Terms are the analysed ``lang:stem`` columns of the BM25F matrix, so a correction is always a term
that some section contains. Lookup is symmetric-delete (as SymSpell): every term is indexed under
itself and each of its one-letter deletions; a query term finds the terms that share one of those
keys, which covers one insertion, deletion, substitution or transposition on each side; candidates
are then ranked by true edit distance (optimal string alignment), then by how many sections use them.
Before that, the surface word's own one-edit variants are analysed (:meth:`Speller.correct_word`),
which catches typos that change what the stemmer cuts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

MIN_LENGTH = 4  # shorter words have too many neighbours to guess from
# Longer words are never guessed at: a guess costs memory and time in proportion to the square of the
# word's length (its one-edit variants), and no word a person writes is this long.
MAX_LENGTH = 64


LETTERS = "abcdefghijklmnopqrstuvwxyzñ"  # after folding, the only letters left


def _edits(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away (Norvig's edits1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS if c != b[0]]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def max_distance(term: str) -> int:
    return 1 if len(term) <= 5 else 2


class Speller:
    """Nearest known term within one or two edits, per language prefix (``es:``, ``en:``)."""

    def __init__(self, vocab: Sequence[str], frequency: Sequence[int]) -> None:
        self.frequency: dict[str, int] = {}  # every known term -> sections that use it
        self._keys: dict[str, list[str]] = {}
        for term, freq in zip(vocab, frequency, strict=True):
            if freq < 1:
                continue
            self.frequency[term] = int(freq)
            lang, _, word = term.partition(":")
            if not MIN_LENGTH <= len(word) <= MAX_LENGTH or not word.isalpha():
                continue
            for key in _deletes(word) | {word}:
                self._keys.setdefault(f"{lang}:{key}", []).append(term)
        log.debug("speller: %d terms, %d keys", len(self.frequency), len(self._keys))

    def correct_word(self, lang: str, word: str, analyse: Callable[[str], list[str]]) -> tuple[str, str] | None:
        """``(lang:term, variant)``: the most used known term among the analyses of ``word``'s one-edit
        variants, and the variant that gave it; or None.

        Typos often break a suffix the stemmer would remove (``conciliasion`` is no ``-ación`` word),
        so the surface word is corrected first, each variant analysed (``conciliacion`` -> ``concili``).
        """
        if not MIN_LENGTH <= len(word) <= MAX_LENGTH:
            return None
        best: tuple[int, str, str] | None = None
        for variant in sorted(_edits(word)):
            found = analyse(variant)
            if not found:
                continue
            term = f"{lang}:{found[0]}"
            freq = self.frequency.get(term)
            if freq and (best is None or freq > best[0]):
                best = (freq, term, variant)
        return (best[1], best[2]) if best else None

    def correct(self, lang: str, word: str) -> str | None:
        """The best known ``lang:term`` for an unknown ``word`` (already analysed), or None."""
        if not MIN_LENGTH <= len(word) <= MAX_LENGTH:
            return None
        limit = max_distance(word)
        found: set[str] = set()
        for key in _deletes(word) | {word}:
            found.update(self._keys.get(f"{lang}:{key}", ()))
        best: tuple[int, int, str] | None = None
        for term in found:
            dist = edit_distance(word, term.partition(":")[2], limit + 1)
            if dist > limit:
                continue
            rank = (dist, -self.frequency[term], term)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None
