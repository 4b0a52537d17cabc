"""A build killed with SIGKILL at any point leaves the previous index serving, and the next build completes.

Each case runs the real ``kb index`` in a child process that stops itself at one point of the build
(mid-embedding, with the term matrix half written, after the database is published but before the switch, and between
the new ``current`` link and its rename) and says so in a marker file; the test then kills it with
SIGKILL. Nothing in kb knows about these points: the child wraps library functions before running the
command, as a debugger would.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.layout import current_build_dir
from kb.services.engine import Engine
from kb.services.search import search
from tests.conftest import KB

pytestmark = pytest.mark.slow  # real `kb index` processes, killed: `make test-fast` leaves it out

NEW_WORD = "pingüinera"

CHILD = r"""
import os, sys, time
from pathlib import Path

point, marker = sys.argv[1], Path(sys.argv[2])


def stop_here():
    marker.write_text(str(os.getpid()))
    time.sleep(600)  # the test kills us long before


if point == "embedding":
    import onnxruntime
    from sentence_transformers import SentenceTransformer
    from indexer.vectors import SentenceTransformerEncoder

    SentenceTransformerEncoder("all-MiniLM-L6-v2").onnx_record()  # converted first (its checks run the model)
    calls = []

    def stopping(original):  # the network's batch call, in ONNX Runtime (kb's default) or torch
        def run(self, *args, **kwargs):
            calls.append(1)
            if len(calls) == 2:  # one batch of passages embedded, the second under way
                stop_here()
            return original(self, *args, **kwargs)
        return run

    onnxruntime.InferenceSession.run = stopping(onnxruntime.InferenceSession.run)
    SentenceTransformer.forward = stopping(SentenceTransformer.forward)
elif point == "term-matrix":
    from indexer import bm25
    original = bm25.TermCounts.save

    def save(self, directory):  # the matrix file written, its vocabulary not yet
        original(self, directory)
        (Path(directory) / bm25.VOCAB).unlink()
        stop_here()

    bm25.TermCounts.save = save
elif point == "published":
    from indexer import local
    def switch(data_dir, build_dir):  # the database already names the new build
        stop_here()

    local.switch = switch
elif point == "switch":
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):  # the new link exists, the rename has not happened
        if Path(dst).name == "current":
            stop_here()
        return real_replace(src, dst, *args, **kwargs)

    os.replace = replace

from kb.cli import main

main(["index"], standalone_mode=False)
"""


def _env(kb: KB) -> dict:
    return {
        **os.environ,
        "KB_ARTICLES_DIR": str(kb.articles),
        "KB_DATA_DIR": str(kb.data),
        "KB_DATABASE_URL": f"sqlite:///{kb.data}/kb.sqlite3",
        "KB_EMBEDDING_MODEL": "all-MiniLM-L6-v2",
        "KB_ENCODER_PRECISION": "float32",  # as the session's encoder, which searches the builds after
        "KB_EMBED_BATCH_SIZE": "4",
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
    }


def _kb_index(kb: KB) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from kb.cli import main; main()", "index"],
        env=_env(kb),
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A knowledge base indexed once, then given new articles for the builds that will be killed."""
    kb = KB(tmp_path_factory.mktemp("kill"))
    for n in range(6):
        kb.write(
            f"es/a{n}.md", f"title: Artículo {n} sobre facturas\nowner: ana", f"Texto {n} sobre facturas y cobros."
        )
    done = _kb_index(kb)
    assert done.returncode == 0, done.stderr
    first = current_build_dir(kb.data).name
    for n in range(12):  # several batches of 4 to embed
        kb.write(
            f"es/nuevo{n}.md", f"title: Novedad {n}\nowner: ana", f"La {NEW_WORD} número {n} llega con la versión {n}."
        )
    return kb, first


def _serves_first_build(kb: KB, first: str, encoder) -> None:
    assert current_build_dir(kb.data).name == first
    engine = Engine.from_settings(kb.settings, lambda: encoder)
    assert search(engine, "facturas").total == 6
    assert search(engine, NEW_WORD).total == 0


def _kill_at(kb: KB, point: str, marker: Path) -> None:
    """Run `kb index` until it reaches ``point``, then SIGKILL it."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, point, str(marker)],
        env=_env(kb),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while not marker.exists():
        assert child.poll() is None, child.stderr.read()
        assert time.monotonic() < deadline, "the build never reached " + point
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL


@pytest.mark.parametrize("point", ["embedding", "term-matrix", "published", "switch"])
def test_a_killed_build_leaves_the_previous_one_serving(served, point, encoder, tmp_path):
    kb, first = served
    _kill_at(kb, point, tmp_path / "stopped")
    _serves_first_build(kb, first, encoder)


def test_the_next_build_completes_after_a_kill(served, encoder, tmp_path):
    kb, first = served
    # Killed mid-switch (a .current.* link is left), then mid-write (it cleans that, leaves a .partial build).
    _kill_at(kb, "switch", tmp_path / "one")
    assert list(kb.data.glob(".current.*"))
    _kill_at(kb, "term-matrix", tmp_path / "two")
    assert list((kb.data / "builds").glob("*.partial"))
    done = _kb_index(kb)
    assert done.returncode == 0, done.stderr
    assert current_build_dir(kb.data).name != first
    assert not list((kb.data / "builds").glob("*.partial")) and not list(kb.data.glob(".current.*"))
    engine = Engine.from_settings(kb.settings, lambda: encoder)
    assert search(engine, NEW_WORD, limit=20).total == 12 and search(engine, "facturas").total == 6
