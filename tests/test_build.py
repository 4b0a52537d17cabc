"""Builds with the real model, real term-matrix and FAISS indexes and a real SQLite file."""

import json
import os
import subprocess
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from indexer import store
from indexer.backend import ModelMismatch
from indexer.build import build_index
from indexer.layout import BuildError, current_build_dir, read_manifest
from indexer.local import open_current
from indexer.vectors import SentenceTransformerEncoder
from tests.conftest import CountingEncoder


def _three(kb):
    kb.write("es/a.md", "title: Restablecer la contraseña\nowner: ana", "Pulsa ¿Has olvidado tu contraseña?")
    kb.write("es/b.md", "title: Emitir una factura\nowner: ana", "Ve a Ventas y pulsa Nueva factura.")
    kb.write("en/c.md", "title: Card payments\nowner: bob", "Connect Stripe to accept card payments.")


def test_first_build_indexes_everything_and_writes_manifest(kb, encoder):
    _three(kb)
    report = kb.build(encoder)
    assert (report.articles, report.unchanged, report.chunks, report.embedded) == (3, 0, 3, 3)
    live = current_build_dir(kb.data)
    manifest = read_manifest(live)
    assert manifest["model_id"] == encoder.model_id and manifest["dimension"] == 384
    assert manifest["counts"] == {"articles": 3, "chunks": 3, "vectors": 3, "errors": 0, "warnings": 0}
    assert set(manifest["articles"]) == {"es/a.md", "es/b.md", "en/c.md"}
    assert len(manifest["content_hash"]) == 64
    for name in ("articles.json", "chunks.json", "vectors.faiss", "bm25.npz", "bm25-vocab.json", "pages.sqlite3"):
        assert (live / name).exists()
    assert not (live / "lexical").exists()  # no Whoosh index: no query read it (issue 16)


def test_incremental_build_embeds_only_the_edited_article(kb, encoder):
    _three(kb)
    kb.build(encoder)
    counting = CountingEncoder(encoder)
    again = kb.build(counting)
    assert counting.passages == [] and again.embedded == 0 and again.unchanged == 3
    kb.write(
        "es/b.md",
        "title: Emitir una factura\nowner: ana",
        "Ve a Ventas y pulsa Nueva factura.\n\n## Enviarla\n\nPulsa Enviar para mandarla por correo.",
    )
    report = kb.build(counting)
    # Only the edited article is re-chunked; of its chunks, only the one with new text is embedded.
    assert report.unchanged == 2 and report.chunks == 4 and report.embedded == 1
    assert counting.passages == ["Emitir una factura > Enviarla\nPulsa Enviar para mandarla por correo."]
    assert "1 embedded" in report.summary()


def test_deleted_article_leaves_every_index(kb, encoder):
    _three(kb)
    kb.build(encoder)
    before = open_current(kb.data)
    assert [before.chunks[row]["article_id"] for row, _ in before.bm25.search("stripe card payments", 10)] == ["en/c"]
    (kb.articles / "en/c.md").unlink()
    report = kb.build(encoder)
    assert report.articles == 2
    reader = open_current(kb.data)
    assert "en/c" not in reader.articles
    assert all(reader.chunks[row]["article_id"] != "en/c" for row, _ in reader.bm25.search("stripe card payments", 10))
    assert len(reader.vectors.faiss) == 2
    engine = store.engine_for(kb.settings["DATABASE_URL"])
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(store.Article)) == 2
        assert conn.scalar(select(store.Article.id).where(store.Article.id == "en/c")) is None


def test_database_rows_match_the_build(kb, encoder):
    _three(kb)
    report = kb.build(encoder)
    engine = store.engine_for(kb.settings["DATABASE_URL"])
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(store.Article)) == 3
        assert conn.scalar(select(func.count()).select_from(store.Chunk)) == report.chunks
        assert conn.scalar(select(func.count()).select_from(store.Section)) == 3
        build = conn.execute(select(store.Build).where(store.Build.status == "live")).one()
        assert build.id == report.build_id and build.embedded == 3
        owner = conn.scalar(select(store.Article.owner).where(store.Article.id == "en/c"))
        assert owner == "bob"


def test_changed_model_reembeds_and_switching_back_reuses_the_cache(kb, encoder):
    _three(kb)
    kb.build(encoder)
    other = CountingEncoder(SentenceTransformerEncoder("multilingual-e5-small"))
    report = kb.build(other)
    assert report.embedded == 3 and report.unchanged == 0 and len(other.passages) == 3
    assert open_current(kb.data).vectors.faiss.rows([0]).shape == (1, 384)
    back = CountingEncoder(encoder)
    report = kb.build(back)
    assert report.embedded == 0 and back.passages == [] and report.reused == 3


def test_reader_refuses_a_model_mismatch(kb, encoder):
    _three(kb)
    kb.build(encoder)
    with pytest.raises(ModelMismatch, match="kb index"):
        open_current(kb.data).check_encoder(CountingEncoder(encoder, model_id="another-model"))


def test_failed_build_leaves_the_previous_build_serving(kb, encoder, monkeypatch):
    monkeypatch.setattr("indexer.embed.EMBED_BLOCK", 2)  # commit the cache every two chunks
    _three(kb)
    first = kb.build(encoder)
    for i in range(5):
        kb.write(f"es/nuevo-{i}.md", f"title: Nuevo {i}", f"Contenido nuevo número {i}.")
    with pytest.raises(RuntimeError, match="simulated crash"):
        kb.build(CountingEncoder(encoder, fail_after=3))  # dies in the second block
    assert open_current(kb.data).build_id == first.build_id
    assert list((kb.data / "builds").glob("*.partial")) == []  # nothing half-written left behind
    report = kb.build(CountingEncoder(encoder))
    assert report.articles == 8
    assert report.embedded == 3 and report.reused == 5  # the block embedded before the crash is not lost


def test_bad_articles_are_reported_and_the_rest_indexed(kb, encoder, tmp_path):
    _three(kb)
    a = kb.articles
    (a / "es/yaml.md").write_text("---\ntitle: Roto\ntags: [a, b\n---\ntexto\n", encoding="utf-8")
    (a / "es/latin1.md").write_bytes("---\ntitle: Año\n---\nContraseña\n".encode("latin-1"))
    (a / "es/binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (a / "es/empty.md").write_text("  \n", encoding="utf-8")
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: Fuera\n---\nsecreto\n", encoding="utf-8")
    os.symlink(outside, a / "es/escape.md")
    with open(a / "es/huge.md", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a 50 MB file (sparse: costs no disk)
    report = kb.build(encoder)
    assert report.articles == 3
    by_path = {p.path: p for p in report.errors}
    assert set(by_path) == {"es/yaml.md", "es/latin1.md", "es/binary.md", "es/empty.md", "es/escape.md", "es/huge.md"}
    assert str(by_path["es/yaml.md"]).startswith("es/yaml.md:3: malformed YAML")
    assert str(by_path["es/latin1.md"]).startswith("es/latin1.md:2: invalid UTF-8")
    assert "outside the articles root" in by_path["es/escape.md"].message
    assert "over the" in by_path["es/huge.md"].message


def test_duplicate_ids_keep_the_first_and_report_the_second(kb, encoder):
    kb.write("es/a.md", "title: A\nid: mismo", "uno")
    kb.write("es/b.md", "title: B\nid: mismo", "dos")
    report = kb.build(encoder)
    assert report.articles == 1
    assert [str(p) for p in report.errors] == ["es/b.md:1: article id 'mismo' is already used by es/a.md"]


def test_git_history_gives_first_and_last_commit(kb, encoder):
    _three(kb)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ana",
        "GIT_AUTHOR_EMAIL": "a@x",
        "GIT_COMMITTER_NAME": "Ana",
        "GIT_COMMITTER_EMAIL": "a@x",
        "GIT_AUTHOR_DATE": "2025-01-01T10:00:00Z",
        "GIT_COMMITTER_DATE": "2025-01-01T10:00:00Z",
    }
    git = ["git", "-C", str(kb.root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", "first"], check=True, env=env)
    kb.write("es/a.md", "title: Restablecer la contraseña\nowner: ana", "Texto nuevo.")
    env.update(GIT_AUTHOR_NAME="Bea", GIT_AUTHOR_DATE="2026-03-04T10:00:00Z", GIT_COMMITTER_DATE="2026-03-04T10:00:00Z")
    subprocess.run([*git, "commit", "-qam", "second"], check=True, env=env)
    kb.build(encoder)
    articles = open_current(kb.data).articles
    a, b = articles["es/a"], articles["es/b"]
    assert a["first_commit_at"].startswith("2025-01-01") and a["first_author"] == "Ana"
    assert a["last_commit_at"].startswith("2026-03-04") and a["last_author"] == "Bea"
    assert a["updated_at"].startswith("2026-03-04")
    assert b["last_commit_at"].startswith("2025-01-01")


def test_a_history_file_stands_in_for_git(kb, encoder):
    _three(kb)
    history = kb.root / "git-dates.csv"  # beside articles/, paths from there (as an export writes them)
    history.write_text(
        "path,last_commit\narticles/es/a.md,2022-12-28T15:53:11+00:00\nen/c.md,2024-02-01\nelsewhere/x.md,2020-01-01\n",
        encoding="utf-8",
    )
    config = replace(kb.config, history_file=history)
    build_index(config, lambda: encoder)
    articles = open_current(kb.data).articles
    assert articles["es/a"]["last_commit_at"].startswith("2022-12-28") and articles["es/a"]["updated_at"].startswith(
        "2022-12-28"
    )
    assert articles["en/c"]["last_commit_at"].startswith("2024-02-01T00:00:00+00:00")
    assert articles["es/b"]["last_commit_at"] is None  # not in the export: the file's date stands
    history.write_text("path,last_commit\nen/c.md,2025-13-01\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"git-dates.csv:2: '2025-13-01' is not an ISO date"):
        build_index(config, lambda: encoder)
    assert open_current(kb.data).articles["en/c"]["last_commit_at"].startswith("2024-02-01")  # still serving


def test_a_full_build_redoes_every_article_but_reuses_the_vectors(kb, encoder):
    _three(kb)
    kb.build(encoder)
    report = build_index(replace(kb.config, full=True), lambda: encoder)
    assert (report.articles, report.unchanged, report.embedded) == (3, 0, 0)
    assert report.reused == report.chunks


def test_one_build_at_a_time(kb, encoder):
    import fcntl

    _three(kb)
    kb.data.mkdir(parents=True, exist_ok=True)
    with open(kb.data / "build.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(BuildError, match="another build"):
            kb.build(encoder)


def test_old_builds_are_pruned(kb, encoder):
    _three(kb)
    for _ in range(4):
        kb.build(encoder)
    builds = [p for p in (kb.data / "builds").iterdir()]
    assert len(builds) == kb.settings["KEEP_BUILDS"]
    assert current_build_dir(kb.data) in [b.resolve() for b in builds]
    assert json.loads((current_build_dir(kb.data) / "manifest.json").read_text())["build_id"]


def test_impossible_date_in_a_foreign_key_costs_nothing(kb, encoder):
    kb.write("es/a.md", "title: Enlaces\nms.search.validFrom: 2021-29-11\nms.date: 11/29/2021", "Texto.")
    kb.write("es/includes/banner.md", "ms.topic: include", "Fragmento incluido en otros artículos.")
    report = kb.build(encoder)
    assert report.articles == 1 and report.problems == []
    article = open_current(kb.data).articles["es/a"]
    assert article["extra"]["ms.search.validFrom"] == "2021-29-11" and article["reviewed"] == "2021-11-29"


def test_term_matrix_matches_whoosh_analysis_and_survives_incremental_builds(kb, encoder):
    from indexer.analysis import terms, tokens

    text = "Configuración de la facturación electrónica: ¿cómo se factura con VeriFactu v2.4?"
    assert terms(text, "es") == tokens(text, "es") and terms(text, "en") == tokens(text, "en")
    _three(kb)
    kb.build(encoder)
    first = open_current(kb.data).bm25.search("contraseña olvidada", 5)
    kb.write("es/d.md", "title: Cambiar la contraseña\nowner: ana", "Contraseña nueva.")
    kb.build(encoder)
    reader = open_current(kb.data)
    assert reader.bm25.weights.shape[0] == len(reader.chunks) == 4
    ids = [reader.chunks[row]["article_id"] for row, _ in reader.bm25.search("contraseña", 5)]
    assert set(ids) == {"es/a", "es/d"}
    assert first and first[0][1] > 0
