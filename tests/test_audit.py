"""The operator's log (issue 16): an access line per request without query strings, and security events
(a refused password, code or token, a rate limit) as warnings with the client's address."""

from __future__ import annotations

import logging

import pytest

from kb.services import staff, staff_admin
from tests.conftest import app_on
from tests.signin_flow import password_step


@pytest.fixture(scope="module")
def app(starter, encoder, tmp_path_factory):
    app = app_on(starter, encoder, tmp_path_factory.mktemp("audit") / "kb.sqlite3", RATE_LIMIT_READS_PER_MINUTE=3)
    staff.create_user(app.extensions["kb.db"], "ana@example.com", "a long enough password", "owner", "Ana")
    return app


def _lines(caplog, name: str, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == name and r.levelno == level]


def test_every_request_gets_an_access_line_without_its_query_string(app, caplog):
    caplog.set_level(logging.INFO, logger="kb.access")
    app.test_client().get("/api/v1/search?q=tarjeta+secreta", environ_base={"REMOTE_ADDR": "198.51.100.4"})
    app.test_client().get("/articles/no%0Aexiste", environ_base={"REMOTE_ADDR": "198.51.100.4"})
    lines = _lines(caplog, "kb.access", logging.INFO)
    assert lines[0].startswith("198.51.100.4 GET /api/v1/search 200 ") and lines[0].endswith(" ms")
    assert "secreta" not in " ".join(lines)
    assert lines[1].startswith("198.51.100.4 GET /articles/no\\x0aexiste 404 ")  # no line of its own


def test_a_refused_token_is_a_warning_with_the_clients_address(app, caplog):
    caplog.set_level(logging.WARNING, logger="kb.security")
    answer = app.test_client().get(
        "/api/v1/search?q=x", headers={"Authorization": "Bearer kb_wrong"}, environ_base={"REMOTE_ADDR": "192.0.2.9"}
    )
    assert answer.status_code == 401
    assert _lines(caplog, "kb.security", logging.WARNING) == [
        "API token refused (missing, malformed, unknown or revoked) from 192.0.2.9"
    ]


def test_a_wrong_password_is_a_warning_naming_the_account_and_the_address(app, caplog):
    caplog.set_level(logging.WARNING, logger="kb.security")
    answer = password_step(app.test_client(), "ana@example.com", "not her password")
    assert answer.status_code == 401
    assert _lines(caplog, "kb.security", logging.WARNING) == [
        "sign-in refused (wrong e-mail or password) for ana@example.com from 127.0.0.1"
    ]


def test_a_rate_limit_is_a_warning(app, caplog):
    caplog.set_level(logging.WARNING, logger="kb.security")
    client = app.test_client()
    statuses = [
        client.get("/api/v1/search?q=factura", environ_base={"REMOTE_ADDR": "203.0.113.50"}).status_code
        for _ in range(5)
    ]
    assert 429 in statuses
    warnings = _lines(caplog, "kb.security", logging.WARNING)
    assert warnings and all(w == "rate limited (reads of api.search) from 203.0.113.50" for w in warnings)


def test_what_changes_who_may_do_what_is_logged_and_never_a_secret(app, caplog):
    """Tokens and staff accounts created, revoked, disabled: info lines for the operator (no token in them)."""
    from kb.services import tokens

    caplog.set_level(logging.INFO, logger="kb.services")
    db = app.extensions["kb.db"]
    info, token = tokens.create_token(db, "agent", "Zendesk")
    tokens.revoke_token(db, info.id)
    person = staff.create_user(db, "bea@example.com", "another long password", "agent", "Bea")
    staff_admin.set_disabled(db, person.id, True)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("kb.services")]
    assert f"API token {info.id} (agent, Zendesk) created" in lines
    assert f"API token {info.id} (agent, Zendesk) revoked" in lines
    assert f"staff account {person.id} (bea@example.com, agent) created" in lines
    assert f"staff account {person.id} disabled" in lines
    assert token not in " ".join(lines) and token[len(tokens.PREFIX) :] not in " ".join(lines)
