"""Reading a finished build: its manifest, chunks, articles, lexical and vector indexes.

A :class:`BuildReader` is one immutable build; :func:`open_current` opens the live one. Holders
check :func:`current_build_id` (a readlink, microseconds) to notice a switch and reopen.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import numpy as np

from indexer.bm25 import MATRIX as BM25_MATRIX
from indexer.bm25 import BM25Index
from indexer.build import CURRENT, current_build_dir, read_manifest
from indexer.lexical import DIRNAME as LEXICAL_DIR
from indexer.lexical import LexicalSearcher
from indexer.vectors import Encoder, VectorIndex

log = logging.getLogger(__name__)


class NoIndex(Exception):
    """There is no build to read yet."""


class ModelMismatch(Exception):
    """The live build was embedded by another model than the one configured."""


def current_build_id(data_dir: Path) -> str | None:
    try:
        return os.path.basename(os.readlink(Path(data_dir) / CURRENT))
    except OSError:
        return None


class BuildReader:
    def __init__(self, build_dir: Path) -> None:
        self.path = Path(build_dir)
        self.manifest = read_manifest(self.path)
        if not (self.path / BM25_MATRIX).is_file():
            raise NoIndex(f"the index in {self.path.parent.parent} was made by an older kb; run `kb index`")
        self.build_id: str = self.manifest["build_id"]
        self.chunks: list[dict] = json.loads((self.path / "chunks.json").read_text(encoding="utf-8"))
        self.articles: dict[str, dict] = json.loads((self.path / "articles.json").read_text(encoding="utf-8"))
        self.row_of: dict[str, int] = {c["id"]: i for i, c in enumerate(self.chunks)}
        self.vectors = VectorIndex.load(self.path)
        self.lexical = LexicalSearcher(self.path / LEXICAL_DIR)
        self.bm25 = BM25Index.load(self.path)
        rows = [self.articles[c["article_id"]] for c in self.chunks]
        self._published = np.array([a["status"] == "published" for a in rows], dtype=bool)
        self._public = np.array([a["audience"] == "public" for a in rows], dtype=bool)
        self._locale = np.array([a["locale"] for a in rows])
        self._masks: dict[tuple[bool, str | None], np.ndarray] = {}

    def mask(self, staff: bool, locale: str | None) -> np.ndarray:
        """Chunk rows a reader may see: published, public unless ``staff``, in ``locale`` if given."""
        key = (staff, locale)
        found = self._masks.get(key)
        if found is None:
            found = self._published if staff else self._published & self._public
            if locale:
                found = found & (self._locale == locale)
            self._masks[key] = found
        return found

    def check_encoder(self, encoder: Encoder) -> None:
        """Refuse to search vectors made by another model (they would answer nonsense)."""
        built, dim = self.manifest["model_id"], self.manifest["dimension"]
        if encoder.model_id != built or encoder.dimension != dim:
            raise ModelMismatch(
                f"the index was built with {self.manifest['model']} ({built}, {dim} dimensions) but the "
                f"configured model is {encoder.model_id} ({encoder.dimension} dimensions); run `kb index`"
            )

    def close(self) -> None:
        self.lexical.close()


def open_current(data_dir: Path) -> BuildReader:
    build_dir = current_build_dir(data_dir)
    if build_dir is None:
        raise NoIndex(f"no index in {data_dir}; run `kb index` first")
    return BuildReader(build_dir)
