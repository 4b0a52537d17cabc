"""Staff sign-in: password (scrypt), TOTP (RFC 6238) enrolled with a QR code, recovery codes, a secure
session cookie and CSRF tokens. On the starter knowledge base with a real SQLite file and the real CLI."""

import base64
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kb.services import staff, totp
from tests.conftest import app_on

INTERNAL = "es/internas/reembolsos"
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()


@pytest.mark.parametrize(
    ("seconds", "code"),
    [(59, "94287082"), (1111111109, "07081804"), (1111111111, "14050471"), (1234567890, "89005924"),
     (2000000000, "69279037"), (20000000000, "65353130")],
)  # fmt: skip
def test_totp_matches_the_rfc_6238_vectors(seconds, code):
    assert totp.code_at(RFC_SECRET, seconds // 30, digits=8) == code


def test_a_code_is_accepted_once_and_only_near_its_time():
    secret = totp.new_secret()
    now = 1_800_000_000.0
    code = totp.code_at(secret, totp.current_step(now))
    step = totp.verify(secret, code, now=now)
    assert step == totp.current_step(now)
    assert totp.verify(secret, code, last_step=step, now=now) is None  # replayed
    assert totp.verify(secret, code, now=now + 30) == step  # one step late: still fine
    assert totp.verify(secret, code, now=now + 95) is None  # three steps late: no
    assert totp.verify(secret, "12345", now=now) is None and totp.verify(secret, "abcdef", now=now) is None
    uri = totp.provisioning_uri(secret, "ana@example.com")
    assert uri.startswith("otpauth://totp/kb:ana%40example.com?secret=" + secret)


@pytest.fixture
def app(starter, encoder, tmp_path):
    return app_on(starter, encoder, tmp_path / "kb.sqlite3")


def _csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def _client(app):
    return app.test_client()


HTTPS = {"base_url": "https://kb.example.com"}


def test_accounts_check_passwords_and_refuse_weak_ones(app):
    db = app.extensions["kb.db"]
    created = staff.create_user(db, "Ana@Example.com", "correct horse battery", "agent", "Ana")
    assert (created.email, created.enrolled) == ("ana@example.com", False)
    assert staff.check_password(db, "ANA@example.com", "correct horse battery").id == created.id
    assert staff.check_password(db, "ana@example.com", "wrong horse battery") is None
    assert staff.check_password(db, "nobody@example.com", "correct horse battery") is None
    for email, password, role, message in [
        ("ana@example.com", "another long password", "agent", "already an account"),
        ("bea@example.com", "short", "agent", "at least 12"),
        ("bea", "a long enough password", "agent", "e-mail"),
        ("bea@example.com", "a long enough password", "boss", "role must be"),
    ]:
        with pytest.raises(staff.StaffError, match=message):
            staff.create_user(db, email, password, role)
    with app.app_context():
        from sqlalchemy import select
        from sqlalchemy.orm import Session

        with Session(db) as s:
            stored = s.scalar(select(staff.StaffUser.password_hash))
    assert stored.startswith("scrypt:") and "correct horse" not in stored


def test_sign_in_enrol_use_and_sign_out(app):
    db = app.extensions["kb.db"]
    staff.create_user(db, "owner@example.com", "a long owner password", "owner", "Olga")
    client = _client(app)

    form = client.get("/staff/sign-in", **HTTPS).get_data(as_text=True)
    no_token = client.post("/staff/sign-in", data={"email": "owner@example.com", "password": "x"}, **HTTPS)
    assert no_token.status_code == 403  # no CSRF token: refused before anything is checked
    wrong = client.post(
        "/staff/sign-in", data={"csrf": _csrf(form), "email": "owner@example.com", "password": "wrong one"}, **HTTPS
    )
    unknown = client.post(
        "/staff/sign-in", data={"csrf": _csrf(form), "email": "who@example.com", "password": "wrong one"}, **HTTPS
    )
    assert wrong.status_code == unknown.status_code == 401
    assert "no son correctos" in wrong.get_data(as_text=True) and "no son correctos" in unknown.get_data(as_text=True)

    right = client.post(
        "/staff/sign-in",
        data={"csrf": _csrf(form), "email": "owner@example.com", "password": "a long owner password"},
        **HTTPS,
    )
    assert right.status_code == 302 and right.headers["Location"].endswith("/staff/enrol")
    cookie = right.headers["Set-Cookie"]
    assert "kb_session=" in cookie and "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/api/v1/me", **HTTPS).get_json()["role"] == "customer"  # one factor is not enough

    enrol = client.get("/staff/enrol", **HTTPS).get_data(as_text=True)
    assert "<svg" in enrol
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', enrol).group(1).replace(" ", "")
    bad = client.post("/staff/enrol", data={"csrf": _csrf(enrol), "code": "000000"}, **HTTPS)
    assert bad.status_code == 400
    code = totp.code_at(secret, totp.current_step())
    done = client.post("/staff/enrol", data={"csrf": _csrf(enrol), "code": code}, **HTTPS)
    recovery = re.findall(r"<code>([0-9a-f]{8}-[0-9a-f]{8})</code>", done.get_data(as_text=True))
    assert done.status_code == 200 and len(recovery) == 10

    # Signed in: staff for the pages and for the API calls the pages make.
    assert client.get("/api/v1/me", **HTTPS).get_json() == {"role": "owner", "staff": True}
    assert client.get(f"/articles/{INTERNAL}", **HTTPS).status_code == 200
    assert app.test_client().get(f"/articles/{INTERNAL}", **HTTPS).status_code == 404  # not for customers
    page = client.get("/owners", **HTTPS).get_data(as_text=True)
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    action = {"action": "reviewed"}
    forged = client.post(f"/api/v1/review/{INTERNAL}", json=action, **HTTPS)  # no CSRF header
    assert forged.status_code == 401  # a request without the token has a customer's rights
    recorded = client.post(f"/api/v1/review/{INTERNAL}", json=action, headers={"X-CSRF-Token": csrf}, **HTTPS)
    assert recorded.status_code == 201 and recorded.get_json()["by"] == "Olga"

    out = client.post("/staff/sign-out", data={"csrf": csrf}, **HTTPS)
    assert out.status_code == 302 and client.get("/api/v1/me", **HTTPS).get_json()["role"] == "customer"

    # Next time: password, then a code from the app (a replayed one is refused) or a recovery code (once).
    def sign_in_to_code_page():
        form = client.get("/staff/sign-in", **HTTPS).get_data(as_text=True)
        data = {"csrf": _csrf(form), "email": "owner@example.com", "password": "a long owner password"}
        moved = client.post("/staff/sign-in", data=data, **HTTPS)
        assert moved.headers["Location"].endswith("/staff/code")
        return client.get("/staff/code", **HTTPS).get_data(as_text=True)

    page = sign_in_to_code_page()
    assert client.post("/staff/code", data={"csrf": _csrf(page), "code": code}, **HTTPS).status_code == 401
    later = totp.code_at(secret, totp.current_step() + 1)
    ok = client.post("/staff/code", data={"csrf": _csrf(page), "code": later}, **HTTPS)
    assert ok.status_code == 302 and ok.headers["Location"].endswith("/owners")
    client.post("/staff/sign-out", data={"csrf": _csrf(client.get("/owners", **HTTPS).get_data(as_text=True))}, **HTTPS)

    page = sign_in_to_code_page()
    assert client.post("/staff/code", data={"csrf": _csrf(page), "code": recovery[0]}, **HTTPS).status_code == 302
    client.post("/staff/sign-out", data={"csrf": _csrf(client.get("/owners", **HTTPS).get_data(as_text=True))}, **HTTPS)
    page = sign_in_to_code_page()
    assert client.post("/staff/code", data={"csrf": _csrf(page), "code": recovery[0]}, **HTTPS).status_code == 401


def test_kb_user_create(starter, tmp_path):
    import os

    kb = [str(Path(sys.executable).with_name("kb"))]
    env = {**os.environ, "KB_DATA_DIR": str(tmp_path), "KB_ARTICLES_DIR": str(starter.articles)}
    args = kb + ["user", "create", "--email", "luis@example.com", "--role", "agent", "--password-stdin"]
    done = subprocess.run(args, input="a long agent password\n", capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and "luis@example.com (agent) created" in done.stdout, done.stderr
    again = subprocess.run(args, input="a long agent password\n", capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 1 and "already an account" in again.stderr and "Traceback" not in again.stderr


def test_a_key_file_made_by_racing_processes_is_one_whole_key(tmp_path):
    """kb serve --processes N starts N processes at once: each must read the same whole key, never a
    half-written file (an empty TOTP key stopped a server once)."""
    import multiprocessing

    from kb.services import staff as staff_service

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(8) as pool:
        for round_ in range(20):  # a race: the old code tore a read in about 3 of 20 rounds
            path = tmp_path / str(round_) / "totp_key"
            keys = pool.starmap(staff_service.kept_key, [(path, staff_service.new_key)] * 32)
            assert len(set(keys)) == 1 and len(keys[0]) == 44, round_
            assert path.stat().st_mode & 0o777 == 0o600 and [p.name for p in path.parent.iterdir()] == ["totp_key"]
