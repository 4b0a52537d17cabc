"""The per-process holder of the embedding model and the live build.

The model is loaded once per process. The build is reopened when ``current`` moves to a new
build (checked with one readlink per request), so a finished ``kb index`` is visible without a
restart, and a request that already holds the old build finishes on it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from indexer.reader import BuildReader, current_build_id, open_current
from indexer.vectors import Encoder, SentenceTransformerEncoder

log = logging.getLogger(__name__)


class Engine:
    def __init__(self, data_dir: Path, encoder_factory: Callable[[], Encoder]) -> None:
        self.data_dir = Path(data_dir)
        self._encoder_factory = encoder_factory
        self._encoder: Encoder | None = None
        self._reader: BuildReader | None = None
        self._previous: BuildReader | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: dict) -> Engine:
        model = settings["EMBEDDING_MODEL"]
        return cls(Path(settings["DATA_DIR"]), lambda: SentenceTransformerEncoder(model))

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            with self._lock:
                if self._encoder is None:
                    self._encoder = self._encoder_factory()
        return self._encoder

    def reader(self) -> BuildReader:
        """The live build; raises ``NoIndex`` before the first build."""
        live = current_build_id(self.data_dir)
        reader = self._reader
        if reader is not None and reader.path.name == live:
            return reader
        with self._lock:
            if self._reader is None or self._reader.path.name != current_build_id(self.data_dir):
                fresh = open_current(self.data_dir)
                log.info("serving build %s", fresh.build_id)
                # Requests still on the old build finish on it; the one before that is closed now.
                if self._previous is not None:
                    self._previous.close()
                self._previous, self._reader = self._reader, fresh
        return self._reader

    def checked_reader(self) -> BuildReader:
        reader = self.reader()
        reader.check_encoder(self.encoder)
        return reader
