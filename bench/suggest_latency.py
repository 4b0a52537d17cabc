"""Suggestion latency for long tickets, in process, on a built index.

    .venv/bin/python bench/suggest_latency.py /tmp/kb-d365 --words 300 --tickets 100

Each ticket is ``--words`` consecutive words from a random section of the index (a customer pasting
a long description), with a Spanish greeting and sign-off around it. Prints p50/p99 of
``kb.services.suggest.suggest`` and of its parts: cleaning, choosing the sentences the model reads
(``SUGGEST_MEANING_TOKENS``), embedding them, lexical scoring; and, for comparison, embedding the
whole clean text (the model truncates it to its window). Each ``--precisions`` value
(``SUGGEST_PRECISION``) is timed side by side on the same tickets, in alternating order.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import timing_line  # noqa: E402

from indexer.backend import Filter  # noqa: E402
from kb import settings  # noqa: E402
from kb.services.engine import Engine  # noqa: E402
from kb.services.suggest import _meaning_text, suggest  # noqa: E402
from kb.services.tickets import clean_ticket  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--tickets", type=int, default=100)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--budget", type=int, help="SUGGEST_MEANING_TOKENS (default: the setting)")
    parser.add_argument("--precisions", default="int8,float32", help="SUGGEST_PRECISION values to compare")
    args = parser.parse_args()
    precisions = [p.strip() for p in args.precisions.split(",") if p.strip()]

    engine = Engine.from_settings(settings.load({"DATA_DIR": str(args.data_dir)}))
    reader = engine.checked_index()
    for precision in precisions:
        engine.ticket_precision = precision
        engine.warm_up()
    _ = reader.bm25.speller
    rng = random.Random(args.seed)
    words = [c["text"].split() for c in reader.chunks]
    tickets = []
    while len(tickets) < args.tickets:
        run = rng.choice(words) + rng.choice(words) + rng.choice(words)
        if len(run) >= args.words:
            start = rng.randint(0, len(run) - args.words)
            body = " ".join(run[start : start + args.words])
            tickets.append(f"Hola,\n\n{body}\n\nGracias,\nAna\n")
    for precision in precisions:
        engine.ticket_precision = precision
        for t in tickets[:5]:
            suggest(engine, "", t, staff=True)

    budget = args.budget or settings.load({})["SUGGEST_MEANING_TOKENS"]
    cleaning, choosing, whole, lexical = [], [], [], []
    embedding: dict[str, list[float]] = {p: [] for p in precisions}
    total: dict[str, list[float]] = {p: [] for p in precisions}
    for t in tickets:
        started = time.perf_counter()
        text = clean_ticket("", t).text
        cleaning.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        read = _meaning_text(engine, reader.bm25, reader.bm25.analyse(text, None), text, budget)
        choosing.append((time.perf_counter() - started) * 1000)
        for precision in precisions:
            started = time.perf_counter()
            engine.encoder.encode_queries([read], precision)
            embedding[precision].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        engine.encoder.encode_queries([text])
        whole.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        analysed = reader.bm25.analyse(text, None)
        reader.bm25.search_columns(analysed.columns, 100, mask=reader.mask(Filter(True)))
        lexical.append((time.perf_counter() - started) * 1000)
    engine._queries.clear()
    for i, t in enumerate(tickets):
        for precision in precisions[i % len(precisions) :] + precisions[: i % len(precisions)]:
            engine.ticket_precision = precision
            started = time.perf_counter()
            suggest(engine, "", t, staff=True, meaning_tokens=budget)
            total[precision].append((time.perf_counter() - started) * 1000)
    model = getattr(engine.encoder, "name", "?")
    print(f"{args.data_dir}: {len(reader.articles)} articles, model {model}, {len(tickets)} {args.words}-word tickets")
    print(timing_line("cleaning", cleaning))
    print(timing_line("choosing sentences", choosing))
    for precision in precisions:
        print(timing_line(f"embedding them ({budget} tok, {precision})", embedding[precision]))
    print(timing_line("embedding whole text (float32)", whole))
    print(timing_line("lexical (BM25F)", lexical))
    for precision in precisions:
        print(timing_line(f"suggest() {precision}", total[precision]))


if __name__ == "__main__":
    main()
