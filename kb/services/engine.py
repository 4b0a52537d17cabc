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
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from indexer import e5
from indexer.backend import Backend, Index, open_backend
from indexer.backend import ModelMismatch as ModelMismatch  # raised to the engine's callers
from indexer.backend import NoIndex as NoIndex  # raised to the engine's callers
from indexer.bm25 import SpellingLimits
from indexer.vectors import AUTO, BUNDLED_NAMES, Encoder, SentenceTransformerEncoder, choose_model, choose_precision

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ModelProfile:
    """What search needs to know of an embedding model: the languages it understands, the cosine below
    which a section is no match, and its family (hybrid fusion is tuned per family: kb.services.search)."""

    languages: tuple[str, ...]
    min_similarity: float
    family: str  # "minilm" | "e5" | "other"
    # The cosine a section needs when not one word of the query is known to the knowledge base: meaning
    # alone must then be unmistakable (nonsense has no known words either).
    min_similarity_without_words: float = 0.0
    # Two whole articles (their sections' mean vector) at least this close say nearly the same (the
    # review queue's `duplicate`). Measured: MiniLM on adobe-commerce-en gives 14 pairs >= 0.95, all
    # the same patch or alert written twice; e5 puts related-but-different Spanish articles at 0.96-0.98
    # (alchemyinsights-es) and copies at 0.99-1.0.
    duplicate_similarity: float = 0.97


def model_profile(name: str) -> ModelProfile:
    key = name.strip().lower()
    if key in BUNDLED_NAMES:
        # all-MiniLM-L6-v2 is English-only; it gives unrelated text 0.10-0.23 and related text 0.45 and up.
        return ModelProfile(("en",), 0.3, "minilm", 0.3, 0.97)
    if key in e5.NAMES:
        # e5's cosines are compressed (0.78-0.93 here) and nonsense scores as high as real queries' worst
        # matches: no absolute floor separates them. But nonsense shares no word with the articles, and
        # none of 1,577 development queries did: without a known word, a match needs 0.89, above every
        # nonsense query measured (0.847-0.881; docs/search-quality.md).
        return ModelProfile(("es", "en"), 0.0, "e5", 0.89, 0.99)
    return ModelProfile(("es", "en"), 0.0, "other")


def backend_for(settings: dict, data_dir: Path | None = None) -> Backend:
    """The index backend the settings name (``INDEX_BACKEND``)."""
    return open_backend(settings["INDEX_BACKEND"], Path(data_dir or settings["DATA_DIR"]), settings["DATABASE_URL"])


def served_model(settings: dict, data_dir: Path | None = None) -> str:
    """The model to serve: the setting; for ``auto``, the one the live build was made with, else the one
    ``kb index`` would choose for the articles folder."""
    setting = settings["EMBEDDING_MODEL"]
    if setting.strip().lower() != AUTO:
        return setting
    built_with = backend_for(settings, data_dir).live_model() or ""
    if built_with and built_with.lower() != AUTO:
        return built_with
    return choose_model(setting, Path(settings["ARTICLES_DIR"]), settings["DEFAULT_LOCALE"])


def encoder_for(settings: dict, model: str, precision: str | None = None, threads: int | None = None) -> Encoder:
    """The encoder the settings describe for ``model``: their runtime, and ``precision`` or the one
    ``kb index`` resolves from ENCODER_PRECISION."""
    runtime = settings["ENCODER_RUNTIME"]
    precision = precision or choose_precision(settings["ENCODER_PRECISION"], model, runtime)
    return SentenceTransformerEncoder(model, runtime=runtime, threads=threads, precision=precision)


def preload_tokenizer(settings: dict) -> None:
    """Load the served model's ONNX tokenizer into this process (``onnxrt.tokenizer`` keeps it), so that
    processes forked after share its pages. Nothing happens if the model is not converted yet: a
    conversion runs torch, whose threads do not survive a fork."""
    from indexer import onnxrt

    if settings["ENCODER_RUNTIME"] == "torch" or not onnxrt.available():
        return
    try:
        encoder = SentenceTransformerEncoder(served_model(settings), runtime=settings["ENCODER_RUNTIME"])
    except Exception:  # a missing model is reported by each process as it starts, as before
        return
    if onnxrt.converted(encoder.weights_id) is not None:
        onnxrt.tokenizer(onnxrt.cache_dir(encoder.weights_id))


def served_precision(settings: dict, data_dir: Path | None, model: str) -> str:
    """The precision to read queries in: the setting; for ``auto``, the one the live build's vectors were
    made in (a build made before an upgrade keeps being served), else the one ``kb index`` would choose."""
    if settings["ENCODER_PRECISION"] != AUTO:
        return settings["ENCODER_PRECISION"]
    built = backend_for(settings, data_dir).live_precision()
    return built or choose_precision(AUTO, model, settings["ENCODER_RUNTIME"])


def _languages_setting(settings: dict) -> tuple[str, ...] | None:
    value = settings["EMBEDDING_LANGUAGES"].strip().lower()
    return None if value == AUTO else tuple(v.strip() for v in value.split(",") if v.strip())


def _floor_setting(settings: dict) -> float | None:
    value = str(settings["SEARCH_MIN_SIMILARITY"]).strip().lower()
    return None if value == AUTO else float(value)


MODEL_THREADS = 2  # long-lived threads that embed queries (one per core here)
QUERY_CACHE = 2048  # query vectors kept per process: help-center searches repeat a lot


class Engine:
    def __init__(
        self,
        data_dir: Path,
        encoder_factory: Callable[[], Encoder],
        languages: tuple[str, ...] | None = None,
        min_similarity: float | None = None,
        ticket_precision: str = "int8",
        spelling: SpellingLimits | None = None,
        backend: Backend | None = None,
    ) -> None:
        """``languages`` and ``min_similarity``: None takes the model's profile. ``ticket_precision``:
        how the model reads a ticket (``Encoder.encode_queries``); queries are read in the encoder's own
        precision.
        ``spelling``: how much typo correction a text gets (the SPELL_* settings). ``backend``: where
        the builds are (``data_dir``'s local builds by default)."""
        self.data_dir = Path(data_dir)
        self.backend = backend or open_backend("local", self.data_dir)
        self.ticket_precision = ticket_precision
        self.spelling = spelling or SpellingLimits()
        self._languages = languages
        self._min_similarity = min_similarity
        self._profile: ModelProfile | None = None
        self._queries: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._model_thread = ThreadPoolExecutor(max_workers=MODEL_THREADS, thread_name_prefix="kb-encoder")
        self._encoder_factory = encoder_factory
        self._encoder: Encoder | None = None
        self._index: Index | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(
        cls, settings: dict, encoder_factory: Callable[[], Encoder] | None = None, data_dir: Path | None = None
    ) -> Engine:
        """The engine the settings describe; tests and ``kb eval`` pass a loaded encoder or another data dir."""
        data_dir = Path(data_dir or settings["DATA_DIR"])
        if encoder_factory is None:
            model = served_model(settings, data_dir)
            precision = served_precision(settings, data_dir, model)

            def encoder_factory() -> Encoder:  # one core per query: MODEL_THREADS queries at once
                return encoder_for(settings, model, precision, threads=1)

        return cls(
            data_dir,
            encoder_factory,
            _languages_setting(settings),
            _floor_setting(settings),
            settings["SUGGEST_PRECISION"],
            SpellingLimits(
                settings["SPELL_MAX_WORDS"], settings["SPELL_MAX_CORRECTIONS"], settings["SPELL_MAX_WORD_CHARS"]
            ),
            backend_for(settings, data_dir),
        )

    @property
    def profile(self) -> ModelProfile:
        """The profile of the model this engine embeds queries with (known before its weights load)."""
        if self._profile is None:
            self._profile = model_profile(getattr(self.encoder, "name", ""))
        return self._profile

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the embedding model understands: the setting, or what kb knows of the model."""
        return self._languages if self._languages is not None else self.profile.languages

    @property
    def min_similarity(self) -> float:
        """The cosine below which a section is no semantic match: the setting, or kb's value for the model."""
        return self._min_similarity if self._min_similarity is not None else self.profile.min_similarity

    @property
    def min_similarity_without_words(self) -> float:
        """The same, for a query none of whose words the knowledge base knows."""
        if self._min_similarity is not None:
            return self._min_similarity
        return max(self.profile.min_similarity, self.profile.min_similarity_without_words)

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            with self._lock:
                if self._encoder is None:
                    self._encoder = self._encoder_factory()
        return self._encoder

    def encode_query(self, text: str, precision: str = "float32") -> np.ndarray:
        """The query's vector, from a small per-process cache when the same text was asked recently."""
        return self.encode_query_async(text, precision).result()

    def encode_query_async(self, text: str, precision: str = "float32") -> Future:
        """A future of the query's vector: the caller works on the words while the model runs.

        The model runs on long-lived threads: torch pays ~8 ms to set up each new thread it runs on,
        and the threaded server starts a thread per request.
        """
        key = (" ".join(text.split()).lower(), precision)
        vector = self._queries.get(key)
        if vector is not None:
            done: Future = Future()
            done.set_result(vector)
            return done
        return self._model_thread.submit(self._encode_and_keep, key, text, precision)

    def warm_up(self) -> None:
        """Run the model once on every encoder thread, as queries and tickets are read: its first run on
        a thread is slow (tracing, setup)."""
        barrier = threading.Barrier(MODEL_THREADS)

        def once() -> None:
            barrier.wait(timeout=120)  # every thread holds one task, so each one runs the model
            for precision in dict.fromkeys(("float32", self.ticket_precision)):
                self.encoder.encode_queries(["kb"], precision)

        for future in [self._model_thread.submit(once) for _ in range(MODEL_THREADS)]:
            future.result()

    def _encode_and_keep(self, key: tuple[str, str], text: str, precision: str) -> np.ndarray:
        vector = self.encoder.encode_queries([text], precision)[0]
        with self._lock:
            self._queries[key] = vector
            while len(self._queries) > QUERY_CACHE:
                self._queries.popitem(last=False)
        return vector

    def index(self) -> Index:
        """The live build; raises ``NoIndex`` before the first build."""
        live = self.backend.live_build_id()
        index = self._index
        if index is not None and index.build_id == live:
            return index
        with self._lock:
            if self._index is None or self._index.build_id != self.backend.live_build_id():
                fresh = self.backend.open()
                log.info("serving build %s", fresh.build_id)
                # Requests still on the old build finish on it: they hold it, and it holds no open file.
                self._index = fresh
        return self._index

    def checked_index(self) -> Index:
        """The live build, refused if its vectors came from another model than this engine's."""
        index = self.index()
        index.check_encoder(self.encoder)
        return index
