"""Reading a finished build: its manifest, chunks, articles, term counts (BM25F) and vector index.

A :class:`BuildReader` is one immutable build; :func:`open_current` opens the live one. Holders
check :func:`current_build_id` (a readlink, microseconds) to notice a switch and reopen.
"""

from __future__ import annotations

import json
import logging
from functools import cached_property
from pathlib import Path

import numpy as np

from indexer.analysis import folded_words
from indexer.bm25 import MATRIX as BM25_MATRIX
from indexer.bm25 import BM25Index, TermCounts
from indexer.errors import KbError
from indexer.labels import FILENAME as LABELS
from indexer.layout import current_build_dir, read_manifest
from indexer.render import FILENAME as PAGES
from indexer.render import PageStore
from indexer.sources import article_id_for
from indexer.vectors import Encoder, VectorIndex

log = logging.getLogger(__name__)


class NoIndex(KbError, status=503, code="no_index"):
    """There is no build to read yet."""

    public_message = "the knowledge base has not been indexed yet; run `kb index`"  # no paths


class ModelMismatch(KbError, status=503, code="index_model_mismatch"):
    """The live build was embedded by another model than the one configured."""





class BuildReader:
    def __init__(self, build_dir: Path) -> None:
        self.path = Path(build_dir)
        self.manifest = read_manifest(self.path)
        if not (self.path / BM25_MATRIX).is_file() or not (self.path / PAGES).is_file():
            raise NoIndex(f"the index in {self.path.parent.parent} was made by an older kb; run `kb index`")
        self.build_id: str = self.manifest["build_id"]
        self.chunks: list[dict] = json.loads((self.path / "chunks.json").read_text(encoding="utf-8"))
        self.articles: dict[str, dict] = json.loads((self.path / "articles.json").read_text(encoding="utf-8"))
        labels_path = self.path / LABELS
        # Products' and tags' display names per language (indexer.labels); builds before them have none.
        self.labels: dict[str, dict[str, dict[str, str]]] = (
            json.loads(labels_path.read_text(encoding="utf-8")) if labels_path.is_file() else {}
        )
        self.row_of: dict[str, int] = {c["id"]: i for i, c in enumerate(self.chunks)}
        # Links between articles name the target's file; an article whose front matter sets another id
        # is still found by its path-derived id.
        self.id_by_path: dict[str, str] = {article_id_for(a["path"]): i for i, a in self.articles.items()}
        self.vectors = VectorIndex.load(self.path)
        self.pages = PageStore(self.path / PAGES)
        # Visibility and filters are boolean arrays over articles, mapped to chunk rows by index.
        self.article_ids: list[str] = list(self.articles)
        self.article_row: dict[str, int] = {a: i for i, a in enumerate(self.article_ids)}
        self.chunk_article = np.array([self.article_row[c["article_id"]] for c in self.chunks], dtype=np.int64)
        metas = [self.articles[a] for a in self.article_ids]
        self._published = np.array([a["status"] == "published" for a in metas], dtype=bool)
        self._public = np.array([a["audience"] == "public" for a in metas], dtype=bool)
        self._locale = np.array([a["locale"] for a in metas], dtype=object)
        self._product = np.array([(a.get("product") or "").lower() for a in metas], dtype=object)
        self._tags = [{t.lower() for t in a.get("tags") or ()} for a in metas]
        self._masks: dict[tuple[bool, str | None], np.ndarray] = {}
        # Word statistics per audience, each from the sections that audience may see (BM25Index).
        counts = TermCounts.load(self.path)
        self._lexicons = {staff: BM25Index(counts, self.mask(staff)) for staff in (False, True)}

    @cached_property
    def title_words(self) -> list[list[str]]:
        """Every article's title as folded, lowercased words, in ``article_ids`` order (for autocomplete)."""
        return [folded_words(self.articles[a]["title"]) for a in self.article_ids]

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
        """The same article in other languages: its source, that source's other translations, its own."""
        target = self.articles[article_id].get("translation_of") or ""
        source = self.id_by_path.get(target, target)
        family = set(self._translated_by.get(article_id, ())) | set(self._translated_by.get(source, ()))
        family.discard(article_id)
        return {a for a in family if a in self.articles}

    def visible(self, article_id: str, staff: bool) -> bool:
        """Whether a reader may see this article at all (customers: public and published only)."""
        row = self.article_row.get(article_id)
        if row is None:
            return False
        return bool(self._published[row] and (staff or self._public[row]))

    def article_mask(
        self, staff: bool, locale: str | None = None, product: str | None = None, tags: tuple[str, ...] = ()
    ) -> np.ndarray:
        """Articles a reader may see: published, public unless ``staff``, and matching every filter given."""
        found = self._published if staff else self._published & self._public
        if locale:
            found = found & (self._locale == locale)
        if product:
            found = found & (self._product == product.lower())
        for tag in tags:
            tag = tag.lower()
            found = found & np.fromiter((tag in t for t in self._tags), dtype=bool, count=len(self._tags))
        return found

    def mask(
        self, staff: bool, locale: str | None = None, product: str | None = None, tags: tuple[str, ...] = ()
    ) -> np.ndarray:
        """Chunk rows a reader may see (see :meth:`article_mask`)."""
        if product or tags:
            return self.article_mask(staff, locale, product, tags)[self.chunk_article]
        key = (staff, locale)
        found = self._masks.get(key)
        if found is None:
            found = self._masks[key] = self.article_mask(staff, locale)[self.chunk_article]
        return found

    def lexicon(self, staff: bool) -> BM25Index:
        """BM25F over the sections a reader may see, with their words and statistics only."""
        return self._lexicons[staff]

    @property
    def bm25(self) -> BM25Index:
        """BM25F over every published section (what staff may see)."""
        return self._lexicons[True]

    def check_encoder(self, encoder: Encoder) -> None:
        """Refuse to search vectors made by another model (they would answer nonsense)."""
        built, dim = self.manifest["model_id"], self.manifest["dimension"]
        if encoder.model_id != built or encoder.dimension != dim:
            raise ModelMismatch(
                f"the index was built with {self.manifest['model']} ({built}, {dim} dimensions) but the "
                f"configured model is {encoder.model_id} ({encoder.dimension} dimensions); run `kb index`"
            )


def open_current(data_dir: Path) -> BuildReader:
    build_dir = current_build_dir(data_dir)
    if build_dir is None:
        raise NoIndex(f"no index in {data_dir}; run `kb index` first")
    return BuildReader(build_dir)
