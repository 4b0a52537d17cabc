"""``kb backup`` and ``kb restore``: a round trip gives back every row of every table and the same live index.

Real builds, a real SQLite file with rows written by the services that write them in production, the
real CLI. The restore is checked in place (after later changes) and into an empty data directory and
another database (PostgreSQL when the suite has one).
"""

import os

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from indexer import store
from indexer.layout import current_build_dir
from kb import db as database
from kb.cli import main
from kb.services import analytics, backup, review, suggestion_log, tokens
from kb.services.engine import Engine
from kb.services.search import search
from tests.conftest import KB, empty_database


def _tables(url: str) -> dict[str, list[dict]]:
    """Every row of every kb table, as comparable data (ordered by primary key)."""
    db = store.engine_for(url)
    database.upgrade(db)
    out = {}
    with db.connect() as conn:
        for table in database.metadata().sorted_tables:
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            out[table.name] = [{k: backup._encode(v) for k, v in row.items()} for row in rows]
    db.dispose()
    return out


def _activity(url: str) -> None:
    db = store.engine_for(url)
    database.upgrade(db)
    sid = analytics.record_search(
        db, query="factura", locale="es", language="es", mode="hybrid", filters={"product": "cobros"}, results=1,
        shown=["es/factura"], offset=0, took_ms=12.5, did_you_mean=None,
    )  # fmt: skip
    analytics.record_click(db, sid, "es/factura", 1)
    analytics.record_vote(db, "es/factura", False, "falta el paso de IVA", "es", sid)
    tokens.create_token(db, "agent", "Zendesk")
    suggestion = suggestion_log.new_suggestion_id()
    suggestion_log.record_suggestion(
        db, suggestion_id=suggestion, source="zendesk", external_id="35436", role="agent", language="es",
        shown=[{"id": "es/factura", "confidence": 0.31}], top_confidence=0.31, gap=True, took_ms=40.0,
        ticket_text="No encuentro cómo emitir una factura rectificativa",
    )  # fmt: skip
    suggestion_log.record_feedback(db, suggestion_log.get_suggestion(db, suggestion), "es/factura", "used", "agent")
    review.record_action(db, "es/factura", "snooze", "Ana", days=7, note="después del cierre")
    db.dispose()


def _env(kb: KB, url: str) -> dict:
    return {"KB_ARTICLES_DIR": str(kb.articles), "KB_DATA_DIR": str(kb.data), "KB_DATABASE_URL": url}


@pytest.fixture
def served(tmp_path, encoder):
    kb = KB(tmp_path / "kb")
    kb.write(
        "es/factura.md", "title: Emitir una factura\nowner: ana\nproduct: cobros", "Ve a Ventas y pulsa Nueva factura."
    )
    kb.write("es/iva.md", "title: Tipos de IVA\nowner: ana", "El IVA general es del 21 %.")
    kb.build(encoder)
    url = kb.settings["DATABASE_URL"]
    _activity(url)
    return kb, url


def test_round_trip_in_place_gives_back_every_row_and_the_index(served, encoder, tmp_path):
    kb, url = served
    before, live = _tables(url), current_build_dir(kb.data).name
    runner = CliRunner()
    done = runner.invoke(main, ["backup", str(tmp_path / "backup")], env=_env(kb, url))
    assert done.exit_code == 0, done.output
    assert f"backed up build {live}" in done.output

    # Life goes on: more activity, a revoked token, a new article and a new build.
    _activity(url)
    db = store.engine_for(url)
    tokens.revoke_token(db, 1)
    kb.write("es/abono.md", "title: Emitir un abono\nowner: ana", "Un abono anula una factura emitida.")
    kb.build(encoder)
    assert current_build_dir(kb.data).name != live and _tables(url) != before

    refused = runner.invoke(main, ["restore", str(tmp_path / "backup")], env=_env(kb, url), input="n\n")
    assert refused.exit_code != 0 and _tables(url) != before  # asked, answered no: nothing changed
    done = runner.invoke(main, ["restore", "--yes", str(tmp_path / "backup")], env=_env(kb, url))
    assert done.exit_code == 0, done.output
    assert _tables(url) == before and current_build_dir(kb.data).name == live
    engine = Engine.from_settings(kb.settings, lambda: encoder)
    assert search(engine, "abono").total == 0 and search(engine, "factura").total >= 1
    # Ids go on from the restored rows: a new vote is stored, not refused as a duplicate key.
    analytics.record_vote(db, "es/iva", True)


def test_restore_into_an_empty_data_dir_and_another_database(served, encoder, tmp_path):
    kb, url = served
    before = _tables(url)
    runner = CliRunner()
    assert runner.invoke(main, ["backup", str(tmp_path / "b")], env=_env(kb, url)).exit_code == 0
    other = KB(tmp_path / "elsewhere")
    target = os.environ.get("KB_TEST_DATABASE_URL") or f"sqlite:///{tmp_path}/other.sqlite3"
    if target.startswith("postgresql"):
        empty_database(target)
    done = runner.invoke(main, ["restore", "--yes", str(tmp_path / "b")], env=_env(other, target))
    assert done.exit_code == 0, done.output
    assert _tables(target) == before
    engine = Engine.from_settings(other.settings, lambda: encoder)
    assert search(engine, "factura").hits[0].id == "es/factura"


def test_bad_targets_and_sources_are_refused_and_change_nothing(served, tmp_path):
    kb, url = served
    runner = CliRunner()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("keep me")
    out = runner.invoke(main, ["backup", str(tmp_path / "full")], env=_env(kb, url))
    assert out.exit_code == 1 and "is not empty" in out.output and (tmp_path / "full" / "x").read_text() == "keep me"
    before, live = _tables(url), current_build_dir(kb.data).name
    (tmp_path / "junk").mkdir()
    out = runner.invoke(main, ["restore", "--yes", str(tmp_path / "junk")], env=_env(kb, url))
    assert out.exit_code == 1 and "is not a kb backup" in out.output
    assert _tables(url) == before and current_build_dir(kb.data).name == live
