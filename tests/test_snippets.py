"""Snippet highlighting: the fast paths give what analysing every word would."""

import random
import re

from indexer.analysis import terms
from indexer.local import open_current
from kb.services import snippets


def _every_word(text: str, marked: set[str], lang: str) -> list[tuple[int, int]]:
    stems = {t.partition(":")[2] for t in marked if t.startswith(f"{lang}:")}
    out = []
    for m in snippets._WORD.finditer(text):
        found = terms(m.group(0), lang)
        if found and found[0] in stems:
            out.append(m.span())
    return out


def _window_by_counting(text, spans, size):
    """The window as it was chosen before: counting the spans after each start, one start at a time."""
    best_start, best_count = 0, 0
    for i, (start, _) in enumerate(spans):
        count = sum(1 for s, e in spans[i:] if e <= start + size)
        if count > best_count:
            best_start, best_count = start, count
    moved = snippets._window(text, [(best_start, best_start)], size) if spans else snippets._window(text, [], size)
    return moved


def test_matches_and_window_equal_the_slow_way(starter):
    reader = open_current(starter.data)
    rng = random.Random(5)
    checked = 0
    for chunk in reader.chunks:
        lang = reader.articles[chunk["article_id"]]["locale"]
        text = " ".join(chunk["text"].split())
        words = re.findall(r"\w+", text)
        for _ in range(3):
            picked = rng.sample(words, min(len(words), rng.choice([1, 3, 12, 40])))
            picked += ["cry", "happy", "facturación", "IVA", "él"]  # stems that end unlike their words
            marked = {f"{lang}:{t[0]}" for w in picked if (t := terms(w, lang))}
            spans = snippets._matches(text, marked, lang)
            assert spans == _every_word(text, marked, lang)
            assert snippets._window(text, spans, 120) == _window_by_counting(text, spans, 120)
            checked += 1
    assert checked > 300
