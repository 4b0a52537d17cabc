"""Search ids are 64-bit integers.

kb chooses them at random below 2**53 (JSON-safe), which overflowed PostgreSQL's 32-bit integer, so
no search (nor its clicks, nor the search a vote came from) could be recorded there. SQLite's INTEGER
already holds 64 bits: nothing to do.

Revision ID: kb0002
Revises: kb0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "kb0002"
down_revision = "kb0001"
branch_labels = None
depends_on = None

COLUMNS = (("search_queries", "id"), ("search_clicks", "search_id"), ("article_votes", "search_id"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())
    op.execute("ALTER SEQUENCE IF EXISTS search_queries_id_seq AS bigint")  # as a new table's bigserial


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("ALTER SEQUENCE IF EXISTS search_queries_id_seq AS integer")
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
