"""Article history from git: first and last commit (date, author) of every file, in one ``git log``."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path

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
