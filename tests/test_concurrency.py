"""Several processes write to one SQLite file at once (WAL mode): every vote, search and click is kept."""

import multiprocessing as mp

from sqlalchemy import func, select

from indexer import store
from kb import db as database
from kb.services import analytics

PROCESSES = 4
EACH = 150


def _writer(url: str, worker: int, start) -> None:
    db = store.engine_for(url)
    database.upgrade(db)
    start.wait()  # all processes write at the same moment
    for n in range(EACH):
        sid = analytics.record_search(
            db, query=f"consulta {worker} {n}", locale="es", language="es", mode="hybrid", filters={},
            results=1, shown=["es/a"], offset=0, took_ms=1.0, did_you_mean=None,
        )  # fmt: skip
        analytics.record_click(db, sid, "es/a", 1)
        analytics.record_vote(db, f"es/{worker}", n % 2 == 0, search_id=sid)
    db.dispose()


def test_concurrent_writers_lose_nothing(tmp_path):
    url = f"sqlite:///{tmp_path}/kb.sqlite3"
    db = store.engine_for(url)
    database.upgrade(db)
    context = mp.get_context("spawn")  # fresh interpreters, as separate server processes are
    start = context.Barrier(PROCESSES)
    workers = [context.Process(target=_writer, args=(url, w, start)) for w in range(PROCESSES)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(timeout=300)
        assert p.exitcode == 0
    with db.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(analytics.SearchQuery)) == PROCESSES * EACH
        assert conn.scalar(select(func.count()).select_from(analytics.SearchClick)) == PROCESSES * EACH
        assert conn.scalar(select(func.count()).select_from(analytics.ArticleVote)) == PROCESSES * EACH
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    for worker in range(PROCESSES):
        counts = analytics.vote_counts(db, f"es/{worker}")
        assert (counts.helpful, counts.not_helpful) == (EACH // 2, EACH // 2)
