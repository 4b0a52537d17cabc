"""Where should search results end? Sweeps kb/services/relevance.py's Cutoff on judged sets.

    python bench/cutoff_sweep.py ../shared/eval/stackfaq ../shared/eval/adobe-commerce-es ... \
        [--probes tests/data/section_probes.jsonl] [--off-topic tests/data/off_topic.txt]

Each judged query (as written, and cut to its first 12 words) and each off-topic query is retrieved
once per set, as search() does (typed, no correction); then every Cutoff of the grid is applied to
those candidates and their evidence. Printed per set for the default Cutoff and the best grid points:
nDCG@10 lost to the cut (against the same ranking uncut), real queries left with nothing, the median
number of results, and the share of off-topic queries that find nothing. The constraint is the
issue's: no nDCG lost, at most 2% empty, a median of at most 20, at least 80% of off-topic empty.
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kb.cli.eval import eval_engine  # noqa: E402
from kb.services import evaluation, relevance  # noqa: E402
from kb.services import search as search_service  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def ndcg(ids: list[str], relevant: dict[str, int]) -> float:
    return evaluation.ndcg_at_k(ids, relevant)


def retrievals(dataset, off_topic: list[str], staff_ids: set[str]) -> tuple[list, list]:
    values, engine, _ = eval_engine(dataset)
    search_service.warm(engine)
    reader = engine.checked_index()

    def one(text: str, staff: bool):
        found = search_service.retrieve(engine, text, index=reader, staff=staff, corrections=False)
        return found.ranked, found.evidence

    real = []
    for qid, text in dataset.queries.items():
        staff = qid in staff_ids
        cut = " ".join(text.split()[:12])
        real.append((dataset.qrels[qid], one(text, staff), one(cut, staff)))
    return real, [one(q, False) for q in off_topic]


def measure(real, off, cut: relevance.Cutoff) -> dict:
    lost, empty, counts = [], [], []
    for relevant, *views in real:
        for n, (ranked, evidence) in enumerate(views):
            shown = relevance.admitted(evidence, ranked, cut)
            empty.append(not shown)
            counts.append(len(shown))
            if n == 0:
                before = ndcg([a for a, _, _ in ranked], relevant)
                lost.append(before - ndcg([a for a, _, _ in shown], relevant))
    nothing = [not relevance.admitted(evidence, ranked, cut) for ranked, evidence in off]
    return {
        "ndcg_lost": statistics.fmean(lost),
        "empty": statistics.fmean(empty),
        "median": statistics.median(counts),
        "off_topic_empty": statistics.fmean(nothing) if nothing else math.nan,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="*", type=Path)
    parser.add_argument("--probes", type=Path)
    parser.add_argument("--off-topic", type=Path, default=ROOT / "tests" / "data" / "off_topic.txt")
    args = parser.parse_args()
    lines = args.off_topic.read_text(encoding="utf-8").splitlines()
    off_topic = [q.strip() for q in lines if q.strip() and not q.startswith("#")]
    sets = []
    for folder in args.datasets:
        sets.append((folder.name, *retrievals(evaluation.load_dataset(folder), off_topic, set())))
    if args.probes:
        from search_trust import probe_set

        dataset, probes = probe_set(args.probes)
        staff = {p["id"] for p in probes if p["audience"] == "internal"}
        sets.append(("help center probes", *retrievals(dataset, off_topic, staff)))

    default = relevance.Cutoff()
    grid = [
        replace(default, coverage=c, standing=s, drop=d, keep_relative=r)
        for c, s, d, r in itertools.product((0.6, 0.7, 0.8), (-0.5, 0.0, 0.5), (0.5, 1.0, 1.5, 2.0), (0.2, 0.3, 0.5))
    ]
    results = {cut: {name: measure(real, off, cut) for name, real, off in sets} for cut in grid + [default]}

    def worst(cut):
        r = results[cut].values()
        return (
            max(v["ndcg_lost"] for v in r),
            max(v["empty"] for v in r),
            max(v["median"] for v in r),
            min(v["off_topic_empty"] for v in r),
        )

    def show(cut):
        print(
            f"coverage {cut.coverage} standing {cut.standing} drop {cut.drop} keep_relative {cut.keep_relative}"
            + ("  (default)" if cut == default else "")
        )
        for name, v in results[cut].items():
            print(
                f"  {name:<22} nDCG@10 lost {v['ndcg_lost']:.4f}  empty {v['empty']:.1%}  "
                f"median results {v['median']:.0f}  off-topic empty {v['off_topic_empty']:.1%}"
            )

    show(default)
    meeting = [c for c in grid if (w := worst(c))[0] <= 1e-4 and w[1] <= 0.02 and w[2] <= 20 and w[3] >= 0.8]
    print(f"\n{len(meeting)} of {len(grid)} grid points meet every constraint; the best by off-topic, then results:")
    for cut in sorted(meeting, key=lambda c: (-worst(c)[3], worst(c)[2]))[:5]:
        show(cut)


if __name__ == "__main__":
    main()
