"""Alembic's entry for the services' tables (see indexer/migrate.py and kb/db.py)."""

from alembic import context

from indexer import migrate
from kb import db

migrate.run(context, db.services_metadata())
