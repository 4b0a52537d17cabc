"""Time the owners' review queue on a built index, and print its counts per reason.

    .venv/bin/python bench/review_queue.py /tmp/kb-d365 --deprecated bench/d365-deprecated-terms.txt

The build is opened first (a running server has it open), then the queue is built ``--runs`` times in
one process: the first reads the article files for deprecated terms and stats the linked files. The
database is a fresh SQLite file unless ``--database`` names one, so the counts are the corpus's own
(no analytics). The articles folder is the one the build was made from (its manifest), unless
``--articles`` is given.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.layout import current_build_dir, read_manifest  # noqa: E402
from kb import settings  # noqa: E402
from kb.db import open_db  # noqa: E402
from kb.services import review  # noqa: E402
from kb.services.engine import Engine  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--articles", type=Path)
    parser.add_argument("--database", help="SQLAlchemy URL (default: a fresh SQLite file)")
    parser.add_argument("--deprecated", type=Path, help="deprecated terms file (DEPRECATED_TERMS)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    articles = args.articles or Path(read_manifest(current_build_dir(args.data_dir))["articles_dir"])
    scratch = tempfile.mkdtemp(prefix="kb-review-")
    overrides = {
        "DATA_DIR": str(args.data_dir),
        "ARTICLES_DIR": str(articles),
        "DATABASE_URL": args.database or f"sqlite:///{scratch}/kb.sqlite3",
    }
    if args.deprecated:
        overrides["DEPRECATED_TERMS"] = str(args.deprecated.resolve())
    values = settings.load(overrides)
    engine = Engine.from_settings(values)
    db = open_db(values)
    policy = review.Policy.from_settings(values)
    started = time.perf_counter()
    engine.index()  # a running server has the live build open already
    opened = time.perf_counter() - started
    seconds = []
    for _ in range(args.runs):
        started = time.perf_counter()
        queue = review.build_queue(engine, db, policy, articles)
        seconds.append(time.perf_counter() - started)
    print(
        f"{args.data_dir}: {len(engine.index().articles)} articles, model {engine.profile.family}, "
        f"{len(policy.deprecated)} deprecated terms"
    )
    rest = statistics.median(seconds[1:] or seconds)
    print(f"opening the build {opened:.2f} s; build_queue: first {seconds[0]:.2f} s, median of the rest {rest:.2f} s")
    print(f"{len(queue.articles)} articles in the queue; per reason: {json.dumps(queue.counts)}")
    print(f"{len(queue.gaps)} gap topics")
    for flagged in queue.articles[:3]:
        print(
            f"  {flagged.score:8.2f} {flagged.id}: " + "; ".join(f"{r.code}: {r.detail[:90]}" for r in flagged.reasons)
        )


if __name__ == "__main__":
    main()
