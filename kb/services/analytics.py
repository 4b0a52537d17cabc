"""Search and article analytics in the database: queries, result clicks and "was this helpful?" votes.

Every customer search is a row (text, locale, filters, how many results, latency, which articles were
shown); an opened result is a click with its position; a vote is a row per article. The owners'
review queue and the analytics dashboard read these tables; writers are short transactions, so
several server processes can record at once (SQLite in WAL mode, or PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    func,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from indexer.errors import KbError
from kb.services.tables import Base

log = logging.getLogger(__name__)

MAX_COMMENT_CHARS = 2000


# Search ids are random below 2**53 (new_search_id): 64-bit integers (SQLite's INTEGER is 64-bit already).
SEARCH_ID = BigInteger().with_variant(Integer(), "sqlite")


class SearchQuery(Base):
    __tablename__ = "search_queries"

    id: Mapped[int] = mapped_column(SEARCH_ID, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    query: Mapped[str] = mapped_column(Text)
    locale: Mapped[str | None] = mapped_column(String(8))  # asked for; None = any
    language: Mapped[str | None] = mapped_column(String(8))  # of the query, as detected
    mode: Mapped[str] = mapped_column(String(16))
    filters: Mapped[dict] = mapped_column(JSON, default=dict)
    results: Mapped[int] = mapped_column(Integer)  # total matching articles
    shown: Mapped[list] = mapped_column(JSON, default=list)  # article ids of the page returned, in order
    offset: Mapped[int] = mapped_column(Integer, default=0)
    took_ms: Mapped[float] = mapped_column(Float)
    did_you_mean: Mapped[str | None] = mapped_column(Text)
    staff: Mapped[bool] = mapped_column(Boolean, default=False)
    fallback_locale: Mapped[str | None] = mapped_column(String(8))  # answered in this other language


class SearchClick(Base):
    __tablename__ = "search_clicks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    search_id: Mapped[int] = mapped_column(SEARCH_ID, ForeignKey("search_queries.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[str] = mapped_column(String(400), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 1-based, over all pages
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ArticleVote(Base):
    __tablename__ = "article_votes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(String(400), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str] = mapped_column(Text, default="")
    locale: Mapped[str | None] = mapped_column(String(8))  # of the visitor's interface
    search_id: Mapped[int | None] = mapped_column(SEARCH_ID, ForeignKey("search_queries.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    day: Mapped[dt.date | None] = mapped_column(Date)  # UTC day of the vote (one per visitor, article and day)
    client: Mapped[str | None] = mapped_column(String(64))  # keyed hash of the client address and the day
    staff: Mapped[bool | None] = mapped_column(Boolean)  # cast by staff: kept apart from customers' figures


class ArticleView(Base):
    """A customer opened an article page (staff's readings are not counted)."""

    __tablename__ = "article_views"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(String(400), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class VoteKey(Base):
    """One row per (article, day, visitor): the first vote claims it, later ones change that vote."""

    __tablename__ = "article_vote_keys"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("article_votes.id", ondelete="CASCADE"))


@dataclass(frozen=True, slots=True)
class VoteCounts:
    helpful: int
    not_helpful: int


@dataclass(frozen=True, slots=True)
class Voter:
    """Who votes: ``visitor`` a keyed hash of their first-party cookie (None without one), ``client`` a
    keyed hash of their address and the day; ``staff`` whether a staff member is signed in."""

    visitor: str | None
    client: str
    staff: bool = False


class TooManyVotes(KbError, status=429, code="rate_limited"):
    """This address has voted on this article as often as a day allows."""


MAX_VOTERS_PER_ADDRESS = 3  # different visitors voting on one article from one address in a day (an office)


def voter_key(secret: str, *parts: str) -> str:
    """A keyed SHA-256 of ``parts``: the same visitor gives the same key, and no key gives back its input."""
    return hmac.new(secret.encode(), "\x1f".join(parts).encode("utf-8", "replace"), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Comment:
    article_id: str
    at: dt.datetime
    helpful: bool
    comment: str
    locale: str | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


MAX_SEARCH_ID = 2**53 - 1  # ids are JSON-safe integers; a larger one names no search (and overflows SQL)


def new_search_id() -> int:
    """A search's id, chosen before it is stored (the answer goes out first): random, JSON-safe."""
    return secrets.randbelow(MAX_SEARCH_ID - 1) + 1


def _valid_search_id(search_id: int) -> bool:
    return 1 <= search_id <= MAX_SEARCH_ID


def record_search(
    engine: Engine,
    *,
    search_id: int | None = None,
    query: str,
    locale: str | None,
    language: str | None,
    mode: str,
    filters: dict,
    results: int,
    shown: list[str],
    offset: int,
    took_ms: float,
    did_you_mean: str | None,
    staff: bool = False,
    fallback_locale: str | None = None,
) -> int:
    """Store one search; returns its id (the ``search_id`` that clicks and votes refer to)."""
    with Session(engine) as session, session.begin():
        row = SearchQuery(
            id=search_id,
            at=_now(),
            query=query,
            locale=locale,
            language=language,
            mode=mode,
            filters=filters,
            results=results,
            shown=shown,
            offset=offset,
            took_ms=took_ms,
            did_you_mean=did_you_mean,
            staff=staff,
            fallback_locale=fallback_locale,
        )
        session.add(row)
        session.flush()
        return row.id


def search_exists(engine: Engine, search_id: int) -> bool:
    if not _valid_search_id(search_id):
        return False
    with Session(engine) as session:
        return session.get(SearchQuery, search_id) is not None


def record_click(engine: Engine, search_id: int, article_id: str, position: int) -> None:
    with Session(engine) as session, session.begin():
        session.add(SearchClick(search_id=search_id, article_id=article_id, position=position, at=_now()))


def record_view(engine: Engine, article_id: str) -> None:
    with Session(engine) as session, session.begin():
        session.add(ArticleView(article_id=article_id, at=_now()))


def most_viewed(engine: Engine, days: int = 30, limit: int = 50) -> list[str]:
    """Article ids by customers' views in the last ``days``, most viewed first."""
    since = _now() - dt.timedelta(days=days)
    with Session(engine) as session:
        rows = session.execute(
            select(ArticleView.article_id, func.count().label("n"))
            .where(ArticleView.at >= since)
            .group_by(ArticleView.article_id)
            .order_by(func.count().desc(), ArticleView.article_id)
            .limit(limit)
        )
        return [article_id for article_id, _ in rows]


def record_vote(
    engine: Engine,
    article_id: str,
    helpful: bool,
    comment: str = "",
    locale: str | None = None,
    search_id: int | None = None,
    voter: Voter | None = None,
) -> VoteCounts:
    """Store a vote: one per visitor (their cookie, else their address), article and day; a later vote
    of the same visitor that day changes theirs (a "no" becomes a "yes", a comment is added). At most
    MAX_VOTERS_PER_ADDRESS visitors of one address count per article and day (TooManyVotes beyond).
    Returns the article's customer totals."""
    now = _now()
    # Without a voter (imports, tests), every vote is its own visitor's.
    voter = voter or Voter(secrets.token_hex(16), "")
    identity = voter.visitor or f"address:{voter.client}"
    key = hashlib.sha256("\x1f".join((article_id, now.date().isoformat(), identity)).encode()).hexdigest()
    comment = comment[:MAX_COMMENT_CHARS]
    with Session(engine) as session, session.begin():
        if search_id is not None and (not _valid_search_id(search_id) or session.get(SearchQuery, search_id) is None):
            search_id = None
        claimed = session.get(VoteKey, key)
        if claimed is not None:
            vote = session.get(ArticleVote, claimed.vote_id)
            if vote is not None:
                vote.helpful, vote.at, vote.locale = helpful, now, locale or vote.locale
                vote.comment = comment or (vote.comment if not helpful else "")
                vote.search_id = search_id or vote.search_id
        else:
            if voter.client:
                others = session.scalar(
                    select(func.count())
                    .select_from(ArticleVote)
                    .where(
                        ArticleVote.article_id == article_id,
                        ArticleVote.day == now.date(),
                        ArticleVote.client == voter.client,
                    )
                )
                if others >= MAX_VOTERS_PER_ADDRESS:
                    raise TooManyVotes(article_id)
            vote = ArticleVote(
                article_id=article_id,
                helpful=helpful,
                comment=comment,
                locale=locale,
                search_id=search_id,
                at=now,
                day=now.date(),
                client=voter.client or None,
                staff=voter.staff,
            )
            session.add(vote)
            session.flush()
            session.add(VoteKey(key=key, vote_id=vote.id))
    return vote_counts(engine, article_id)


COMMENT_CSV_COLUMNS = ("at", "article_id", "helpful", "locale", "comment")


def write_comments_csv(out, found: list[Comment]) -> None:
    """Comments as CSV (one per line, newest first), with the columns of COMMENT_CSV_COLUMNS."""
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COMMENT_CSV_COLUMNS)
    for c in found:
        writer.writerow([c.at.isoformat(), c.article_id, "yes" if c.helpful else "no", c.locale or "", c.comment])


def _customers(column):
    """Rows cast by customers (staff is NULL for votes kb stored before it told them apart)."""
    return column.is_not(True)


def vote_counts(engine: Engine, article_id: str) -> VoteCounts:
    """The article's votes by customers."""
    with Session(engine) as session:
        rows = session.execute(
            select(ArticleVote.helpful, func.count())
            .where(ArticleVote.article_id == article_id, _customers(ArticleVote.staff))
            .group_by(ArticleVote.helpful)
        ).all()
    counts = {bool(h): n for h, n in rows}
    return VoteCounts(helpful=counts.get(True, 0), not_helpful=counts.get(False, 0))


def comments(
    engine: Engine,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    article_id: str | None = None,
    limit: int | None = None,
) -> list[Comment]:
    """Customers' comments on their votes ("what was missing?"), newest first."""
    query = select(ArticleVote).where(ArticleVote.comment != "", _customers(ArticleVote.staff))
    if since is not None:
        query = query.where(ArticleVote.at >= since)
    if until is not None:
        query = query.where(ArticleVote.at < until)
    if article_id is not None:
        query = query.where(ArticleVote.article_id == article_id)
    query = query.order_by(ArticleVote.at.desc(), ArticleVote.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with Session(engine) as session:
        return [Comment(v.article_id, utc(v.at), bool(v.helpful), v.comment, v.locale) for v in session.scalars(query)]


def utc(when: dt.datetime) -> dt.datetime:
    """A stored time as an aware UTC datetime (SQLite gives them back naive)."""
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def customer_exposure(engine: Engine, since: dt.datetime) -> tuple[dict[str, int], dict[str, int]]:
    """Customers' searches since ``since``: how often each article was shown, and how often opened."""
    shown: dict[str, int] = {}
    clicked: dict[str, int] = {}
    with Session(engine) as session:
        for (ids,) in session.execute(
            select(SearchQuery.shown).where(SearchQuery.at >= since, SearchQuery.staff.is_(False))
        ):
            for article_id in ids or ():
                shown[article_id] = shown.get(article_id, 0) + 1
        for article_id, n in session.execute(
            select(SearchClick.article_id, func.count())
            .join(SearchQuery, SearchQuery.id == SearchClick.search_id)
            .where(SearchQuery.at >= since, SearchQuery.staff.is_(False))
            .group_by(SearchClick.article_id)
        ):
            clicked[article_id] = n
    return shown, clicked


def votes_by_article(engine: Engine) -> dict[str, list[tuple[dt.datetime, bool]]]:
    """Every customer's vote, per article: (when, helpful)."""
    out: dict[str, list[tuple[dt.datetime, bool]]] = {}
    with Session(engine) as session:
        for article_id, at, helpful in session.execute(
            select(ArticleVote.article_id, ArticleVote.at, ArticleVote.helpful).where(_customers(ArticleVote.staff))
        ):
            out.setdefault(article_id, []).append((utc(at), bool(helpful)))
    return out


def unanswered_searches(engine: Engine, since: dt.datetime) -> list[tuple[str, str | None, dt.datetime]]:
    """Customers' first-page searches since ``since`` that found nothing: (query, language, when)."""
    with Session(engine) as session:
        rows = session.execute(
            select(SearchQuery.query, SearchQuery.language, SearchQuery.at).where(
                SearchQuery.at >= since,
                SearchQuery.results == 0,
                SearchQuery.offset == 0,
                SearchQuery.staff.is_(False),
            )
        ).all()
    return [(q, lang, utc(at)) for q, lang, at in rows]
