"""Article views (the help center's "most viewed"), contact requests and the contact form's deflection.

Revision ID: kb0003
Revises: kb0002
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "kb0003"
down_revision = "kb0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_views",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=400), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_article_views_article_id", "article_views", ["article_id"])
    op.create_index("ix_article_views_at", "article_views", ["at"])
    op.create_table(
        "contact_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("suggested", sa.JSON(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contact_requests_at", "contact_requests", ["at"])
    op.create_table(
        "deflection_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("event", sa.String(length=16), nullable=False),
        sa.Column("article_id", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_deflection_events_at", "deflection_events", ["at"])
    op.create_index("ix_deflection_events_form_id", "deflection_events", ["form_id"])


def downgrade() -> None:
    op.drop_table("deflection_events")
    op.drop_table("contact_requests")
    op.drop_table("article_views")
