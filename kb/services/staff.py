"""Staff accounts for the web pages: a password (scrypt hash), a TOTP second factor, recovery codes, and
the sessions a sign-in opens.

An account is created with ``kb user create`` (password only); at its first sign-in the person enrols an
authenticator app (a QR code of a new secret) and confirms it with a code, and gets ten single-use
recovery codes, shown once and stored hashed. From then on a sign-in is password, then a code (or a
recovery code). Every check costs the same whether the account exists or not, so a sign-in form does
not tell which accounts exist.

- **Secrets at rest**: the TOTP secret is encrypted (Fernet: AES-128-CBC + HMAC-SHA256) with a key kept
  apart from the database (``KB_TOTP_KEY``, else ``DATA_DIR/totp_key``): a copy of the database alone
  does not let anyone make codes.
- **Once means once**: a code's time step and a recovery code are spent in the same statement that
  checks them is still unspent, so parallel submissions of one code succeed once, on SQLite (which
  ignores ``SELECT ... FOR UPDATE``) as on PostgreSQL.
- **Lockout**: ``max_failures`` wrong passwords or codes for one e-mail address within ``lock_minutes``
  lock that address's sign-in for the rest of the window, from every client address; the same for an
  address with no account, so the lock tells nothing either.
- **Sessions** live in the database: the cookie holds a random id; signing out, disabling the account
  or resetting its second factor ends every session of that person at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import JSON, DateTime, Engine, ForeignKey, Integer, String, Text, delete, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from indexer.errors import KbError
from kb.services import tokens, totp
from kb.services.analytics import utc
from kb.services.keys import TOTP_KEY_FILE as TOTP_KEY_FILE  # re-exported: backups copy the key file
from kb.services.keys import kept_key as kept_key
from kb.services.keys import new_key as new_key
from kb.services.keys import secret_key as secret_key
from kb.services.keys import totp_key as totp_key
from kb.services.tables import Base

log = logging.getLogger(__name__)

MIN_PASSWORD = 12
RECOVERY_CODES = 10
_DUMMY_HASH = generate_password_hash("kb: an account that does not exist")


class StaffError(KbError, ValueError, code="invalid_body"):
    """A staff-account request that cannot be done, in one sentence."""


class KeyMismatch(StaffError, status=503, code="bad_configuration"):
    """The stored second-factor secrets were encrypted with another key than the configured one."""

    public_message = "staff sign-in is misconfigured; the operator's log says why"


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # agent | owner | admin
    password_hash: Mapped[str] = mapped_column(String(256))
    totp_secret: Mapped[str | None] = mapped_column(String(64))  # before kb encrypted them; moved at start-up
    totp_secret_enc: Mapped[str | None] = mapped_column(Text)  # the secret, encrypted; set once enrolled
    totp_last_step: Mapped[int | None] = mapped_column(Integer)  # a code works once
    recovery_hashes: Mapped[list] = mapped_column(JSON, default=list)  # SHA-256 of the unused codes
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    disabled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class StaffSession(Base):
    """A signed-in browser: the cookie carries ``token``; the table keeps its SHA-256."""

    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the cookie's token
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class SignInFailure(Base):
    """One wrong password or code for an e-mail address (whether or not it has an account)."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


@dataclass(frozen=True, slots=True)
class Staff:
    id: int
    email: str
    name: str
    role: str
    enrolled: bool


@dataclass(frozen=True, slots=True)
class StaffInfo:
    """An account as ``kb user list`` and the admins' page show it."""

    id: int
    email: str
    name: str
    role: str
    enrolled: bool
    recovery_codes_left: int
    created_at: dt.datetime
    disabled_at: dt.datetime | None
    sessions: int  # live sessions


@dataclass(frozen=True, slots=True)
class Lockout:
    """When sign-in locks an e-mail address: ``max_failures`` wrong passwords or codes in ``minutes``."""

    max_failures: int = 10
    minutes: int = 15


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _cipher(key: str) -> Fernet:
    try:
        return Fernet(key.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise StaffError(
            "the TOTP key must be 32 url-safe base64-encoded bytes (make one with `kb user key`)"
        ) from None


def encrypt_plain_secrets(engine: Engine, key: str) -> None:
    """Encrypt with ``key`` the second-factor secrets an older kb stored in plain text (a data step that
    needs the running kb's key, so not a migration)."""
    cipher = _cipher(key)
    with Session(engine) as session, session.begin():
        for row in session.scalars(select(StaffUser).where(StaffUser.totp_secret.is_not(None))):
            row.totp_secret_enc = cipher.encrypt(row.totp_secret.encode("ascii")).decode("ascii")
            row.totp_secret = None


def _enrolled(row: StaffUser) -> bool:
    return row.totp_secret_enc is not None or row.totp_secret is not None


def _secret(row: StaffUser, key: str) -> str | None:
    if row.totp_secret_enc is not None:
        try:
            return _cipher(key).decrypt(row.totp_secret_enc.encode("ascii")).decode("ascii")
        except InvalidToken:
            raise KeyMismatch(
                "the TOTP secrets cannot be read with this TOTP key (KB_TOTP_KEY or DATA_DIR/totp_key); restore "
                "the key they were made with, or reset the second factors (`kb user reset-2fa`)"
            ) from None
    return row.totp_secret


def _staff(row: StaffUser) -> Staff:
    return Staff(row.id, row.email, row.name, row.role, _enrolled(row))


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
            created_at=_now(),
        )
        session.add(row)
        session.flush()
        created = _staff(row)
    log.info("staff account %d (%s, %s) created", created.id, email, role)
    return created


# -- lockout -------------------------------------------------------------------------------------------


def locked_for(db: Engine, email: str, policy: Lockout) -> int:
    """Seconds until ``email`` may try to sign in again (0: now)."""
    if policy.max_failures <= 0:
        return 0
    since = _now() - dt.timedelta(minutes=policy.minutes)
    with Session(db) as session:
        times = session.scalars(
            select(SignInFailure.at)
            .where(SignInFailure.email == _normal(email)[:320], SignInFailure.at >= since)
            .order_by(SignInFailure.at.desc())
            .limit(policy.max_failures)
        ).all()
    if len(times) < policy.max_failures:
        return 0
    # Locked until the oldest of the last max_failures failures leaves the window.
    until = utc(times[-1]) + dt.timedelta(minutes=policy.minutes)
    return max(1, int((until - _now()).total_seconds()) + 1)


def record_failure(db: Engine, email: str) -> None:
    with Session(db) as session, session.begin():
        session.add(SignInFailure(email=_normal(email)[:320], at=_now()))
        # Old failures say nothing any more: keep the table small.
        session.execute(delete(SignInFailure).where(SignInFailure.at < _now() - dt.timedelta(days=1)))


def clear_failures(db: Engine, email: str) -> None:
    with Session(db) as session, session.begin():
        session.execute(delete(SignInFailure).where(SignInFailure.email == _normal(email)[:320]))


# -- factors -------------------------------------------------------------------------------------------


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


def confirm_enrolment(db: Engine, user_id: int, secret: str, code: str, key: str) -> list[str] | None:
    """Store ``secret`` (encrypted) if ``code`` is its current code: returns the new recovery codes (show
    them once). Enrolment happens once: a second confirmation, even in parallel, stores nothing."""
    step = totp.verify(secret, code)
    if step is None:
        return None
    codes = [f"{secrets.token_hex(4)}-{secrets.token_hex(4)}" for _ in range(RECOVERY_CODES)]
    encrypted = _cipher(key).encrypt(secret.encode("ascii")).decode("ascii")
    with Session(db) as session, session.begin():
        done = session.execute(
            update(StaffUser)
            .where(
                StaffUser.id == user_id,
                StaffUser.totp_secret.is_(None),
                StaffUser.totp_secret_enc.is_(None),
                StaffUser.disabled_at.is_(None),
            )
            .values(totp_secret_enc=encrypted, totp_last_step=step, recovery_hashes=[_hash_code(c) for c in codes])
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:
            return None
    return codes


def check_second_factor(db: Engine, user_id: int, code: str, key: str) -> bool:
    """A current TOTP code (once), or an unused recovery code (then spent)."""
    with Session(db) as session, session.begin():
        # A write first: it takes the row's lock on PostgreSQL and the database's write lock on SQLite
        # (which ignores FOR UPDATE), so a parallel check of the same code waits and then sees it spent.
        session.execute(
            update(StaffUser)
            .where(StaffUser.id == user_id)
            .values(id=StaffUser.id)
            .execution_options(synchronize_session=False)
        )
        row = session.get(StaffUser, user_id, with_for_update=True, populate_existing=True)
        if row is None or not _enrolled(row) or row.disabled_at is not None:
            return False
        step = totp.verify(_secret(row, key), code, row.totp_last_step)
        if step is not None:
            # Spent only if still unspent: the conditional update is the check that counts.
            spent = session.execute(
                update(StaffUser)
                .where(
                    StaffUser.id == user_id,
                    (StaffUser.totp_last_step.is_(None)) | (StaffUser.totp_last_step < step),
                )
                .values(totp_last_step=step)
                .execution_options(synchronize_session=False)
            )
            return spent.rowcount == 1
        hashed = _hash_code(code)
        if hashed in (row.recovery_hashes or []):
            row.recovery_hashes = [h for h in row.recovery_hashes if h != hashed]
            return True
    return False


def _hash_code(code: str) -> str:
    return hashlib.sha256("".join(code.lower().split()).encode()).hexdigest()


# -- sessions ------------------------------------------------------------------------------------------


def _session_id(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(db: Engine, user_id: int, hours: int) -> str:
    """A new session for a person who passed both factors: the token for their cookie."""
    token = secrets.token_urlsafe(32)
    now = _now()
    with Session(db) as session, session.begin():
        session.execute(delete(StaffSession).where(StaffSession.expires_at < now - dt.timedelta(days=7)))
        session.add(
            StaffSession(
                id=_session_id(token), user_id=user_id, created_at=now, expires_at=now + dt.timedelta(hours=hours)
            )
        )
    log.info("staff account %d signed in", user_id)
    return token


def session_user(db: Engine, token: str) -> Staff | None:
    """The enabled person whose live (unexpired, unrevoked) session ``token`` is, or None."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    with Session(db) as session:
        found = session.execute(
            select(StaffSession.expires_at, StaffSession.revoked_at, StaffUser)
            .join(StaffUser, StaffUser.id == StaffSession.user_id)
            .where(StaffSession.id == _session_id(token))
        ).first()
    if found is None:
        return None
    expires, revoked, row = found
    if revoked is not None or utc(expires) <= _now() or row.disabled_at is not None:
        return None
    return _staff(row)


def end_sessions(db: Engine, user_id: int) -> int:
    """End every live session of a person (sign-out, disable, reset): returns how many."""
    with Session(db) as session, session.begin():
        done = session.execute(
            update(StaffSession)
            .where(StaffSession.user_id == user_id, StaffSession.revoked_at.is_(None))
            .values(revoked_at=_now())
        )
    if done.rowcount:
        log.info("%d session(s) of staff account %d ended", done.rowcount, user_id)
    return done.rowcount
