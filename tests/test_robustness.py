"""Nothing a visitor sends, and no state of the machine, answers 500 or prints a traceback (issue 14, point 9):
deep or broken JSON on every JSON endpoint, numbers past what SQL holds, a read-only data directory."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kb.services import tokens
from tests.conftest import KB, app_on

ARTICLE = "es/cuenta/restablecer-contrasena"


@pytest.fixture(scope="module")
def app(starter, encoder, tmp_path_factory):
    return app_on(
        starter,
        encoder,
        tmp_path_factory.mktemp("robust") / "kb.sqlite3",
        RATE_LIMIT_WRITES_PER_MINUTE=0,
        CONTACT_CHANNEL="webhook",
        CONTACT_WEBHOOK_URL="http://127.0.0.1:9/never-called",
    )


@pytest.fixture(scope="module")
def admin(app):
    _, token = tokens.create_token(app.extensions["kb.db"], "admin", "robust")
    return {"Authorization": f"Bearer {token}"}


def _json_posts(app) -> list[str]:
    """Every API route that takes a JSON body, with its path parameters filled in."""
    values = {"article_id": ARTICLE, "search_id": "1", "suggestion_id": "sug_x", "system": "zendesk", "user_id": "1"}
    paths = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") and "POST" in rule.methods:
            paths.append(re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], rule.rule))
    return sorted(paths)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
        (b'{"a":' * 40 + b"1" + b"}" * 40, "invalid_json"),
        (b'{"subject": "\\ud800", "body": "x"}', "invalid_json"),
        (b'{"subject": "ok", "body": "\\udfff"}', "invalid_json"),
        (b'{"subject": ' + b"9" * 5000 + b"}", "invalid_json"),
        (b"\xff\xfe{}", "invalid_json"),
    ],
    ids=["deep arrays", "deep objects", "lone high surrogate", "lone low surrogate", "huge number", "not utf-8"],
)
def test_every_json_endpoint_refuses_hostile_json_with_a_400(app, admin, body, code):
    client = app.test_client()
    paths = _json_posts(app)
    assert len(paths) >= 8
    for path in paths:
        answer = client.post(path, data=body, content_type="application/json", headers=admin)
        assert answer.status_code == 400, (path, answer.status_code, answer.get_data()[:200])
        assert answer.get_json()["error"]["code"] == code, path


def test_a_body_just_within_the_depth_limit_is_read(app):
    ticket = {"subject": "factura", "body": "no llega", "ticket_id": None}
    assert app.test_client().post("/api/v1/suggest", json=ticket).status_code == 200
    deep = app.test_client().post("/api/v1/suggest", json={"subject": [[[["x"]]]]})
    assert deep.status_code == 400 and deep.get_json()["error"]["code"] == "invalid_body"  # a type error, not depth


def test_numbers_past_what_sql_holds_are_no_500(app):
    client = app.test_client()
    vote = client.post(f"/api/v1/articles/{ARTICLE}/feedback", json={"helpful": True, "search_id": 2**64})
    assert vote.status_code == 400 and vote.get_json()["error"]["code"] == "invalid_body"
    click = client.post(f"/api/v1/searches/{2**70}/clicks", json={"article_id": ARTICLE, "position": 1})
    assert click.status_code == 404
    assert client.get(f"/articles/{ARTICLE}?s={2**70}&p=1").status_code == 200
    assert client.get(f"/articles/{ARTICLE}?s=-5&p=99999999999999999999").status_code == 200


def _as_nobody() -> list[str]:
    """Run a command as an unprivileged user: root ignores file modes."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a read-only directory cannot be made")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]


@pytest.fixture
def open_tmp():
    """A temporary folder others may enter (pytest's own are the owner's only), removed afterwards."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="kb-read-only-"))
    path.chmod(0o755)
    yield path
    for p in [path, *path.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(path)


@pytest.mark.slow  # the kb command in subprocesses, each loading the model
def test_a_read_only_data_directory_answers_503_and_the_cli_says_why(starter, open_tmp):
    """Served from a copy of the starter's data directory that nobody may write, as an unprivileged user."""
    tmp_path = open_tmp
    built = KB(tmp_path / "kb")
    shutil.copytree(starter.articles, built.articles, dirs_exist_ok=True)
    shutil.copytree(starter.data, built.data)
    for p in [tmp_path, *tmp_path.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    (built.data / "kb.sqlite3").unlink(missing_ok=True)
    script = f"""
import json, sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
from kb import create_app
app = create_app({{"ARTICLES_DIR": {str(built.articles)!r}, "DATA_DIR": {str(built.data)!r},
                  "DATABASE_URL": "sqlite:///{tmp_path}/db/kb.sqlite3", "SECRET_KEY": "x" * 40,
                  "TOTP_KEY": "{"A" * 43}="}})
client = app.test_client()
out = []
for path, body in (("/api/v1/articles/{ARTICLE}/feedback", {{"helpful": True}}),
                   ("/api/v1/suggest", {{"subject": "factura", "body": "no llega"}})):
    answer = client.post(path, json=body)
    out.append([answer.status_code, answer.get_json()])
print(json.dumps(out))
"""
    (tmp_path / "db").mkdir()
    env = {**os.environ, "HOME": str(tmp_path), "KB_MODEL_CACHE": os.environ.get("KB_MODEL_CACHE", "")}
    prepare = subprocess.run(
        [sys.executable, "-c", script.replace("client.post(path, json=body)", "client.get('/-/health')")],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert prepare.returncode == 0, prepare.stderr  # creates the database while it is writable
    # A server process of the operator's holds the database open (so its WAL files exist), as when the
    # folder becomes read-only under running servers: the visitor's server can read, and cannot write.
    holder = sqlite3.connect(tmp_path / "db" / "kb.sqlite3")
    holder.execute("select count(*) from article_votes").fetchone()
    for p in [tmp_path, *tmp_path.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        done = subprocess.run(
            _as_nobody() + [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300
        )
        assert "Traceback" not in done.stderr, done.stderr
        for status, body in json.loads(done.stdout.strip().splitlines()[-1]):
            assert status == 503 and body["error"]["code"] == "database_unavailable"
        kb = str(Path(sys.executable).with_name("kb"))
        cli_env = {**env, "KB_ARTICLES_DIR": str(built.articles), "KB_DATA_DIR": str(built.data)}
        for args in (["index"], ["backup", str(tmp_path / "kb" / "backup")]):
            ran = subprocess.run(_as_nobody() + [kb, *args], capture_output=True, text=True, env=cli_env, timeout=300)
            assert (
                ran.returncode == 1
                and "Traceback" not in ran.stderr
                and ran.stderr.strip().splitlines()[-1].startswith("Error: ")
            ), ran.stderr
    finally:
        holder.close()
