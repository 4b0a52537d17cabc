"""Searches served and failed while a full re-index runs, from a second process on loopback.

    .venv/bin/python bench/reindex_load.py /tmp/kb-d365 --processes 2 --clients 4 --seconds 900

Starts the real ``kb serve --processes N`` on the built index, warms it, then has ``--clients``
threads of this process search it over loopback (a new connection per request: the kernel spreads
them over the server processes) while the real ``kb index --full`` rebuilds every article (vectors
from the embedding cache). The load stops when the build ends, or after ``--seconds``. Prints the
searches served and failed during the build, their latency, and whether every process then serves the
new build. The articles folder and model are the build's own (its manifest).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import pct, title_queries  # noqa: E402

from indexer.analysis import TOKEN_RE  # noqa: E402
from indexer.layout import current_build_dir, read_manifest  # noqa: E402
from indexer.local import open_current  # noqa: E402

KB = [str(Path(sys.executable).with_name("kb"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=900.0, help="stop the load after this long")
    parser.add_argument("--history", type=Path, help="KB_HISTORY_FILE for the build")
    args = parser.parse_args()

    manifest = read_manifest(current_build_dir(args.data_dir))
    env = {
        **os.environ,
        "KB_DATA_DIR": str(args.data_dir),
        "KB_ARTICLES_DIR": manifest["articles_dir"],
        "KB_DATABASE_URL": f"sqlite:///{args.data_dir}/kb.sqlite3",
        "KB_EMBEDDING_MODEL": manifest["model"],
        "KB_RATE_LIMIT_READS_PER_MINUTE": "0",  # the load is one client address
    }
    if args.history:
        env["KB_HISTORY_FILE"] = str(args.history.resolve())
    titles = [a["title"] for a in open_current(args.data_dir).articles.values()]
    queries = title_queries(titles, 2000, 11, 1, 5, TOKEN_RE)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    # The server's log goes to a file: a pipe nobody reads fills up and blocks the server's writes.
    log_path = Path(tempfile.mkstemp(prefix="kb-serve-", suffix=".log")[1])
    log = log_path.open("w")
    server = subprocess.Popen(
        KB + ["serve", "--port", str(port), "--processes", str(args.processes)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def get(path: str) -> dict:
        with urllib.request.urlopen(base + path, timeout=60) as r:
            return json.load(r)

    ready, deadline = 0, time.monotonic() + 600
    while ready < 20:
        try:
            get("/-/health")
            ready += 1
        except OSError:
            ready = 0
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"kb serve did not start: {log_path.read_text()}")
            time.sleep(0.5)
    before = get("/-/health")["build"]

    stop = threading.Event()
    timings: list[float] = []
    failed: list[str] = []

    def client(k: int) -> None:
        n = k
        while not stop.is_set():
            query = urllib.parse.urlencode({"q": queries[n % len(queries)]})
            n += args.clients
            started = time.perf_counter()
            try:
                get(f"/api/v1/search?{query}")
                timings.append((time.perf_counter() - started) * 1000)
            except (OSError, urllib.error.HTTPError) as exc:
                failed.append(repr(exc))

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(args.clients)]
    for t in threads:
        t.start()
    started = time.monotonic()
    build = subprocess.Popen(
        KB + ["index", "--full", "--quiet"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        build.wait(timeout=args.seconds)
    except subprocess.TimeoutExpired:
        print(f"the build did not finish within {args.seconds:.0f} s; load stopped, build left running")
    stop.set()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.monotonic() - started
    out = build.stdout.read() if build.returncode is not None else ""
    after = []
    for _ in range(30):
        try:
            after.append(get("/-/health")["build"])
        except OSError as exc:
            after.append(f"no answer ({exc})")
    alive = server.poll() is None
    server.terminate()
    server.wait(timeout=60)

    print(
        f"{args.data_dir}: {len(titles)} articles, model {manifest['model']}, {args.processes} server processes, "
        f"{args.clients} client threads"
    )
    print(f"kb index --full: {out.strip().splitlines()[-1] if out.strip() else 'not finished'} ({elapsed:.1f} s)")
    print(f"during the build: {len(timings)} searches served ({len(timings) / elapsed:.1f}/s), {len(failed)} failed")
    if timings:
        print(f"latency p50 {statistics.median(timings):.1f} ms, p99 {pct(timings, 99):.1f} ms")
    print(f"build before {before}; after, 30 fresh connections saw {sorted(set(after))}; server alive: {alive}")
    print(f"server log: {log_path}")
    if failed:
        print("first failures:", failed[:3])


if __name__ == "__main__":
    main()
