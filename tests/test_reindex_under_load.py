"""Re-indexing while the service is under search load: no request fails, and the new content is served
by every server process once the build switches, without a restart.

The real ``kb serve --processes 2`` (two processes sharing the port) and the real ``kb index``, each a
process of its own; the load comes from this process over loopback, a new connection per request, so
the kernel spreads it over both server processes.
"""

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import KB, free_port

pytestmark = pytest.mark.slow  # a served index rebuilt under load: `make test-fast` leaves it out

KB_COMMAND = [str(Path(sys.executable).with_name("kb"))]
NEW_WORD = "ornitorrinco"
QUERIES = ["factura", "contraseña olvidada", "pago con tarjeta", "cambiar idioma", "devolución"]


def _env(kb: KB) -> dict:
    return {
        **os.environ,
        "KB_ARTICLES_DIR": str(kb.articles),
        "KB_DATA_DIR": str(kb.data),
        "KB_EMBEDDING_MODEL": "all-MiniLM-L6-v2",
        "KB_RATE_LIMIT_READS_PER_MINUTE": "0",  # this test is about the switch, not about limits
    }


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as exc:
        return exc.code, {}


def test_reindex_under_load_with_two_processes(tmp_path):
    kb = KB(tmp_path)
    topics = ["factura", "contraseña", "tarjeta", "idioma", "devolución", "envío", "cuenta", "horario"]
    for n, topic in enumerate(topics):
        kb.write(f"es/a{n}.md", f"title: Todo sobre {topic}\nowner: ana", f"Cómo gestionar {topic} paso a paso.")
    done = subprocess.run(KB_COMMAND + ["index"], env=_env(kb), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr

    port = free_port()
    log = (tmp_path / "serve.log").open("w")  # a pipe nobody reads would fill up and block the server
    server = subprocess.Popen(
        KB_COMMAND + ["serve", "--port", str(port), "--processes", "2"],
        env=_env(kb),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    statuses: dict[int, int] = {}
    errors: list[str] = []
    stop = threading.Event()

    def load(offset: int) -> None:
        n = offset
        while not stop.is_set():
            query = urllib.parse.urlencode({"q": QUERIES[n % len(QUERIES)], "limit": 3})
            n += 1
            try:
                status, _ = _get(f"{base}/api/v1/search?{query}")
                statuses[status] = statuses.get(status, 0) + 1
            except OSError as exc:  # refused, reset, timed out: a failed request
                errors.append(repr(exc))

    try:
        deadline = time.monotonic() + 300
        ready = 0
        while ready < 20:  # both processes up: 20 fresh connections in a row answered
            try:
                _get(base + "/-/health")
                ready += 1
            except OSError:
                ready = 0
                assert server.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
                time.sleep(0.3)
        clients = [threading.Thread(target=load, args=(k,), daemon=True) for k in range(3)]
        for client in clients:
            client.start()
        time.sleep(2)
        kb.write(
            "es/nuevo.md", "title: El ornitorrinco de la oficina\nowner: ana", f"Nuestro {NEW_WORD} recibe visitas."
        )
        before = sum(statuses.values())
        done = subprocess.run(KB_COMMAND + ["index"], env=_env(kb), capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        during = sum(statuses.values()) - before
        # Every process serves the new build without a restart: 30 fresh connections in a row find it.
        found, deadline = 0, time.monotonic() + 60
        while found < 30:
            status, body = _get(f"{base}/api/v1/search?q={NEW_WORD}")
            found = found + 1 if status == 200 and body["total"] == 1 else 0
            assert time.monotonic() < deadline, "a server process still serves the old build"
        time.sleep(1)
        stop.set()
        for client in clients:
            client.join(timeout=60)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=60)
    served = sum(statuses.values())
    print(f"served {served} searches ({during} while kb index ran), statuses {statuses}, failed {len(errors)}")
    assert errors == [] and set(statuses) == {200} and during > 0
