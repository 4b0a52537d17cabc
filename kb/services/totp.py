"""Time-based one-time passwords (RFC 6238, the codes authenticator apps show): HMAC-SHA1, 30 s, 6 digits.

Small enough to keep here (tests check it against the RFC's own vectors); the QR code that carries the
secret to the app is drawn by segno.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote, urlencode

STEP = 30  # seconds per code
DIGITS = 6
WINDOW = 1  # codes one step before or after are accepted too (clocks drift, people type slowly)


def new_secret() -> str:
    """A random 160-bit secret, base32 without padding (what authenticator apps take)."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")


def _key(secret: str) -> bytes:
    secret = secret.strip().replace(" ", "").upper()
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def code_at(secret: str, step: int, digits: int = DIGITS, digest=hashlib.sha1) -> str:
    """The code of time step ``step`` (RFC 4226's HOTP over the step counter)."""
    mac = hmac.new(_key(secret), struct.pack(">Q", step), digest).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def current_step(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // STEP)


def verify(secret: str, code: str, last_step: int | None = None, now: float | None = None) -> int | None:
    """The time step ``code`` belongs to (within ``WINDOW``), or None. A step at or before ``last_step``
    (the last code accepted) is refused: a code works once."""
    code = "".join(code.split())
    if not code.isdigit() or len(code) != DIGITS:
        return None
    step = current_step(now)
    for candidate in range(step - WINDOW, step + WINDOW + 1):
        if last_step is not None and candidate <= last_step:
            continue
        if hmac.compare_digest(code_at(secret, candidate), code):
            return candidate
    return None


def provisioning_uri(secret: str, account: str, issuer: str = "kb") -> str:
    """The ``otpauth://`` URI an authenticator app reads from the QR code."""
    query = urlencode({"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": STEP})
    return f"otpauth://totp/{quote(issuer)}:{quote(account)}?{query}"
