"""The embedding network's runtimes side by side, in one run: passages (batches) and single queries.

    python bench/encoders.py [--models all-MiniLM-L6-v2,multilingual-e5-small] [--texts 256] [--rounds 3]

For each bundled model, five ways to run the same weights:

- ``torch float32``: sentence-transformers' ``encode`` (kb before issue 21), one query through the
  TorchScript-traced network;
- ``torch int8``: the same with every linear layer dynamically quantised (fbgemm, per channel);
- ``torch bf16``: the same under ``torch.autocast("cpu", torch.bfloat16)``;
- ``onnx float32`` and ``onnx int8``: kb's converted files in ONNX Runtime (indexer/onnxrt.py).

Passages: ``--texts`` passages of ~150 words cut from d365-operations-es articles (Spanish), batches of
32 on both cores, longest first; the variants take turns each round. Queries: 30 short queries (the
first words of those passages), one at a time on one core. Prints per variant tokens/s and the achieved
GFLOP/s (2 x multiply-adds of the linear layers and of attention, per token actually run, padding
included), the p50 of one query, and the cosine of its vectors to torch float32's (min and mean).
"""

from __future__ import annotations

import argparse
import copy
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer import onnxrt  # noqa: E402
from indexer.vectors import BATCH_CORES, SentenceTransformerEncoder  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "d365-operations-es" / "articles"


def passages(n: int) -> list[str]:
    rng = random.Random(7)
    files = sorted(CORPUS.rglob("*.md"))
    out: list[str] = []
    for path in rng.sample(files, min(len(files), n)):
        words = path.read_text(encoding="utf-8").split("---", 2)[-1].split()
        if len(words) > 40:
            start = rng.randrange(max(1, len(words) - 150))
            out.append(" ".join(words[start : start + 150]))
        if len(out) == n:
            break
    return out


def flops_per_batch(config, lengths: list[int], batch: int = 32) -> float:
    """2 x multiply-adds of a batch run: linear layers per token, attention per token pair, padding included."""
    h, ff, layers = config.hidden_size, config.intermediate_size, config.num_hidden_layers
    total = 0.0
    ordered = sorted(lengths, reverse=True)
    for start in range(0, len(ordered), batch):
        rows = ordered[start : start + batch]
        width = rows[0]
        linear = layers * (4 * h * h + 2 * h * ff) * width * len(rows)
        attention = layers * 2 * width * width * h * len(rows)
        total += 2 * (linear + attention)
    return total


class Torch:
    def __init__(self, enc: SentenceTransformerEncoder, kind: str) -> None:
        import torch

        self.torch, self.kind, self.enc = torch, kind, enc
        self.model = enc.model
        if kind == "int8":
            from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

            self.model = copy.deepcopy(enc.model)
            quantize_dynamic(self.model, {torch.nn.Linear: per_channel_dynamic_qconfig}, inplace=True)

    def _run(self, texts: list[str], threads: int) -> np.ndarray:
        torch = self.torch
        torch.set_num_threads(threads)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.kind == "bf16"):
            out = self.model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(out, dtype=np.float32)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._run([self.enc.passage_prefix + t for t in texts], BATCH_CORES)

    def query(self, text: str) -> np.ndarray:
        if self.kind == "float32":  # kb's traced one-query path
            return self.enc.encode_queries([text])[0]
        return self._run([self.enc.query_prefix + text], 1)[0]


class Onnx:
    def __init__(self, enc: SentenceTransformerEncoder, precision: str) -> None:
        record = enc.onnx_record() or onnxrt.convert(enc.model, enc.model_id, enc.query_prefix)
        directory = onnxrt.cache_dir(enc.model_id)
        self.enc = enc
        self.batch = onnxrt.Network(directory, precision, record, BATCH_CORES)
        self.one = onnxrt.Network(directory, precision, record, 1)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self.batch.encode([self.enc.passage_prefix + t for t in texts], 32)

    def query(self, text: str) -> np.ndarray:
        return self.one.encode([self.enc.query_prefix + text])[0]


def bench_model(name: str, n_texts: int, rounds: int) -> None:
    torch_enc = SentenceTransformerEncoder(name, runtime="torch")
    texts = passages(n_texts)
    queries = [" ".join(t.split()[:5]) for t in texts[:30]]
    lengths = [
        min(n + 2, torch_enc.max_tokens) for n in torch_enc.count_tokens([torch_enc.passage_prefix + t for t in texts])
    ]
    tokens = sum(lengths)
    flops = flops_per_batch(torch_enc.model[0].auto_model.config, lengths)
    variants = {
        "torch float32": Torch(torch_enc, "float32"),
        "torch int8": Torch(torch_enc, "int8"),
        "torch bf16": Torch(torch_enc, "bf16"),
        "onnx float32": Onnx(SentenceTransformerEncoder(name), "float32"),
        "onnx int8": Onnx(SentenceTransformerEncoder(name), "int8"),
    }
    reference_p = variants["torch float32"].passages(texts)
    reference_q = np.stack([variants["torch float32"].query(q) for q in queries])
    seconds: dict[str, list[float]] = {k: [] for k in variants}
    query_ms: dict[str, list[float]] = {k: [] for k in variants}
    cosines: dict[str, np.ndarray] = {}
    for v in variants.values():  # warm: first runs trace, allocate, pack weights
        v.passages(texts[:32])
        v.query(queries[0])
    for _ in range(rounds):
        for label, v in variants.items():
            started = time.perf_counter()
            got = v.passages(texts)
            seconds[label].append(time.perf_counter() - started)
            cosines[label] = (got * reference_p).sum(1)
        for q in queries:
            for label, v in variants.items():
                started = time.perf_counter()
                v.query(q)
                query_ms[label].append((time.perf_counter() - started) * 1000)
    qcos = {
        label: np.array([float(v.query(q) @ r) for q, r in zip(queries, reference_q, strict=True)])
        for label, v in variants.items()
    }
    base = statistics.median(seconds["torch float32"])
    base_q = statistics.median(query_ms["torch float32"])
    print(f"\n{name}: {len(texts)} passages, {tokens:,} tokens, {flops / 1e9:.1f} GFLOP per pass; {rounds} rounds")
    print("| runtime | passages s | tokens/s | GFLOP/s | × fp32 | query p50 ms | × | cosine min / mean |")
    print("|---|---|---|---|---|---|---|---|")
    for label in variants:
        s = statistics.median(seconds[label])
        q = statistics.median(query_ms[label])
        both = np.concatenate([cosines[label], qcos[label]])
        print(
            f"| {label} | {s:.2f} | {tokens / s:,.0f} | {flops / s / 1e9:.0f} | {base / s:.2f} | {q:.2f} | "
            f"{base_q / q:.2f} | {both.min():.5f} / {both.mean():.5f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="all-MiniLM-L6-v2,multilingual-e5-small")
    parser.add_argument("--texts", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for name in args.models.split(","):
        bench_model(name.strip(), args.texts, args.rounds)


if __name__ == "__main__":
    main()
