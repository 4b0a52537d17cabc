"""Staff sign-in for the web pages: password, then a TOTP code (enrolled with a QR code at the first
sign-in), in a signed session cookie (Secure, HttpOnly, SameSite=Lax), with a CSRF token on every form.

    /staff/sign-in   e-mail and password
    /staff/enrol     first time: scan the QR code, confirm with a code, keep the recovery codes
    /staff/code      a code from the app, or a recovery code
    /staff/sign-out  (POST)

A signed-in person is staff for the pages and for the API calls those pages make (``kb.auth``); such
calls that change something must carry the session's CSRF token in ``X-CSRF-Token``.
"""

from __future__ import annotations

import hmac
import os
import secrets
from datetime import timedelta
from pathlib import Path

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for

from kb import i18n
from kb.errors import ApiError
from kb.services import staff, totp

bp = Blueprint("signin", __name__)

HOME = {"agent": "/agent", "owner": "/owners", "admin": "/owners"}
COOKIE = "kb_session"


def secret_key(settings: dict) -> str:
    """The SECRET_KEY setting, or one kept in DATA_DIR/secret_key (made once, shared by every process)."""
    if settings.get("SECRET_KEY"):
        return settings["SECRET_KEY"]
    path = Path(settings["DATA_DIR"]) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="ascii").strip()


def init_app(app) -> None:
    config = app.config
    app.secret_key = secret_key(config)
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
    """The person signed in with this session (both factors), or None."""
    user_id = session.get("user")
    if user_id is None:
        return None
    found = staff.get(current_app.extensions["kb.db"], user_id)
    if found is None:
        session.clear()
    return found


def _page(template: str, status: int = 200, **values):
    lang = i18n.visitor_language(request, current_app.config["DEFAULT_LOCALE"])
    page = render_template(template, lang=lang, t=i18n.TEXT[lang], q="", **values)
    response = current_app.make_response((page, status))
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _db():
    return current_app.extensions["kb.db"]


def _next() -> str:
    target = request.args.get("next") or request.form.get("next") or ""
    return target if target.startswith("/") and not target.startswith("//") else ""


@bp.get("/staff/sign-in")
def sign_in_form():
    return _page("staff_signin.html", next=_next())


@bp.post("/staff/sign-in")
def sign_in():
    check_csrf(request.form.get("csrf"))
    email, password = request.form.get("email", ""), request.form.get("password", "")
    found = staff.check_password(_db(), email[:320], password[:1000]) if email and password else None
    if found is None:
        return _page("staff_signin.html", 401, error="bad_credentials", next=_next(), email=email[:320])
    session.clear()  # a new session for a new sign-in (no fixation)
    session["pending"] = found.id
    session["next"] = _next()
    return redirect(url_for("signin.code_form" if found.enrolled else "signin.enrol_form"))


def _pending() -> staff.Staff | None:
    user_id = session.get("pending")
    return staff.get(_db(), user_id) if user_id is not None else None


@bp.get("/staff/enrol")
def enrol_form():
    person = _pending()
    if person is None or person.enrolled:
        return redirect(url_for("signin.sign_in_form"))
    session["enrol_secret"] = session.get("enrol_secret") or totp.new_secret()
    return _enrol_page(person, session["enrol_secret"])


def _enrol_page(person, secret: str, status: int = 200, error: str = ""):
    import segno

    uri = totp.provisioning_uri(secret, person.email)
    qr = segno.make(uri, error="m").svg_inline(scale=5, title="QR")
    spaced = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return _page("staff_enrol.html", status, qr=qr, secret=spaced, error=error)


@bp.post("/staff/enrol")
def enrol():
    check_csrf(request.form.get("csrf"))
    person, secret = _pending(), session.get("enrol_secret")
    if person is None or person.enrolled or not secret:
        return redirect(url_for("signin.sign_in_form"))
    codes = staff.confirm_enrolment(_db(), person.id, secret, request.form.get("code", "")[:20])
    if codes is None:
        return _enrol_page(person, secret, 400, "bad_code")
    _finish(person)
    return _page("staff_recovery.html", codes=codes, home=session.pop("next", "") or HOME[person.role])


@bp.get("/staff/code")
def code_form():
    if _pending() is None:
        return redirect(url_for("signin.sign_in_form"))
    return _page("staff_code.html")


@bp.post("/staff/code")
def code():
    check_csrf(request.form.get("csrf"))
    person = _pending()
    if person is None:
        return redirect(url_for("signin.sign_in_form"))
    if not staff.check_second_factor(_db(), person.id, request.form.get("code", "")[:40]):
        return _page("staff_code.html", 401, error="bad_code")
    target = session.get("next") or HOME[person.role]
    _finish(person)
    return redirect(target)


def _finish(person: staff.Staff) -> None:
    csrf = session.get("csrf")
    session.clear()
    session.permanent = True
    session["user"] = person.id
    session["csrf"] = csrf or secrets.token_urlsafe(32)


@bp.post("/staff/sign-out")
def sign_out():
    check_csrf(request.form.get("csrf"))
    session.clear()
    return redirect("/")
