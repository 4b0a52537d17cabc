"""The metadata database (SQLAlchemy 2.0): builds, articles, sections and chunks of the live index.

SQLite by default, any SQLAlchemy URL (PostgreSQL included) by setting. The tables describe the
build that is live; a build replaces the rows of the articles it changed in one transaction, just
before it switches the index directory.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from indexer import migrate

log = logging.getLogger(__name__)


class Base(DeclarativeBase):
    pass


class Build(Base):
    __tablename__ = "builds"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))  # live | superseded
    articles_dir: Mapped[str] = mapped_column(Text)
    model: Mapped[str] = mapped_column(String(200))
    dimension: Mapped[int] = mapped_column(Integer)
    articles: Mapped[int] = mapped_column(Integer, default=0)
    chunks: Mapped[int] = mapped_column(Integer, default=0)
    embedded: Mapped[int] = mapped_column(Integer, default=0)
    reused: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(400), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    locale: Mapped[str] = mapped_column(String(8), index=True)
    product: Mapped[str] = mapped_column(String(200), default="", index=True)
    tags: Mapped[list] = mapped_column(JSON, default=list)
    audience: Mapped[str] = mapped_column(String(16), default="public")
    owner: Mapped[str] = mapped_column(String(200), default="", index=True)
    reviewed: Mapped[dt.date | None] = mapped_column(Date)
    review_every: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="published")
    translation_of: Mapped[str] = mapped_column(String(400), default="")
    extra: Mapped[dict] = mapped_column(JSON, default=dict)
    content_hash: Mapped[str] = mapped_column(String(64))
    first_commit_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    first_author: Mapped[str] = mapped_column(String(200), default="")
    last_commit_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_author: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    build_id: Mapped[str] = mapped_column(String(64))


class Section(Base):
    __tablename__ = "sections"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer, primary_key=True)
    level: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(Text)
    path: Mapped[list] = mapped_column(JSON)
    anchor: Mapped[str] = mapped_column(String(400))
    line_start: Mapped[int] = mapped_column(Integer)
    line_end: Mapped[int] = mapped_column(Integer)


class Chunk(Base):
    __tablename__ = "chunks"

    id: Mapped[str] = mapped_column(String(440), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    section_ordinal: Mapped[int] = mapped_column(Integer)
    line_start: Mapped[int] = mapped_column(Integer)
    line_end: Mapped[int] = mapped_column(Integer)
    tokens: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64))


def _private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only (mode 600), or make it so: the database holds password
    hashes, encrypted second-factor secrets and customers' searches. SQLite gives its -wal and -shm
    files the database file's mode."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        elif path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError as exc:  # not ours to change, or a read-only folder: SQLite will say what it can do
        log.warning("cannot make %s private (mode 600): %s", path, exc.strerror)


def engine_for(url: str) -> Engine:
    """An engine for ``url``; SQLite files get their folder, mode 600, WAL mode and foreign keys."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        _private_file(Path(url.removeprefix("sqlite:///")))
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):  # pragma: no cover - exercised by every sqlite test
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent; a power cut may drop the last commits
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

    migrate.upgrade(engine, migrate.INDEX)  # the index's tables, at the newest revision
    return engine


def live_build_id(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return conn.scalar(select(Build.id).where(Build.status == "live").order_by(Build.started_at.desc()))


def publish(
    engine: Engine,
    build: dict,
    live_ids: set[str],
    upserts: Sequence[dict],
    touches: Sequence[dict],
    sections: Sequence[dict],
    chunks: Sequence[dict],
    full: bool,
) -> None:
    """Make ``build`` the live build in one transaction.

    ``upserts`` are the article rows whose content changed (their ``sections`` and ``chunks`` are
    replaced), ``touches`` unchanged articles whose history moved on, ``live_ids`` every article of
    the build (the others are deleted). ``full`` rewrites everything: a first build, or a database
    that was not in step with the previous build.
    """
    with engine.begin() as conn:
        if full:
            conn.execute(delete(Chunk))
            conn.execute(delete(Section))
            conn.execute(delete(Article))
        else:
            existing = set(conn.scalars(select(Article.id)))
            gone = list((existing - live_ids) | ({a["id"] for a in upserts} & existing))
            for start in range(0, len(gone), 500):
                part = gone[start : start + 500]
                conn.execute(delete(Chunk).where(Chunk.article_id.in_(part)))
                conn.execute(delete(Section).where(Section.article_id.in_(part)))
                conn.execute(delete(Article).where(Article.id.in_(part)))
        if upserts:
            conn.execute(insert(Article), list(upserts))
        if sections:
            conn.execute(insert(Section), list(sections))
        if chunks:
            conn.execute(insert(Chunk), list(chunks))
        for row in touches:
            values = {k: v for k, v in row.items() if k in VOLATILE}
            conn.execute(update(Article).where(Article.id == row["id"]).values(values))
        conn.execute(update(Build).where(Build.status == "live").values(status="superseded"))
        conn.execute(insert(Build), [build])


# Article columns that change without the file's content changing (git history, dates).
VOLATILE = ("first_commit_at", "first_author", "last_commit_at", "last_author", "updated_at")
