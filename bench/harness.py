"""What the benchmarks share: percentiles, queries cut from titles, a `kb serve` on a free port.

Standard library only: bench/txtai_compare.py imports it from txtai's own venv, where kb is not installed.
"""

from __future__ import annotations

import json
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
TITLE = re.compile(r"^title:\s*['\"]?(.*?)['\"]?\s*$", re.M)


def read_articles(root: Path) -> list[tuple[str, str, str]]:
    """``(id, title, body)`` of every Markdown file under ``root``: front matter removed, the title from
    it, else the first line, else the file name."""
    out = []
    for path in sorted(root.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        m = FRONT.match(text)
        front, body = (m.group(1), text[m.end() :]) if m else ("", text)
        t = TITLE.search(front)
        title = t.group(1) if t else body.strip().splitlines()[0].lstrip("# ") if body.strip() else path.stem
        out.append((str(path.relative_to(root).with_suffix("")), title, body))
    return out


def timing_line(name: str, values: list[float]) -> str:
    """``name  p50 … ms  p99 … ms`` for a list of timings in milliseconds."""
    return f"{name:<22} p50 {statistics.median(values):8.2f} ms   p99 {pct(values, 99):8.2f} ms"


def pct(values: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def title_queries(
    titles: list[str], n: int, seed: int, low: int, high: int, pattern: re.Pattern | str = r"\w+"
) -> list[str]:
    """``n`` distinct runs of ``low``-``high`` consecutive words from the titles, lowercased, shuffled."""
    words_of = re.compile(pattern).findall if isinstance(pattern, str) else pattern.findall
    rng = random.Random(seed)
    found: set[str] = set()
    while len(found) < n:
        words = words_of(rng.choice(titles))
        if len(words) < low:
            continue
        size = rng.randint(low, min(high, len(words)))
        start = rng.randint(0, len(words) - size)
        found.add(" ".join(words[start : start + size]).lower())
    return sorted(found, key=lambda _: rng.random())


TITLE_WORDS = re.compile(r"\w+")
# Words a query cut from a title should not end on (articles, prepositions, possessives).
TRAILING = frozenset("a al con de del el en la las los o para por su sus tu tus un una y".split())


def query_of(title: str, words: int = 6) -> str:
    """The first ``words`` words of a title, lowercased, not ending on an article or a preposition: what a
    customer types when they know the start of what they look for."""
    found = TITLE_WORDS.findall(title.lower())[:words]
    while len(found) > 1 and found[-1] in TRAILING:
        found.pop()
    return " ".join(found)


def throwaway_db(data_dir: Path, tmp: Path) -> str:
    """A copy of the data dir's SQLite database (a consistent one, even while kb writes to it), else a new
    file: a benchmark's searches and views must not land in the index's database."""
    target = Path(tmp) / "kb.sqlite3"
    source = Path(data_dir) / "kb.sqlite3"
    if source.exists():
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
    return f"sqlite:///{target}"


@dataclass(frozen=True, slots=True)
class Server:
    process: subprocess.Popen
    base: str
    health: dict
    ready_seconds: float


@contextmanager
def kb_server(kb: Path, data_dir: Path, timeout: float = 300, args: tuple[str, ...] = ()) -> Iterator[Server]:
    """`kb serve` on a free loopback port with KB_DATA_DIR=data_dir (and ``args``), once /-/health
    answers; stopped after."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # A load test is one client address: the customers' read limit (200 a minute) would answer it 429.
    env = {"KB_RATE_LIMIT_READS_PER_MINUTE": "0", **os.environ, "KB_DATA_DIR": str(Path(data_dir).resolve())}
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(kb), "serve", "--port", str(port), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                health = json.load(urllib.request.urlopen(base + "/-/health", timeout=2))
                break
            except OSError:
                if time.perf_counter() - started > timeout or process.poll() is not None:
                    raise SystemExit(f"kb serve did not answer in {timeout:.0f} s") from None
                time.sleep(0.5)
        yield Server(process, base, health, time.perf_counter() - started)
    finally:
        process.terminate()
        process.wait(timeout=30)
