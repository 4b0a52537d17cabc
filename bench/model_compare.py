"""Two embedding models side by side in one process: passage throughput and one-query embedding time.

    .venv/bin/python bench/model_compare.py ../shared/corpora/d365-operations-es --texts 400 --rounds 3

Texts are ~150-word passages cut from the corpus's articles (front matter and markup removed); each
model embeds them in batches of 32 as `kb index` does, and the tokens counted are the ones the model
really reads (its own tokenizer, cut at its window). Queries are distinct 2-4-word runs from titles,
embedded one at a time on one core, as `kb serve` does. The models alternate round by round, so both
see the same machine load; medians over rounds are printed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import pct, read_articles, title_queries  # noqa: E402

from indexer.parse import strip_markup  # noqa: E402
from indexer.vectors import DEFAULT_MODEL, MULTILINGUAL_MODEL, SentenceTransformerEncoder  # noqa: E402


def corpus(root: Path, n: int, seed: int = 7) -> tuple[list[str], list[str]]:
    passages, titles = [], []
    for _, title, body in read_articles(root):
        titles.append(title)
        words = strip_markup(body).split()
        passages += [" ".join(words[i : i + 150]) for i in range(0, len(words) - 50, 150)]
    random.Random(seed).shuffle(passages)
    return passages[:n], titles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--models", nargs=2, default=[DEFAULT_MODEL, MULTILINGUAL_MODEL])
    parser.add_argument("--texts", type=int, default=400)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    passages, titles = corpus(args.corpus, args.texts)
    queries = title_queries(titles, args.queries, 5, 2, 4)
    encoders = {name: SentenceTransformerEncoder(name) for name in args.models}
    read = {}
    for name, enc in encoders.items():
        window = enc.max_tokens - 2
        read[name] = sum(min(n, window) for n in enc.count_tokens([enc.passage_prefix + p for p in passages]))
        enc.encode_passages(passages[:32])
        for q in queries[:10]:
            enc.encode_queries([q])
    rates: dict[str, list[float]] = {n: [] for n in encoders}
    query_ms: dict[str, list[float]] = {n: [] for n in encoders}
    for _ in range(args.rounds):
        for name, enc in encoders.items():
            started = time.perf_counter()
            enc.encode_passages(passages)
            rates[name].append(read[name] / (time.perf_counter() - started))
            for q in queries:
                started = time.perf_counter()
                enc.encode_queries([q])
                query_ms[name].append((time.perf_counter() - started) * 1000)
    print(f"{len(passages)} ~150-word passages from {args.corpus.name}, {len(queries)} queries, {args.rounds} rounds")
    for name in encoders:
        print(
            f"{name:<24} passages {statistics.median(rates[name]):7.0f} tokens/s ({read[name]} tokens read)   "
            f"one query p50 {statistics.median(query_ms[name]):6.2f} ms  p99 {pct(query_ms[name], 99):6.2f} ms"
        )
    a, b = args.models
    print(
        f"{b} / {a}: throughput {statistics.median(rates[b]) / statistics.median(rates[a]):.2f}x, "
        f"query time {statistics.median(query_ms[b]) / statistics.median(query_ms[a]):.2f}x"
    )


if __name__ == "__main__":
    main()
