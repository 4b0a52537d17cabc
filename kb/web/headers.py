"""Response headers every answer carries: a Content-Security-Policy, no MIME sniffing, no referrer to other
sites, no framing; and staff's answers are never stored by a shared cache.

kb's pages load their scripts and styles from ``/static`` only and draw with inline SVG, so the policy
allows nothing inline and nothing from elsewhere (the JSON data blocks the staff pages embed are
``<script type="application/json">``, which browsers never run). A request with ``OPTIONS`` is answered
405 in the JSON error shape: kb does not take cross-origin calls, so it has no preflight to answer.
"""

from __future__ import annotations

from flask import Flask, Response, g, request

from kb.web import auth
from kb.web.errors import ApiError

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class NoPreflight(ApiError):
    def __init__(self) -> None:
        super().__init__(405, "method_not_allowed", "kb answers no OPTIONS requests (it takes no cross-origin calls)")


def init_app(app: Flask) -> None:
    @app.before_request
    def _no_options():
        if request.method == "OPTIONS":
            raise NoPreflight()
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        # What staff are shown (internal articles, their pages) must not sit in a shared cache, nor be
        # served to the next person from one; customers' answers vary with these headers too.
        response.vary.update(("Cookie", "Authorization"))
        # A signed-in customer's pages hold their segments' articles: private too.
        if g.get("kb_role") in auth.STAFF_ROLES or g.get("kb_person") is not None or g.get("kb_customer") is not None:
            response.headers["Cache-Control"] = "private, no-store"
        return response
