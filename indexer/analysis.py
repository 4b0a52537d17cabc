"""Text analysis for the lexical index: Spanish and English stemming, stop words, accent folding.

Both sides of a match (indexed text and query) run through the same pipeline:
lowercase -> fold accents (keeping ``ñ``) -> drop stop words -> stem.

Folding before stemming makes ``contrasena`` meet ``contraseña`` and ``facturacion`` meet
``facturación``. The Snowball Spanish stemmer only recognises some suffixes with their accent
(``-ación``, ``-logía``, verb endings in ``-ía``...), so the folded word gets those suffix accents back
before it is stemmed and the stem is folded again: both spellings end at the same stem.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stopwords_for_language
from whoosh.lang.porter2 import stem as _porter2_stem
from whoosh.lang.snowball.spanish import SpanishStemmer

log = logging.getLogger(__name__)

LANGUAGES = ("es", "en")
# Analysis changes invalidate every lexical index built before; bump on any change below.
ANALYSIS_VERSION = 2  # 2: words past STEMMED_CHARS are not stemmed

# Words: letters and digits, joined by inner dots, dashes, underscores or apostrophes (v2.4.7, e-mail, ACSD-48204).
TOKEN_PATTERN = r"\w+(?:[.\-_'’]\w+)*"

_KEEP = {"ñ", "Ñ"}


def _fold_char(ch: str) -> str:
    if ch in _KEEP or ch.isascii():
        return ch
    decomposed = unicodedata.normalize("NFD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or ch


# Folding through str.translate: Latin letters up to U+024F (every accented letter of Spanish and English)
# in a table made at import; the rest of the Basic Multilingual Plane (typographic quotes, Greek,
# Cyrillic...) in one made on first need (0.1 s). Only texts with characters beyond (emoji) go a
# character at a time. tests/test_analysis.py checks the tables against _fold_char.
_LATIN_END, _BMP_END = "\u024f", "\uffff"


def _table(first: int, end: int) -> dict[int, str]:
    return {cp: folded for cp in range(first, end) if (folded := _fold_char(chr(cp))) != chr(cp)}


_LATIN = _table(0x80, 0x250)
_BMP: dict[int, str] = {}


# Caches keep words up to this length only: a visitor's megabyte-long "word" must not stay in memory.
CACHED_CHARS = 64


def fold(text: str) -> str:
    """Remove diacritics except the tilde of ``ñ``: ``Facturación`` -> ``Facturacion``, ``año`` stays."""
    return _fold_cached(text) if len(text) <= CACHED_CHARS else _fold(text)


@lru_cache(maxsize=100_000)
def _fold_cached(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():
        return text
    top = max(text)
    if top <= _LATIN_END:
        return text.translate(_LATIN)
    if top <= _BMP_END:
        if not _BMP:
            _BMP.update(_table(0x80, 0x10000))
        return text.translate(_BMP)
    return "".join(_fold_char(ch) for ch in text)


class FoldFilter(Filter):
    """Accent folding that keeps ``ñ`` distinct from ``n`` (``año`` is not ``ano``)."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold(t.text)
            yield t


def _spanish_suffix_accents() -> list[tuple[str, str]]:
    """(folded suffix, accented suffix) for every Snowball Spanish suffix that carries an accent."""
    pairs = {}
    for name, value in vars(SpanishStemmer).items():
        if name.startswith("_SpanishStemmer__step") and isinstance(value, tuple):
            for suffix in value:
                folded = fold(suffix)
                if folded != suffix:
                    pairs.setdefault(folded, suffix)
    return sorted(pairs.items(), key=lambda p: -len(p[0]))


_SPANISH = SpanishStemmer()
_SPANISH_ACCENTS = _spanish_suffix_accents()


# Longer tokens are no words (hashes, encoded blobs, a hostile ticket's 200,000 'y's) and the stemmers
# scan them suffix by suffix (Porter2 took 1.2 s on one such word): they stay as they are, folded.
STEMMED_CHARS = CACHED_CHARS


def spanish_stem(word: str) -> str:
    """Stem a folded Spanish word so that accented and unaccented spellings meet."""
    return _spanish_stem_cached(word) if len(word) <= STEMMED_CHARS else word


def english_stem(word: str) -> str:
    """Porter2, for words up to ``STEMMED_CHARS``."""
    return _porter2_stem(word) if len(word) <= STEMMED_CHARS else word


@lru_cache(maxsize=200_000)
def _spanish_stem_cached(word: str) -> str:
    return _spanish_stem(word)


def _spanish_stem(word: str) -> str:
    for folded, accented in _SPANISH_ACCENTS:
        if word.endswith(folded) and len(word) > len(folded) + 1:
            word = word[: -len(folded)] + accented
            break
    return fold(_SPANISH.stem(word))


def _stoplist(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in stopwords_for_language(lang))


def analyzer(lang: str, stem: bool = True):
    """The Whoosh analyzer for one language; ``stem=False`` keeps whole folded words (exact matches)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no analyzer for language {lang!r}; known: {', '.join(LANGUAGES)}")
    chain = RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | FoldFilter()
    chain = chain | StopFilter(stoplist=_stoplist(lang), minsize=1)
    if stem:
        stemfn = spanish_stem if lang == "es" else english_stem
        chain = chain | StemFilter(stemfn=stemfn, cachesize=50_000)
    return chain


def tokens(text: str, lang: str, stem: bool = True) -> list[str]:
    """The terms ``text`` becomes in the Whoosh index."""
    return [t.text for t in analyzer(lang, stem)(text)]


TOKEN_RE = _TOKEN_RE = re.compile(TOKEN_PATTERN)
_STEMMERS = {"es": spanish_stem, "en": english_stem}
_TERM_CACHE: dict[str, dict[str, str | None]] = {lang: {} for lang in LANGUAGES}
_STOPS = {lang: _stoplist(lang) for lang in LANGUAGES}


def terms(text: str, lang: str) -> list[str]:
    """The same terms as ``tokens(text, lang)``, without Whoosh's per-token objects (~10x faster).

    Used to build the BM25F term matrix; a test keeps both paths equal.
    """
    cache = _TERM_CACHE[lang]
    stops, stem = _STOPS[lang], _STEMMERS[lang]
    out = []
    for word in _TOKEN_RE.findall(text):
        term = cache.get(word, "")
        if term == "":
            folded = fold(word.lower())
            term = None if folded in stops else stem(folded)
            if len(cache) < 500_000 and len(word) <= CACHED_CHARS:
                cache[word] = term
        if term is not None:
            out.append(term)
    return out


# Words that greet, thank or sign off: in a query or a ticket they say nothing about what is asked
# ("hola", alone, must find nothing). Query-side only: articles are indexed as written.
COURTESY = frozenset(
    fold(w)
    for w in (
        "hola holaa buenas buenos días dias tardes noches gracias graciass saludos saludo adiós adios chao "
        "estimado estimada estimados estimadas cordialmente atentamente porfa porfavor "
        "hi hello hey hiya thanks thank thx ty regards cheers dear greetings bye goodbye please pls ok okay"
    ).split()
)


def is_courtesy(word: str) -> bool:
    return fold(word.lower()) in COURTESY


def folded_words(text: str) -> list[str]:
    """The text's tokens lowercased and accent-folded, unstemmed (prefix matching on titles)."""
    return [fold(w.lower()) for w in _TOKEN_RE.findall(text)]


_SPANISH_MARKS = re.compile(r"[ñ¿¡áéíóú]", re.IGNORECASE)
_RAW_STOPS = {lang: frozenset(stopwords_for_language(lang)) for lang in LANGUAGES}


def detect_language(text: str) -> str | None:
    """``es``, ``en`` or None: which language's stop words the text uses more (with at least three of
    them); for short texts, Spanish letters and punctuation (ñ, ¿, accents) say ``es``."""
    words = [w.lower() for w in _TOKEN_RE.findall(text)]
    es = sum(w in _RAW_STOPS["es"] for w in words)
    en = sum(w in _RAW_STOPS["en"] for w in words)
    if es + en >= 3 and es != en:
        return "es" if es > en else "en"
    if _SPANISH_MARKS.search(text):
        return "es"
    if es == en:
        return None
    return "es" if es > en else "en"
