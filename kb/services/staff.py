"""Staff accounts for the web pages: a password (scrypt hash), a TOTP second factor, recovery codes.

An account is created with ``kb user create`` (password only); at its first sign-in the person enrols an
authenticator app (a QR code of a new secret) and confirms it with a code, and gets ten single-use
recovery codes, shown once and stored hashed. From then on a sign-in is password, then a code (or a
recovery code). Every check costs the same whether the account exists or not, so a sign-in form does
not tell which accounts exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import JSON, DateTime, Engine, Integer, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from kb.services import tokens, totp

MIN_PASSWORD = 12
RECOVERY_CODES = 10
_DUMMY_HASH = generate_password_hash("kb: an account that does not exist")


class StaffError(ValueError):
    """A staff-account request that cannot be done, in one sentence."""


class Base(DeclarativeBase):
    pass


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # agent | owner | admin
    password_hash: Mapped[str] = mapped_column(String(256))
    totp_secret: Mapped[str | None] = mapped_column(String(64))  # set once enrolment is confirmed
    totp_last_step: Mapped[int | None] = mapped_column(Integer)  # a code works once
    recovery_hashes: Mapped[list] = mapped_column(JSON, default=list)  # SHA-256 of the unused codes
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    disabled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True, slots=True)
class Staff:
    id: int
    email: str
    name: str
    role: str
    enrolled: bool


def init_db(engine: Engine) -> None:
    Base.metadata.create_all(engine)


def _staff(row: StaffUser) -> Staff:
    return Staff(row.id, row.email, row.name, row.role, row.totp_secret is not None)


def _normal(email: str) -> str:
    return email.strip().lower()


def create_user(db: Engine, email: str, password: str, role: str, name: str = "") -> Staff:
    email = _normal(email)
    if "@" not in email or len(email) > 320:
        raise StaffError("give an e-mail address as the account name")
    if role not in tokens.ROLES:
        raise StaffError(f"role must be one of {', '.join(tokens.ROLES)}, not {role!r}")
    if len(password) < MIN_PASSWORD:
        raise StaffError(f"the password must have at least {MIN_PASSWORD} characters")
    with Session(db) as session, session.begin():
        if session.scalar(select(StaffUser).where(StaffUser.email == email)) is not None:
            raise StaffError(f"there is already an account {email}")
        row = StaffUser(
            email=email,
            name=name.strip()[:200] or email,
            role=role,
            password_hash=generate_password_hash(password),
            recovery_hashes=[],
            created_at=dt.datetime.now(dt.UTC),
        )
        session.add(row)
        session.flush()
        return _staff(row)


def check_password(db: Engine, email: str, password: str) -> Staff | None:
    """The account if ``password`` is its password (and it is enabled); None otherwise, in the same time."""
    with Session(db) as session:
        row = session.scalar(select(StaffUser).where(StaffUser.email == _normal(email)))
    if row is None or row.disabled_at is not None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    return _staff(row) if check_password_hash(row.password_hash, password) else None


def get(db: Engine, user_id: int) -> Staff | None:
    with Session(db) as session:
        row = session.get(StaffUser, user_id)
        return _staff(row) if row is not None and row.disabled_at is None else None


def confirm_enrolment(db: Engine, user_id: int, secret: str, code: str) -> list[str] | None:
    """Store ``secret`` if ``code`` is its current code: returns the new recovery codes (show them once)."""
    step = totp.verify(secret, code)
    if step is None:
        return None
    codes = [f"{secrets.token_hex(4)}-{secrets.token_hex(4)}" for _ in range(RECOVERY_CODES)]
    with Session(db) as session, session.begin():
        row = session.get(StaffUser, user_id)
        if row is None or row.totp_secret is not None:
            return None
        row.totp_secret, row.totp_last_step = secret, step
        row.recovery_hashes = [_hash_code(c) for c in codes]
    return codes


def check_second_factor(db: Engine, user_id: int, code: str) -> bool:
    """A current TOTP code (once), or an unused recovery code (then spent)."""
    with Session(db) as session, session.begin():
        row = session.get(StaffUser, user_id, with_for_update=True)
        if row is None or row.totp_secret is None or row.disabled_at is not None:
            return False
        step = totp.verify(row.totp_secret, code, row.totp_last_step)
        if step is not None:
            row.totp_last_step = step
            return True
        hashed = _hash_code(code)
        if hashed in (row.recovery_hashes or []):
            row.recovery_hashes = [h for h in row.recovery_hashes if h != hashed]
            return True
    return False


def _hash_code(code: str) -> str:
    return hashlib.sha256("".join(code.lower().split()).encode()).hexdigest()
