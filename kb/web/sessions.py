"""A staff member's web session: the signed cookie (Secure, HttpOnly, SameSite=Lax) holding a random
session id whose row (``kb.services.staff``) says who is signed in, and the CSRF token every form and
every cookie-authenticated API call that changes something carries. The sign-in pages that open a
session are ``kb.web.signin``; the guards (``kb.web.auth``, ``kb.web.limits``) read it here."""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from flask import current_app, g, session

from kb.services import staff
from kb.web.errors import ApiError

COOKIE = "kb_session"


def init_app(app) -> None:
    config = app.config
    app.secret_key = staff.secret_key(config)
    app.extensions["kb.totp_key"] = staff.totp_key(config)
    app.extensions["kb.lockout"] = staff.Lockout(config["SIGNIN_MAX_FAILURES"], config["SIGNIN_LOCK_MINUTES"])
    app.config.update(
        SESSION_COOKIE_NAME=COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=str(config["SESSION_COOKIE_SECURE"]).lower() != "false",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=config["SESSION_HOURS"]),
    )
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["signed_in"] = signed_in


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def csrf_ok(sent: str | None) -> bool:
    expected = session.get("csrf")
    return bool(expected and sent and hmac.compare_digest(expected, sent))


def check_csrf(sent: str | None) -> None:
    if not csrf_ok(sent):
        raise ApiError(403, "csrf", "this form or request has no valid CSRF token; reload the page and try again")


def signed_in() -> staff.Staff | None:
    """The person signed in with this session (both factors, a live session row), or None."""
    if "kb_person" not in g:
        token = session.get("sid")
        g.kb_person = staff.session_user(current_app.extensions["kb.db"], token) if token else None
        if token and g.kb_person is None:
            session.clear()  # ended elsewhere (signed out, disabled, reset), or expired
    return g.kb_person
