"""Hostile requests against `kb serve` (tests/hostile.py: issue 14's attacks and their siblings): how long
each takes, and how quickly /-/health answers while it runs, over loopback from a second process.

    python bench/hostile.py DATA_DIR [--rounds 3]

DATA_DIR is a built index (`kb index` into it: the starter's `data/` after `make run` will do). Each
attack is sent ``--rounds`` times (in turn, not at once); meanwhile one client thread asks /-/health
back to back. Prints, per attack, the median of its answer times and status, and the median and worst
/-/health latency seen while it ran; then the server's peak RSS (VmHWM). Rate limits are off for the
run (KB_RATE_LIMIT_*=0), so every attack reaches the code it attacks.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import kb_server  # noqa: E402

from tests.hostile import ATTACKS, JIRA_TOKEN  # noqa: E402


def send(base: str, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> tuple[int, float]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=900)
    started = time.perf_counter()
    sent = {"Content-Type": "application/json"} if body else {}
    conn.request(method, path, body=body or None, headers={**sent, **(headers or {})})
    answer = conn.getresponse()
    answer.read()
    conn.close()
    return answer.status, (time.perf_counter() - started) * 1000


def rss_mb(pid: int, key: str = "VmHWM") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def probe(base: str, done: threading.Event, health: list[float]) -> None:
    """/-/health back to back until ``done``: its latencies in ms."""
    while not done.is_set():
        health.append(send(base, "GET", "/-/health")[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    kb = Path(sys.executable).with_name("kb")
    os.environ.update({"KB_RATE_LIMIT_READS_PER_MINUTE": "0", "KB_RATE_LIMIT_WRITES_PER_MINUTE": "0"})
    made = subprocess.run(
        [str(kb), "token", "create", "--role", "agent", "--name", "bench-hostile"],
        env={**os.environ, "KB_DATA_DIR": str(args.data_dir.resolve())},
        capture_output=True,
        text=True,
        check=True,
    )
    token = made.stdout.strip()
    with kb_server(kb, args.data_dir) as server:
        base = server.base
        for _ in range(20):  # warm: the model's first runs on each thread are slow (both precisions)
            send(base, "GET", "/api/v1/search?q=factura")
            send(base, "POST", "/api/v1/suggest", b'{"subject": "factura", "body": "no llega el correo"}')
        idle = [send(base, "GET", "/-/health")[1] for _ in range(50)]
        print(f"{'/-/health, idle':<28} p50 {statistics.median(idle):7.1f} ms   max {max(idle):7.1f} ms")
        print(f"{'attack':<28} {'status':>6} {'answer p50':>12} {'health p50':>12} {'health max':>12}")
        for name, method, path, body, headers, _ in ATTACKS:
            headers = {k: f"Bearer {token}" if v == JIRA_TOKEN else v for k, v in headers.items()}
            times, health, statuses = [], [], set()
            for _ in range(args.rounds):
                done = threading.Event()

                watcher = threading.Thread(target=probe, args=(base, done, health))
                watcher.start()
                status, took = send(base, method, path, body, headers)
                done.set()
                watcher.join()
                statuses.add(status)
                times.append(took)
            print(
                f"{name:<28} {'/'.join(map(str, sorted(statuses))):>6} {statistics.median(times):9.1f} ms "
                f"{statistics.median(health):9.1f} ms {max(health):9.1f} ms"
            )
        print(f"server peak RSS: {rss_mb(server.process.pid):.0f} MB")


if __name__ == "__main__":
    main()
