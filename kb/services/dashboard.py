"""The owners' analytics dashboard: what customers searched and found, what they said of articles, and
what agents were suggested, over a period (from the analytics and suggestion-log tables; nothing is
stored twice). Staff's own searches and votes are left out of the customers' figures and counted apart."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from kb.services import contact
from kb.services.analytics import ArticleVote, SearchClick, SearchQuery, comments, utc
from kb.services.review import comment_json
from kb.services.suggestion_log import SuggestionFeedback, SuggestionRecord

TOP_SEARCHES = 20
RECENT_COMMENTS = 20  # customers' latest comments on their votes
POSITIONS = 10  # click-through is reported for the first ten positions


def report(db: Engine, start: dt.date, end: dt.date, min_confidence: float) -> dict:
    """The dashboard for the days ``start`` to ``end`` (UTC, both included)."""
    since = dt.datetime.combine(start, dt.time.min, tzinfo=dt.UTC)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    days = [(start + dt.timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]
    per_day = {d: {"searches": 0, "zero_results": 0} for d in days}
    top: dict[str, dict] = {}
    shown_at = [0] * POSITIONS
    clicks_at = [0] * POSITIONS
    with Session(db) as session:
        searches = session.execute(
            select(SearchQuery.id, SearchQuery.at, SearchQuery.query, SearchQuery.results, SearchQuery.shown).where(
                SearchQuery.at >= since,
                SearchQuery.at < until,
                SearchQuery.staff.is_(False),
                SearchQuery.offset == 0,
            )
        ).all()
        for _, at, query, results, shown in searches:
            day = per_day[utc(at).date().isoformat()]
            day["searches"] += 1
            day["zero_results"] += results == 0
            key = " ".join(query.lower().split())
            entry = top.setdefault(key, {"query": key, "count": 0, "zero_results": 0, "clicks": 0})
            entry["count"] += 1
            entry["zero_results"] += results == 0
            for position in range(min(len(shown or ()), POSITIONS)):
                shown_at[position] += 1
        clicked = session.execute(
            select(SearchClick.position, SearchQuery.query)
            .join(SearchQuery, SearchQuery.id == SearchClick.search_id)
            .where(
                SearchQuery.at >= since, SearchQuery.at < until, SearchQuery.staff.is_(False), SearchQuery.offset == 0
            )
        ).all()
        for position, query in clicked:
            if 1 <= position <= POSITIONS:
                clicks_at[position - 1] += 1
            key = " ".join(query.lower().split())
            if key in top:
                top[key]["clicks"] += 1
        votes = dict(
            session.execute(
                select(ArticleVote.helpful, func.count())
                .where(ArticleVote.at >= since, ArticleVote.at < until, ArticleVote.staff.is_not(True))
                .group_by(ArticleVote.helpful)
            ).all()
        )
        staff_searches = session.scalar(
            select(func.count())
            .select_from(SearchQuery)
            .where(
                SearchQuery.at >= since, SearchQuery.at < until, SearchQuery.staff.is_(True), SearchQuery.offset == 0
            )
        )
        suggestions = session.execute(
            select(SuggestionRecord.top_confidence).where(SuggestionRecord.at >= since, SuggestionRecord.at < until)
        ).all()
        outcomes = dict(
            session.execute(
                select(SuggestionFeedback.outcome, func.count())
                .where(SuggestionFeedback.at >= since, SuggestionFeedback.at < until)
                .group_by(SuggestionFeedback.outcome)
            ).all()
        )
    total = len(searches)
    zero = sum(d["zero_results"] for d in per_day.values())
    helpful, not_helpful = votes.get(True, 0), votes.get(False, 0)
    confident = sum(1 for (c,) in suggestions if c >= min_confidence)
    judged = sum(outcomes.values())
    accepted = outcomes.get("used", 0) + outcomes.get("helpful", 0)
    ranked = sorted(top.values(), key=lambda e: (-e["count"], e["query"]))[:TOP_SEARCHES]
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "searches": {
            "total": total,
            "zero_results": zero,
            "zero_result_rate": _share(zero, total),
            "per_day": [{"day": d, **per_day[d]} for d in days],
            "top": ranked,
            "click_through_by_position": [
                {
                    "position": p + 1,
                    "shown": shown_at[p],
                    "clicks": clicks_at[p],
                    "rate": _share(clicks_at[p], shown_at[p]),
                }
                for p in range(POSITIONS)
            ],
        },
        "votes": {
            "helpful": helpful,
            "not_helpful": not_helpful,
            "helpful_ratio": _share(helpful, helpful + not_helpful),
        },
        "comments": [
            {"article_id": c.article_id, **comment_json(c)}
            for c in comments(db, since=since, until=until, limit=RECENT_COMMENTS)
        ],
        "staff": {"searches": staff_searches},
        "suggestions": {
            "total": len(suggestions),
            "confident": confident,
            "confident_share": _share(confident, len(suggestions)),
            "min_confidence": min_confidence,
            "feedback": {o: outcomes.get(o, 0) for o in ("used", "helpful", "not_relevant")},
            "acceptance": _share(accepted, judged),
        },
        "contact": _contact(db, since, until),
    }


def _contact(db: Engine, since: dt.datetime, until: dt.datetime) -> dict:
    """The contact form's deflection in the period (``kb.services.contact``)."""
    found = contact.deflection(db, since, until)
    return {
        "requests": found.requests, "forms_with_suggestions": found.forms, "opened": found.opened,
        "resolved": found.resolved, "sent_anyway": found.sent, "deflection_rate": found.rate,
    }  # fmt: skip


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
