"""Customers the company's own application vouches for: a short-lived HS256 token (JWT) signed with a
shared secret, carrying the segments the customer belongs to and optionally their name and e-mail, as
Zendesk's JWT single sign-on does (https://support.zendesk.com/hc/en-us/articles/4408845838874).

The application links to ``/access/jwt?jwt=<token>&return_to=/…``; kb checks the token here and keeps
what it says in a signed cookie (``kb.web.customers``). Segment articles are shown to nobody else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jwt

from indexer.errors import KbError
from indexer.schema import SEGMENT_PATTERN

MAX_TOKEN_SECONDS = 600  # a token links once, at once: exp at most 10 minutes after iat
LEEWAY_SECONDS = 60  # clocks of two machines disagree a little
MAX_SEGMENTS = 50


class BadCustomerToken(KbError, status=401, code="invalid_token"):
    """The customer sign-in token is missing, malformed, badly signed, expired or too long-lived."""


class CustomerSigninOff(KbError, status=404, code="not_found"):
    """JWT_SECRET is not set: there is no customer sign-in."""


@dataclass(frozen=True, slots=True)
class Customer:
    segments: frozenset[str]
    name: str = ""
    email: str = ""


def segment_names(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or len(items) > MAX_SEGMENTS:
        raise BadCustomerToken(f"the token's segments must be a list of at most {MAX_SEGMENTS} names")
    out = set()
    for item in items:
        name = str(item).strip().lower() if isinstance(item, str | int) else ""
        if not SEGMENT_PATTERN.match(name):
            raise BadCustomerToken("a segment name may only hold lowercase letters, digits, '.', '_' and '-'")
        out.add(name)
    return frozenset(out)


def _text(value, limit: int) -> str:
    return " ".join(value.split())[:limit] if isinstance(value, str) else ""


def verify(token: str, secret: str, now: dt.datetime | None = None) -> Customer:
    """The customer a token vouches for, or ``BadCustomerToken`` saying why not."""
    if not secret:
        raise CustomerSigninOff("customer sign-in is not configured")
    if not token or len(token) > 8000:
        raise BadCustomerToken("the jwt parameter must hold a token")
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],  # never "none", never one the token chooses
            options={"require": ["exp", "iat"]},
            leeway=LEEWAY_SECONDS,
        )
    except jwt.ExpiredSignatureError:
        raise BadCustomerToken("the sign-in token has expired; sign in again from the application") from None
    except jwt.InvalidTokenError as exc:
        raise BadCustomerToken(f"the sign-in token is not valid ({exc})") from None
    issued, expires = claims["iat"], claims["exp"]
    if not isinstance(issued, int | float) or not isinstance(expires, int | float):
        raise BadCustomerToken("iat and exp must be numbers of seconds")
    if expires - issued > MAX_TOKEN_SECONDS:
        raise BadCustomerToken(f"the sign-in token lives too long: exp must be within {MAX_TOKEN_SECONDS} s of iat")
    now = now or dt.datetime.now(dt.UTC)
    if issued > now.timestamp() + LEEWAY_SECONDS:
        raise BadCustomerToken("the sign-in token was issued in the future")
    return Customer(
        segment_names(claims.get("segments")), _text(claims.get("name"), 200), _text(claims.get("email"), 320)
    )
