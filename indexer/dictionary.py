"""Is a word correctly spelled in Spanish or English? The typo corrector's first question.

A word a visitor typed that a dictionary knows is never "corrected" (``hola`` is not a typo of ``sola``,
nor ``reset`` of ``rest``), even when no article uses it. The word lists are Debian's hunspell
dictionaries expanded to every form they accept (``indexer/dictionaries/``, built by its ``build.py``;
sources and licences in its NOTICE.md), folded as kb folds text.

In memory each list is a sorted array of the words' 64-bit hashes (6 MB for 750,000 forms, not the
~80 MB of a set of strings), made on first use in a process (about 0.7 s).
"""

from __future__ import annotations

import logging
import lzma
import threading
from pathlib import Path

import numpy as np

from indexer.analysis import LANGUAGES, fold

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent / "dictionaries"


class WordList:
    """The folded words of one language, as hashes (Python's, salted per process: never stored)."""

    def __init__(self, words) -> None:
        hashes = np.fromiter((hash(w) for w in words), dtype=np.int64)
        self._hashes = np.unique(hashes)

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, word: str) -> bool:
        h = hash(word)
        i = int(np.searchsorted(self._hashes, h))
        return i < len(self._hashes) and int(self._hashes[i]) == h

    @classmethod
    def read(cls, path: Path) -> WordList:
        return cls(lzma.decompress(Path(path).read_bytes()).decode("utf-8").split())


_LISTS: dict[str, WordList] = {}
_LOCK = threading.Lock()


def word_list(lang: str) -> WordList | None:
    """The language's word list (read once per process), or None if kb has none for it."""
    found = _LISTS.get(lang)
    if found is None and lang in LANGUAGES:
        with _LOCK:
            found = _LISTS.get(lang)
            if found is None:
                path = HERE / f"{lang}.txt.xz"
                try:
                    found = _LISTS[lang] = WordList.read(path)
                except OSError as exc:  # a broken install: correct as before rather than fail
                    log.warning("no word list for %s (%s): typo correction cannot tell real words", lang, exc)
                    return None
    return found


def is_word(word: str, langs: tuple[str, ...] = LANGUAGES) -> bool:
    """Whether ``word`` (any case, accents or not) is a correctly spelled word of one of ``langs``."""
    folded = fold(word.lower())
    return any((found := word_list(lang)) is not None and folded in found for lang in langs)
