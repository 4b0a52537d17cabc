"""Retrieval quality on a judged set: nDCG@10, Recall@10 and MRR@10, through the search service.

A set is a folder with ``articles/``, ``queries.jsonl`` (``{"_id", "text"}`` per line) and ``qrels.tsv``
(``query-id <TAB> corpus-id <TAB> score`` after a header line), as in ``../shared/eval``.
"""

from __future__ import annotations

import json
import logging
import math
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from indexer.errors import KbError

log = logging.getLogger(__name__)

K = 10


class DatasetError(KbError):
    """The evaluation folder is not in the expected layout."""


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    articles: Path
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def load_dataset(folder: Path) -> Dataset:
    folder = Path(folder)
    for part in ("articles", "queries.jsonl", "qrels.tsv"):
        if not (folder / part).exists():
            raise DatasetError(f"{folder} has no {part}; expected articles/, queries.jsonl and qrels.tsv")
    queries: dict[str, str] = {}
    for n, line in enumerate((folder / "queries.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            queries[str(row["_id"])] = str(row["text"])
        except (ValueError, KeyError, TypeError):
            raise DatasetError(f'{folder / "queries.jsonl"}:{n}: expected {{"_id": ..., "text": ...}}') from None
    qrels: dict[str, dict[str, int]] = {}
    lines = (folder / "qrels.tsv").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines[1:], 2):
        parts = line.split("\t")
        if len(parts) < 3:
            if line.strip():
                raise DatasetError(f"{folder / 'qrels.tsv'}:{n}: expected query-id, corpus-id and score")
            continue
        try:
            score = int(float(parts[2]))
        except ValueError:
            raise DatasetError(f"{folder / 'qrels.tsv'}:{n}: score {parts[2]!r} is not a number") from None
        if score > 0:
            qrels.setdefault(parts[0], {})[parts[1].removesuffix(".md")] = score
    judged = {q: t for q, t in queries.items() if q in qrels}
    return Dataset(folder.resolve().name, folder / "articles", judged, qrels)


def ndcg_at_k(ranked: Sequence[str], relevant: Mapping[str, int], k: int = K) -> float:
    dcg = sum((2 ** relevant.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at_k(ranked: Sequence[str], relevant: Mapping[str, int], k: int = K) -> float:
    return len(set(ranked[:k]) & set(relevant)) / len(relevant) if relevant else 0.0


def mrr_at_k(ranked: Sequence[str], relevant: Mapping[str, int], k: int = K) -> float:
    for i, doc in enumerate(ranked[:k]):
        if doc in relevant:
            return 1.0 / (i + 1)
    return 0.0


@dataclass(slots=True)
class ModeScores:
    ndcg: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    mrr: list[float] = field(default_factory=list)
    recall1: list[float] = field(default_factory=list)
    recall3: list[float] = field(default_factory=list)
    shown3: list[float] = field(default_factory=list)  # Recall@3 of what a floor leaves shown
    answered: list[float] = field(default_factory=list)  # 1 when anything is shown at all
    latencies_ms: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        return {
            "ndcg@10": round(statistics.fmean(self.ndcg), 4) if self.ndcg else 0.0,
            "recall@10": round(statistics.fmean(self.recall), 4) if self.recall else 0.0,
            "mrr@10": round(statistics.fmean(self.mrr), 4) if self.mrr else 0.0,
        }

    def suggest_summary(self) -> dict[str, float]:
        """What an agent sees first: is the answer the top suggestion, or among the top three (of the
        ranking); and, when a confidence floor hides some, the top three of what is left
        (``shown@3``) and the share of tickets that get any suggestion (``answered``)."""
        out = {
            "recall@1": round(statistics.fmean(self.recall1), 4) if self.recall1 else 0.0,
            "recall@3": round(statistics.fmean(self.recall3), 4) if self.recall3 else 0.0,
            "mrr@10": round(statistics.fmean(self.mrr), 4) if self.mrr else 0.0,
        }
        if self.shown3:
            out["shown@3"] = round(statistics.fmean(self.shown3), 4)
            out["answered"] = round(statistics.fmean(self.answered), 4)
        return out


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def evaluate(
    dataset: Dataset,
    modes: Sequence[str],
    run_query: Callable[[str, str], list[str] | tuple[list[str], list[str]]],
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, ModeScores]:
    """``run_query(text, mode)`` -> article ids best first (or those and the ones a floor leaves shown);
    scores every judged query in every mode."""
    results = {mode: ModeScores() for mode in modes}
    total = len(dataset.queries) * len(modes)
    done = 0
    for mode in modes:
        scores = results[mode]
        for qid, text in dataset.queries.items():
            started = time.perf_counter()
            ranked = run_query(text, mode)
            scores.latencies_ms.append((time.perf_counter() - started) * 1000)
            relevant = dataset.qrels[qid]
            if isinstance(ranked, tuple):
                ranked, shown = ranked
                scores.shown3.append(recall_at_k(shown, relevant, 3))
                scores.answered.append(float(bool(shown)))
            scores.ndcg.append(ndcg_at_k(ranked, relevant))
            scores.recall.append(recall_at_k(ranked, relevant))
            scores.mrr.append(mrr_at_k(ranked, relevant))
            scores.recall1.append(recall_at_k(ranked, relevant, 1))
            scores.recall3.append(recall_at_k(ranked, relevant, 3))
            done += 1
            if progress:
                progress(done, total)
    return results
