"""Result snippets: the part of a section that best shows the query's words, with those words marked.

A word is marked when its analysis (folding, stop words, stemming in the section's language) gives
one of the query's terms, so ``facturacion`` marks ``facturación`` and ``invoices`` marks ``invoice``.
The snippet is HTML: escaped text with ``<mark>`` around the matches and nothing else.
"""

from __future__ import annotations

import html
import logging
import re

from indexer.analysis import LANGUAGES, fold, terms

log = logging.getLogger(__name__)

SIZE = 240


_WORD = re.compile(r"(?<![\w.\-_'’])\w+(?:[.\-_'’]\w+)*")


def _matches(text: str, marked: set[str], lang: str) -> list[tuple[int, int]]:
    # A word can only analyse to a marked stem if it starts like one (stems are folded prefixes, but for
    # their last letter: Porter turns "cry" into "cri"): only words whose first three letters (two, for
    # stems of three letters or fewer) start a marked stem are analysed. Long tickets mark many stems,
    # and two letters let most Spanish words through.
    stems = {t.partition(":")[2] for t in marked if t.startswith(f"{lang}:")}
    heads3 = {stem[:3] for stem in stems if len(stem) >= 4}
    heads2 = {stem[:2] for stem in stems if 0 < len(stem) <= 3}
    if not heads3 and not heads2:
        return []
    spans = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        head = fold(word[:3].lower())
        if head not in heads3 and head[:2] not in heads2:
            continue
        found = terms(word, lang)
        if found and found[0] in stems:
            spans.append(m.span())
    return spans


def _window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    """The ``size``-character stretch holding the most matches, widened to word boundaries."""
    if len(text) <= size:
        return 0, len(text)
    best_start, best_count = 0, 0
    past = 0  # spans are in order and do not overlap: their ends increase too (one pass, not n^2)
    for i, (start, _) in enumerate(spans):
        past = max(past, i)
        while past < len(spans) and spans[past][1] <= start + size:
            past += 1
        if past - i > best_count:
            best_start, best_count = start, past - i
    # Start a little before the first match, at a word boundary, so it reads as a sentence.
    start = max(0, best_start - size // 6)
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else 0
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def highlight(text: str, marked: set[str], locale: str, size: int = SIZE) -> str:
    """An HTML snippet of ``text`` with the words whose terms are in ``marked`` (``lang:term``) in <mark>."""
    text = " ".join(text.split())
    lang = locale if locale in LANGUAGES else LANGUAGES[0]
    spans = _matches(text, marked, lang) if marked else []
    start, end = _window(text, spans, size)
    out = ["…"] if start > 0 else []
    pos = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)
