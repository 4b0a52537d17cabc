"""Staff sign-in against a hostile visitor (issue 14, points 3, 4, 5, 10, 11): no open redirect, a lock per
account that no token or address change skips, codes that work once under parallel submissions, sessions
that end everywhere on sign-out, disable and reset, secrets that are not stored in plain text."""

from __future__ import annotations

import http.cookiejar
import os
import re
import sqlite3
import stat
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kb.services import staff, tokens, totp
from tests.conftest import app_on, serving
from tests.signin_flow import HTTPS, code_page, csrf, enrol, page_csrf, password_step, sign_out

PASSWORD = "a long and honest password"


@pytest.fixture
def app(starter, encoder, tmp_path):
    return app_on(starter, encoder, tmp_path / "kb.sqlite3", TRUSTED_PROXIES=1)


def _person(app, email="ana@example.com", role="agent"):
    staff.create_user(app.extensions["kb.db"], email, PASSWORD, role, email.split("@")[0].title())
    client = app.test_client()
    secret, recovery = enrol(client, email, PASSWORD)
    sign_out(client)
    return secret, recovery


@pytest.mark.parametrize(
    "target",
    ["/%09/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/%0a/evil.example",
     "/ /evil.example", "/\\/evil.example", "%2f%2fevil.example"],
)  # fmt: skip
def test_sign_in_never_redirects_to_another_site(app, target):
    secret, _ = _person(app)
    client = app.test_client()
    page = code_page(client, "ana@example.com", PASSWORD, next_path=target)
    done = client.post(
        "/staff/code", data={"csrf": csrf(page), "code": totp.code_at(secret, totp.current_step())}, **HTTPS
    )
    assert done.status_code == 302
    location = done.headers["Location"]
    assert urllib.parse.urlsplit(location).netloc in ("", "kb.example.com") and not location.startswith("//")
    assert "evil" not in location


def test_a_local_next_page_is_kept(app):
    secret, _ = _person(app)
    client = app.test_client()
    page = code_page(client, "ana@example.com", PASSWORD, next_path="/owners/analytics")
    done = client.post(
        "/staff/code", data={"csrf": csrf(page), "code": totp.code_at(secret, totp.current_step())}, **HTTPS
    )
    assert done.headers["Location"].endswith("/owners/analytics")


def _from(address: str) -> dict:
    return {"headers": {"X-Forwarded-For": address}, **HTTPS}


def test_wrong_passwords_lock_the_account_from_every_address_and_every_token(app):
    _person(app)
    _, token = tokens.create_token(app.extensions["kb.db"], "agent", "any agent")
    client = app.test_client()
    for i in range(10):  # ten wrong passwords from ten addresses, half of them holding a valid token
        form = client.get("/staff/sign-in", **HTTPS).get_data(as_text=True)
        headers = {"X-Forwarded-For": f"10.0.0.{i}"} | ({"Authorization": f"Bearer {token}"} if i % 2 else {})
        data = {"csrf": csrf(form), "email": "ana@example.com", "password": f"wrong {i}"}
        assert client.post("/staff/sign-in", data=data, headers=headers, **HTTPS).status_code == 401
    form = client.get("/staff/sign-in", **HTTPS).get_data(as_text=True)
    data = {"csrf": csrf(form), "email": "ana@example.com", "password": PASSWORD}
    locked = client.post("/staff/sign-in", data=data, **_from("10.9.9.9"))
    assert locked.status_code == 429 and "Retry-After" in locked.headers
    assert "intentos fallidos" in locked.get_data(as_text=True)
    # An address with no account locks the same way: the lock says nothing about who exists.
    for i in range(10):
        form = client.get("/staff/sign-in", **HTTPS).get_data(as_text=True)
        data = {"csrf": csrf(form), "email": "nobody@example.com", "password": f"wrong {i}"}
        client.post("/staff/sign-in", data=data, **_from(f"10.1.0.{i}"))
    form = client.get("/staff/sign-in", **HTTPS).get_data(as_text=True)
    data = {"csrf": csrf(form), "email": "nobody@example.com", "password": PASSWORD}
    assert client.post("/staff/sign-in", data=data, **_from("10.9.9.8")).status_code == 429


def test_a_token_buys_no_unlimited_password_guesses(starter, encoder, tmp_path):
    app = app_on(starter, encoder, tmp_path / "kb.sqlite3", SIGNIN_MAX_FAILURES=0)
    _, token = tokens.create_token(app.extensions["kb.db"], "agent", "any agent")
    client = app.test_client()
    statuses = []
    for i in range(40):
        form = client.get("/staff/sign-in", **HTTPS).get_data(as_text=True)
        data = {"csrf": csrf(form), "email": f"u{i}@example.com", "password": "wrong"}
        statuses.append(
            client.post("/staff/sign-in", data=data, headers={"Authorization": f"Bearer {token}"}, **HTTPS).status_code
        )
    assert 429 in statuses  # the write budget (30 a minute per address) applies to token holders too


def test_wrong_codes_from_many_addresses_lock_the_account(app):
    secret, _ = _person(app)
    client = app.test_client()
    page = code_page(client, "ana@example.com", PASSWORD)
    statuses = []
    for i in range(12):
        if i and i % 5 == 0:  # every five wrong codes the password is asked again
            page = code_page(client, "ana@example.com", PASSWORD) if i < 10 else page
        answer = client.post("/staff/code", data={"csrf": csrf(page), "code": "000000"}, **_from(f"10.2.0.{i}"))
        statuses.append(answer.status_code)
    assert statuses[:10] == [401] * 10
    right = password_step(client, "ana@example.com", PASSWORD)
    assert right.status_code == 429  # locked: even the right password and code wait
    assert client.get("/api/v1/me", **HTTPS).get_json()["role"] == "customer"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer to look at (urllib raises it as an HTTPError)


def _post(opener, url: str, data: bytes) -> int:
    try:
        return opener.open(url, data).status
    except urllib.error.HTTPError as exc:
        return exc.code


def _parallel(url: str, email: str, code: str, n: int = 4) -> int:
    """Sign in ``n`` browsers to the code page, then submit one code from all at once: how many got in."""
    openers = []
    for _ in range(n):
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )
        form = opener.open(url + "/staff/sign-in").read().decode()
        data = urllib.parse.urlencode({"csrf": csrf(form), "email": email, "password": PASSWORD}).encode()
        assert _post(opener, url + "/staff/sign-in", data) == 302
        page = opener.open(url + "/staff/code").read().decode()
        openers.append((opener, urllib.parse.urlencode({"csrf": csrf(page), "code": code}).encode()))
    barrier, statuses = threading.Barrier(n), []

    def submit(opener, data):
        barrier.wait()
        statuses.append(_post(opener, url + "/staff/code", data))

    threads = [threading.Thread(target=submit, args=o) for o in openers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(set(statuses)) <= [302, 401], statuses
    return statuses.count(302)


def test_one_code_submitted_in_parallel_is_accepted_once(starter, encoder, tmp_path):
    app = app_on(
        starter, encoder, tmp_path / "kb.sqlite3", SESSION_COOKIE_SECURE="false", RATE_LIMIT_WRITES_PER_MINUTE=0
    )
    people = {f"p{i}@example.com": _person(app, f"p{i}@example.com") for i in range(8)}
    with serving(app) as url:
        for email, (secret, _) in people.items():
            assert _parallel(url, email, totp.code_at(secret, totp.current_step() + 1)) == 1, email
        email, (_, recovery) = next(iter(people.items()))
        assert _parallel(url, email, recovery[0]) == 1


def test_sign_out_ends_the_session_everywhere_even_a_copied_cookie(app):
    secret, _ = _person(app, "olga@example.com", "owner")
    browser, thief = app.test_client(), app.test_client()
    page = code_page(browser, "olga@example.com", PASSWORD)
    browser.post("/staff/code", data={"csrf": csrf(page), "code": totp.code_at(secret, totp.current_step())}, **HTTPS)
    cookie = browser.get_cookie("kb_session", domain="kb.example.com")
    thief.set_cookie("kb_session", cookie.value, domain="kb.example.com")
    assert thief.get("/api/v1/me", **HTTPS).get_json()["role"] == "owner"
    sign_out(browser)
    assert thief.get("/api/v1/me", **HTTPS).get_json()["role"] == "customer"
    assert thief.get("/articles/es/internas/reembolsos", **HTTPS).status_code == 404


def test_disable_and_reset_end_sessions_and_the_admins_page_does_both(app):
    db = app.extensions["kb.db"]
    secret, _ = _person(app, "luis@example.com")
    luis = app.test_client()
    page = code_page(luis, "luis@example.com", PASSWORD)
    luis.post("/staff/code", data={"csrf": csrf(page), "code": totp.code_at(secret, totp.current_step())}, **HTTPS)
    assert luis.get("/api/v1/me", **HTTPS).get_json()["role"] == "agent"
    _, admin_token = tokens.create_token(db, "admin", "root")
    admin = {"Authorization": f"Bearer {admin_token}"}
    client = app.test_client()
    listed = client.get("/api/v1/users", headers=admin).get_json()["users"]
    luis_id = next(u["id"] for u in listed if u["email"] == "luis@example.com")
    assert next(u for u in listed if u["id"] == luis_id)["sessions"] == 1
    done = client.post(f"/api/v1/users/{luis_id}", json={"action": "disable"}, headers=admin).get_json()
    assert done["disabled_at"] and done["sessions"] == 0
    assert luis.get("/api/v1/me", **HTTPS).get_json()["role"] == "customer"
    assert password_step(luis, "luis@example.com", PASSWORD).status_code == 401  # cannot sign in
    client.post(f"/api/v1/users/{luis_id}", json={"action": "enable"}, headers=admin)
    reset = client.post(f"/api/v1/users/{luis_id}", json={"action": "reset_2fa"}, headers=admin).get_json()
    assert reset["enrolled"] is False and reset["recovery_codes_left"] == 0
    assert password_step(luis, "luis@example.com", PASSWORD).headers["Location"].endswith("/staff/enrol")
    # Customers and agents are refused; created accounts appear; deletion removes them.
    assert client.get("/api/v1/users").status_code == 401
    _, agent_token = tokens.create_token(db, "agent", "agent")
    assert client.get("/api/v1/users", headers={"Authorization": f"Bearer {agent_token}"}).status_code == 403
    made = client.post(
        "/api/v1/users", json={"email": "new@example.com", "role": "owner", "password": PASSWORD}, headers=admin
    )
    assert made.status_code == 201 and made.get_json()["role"] == "owner"
    again = client.post(
        "/api/v1/users", json={"email": "new@example.com", "role": "owner", "password": PASSWORD}, headers=admin
    )
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "invalid_body"
    assert client.delete(f"/api/v1/users/{made.get_json()['id']}", headers=admin).status_code == 200
    assert "new@example.com" not in str(client.get("/api/v1/users", headers=admin).get_json())


def test_a_signed_in_admin_cannot_lock_themselves_out_from_the_page(app):
    secret, _ = _person(app, "root@example.com", "admin")
    client = app.test_client()
    page = code_page(client, "root@example.com", PASSWORD)
    client.post("/staff/code", data={"csrf": csrf(page), "code": totp.code_at(secret, totp.current_step())}, **HTTPS)
    token = page_csrf(client.get("/admin/users", **HTTPS).get_data(as_text=True))
    me = next(u for u in client.get("/api/v1/users", **HTTPS).get_json()["users"] if u["email"] == "root@example.com")
    answer = client.post(
        f"/api/v1/users/{me['id']}", json={"action": "disable"}, headers={"X-CSRF-Token": token}, **HTTPS
    )
    assert answer.status_code == 409


@pytest.mark.slow  # the kb command in subprocesses, each loading the model
def test_kb_user_list_disable_enable_reset_delete(starter, tmp_path):
    kb = [str(Path(sys.executable).with_name("kb")), "user"]
    env = {**os.environ, "KB_DATA_DIR": str(tmp_path), "KB_ARTICLES_DIR": str(starter.articles)}

    def run(*args, stdin=None):
        done = subprocess.run(kb + list(args), input=stdin, capture_output=True, text=True, env=env, timeout=120)
        assert "Traceback" not in done.stderr
        return done

    assert (
        run(
            "create", "--email", "eva@example.com", "--role", "owner", "--password-stdin", stdin=PASSWORD + "\n"
        ).returncode
        == 0
    )
    assert "eva@example.com" in run("list").stdout and "not enrolled yet" in run("list").stdout
    assert "disabled" in run("disable", "eva@example.com").stdout
    assert "disabled since" in run("list").stdout
    assert "enabled" in run("enable", "1").stdout
    assert "reset" in run("reset-2fa", "eva@example.com").stdout
    missing = run("disable", "nobody@example.com")
    assert missing.returncode == 1 and "no account" in missing.stderr
    assert "deleted" in run("delete", "eva@example.com", "--yes").stdout
    assert "no accounts" in run("list").stdout
    assert len(run("key").stdout.strip()) == 44


def test_totp_secrets_are_encrypted_and_the_database_is_private(app, tmp_path):
    secret, _ = _person(app)
    raw = (tmp_path / "kb.sqlite3").read_bytes() + (tmp_path / "kb.sqlite3-wal").read_bytes()
    assert secret.encode() not in raw
    with sqlite3.connect(tmp_path / "kb.sqlite3") as db:
        stored = db.execute("select totp_secret, totp_secret_enc from staff_users").fetchone()
    assert stored[0] is None and stored[1] and secret not in stored[1]
    assert stat.S_IMODE((tmp_path / "kb.sqlite3").stat().st_mode) == 0o600
    key = Path(app.config["DATA_DIR"]) / "totp_key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_secrets_an_older_kb_stored_in_plain_text_are_encrypted_at_start(starter, encoder, tmp_path):
    app = app_on(starter, encoder, tmp_path / "kb.sqlite3")
    secret, _ = _person(app)
    plain = totp.new_secret()
    with sqlite3.connect(tmp_path / "kb.sqlite3") as db:
        db.execute("update staff_users set totp_secret = ?, totp_secret_enc = null, totp_last_step = null", (plain,))
    app = app_on(starter, encoder, tmp_path / "kb.sqlite3")  # a restart
    with sqlite3.connect(tmp_path / "kb.sqlite3") as db:
        assert db.execute("select totp_secret from staff_users").fetchone()[0] is None
    client = app.test_client()
    page = code_page(client, "ana@example.com", PASSWORD)
    done = client.post(
        "/staff/code", data={"csrf": csrf(page), "code": totp.code_at(plain, totp.current_step())}, **HTTPS
    )
    assert done.status_code == 302  # the moved secret still signs in


PATHS = ["/", "/search?q=factura", "/articles/es/cuenta/restablecer-contrasena", "/-/health",
         "/api/v1/search?q=factura", "/agent", "/staff/sign-in", "/admin/users", "/nope"]  # fmt: skip


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_carries_the_security_headers(app, path):
    answer = app.test_client().get(path, **HTTPS)
    headers = answer.headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_staff_answers_are_never_cached_publicly(app):
    _, token = tokens.create_token(app.extensions["kb.db"], "agent", "agent")
    answer = app.test_client().get(
        "/api/v1/articles/es/internas/reembolsos", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "private, no-store"
    assert "Authorization" in answer.headers["Vary"]


def test_options_and_bad_urls_answer_in_the_json_shape(app, starter):
    client = app.test_client()
    for path in ("/api/v1/search", "/api/v1/suggest", "/-/health"):
        answer = client.open(path, method="OPTIONS")
        assert answer.status_code == 405 and answer.get_json()["error"]["code"] == "method_not_allowed"
    with serving(app) as url:
        parts = urllib.parse.urlsplit(url)
        for raw in ("/api/v1/articles/%ff%fe", "/api/v1/search?q=%ff%fe", "/api/v1/%c3%28"):
            conn = __import__("http.client").client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            conn.request("GET", raw)
            answer = conn.getresponse()
            body = answer.read().decode("utf-8", "replace")
            assert answer.status in (200, 400, 404), (raw, answer.status)
            assert answer.getheader("Content-Type").startswith("application/json") and re.search(
                r'"(error|query)"', body
            )
            conn.close()
