"""Which sentences should the model read of a long ticket? Ways of ranking them, side by side.

    .venv/bin/python bench/telling_variants.py ../shared/eval/adobe-commerce-es [--budget 64]

Only the judged queries longer than the budget are scored (the others are read whole either way).
Each variant ranks sentences by their best BM25F score against one section divided by length**p
(sqrt: p=0.5, density: p=1, raw: p=0), optionally always keeping the first sentence (first) or
multiplying its weight (lead2, lead3); ``whole``
lets the model read everything it can (its window truncates). Prints Recall@3 of each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kb.services.suggest as suggest_module  # noqa: E402
from kb.cli.eval import eval_engine  # noqa: E402
from kb.services import evaluation, tickets  # noqa: E402

VARIANTS = (
    ("sqrt", 0.5, False),
    ("density", 1.0, False),
    ("raw", 0.0, False),
    ("sqrt+first", 0.5, True),
    ("sqrt+lead2", 0.5, 2.0),
    ("sqrt+lead3", 0.5, 3.0),
)


def ranking(power: float, first: bool | float):
    def telling_part(text, budget, count, weigh, lead=1.0):
        parts = tickets.sentences(text)
        counts = count(parts)
        if sum(counts) <= budget:
            return text
        weights = weigh(parts)
        if first is not True and first:  # a lead bonus: the first sentence's weight times ``first``
            weights[0] *= first
        chosen, used = ({0}, counts[0]) if first is True and counts[0] <= budget else (set(), 0)
        for i in sorted(range(len(parts)), key=lambda i: (-weights[i] / max(counts[i], 1) ** power, i)):
            if i not in chosen and used + counts[i] <= budget:
                chosen.add(i)
                used += counts[i]
        return " ".join(parts[i] for i in sorted(chosen)) or parts[0]

    return telling_part


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--budget", type=int, default=64)
    parser.add_argument("--only", help="comma-separated variant labels to run")
    args = parser.parse_args()
    dataset = evaluation.load_dataset(args.dataset)
    _, engine, _ = eval_engine(dataset)
    long = {q: t for q, t in dataset.queries.items() if engine.encoder.count_query_tokens([t])[0] > args.budget}
    print(f"{dataset.name}: {len(long)} of {len(dataset.queries)} queries longer than {args.budget} tokens")
    original = suggest_module.telling_part
    wanted = set(args.only.split(",")) if args.only else None
    for label, power, first in (*VARIANTS, ("whole", 0.0, False)):
        if wanted and label not in wanted:
            continue
        suggest_module.telling_part = original if label == "whole" else ranking(power, first)
        budget = 10**6 if label == "whole" else args.budget
        recall = []
        for qid, text in long.items():
            found = suggest_module.suggest(engine, "", text, limit=10, staff=True, meaning_tokens=budget)
            recall.append(evaluation.recall_at_k([h.id for h in found.hits], dataset.qrels[qid], 3))
        print(f"{label:<12} Recall@3 {statistics.fmean(recall):.4f}", flush=True)
    suggest_module.telling_part = original


if __name__ == "__main__":
    main()
