"""Shared fixtures: the real default model (loaded once), real indexes and SQLite files in tmp dirs."""

from __future__ import annotations

import shutil
import socket
import textwrap
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from indexer.build import BuildReport, build_index
from indexer.vectors import DEFAULT_MODEL, SentenceTransformerEncoder
from kb import settings as kb_settings

ROOT = Path(__file__).resolve().parents[1]
STARTER = ROOT / "articles"


class CountingEncoder:
    """The real encoder, counting what it is asked to embed (to prove what a build re-embeds)."""

    def __init__(self, inner: SentenceTransformerEncoder, fail_after: int | None = None, model_id: str = "") -> None:
        self.inner = inner
        self.name = inner.name
        self.model_id = model_id or inner.model_id
        self.passages: list[str] = []
        self.fail_after = fail_after

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    @property
    def max_tokens(self) -> int:
        return self.inner.max_tokens

    @property
    def prefix_tokens(self) -> int:
        return 0

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_tokens(texts)

    def count_query_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_query_tokens(texts)

    def encode_passages(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        if self.fail_after is not None and len(self.passages) + len(texts) > self.fail_after:
            raise RuntimeError("simulated crash while embedding")
        self.passages.extend(texts)
        return self.inner.encode_passages(texts, batch_size)

    def encode_queries(self, texts: Sequence[str], precision: str = "float32") -> np.ndarray:
        return self.inner.encode_queries(texts, precision)


def empty_database(url: str) -> None:
    """Leave the PostgreSQL database at ``url`` with no tables (version tables included)."""
    from sqlalchemy import create_engine, text

    db = create_engine(url)
    with db.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    db.dispose()


def free_port() -> int:
    """A loopback port nothing listens on now (for a server a test starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app) -> Iterator[str]:
    """``app`` on the server ``kb serve`` uses, on a free loopback port, in a daemon thread; yields its base URL."""
    from kb.cli.serve import make_server

    server = make_server(app, "127.0.0.1", 0, threads=4)
    stopping = threading.Event()

    def run() -> None:
        try:
            server.run()
        except OSError:  # the loop's select() on sockets close() just shut: the end, not an error
            if not stopping.is_set():
                raise

    threading.Thread(target=run, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        stopping.set()
        server.close()


def app_on(built: KB, encoder, db: Path | None = None, **config):
    """The Flask app over a built knowledge base with the session's encoder; its own SQLite file if ``db``."""
    from kb import create_app
    from kb.services.engine import Engine

    database = {"DATABASE_URL": f"sqlite:///{db}"} if db is not None else {}
    values = {**built.settings, **database, **config}
    engine = Engine.from_settings(kb_settings.load(values, environ={}), lambda: encoder)
    return create_app({**values, "ENGINE": engine})


@pytest.fixture(scope="session")
def encoder() -> SentenceTransformerEncoder:
    enc = SentenceTransformerEncoder(DEFAULT_MODEL)
    enc.network()  # load once for the whole session (ONNX Runtime; converted on the first run)
    return enc


def write_article(root: Path, rel: str, front: str, body: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\n{textwrap.dedent(front).strip()}\n---\n\n{textwrap.dedent(body).strip()}\n", encoding="utf-8"
    )
    return path


class KB:
    """A knowledge base in a temp folder: articles, data dir and settings."""

    def __init__(self, tmp: Path, articles: Path | None = None) -> None:
        self.root = tmp
        self.articles = tmp / "articles"
        if articles is not None:
            shutil.copytree(articles, self.articles)
        else:
            self.articles.mkdir(parents=True, exist_ok=True)
        self.data = tmp / "data"
        self.settings = kb_settings.load({"ARTICLES_DIR": str(self.articles), "DATA_DIR": str(self.data)}, environ={})

    @property
    def config(self):
        return kb_settings.index_config(self.settings)

    def write(self, rel: str, front: str, body: str) -> Path:
        return write_article(self.articles, rel, front, body)

    def build(self, encoder) -> BuildReport:
        return build_index(self.config, lambda: encoder)


@pytest.fixture
def kb(tmp_path) -> KB:
    return KB(tmp_path)


@pytest.fixture(scope="session")
def starter(tmp_path_factory, encoder) -> KB:
    """The bundled starter knowledge base, indexed once per session (read-only for tests)."""
    built = KB(tmp_path_factory.mktemp("starter"), STARTER)
    report = built.build(encoder)
    assert not report.errors, report.errors
    return built


@pytest.fixture(scope="session")
def e5_encoder() -> SentenceTransformerEncoder:
    """multilingual-e5-small: the model `kb index` picks for the bundled, bilingual help center."""
    enc = SentenceTransformerEncoder("multilingual-e5-small")
    enc.network()
    return enc


@pytest.fixture(scope="session")
def help_center(tmp_path_factory, e5_encoder) -> KB:
    """The starter knowledge base as `make run` serves it: indexed with multilingual-e5-small."""
    built = KB(tmp_path_factory.mktemp("help-center"), STARTER)
    report = built.build(e5_encoder)
    assert not report.errors, report.errors
    return built
