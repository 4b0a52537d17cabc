"""The services' one declarative base: analytics, API tokens, suggestions, review actions and staff
declare their tables on it, so they share one metadata. Their schema changes are Alembic migrations
(kb/migrations); the index's tables have theirs beside the indexer (indexer/migrations)."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
