"""Server-side render time of the help-center pages on a built index, in process (Flask's test client).

    python bench/render_pages.py --data-dir DATA_DIR [--rounds 5]

The app is made as the tests make it (``create_app``), with the KB_* settings of the environment except
the database: searches and article views record analytics, so it runs on a throwaway copy of the data
dir's SQLite file (or a new one) in a temp folder, and the read rate limit is off. It warms the engine
(``kb.services.search.warm``) and renders every page once, then times GET, body read included, of:

- home ``/?lang=es``;
- the first Spanish category of ``/api/v1/categories?locale=es``;
- the first non-default section of the Spanish categories, if there is one;
- ``/search?q=...&lang=es`` for 20 queries, each the first words of a title spread over the catalog;
- 20 articles spread over the catalog, half a step from the queries' titles;
- "search again": each search once more, later in the same round, when its query vector is cached
  (the difference to "search" is the query's embedding).

Each round renders every page kind once per query/article slot, kinds interleaved round-robin, so
machine noise hits them alike; the query-vector cache is emptied before each round, so every search
embeds its query as a query the process has not seen would. The after-response work (an article
view's analytics row) runs when the response is closed, outside the clock, as the visitor does not
wait for it. Prints n, p50, p90 and max per page kind and whether p50 is within 30 ms, and every
answer that was not 200.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus, unquote_plus

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import pct, query_of, throwaway_db  # noqa: E402

from kb import create_app  # noqa: E402
from kb.services import search as search_service  # noqa: E402

SLOTS = 20  # search queries and articles per round
TARGET_MS = 30.0


def spread(items: list, n: int, offset: float = 0.0) -> list:
    """``n`` items evenly spaced over ``items`` (all of them if there are fewer), starting ``offset`` of a step in."""
    if len(items) <= n:
        return list(items)
    step = len(items) / n
    return [items[int((i + offset) * step)] for i in range(n)]




def pages(client) -> dict[str, list[str]]:
    """The URLs to time, per page kind."""
    found = client.get("/api/v1/categories?locale=es")
    if found.status_code != 200:
        raise SystemExit(f"/api/v1/categories?locale=es answered {found.status_code}: is the index built?")
    categories = found.get_json()["categories"]
    if not categories:
        raise SystemExit("the index has no Spanish category")
    sections = [s["url"] for c in categories for s in c["sections"] if not s["default"]]
    listed = {a["id"]: a for c in categories for s in c["sections"] for a in s["articles"] if a["locale"] == "es"}
    catalog = [listed[k] for k in sorted(listed)]
    if not catalog:
        raise SystemExit("the categories list no Spanish article")
    urls = {
        "home": ["/?lang=es"],
        "category": [categories[0]["url"]],
        "section": sections[:1],
        "search": [f"/search?q={quote_plus(query_of(a['title']))}&lang=es" for a in spread(catalog, SLOTS)],
        "article": [a["url"] for a in spread(catalog, SLOTS, 0.5)],
    }
    urls["search again"] = urls["search"]  # the same query a second time: its vector comes from the cache
    return {kind: found for kind, found in urls.items() if found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kb-render-") as tmp:
        config = {
            "DATA_DIR": str(args.data_dir),
            "DATABASE_URL": throwaway_db(args.data_dir.resolve(), Path(tmp)),
            "RATE_LIMIT_READS_PER_MINUTE": 0,  # this measures rendering, not the limiter's 429s
        }
        app = create_app(config)
        engine = app.extensions["kb.engine"]
        started = time.perf_counter()
        search_service.warm(engine)
        client = app.test_client()
        urls = pages(client)
        for kind_urls in urls.values():  # templates compiled, caches filled, as in a server that has run a while
            for url in kind_urls:
                client.get(url).close()
        warm_seconds = time.perf_counter() - started

        times: dict[str, list[float]] = {kind: [] for kind in urls}
        failures: list[tuple[str, int]] = []
        for _ in range(args.rounds):
            engine._queries.clear()
            for slot in range(SLOTS):
                for kind, kind_urls in urls.items():
                    url = kind_urls[slot % len(kind_urls)]
                    t = time.perf_counter()
                    response = client.get(url)
                    response.get_data()
                    times[kind].append((time.perf_counter() - t) * 1000)
                    response.close()
                    if response.status_code != 200:
                        failures.append((url, response.status_code))

    index = engine.checked_index()
    print(
        f"{args.data_dir}: {len(index.articles)} articles, {args.rounds} rounds, warm-up {warm_seconds:.1f} s, "
        f"{SLOTS} search queries, {len(urls['article'])} articles"
    )
    print(f"{'page':<12} {'n':>5} {'p50 ms':>9} {'p90 ms':>9} {'max ms':>9}  p50 <= {TARGET_MS:.0f} ms")
    for kind, values in times.items():
        p50 = statistics.median(values)
        print(
            f"{kind:<12} {len(values):>5} {p50:>9.2f} {pct(values, 90):>9.2f} {max(values):>9.2f}  "
            f"{'yes' if p50 <= TARGET_MS else 'NO'}"
        )
    section = urls["section"][0] if "section" in urls else "none (every section is a default one)"
    print(f"category: {urls['category'][0]}; section: {section}")
    print(f"non-200 answers: {len(failures)}")
    for url, status in sorted(set(failures)):
        print(f"  {status} {url} ({failures.count((url, status))} times)")
    print("search queries:", "; ".join(unquote_plus(u.split("q=", 1)[1].split("&")[0]) for u in urls["search"]))


if __name__ == "__main__":
    main()
