"""Who is asking: an anonymous customer, staff holding an API token (agent, owner, admin), or staff
signed in to the web pages (``kb.web.signin`` and ``kb.web.sessions``: password and TOTP).

API tokens travel in ``Authorization: Bearer kb_...``. No header means a customer; a header with a
token kb does not know (wrong, revoked, malformed) is refused with 401, never treated as a customer:
an integration with a bad token must fail loudly, not silently lose the internal articles.
"""

from __future__ import annotations

from flask import current_app, g, request

from kb.services import tokens
from kb.web import audit, customers, sessions
from kb.web.errors import ApiError

CUSTOMER = "customer"
STAFF_ROLES = tokens.ROLES


SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def role() -> str:
    """The caller's role for this request (looked up once): an API token's, else a signed-in person's,
    else a customer's. A request that changes something counts as the signed-in person's only with the
    session's CSRF token in X-CSRF-Token: a request forged by another site gets a customer's rights."""
    if "kb_role" not in g:
        header = request.headers.get("Authorization")
        if header is None:
            g.kb_role, g.kb_who = CUSTOMER, ""
            person = sessions.signed_in() if request.cookies.get(sessions.COOKIE) else None
            if person is not None and (
                request.method in SAFE_METHODS or sessions.csrf_ok(request.headers.get("X-CSRF-Token"))
            ):
                g.kb_role, g.kb_who = person.role, person.name
        else:
            found = tokens.holder_of(current_app.extensions["kb.db"], header)
            if found is None:
                audit.security_event("API token refused (missing, malformed, unknown or revoked)")
                raise ApiError(401, "unauthorized", "the API token is missing, malformed, unknown or revoked")
            g.kb_role, g.kb_who = found.role, found.name
    return g.kb_role


def who() -> str:
    """The name of the caller's token (``kb token create --name``); empty for a customer."""
    role()
    return g.kb_who


def require_role(*roles: str) -> str:
    """The caller's role if it is one of ``roles``: 401 without a token, 403 with another role's."""
    current = require_staff()
    if current not in roles:
        raise ApiError(403, "forbidden", f"this needs a token with the role {' or '.join(roles)}, not {current}")
    return current


def is_staff() -> bool:
    return role() in STAFF_ROLES


def segments() -> frozenset[str]:
    """The segments a customer's sign-in carries (``kb.web.customers``); staff see every segment anyway."""
    return frozenset() if is_staff() else customers.segments()


def require_staff() -> str:
    """The caller's staff role, or a 401 for customers."""
    if not is_staff():
        raise ApiError(401, "unauthorized", "this endpoint needs an API token (`kb token create --role agent`)")
    return role()
