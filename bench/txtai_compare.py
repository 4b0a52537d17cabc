"""kb's search over HTTP against txtai's hybrid search in-process, same corpus, model and queries, one run.

    # txtai is not a kb dependency: give it a venv of its own (pip takes torch 2.13.0's CPU build)
    python3.11 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0 txtai faiss-cpu
    .venv/bin/kb index   (with KB_ARTICLES_DIR=CORPUS KB_DATA_DIR=DATA)
    /tmp/tv/bin/python bench/txtai_compare.py CORPUS DATA --kb .venv/bin/kb --model MODEL_DIR

txtai indexes each article's plain text (title + body, front matter removed) with
``Embeddings(path=MODEL_DIR, hybrid=True, content=True)``: its BM25 + vectors. kb is ``kb serve`` on
the index already built in DATA, asked over loopback from this (second) process. Queries are
distinct runs of 2-4 words from article titles. Prints p50/p99 of each and the ratio of p50s.
"""

from __future__ import annotations

import argparse
import statistics
import time
import urllib.parse
import urllib.request
from pathlib import Path

from harness import kb_server, pct, read_articles, title_queries


def timed(fn, qs: list[str]) -> list[float]:
    out = []
    for q in qs:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--kb", type=Path, required=True, help="the kb command of kb's venv")
    parser.add_argument("--model", required=True, help="the model directory both use")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--txtai-index", type=Path, help="save txtai's index here, and load it on the next run")
    args = parser.parse_args()

    from txtai import Embeddings

    docs = read_articles(args.corpus)
    titles = [title for _, title, _ in docs]
    qs = title_queries(titles, args.queries, 11, 2, 4)
    warm = title_queries(titles, 20, 12, 2, 4)

    started = time.perf_counter()
    embeddings = Embeddings(path=args.model, hybrid=True, content=True)
    if args.txtai_index and args.txtai_index.exists():
        embeddings.load(str(args.txtai_index))
        print(f"txtai: loaded its index of {embeddings.count()} articles from {args.txtai_index}")
    else:
        embeddings.index([(doc_id, f"{title}\n{body}", None) for doc_id, title, body in docs])
        print(f"txtai: indexed {len(docs)} articles in {time.perf_counter() - started:.1f} s")
        if args.txtai_index:
            embeddings.save(str(args.txtai_index))

    with kb_server(args.kb, args.data_dir) as server:
        print(f"kb serve: {server.health}")

        def kb_search(q: str) -> None:
            url = f"{server.base}/api/v1/search?{urllib.parse.urlencode({'q': q, 'limit': 10})}"
            urllib.request.urlopen(url, timeout=30).read()

        def txtai_search(q: str) -> None:
            embeddings.search(q, 10)

        for q in warm:
            kb_search(q)
            txtai_search(q)
        # Interleaved halves, so both see the same machine load.
        kb_ms, txtai_ms = [], []
        for part in (qs[: len(qs) // 2], qs[len(qs) // 2 :]):
            txtai_ms += timed(txtai_search, part)
            kb_ms += timed(kb_search, part)

    print(f"{len(qs)} distinct 2-4-word queries from titles")
    print(f"txtai hybrid, in-process:  p50 {statistics.median(txtai_ms):6.2f} ms  p99 {pct(txtai_ms, 99):6.2f} ms")
    print(f"kb hybrid, over HTTP:      p50 {statistics.median(kb_ms):6.2f} ms  p99 {pct(kb_ms, 99):6.2f} ms")
    print(f"p50 ratio kb/txtai: {statistics.median(kb_ms) / statistics.median(txtai_ms):.2f}")


if __name__ == "__main__":
    main()
