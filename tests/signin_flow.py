"""Staff sign-in as a browser does it (forms, CSRF tokens, TOTP codes), for tests of what follows it."""

from __future__ import annotations

import re

from kb.services import totp

HTTPS = {"base_url": "https://kb.example.com"}


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def page_csrf(page: str) -> str:
    """The CSRF token a signed-in page carries for its API calls."""
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def password_step(client, email: str, password: str, next_path: str = ""):
    """Post the e-mail and password (with a fresh form's token); the answer."""
    suffix = f"?next={next_path}" if next_path else ""
    form = client.get(f"/staff/sign-in{suffix}", **HTTPS).get_data(as_text=True)
    data = {"csrf": csrf(form), "email": email, "password": password}
    if next_path:
        data["next"] = re.search(r'name="next" value="([^"]*)"', form).group(1)
    return client.post("/staff/sign-in", data=data, **HTTPS)


def enrol(client, email: str, password: str) -> tuple[str, list[str]]:
    """First sign-in: password, enrol an authenticator; returns (TOTP secret, recovery codes)."""
    moved = password_step(client, email, password)
    assert moved.headers["Location"].endswith("/staff/enrol"), moved.get_data(as_text=True)
    page = client.get("/staff/enrol", **HTTPS).get_data(as_text=True)
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    code = totp.code_at(secret, totp.current_step() - 1)  # an older step, so the next sign-in's code is new
    done = client.post("/staff/enrol", data={"csrf": csrf(page), "code": code}, **HTTPS)
    assert done.status_code == 200, done.get_data(as_text=True)
    return secret, re.findall(r"<code>([0-9a-f]{8}-[0-9a-f]{8})</code>", done.get_data(as_text=True))


def code_page(client, email: str, password: str, next_path: str = "") -> str:
    moved = password_step(client, email, password, next_path)
    assert moved.headers["Location"].endswith("/staff/code"), moved.get_data(as_text=True)
    return client.get("/staff/code", **HTTPS).get_data(as_text=True)


def sign_out(client) -> None:
    page = client.get("/staff/sign-in", **HTTPS).get_data(as_text=True)
    client.post("/staff/sign-out", data={"csrf": csrf(page)}, **HTTPS)
