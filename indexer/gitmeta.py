"""Article history from git: first and last commit (date, author) of every file, in one ``git log``.

A knowledge base copied out of its repository keeps its history in an export instead: a CSV of
``path,last_commit`` (:func:`history_file`).
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path

from indexer.errors import KbError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileHistory:
    first_commit_at: dt.datetime
    first_author: str
    last_commit_at: dt.datetime
    last_author: str
    commits: int


def history(root: Path) -> dict[str, FileHistory]:
    """Paths relative to ``root`` -> history; empty when ``root`` is not inside a git work tree."""
    root = Path(root).resolve()
    try:
        top = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
        out = subprocess.run(
            [
                "git",
                "-c",
                "core.quotepath=off",
                "-C",
                str(root),
                "log",
                "--no-renames",
                "--format=%x00%at%x00%an",
                "--name-only",
                "--",
                ".",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("no git history for %s: %s", root, exc)
        return {}
    prefix = root.relative_to(Path(top).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    result: dict[str, FileHistory] = {}
    # Newest commit first: the first time a path is seen is its last commit, the last time its first.
    entries = out.split("\x00")
    k = 1
    while k + 1 < len(entries):
        timestamp, rest = entries[k], entries[k + 1]
        author, _, names = rest.partition("\n")
        when = dt.datetime.fromtimestamp(int(timestamp), tz=dt.UTC)
        for name in names.split("\n"):
            name = name.strip()
            if not name or not name.startswith(prefix):
                continue
            rel = name[len(prefix) :]
            seen = result.get(rel)
            if seen is None:
                result[rel] = FileHistory(when, author, when, author, 1)
            else:
                result[rel] = FileHistory(when, author, seen.last_commit_at, seen.last_author, seen.commits + 1)
        k += 2
    return result


class HistoryFileError(KbError):
    """The history file cannot be read; the message says where and why."""


def history_file(csv_path: Path, root: Path) -> dict[str, FileHistory]:
    """Paths relative to ``root`` -> history, from a CSV with columns ``path`` and ``last_commit``.

    ``path`` is relative to the CSV's folder (``articles/a.md`` next to ``articles/``) or to ``root``;
    ``last_commit`` an ISO 8601 date or time (UTC when it has no offset). Optional ``author``. The
    export knows only the last commit, so it stands for the first too.
    """
    csv_path, root = Path(csv_path).resolve(), Path(root).resolve()
    result: dict[str, FileHistory] = {}
    try:
        with csv_path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if not {"path", "last_commit"} <= set(reader.fieldnames or ()):
                raise HistoryFileError(f"{csv_path}: needs the columns path and last_commit")
            for line, row in enumerate(reader, start=2):
                try:
                    when = dt.datetime.fromisoformat((row["last_commit"] or "").strip())
                except ValueError:
                    raise HistoryFileError(f"{csv_path}:{line}: {row['last_commit']!r} is not an ISO date") from None
                if when.tzinfo is None:
                    when = when.replace(tzinfo=dt.UTC)
                rel = _relative((row["path"] or "").strip(), csv_path.parent, root)
                if rel is not None:
                    author = (row.get("author") or "").strip()
                    result[rel] = FileHistory(when, author, when, author, 1)
    except OSError as exc:
        raise HistoryFileError(f"cannot read the history file {csv_path}: {exc.strerror}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise HistoryFileError(f"{csv_path}: not a UTF-8 CSV ({exc})") from None
    return result


def _relative(path: str, base: Path, root: Path) -> str | None:
    if not path:
        return None
    for candidate in ((base / path).resolve(), (root / path).resolve()):
        if candidate.is_relative_to(root):
            return candidate.relative_to(root).as_posix()
    return None
