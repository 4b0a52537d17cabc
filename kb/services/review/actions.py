"""What owners did with the queue: reviewed or snoozed an article (the review_actions table)."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import Date, DateTime, Engine, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kb.services import analytics
from kb.services.review.policy import ReviewError
from kb.services.tables import Base

log = logging.getLogger(__name__)

ACTIONS = ("reviewed", "snooze")
SNOOZE_DAYS = 14  # a snooze without "days"
MAX_SNOOZE_DAYS = 365
MAX_NOTE_CHARS = 2000


class ReviewAction(Base):
    __tablename__ = "review_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(String(400), index=True)
    action: Mapped[str] = mapped_column(String(16))  # reviewed | snooze
    by: Mapped[str] = mapped_column(String(200))  # the token's name (or the CLI user)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    until: Mapped[dt.date | None] = mapped_column(Date)  # snooze: hidden from the queue until this day
    note: Mapped[str] = mapped_column(Text, default="")


def record_action(
    db: Engine,
    article_id: str,
    action: str,
    by: str,
    days: int | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> ReviewAction:
    """Record that ``by`` reviewed or snoozed an article. ``reviewed`` clears the time-based reasons until
    the next interval; ``snooze`` hides the article for ``days`` (SNOOZE_DAYS without)."""
    if action not in ACTIONS:
        raise ReviewError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    if days is not None and action != "snooze":
        raise ReviewError("days goes with action snooze only")
    if days is not None and not 1 <= days <= MAX_SNOOZE_DAYS:
        raise ReviewError(f"days must be a whole number from 1 to {MAX_SNOOZE_DAYS}")
    now = dt.datetime.now(dt.UTC)
    today = today or now.date()
    until = today + dt.timedelta(days=days or SNOOZE_DAYS) if action == "snooze" else None
    row = ReviewAction(
        article_id=article_id, action=action, by=by[:200], at=now, until=until, note=note[:MAX_NOTE_CHARS]
    )
    with Session(db) as session, session.begin():
        session.add(row)
        session.flush()
        session.expunge(row)
    log.info("%s: %s by %s%s", article_id, action, row.by, f" until {until}" if until else "")
    return row


def last_actions(db: Engine) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
    """Per article: the day of its last recorded review, and the day its latest snooze ends."""
    reviewed: dict[str, dt.date] = {}
    snoozed: dict[str, dt.date] = {}
    with Session(db) as session:
        for article_id, action, at, until in session.execute(
            select(ReviewAction.article_id, ReviewAction.action, ReviewAction.at, ReviewAction.until).order_by(
                ReviewAction.at
            )
        ):
            if action == "reviewed":
                reviewed[article_id] = analytics.utc(at).date()
            elif until is not None:
                snoozed[article_id] = until
    return reviewed, snoozed
