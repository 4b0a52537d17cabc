"""Baseline: the index's tables as kb made them before it had migrations.

The tables builds, articles, sections and chunks, as commit 22b1414 left them.

Creates only what is missing (``indexer.migrate.Baseline``), so a database an older kb made is adopted
with its rows; an empty one gets every table.

Revision ID: index0001
Revises:
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from indexer.migrate import Baseline

revision = "index0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    b = Baseline(op)
    b.create_table(
        "articles",
        sa.Column("id", sa.String(length=400), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("reviewed", sa.Date(), nullable=True),
        sa.Column("review_every", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("translation_of", sa.String(length=400), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("first_commit_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_author", sa.String(length=200), nullable=False),
        sa.Column("last_commit_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_author", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("build_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_articles_locale", "articles", ["locale"])
    b.create_index("ix_articles_owner", "articles", ["owner"])
    b.create_index("ix_articles_product", "articles", ["product"])
    b.create_table(
        "builds",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("articles_dir", sa.Text(), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("dimension", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("embedded", sa.Integer(), nullable=False),
        sa.Column("reused", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_table(
        "chunks",
        sa.Column("id", sa.String(length=440), nullable=False),
        sa.Column("article_id", sa.String(length=400), nullable=False),
        sa.Column("section_ordinal", sa.Integer(), nullable=False),
        sa.Column("line_start", sa.Integer(), nullable=False),
        sa.Column("line_end", sa.Integer(), nullable=False),
        sa.Column("tokens", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_chunks_article_id", "chunks", ["article_id"])
    b.create_table(
        "sections",
        sa.Column("article_id", sa.String(length=400), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("path", sa.JSON(), nullable=False),
        sa.Column("anchor", sa.String(length=400), nullable=False),
        sa.Column("line_start", sa.Integer(), nullable=False),
        sa.Column("line_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "ordinal"),
    )


def downgrade() -> None:
    op.drop_table("sections")
    op.drop_table("chunks")
    op.drop_table("builds")
    op.drop_table("articles")
