"""API tokens for integrations (help desks calling kb): one per system, with a role, revocable.

A token is shown once, when it is created; the database keeps its SHA-256 only. A token is 256 random
bits, not a password a person chose: a fast hash loses nothing against guessing, and lets a request be
checked with one indexed lookup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass

from sqlalchemy import DateTime, Engine, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from indexer.errors import KbError
from kb.services.tables import Base

log = logging.getLogger(__name__)

ROLES = ("agent", "owner", "admin")
PREFIX = "kb_"


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    hint: Mapped[str] = mapped_column(String(16))  # the first characters, to tell tokens apart in a list
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class TokenError(KbError, ValueError, code="invalid_body"):
    """A token request that cannot be done, in one sentence."""


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    name: str
    role: str
    hint: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(engine: Engine, role: str, name: str = "") -> tuple[TokenInfo, str]:
    """A new token for ``role``: its record and the token itself (not stored; show it once)."""
    if role not in ROLES:
        raise TokenError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        name=name.strip()[:200] or role,
        role=role,
        token_hash=_hash(token),
        hint=token[: len(PREFIX) + 6],
        created_at=dt.datetime.now(dt.UTC),
    )
    with Session(engine) as session, session.begin():
        session.add(row)
        session.flush()
        info = _info(row)
    log.info("API token %d (%s, %s) created", info.id, info.role, info.name)  # never the token itself
    return info, token


def revoke_token(engine: Engine, token_id: int) -> TokenInfo:
    with Session(engine) as session, session.begin():
        row = session.get(ApiToken, token_id)
        if row is None:
            raise TokenError(f"no token with id {token_id}")
        if row.revoked_at is None:
            row.revoked_at = dt.datetime.now(dt.UTC)
            log.info("API token %d (%s, %s) revoked", row.id, row.role, row.name)
        return _info(row)


def list_tokens(engine: Engine) -> list[TokenInfo]:
    with Session(engine) as session:
        return [_info(r) for r in session.scalars(select(ApiToken).order_by(ApiToken.id))]


def role_of(engine: Engine, authorization: str | None) -> str | None:
    """The role of a live token in an ``Authorization: Bearer <token>`` header; None for anything else."""
    holder = holder_of(engine, authorization)
    return holder.role if holder is not None else None


def holder_of(engine: Engine, authorization: str | None) -> TokenInfo | None:
    """The live token in an ``Authorization: Bearer <token>`` header (its name says who acts); None otherwise."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token.startswith(PREFIX) or len(token) > 200:
        return None
    with Session(engine) as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash(token)))
        if row is None or row.revoked_at is not None:
            return None
        return _info(row)


def _info(row: ApiToken) -> TokenInfo:
    return TokenInfo(row.id, row.name, row.role, row.hint, row.created_at, row.revoked_at)
