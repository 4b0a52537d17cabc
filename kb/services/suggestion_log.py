"""Suggestions made to agents, what agents did with them, and the content gaps they revealed.

Every suggestion request is a row (where it came from, the ticket's id in that system, who asked,
which articles were suggested with their confidence). Feedback (``used``, ``helpful``,
``not_relevant``) is stored against it. A suggestion whose best confidence is below the threshold is
also a content gap, kept with the cleaned ticket text for the owners' review queue. The ticket text
itself is kept only for gaps: a ticket is customer data, and a confident suggestion needs none of it.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import JSON, Boolean, DateTime, Engine, Float, ForeignKey, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kb.services.analytics import utc
from kb.services.tables import Base

OUTCOMES = ("used", "helpful", "not_relevant")
MAX_GAP_TEXT = 4000


class SuggestionRecord(Base):
    __tablename__ = "suggestions"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    source: Mapped[str] = mapped_column(String(16))  # api | zendesk | freshdesk | jira | servicenow | console
    external_id: Mapped[str | None] = mapped_column(String(200))  # the ticket's id in its system
    role: Mapped[str] = mapped_column(String(16))  # who asked: customer | agent | owner | admin
    language: Mapped[str | None] = mapped_column(String(8))
    shown: Mapped[list] = mapped_column(JSON, default=list)  # [{"id", "confidence"}] best first
    top_confidence: Mapped[float] = mapped_column(Float)
    gap: Mapped[bool] = mapped_column(Boolean, default=False)
    took_ms: Mapped[float] = mapped_column(Float)


class SuggestionFeedback(Base):
    __tablename__ = "suggestion_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    suggestion_id: Mapped[str] = mapped_column(ForeignKey("suggestions.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[str] = mapped_column(String(400), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    position: Mapped[int | None] = mapped_column(Integer)  # 1-based among the suggestions; None: not suggested
    role: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ContentGap(Base):
    __tablename__ = "content_gaps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # ticket (searches with no result are in search_queries)
    suggestion_id: Mapped[str | None] = mapped_column(ForeignKey("suggestions.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)  # the cleaned ticket: subject and the customer's own words
    language: Mapped[str | None] = mapped_column(String(8))
    top_confidence: Mapped[float] = mapped_column(Float)


@dataclass(frozen=True, slots=True)
class OutcomeCounts:
    used: int
    helpful: int
    not_relevant: int


def new_suggestion_id() -> str:
    """Unguessable: the id is what lets its holder send feedback on the suggestion."""
    return "sug_" + secrets.token_urlsafe(16)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def record_suggestion(
    engine: Engine,
    *,
    suggestion_id: str,
    source: str,
    external_id: str | None,
    role: str,
    language: str | None,
    shown: list[dict],
    top_confidence: float,
    gap: bool,
    took_ms: float,
    ticket_text: str,
) -> None:
    with Session(engine) as session, session.begin():
        session.add(
            SuggestionRecord(
                id=suggestion_id,
                at=_now(),
                source=source,
                external_id=external_id,
                role=role,
                language=language,
                shown=shown,
                top_confidence=top_confidence,
                gap=gap,
                took_ms=took_ms,
            )
        )
        if gap:
            session.flush()
            session.add(
                ContentGap(
                    at=_now(),
                    kind="ticket",
                    suggestion_id=suggestion_id,
                    text=ticket_text[:MAX_GAP_TEXT],
                    language=language,
                    top_confidence=top_confidence,
                )
            )


def get_suggestion(engine: Engine, suggestion_id: str) -> SuggestionRecord | None:
    with Session(engine) as session:
        row = session.get(SuggestionRecord, suggestion_id)
        if row is not None:
            session.expunge(row)
        return row


def record_feedback(
    engine: Engine, suggestion: SuggestionRecord, article_id: str, outcome: str, role: str
) -> OutcomeCounts:
    """Store one outcome; returns the article's totals over every suggestion, this one included."""
    shown = [s["id"] for s in suggestion.shown]
    position = shown.index(article_id) + 1 if article_id in shown else None
    with Session(engine) as session, session.begin():
        session.add(
            SuggestionFeedback(
                suggestion_id=suggestion.id,
                article_id=article_id,
                outcome=outcome,
                position=position,
                role=role,
                at=_now(),
            )
        )
    return outcome_counts(engine, article_id)


def outcome_counts(engine: Engine, article_id: str) -> OutcomeCounts:
    with Session(engine) as session:
        rows = session.execute(
            select(SuggestionFeedback.outcome, func.count())
            .where(SuggestionFeedback.article_id == article_id)
            .group_by(SuggestionFeedback.outcome)
        ).all()
    counts = dict(rows)
    return OutcomeCounts(*(counts.get(o, 0) for o in OUTCOMES))


def content_gaps(engine: Engine, limit: int = 100) -> list[ContentGap]:
    with Session(engine) as session:
        rows = list(session.scalars(select(ContentGap).order_by(ContentGap.at.desc()).limit(limit)))
        for row in rows:
            session.expunge(row)
        return rows


def feedback_by_article(engine: Engine) -> dict[str, list[tuple[dt.datetime, str]]]:
    """Every agent outcome, per article: (when, outcome)."""
    out: dict[str, list[tuple[dt.datetime, str]]] = {}
    with Session(engine) as session:
        for article_id, at, outcome in session.execute(
            select(SuggestionFeedback.article_id, SuggestionFeedback.at, SuggestionFeedback.outcome)
        ):
            out.setdefault(article_id, []).append((utc(at), outcome))
    return out


def times_suggested(engine: Engine, since: dt.datetime) -> dict[str, int]:
    """How often each article was among the suggestions made since ``since``."""
    counts: dict[str, int] = {}
    with Session(engine) as session:
        for (shown,) in session.execute(select(SuggestionRecord.shown).where(SuggestionRecord.at >= since)):
            for item in shown or ():
                counts[item["id"]] = counts.get(item["id"], 0) + 1
    return counts


def gaps_since(engine: Engine, since: dt.datetime) -> list[ContentGap]:
    """Low-confidence tickets since ``since``, newest first."""
    with Session(engine) as session:
        rows = list(session.scalars(select(ContentGap).where(ContentGap.at >= since).order_by(ContentGap.at.desc())))
        for row in rows:
            session.expunge(row)
        return rows
