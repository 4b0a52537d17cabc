"""Indexing throughput against raw SentenceTransformer.encode on the same chunk texts, in one run.

    python bench/index_throughput.py ../shared/corpora/d365-operations-es/articles

1. copies the corpus to a temporary folder and runs a full `kb index` build into an empty data dir;
2. encodes the exact texts the build embedded with a plain `SentenceTransformer.encode` call;
3. edits one article and runs `kb index` again (incremental).
Prints wall time, chunks, chunks/s, tokens/s, the throughput ratio (goal >= 0.8) and the incremental time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.build import build_index  # noqa: E402
from indexer.config import IndexConfig  # noqa: E402
from indexer.layout import current_build_dir  # noqa: E402
from indexer.vectors import DEFAULT_MODEL, SentenceTransformerEncoder  # noqa: E402
from kb import settings as kb_settings  # noqa: E402


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--keep", type=Path, help="Keep the data dir here (for bench/serve_memory.py).")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    articles = work / "articles"
    shutil.copytree(args.corpus, articles)
    data = args.keep or (work / "data")
    if data.exists():
        shutil.rmtree(data)
    defaults = kb_settings.load(
        {"ARTICLES_DIR": str(articles), "DATA_DIR": str(data), "EMBEDDING_MODEL": args.model}, environ={}
    )
    config: IndexConfig = kb_settings.index_config(defaults)

    encoder = SentenceTransformerEncoder(args.model)
    _ = encoder.model  # load outside the timings
    started = time.perf_counter()
    report = build_index(config, lambda: encoder)
    index_seconds = time.perf_counter() - started
    print(f"kb index (full): {report.summary()}")
    print(f"  stages: {json.dumps(report.stages)}")

    rows = json.loads((current_build_dir(data) / "chunks.json").read_text(encoding="utf-8"))
    texts = [" > ".join((r["title"], *r["path"])) + "\n" + r["text"] for r in rows]
    tokens = sum(encoder.count_tokens(texts))
    started = time.perf_counter()
    encoder.model.encode(texts, batch_size=config.batch_size, normalize_embeddings=True, show_progress_bar=False)
    raw_seconds = time.perf_counter() - started

    n = len(rows)
    print(f"corpus: {args.corpus}  articles: {report.articles}  chunks: {n}  tokens (model's, untruncated): {tokens}")
    print(
        f"kb index:  {index_seconds:8.1f} s  {n / index_seconds:7.1f} chunks/s  {tokens / index_seconds:8.0f} tokens/s"
    )
    print(f"raw encode:{raw_seconds:8.1f} s  {n / raw_seconds:7.1f} chunks/s  {tokens / raw_seconds:8.0f} tokens/s")
    print(f"throughput ratio (kb index / raw encode): {raw_seconds / index_seconds:.3f}  (goal >= 0.8)")

    victim = sorted(articles.rglob("*.md"))[len(rows) % 97]
    with open(victim, "a", encoding="utf-8") as fh:
        fh.write("\n\n## Nota de prueba\n\nEste párrafo se añadió para medir una reindexación incremental.\n")
    started = time.perf_counter()
    again = build_index(config, lambda: encoder)
    incremental = time.perf_counter() - started
    print(f"incremental (edited {victim.relative_to(articles)}): {again.summary()}")
    print(f"  wall {incremental:.2f} s with the model already loaded; stages: {json.dumps(again.stages)}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
