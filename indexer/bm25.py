"""BM25F scoring as a sparse matrix: one row per chunk, one column per (language, term).

This is the lexical index. Analysis is Whoosh's (``indexer.analysis``: its stemmers and stop words);
its scorer is not: pure Python, it took 0.4–1.2 s for a 3-word OR query over d365's 40k chunks. Here
the BM25F formula is precomputed per (chunk, term) at load time, so a query is a sum of a few sparse
columns in C: about a millisecond.

    score(chunk, query) = Σ_t idf(t) · tf'/(k1 + tf'),   tf' = Σ_field boost · tf / (1 − b + b · len/avglen)

Raw term counts per field are what a build stores (``bm25.npz`` + ``bm25-vocab.json``); carried
chunks keep their rows, so an incremental build analyses only the chunks it changed.
"""

from __future__ import annotations

import bisect
import json
import logging
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from indexer.analysis import LANGUAGES, TOKEN_RE, detect_language, fold, is_courtesy, terms
from indexer.dictionary import is_word
from indexer.spelling import Speller

log = logging.getLogger(__name__)

FIELDS = ("title", "headings", "body")
BOOSTS = np.array([3.0, 2.0, 1.0], dtype=np.float32)  # title, headings, body: a word in a title says most
K1 = 1.2
B = 0.75
CORRECT_UP_TO_WORDS = 12  # queries longer than this get no typo correction (a search box: a dozen words)
MAX_CORRECTIONS = 3
MAX_CORRECTED_CHARS = 30  # longer words are no typos of a word anyone writes (and cost most to guess)
MATRIX = "bm25.npz"
VOCAB = "bm25-vocab.json"


def row_fields(row: dict) -> tuple[str, str, str]:
    """A chunk's lexical fields: its article's title and tags (the words its owner chose to be found
    by, as a help center's labels are), its heading path, its text."""
    tags = " ".join(row.get("tags") or ())
    return f"{row['title']} {tags}".strip(), " ".join(row["path"]), row["text"]


def _lang(row: dict) -> str:
    return row["locale"] if row["locale"] in LANGUAGES else LANGUAGES[0]


class TermCounts:
    """Raw term frequencies per field (CSR, rows = chunks) and the vocabulary of ``lang:term`` columns."""

    def __init__(self, vocab: list[str], fields: list[sparse.csr_matrix]) -> None:
        self.vocab = vocab
        self.fields = fields

    @classmethod
    def empty(cls) -> TermCounts:
        return cls([], [sparse.csr_matrix((0, 0), dtype=np.float32) for _ in FIELDS])

    @property
    def rows(self) -> int:
        return self.fields[0].shape[0]

    def extend(self, rows: Sequence[dict]) -> TermCounts:
        """These counts with ``rows`` analysed and appended (the vocabulary grows as needed)."""
        index = {t: i for i, t in enumerate(self.vocab)}
        vocab = list(self.vocab)
        new_fields = []
        for f in range(len(FIELDS)):
            data, cols, indptr = [], [], [0]
            for row in rows:
                lang = _lang(row)
                counts = Counter(terms(row_fields(row)[f], lang))
                for term, n in counts.items():
                    key = f"{lang}:{term}"
                    col = index.get(key)
                    if col is None:
                        col = index[key] = len(vocab)
                        vocab.append(key)
                    cols.append(col)
                    data.append(n)
                indptr.append(len(cols))
            new_fields.append((np.array(data, dtype=np.float32), np.array(cols, dtype=np.int32), np.array(indptr)))
        width = len(vocab)
        fields = []
        for old, (data, cols, indptr) in zip(self.fields, new_fields, strict=True):
            added = sparse.csr_matrix((data, cols, indptr), shape=(len(rows), width), dtype=np.float32)
            old = sparse.csr_matrix((old.data, old.indices, old.indptr), shape=(old.shape[0], width))
            fields.append(sparse.vstack([old, added], format="csr"))
        return TermCounts(vocab, fields)

    def take(self, rows: Sequence[int]) -> TermCounts:
        """Only these rows, in this order (the chunks a build carries over)."""
        index = np.asarray(rows, dtype=np.int64)
        return TermCounts(self.vocab, [m[index] for m in self.fields])

    def save(self, directory: Path) -> None:
        arrays = {}
        for name, m in zip(FIELDS, self.fields, strict=True):
            arrays[f"{name}_data"], arrays[f"{name}_indices"], arrays[f"{name}_indptr"] = m.data, m.indices, m.indptr
        arrays["shape"] = np.array([self.rows, len(self.vocab)])
        np.savez(Path(directory) / MATRIX, **arrays)
        (Path(directory) / VOCAB).write_text(json.dumps(self.vocab, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> TermCounts:
        with np.load(Path(directory) / MATRIX) as z:
            shape = tuple(int(x) for x in z["shape"])
            fields = [
                sparse.csr_matrix((z[f"{n}_data"], z[f"{n}_indices"], z[f"{n}_indptr"]), shape=shape) for n in FIELDS
            ]
        vocab = json.loads((Path(directory) / VOCAB).read_text(encoding="utf-8"))
        return cls(vocab, fields)


@dataclass(frozen=True, slots=True)
class QueryTerms:
    columns: list[int]  # the query's known terms (not its corrections)
    # query word (lowercased) -> the columns it gave: what matched, in the customer's words
    by_word: dict[str, list[int]] = field(default_factory=dict)
    # misspelt word -> (known ``lang:term``, the corrected spelling when one edit of the word gives it, else "")
    corrections: dict[str, tuple[str, str]] = field(default_factory=dict)
    unknown: tuple[str, ...] = ()  # content words no visible section uses (corrected ones included)

    def corrected(self, column: dict[str, int]) -> QueryTerms:
        """These terms with each correction taken: its column added, the word no longer unknown."""
        if not self.corrections:
            return self
        fixed = {word: [column[term]] for word, (term, _) in self.corrections.items()}
        return QueryTerms(
            list(dict.fromkeys(self.columns + [c for cols in fixed.values() for c in cols])),
            {**self.by_word, **fixed},
            self.corrections,
            tuple(w for w in self.unknown if w not in fixed),
        )


@dataclass(frozen=True, slots=True)
class SpellingLimits:
    """How much typo correction a text gets: it is for what customers type, a few words, and each guess
    costs in proportion to the word's length (its one-edit variants), so a hostile word must not get one."""

    max_words: int = CORRECT_UP_TO_WORDS  # texts with more (distinct) words get no correction
    max_corrections: int = MAX_CORRECTIONS  # words corrected per text
    max_word_chars: int = MAX_CORRECTED_CHARS  # longer words are never corrected (no language has them)


def _number_forms(word: str) -> tuple[str, ...]:
    """The word's plural or singular, as Spanish and English mostly make them."""
    if word.endswith("es") and len(word) > 4:
        return (word[:-2], word[:-1])
    if word.endswith("s") and len(word) > 3:
        return (word[:-1],)
    return (word + "s", word + "es")


class BM25Index:
    """Query-time BM25F over a build's term counts, as seen from some of its rows.

    ``rows`` (a boolean mask over chunk rows; all rows when None) are the sections a reader may see:
    only they have weights, and the statistics (document frequencies, IDF, average field lengths) and
    the vocabulary a query may use or be corrected to are theirs. A customer's scores then cannot
    depend on how many internal sections use a word: nothing hidden can be counted through them.
    """

    def __init__(self, counts: TermCounts, rows: np.ndarray | None = None) -> None:
        self.vocab = counts.vocab
        self.column = {t: i for i, t in enumerate(counts.vocab)}
        self._speller: Speller | None = None
        self._speller_lock = threading.Lock()
        self._sorted_known: list[str] | None = None
        n = counts.rows
        keep = None if rows is None else sparse.diags(np.asarray(rows, dtype=np.float32))
        visible = self.visible_rows = n if rows is None else int(np.count_nonzero(rows))
        weighted = None
        for boost, m in zip(BOOSTS, counts.fields, strict=True):
            if keep is not None:
                m = (keep @ m).tocsr()
                m.eliminate_zeros()
            lengths = np.asarray(m.sum(axis=1)).ravel()
            avg = lengths.sum() / visible if visible and lengths.sum() > 0 else 1.0
            norm = 1.0 / (1 - B + B * lengths / avg)
            part = sparse.diags(boost * norm.astype(np.float32)) @ m
            weighted = part if weighted is None else weighted + part
        if weighted is None or n == 0 or visible == 0:
            self.weights = sparse.csc_matrix((n, len(counts.vocab)), dtype=np.float32)
            self.df = np.zeros(len(counts.vocab), dtype=np.int64)
            self.idf = np.zeros(len(counts.vocab), dtype=np.float32)
            self.known: dict[str, int] = {}
            return
        weighted = weighted.tocsc()
        weighted.eliminate_zeros()
        weighted.sort_indices()  # matched() bisects each column's rows
        df = self.df = np.diff(weighted.indptr)
        # Each column's inverse document frequency (over the visible chunks), as BM25 weighs it.
        idf = self.idf = np.log(1 + (visible - df + 0.5) / (df + 0.5)).astype(np.float32)
        weighted.data = weighted.data / (K1 + weighted.data)
        weighted.data *= np.repeat(idf, df)
        self.weights = weighted
        # The terms some visible row holds: the only ones a query may know or be corrected to.
        self.known = {t: c for t, c in self.column.items() if df[c] > 0}

    @classmethod
    def load(cls, directory: Path, rows: np.ndarray | None = None) -> BM25Index:
        return cls(TermCounts.load(directory), rows)

    def query_columns(self, text: str, locale: str | None) -> list[int]:
        return self.analyse(text, locale, correct=False).columns

    @property
    def speller(self) -> Speller:
        """The typo corrector over the visible vocabulary, built on first use (a fraction of a second)."""
        if self._speller is None:
            with self._speller_lock:
                if self._speller is None:
                    self._speller = Speller(self.vocab, self.df)
        return self._speller

    def analyse(
        self,
        text: str,
        locale: str | None,
        correct: bool = True,
        language: str | None = None,
        limits: SpellingLimits | None = None,
    ) -> QueryTerms:
        """The query's known columns; its content words the knowledge base does not know; and, with
        ``correct``, the known term each misspelt one most likely meant.

        A word is analysed in the query's language (the ``locale`` filter, else detected) and looked
        up in the other language only when the first does not know it: articles quote the other
        language's words ('login' in Spanish text), but a Spanish 'de' must not match English text.
        ``language`` is the query's language when the caller has detected it already. A term is
        known, and a correction offered, only if some visible row holds it: a word that only hidden
        articles use is unknown to those who may not see them.

        Courtesy words ('hola', 'gracias', 'thanks') say nothing about what is asked: they are left out
        like stop words. An unknown word that is correctly spelled Spanish or English (the hunspell
        word lists of ``indexer.dictionary``) is never corrected: 'hola' is no typo of 'sola'. Others
        are corrected towards the words the visible articles use, in either language; the corrections
        are returned apart (``QueryTerms.corrected``), for the caller to decide whether to use them.
        """
        column = self.known
        limits = limits or SpellingLimits()
        if locale in LANGUAGES:
            primary, langs = locale, [locale]
        else:
            primary, langs = language or detect_language(text), list(LANGUAGES)
        cols: list[int] = []
        from_word: dict[str, list[int]] = {}
        corrections: dict[str, tuple[str, str]] = {}
        unknown: list[str] = []
        words = list(dict.fromkeys(w.lower() for w in TOKEN_RE.findall(text)))
        # Typo correction is for what customers type: a few words. In a long text (a pasted error, a
        # ticket) an unknown word is mostly a name or an identifier, and guesses would add noise.
        correct = correct and len(words) <= limits.max_words
        for word in words:
            if is_courtesy(word):
                continue
            if primary is not None:
                own = terms(word, primary)
                if not own:
                    continue  # a function word of the query's language
                col = column.get(f"{primary}:{own[0]}")
                if col is not None:
                    cols.append(col)
                    from_word[word] = [col]
                    continue
            analysed = {lang: t for lang, t in ((lang, terms(word, lang)) for lang in langs) if t}
            if len(analysed) < len(langs):
                continue  # a stop word in one of the languages it may be in: no content word
            known = [column[k] for k in (f"{lang}:{t[0]}" for lang, t in analysed.items()) if k in column]
            if not known:
                # The stemmer may cut a word and its plural differently ('recordatorio' -> 'recordator',
                # 'recordatorios' -> 'recordatori'): the same word in number is the same word.
                known = [
                    column[k]
                    for lang in analysed
                    for form in _number_forms(word)
                    for t in [terms(form, lang)]
                    if t and (k := f"{lang}:{t[0]}") in column
                ][:1]
            if not known and is_word(word):
                # ... or a verb's forms ('olvidé' -> 'olvid', 'olvidado' -> 'olvidad'): a real word whose
                # stem begins another known stem of its language, a letter or two longer, is that word.
                known = [c for c in (self._extension(f"{lang}:{t[0]}") for lang, t in analysed.items()) if c][:1]
            if known:
                cols.extend(known)
                from_word[word] = known
                continue
            unknown.append(word)
            if not correct or not word.isalpha() or len(corrections) >= limits.max_corrections:
                continue
            if len(word) > limits.max_word_chars or is_word(word):
                continue
            guess = self._guess(fold(word), primary)
            if guess is not None:
                corrections[word] = guess
        return QueryTerms(list(dict.fromkeys(cols)), from_word, corrections, tuple(unknown))

    def _extension(self, term: str) -> int | None:
        """The column of the most used known term that extends ``term`` (``lang:stem``, a stem of at
        least 5 letters) by one or two letters, if any."""
        stem = term.partition(":")[2]
        if len(stem) < 5:
            return None
        if self._sorted_known is None:
            self._sorted_known = sorted(self.known)
        at = bisect.bisect_right(self._sorted_known, term)
        best = None
        for other in self._sorted_known[at : at + 50]:
            if not other.startswith(term):
                break
            if len(other) - len(term) <= 2:
                col = self.known[other]
                if best is None or self.df[col] > self.df[best]:
                    best = col
        return best

    def _guess(self, folded: str, primary: str | None) -> tuple[str, str] | None:
        """The known ``lang:term`` a misspelt (folded) word most likely meant, and the one-edit spelling
        that gives it ("" when it takes two edits), in either language: one edit before two, the query's
        language before the other, then the term more sections use."""
        speller = self.speller
        guesses = []
        for lang in LANGUAGES:
            by_word = speller.correct_word(lang, folded, lambda w, lang=lang: terms(w, lang))
            if by_word:
                guesses.append((0, by_word))
                continue
            stem = terms(folded, lang)
            by_term = speller.correct(lang, stem[0]) if stem else None
            if by_term:
                guesses.append((1, (by_term, "")))
        if not guesses:
            return None
        best = min(
            guesses, key=lambda g: (g[0], not g[1][0].startswith(f"{primary}:"), -speller.frequency.get(g[1][0], 0))
        )
        return best[1]

    def matched(self, rows: Iterable[int], columns: Iterable[int]) -> dict[int, list[int]]:
        """For each chunk row, the ``columns`` (query terms) it contains, in ``columns`` order."""
        w = self.weights
        rows = np.asarray(sorted(set(rows)), dtype=np.int64)
        out: dict[int, list[int]] = {int(r): [] for r in rows}
        if not len(rows):
            return out
        for col in columns:
            found = w.indices[w.indptr[col] : w.indptr[col + 1]]
            at = np.searchsorted(found, rows)
            hit = at < len(found)
            hit[hit] = found[at[hit]] == rows[hit]
            for r in rows[hit]:
                out[int(r)].append(col)
        return out

    def best_score(self, columns: set[int]) -> float:
        """The best score any visible chunk gets from ``columns`` together (0 for none)."""
        if not columns:
            return 0.0
        w = self.weights  # CSC: each column's rows and weights are one slice
        rows = np.concatenate([w.indices[w.indptr[c] : w.indptr[c + 1]] for c in columns])
        weights = np.concatenate([w.data[w.indptr[c] : w.indptr[c + 1]] for c in columns])
        if len(columns) == 1:
            return float(weights.max(initial=0.0))
        _, row_of = np.unique(rows, return_inverse=True)
        return float(np.bincount(row_of, weights=weights).max(initial=0.0))

    def rows_with(self, term: str, k: int = 3) -> list[int]:
        """A few chunk rows that contain ``term`` (``lang:stem``)."""
        col = self.column.get(term)
        if col is None:
            return []
        start = self.weights.indptr[col]
        return [int(r) for r in self.weights.indices[start : min(start + k, self.weights.indptr[col + 1])]]

    def scores(self, columns: Iterable[int]) -> np.ndarray:
        cols = list(dict.fromkeys(columns))
        if not cols:
            return np.zeros(self.weights.shape[0], dtype=np.float32)
        return np.asarray(self.weights[:, cols].sum(axis=1)).ravel()

    def search(
        self, text: str, k: int, locale: str | None = None, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """``(row, score)`` of the best ``k`` chunks with a positive score, among ``mask`` rows if given."""
        return self.search_columns(self.query_columns(text, locale), k, mask)

    def search_columns(self, columns: list[int], k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        scores = self.scores(columns)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        positive = int(np.count_nonzero(scores > 0))
        if not positive:
            return []
        k = min(k, positive)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(r), float(scores[r])) for r in top]
