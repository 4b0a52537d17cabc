"""A customer's sign-in: what ``kb.services.customers`` verified, kept in a signed cookie
(``kb_customer``: HttpOnly, SameSite=Lax, Secure like the staff's) for CUSTOMER_SESSION_HOURS.

The cookie is signed with the app's secret key (itsdangerous, Flask's own signer) under its own salt,
so a staff session cookie can never pass for it, nor it for one. A cookie that is missing, tampered
with or expired is no customer sign-in: segment-free articles only.
"""

from __future__ import annotations

from flask import current_app, g, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from kb.services.customers import BadCustomerToken, Customer, segment_names

COOKIE = "kb_customer"
_SALT = "kb.customer.v1"


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=_SALT)


def init_app(app) -> None:
    app.jinja_env.globals["signed_in_customer"] = current


def current() -> Customer | None:
    """The signed-in customer of this request, if any (read once)."""
    if "kb_customer" not in g:
        g.kb_customer = None
        raw = request.cookies.get(COOKIE)
        if raw and current_app.config["JWT_SECRET"]:
            try:
                data = _signer().loads(raw, max_age=current_app.config["CUSTOMER_SESSION_HOURS"] * 3600)
                g.kb_customer = Customer(segment_names(data.get("s") or []), data.get("n") or "", data.get("e") or "")
            except (BadSignature, BadCustomerToken, ValueError, TypeError, AttributeError, KeyError):
                g.kb_customer = None  # tampered, expired or from an older kb: no sign-in
    return g.kb_customer


def segments() -> frozenset[str]:
    """The segments the customer carries (none without a sign-in)."""
    found = current()
    return found.segments if found is not None else frozenset()


def remember(response, customer: Customer) -> None:
    value = _signer().dumps({"s": sorted(customer.segments), "n": customer.name, "e": customer.email})
    response.set_cookie(
        COOKIE,
        value,
        max_age=current_app.config["CUSTOMER_SESSION_HOURS"] * 3600,
        httponly=True,
        samesite="Lax",
        secure=secure_cookies(),
    )


def forget(response) -> None:
    response.delete_cookie(COOKIE, httponly=True, samesite="Lax", secure=secure_cookies())


def secure_cookies() -> bool:
    """SESSION_COOKIE_SECURE as Flask holds it (``kb.web.sessions`` makes it a bool)."""
    return current_app.config["SESSION_COOKIE_SECURE"] in (True, "true")
