"""A build's rows in the metadata database (``indexer.store``): what changed since the live build,
written in one transaction just before the new build is switched in."""

from __future__ import annotations

import datetime as dt

from indexer import store


def database_rows(
    database_url: str,
    build: dict,
    previous_build_id: str | None,
    changed: set[str],
    articles: dict[str, dict],
    new_rows: list[dict],
    rows: list[dict],
    prev_articles: dict[str, dict],
) -> None:
    """Make ``build`` (a ``builds`` row) the live build in the database.

    ``changed`` are the ids of the articles parsed anew, ``articles`` every article of the build,
    ``rows`` every chunk and ``new_rows`` the chunks of the changed articles. With the database in
    step with ``previous_build_id`` (the build these were carried from), only what changed is
    rewritten; otherwise every row is.
    """
    engine = store.engine_for(database_url)
    try:
        full = previous_build_id is None or store.live_build_id(engine) != previous_build_id
        upserts, touches = [], []
        before_of = {} if full else prev_articles
        for article_id, data in articles.items():
            row = article_row(data, build["id"])
            if full or article_id in changed:
                upserts.append(row)
            else:
                before = before_of.get(article_id, {})
                if any(before.get(k) != data.get(k) for k in store.VOLATILE):
                    touches.append(row)
        rows_for = articles if full else {i: articles[i] for i in changed if i in articles}
        sections = [
            {
                "article_id": aid,
                "ordinal": s["ordinal"],
                "level": s["level"],
                "heading": s["heading"],
                "path": s["path"],
                "anchor": s["anchor"],
                "line_start": s["line_start"],
                "line_end": s["line_end"],
            }
            for aid, data in rows_for.items()
            for s in data["sections"]
        ]
        chunks = [chunk_row(r) for r in (rows if full else new_rows) if r["article_id"] in rows_for]
        store.publish(engine, build, set(articles), upserts, touches, sections, chunks, full)
    finally:
        engine.dispose()


def chunk_row(r: dict) -> dict:
    return {
        "id": r["id"],
        "article_id": r["article_id"],
        "section_ordinal": r["section"],
        "line_start": r["line_start"],
        "line_end": r["line_end"],
        "tokens": r["tokens"],
        "text_hash": r["embed_hash"],
    }


def article_row(data: dict, build_id: str) -> dict:
    def when(value):
        return dt.datetime.fromisoformat(value) if value else None

    return {
        "id": data["id"],
        "path": data["path"],
        "title": data["title"],
        "summary": data["summary"],
        "locale": data["locale"],
        "product": data["product"],
        "tags": data["tags"],
        "audience": data["audience"],
        "owner": data["owner"],
        "reviewed": dt.date.fromisoformat(data["reviewed"]) if data.get("reviewed") else None,
        "review_every": data["review_every"],
        "status": data["status"],
        "translation_of": data["translation_of"],
        "extra": data["extra"],
        "content_hash": data["sha256"],
        "first_commit_at": when(data["first_commit_at"]),
        "first_author": data["first_author"],
        "last_commit_at": when(data["last_commit_at"]),
        "last_author": data["last_author"],
        "updated_at": when(data["updated_at"]),
        "build_id": build_id,
    }
