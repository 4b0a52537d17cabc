"""The installed ``kb`` command, run as a user runs it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import free_port

KB = [str(Path(sys.executable).with_name("kb"))]


def run(args, kb, **env):
    full = {**os.environ, "KB_ARTICLES_DIR": str(kb.articles), "KB_DATA_DIR": str(kb.data), **env}
    return subprocess.run(KB + args, capture_output=True, text=True, env=full, timeout=600)


@pytest.mark.slow  # the kb command in subprocesses, each loading the model
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


@pytest.mark.slow  # the kb command in subprocesses, each loading the model
def test_serve_answers_over_http_and_a_taken_port_is_a_sentence(starter):
    """`kb serve` as an operator starts it: the model loads, the port answers, and a second one on the
    same port exits with a sentence instead of a traceback."""
    import json
    import time
    import urllib.parse
    import urllib.request

    port = free_port()
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
        assert health["status"] == "ok" and health["articles"] == 39  # 46, of which 7 internal: not for customers
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


@pytest.mark.slow  # the kb command in subprocesses, each loading the model
def test_eval_scores_search_and_suggest_on_a_judged_set(kb, tmp_path):
    """`kb eval` on a set laid out like ../shared/eval, in both tasks, down to its JSON line."""
    import json

    root = tmp_path / "tiny-set"
    topics = {
        "reset-password": ("Reset your password", "Open Settings, choose Security and press Reset password."),
        "export-invoices": ("Export invoices to Excel", "In Billing, select the invoices and press Export."),
        "delete-account": ("Delete your account", "Account deletion is permanent and removes all your data."),
        "change-plan": ("Change your subscription plan", "Upgrade or downgrade the plan from the Billing page."),
    }
    for slug, (title, body) in topics.items():
        (root / "articles").mkdir(parents=True, exist_ok=True)
        (root / "articles" / f"{slug}.md").write_text(f"---\ntitle: {title}\n---\n\n{body}\n", encoding="utf-8")
    queries = {
        "q1": "I forgot my password and cannot log in",
        "q2": "Hi,\n\nhow do I get my invoices into a spreadsheet?\n\nThanks,\nAnna\n\nOn Mon, Bob wrote:\n> hello",
        "q3": "I want to close my account for good",
    }
    (root / "queries.jsonl").write_text(
        "".join(json.dumps({"_id": q, "text": t}) + "\n" for q, t in queries.items()), encoding="utf-8"
    )
    (root / "qrels.tsv").write_text(
        "query-id\tcorpus-id\tscore\nq1\treset-password\t1\nq2\texport-invoices\t1\nq3\tdelete-account\t1\n"
    )
    search = run(["eval", str(root), "--json"], kb)
    assert search.returncode == 0, search.stderr
    line = json.loads(search.stdout.strip().splitlines()[-1])
    assert line["dataset"] == "tiny-set" and line["task"] == "search" and line["queries"] == 3
    assert set(line["modes"]) == {"hybrid", "lexical", "semantic"}
    assert line["modes"]["hybrid"]["recall@10"] == 1.0 and set(line["latency_ms"]) == {"p50", "p99"}
    suggest = run(["eval", str(root), "--task", "suggest", "--json"], kb)
    assert suggest.returncode == 0, suggest.stderr
    line = json.loads(suggest.stdout.strip().splitlines()[-1])
    assert line["task"] == "suggest" and list(line["modes"]) == ["suggest"]
    assert set(line["modes"]["suggest"]) == {"recall@1", "recall@3", "mrr@10", "shown@3", "answered"}
    assert line["modes"]["suggest"]["recall@1"] == 1.0
    assert 0 <= line["modes"]["suggest"]["shown@3"] <= line["modes"]["suggest"]["recall@3"]
    assert "model all-MiniLM-L6-v2" in suggest.stderr  # an English set: auto keeps MiniLM


def test_tokens_are_shown_once_kept_hashed_and_revocable(kb):
    import sqlite3

    from indexer.store import engine_for
    from kb.services import tokens

    created = run(["token", "create", "--role", "agent", "--name", "Zendesk production"], kb)
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip()
    assert secret.startswith("kb_") and len(secret) > 40 and "not shown again" in created.stderr
    rows = sqlite3.connect(kb.data / "kb.sqlite3").execute("select * from api_tokens").fetchall()
    assert len(rows) == 1 and not any(secret in str(cell) for cell in rows[0])  # only the hash is stored
    db = engine_for(f"sqlite:///{kb.data / 'kb.sqlite3'}")
    assert tokens.role_of(db, f"Bearer {secret}") == "agent"
    for wrong in (None, "", secret, f"Basic {secret}", f"Bearer {secret}x", "Bearer kb_" + "a" * 43):
        assert tokens.role_of(db, wrong) is None
    listed = run(["token", "list"], kb)
    assert "agent\tZendesk production" in listed.stdout and "active" in listed.stdout
    revoked = run(["token", "revoke", "1"], kb)
    assert revoked.returncode == 0 and "revoked" in revoked.stdout
    assert tokens.role_of(db, f"Bearer {secret}") is None
    missing = run(["token", "revoke", "99"], kb)
    assert missing.returncode == 1 and "no token with id 99" in missing.stderr and "Traceback" not in missing.stderr
    bad = run(["token", "create", "--role", "customer"], kb)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
