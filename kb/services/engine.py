"""The per-process holder of the embedding model and the live build.

The model is loaded once per process. The build is reopened when ``current`` moves to a new
build (checked with one readlink per request), so a finished ``kb index`` is visible without a
restart, and a request that already holds the old build finishes on it.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np

from indexer.reader import BuildReader, current_build_id, open_current
from indexer.vectors import BUNDLED_NAMES, Encoder, SentenceTransformerEncoder

log = logging.getLogger(__name__)


def model_languages(settings: dict) -> tuple[str, ...]:
    """The languages the embedding model understands: the setting, or what kb knows of the default model."""
    value = settings["EMBEDDING_LANGUAGES"].strip().lower()
    if value == "auto":
        return ("en",) if settings["EMBEDDING_MODEL"].strip().lower() in BUNDLED_NAMES else ("es", "en")
    return tuple(v.strip() for v in value.split(",") if v.strip())


def min_similarity(settings: dict) -> float:
    """The cosine below which a section is not a semantic match: the setting, or kb's value for the model."""
    value = str(settings["SEARCH_MIN_SIMILARITY"]).strip().lower()
    if value == "auto":
        # all-MiniLM-L6-v2 gives unrelated text 0.10-0.23 and related text 0.45 and up (docs/search-quality.md).
        return 0.3 if settings["EMBEDDING_MODEL"].strip().lower() in BUNDLED_NAMES else 0.0
    return float(value)


MODEL_THREADS = 2  # long-lived threads that embed queries (one per core here)
QUERY_CACHE = 2048  # query vectors kept per process: help-center searches repeat a lot


class Engine:
    def __init__(
        self,
        data_dir: Path,
        encoder_factory: Callable[[], Encoder],
        languages: tuple[str, ...] = ("es", "en"),
        min_similarity: float = 0.0,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.languages = languages  # what the embedding model understands
        self.min_similarity = min_similarity
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._model_thread = ThreadPoolExecutor(max_workers=MODEL_THREADS, thread_name_prefix="kb-encoder")
        self._encoder_factory = encoder_factory
        self._encoder: Encoder | None = None
        self._reader: BuildReader | None = None
        self._previous: BuildReader | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(
        cls, settings: dict, encoder_factory: Callable[[], Encoder] | None = None, data_dir: Path | None = None
    ) -> Engine:
        """The engine the settings describe; tests and ``kb eval`` pass a loaded encoder or another data dir."""
        model = settings["EMBEDDING_MODEL"]
        return cls(
            Path(data_dir or settings["DATA_DIR"]),
            encoder_factory or (lambda: SentenceTransformerEncoder(model)),
            model_languages(settings),
            min_similarity(settings),
        )

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            with self._lock:
                if self._encoder is None:
                    self._encoder = self._encoder_factory()
        return self._encoder

    def encode_query(self, text: str) -> np.ndarray:
        """The query's vector, from a small per-process cache when the same text was asked recently."""
        return self.encode_query_async(text).result()

    def encode_query_async(self, text: str) -> Future:
        """A future of the query's vector: the caller works on the words while the model runs.

        The model runs on long-lived threads: torch pays ~8 ms to set up each new thread it runs on,
        and the threaded server starts a thread per request.
        """
        key = " ".join(text.split()).lower()
        vector = self._queries.get(key)
        if vector is not None:
            done: Future = Future()
            done.set_result(vector)
            return done
        return self._model_thread.submit(self._encode_and_keep, key, text)

    def warm_up(self) -> None:
        """Run the model once on every encoder thread: its first run on a thread is slow (tracing, setup)."""
        barrier = threading.Barrier(MODEL_THREADS)

        def once() -> None:
            barrier.wait(timeout=120)  # every thread holds one task, so each one runs the model
            self.encoder.encode_queries(["kb"])

        for future in [self._model_thread.submit(once) for _ in range(MODEL_THREADS)]:
            future.result()

    def _encode_and_keep(self, key: str, text: str) -> np.ndarray:
        vector = self.encoder.encode_queries([text])[0]
        with self._lock:
            self._queries[key] = vector
            while len(self._queries) > QUERY_CACHE:
                self._queries.popitem(last=False)
        return vector

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
