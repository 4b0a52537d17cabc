"""Alembic's entry for the index's tables (see indexer/migrate.py)."""

from alembic import context

from indexer import migrate, store

migrate.run(context, store.Base.metadata)
