"""kb's one database: every table kb keeps, and opening the database with all of them in place.

The index's tables (``indexer.store``: builds, articles, sections, chunks) and the services' (analytics,
tokens, suggestions, review actions, staff) each stay declared beside the code that writes them; this
module is the one place that knows them all. ``open_db`` is what the web app, the CLI and the tools
call; ``metadata`` is what backups copy. (Migrations with Alembic are issue 16's next step: today a
newer kb adds the columns it declares to an older database, ``indexer.store.ensure_schema``.)
"""

from __future__ import annotations

from sqlalchemy import Engine, MetaData

from indexer import store
from kb.services import analytics, review, staff, suggestion_log, tokens

# Every module that declares tables, in an order where a table comes after the tables it refers to.
MODULES = (analytics, tokens, suggestion_log, review, staff)


def metadata() -> MetaData:
    """Every table kb keeps, in one metadata, referred-to tables first."""
    merged = MetaData()
    for base in (store.Base, *(module.Base for module in MODULES)):
        for table in base.metadata.sorted_tables:
            table.to_metadata(merged)
    return merged


def create_tables(db: Engine, totp_key: str | None = None) -> None:
    """Create what is missing of every table (and the columns a newer kb declares); with ``totp_key``,
    second-factor secrets an older kb stored in plain text are encrypted now."""
    store.ensure_schema(db, store.Base.metadata)
    for module in MODULES:
        if module is staff:
            staff.init_db(db, totp_key)
        else:
            module.init_db(db)


def open_db(settings: dict) -> Engine:
    """The database the settings name (``DATABASE_URL``), with every table in place."""
    db = store.engine_for(settings["DATABASE_URL"])
    create_tables(db, staff.totp_key(settings))
    return db
