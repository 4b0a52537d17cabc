"""The embedding network in ONNX Runtime: the same vectors as sentence-transformers on torch, faster.

Measured on this machine (docs/benchmarks.md, "Encoders"): float32 ONNX Runtime gives torch's vectors
to ~1e-7 at about twice torch's speed for one query and ~1.7x for a batch of passages, because it runs
the graph without Python's dispatch per operation; an int8 copy (dynamic quantisation, VNNI) is faster
again and is used only where kb already read with int8 (agent tickets, ``precision="int8"``).

A model is converted once, offline, into kb's model cache (``KB_MODEL_CACHE``), from the loaded
sentence-transformers model: the transformer with mean pooling and L2 normalisation in one graph
(``input_ids``, ``attention_mask`` -> ``embedding``), exported by torch's TorchScript-based ONNX
exporter, its LayerNorm and GELU patterns fused by ONNX Runtime's transformer optimizer, and an int8
copy (linear layers and the embedding table, weights per channel), their weights in files beside the
graphs that ONNX Runtime maps into memory. Each file is checked against the
torch model on probe texts before it is kept; a file that fails its check is recorded as unusable and
that precision stays on torch. Only models whose sentence-transformers pipeline is Transformer, mean
Pooling and Normalize convert; others stay on torch.

At run time only ``onnxruntime`` and ``tokenizers`` are needed: torch and sentence-transformers are
not imported, so a server starts faster and holds one copy of the weights.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from indexer import e5

log = logging.getLogger(__name__)

CONVERTER_VERSION = 3
PRECISIONS = ("float32", "int8")
FLOAT32_MAX_DIFF = 1e-4  # largest difference to torch's vector components for a float32 file to be used
PROBES = (
    "a",
    "¿cómo cambio mi contraseña?",
    "reset password ",  # white space at the ends is read: sentence-transformers does not strip it
    "\n---\ntitle: Configurar libros\n",
    "La factura electrónica fue rechazada: revise el NIT del cliente y vuelva a enviarla.",
    "error al registrar el pedido de compra " * 80,  # longer than the model's window: truncation
)


def available() -> bool:
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def convertible(path: Path) -> bool:
    """Whether a sentence-transformers directory is Transformer + mean Pooling + Normalize."""
    try:
        modules = json.loads((path / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling = json.loads((path / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return False
    means = [k for k, v in pooling.items() if k.startswith("pooling_mode") and v]
    return kinds == ["Transformer", "Pooling", "Normalize"] and means == ["pooling_mode_mean_tokens"]


def max_seq_length(path: Path) -> int | None:
    try:
        value = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return int(value) if isinstance(value, int) and value > 0 else None


def cache_dir(model_id: str) -> Path:
    """Where a model's ONNX files live: keyed by the model's identity, this converter and the runtime."""
    import onnxruntime

    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", model_id)
    return e5.model_cache() / "onnx" / f"{safe}-ort{onnxruntime.__version__}-c{CONVERTER_VERSION}"


def converted(model_id: str) -> dict | None:
    """The check record of a model's converted files, or None when it was not converted yet."""
    try:
        return json.loads((cache_dir(model_id) / "check.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def convert(st_model, model_id: str, query_prefix: str) -> dict:
    """Convert a loaded sentence-transformers model (once; another process may do it at the same time)
    and return the check record: for each precision, whether its file is usable and how close it came."""
    target = cache_dir(model_id)
    done = converted(model_id)
    if done is not None:
        return done
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".convert-", dir=target.parent))
    try:
        log.info("converting %s to ONNX into %s (once)", model_id, target)
        record = _write(st_model, work, query_prefix)
        (work / "check.json").write_text(json.dumps(record, indent=2))
        try:
            os.rename(work, target)  # atomic; another process may have won the race
        except OSError:
            if converted(model_id) is None:
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return converted(model_id) or record


def _write(st_model, out: Path, query_prefix: str) -> dict:
    import warnings

    import torch

    network = st_model[0].auto_model.eval()
    attention = getattr(network.config, "_attn_implementation", None)
    try:  # eager attention exports to plain MatMul/Softmax, which every runtime fuses and quantises
        network.set_attn_implementation("eager")
    except Exception:  # older transformers: the attribute it reads
        network.config._attn_implementation = "eager"

    class Pooled(torch.nn.Module):
        def __init__(self, net) -> None:
            super().__init__()
            self.net = net

        def forward(self, input_ids, attention_mask):
            hidden = self.net(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    sample = (getattr(st_model, "preprocess", None) or st_model.tokenize)([query_prefix + PROBES[1]])
    raw = out / "raw.onnx"
    try:
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Pooled(network),
                (sample["input_ids"], sample["attention_mask"]),
                str(raw),
                input_names=["input_ids", "attention_mask"],
                output_names=["embedding"],
                dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}},
                opset_version=17,
                dynamo=False,
            )
    finally:
        if attention is not None:
            try:
                network.set_attn_implementation(attention)
            except Exception:
                network.config._attn_implementation = attention
    config = network.config
    _optimize(raw, out / "float32.onnx", config.num_attention_heads, config.hidden_size)
    raw.unlink()
    _quantize(out / "float32.onnx", out / "int8.onnx")
    for precision in PRECISIONS:
        _externalise(out / f"{precision}.onnx")
    st_model.tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))
    return check(st_model, out, query_prefix)


def check(st_model, directory: Path, query_prefix: str) -> dict:
    """Each precision's file in ``directory`` against the torch model on the probe texts (one batch, so
    padding is checked too): float32 is usable within ``FLOAT32_MAX_DIFF`` of torch's vectors, int8
    within ``INT8_MIN_COSINE`` of them."""
    texts = [query_prefix + p for p in PROBES]
    want = st_model.encode(
        texts, batch_size=8, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    pad = st_model.tokenizer.pad_token_id
    record: dict = {
        "max_seq_length": int(st_model.max_seq_length),
        "dimension": int(want.shape[1]),
        "pad_id": int(pad) if isinstance(pad, int) else 0,
    }
    for precision in PRECISIONS:
        got = Network(directory, precision, record, threads=1).encode(texts)
        diff = float(np.abs(got - want).max())
        cosine = float((got * want).sum(1).min())
        usable = diff <= FLOAT32_MAX_DIFF if precision == "float32" else cosine >= _int8_min_cosine()
        record[precision] = {"usable": usable, "max_abs_diff": diff, "min_cosine": cosine}
        if not usable:
            log.warning("ONNX %s of this model strays from torch (cosine %.4f); it stays on torch", precision, cosine)
    return record


def _int8_min_cosine() -> float:
    from indexer.vectors import INT8_MIN_COSINE

    return INT8_MIN_COSINE


def _optimize(src: Path, dst: Path, heads: int, hidden: int) -> None:
    """LayerNorm, bias+GELU and skip connections fused (ONNX Runtime's offline transformer optimizer)."""
    from onnxruntime.transformers import optimizer

    model = optimizer.optimize_model(str(src), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=1)
    model.save_model_to_file(str(dst))


def _externalise(path: Path) -> None:
    """The weights beside the graph, in ``<name>.data``: ONNX Runtime maps that file into memory instead
    of copying it (a session opens in ~0.1 s instead of ~1 s, e5's 384 MB embedding table is read from
    the page cache, and server processes share it)."""
    import onnx

    model = onnx.load(str(path))
    path.unlink()
    onnx.save_model(
        model, str(path), save_as_external_data=True, all_tensors_to_one_file=True, location=f"{path.name}.data"
    )


def _quantize(src: Path, dst: Path) -> None:
    """int8 weights per output channel for the linear layers and the embedding table; activations are
    quantised per run (dynamic), so the int8 products run on VNNI."""
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.getLogger().disabled, was = True, logging.getLogger().disabled  # its "consider pre-processing" line
    try:
        quantize_dynamic(
            str(src),
            str(dst),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul", "Gather"],
            extra_options={"DefaultTensorType": TensorProto.FLOAT},
        )
    finally:
        logging.getLogger().disabled = was


@functools.lru_cache(maxsize=4)
def tokenizer(directory: Path):
    """The model's tokenizer, one per process and directory, without padding or truncation.

    Shared by token counting and every precision's network: e5's 250,000-piece vocabulary costs
    ~290 MB per copy in memory. Its settings never change after this, so threads share it safely.
    """
    # Its thread pool would not survive kb serve's fork (tokenizers warns, then serialises anyway); the
    # batches are small and ONNX Runtime has the cores.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(directory / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


class Network:
    """One converted file in an ONNX Runtime session, with the model's own tokenizer.

    ``threads``: the cores one call uses. Calls are thread-safe (ONNX Runtime sessions are); the
    tokenizer's settings are fixed at creation, so it is shared by every thread too.
    """

    def __init__(self, directory: Path, precision: str, record: dict, threads: int) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            str(directory / f"{precision}.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = tokenizer(directory)
        self.max_tokens = int(record["max_seq_length"])
        self.pad_id = int(record.get("pad_id", 0))
        # The special tokens around one text (<s> … </s>, [CLS] … [SEP]): texts are cut to the window
        # between them, as the tokenizer's own truncation does.
        bare = self.tokenizer.encode("a", add_special_tokens=False).ids
        full = self.tokenizer.encode("a").ids
        at = next(i for i in range(len(full)) if full[i : i + len(bare)] == bare)
        self._head, self._tail = full[:at], full[at + len(bare) :]

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """L2-normalised vectors of ``texts``, longest first in batches as sentence-transformers does
        (which, since version 5, no longer strips white space: neither does this)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        room = self.max_tokens - len(self._head) - len(self._tail)
        encoded = [
            self._head + e.ids[:room] + self._tail
            for e in self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        ]
        order = sorted(range(len(encoded)), key=lambda i: -len(encoded[i]))
        out: np.ndarray | None = None
        for start in range(0, len(order), max(1, batch_size)):
            rows = order[start : start + batch_size]
            width = max(len(encoded[i]) for i in rows)
            ids = np.full((len(rows), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encoded[i])
                ids[r, :n] = encoded[i]
                mask[r, :n] = 1
            vectors = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        return out
