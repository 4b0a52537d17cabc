"""Schema migrations (Alembic), run from code: a database follows kb's upgrades one revision at a time.

Two migration histories share each database, one per owner of tables, so data still flows one way:
``indexer/migrations`` for the index's tables (builds, articles, sections, chunks; the indexer upgrades
them whenever it opens a database) and ``kb/migrations`` for the services' tables (analytics, tokens,
suggestions, review actions, staff; ``kb db upgrade`` and every kb process that opens the database).
Each keeps its revision in its own version table.

The first revision of each history is a baseline that creates only what is missing, so a database made
before kb had migrations (which created tables and added columns as it went) is adopted as it is, rows
and all, and then upgraded like any other.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Engine

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class History:
    """One migration history: where its scripts are (``package:folder``) and its version table."""

    location: str
    version_table: str


INDEX = History("indexer:migrations", "alembic_version_index")


def _config(history: History, connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", history.location)
    config.attributes["connection"] = connection
    config.attributes["version_table"] = history.version_table
    return config


@functools.cache
def head(history: History) -> str:
    """The newest revision of ``history``'s scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(history)).get_current_head()


def current(db: Engine, history: History) -> str | None:
    """The revision the database is at for ``history`` (None: none applied, or no such table yet)."""
    from alembic.migration import MigrationContext

    with db.connect() as conn:
        return MigrationContext.configure(conn, opts={"version_table": history.version_table}).get_current_revision()


def upgrade(db: Engine, history: History, revision: str = "head") -> None:
    """Apply ``history``'s revisions the database lacks, up to ``revision``; a database already at the
    head costs one query."""
    if revision == "head" and current(db, history) == head(history):
        return
    from alembic import command

    with db.begin() as conn:
        command.upgrade(_config(history, conn), revision)
    log.info("database upgraded: %s at %s", history.version_table, current(db, history))


def run(context, metadata: sa.MetaData) -> None:
    """The body of a history's ``env.py``: run its migrations on the connection ``upgrade`` passes."""
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("kb's migrations run through kb (`kb db upgrade`), not the alembic command")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=context.config.attributes["version_table"],
        render_as_batch=True,  # SQLite changes a column by copying its table; Alembic's batch mode does it
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


class Baseline:
    """Creates tables and indexes only where missing, for the first revision of a history.

    On an empty database it is a plain ``create_table``; on one an older kb made, an existing table
    keeps its rows and gains the columns it lacks (nullable, as the older kb added them)."""

    def __init__(self, op) -> None:
        self.op = op
        self.found = sa.inspect(op.get_bind())

    def create_table(self, name: str, *elements) -> None:
        if not self.found.has_table(name):
            self.op.create_table(name, *elements)
            return
        have = {c["name"] for c in self.found.get_columns(name)}
        for column in elements:
            if isinstance(column, sa.Column) and column.name not in have:
                self.op.add_column(name, sa.Column(column.name, column.type, nullable=True))
                log.info("added column %s.%s", name, column.name)

    def create_index(self, name: str, table: str, columns: list[str], unique: bool = False) -> None:
        if self.found.has_table(table) and name in {i["name"] for i in self.found.get_indexes(table)}:
            return
        self.op.create_index(name, table, columns, unique=unique)
