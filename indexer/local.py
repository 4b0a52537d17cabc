"""kb's local index backend: a finished build's files in ``DATA_DIR`` (its manifest, chunks,
articles, BM25F term counts, FAISS vectors and rendered pages), behind ``indexer.backend``'s interface.

A :class:`LocalIndex` is one immutable build; :class:`LocalBackend` opens the live one, and its
``live_build_id`` (a readlink, microseconds) lets holders notice a switch and reopen. Who may read
what is a boolean array over articles, mapped to section rows: those arrays, the rows, FAISS and the
term matrix stay in this module.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

import faiss
import numpy as np

from indexer.analysis import folded_words
from indexer.backend import ArticleRecord, BuildContents, ChunkRecord, Filter, ModelMismatch, NoIndex
from indexer.bm25 import MATRIX as BM25_MATRIX
from indexer.bm25 import BM25Index, TermCounts
from indexer.categories import FILENAME as CATEGORIES
from indexer.labels import FILENAME as LABELS
from indexer.layout import (
    BUILDS,
    CURRENT,
    MANIFEST,
    BuildLock,
    current_build_dir,
    current_build_id,
    read_manifest,
    switch,
)
from indexer.render import FILENAME as PAGES
from indexer.render import PageStore
from indexer.sources import article_id_for
from indexer.vectors import Encoder, VectorIndex

log = logging.getLogger(__name__)

__all__ = ["LocalBackend", "LocalIndex", "LocalWriter", "ModelMismatch", "NoIndex", "open_current"]
CHUNKS, ARTICLES = "chunks.json", "articles.json"


class LocalLexicon:
    """One audience's BM25F (``indexer.bm25.BM25Index``) speaking in chunk ids."""

    def __init__(self, index: LocalIndex, bm25: BM25Index) -> None:
        self._index = index
        self.bm25 = bm25
        self.vocab, self.df, self.idf = bm25.vocab, bm25.df, bm25.idf
        self.visible_rows, self.known = bm25.visible_rows, bm25.known

    @property
    def speller(self):
        return self.bm25.speller

    def analyse(self, text, locale, correct=True, *, language=None, limits=None):
        return self.bm25.analyse(text, locale, correct, language=language, limits=limits)

    def search(self, columns: list[int], n: int, where: Filter) -> list[tuple[str, float]]:
        chunks = self._index.chunks
        return [(chunks[r]["id"], s) for r, s in self.bm25.search_columns(columns, n, mask=self._index.mask(where))]

    def matched(self, chunk_ids: Sequence[str], columns: Sequence[int]) -> dict[str, list[int]]:
        row_of, chunks = self._index.row_of, self._index.chunks
        found = self.bm25.matched([row_of[c] for c in chunk_ids], columns)
        return {chunks[r]["id"]: cols for r, cols in found.items()}

    def best_score(self, columns: set[int]) -> float:
        return self.bm25.best_score(columns)

    def chunks_with(self, term: str, k: int = 3) -> list[str]:
        return [self._index.chunks[r]["id"] for r in self.bm25.rows_with(term, k)]


class LocalVectors:
    """The build's FAISS index (``indexer.vectors.VectorIndex``) speaking in chunk ids."""

    def __init__(self, index: LocalIndex, faiss_index: VectorIndex) -> None:
        self._index = index
        self.faiss = faiss_index
        # One query at a time, one thread each: the server runs requests on threads of its own, and
        # FAISS's OpenMP team for a single query only waits for a busy core. Measured on 40,000 SQ8
        # vectors with the other core busy: 2 threads p50 5-8 ms, p90 16 ms; 1 thread p50 2-5 ms, p90
        # 2.3-5.5 ms (171 vectors: p90 8 ms against 0.01 ms). Torch keeps its own thread setting.
        faiss.omp_set_num_threads(1)

    def search(self, vector: np.ndarray, n: int, where: Filter, floor: float = -1.0) -> list[tuple[str, float]]:
        mask = self._index.mask(where)
        # Filters hide rows after FAISS ranks them: ask for more the fewer rows they let through.
        share = max(float(np.count_nonzero(mask)) / max(len(mask), 1), 1e-6)
        k = min(len(mask), int(n * 3 / min(share, 1.0)) + 1)
        chunks, out = self._index.chunks, []
        for row, score in self.faiss.search(vector, k):
            if score < floor:
                break
            if mask[row]:
                out.append((chunks[row]["id"], score))
                if len(out) >= n:
                    break
        return out

    def vectors(self, chunk_ids: Sequence[str]) -> np.ndarray:
        row_of = self._index.row_of
        return self.faiss.rows([row_of[c] for c in chunk_ids]).astype(np.float32, copy=False)

    def sample(self, where: Filter, n: int) -> np.ndarray:
        rows = np.flatnonzero(self._index.mask(where))
        if len(rows) > n:
            rows = np.sort(np.random.default_rng(0).choice(rows, n, replace=False))
        return self.faiss.rows(rows.tolist()).astype(np.float32, copy=False)

    def all(self) -> np.ndarray:
        """Every vector, in chunk order (the indexer carries unchanged ones into the next build)."""
        return self.faiss.vectors()


class LocalIndex:
    """One build in a folder of ``DATA_DIR/builds``."""

    def __init__(self, build_dir: Path) -> None:
        self.path = Path(build_dir)
        self.manifest = read_manifest(self.path)
        if not (self.path / BM25_MATRIX).is_file() or not (self.path / PAGES).is_file():
            raise NoIndex(f"the index in {self.path.parent.parent} was made by an older kb; run `kb index`")
        self.build_id: str = self.manifest["build_id"]
        self.chunks: list[ChunkRecord] = json.loads((self.path / CHUNKS).read_text(encoding="utf-8"))
        self.articles: dict[str, ArticleRecord] = json.loads((self.path / ARTICLES).read_text(encoding="utf-8"))
        labels_path = self.path / LABELS
        # Products' and tags' display names per language (indexer.labels); builds before them have none.
        self.labels: dict[str, dict[str, dict[str, str]]] = (
            json.loads(labels_path.read_text(encoding="utf-8")) if labels_path.is_file() else {}
        )
        categories_path = self.path / CATEGORIES
        self.categories: dict[str, dict] = (
            json.loads(categories_path.read_text(encoding="utf-8")) if categories_path.is_file() else {}
        )
        self.row_of: dict[str, int] = {c["id"]: i for i, c in enumerate(self.chunks)}
        # Links between articles name the target's file; an article whose front matter sets another id
        # is still found by its path-derived id.
        self.id_by_path: dict[str, str] = {article_id_for(a["path"]): i for i, a in self.articles.items()}
        self.vectors = LocalVectors(self, VectorIndex.load(self.path))
        self.pages = PageStore(self.path / PAGES)
        # Visibility and filters are boolean arrays over articles, mapped to chunk rows by index.
        self._ids: list[str] = list(self.articles)
        self.article_row: dict[str, int] = {a: i for i, a in enumerate(self._ids)}
        self.chunk_article = np.array([self.article_row[c["article_id"]] for c in self.chunks], dtype=np.int64)
        self._chunks_of: dict[str, list[str]] = {a: [] for a in self._ids}
        for c in self.chunks:
            self._chunks_of[c["article_id"]].append(c["id"])
        metas = [self.articles[a] for a in self._ids]
        self._published = np.array([a["status"] == "published" for a in metas], dtype=bool)
        self._public = np.array([a["audience"] == "public" for a in metas], dtype=bool)
        self._locale = np.array([a["locale"] for a in metas], dtype=object)
        self._product = np.array([(a.get("product") or "").lower() for a in metas], dtype=object)
        self._tags = [{t.lower() for t in a.get("tags") or ()} for a in metas]
        self._segments = [frozenset(a.get("segments") or ()) for a in metas]
        self._unrestricted = np.array([not s for s in self._segments], dtype=bool)
        self.segment_names: frozenset[str] = frozenset().union(*self._segments)
        self._masks: dict[tuple[bool, str | None, frozenset[str]], np.ndarray] = {}
        # Word statistics per audience, each from the sections that audience may see (BM25Index); a
        # customer carrying segments gets a lexicon of their own (made on first use, a few kept).
        self._counts = TermCounts.load(self.path)
        self._lexicons: dict[tuple[bool, frozenset[str]], LocalLexicon] = {
            (staff, frozenset()): LocalLexicon(self, BM25Index(self._counts, self.mask(Filter(staff))))
            for staff in (False, True)
        }

    # The catalog (indexer.backend.Index).

    def article(self, article_id: str) -> ArticleRecord:
        return self.articles[article_id]

    def article_ids(self, where: Filter | None = None) -> list[str]:
        if where is None:
            return list(self._ids)
        return [a for a, keep in zip(self._ids, self.article_mask(where), strict=True) if keep]

    def chunk(self, chunk_id: str) -> ChunkRecord:
        return self.chunks[self.row_of[chunk_id]]

    def chunks_of(self, article_id: str) -> list[str]:
        return list(self._chunks_of.get(article_id, ()))

    def resolve(self, reference: str) -> str | None:
        if reference in self.articles:
            return reference
        return self.id_by_path.get(reference)

    def page(self, article_id: str) -> str | None:
        return self.pages.get(article_id)

    @cached_property
    def _title_words(self) -> dict[str, list[str]]:
        return {a: folded_words(self.articles[a]["title"]) for a in self._ids}

    def title_words(self, article_id: str) -> list[str]:
        return self._title_words[article_id]

    @cached_property
    def _translated_by(self) -> dict[str, set[str]]:
        """Article id -> itself and the articles whose ``translation_of`` names it (by id or path)."""
        out: dict[str, set[str]] = {}
        for article_id, meta in self.articles.items():
            target = meta.get("translation_of") or ""
            if target:
                source = self.id_by_path.get(target, target)
                out.setdefault(source, {source}).add(article_id)
        return out

    def translations(self, article_id: str) -> set[str]:
        target = self.articles[article_id].get("translation_of") or ""
        source = self.id_by_path.get(target, target)
        family = set(self._translated_by.get(article_id, ())) | set(self._translated_by.get(source, ()))
        family.discard(article_id)
        return {a for a in family if a in self.articles}

    def visible(self, article_id: str, staff: bool, segments: frozenset[str] = frozenset()) -> bool:
        row = self.article_row.get(article_id)
        if row is None:
            return False
        if not self._published[row]:
            return False
        if staff:
            return True
        return bool(self._public[row] and (self._unrestricted[row] or self._segments[row] & segments))

    def lexicon(self, staff: bool, segments: frozenset[str] = frozenset()) -> LocalLexicon:
        key = (True, frozenset()) if staff else (False, frozenset(segments) & self.segment_names)
        found = self._lexicons.get(key)
        if found is None:
            if len(self._lexicons) >= 34:  # both audiences plus the 32 latest segment sets
                del self._lexicons[next(k for k in self._lexicons if k[1])]
            where = Filter(staff=False, segments=key[1])
            found = self._lexicons[key] = LocalLexicon(self, BM25Index(self._counts, self.mask(where)))
        return found

    def check_encoder(self, encoder: Encoder) -> None:
        built, dim = self.manifest["model_id"], self.manifest["dimension"]
        if encoder.model_id != built or encoder.dimension != dim:
            raise ModelMismatch(
                f"the index was built with {self.manifest['model']} ({built}, {dim} dimensions) but the "
                f"configured model is {encoder.model_id} ({encoder.dimension} dimensions); run `kb index`"
            )

    # Who may see what, as arrays (this backend's own business).

    def article_mask(self, where: Filter) -> np.ndarray:
        """Articles a reader may see (``indexer.backend.sees``), matching every filter given."""
        found = self._published if where.staff else self._published & self._public & self._segment_mask(where.segments)
        if where.locale:
            found = found & (self._locale == where.locale)
        if where.product:
            found = found & (self._product == where.product.lower())
        for tag in where.tags:
            tag = tag.lower()
            found = found & np.fromiter((tag in t for t in self._tags), dtype=bool, count=len(self._tags))
        return found

    def _segment_mask(self, segments: frozenset[str]) -> np.ndarray:
        """Articles without segments, and those sharing one with ``segments``."""
        segments = frozenset(segments) & self.segment_names
        if not segments:
            return self._unrestricted
        shared = np.fromiter((bool(s & segments) for s in self._segments), dtype=bool, count=len(self._segments))
        return self._unrestricted | shared

    def mask(self, where: Filter) -> np.ndarray:
        """Chunk rows a reader may see (see :meth:`article_mask`)."""
        if where.product or where.tags:
            return self.article_mask(where)[self.chunk_article]
        segments = frozenset() if where.staff else frozenset(where.segments) & self.segment_names
        key = (where.staff, where.locale, segments)
        found = self._masks.get(key)
        if found is None:
            if len(self._masks) > 256:
                self._masks.clear()
            found = self._masks[key] = self.article_mask(where)[self.chunk_article]
        return found

    @property
    def bm25(self) -> BM25Index:
        """BM25F over every published section (what staff may see)."""
        return self._lexicons[True, frozenset()].bm25


class LocalBackend:
    """Builds in ``data_dir/builds``, the live one named by the ``current`` link (``indexer.layout``)."""

    def __init__(self, data_dir: Path, database_url: str = "") -> None:
        self.data_dir = Path(data_dir)

    def live_build_id(self) -> str | None:
        return current_build_id(self.data_dir)

    def live_model(self) -> str | None:
        build = current_build_dir(self.data_dir)
        if build is None:
            return None
        try:
            return str(read_manifest(build).get("model") or "")
        except (OSError, ValueError):
            return ""

    def live_precision(self) -> str | None:
        build = current_build_dir(self.data_dir)
        if build is None:
            return None
        try:  # builds before precisions existed were float32
            return str(read_manifest(build).get("precision") or "float32")
        except (OSError, ValueError):
            return "float32"

    def open(self) -> LocalIndex:
        return open_current(self.data_dir)

    @contextmanager
    def writer(self, build_id: str, keep_builds: int) -> Iterator[LocalWriter]:
        (self.data_dir / BUILDS).mkdir(parents=True, exist_ok=True)
        with BuildLock(self.data_dir):
            _remove_partial_builds(self.data_dir)
            yield LocalWriter(self.data_dir, build_id)
            _prune_builds(self.data_dir, keep_builds)


class LocalPrevious:
    """The live build's folder, read lazily by the next build."""

    def __init__(self, build_dir: Path) -> None:
        self.path = build_dir
        self.manifest = read_manifest(build_dir)

    def chunks(self) -> list[ChunkRecord]:
        return json.loads((self.path / CHUNKS).read_text(encoding="utf-8"))

    def articles(self) -> dict[str, ArticleRecord]:
        return json.loads((self.path / ARTICLES).read_text(encoding="utf-8"))

    def vectors(self) -> np.ndarray:
        return VectorIndex.load(self.path).vectors()

    def term_counts(self) -> TermCounts | None:
        return TermCounts.load(self.path) if (self.path / BM25_MATRIX).is_file() else None


class LocalWriter:
    """A new build in ``builds/<id>.partial``, renamed to ``builds/<id>`` when written, made live by
    moving the ``current`` link (``indexer.layout.switch``): a build killed at any point leaves the
    live one serving, and the next build removes what it left."""

    def __init__(self, data_dir: Path, build_id: str) -> None:
        self.data_dir = data_dir
        self.partial = data_dir / BUILDS / f"{build_id}.partial"
        self.final = data_dir / BUILDS / build_id
        live = current_build_dir(data_dir)
        self._previous = LocalPrevious(live) if live is not None else None

    def previous(self) -> LocalPrevious | None:
        return self._previous

    def write(self, contents: BuildContents, lap: Callable[[str], None] = lambda stage: None) -> None:
        self.partial.mkdir()
        VectorIndex.build(contents.vectors).save(self.partial)
        lap("faiss")
        contents.terms.save(self.partial)
        lap("lexical")
        PageStore(self.partial / PAGES).write(
            contents.pages,
            carry_from=self._previous.path if self._previous is not None else None,
            keep=contents.carried_pages,
        )
        _write_json(self.partial / LABELS, contents.labels)
        _write_json(self.partial / CATEGORIES, contents.categories)
        _write_json(self.partial / CHUNKS, contents.chunks)
        _write_json(self.partial / ARTICLES, contents.articles)
        _write_json(self.partial / MANIFEST, contents.manifest)
        os.replace(self.partial, self.final)

    def publish(self, before_switch: Callable[[], None]) -> None:
        before_switch()
        switch(self.data_dir, self.final)


def _write_json(path: Path, data) -> None:
    # json.dumps, not json.dump: only the one-shot path uses the C encoder (5x faster on 40k chunks).
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _remove_partial_builds(data_dir: Path) -> None:
    """What a build killed before it finished left behind (the build lock is held: none is running)."""
    for partial in (data_dir / BUILDS).glob("*.partial"):
        log.info("removing unfinished build %s", partial.name)
        shutil.rmtree(partial, ignore_errors=True)
    for link in data_dir.glob(f".{CURRENT}.*"):  # a new link killed before its rename over `current`
        link.unlink(missing_ok=True)


def _prune_builds(data_dir: Path, keep: int) -> None:
    live = current_build_dir(data_dir)
    builds = sorted(p for p in (data_dir / BUILDS).iterdir() if p.is_dir() and not p.name.endswith(".partial"))
    old = [p for p in builds if live is None or p.resolve() != live]
    for path in old[: max(0, len(old) - max(keep - 1, 0))]:
        shutil.rmtree(path, ignore_errors=True)


def open_current(data_dir: Path) -> LocalIndex:
    build_dir = current_build_dir(data_dir)
    if build_dir is None:
        raise NoIndex(f"no index in {data_dir}; run `kb index` first")
    return LocalIndex(build_dir)
