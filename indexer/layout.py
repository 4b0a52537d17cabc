"""The data directory's layout and its atomic operations, shared by the builder and the readers::

    builds/<build-id>/manifest.json    model, dimension, counts, per-article hashes, problems
    current -> builds/<build-id>       the live build (a symlink replaced atomically)
    build.lock                         held by the one build (or restore) running

Readers find the live build here (``current_build_dir``, ``current_build_id``, ``read_manifest``)
without importing the builder; ``switch`` and ``BuildLock`` are what a build and a restore use.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
from pathlib import Path

from indexer.errors import KbError

MANIFEST = "manifest.json"
CURRENT = "current"
BUILDS = "builds"


class BuildError(KbError, status=500, code="build_failed"):
    """A build that cannot start or finish; the previous build keeps serving."""


def current_build_dir(data_dir: Path) -> Path | None:
    """The live build's directory, or None before the first build."""
    link = Path(data_dir) / CURRENT
    if not link.is_symlink() and not link.is_dir():
        return None
    target = link.resolve()
    return target if (target / MANIFEST).is_file() else None


def read_manifest(build_dir: Path) -> dict:
    return json.loads((Path(build_dir) / MANIFEST).read_text(encoding="utf-8"))


def current_build_id(data_dir: Path) -> str | None:
    """The live build's id (a readlink, microseconds: how holders notice a switch), or None."""
    try:
        return os.path.basename(os.readlink(Path(data_dir) / CURRENT))
    except OSError:
        return None


class BuildLock:
    """One build at a time per data directory (an OS lock: released even when the build is killed)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / "build.lock"

    def __enter__(self):
        self.fh = open(self.path, "w")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.close()
            raise BuildError(f"another build is running in {self.path.parent}") from None
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


def switch(data_dir: Path, build_dir: Path) -> None:
    """Point ``current`` at ``build_dir`` atomically (rename of a fresh symlink over the old one)."""
    link = Path(data_dir) / CURRENT
    tmp = Path(data_dir) / f".{CURRENT}.{secrets.token_hex(4)}"
    os.symlink(Path(BUILDS) / build_dir.name, tmp)
    os.replace(tmp, link)
    fd = os.open(data_dir, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
