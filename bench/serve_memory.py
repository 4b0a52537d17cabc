"""Peak memory (RSS) of `kb serve` holding a built index, and its search latency over loopback.

    python bench/serve_memory.py DATA_DIR [--queries 200] [--concurrency 4] [--seconds 30] [--processes N]

Starts `kb serve` on a free loopback port with KB_DATA_DIR=DATA_DIR, waits for /-/health, sends
searches one after another, then from ``--concurrency`` client threads at once for ``--seconds``
(this process is the second process on loopback), and prints latency p50/p99, requests served and
failed, the server's peak RSS (VmHWM), and RSS and PSS summed over its processes (PSS divides shared
pages among their sharers). Queries are distinct, so the query cache never answers.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from harness import kb_server, pct

WORDS = (
    "configurar factura pedido almacén proveedor pago cliente inventario informe impuesto usuario "
    "permiso flujo trabajo contabilidad presupuesto activo producto precio envío"
).split()


def rss_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def processes(pid: int) -> list[int]:
    """``pid`` and its children (``kb serve --processes N`` forks N)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [pid, *(int(c) for c in children)]


def memory(pid: int) -> str:
    """RSS and PSS (shared pages divided among their sharers) over the server's processes, in MB."""
    pids = processes(pid)
    rss = sum(rss_kb(p, "VmRSS") for p in pids) / 1024
    pss = 0
    for p in pids:
        for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss += int(line.split()[1])
    return f"{len(pids)} process(es): RSS {rss:.0f} MB, PSS {pss / 1024:.0f} MB"


def load(base: str, clients: int, seconds: int) -> tuple[int, int, list[float]]:
    """Searches from ``clients`` threads until ``seconds`` pass: (served, failed, latencies in ms)."""
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()
    out = {"served": 0, "failed": 0, "lat": []}

    def client(seed: int) -> None:
        rng = random.Random(seed)
        while time.perf_counter() < deadline:
            q = " ".join(rng.sample(WORDS, rng.randint(1, 5))) + f" {rng.randint(0, 10**6)}"
            t = time.perf_counter()
            try:
                urllib.request.urlopen(f"{base}/api/v1/search?{urllib.parse.urlencode({'q': q})}", timeout=30).read()
                ok = True
            except OSError:
                ok = False
            with lock:
                out["served" if ok else "failed"] += 1
                if ok:
                    out["lat"].append((time.perf_counter() - t) * 1000)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return out["served"], out["failed"], out["lat"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--processes", type=int, default=1, help="kb serve --processes")
    args = parser.parse_args()
    kb = Path(sys.executable).with_name("kb")
    with kb_server(kb, args.data_dir, args=("--processes", str(args.processes))) as server:
        base = server.base
        print(f"kb serve ready in {server.ready_seconds:.1f} s: {server.health}")
        time.sleep(2 if args.processes > 1 else 0)  # /-/health answered by one; the others are loading
        print(f"RSS after start: {rss_kb(server.process.pid, 'VmRSS') / 1024:.0f} MB; {memory(server.process.pid)}")
        rng = random.Random(7)
        latencies = []
        for _ in range(args.queries):
            q = " ".join(rng.sample(WORDS, rng.randint(1, 5))) + f" {rng.randint(0, 10**6)}"
            t = time.perf_counter()
            urllib.request.urlopen(f"{base}/api/v1/search?{urllib.parse.urlencode({'q': q})}", timeout=30).read()
            latencies.append((time.perf_counter() - t) * 1000)
        print(
            f"{len(latencies)} searches over HTTP, one at a time: p50 {statistics.median(latencies):.1f} ms, "
            f"p99 {pct(latencies, 99):.1f} ms"
        )
        if args.concurrency > 1:
            served, failed, lat = load(base, args.concurrency, args.seconds)
            print(
                f"{args.concurrency} concurrent clients for {args.seconds} s: {served} served "
                f"({served / args.seconds:.1f}/s), {failed} failed, "
                f"p50 {statistics.median(lat):.1f} ms, p99 {pct(lat, 99):.1f} ms"
            )
        print(f"peak RSS (VmHWM) of kb serve: {rss_kb(server.process.pid, 'VmHWM') / 1024:.0f} MB")
        print(f"at the end: {memory(server.process.pid)}")


if __name__ == "__main__":
    main()
