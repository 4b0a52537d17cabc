"""One error base (issue 16): every error kb raises on purpose is a ``KbError`` carrying its status and
code; the web layer answers it once, in the one JSON shape, and the CLI prints it once, as a sentence."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.errors import KbError
from kb.services import tokens
from tests.conftest import app_on

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "es/cuenta/restablecer-contrasena"


def _error_classes() -> list[type]:
    """Every exception class defined in a module of ``indexer/`` or ``kb/`` (read from the files)."""
    found = []
    for path in sorted([*ROOT.joinpath("indexer").rglob("*.py"), *ROOT.joinpath("kb").rglob("*.py")]):
        if "migrations" in path.parts:
            continue  # Alembic's scripts, run by Alembic, not modules
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        module = importlib.import_module(name)
        found += [
            cls
            for _, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, BaseException) and cls.__module__ == module.__name__
        ]
    return found


def test_every_error_kb_defines_derives_from_the_one_base():
    classes = _error_classes()
    assert len(classes) >= 14  # the index's, the services', the settings', the web's
    assert [c.__qualname__ for c in classes if not issubclass(c, KbError)] == []
    assert all(100 <= c.status <= 599 and c.code for c in classes)


@pytest.fixture(scope="module")
def broken(starter, encoder, tmp_path_factory):
    """The starter served with a deprecated-terms file that is not text: the operator's mistake."""
    tmp = tmp_path_factory.mktemp("errors")
    terms = tmp / "terms.txt"
    terms.write_bytes(b"\xff\xfe not UTF-8 \xc3")
    app = app_on(starter, encoder, tmp / "kb.sqlite3", DEPRECATED_TERMS=str(terms))
    _, token = tokens.create_token(app.extensions["kb.db"], "owner", "errors")
    return app, {"Authorization": f"Bearer {token}"}, terms


def test_a_configuration_error_deep_in_a_service_answers_500_in_the_json_shape(broken):
    app, owner, terms = broken
    answer = app.test_client().get("/api/v1/review", headers=owner)
    assert answer.status_code == 500
    error = answer.get_json()["error"]
    assert error["code"] == "bad_configuration" and "deprecated terms file" in error["message"]


def test_a_callers_mistake_found_by_a_service_answers_400(broken):
    app, owner, _ = broken
    answer = app.test_client().post(f"/api/v1/review/{ARTICLE}", json={"action": "reviewed", "days": 5}, headers=owner)
    assert answer.status_code == 400
    assert answer.get_json()["error"] == {"code": "invalid_body", "message": "days goes with action snooze only"}


def test_no_index_tells_a_web_client_what_to_do_and_not_where_the_files_are(encoder, tmp_path):
    from tests.conftest import KB

    empty = KB(tmp_path / "kb")  # articles, never indexed
    answer = app_on(empty, encoder, tmp_path / "kb.sqlite3").test_client().get("/api/v1/search?q=factura")
    assert answer.status_code == 503
    error = answer.get_json()["error"]
    assert error["code"] == "no_index" and "kb index" in error["message"]
    assert str(tmp_path) not in error["message"]


def test_the_cli_prints_a_kb_error_as_one_sentence(tmp_path):
    from kb.cli import main

    env = {"KB_DATA_DIR": str(tmp_path), "KB_DATABASE_URL": f"sqlite:///{tmp_path / 'kb.sqlite3'}"}
    done = CliRunner().invoke(main, ["token", "revoke", "424242"], env=env)
    assert done.exit_code == 1, done.output
    assert done.output.startswith("Error: ") and "424242" in done.output and "Traceback" not in done.output
