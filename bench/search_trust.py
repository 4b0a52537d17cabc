"""Can a customer trust what search shows? On a judged set (and off-topic queries), through search():

    python bench/search_trust.py ../shared/eval/stackfaq [--off-topic tests/data/off_topic.txt] [--seed 7]
    python bench/search_trust.py tests/data/section_probes.jsonl --off-topic tests/data/off_topic.txt

- **typos**: a typo'd twin of every query, cut to its first 12 words: about one word in four of five or
  more letters (at least one) gets one edit, a dropped, swapped, doubled or neighbouring-key letter
  (seeded). Of the queries whose clean (cut) form has the judged article in the top 10, the share whose
  twin still has it there.
- **spurious did-you-mean**: clean (cut) queries answered with a did-you-mean.
- **zero results** and **median result count** of the real queries, as they are and cut to 12 words.
- **off-topic**: with ``--off-topic FILE`` (one query a line, ``#`` comments), the share that finds
  nothing, on this set's knowledge base (and ``--starter`` adds the bundled help center).
- latency p50 of the clean queries, in-process.

The set is indexed as `kb eval` does (KB_DATA_DIR/eval/<set>, reused), with the model `auto` picks.
Given the labelled probe file instead, the set is the bundled help center (``articles/``) with the
probes as its judged queries (internal ones searched as staff), and the script also prints the
**answering section**: the share of probes whose labelled article is shown (top 10 of search, top 5
suggestions for tickets) with the labelled section.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kb.cli.eval import eval_engine  # noqa: E402
from kb.services import evaluation  # noqa: E402
from kb.services import search as search_service  # noqa: E402

MAX_WORDS = 12
WORD = re.compile(r"\w+")
# Neighbouring keys on a Spanish QWERTY keyboard (ñ sits right of l).
ROWS = ("qwertyuiop", "asdfghjklñ", "zxcvbnm")
NEAR: dict[str, str] = {}
for r, row in enumerate(ROWS):
    for c, ch in enumerate(row):
        near = [row[c - 1] if c else "", row[c + 1] if c + 1 < len(row) else ""]
        for other in (r - 1, r + 1):
            if 0 <= other < len(ROWS) and c < len(ROWS[other]):
                near.append(ROWS[other][c])
        NEAR[ch] = "".join(n for n in near if n)


def cut(text: str, words: int = MAX_WORDS) -> str:
    return " ".join(text.split()[:words])


def one_edit(word: str, rng: random.Random) -> str:
    """``word`` with one dropped, swapped, doubled or neighbouring-key letter (never the same word)."""
    for _ in range(20):
        i = rng.randrange(len(word))
        kind = rng.choice(("drop", "swap", "double", "near"))
        if kind == "drop":
            made = word[:i] + word[i + 1 :]
        elif kind == "swap" and i + 1 < len(word):
            made = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif kind == "double":
            made = word[:i] + word[i] + word[i:]
        elif kind == "near" and word[i].lower() in NEAR:
            made = word[:i] + rng.choice(NEAR[word[i].lower()]) + word[i + 1 :]
        else:
            continue
        if made.lower() != word.lower():
            return made
    return word


def typo_twin(text: str, rng: random.Random) -> str | None:
    """The cut query with about a quarter of its long words (at least one) mistyped; None without any."""
    words = cut(text).split(" ")
    eligible = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not eligible:
        return None
    for i in rng.sample(eligible, max(1, round(len(eligible) / 4))):
        words[i] = one_edit(words[i], rng)
    return " ".join(words)


ROOT = Path(__file__).resolve().parents[1]


def probe_set(path: Path) -> tuple[evaluation.Dataset, list[dict]]:
    """The starter knowledge base judged by the probes (query or ticket -> article and section)."""
    import json

    probes = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    queries = {p["id"]: (f"{p['subject']}\n\n{p['text']}" if p["kind"] == "ticket" else p["text"]) for p in probes}
    qrels = {p["id"]: {p["article"]: 1} for p in probes}
    return evaluation.Dataset("starter-probes", ROOT / "articles", queries, qrels), probes


def answering_sections(engine, probes: list[dict], candidates: int) -> None:
    from kb.services.suggest import suggest

    right = found = 0
    wrong = []
    for p in probes:
        staff = p["audience"] == "internal"
        if p["kind"] == "ticket":
            hits = suggest(engine, p["subject"], p["text"], limit=5, staff=staff, candidates=candidates).hits
        else:
            hits = search_service.search(engine, p["text"], limit=10, staff=staff, candidates=candidates).hits
        hit = next((h for h in hits if h.id == p["article"]), None)
        found += hit is not None
        if hit is not None and hit.anchor == p["anchor"]:
            right += 1
        else:
            wrong.append((p["id"], p["text"][:50], p["anchor"], hit.anchor if hit else None))
    n = len(probes)
    print(f"  answering section: {right}/{n} = {right / n:.1%} (article shown for {found}/{n})")
    for pid, text, want, got in wrong:
        print(f"    {pid} {text!r}: want #{want or '(intro)'}, shown {'#' + got if got else got}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--off-topic", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    probes: list[dict] = []
    if args.dataset.suffix == ".jsonl":
        dataset, probes = probe_set(args.dataset)
    else:
        dataset = evaluation.load_dataset(args.dataset)
    values, engine, _ = eval_engine(dataset)
    engine.warm_up()
    rng = random.Random(args.seed)
    candidates = values["SEARCH_CANDIDATES"]

    staff_queries = {p["id"] for p in probes if p["audience"] == "internal"}

    def run(text: str, staff: bool = False) -> search_service.SearchResults:
        return search_service.search(engine, text, limit=10, candidates=candidates, staff=staff)

    kept = tried = dym = 0
    totals_full, totals_cut, latencies = [], [], []
    for qid, text in dataset.queries.items():
        relevant = dataset.qrels[qid]
        staff = qid in staff_queries
        full = run(text, staff)
        totals_full.append(full.total)
        started = time.perf_counter()
        clean = run(cut(text), staff)
        latencies.append((time.perf_counter() - started) * 1000)
        totals_cut.append(clean.total)
        dym += clean.did_you_mean is not None
        if not set(relevant) & {h.id for h in clean.hits}:
            continue
        twin = typo_twin(text, rng)
        if twin is None:
            continue
        tried += 1
        kept += bool(set(relevant) & {h.id for h in run(twin, staff).hits})
    n = len(dataset.queries)
    print(f"{dataset.name}: {n} queries; model {values['EMBEDDING_MODEL']}")
    print(f"  typo'd twin keeps the judged article in the top 10: {kept}/{tried} = {kept / max(tried, 1):.1%}")
    print(f"  did-you-mean on clean queries (12 words): {dym}/{n} = {dym / n:.1%}")
    for name, totals in (("as written", totals_full), ("cut to 12 words", totals_cut)):
        zero = sum(t == 0 for t in totals)
        print(
            f"  queries {name}: zero results {zero}/{n} = {zero / n:.1%}, "
            f"median results {statistics.median(totals):.0f}, p90 {evaluation.percentile(totals, 90):.0f}"
        )
    print(f"  latency p50 (clean, cut): {statistics.median(latencies):.1f} ms")
    if probes:
        answering_sections(engine, probes, candidates)
    if args.off_topic:
        lines = [ln.strip() for ln in args.off_topic.read_text(encoding="utf-8").splitlines()]
        queries = [ln for ln in lines if ln and not ln.startswith("#")]
        found = [(q, run(q)) for q in queries]
        nothing = sum(r.total == 0 for _, r in found)
        print(f"  off-topic queries that find nothing: {nothing}/{len(queries)} = {nothing / len(queries):.1%}")
        for q, r in found:
            if r.total:
                print(f"    {r.total:>3} for {q!r}: {r.hits[0].title!r}")


if __name__ == "__main__":
    main()
