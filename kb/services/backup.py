"""``kb backup DIR`` and ``kb restore DIR``: the database and the live index, consistent with each other.

A backup holds the build lock, so no build can switch while it copies: the live build's directory (a
finished build never changes) and every table of kb's database, read in one transaction, as JSON lines
per table. JSON rather than a database file, so that a backup of SQLite restores into PostgreSQL and
back. The embedding cache is left out: it is only a cache.

A restore, also under the build lock, copies the build in (if the data directory lacks it), replaces
every table's rows in one transaction, then switches ``current`` to that build. A running service
serves the restored build from its next request.

    DIR/backup.json               what was backed up: when, the build, the rows per table
    DIR/builds/<build-id>/        the live build, as it was
    DIR/tables/<table>.jsonl      one JSON object per row
    DIR/keys/totp_key             the key the second factors' secrets are encrypted with (when kb keeps
                                  it in DATA_DIR; a KB_TOTP_KEY setting is the operator's to keep)

DIR is readable by its owner only (mode 700): it holds password hashes and that key. A table a backup
does not have (made by an older kb) is restored empty.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import Date, DateTime, Engine, MetaData, delete, insert, select

from indexer.errors import KbError
from indexer.layout import BUILDS, BuildError, BuildLock, current_build_dir, read_manifest, switch
from kb import db as database
from kb.services.staff import TOTP_KEY_FILE

log = logging.getLogger(__name__)

FORMAT = 1
MANIFEST = "backup.json"


class BackupError(KbError):
    """A backup or restore that cannot be done, in one sentence; nothing was changed."""


def _encode(value):
    """A column value as JSON; times in UTC with their offset (SQLite gives them back naive)."""
    if isinstance(value, dt.datetime):
        value = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _decoder(column):
    if isinstance(column.type, DateTime):
        return lambda v: None if v is None else dt.datetime.fromisoformat(v)
    if isinstance(column.type, Date):
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    return lambda v: v


def backup(data_dir: Path, db: Engine, target: Path) -> dict:
    """Write a backup of ``data_dir``'s live build and ``db`` into ``target`` (new or empty). Returns its summary."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty; back up into a new folder")
    data_dir = Path(data_dir)
    database.upgrade(db)
    metadata = database.metadata()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".kb-backup-", dir=target.parent))
    try:
        (data_dir / BUILDS).mkdir(parents=True, exist_ok=True)
        with BuildLock(data_dir):
            live = current_build_dir(data_dir)
            if live is not None:
                shutil.copytree(live, work / BUILDS / live.name)
            counts = {}
            (work / "tables").mkdir()
            key = data_dir / TOTP_KEY_FILE
            if key.is_file():
                (work / "keys").mkdir(mode=0o700)
                shutil.copy2(key, work / "keys" / TOTP_KEY_FILE)
            with db.connect() as conn, conn.begin():
                for table in metadata.sorted_tables:
                    with (work / "tables" / f"{table.name}.jsonl").open("w", encoding="utf-8") as out:
                        n = 0
                        for row in conn.execute(select(table)).mappings():
                            out.write(json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
                            n += 1
                        counts[table.name] = n
        summary = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "build": live.name if live is not None else None,
            "database": db.dialect.name,
            "tables": counts,
        }
        (work / MANIFEST).write_text(json.dumps(summary, indent=2), encoding="utf-8")
        if target.exists():
            target.rmdir()
        os.replace(work, target)
        log.info("backed up build %s and %d rows to %s", summary["build"], sum(counts.values()), target)
        return summary
    except BuildError as exc:
        raise BackupError(str(exc)) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def read_summary(source: Path) -> dict:
    try:
        summary = json.loads((Path(source) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(f"{source} is not a kb backup (no readable {MANIFEST})") from None
    if summary.get("format") != FORMAT:
        raise BackupError(f"{source} is a backup of format {summary.get('format')!r}; this kb reads {FORMAT}")
    return summary


def restore(source: Path, data_dir: Path, db: Engine) -> dict:
    """Make ``source``'s build live in ``data_dir`` and its rows the contents of ``db``. Returns its summary."""
    source, data_dir = Path(source), Path(data_dir)
    summary = read_summary(source)
    metadata = database.metadata()
    backed_up = set(summary.get("tables") or ())
    missing = [t for t in sorted(backed_up) if not (source / "tables" / f"{t}.jsonl").is_file()]
    if missing:
        raise BackupError(f"{source} lacks the tables {', '.join(missing)}")
    build = summary.get("build")
    if build is not None:
        try:
            read_manifest(source / BUILDS / build)
        except (OSError, ValueError):
            raise BackupError(f"{source} lacks its build {build}") from None
    database.upgrade(db)
    (data_dir / BUILDS).mkdir(parents=True, exist_ok=True)
    try:
        with BuildLock(data_dir):
            if build is not None and not (data_dir / BUILDS / build).is_dir():
                incoming = data_dir / BUILDS / f"{build}.partial"
                shutil.rmtree(incoming, ignore_errors=True)
                shutil.copytree(source / BUILDS / build, incoming)
                os.replace(incoming, data_dir / BUILDS / build)
            with db.begin() as conn:
                for table in reversed(metadata.sorted_tables):
                    conn.execute(delete(table))
                for table in metadata.sorted_tables:
                    if table.name not in backed_up:
                        continue  # a table kb added after this backup was made: it starts empty
                    decode = {c.name: _decoder(c) for c in table.columns}
                    batch = []
                    with (source / "tables" / f"{table.name}.jsonl").open(encoding="utf-8") as rows:
                        for line in rows:
                            row = json.loads(line)
                            batch.append({k: decode[k](v) for k, v in row.items() if k in decode})
                            if len(batch) >= 1000:
                                conn.execute(insert(table), batch)
                                batch = []
                    if batch:
                        conn.execute(insert(table), batch)
                _reset_sequences(conn, metadata)
            key = source / "keys" / TOTP_KEY_FILE
            if key.is_file():  # the rows' secrets were encrypted with it
                incoming = data_dir / f".{TOTP_KEY_FILE}.restoring"
                fd = os.open(incoming, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(key.read_bytes())
                os.replace(incoming, data_dir / TOTP_KEY_FILE)
            if build is not None:
                switch(data_dir, data_dir / BUILDS / build)
    except BuildError as exc:
        raise BackupError(str(exc)) from None
    log.info("restored build %s and every row of %s", summary["build"], source)
    return summary


def _reset_sequences(conn, metadata: MetaData) -> None:
    """PostgreSQL: move each serial id past the restored rows (SQLite takes max(id)+1 by itself)."""
    if conn.dialect.name != "postgresql":
        return
    from sqlalchemy import Integer, func, text

    for table in metadata.sorted_tables:
        for column in table.primary_key.columns:
            if isinstance(column.type, Integer) and column.autoincrement in (True, "auto"):
                top = conn.execute(select(func.max(column))).scalar()
                if top is not None:
                    conn.execute(
                        text("SELECT setval(pg_get_serial_sequence(:t, :c), :v)"),
                        {"t": table.name, "c": column.name, "v": top},
                    )
