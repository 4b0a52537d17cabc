"""Typo correction as a visitor sees it: the corrected query, written as the visible articles write it.

``indexer.bm25`` decides which words are misspelt (never a dictionary word, never a word of the
knowledge base) and which known term each most likely meant; this module spells the corrected query
(accents and all), and search decides whether the correction is worth showing (``kb.services.search``).
"""

from __future__ import annotations

from collections import Counter

from indexer.analysis import TOKEN_RE, fold, terms
from indexer.backend import Index, Lexicon
from indexer.spelling import edit_distance


def _surface_form(index: Index, lexicon: Lexicon, term: str, typed: str, variant: str) -> str | None:
    """How to write the corrected word: as the articles the reader may see write it (accents and all)
    when they write the one-edit ``variant`` of what was typed or a word as close; else that variant;
    else the article word closest to ``typed``."""
    lang, _, stem = term.partition(":")
    seen: Counter = Counter()
    for chunk_id in lexicon.chunks_with(term, k=5):
        chunk = index.chunk(chunk_id)
        for word in TOKEN_RE.findall(f"{chunk['title']} {chunk['text']}"):
            if terms(word, lang) == [stem]:
                seen[word.lower()] += 1
    closest = min(seen, key=lambda w: (edit_distance(fold(w), typed, 4), -seen[w], w)) if seen else None
    if variant:
        same = [w for w in seen if fold(w) == variant]
        if same:
            return max(same, key=lambda w: seen[w])
        # A word the articles use, as close to what was typed as the variant is, reads better.
        if closest and edit_distance(fold(closest), typed, 4) <= edit_distance(variant, typed, 4):
            return closest
        return variant
    return closest


def corrected_query(
    index: Index, lexicon: Lexicon, query: str, corrections: dict[str, tuple[str, str]]
) -> str | None:
    """The query with each misspelt word replaced by the known word it most likely meant."""
    if not corrections:
        return None
    replaced = {
        word: _surface_form(index, lexicon, term, fold(word), variant) for word, (term, variant) in corrections.items()
    }
    replaced = {w: r for w, r in replaced.items() if r and r != w}
    if not replaced:
        return None
    return TOKEN_RE.sub(lambda m: replaced.get(m.group(0).lower(), m.group(0)), query)
