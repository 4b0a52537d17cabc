"""Time an incremental `kb index` after a one-article edit, on an index that is already built.

    python bench/incremental.py ARTICLES_DIR DATA_DIR [--repeat 5]

Appends a paragraph to one article, rebuilds, restores the article, rebuilds again; repeats and prints
the median wall time of the edit builds (model loaded beforehand, so excluded) and what they embedded.
Point it at a copy of a corpus: the article is edited in place and restored.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.build import build_index  # noqa: E402
from indexer.vectors import SentenceTransformerEncoder, choose_model  # noqa: E402
from kb import settings as kb_settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path)
    parser.add_argument("data", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    values = kb_settings.load({"ARTICLES_DIR": str(args.articles), "DATA_DIR": str(args.data)}, environ={})
    model = choose_model(values["EMBEDDING_MODEL"], args.articles, values["DEFAULT_LOCALE"])
    config = kb_settings.index_config({**values, "EMBEDDING_MODEL": model})
    encoder = SentenceTransformerEncoder(model)
    _ = encoder.model
    build_index(config, lambda: encoder)  # settle: the index matches the files
    victims = sorted(args.articles.rglob("*.md"))
    times = []
    for n in range(args.repeat):
        victim = victims[(n * 613) % len(victims)]
        original = victim.read_bytes()
        victim.write_bytes(original + f"\n\nPárrafo añadido número {n} para medir la reindexación.\n".encode())
        started = time.perf_counter()
        report = build_index(config, lambda: encoder)
        times.append(time.perf_counter() - started)
        print(f"edit {victim.relative_to(args.articles)}: {times[-1]:.2f} s; {report.summary()}")
        print(f"  stages: {json.dumps(report.stages)}")
        victim.write_bytes(original)
        build_index(config, lambda: encoder)
    print(
        f"incremental build after a one-article edit: median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}) over {len(times)} edits, model load excluded"
    )


if __name__ == "__main__":
    main()
