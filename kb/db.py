"""kb's one database: every table kb keeps, its migrations, and opening it with all of them in place.

The index's tables (``indexer.store``: builds, articles, sections, chunks) and the services' (analytics,
tokens, suggestions, review actions, staff, on ``kb.services.tables.Base``) each stay declared beside
the code that writes them, and each owner has its migration history (``indexer.migrate``). This module
is the one place that knows them all: ``open_db`` is what the web app, the CLI and the tools call;
``metadata`` is what backups copy; ``upgrade`` is ``kb db upgrade``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, MetaData

from indexer import migrate, store
from kb.services import analytics, contact, review, staff, suggestion_log, tables, tokens

# Every module that declares services' tables (importing them puts their tables on tables.Base).
MODULES = (analytics, tokens, suggestion_log, review, staff, contact)
SERVICES = migrate.History("kb:migrations", "alembic_version")
HISTORIES = (migrate.INDEX, SERVICES)


def services_metadata() -> MetaData:
    """The services' tables (what kb/migrations describes)."""
    return tables.Base.metadata


def metadata() -> MetaData:
    """Every table kb keeps, in one metadata, referred-to tables first."""
    merged = MetaData()
    for source in (store.Base.metadata, services_metadata()):
        for table in source.sorted_tables:
            table.to_metadata(merged)
    return merged


def upgrade(db: Engine, totp_key: str | None = None) -> None:
    """Bring every table to the newest revision (a database an older kb made included); with
    ``totp_key``, second-factor secrets an older kb stored in plain text are encrypted now."""
    for history in HISTORIES:
        migrate.upgrade(db, history)
    if totp_key is not None:
        staff.encrypt_plain_secrets(db, totp_key)


@dataclass(frozen=True, slots=True)
class Revision:
    tables: str  # whose tables: the version table's name
    current: str | None
    head: str


def revisions(db: Engine) -> list[Revision]:
    """Where the database is in each history, and where the code is."""
    return [Revision(h.version_table, migrate.current(db, h), migrate.head(h)) for h in HISTORIES]


def open_db(settings: dict) -> Engine:
    """The database the settings name (``DATABASE_URL``), upgraded: every table in place."""
    db = store.engine_for(settings["DATABASE_URL"])
    upgrade(db, staff.totp_key(settings))
    return db


def init_app(app, settings: dict) -> Engine:
    """Open the database for a Flask app (``app.extensions["kb.db"]``). Nothing is torn down per
    request: every use takes a pooled connection in a ``with`` block. Views reach it through
    ``kb.web.deps.db()``."""
    db = open_db(settings)
    app.extensions["kb.db"] = db
    return db
