"""Rate limits on the public endpoints: a token bucket per client address, per process.

Customers' reads (search, autocomplete, articles, the help-center pages) and writes (votes, clicks,
anonymous suggestions and their feedback) have their own budgets per minute
(``KB_RATE_LIMIT_READS_PER_MINUTE``, ``KB_RATE_LIMIT_WRITES_PER_MINUTE``; 0 turns one off). A request
over budget gets 429 in the JSON error shape with ``Retry-After``. Requests with a valid API token are
staff or integrations and are not limited, except on the sign-in endpoints; any other Authorization
header is refused with 401, on every endpoint.

Each server process keeps its own buckets: with N processes a client gets up to N times the budget.
The client is ``request.remote_addr``; behind a reverse proxy, ``KB_TRUSTED_PROXIES`` (how many) lets
kb read the client from ``X-Forwarded-For`` instead.
"""

from __future__ import annotations

import math
import threading
import time

from flask import Flask, request

from kb.web import audit, auth, sessions
from kb.web.errors import ApiError

READS = {
    "api.search", "api.autocomplete", "api.article", "api.categories", "api.category", "api.section",
    "pages.search", "pages.article", "pages.home", "pages.category", "pages.section",
    "contact.page", "contact.suggestions",
}  # fmt: skip
SIGN_IN = {
    "signin.sign_in",  # password guessing
    "signin.code",  # code guessing
    "signin.enrol",
}
WRITES = {
    "api.feedback", "api.click", "agent.suggest_endpoint", "agent.suggestion_feedback",
    "contact.send", "contact.send_form", "contact.event", "signin.customer_jwt",
} | SIGN_IN  # fmt: skip
VOTES = {"api.feedback"}  # also limited by their own, smaller budget
VOTE_BURST = 3
MAX_CLIENTS = 50_000  # buckets kept per kind; full ones are forgotten first


class Buckets:
    """Token buckets: ``per_minute`` tokens, refilled continuously, at most ``burst`` at once (all of a
    minute's by default); one per client key."""

    def __init__(self, per_minute: int, burst: int | None = None) -> None:
        self.capacity = float(burst or per_minute)
        self.rate = per_minute / 60.0  # tokens per second
        self._state: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> float:
        """Spend one token of ``key``'s bucket: 0.0 if there was one, else the seconds until there is."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, at = self._state.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - at) * self.rate)
            if tokens >= 1.0:
                self._state[key] = (tokens - 1.0, now)
                if len(self._state) > MAX_CLIENTS:
                    self._forget(now)
                return 0.0
            self._state[key] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def _forget(self, now: float) -> None:
        full = [k for k, (tokens, at) in self._state.items() if tokens + (now - at) * self.rate >= self.capacity]
        for key in full or list(self._state)[: len(self._state) // 2]:
            del self._state[key]


def init_app(app: Flask) -> None:
    config = app.config
    buckets = {
        kind: Buckets(per_minute, burst)
        for kind, per_minute, burst in (
            ("read", config["RATE_LIMIT_READS_PER_MINUTE"], None),
            ("write", config["RATE_LIMIT_WRITES_PER_MINUTE"], None),
            # Votes: a few at once (a reader votes on an article, maybe on a second), then a few a minute.
            ("vote", config["RATE_LIMIT_VOTES_PER_MINUTE"], VOTE_BURST),
        )
        if per_minute > 0
    }
    app.extensions["kb.limits"] = buckets

    @app.before_request
    def _limit():
        endpoint = request.endpoint or ""
        if "Authorization" in request.headers:
            auth.role()  # a wrong or revoked token is a 401 on every endpoint, limited or not
        kind = "read" if endpoint in READS else "write" if endpoint in WRITES else None
        if kind is None or kind not in buckets:
            return None
        # Staff (a valid token, or a signed-in session) are not limited, except when signing in: a token
        # or a session must not buy unlimited password guesses for another account.
        staff = "Authorization" in request.headers or request.cookies.get(sessions.COOKIE)
        if endpoint not in SIGN_IN and staff and auth.is_staff():
            return None
        wait = buckets[kind].take(audit.client_address())
        if wait == 0 and endpoint in VOTES and "vote" in buckets:
            wait = buckets["vote"].take(audit.client_address())
        if wait > 0:
            audit.security_event(f"rate limited ({kind}s of {endpoint})")
            raise TooMany(math.ceil(wait))
        return None


class TooMany(ApiError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(429, "rate_limited", f"too many requests from this client; try again in {retry_after} s")
        self.retry_after = retry_after
