"""What the operator's log says about requests: one access line per request, and security events.

    kb.access   INFO     203.0.113.7 GET /api/v1/search 200 41.2 ms
    kb.security WARNING  sign-in refused (wrong password) for ana@example.com from 203.0.113.7

Access lines name the path, never the query string (queries, e-mail addresses and tokens stay out of
the log). Security events (a refused password or code, a refused API token, a rate limit) are
warnings with the client's address, for fail2ban-style tools. ``kb serve`` shows the access log.
"""

from __future__ import annotations

import logging
import time

from flask import Flask, current_app, g, request

access_log = logging.getLogger("kb.access")
security_log = logging.getLogger("kb.security")


def init_app(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_access_line)


def client_address() -> str:
    """The client's address: the connection's, or ``KB_TRUSTED_PROXIES`` hops back in X-Forwarded-For."""
    hops = current_app.config["TRUSTED_PROXIES"]
    if hops > 0:
        forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",") if a.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.remote_addr or "unknown"


def security_event(what: str, who: str = "") -> None:
    """A warning for the operator: ``what`` happened (for ``who``, if known) from the client's address."""
    who = _printable(who[:320])
    security_log.warning("%s%s from %s", what, f" for {who}" if who else "", client_address())


def _start() -> None:
    g.kb_started = time.perf_counter()


def _access_line(response):
    if access_log.isEnabledFor(logging.INFO):
        started = g.get("kb_started")
        took = (time.perf_counter() - started) * 1000 if started is not None else 0.0
        path = _printable(request.path[:500])
        access_log.info("%s %s %s %d %.1f ms", client_address(), request.method, path, response.status_code, took)
    return response


def _printable(text: str) -> str:
    """``text`` with control characters escaped: a client cannot write lines into the operator's log."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
