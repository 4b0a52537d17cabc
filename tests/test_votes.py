"""Votes count once, and what customers write reaches the owners (issue 15, point 5).

One vote per visitor (their first-party cookie), article and day: a later vote changes theirs; a burst
is refused with 429; without cookies, an address counts at most three visitors per article a day.
Staff's votes are kept apart. Comments reach the review queue, the analytics, the API, a CSV and
`kb review`. On the starter knowledge base, with a real SQLite file.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.services import tokens
from tests.conftest import app_on

ARTICLE = "es/facturacion/crear-factura"
VOTE = f"/api/v1/articles/{ARTICLE}/feedback"


@pytest.fixture
def app(starter, encoder, tmp_path):
    return app_on(starter, encoder, tmp_path / "kb.sqlite3", TRUSTED_PROXIES=1)


def _from(address: str) -> dict:
    return {"headers": {"X-Forwarded-For": address}}


def test_six_votes_from_one_visitor_count_once_and_the_last_one_stands(app):
    client = app.test_client()
    statuses, last = [], None
    for helpful in (False, False, False, True, False, True):
        answer = client.post(VOTE, json={"helpful": helpful}, **_from("10.0.0.1"))
        statuses.append(answer.status_code)
        if answer.status_code == 201:
            last = answer.get_json()["votes"]
    assert statuses[:3] == [201, 201, 201] and 429 in statuses  # a burst is refused
    assert last["helpful"] + last["not_helpful"] == 1  # one visitor, one vote
    assert client.get_cookie("kb_visitor") is not None
    # The visitor changes their mind a minute later: still one vote, now the other way.
    app.extensions["kb.limits"]["vote"]._state.clear()
    changed = client.post(VOTE, json={"helpful": False, "comment": "faltan los pasos"}, **_from("10.0.0.1"))
    assert changed.get_json()["votes"] == {"helpful": 0, "not_helpful": 1}


def test_an_address_counts_a_few_visitors_per_article_and_day(app):
    statuses = []
    for _ in range(5):  # five cookie-less "visitors" from one address
        client = app.test_client()
        statuses.append(client.post(VOTE, json={"helpful": False}, **_from("10.0.0.2")).status_code)
        app.extensions["kb.limits"]["vote"]._state.clear()
    assert statuses == [201, 201, 201, 429, 429]
    other = app.test_client().post(VOTE, json={"helpful": True}, **_from("10.0.0.3"))
    assert other.status_code == 201 and other.get_json()["votes"] == {"helpful": 1, "not_helpful": 3}


def test_staff_votes_are_kept_apart(app):
    db = app.extensions["kb.db"]
    _, token = tokens.create_token(db, "agent", "agent")
    staff = app.test_client().post(VOTE, json={"helpful": False}, headers={"Authorization": f"Bearer {token}"})
    assert staff.status_code == 201 and staff.get_json()["votes"] == {"helpful": 0, "not_helpful": 0}
    assert app.test_client().get(f"/api/v1/articles/{ARTICLE}").get_json()["votes"] == {"helpful": 0, "not_helpful": 0}


def test_comments_reach_the_queue_the_analytics_the_api_a_csv_and_kb_review(app, starter, tmp_path):
    for i, text in enumerate(("No explica cómo añadir el IVA", "¿Y si el cliente es extranjero?", "No sirve")):
        client = app.test_client()
        client.post(VOTE, json={"helpful": False, "comment": text}, **_from(f"10.1.0.{i}"))
    app.test_client().post(VOTE, json={"helpful": True}, **_from("10.1.0.9"))
    _, token = tokens.create_token(app.extensions["kb.db"], "owner", "owner")
    owner = {"Authorization": f"Bearer {token}"}
    client = app.test_client()

    queue = client.get("/api/v1/review?lang=es", headers=owner).get_json()
    entry = next(a for a in queue["articles"] if a["id"] == ARTICLE)
    assert [c["comment"] for c in entry["comments"]][0] == "No sirve"  # newest first
    assert {c["comment"] for c in entry["comments"]} >= {"No explica cómo añadir el IVA", "No sirve"}

    report = client.get("/api/v1/analytics", headers=owner).get_json()
    assert {c["comment"] for c in report["comments"]} >= {"No sirve"} and report["votes"]["not_helpful"] == 3

    found = client.get(f"/api/v1/comments?article={ARTICLE}", headers=owner).get_json()["comments"]
    assert len(found) == 3 and all(c["article_id"] == ARTICLE and c["helpful"] is False for c in found)
    exported = client.get("/api/v1/comments?format=csv", headers=owner)
    assert exported.mimetype == "text/csv" and "attachment" in exported.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert {r["comment"] for r in rows} == {
        "No explica cómo añadir el IVA",
        "¿Y si el cliente es extranjero?",
        "No sirve",
    }
    assert client.get("/api/v1/comments").status_code == 401  # customers: no

    kb = str(Path(sys.executable).with_name("kb"))
    env = {
        **os.environ,
        "KB_DATA_DIR": str(starter.data),
        "KB_ARTICLES_DIR": str(starter.articles),
        "KB_DATABASE_URL": app.config["DATABASE_URL"],
    }
    listed = subprocess.run([kb, "review", "--no-gaps"], capture_output=True, text=True, env=env, timeout=300)
    assert listed.returncode == 0 and "«No sirve»" in listed.stdout, listed.stderr
    as_csv = subprocess.run([kb, "review", "--comments"], capture_output=True, text=True, env=env, timeout=300)
    assert as_csv.returncode == 0 and as_csv.stdout.startswith("at,article_id,helpful,locale,comment")
    assert "No explica cómo añadir el IVA" in as_csv.stdout
