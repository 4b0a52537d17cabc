"""Staff accounts as admins manage them (``kb user``, the admins' page): list, find, disable or
enable, reset the second factor, delete."""

from __future__ import annotations

import logging

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from kb.services.analytics import utc
from kb.services.staff import StaffError, StaffInfo, StaffSession, StaffUser, _enrolled, _normal, _now, end_sessions

log = logging.getLogger(__name__)


def list_users(db: Engine) -> list[StaffInfo]:
    now = _now()
    with Session(db) as session:
        live = dict(
            session.execute(
                select(StaffSession.user_id, func.count())
                .where(StaffSession.revoked_at.is_(None), StaffSession.expires_at > now)
                .group_by(StaffSession.user_id)
            ).all()
        )
        return [
            StaffInfo(
                r.id,
                r.email,
                r.name,
                r.role,
                _enrolled(r),
                len(r.recovery_hashes or []),
                utc(r.created_at),
                utc(r.disabled_at) if r.disabled_at else None,
                live.get(r.id, 0),
            )
            for r in session.scalars(select(StaffUser).order_by(StaffUser.email))
        ]


def find_user(db: Engine, who: str | int) -> StaffInfo:
    """An account by id or e-mail, or a StaffError saying there is none."""
    for info in list_users(db):
        if (isinstance(who, int) and info.id == who) or (isinstance(who, str) and info.email == _normal(who)):
            return info
    raise StaffError(f"there is no account {who}")


def set_disabled(db: Engine, user_id: int, disabled: bool) -> StaffInfo:
    """Disable (every session ends, no sign-in) or enable an account."""
    with Session(db) as session, session.begin():
        row = session.get(StaffUser, user_id)
        if row is None:
            raise StaffError(f"there is no account {user_id}")
        row.disabled_at = (row.disabled_at or _now()) if disabled else None
    log.info("staff account %d %s", user_id, "disabled" if disabled else "enabled")
    if disabled:
        end_sessions(db, user_id)
    return find_user(db, user_id)


def reset_second_factor(db: Engine, user_id: int) -> StaffInfo:
    """Forget the account's authenticator and recovery codes: it enrols again at its next sign-in."""
    with Session(db) as session, session.begin():
        row = session.get(StaffUser, user_id)
        if row is None:
            raise StaffError(f"there is no account {user_id}")
        row.totp_secret = row.totp_secret_enc = row.totp_last_step = None
        row.recovery_hashes = []
    log.info("second factor of staff account %d reset", user_id)
    end_sessions(db, user_id)
    return find_user(db, user_id)


def delete_user(db: Engine, user_id: int) -> None:
    with Session(db) as session, session.begin():
        session.execute(delete(StaffSession).where(StaffSession.user_id == user_id))
        if session.execute(delete(StaffUser).where(StaffUser.id == user_id)).rowcount != 1:
            raise StaffError(f"there is no account {user_id}")
    log.info("staff account %d deleted", user_id)
