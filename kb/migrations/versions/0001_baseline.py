"""Baseline: the services' tables as kb made them before it had migrations.

Analytics, API tokens, suggestions, review actions and staff, as commit 22b1414 left them.

Creates only what is missing (``indexer.migrate.Baseline``), so a database an older kb made is adopted
with its rows; an empty one gets every table.

Revision ID: kb0001
Revises:
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from indexer.migrate import Baseline

revision = "kb0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    b = Baseline(op)
    b.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("hint", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_api_tokens_token_hash", "api_tokens", ["token_hash"], unique=True)
    b.create_table(
        "review_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=400), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_review_actions_article_id", "review_actions", ["article_id"])
    b.create_table(
        "search_queries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("results", sa.Integer(), nullable=False),
        sa.Column("shown", sa.JSON(), nullable=False),
        sa.Column("offset", sa.Integer(), nullable=False),
        sa.Column("took_ms", sa.Float(), nullable=False),
        sa.Column("did_you_mean", sa.Text(), nullable=True),
        sa.Column("staff", sa.Boolean(), nullable=False),
        sa.Column("fallback_locale", sa.String(length=8), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_search_queries_at", "search_queries", ["at"])
    b.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_sign_in_failures_at", "sign_in_failures", ["at"])
    b.create_index("ix_sign_in_failures_email", "sign_in_failures", ["email"])
    b.create_table(
        "staff_users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=False),
        sa.Column("totp_secret", sa.String(length=64), nullable=True),
        sa.Column("totp_secret_enc", sa.Text(), nullable=True),
        sa.Column("totp_last_step", sa.Integer(), nullable=True),
        sa.Column("recovery_hashes", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_staff_users_email", "staff_users", ["email"], unique=True)
    b.create_table(
        "suggestions",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("shown", sa.JSON(), nullable=False),
        sa.Column("top_confidence", sa.Float(), nullable=False),
        sa.Column("gap", sa.Boolean(), nullable=False),
        sa.Column("took_ms", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_suggestions_at", "suggestions", ["at"])
    b.create_table(
        "article_votes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=400), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=True),
        sa.Column("search_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("client", sa.String(length=64), nullable=True),
        sa.Column("staff", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(["search_id"], ["search_queries.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_article_votes_article_id", "article_votes", ["article_id"])
    b.create_index("ix_article_votes_at", "article_votes", ["at"])
    b.create_table(
        "content_gaps",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("suggestion_id", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("top_confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["suggestion_id"], ["suggestions.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_content_gaps_at", "content_gaps", ["at"])
    b.create_table(
        "search_clicks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("search_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=400), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["search_id"], ["search_queries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_search_clicks_article_id", "search_clicks", ["article_id"])
    b.create_index("ix_search_clicks_search_id", "search_clicks", ["search_id"])
    b.create_table(
        "staff_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["staff_users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_staff_sessions_user_id", "staff_sessions", ["user_id"])
    b.create_table(
        "suggestion_feedback",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("suggestion_id", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.String(length=400), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["suggestion_id"], ["suggestions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    b.create_index("ix_suggestion_feedback_article_id", "suggestion_feedback", ["article_id"])
    b.create_index("ix_suggestion_feedback_suggestion_id", "suggestion_feedback", ["suggestion_id"])
    b.create_table(
        "article_vote_keys",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["vote_id"], ["article_votes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("article_vote_keys")
    op.drop_table("suggestion_feedback")
    op.drop_table("staff_sessions")
    op.drop_table("search_clicks")
    op.drop_table("content_gaps")
    op.drop_table("article_votes")
    op.drop_table("suggestions")
    op.drop_table("staff_users")
    op.drop_table("sign_in_failures")
    op.drop_table("search_queries")
    op.drop_table("review_actions")
    op.drop_table("api_tokens")
