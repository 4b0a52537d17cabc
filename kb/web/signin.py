"""Staff sign-in for the web pages: password, then a TOTP code (enrolled with a QR code at the first
sign-in), in a signed session cookie (Secure, HttpOnly, SameSite=Lax), with a CSRF token on every form.

    /staff/sign-in   e-mail and password
    /staff/enrol     first time: scan the QR code, confirm with a code, keep the recovery codes
    /staff/code      a code from the app, or a recovery code
    /staff/sign-out  (POST)
    /access/jwt      customers: a token from the company's application (segments; kb.services.customers)
    /access/logout   customers: forget it

A signed-in person is staff for the pages and for the API calls those pages make (``kb.web.auth``); such
calls that change something must carry the session's CSRF token in ``X-CSRF-Token``. The cookie holds
only a random session id; the session itself is a database row (``kb.services.staff``), so signing out,
disabling the account or resetting its second factor ends it everywhere at once. Wrong passwords and
codes count per e-mail address (``KB_SIGNIN_MAX_FAILURES`` in ``KB_SIGNIN_LOCK_MINUTES`` lock it) on top
of the per-address rate limit.
"""

from __future__ import annotations

import re
import secrets

from flask import Blueprint, current_app, redirect, request, session, url_for

from kb.services import customers as customer_service
from kb.services import staff, totp
from kb.web import audit, customers, deps, sessions

bp = Blueprint("signin", __name__)

HOME = {"agent": "/agent", "owner": "/owners", "admin": "/owners"}


MAX_CODE_TRIES = 5  # wrong codes in one pending sign-in before the password must be given again


def _key() -> str:
    return current_app.extensions["kb.totp_key"]


def _locked(email: str):
    """The sign-in page saying the address is locked, if it is (the same for addresses with no account)."""
    wait = staff.locked_for(deps.db(), email, current_app.extensions["kb.lockout"])
    if not wait:
        return None
    audit.security_event("sign-in refused (locked after too many failures)", email)
    minutes = max(1, -(-wait // 60))
    page = ("staff_signin.html", 429)
    response = deps.staff_page(*page, error="locked", minutes=minutes, next=_next(), email=email[:320])
    response.headers["Retry-After"] = str(wait)
    return response


_LOCAL_PATH = re.compile(r"/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*")


def safe_next(target: str) -> str:
    """``target`` if it is a path on this site, else "". Only a path's own characters (RFC 3986) are
    allowed: no second slash or backslash after the first (``//evil.example`` is another host), and no
    tab, newline or space, which browsers and Werkzeug strip (``/\t/evil.example`` becomes ``//evil...``)."""
    return target if len(target) <= 2000 and _LOCAL_PATH.fullmatch(target) else ""


def _next() -> str:
    return safe_next(request.args.get("next") or request.form.get("next") or "")


@bp.get("/staff/sign-in")
def sign_in_form():
    return deps.staff_page("staff_signin.html", next=_next())


@bp.post("/staff/sign-in")
def sign_in():
    sessions.check_csrf(request.form.get("csrf"))
    email, password = request.form.get("email", "")[:320], request.form.get("password", "")
    locked = _locked(email) if email else None
    if locked is not None:
        return locked
    found = staff.check_password(deps.db(), email, password[:1000]) if email and password else None
    if found is None:
        if email and password:
            staff.record_failure(deps.db(), email)
            audit.security_event("sign-in refused (wrong e-mail or password)", email)
        return deps.staff_page("staff_signin.html", 401, error="bad_credentials", next=_next(), email=email)
    session.clear()  # a new session for a new sign-in (no fixation)
    session["pending"] = found.id
    session["next"] = _next()
    return redirect(url_for("signin.code_form" if found.enrolled else "signin.enrol_form"))


def _pending() -> staff.Staff | None:
    user_id = session.get("pending")
    return staff.get(deps.db(), user_id) if user_id is not None else None


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
    return deps.staff_page("staff_enrol.html", status, qr=qr, secret=spaced, error=error)


@bp.post("/staff/enrol")
def enrol():
    sessions.check_csrf(request.form.get("csrf"))
    person, secret = _pending(), session.get("enrol_secret")
    if person is None or person.enrolled or not secret:
        return redirect(url_for("signin.sign_in_form"))
    locked = _locked(person.email)
    if locked is not None:
        session.clear()
        return locked
    codes = staff.confirm_enrolment(deps.db(), person.id, secret, request.form.get("code", "")[:20], _key())
    if codes is None:
        staff.record_failure(deps.db(), person.email)
        audit.security_event("sign-in refused (wrong enrolment code)", person.email)
        return _enrol_page(person, secret, 400, "bad_code")
    _finish(person)
    return deps.staff_page("staff_recovery.html", codes=codes, home=session.pop("next", "") or HOME[person.role])


@bp.get("/staff/code")
def code_form():
    if _pending() is None:
        return redirect(url_for("signin.sign_in_form"))
    return deps.staff_page("staff_code.html")


@bp.post("/staff/code")
def code():
    sessions.check_csrf(request.form.get("csrf"))
    person = _pending()
    if person is None:
        return redirect(url_for("signin.sign_in_form"))
    locked = _locked(person.email)
    if locked is not None:
        session.clear()
        return locked
    if not staff.check_second_factor(deps.db(), person.id, request.form.get("code", "")[:40], _key()):
        staff.record_failure(deps.db(), person.email)
        audit.security_event("sign-in refused (wrong code)", person.email)
        session["tries"] = session.get("tries", 0) + 1
        if session["tries"] >= MAX_CODE_TRIES:  # the password again, then more codes
            session.clear()
            return deps.staff_page("staff_signin.html", 401, error="code_tries", next="")
        return deps.staff_page("staff_code.html", 401, error="bad_code")
    target = session.get("next") or HOME[person.role]
    _finish(person)
    return redirect(target)


def _finish(person: staff.Staff) -> None:
    staff.clear_failures(deps.db(), person.email)
    token = staff.open_session(deps.db(), person.id, current_app.config["SESSION_HOURS"])
    session.clear()
    session.permanent = True
    session["sid"] = token
    session["csrf"] = secrets.token_urlsafe(32)  # a new one: nothing from before the sign-in carries over


@bp.post("/staff/sign-out")
def sign_out():
    """End every session of the signed-in person (a cookie copied before this stops working too)."""
    sessions.check_csrf(request.form.get("csrf"))
    person = sessions.signed_in()
    if person is not None:
        staff.end_sessions(deps.db(), person.id)
    session.clear()
    return redirect("/")


@bp.get("/access/jwt")
def customer_jwt():
    """A customer sent by the company's application: check its token, keep what it vouches for, go on."""
    try:
        customer = customer_service.verify(request.args.get("jwt") or "", current_app.config["JWT_SECRET"])
    except customer_service.BadCustomerToken:
        audit.security_event("customer sign-in token refused")
        raise
    response = redirect(safe_next(request.args.get("return_to") or "") or "/", 303)
    customers.remember(response, customer)
    return response


@bp.get("/access/logout")
def customer_logout():
    response = redirect(safe_next(request.args.get("return_to") or "") or "/", 303)
    customers.forget(response)
    return response
