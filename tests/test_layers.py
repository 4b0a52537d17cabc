"""Data flows one way: articles -> indexer -> services -> web/CLI. The imports say so, read from the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VIEWS = {"api", "pages", "agent", "owners", "admin", "signin"}  # kb/web modules that answer requests


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (``from kb.web import deps`` names ``kb.web.deps``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", modules("indexer"), ids=lambda p: p.name)
def test_the_indexer_knows_nothing_of_the_service(path):
    assert not {m for m in imports(path) if m.split(".")[0] in ("kb", "flask")}


@pytest.mark.parametrize("path", modules("kb/services"), ids=lambda p: p.name)
def test_services_know_nothing_of_the_web_or_the_cli(path):
    assert not {m for m in imports(path) if m.startswith(("kb.web", "kb.cli", "flask"))}


@pytest.mark.parametrize("path", [ROOT / "kb/web" / f"{v}.py" for v in sorted(VIEWS)], ids=lambda p: p.name)
def test_a_view_imports_no_other_view_and_not_the_indexer(path):
    found = imports(path)
    others = {f"kb.web.{v}" for v in VIEWS} - {f"kb.web.{path.stem}"}
    assert not found & others, "views share through kb/web/deps.py"
    assert not {m for m in found if m.split(".")[0] == "indexer"}, "views ask kb.services"


def test_importing_kb_loads_no_web_framework():
    import subprocess
    import sys

    code = "import sys, kb, kb.settings; print('flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


# The index's implementation: the services reach a build only through indexer.backend's interface.
INDEX_INTERNALS = ("indexer.local", "indexer.vectors.VectorIndex", "indexer.bm25.BM25Index", "faiss", "scipy")


@pytest.mark.parametrize("path", modules("kb"), ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_in_kb_touches_the_index_implementation(path):
    assert not {m for m in imports(path) if m.startswith(INDEX_INTERNALS)}


def test_readers_never_import_the_writer():
    """The reading side (the reader, the services, the web) finds the live build through indexer.layout;
    only the commands that build (kb index, kb eval) import indexer.build."""
    readers = [ROOT / "indexer/local.py", ROOT / "indexer/backend.py", *modules("kb/services"), *modules("kb/web")]
    assert [p.name for p in readers if "indexer.build" in imports(p)] == []


def test_reading_the_settings_loads_none_of_the_indexers_machinery():
    import subprocess
    import sys

    heavy = ("indexer.build", "indexer.bm25", "indexer.store", "sqlalchemy", "scipy", "whoosh", "markdown_it", "numpy")
    code = f"import sys, kb.settings; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
