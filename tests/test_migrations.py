"""Migrations: a database kb made before it had them (tests/data/pre_migration, made by commit 22b1414)
upgrades to the newest revision without losing a row, in SQLite and in PostgreSQL; a fresh database and
an upgraded one end with exactly the schema the code declares."""

import os
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import create_engine, func, inspect, select, table

from indexer import migrate, store
from kb import db as database
from kb.cli import main
from kb.services import analytics, staff
from tests.conftest import empty_database

FIXTURE = Path(__file__).parent / "data" / "pre_migration"
PG_URL = os.environ.get("KB_TEST_DATABASE_URL", "")
needs_postgres = pytest.mark.skipif(not PG_URL and not os.environ.get("CI"), reason="no PostgreSQL")


def _counts(url: str) -> dict[str, int]:
    """Rows per table, read with a plain engine (opening it through kb would upgrade it first)."""
    plain = create_engine(url)
    with plain.connect() as conn:
        names = [n for n in inspect(conn).get_table_names() if not n.startswith("alembic_version")]
        counts = {n: conn.scalar(select(func.count()).select_from(table(n))) for n in names}
    plain.dispose()
    return counts


def _schema_differences(db) -> list:
    """What Alembic's autogenerate would change to make the database match the code (empty: nothing)."""
    with db.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"compare_type": True, "include_name": lambda name, kind, _: not str(name).startswith("alembic_")},
        )
        return compare_metadata(context, database.metadata())


def _upgraded_without_loss(url: str, empty: frozenset[str] = frozenset()) -> None:
    before = _counts(url)
    assert len(before) == 16 and {t for t, n in before.items() if not n} == empty, before
    db = store.engine_for(url)
    database.upgrade(db)
    after = _counts(url)
    new_tables = {"article_views", "contact_requests", "deflection_events"}  # kb0003: made empty
    assert {t: n for t, n in after.items() if t not in new_tables} == before
    assert {t: after[t] for t in new_tables} == dict.fromkeys(new_tables, 0)
    assert all(r.current == r.head for r in database.revisions(db))
    assert _schema_differences(db) == []
    # The rows still work: the staff account signs in, searches and votes read back, new ones are stored.
    assert staff.check_password(db, "ana@example.com", "correct horse battery staple") is not None
    if "search_queries" not in empty:  # "xqzw" found nothing
        assert len(analytics.unanswered_searches(db, analytics.utc(store.dt.datetime(2026, 1, 1)))) >= 1
    search_id = analytics.record_search(
        db, search_id=2**52 + 7, query="nueva", locale="es", language="es", mode="hybrid", filters={}, results=1,
        shown=["es/a"], offset=0, took_ms=1.0, did_you_mean=None,
    )  # fmt: skip
    assert analytics.search_exists(db, search_id)  # ids are random below 2**53: PostgreSQL refused them before kb0002
    analytics.record_click(db, search_id, "es/a", 1)
    db.dispose()


def test_a_sqlite_database_from_before_migrations_upgrades_without_losing_a_row(tmp_path):
    path = tmp_path / "kb.sqlite3"
    shutil.copy(FIXTURE / "kb.sqlite3", path)
    _upgraded_without_loss(f"sqlite:///{path}")


@pytest.mark.slow
@needs_postgres
def test_a_postgresql_database_from_before_migrations_upgrades_without_losing_a_row():
    empty_database(PG_URL)
    plain = create_engine(PG_URL)
    raw = plain.raw_connection()  # pg_dump's SQL, as psql would run it
    try:
        raw.cursor().execute((FIXTURE / "kb.postgres.sql").read_text(encoding="utf-8"))
        raw.commit()
    finally:
        raw.close()
        plain.dispose()
    # kb before kb0002 could not record a search on PostgreSQL (the 53-bit ids overflowed), so that
    # database has none, nor clicks; every other table has rows.
    _upgraded_without_loss(PG_URL, empty=frozenset({"search_queries", "search_clicks"}))


@pytest.mark.parametrize("dialect", ["sqlite", pytest.param("postgresql", marks=[pytest.mark.slow, needs_postgres])])
def test_a_new_database_gets_exactly_the_declared_schema(dialect, tmp_path):
    url = f"sqlite:///{tmp_path}/new.sqlite3" if dialect == "sqlite" else PG_URL
    if dialect == "postgresql":
        empty_database(url)
    db = store.engine_for(url)
    database.upgrade(db)
    assert _schema_differences(db) == []
    assert {r.tables: r.current for r in database.revisions(db)} == {
        h.version_table: migrate.head(h) for h in database.HISTORIES
    }
    db.dispose()


def test_the_histories_go_down_and_up_again(tmp_path):
    db = store.engine_for(f"sqlite:///{tmp_path}/kb.sqlite3")
    database.upgrade(db)
    from alembic import command

    for history in database.HISTORIES:
        with db.begin() as conn:
            command.downgrade(migrate._config(history, conn), "base")
        assert migrate.current(db, history) is None
    assert inspect(db).get_table_names() == [] or set(inspect(db).get_table_names()) <= {
        "alembic_version", "alembic_version_index"
    }  # fmt: skip
    database.upgrade(db)
    assert _schema_differences(db) == []


def test_kb_db_upgrade_reports_where_the_database_is(tmp_path):
    (tmp_path / "kb.toml").write_text("")
    env = {"KB_DATA_DIR": str(tmp_path), "KB_CONFIG": str(tmp_path / "kb.toml")}
    nothing = CliRunner().invoke(main, ["db", "status"], env=env)
    assert "no database yet" in nothing.output and not (tmp_path / "kb.sqlite3").exists()
    shutil.copy(FIXTURE / "kb.sqlite3", tmp_path / "kb.sqlite3")
    status = CliRunner().invoke(main, ["db", "status"], env=env)
    assert status.exit_code == 0, status.output
    assert "alembic_version: none (newest kb0003)" in status.output
    done = CliRunner().invoke(main, ["db", "upgrade"], env=env)
    assert done.exit_code == 0, done.output
    assert "alembic_version: kb0003" in done.output and "up to date" in done.output
