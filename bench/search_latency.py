"""In-process search latency on a built index, for customer-style queries of 1-5 words.

    python bench/search_latency.py DATA_DIR [--queries 300] [--threads N]

Queries are distinct word runs taken from the index's own article titles (so every query is new to
the per-process query cache). Prints the p50/p99 of the whole ``search()`` call (hybrid, what the
API runs) and of its parts measured separately: query embedding, FAISS, BM25F.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import timing_line, title_queries  # noqa: E402

from indexer.analysis import TOKEN_RE  # noqa: E402
from indexer.backend import Filter  # noqa: E402
from kb import settings  # noqa: E402
from kb.services import search as search_service  # noqa: E402
from kb.services.engine import Engine  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: kb's default)")
    args = parser.parse_args()

    values = settings.load({"DATA_DIR": str(args.data_dir)})
    engine = Engine.from_settings(values)
    reader = engine.checked_index()
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    titles = [a["title"] for a in reader.articles.values()]
    qs = title_queries(titles, args.queries, args.seed, 1, 5, TOKEN_RE)
    warm = title_queries(titles, 20, args.seed + 1, 1, 5, TOKEN_RE)
    engine.warm_up()
    for q in warm:  # model, speller and caches warm, as in a running server
        search_service.search(engine, q)

    encode, faiss, bm25, total = [], [], [], []
    for q in qs:
        t = time.perf_counter()
        vector = engine.encoder.encode_queries([q])[0]
        encode.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        reader.vectors.faiss.search(vector, 300)
        faiss.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        reader.bm25.search(q, 100, mask=reader.mask(Filter()))
        bm25.append((time.perf_counter() - t) * 1000)
    engine._queries.clear()
    for q in qs:
        t = time.perf_counter()
        search_service.search(engine, q, candidates=values["SEARCH_CANDIDATES"])
        total.append((time.perf_counter() - t) * 1000)

    n_vectors = len(reader.vectors.faiss)
    print(f"{args.data_dir}: {len(reader.articles)} articles, {n_vectors} vectors, {len(qs)} distinct queries")
    print(timing_line("query embedding", encode))
    print(timing_line("FAISS (k=300)", faiss))
    print(timing_line("BM25F", bm25))
    print(timing_line("search() hybrid", total))


if __name__ == "__main__":
    main()
