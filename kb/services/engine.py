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
from indexer.vectors import BUNDLED_NAMES, Encoder, SentenceTransformerEncoder

log = logging.getLogger(__name__)


def model_languages(settings: dict) -> tuple[str, ...]:
    """The languages the embedding model understands: the setting, or what kb knows of the default model."""
    value = settings["EMBEDDING_LANGUAGES"].strip().lower()
    if value == "auto":
        return ("en",) if settings["EMBEDDING_MODEL"].strip().lower() in BUNDLED_NAMES else ("es", "en")
    return tuple(v.strip() for v in value.split(",") if v.strip())


class Engine:
    def __init__(
        self, data_dir: Path, encoder_factory: Callable[[], Encoder], languages: tuple[str, ...] = ("es", "en")
    ) -> None:
        self.data_dir = Path(data_dir)
        self.languages = languages  # what the embedding model understands
        self._encoder_factory = encoder_factory
        self._encoder: Encoder | None = None
        self._reader: BuildReader | None = None
        self._previous: BuildReader | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: dict) -> Engine:
        model = settings["EMBEDDING_MODEL"]
        return cls(Path(settings["DATA_DIR"]), lambda: SentenceTransformerEncoder(model), model_languages(settings))

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
