"""Where a full build's time goes once the vectors are known: every stage but the model, in rounds.

    python bench/build_stages.py ../shared/corpora/alchemyinsights-es/AlchemyInsights --rounds 3

The first build embeds the corpus into a seed data directory (or ``--seed DIR`` reuses one); each
round then runs a full build into an empty data directory holding only a copy of the seed's
embedding cache, so every vector is a cache hit and the figures are parse, chunk, lexical, vector
index, page store, write and publish. Prints each round's stages and the median of each stage. Run it
in two checkouts, alternating, to compare them side by side.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.build import build_index  # noqa: E402
from indexer.config import IndexConfig  # noqa: E402
from indexer.vectors import DEFAULT_MODEL, SentenceTransformerEncoder  # noqa: E402
from kb import settings as kb_settings  # noqa: E402

CACHE = "embedding-cache.sqlite3"


def config_for(articles: Path, data: Path, model: str) -> IndexConfig:
    values = {"ARTICLES_DIR": str(articles), "DATA_DIR": str(data), "EMBEDDING_MODEL": model}
    return kb_settings.index_config(kb_settings.load(values, environ={}))


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=Path, help="A data dir whose embedding cache already holds the corpus.")
    args = parser.parse_args()

    encoder = SentenceTransformerEncoder(args.model)
    _ = encoder.model  # loaded outside the timings
    work = Path(tempfile.mkdtemp(prefix="kb-stages-"))
    try:
        seed = args.seed
        if seed is None or not (seed / CACHE).is_file():
            seed = seed or work / "seed"
            started = time.perf_counter()
            report = build_index(config_for(args.corpus, seed, args.model), lambda: encoder)
            print(f"seed build (embeds): {time.perf_counter() - started:.1f} s; {report.summary()}")
        walls: list[float] = []
        stages: dict[str, list[float]] = {}
        for n in range(1, args.rounds + 1):
            data = work / f"round-{n}"
            data.mkdir()
            shutil.copy(seed / CACHE, data / CACHE)
            started = time.perf_counter()
            report = build_index(config_for(args.corpus, data, args.model), lambda: encoder)
            walls.append(time.perf_counter() - started)
            for stage, seconds in report.stages.items():
                stages.setdefault(stage, []).append(seconds)
            print(f"round {n}: {walls[-1]:.2f} s, {report.reused} of {report.chunks} vectors from the cache; "
                  f"stages {json.dumps({k: round(v, 2) for k, v in report.stages.items()})}")  # fmt: skip
            shutil.rmtree(data)
        print(f"median wall {statistics.median(walls):.2f} s over {len(walls)} rounds")
        for stage, values in stages.items():
            print(f"  {stage:16s} median {statistics.median(values):7.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
