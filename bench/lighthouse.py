"""Lighthouse mobile scores (accessibility, SEO, best practices, performance) of the help center's home,
search and article pages, served by `kb serve` on a built index.

    python bench/lighthouse.py --data-dir DATA_DIR [--runs 3] [--lighthouse PATH] [--reports DIR]
        [--query Q] [--article ID]

Lighthouse is an npm package; install it once into a prefix of your own, e.g.

    npm install --prefix ~/.cache/kb-lighthouse lighthouse

The CLI used is ``--lighthouse PATH``, else ``lighthouse`` on PATH, else that prefix's
``node_modules/.bin/lighthouse``, else ``npx --yes lighthouse@12`` (which installs it in npm's cache).
Chrome is ``--chrome-path`` (/usr/bin/chromium), headless.

Starts `kb serve` on a free loopback port over DATA_DIR (its analytics go to a throwaway copy of the
data dir's SQLite file), waits for /-/health, and checks it serves DATA_DIR's live build. The pages:
home ``/?lang=es``, ``/search?q=...&lang=es`` (``--query``, else the first words of a Spanish title)
and an article (``--article``, else another Spanish one), titles and articles from
``/api/v1/categories?locale=es``. Each page is audited ``--runs`` times with Lighthouse's mobile
emulation (simulated slow 4G and a 4x slower CPU, so a busy machine lowers the performance score).
Prints the median score per page and category (0-100); for each category under its target
(accessibility, SEO and best practices 95, performance 90) the audits that failed (score under 0.9)
with the elements or resources Lighthouse names; then, a line each, the audits failed in categories
that meet their target. Plain HTTP on localhost counts as secure for Lighthouse's HTTPS audit.
``--reports DIR`` keeps every run's JSON report.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import quote_plus

from harness import kb_server, query_of, throwaway_db

CATEGORIES = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}  # id: target
PREFIX = Path("~/.cache/kb-lighthouse").expanduser()
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
PASS = 0.9  # Lighthouse shows an audit scoring below this as failed
SHOWN_ITEMS = 6


def lighthouse_command(given: str | None) -> list[str]:
    if given:
        return [given]
    found = shutil.which("lighthouse")
    if found:
        return [found]
    local = PREFIX / "node_modules" / ".bin" / "lighthouse"
    if local.exists():
        return [str(local)]
    if shutil.which("npx"):
        return ["npx", "--yes", "lighthouse@12"]
    raise SystemExit(f"no Lighthouse: pass --lighthouse, or run `npm install --prefix {PREFIX} lighthouse`")



def pages(base: str, query: str | None = None, article: str | None = None) -> dict[str, str]:
    """The page of each kind to audit: home, a search (``query``, else the start of one title), an article
    (``article``'s id, else another Spanish article)."""
    with urllib.request.urlopen(f"{base}/api/v1/categories?locale=es", timeout=30) as answer:
        categories = json.load(answer)["categories"]
    listed = {a["id"]: a for c in categories for s in c["sections"] for a in s["articles"] if a["locale"] == "es"}
    if not listed:
        raise SystemExit("the categories list no Spanish article")
    catalog = [listed[k] for k in sorted(listed)]
    if query is None:
        query = query_of(catalog[len(catalog) // 4]["title"])
    return {
        "home": f"{base}/?lang=es",
        "search": f"{base}/search?q={quote_plus(query)}&lang=es",
        "article": base + (f"/articles/{article}" if article else catalog[len(catalog) // 2]["url"]),
    }


def audit(command: list[str], url: str, chrome: str) -> dict:
    """One Lighthouse run's JSON report of ``url``."""
    run = subprocess.run(
        command
        + [
            url,
            "--form-factor=mobile",
            f"--chrome-path={chrome}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            "--quiet",
            "--only-categories=" + ",".join(CATEGORIES),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if run.returncode != 0 or not run.stdout.strip():
        raise SystemExit(f"lighthouse failed on {url} (exit {run.returncode}):\n{run.stderr[-2000:]}")
    report = json.loads(run.stdout)
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not audit {url}: {report['runtimeError']}")
    return report


def item_line(item: dict) -> str:
    """What one row of an audit's details names: the element (selector, snippet, why), else the resource."""
    node = item.get("node") if isinstance(item.get("node"), dict) else None
    if node:
        why = (node.get("explanation") or "").replace("\n", " ")
        return f"{node.get('selector', '')}  {node.get('snippet', '')}" + (f"  -- {why}" if why else "")
    source = item.get("sourceLocation") or item.get("source")  # a console error's place, a robots.txt line
    if isinstance(source, dict):
        source = source.get("url", "") + (f":{source['line']}" if source.get("line") else "")
    parts = [str(v) for v in (item.get("url"), source, item.get("description"), item.get("text")) if v]
    if not parts:
        parts = [f"{k}={v}" for k, v in item.items() if isinstance(v, str | int | float)]
    return "  ".join(parts)


def failed_audits(reports: list[dict], category: str) -> list[tuple[str, str, str, int, list[str]]]:
    """``(id, title, display value, runs it failed in, items)`` of the category's audits failed in any run."""
    found: dict[str, tuple[str, str, str, int, list[str]]] = {}
    for report in reports:
        for ref in report["categories"][category]["auditRefs"]:
            result = report["audits"][ref["id"]]
            if result.get("score") is None or result["score"] >= PASS:
                continue
            if ref["id"] in found:
                fid, title, value, times, items = found[ref["id"]]
                found[ref["id"]] = (fid, title, value, times + 1, items)
                continue
            details = result.get("details") or {}
            if details.get("type") == "checklist":  # an insight's checks: name the ones that failed
                rows = [{"text": c["label"]} for c in details["items"].values() if not c.get("value")]
            elif details.get("type") in ("table", "opportunity"):
                rows = details.get("items") or []
            else:  # a tree or nested sections: the title says enough
                rows = []
            items = [item_line(i) for i in rows[:SHOWN_ITEMS] if isinstance(i, dict)]
            if len(rows) > SHOWN_ITEMS:
                items.append(f"... {len(rows) - SHOWN_ITEMS} more")
            found[ref["id"]] = (ref["id"], result["title"], result.get("displayValue", ""), 1, items)
    return list(found.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lighthouse", help="the lighthouse CLI (see above for where it is looked for otherwise)")
    parser.add_argument("--chrome-path", default="/usr/bin/chromium")
    parser.add_argument("--query", help="the search to audit (default: the start of a Spanish title)")
    parser.add_argument("--article", help="the id of the article to audit (default: one from the middle)")
    parser.add_argument("--reports", type=Path, help="keep each run's JSON report in this folder")
    args = parser.parse_args()
    command = lighthouse_command(args.lighthouse)
    data_dir = args.data_dir.resolve()
    live = (data_dir / "current").resolve().name
    kb = Path(sys.executable).with_name("kb")

    reports: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="kb-lighthouse-") as tmp:
        os.environ["KB_DATABASE_URL"] = throwaway_db(data_dir, Path(tmp))
        with kb_server(kb, data_dir) as server:
            if server.health.get("build") != live:
                raise SystemExit(f"{server.base} serves build {server.health.get('build')!r}, not {live!r}")
            print(f"kb serve ready in {server.ready_seconds:.1f} s: {server.health}")
            urls = pages(server.base, args.query, args.article)
            for kind, url in urls.items():
                print(f"{kind}: {url}")
                reports[kind] = [audit(command, url, args.chrome_path) for _ in range(args.runs)]
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
        for kind, runs in reports.items():
            for n, report in enumerate(runs, 1):
                (args.reports / f"{kind}-{n}.json").write_text(json.dumps(report), encoding="utf-8")

    version = next(iter(reports.values()))[0].get("lighthouseVersion", "?")
    print(f"\nLighthouse {version}, mobile, median of {args.runs} runs (target in brackets)")
    print(f"{'page':<9}" + "".join(f"{c} [{t}]".rjust(22) for c, t in CATEGORIES.items()))
    below: list[tuple[str, str]] = []
    for kind, runs in reports.items():
        cells = []
        for category, target in CATEGORIES.items():
            score = round(100 * statistics.median(r["categories"][category]["score"] or 0 for r in runs))
            cells.append(f"{score}{'' if score >= target else ' !'}".rjust(22))
            if score < target:
                below.append((kind, category))
        print(f"{kind:<9}" + "".join(cells))
    for kind, category in below:
        print(f"\n{kind} / {category}: failed audits")
        for audit_id, title, value, times, items in failed_audits(reports[kind], category):
            print(f"  {audit_id}: {title}" + (f" ({value})" if value else "") + f"  [{times}/{args.runs} runs]")
            for item in items:
                print(f"      {item}")
    if not below:
        print("\nevery page meets every target")
    others = [
        (kind, category, failed)
        for kind, runs in reports.items()
        for category in CATEGORIES
        if (kind, category) not in below and (failed := failed_audits(runs, category))
    ]
    if others:
        print("\nalso failed, in categories at their target:")
    for kind, category, failed in others:
        listed = ", ".join(f"{a[0]}" + (f" ({a[2]})" if a[2] else "") + f" [{a[3]}/{args.runs}]" for a in failed)
        print(f"  {kind} / {category}: {listed}")


if __name__ == "__main__":
    main()
