"""Fit the suggestion confidence (kb/services/confidence.py) on judged sets, and print its table.

    .venv/bin/python bench/calibrate_confidence.py ../shared/eval/stackfaq ../shared/eval/adobe-commerce-en \
        ../shared/eval/adobe-commerce-es [--model multilingual-e5-small]

Every query goes through ``suggest()`` as a ticket body (as ``kb eval --task suggest`` does); each of
its top-10 suggestions is a sample: its signals, and whether the set judges it relevant. A logistic
regression per model family is fitted on all samples; the table is computed from out-of-fold
predictions (5 folds by query), so it says how the confidence behaves on queries it was not fitted
on. Prints the ``CALIBRATIONS`` entry to paste, and the README table: at confidence >= c, the share of
tickets whose top suggestion reaches c, and how often that top suggestion is right.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kb.cli.eval import eval_engine  # noqa: E402
from kb.services import evaluation  # noqa: E402
from kb.services.confidence import FEATURES  # noqa: E402
from kb.services.suggest import suggest  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, rounds: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method (IRLS) with a small L2 penalty; returns [intercept, weights]."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    penalty = np.eye(a.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-(a @ w)))
        gradient = a.T @ (p - y) + penalty @ w
        hessian = (a * (p * (1 - p))[:, None]).T @ a + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(w[0] + x @ w[1:])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="+", type=Path)
    parser.add_argument("--model", help="EMBEDDING_MODEL for every set (default: the setting, auto)")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()

    # family -> rows of (query key, rank, features, relevant)
    samples: dict[str, list[tuple[str, int, tuple[float, ...], int]]] = defaultdict(list)
    for folder in args.datasets:
        dataset = evaluation.load_dataset(folder)
        overrides = {"EMBEDDING_MODEL": args.model} if args.model else {}
        values, engine, _ = eval_engine(dataset, **overrides)
        family = engine.profile.family
        engine.warm_up()
        for qid, text in dataset.queries.items():
            found = suggest(engine, "", text, limit=10, staff=True, candidates=values["SEARCH_CANDIDATES"])
            for rank, s in enumerate(found.suggestions, 1):
                relevant = int(s.hit.id in dataset.qrels[qid])
                samples[family].append((f"{dataset.name}/{qid}", rank, s.signals.values(), relevant))
            if not found.suggestions:
                samples[family].append((f"{dataset.name}/{qid}", 0, (), 0))
        print(f"{dataset.name}: {len(dataset.queries)} queries, model {values['EMBEDDING_MODEL']} ({family})")

    for family, rows in samples.items():
        scored = [r for r in rows if r[1]]
        x = np.array([r[2] for r in scored], dtype=np.float64)
        y = np.array([r[3] for r in scored], dtype=np.float64)
        w = fit_logistic(x, y)
        queries = sorted({r[0] for r in rows})
        random.Random(7).shuffle(queries)
        fold_of = {q: i % args.folds for i, q in enumerate(queries)}
        folds = np.array([fold_of[r[0]] for r in scored])
        held_out = np.zeros(len(scored))
        for k in range(args.folds):
            wk = fit_logistic(x[folds != k], y[folds != k])
            held_out[folds == k] = predict(wk, x[folds == k])
        top = {}  # query -> (confidence of its first suggestion, is it right)
        for (q, rank, _, rel), p in zip(scored, held_out, strict=True):
            if rank == 1:
                top[q] = (p, rel)
        n = len(queries)
        right = sum(r for _, r in top.values()) / n
        print(f"\n{family}: {len(scored)} suggestions of {n} queries; top-1 right {right:.3f}")
        weights = ", ".join(f"{v:.4f}" for v in w[1:])
        print(f'    "{family}": Calibration({w[0]:.4f}, ({weights})),  # {", ".join(FEATURES)}')
        print("\n| confidence ≥ | tickets at or above | top suggestion right |")
        print("|---|---|---|")
        for c in THRESHOLDS:
            above = [r for p, r in top.values() if p >= c]
            right = f"{100 * sum(above) / len(above):.1f}%" if above else "-"
            print(f"| {c:.1f} | {100 * len(above) / n:.1f}% | {right} |")
        print("\ncalibration (out of fold, all suggestions): predicted -> observed")
        for low in np.arange(0.0, 1.0, 0.2):
            sel = (held_out >= low) & (held_out < low + 0.2)
            if sel.any():
                print(
                    f"  {low:.1f}-{low + 0.2:.1f}: {held_out[sel].mean():.3f} -> {y[sel].mean():.3f} ({int(sel.sum())})"
                )


if __name__ == "__main__":
    main()
