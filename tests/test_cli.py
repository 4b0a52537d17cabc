"""The installed ``kb`` command, run as a user runs it."""

import os
import subprocess
import sys
from pathlib import Path

KB = [str(Path(sys.executable).with_name("kb"))]


def run(args, kb, **env):
    full = {**os.environ, "KB_ARTICLES_DIR": str(kb.articles), "KB_DATA_DIR": str(kb.data), **env}
    return subprocess.run(KB + args, capture_output=True, text=True, env=full, timeout=600)


def test_index_search_and_strict(kb):
    kb.write("es/a.md", "title: Restablecer la contraseña\nowner: ana", "Pulsa ¿Has olvidado tu contraseña?")
    kb.write("en/b.md", "title: Card payments\nowner: bob", "Connect Stripe to accept card payments.")
    (kb.articles / "es/roto.md").write_text("---\ntitle: [roto\n---\ntexto\n", encoding="utf-8")
    done = run(["index"], kb)
    assert done.returncode == 0, done.stderr
    assert "es/roto.md:2: malformed YAML" in done.stderr
    summary = done.stdout.strip().splitlines()[-1]
    assert summary.startswith("indexed 2 articles (0 unchanged), 2 chunks, 2 embedded, 0 reused from cache, 1 errors")
    strict = run(["index", "--strict"], kb)
    assert strict.returncode == 1 and "--strict" in strict.stderr
    assert "0 embedded" in strict.stdout
    found = run(["search", "olvidé la contraseña"], kb)
    assert found.returncode == 0 and "Restablecer la contraseña" in found.stdout.splitlines()[0]


def test_search_without_index_says_what_to_do(kb):
    done = run(["search", "factura"], kb)
    assert done.returncode == 1
    assert "run `kb index`" in done.stderr and "Traceback" not in done.stderr


def test_missing_articles_folder_is_a_sentence(kb, tmp_path):
    done = run(["index", "--articles", str(tmp_path / "nope")], kb)
    assert done.returncode == 1 and "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_bad_setting_is_a_sentence(kb):
    done = run(["index"], kb, KB_EMBED_BATCH_SIZE="many")
    assert done.returncode == 1 and "KB_EMBED_BATCH_SIZE must be a whole number" in done.stderr


def test_check_reports_broken_links_and_anchors(kb):
    kb.write(
        "es/a.md",
        "title: A",
        "Ver [B](b.md#existe), [B2](b.md#no-existe), [C](c.md), [aquí](#nada).\n\n![x](img/x.png)",
    )
    kb.write("es/b.md", "title: B", "## Existe\n\ntexto")
    done = run(["check"], kb)
    assert done.returncode == 0  # broken links are warnings
    lines = [line for line in done.stdout.splitlines() if line.startswith("es/")]
    assert lines == [
        "es/a.md:5: anchor #no-existe does not exist in es/b.md (warning)",
        "es/a.md:5: link c.md points to an article that does not exist (warning)",
        "es/a.md:5: anchor #nada does not exist in this article (warning)",
        "es/a.md:7: image img/x.png points to a missing file (warning)",
    ]
    assert run(["check", "--strict"], kb).returncode == 1


def test_check_on_the_starter_kb_is_clean():
    done = subprocess.run(
        KB + ["check", "--strict", "--articles", str(Path(__file__).parents[1] / "articles")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout
    assert "0 errors, 0 warnings" in done.stdout


def test_serve_answers_over_http_and_a_taken_port_is_a_sentence(starter):
    """`kb serve` as an operator starts it: the model loads, the port answers, and a second one on the
    same port exits with a sentence instead of a traceback."""
    import json
    import socket
    import time
    import urllib.parse
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        KB + ["serve", "--port", str(port)],
        env={**os.environ, "KB_ARTICLES_DIR": str(starter.articles), "KB_DATA_DIR": str(starter.data)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                health = json.load(urllib.request.urlopen(base + "/-/health", timeout=5))
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read()
                time.sleep(0.3)
        assert health["status"] == "ok" and health["articles"] == 46
        query = urllib.parse.urlencode({"q": "restablecer contraseña", "limit": 1})
        with urllib.request.urlopen(f"{base}/api/v1/search?{query}", timeout=30) as r:
            assert r.headers["Server"] == "kb"
            assert json.load(r)["results"][0]["title"]
        taken = run(["serve", "--port", str(port)], starter)
        assert taken.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in taken.stderr
        assert "Traceback" not in taken.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
