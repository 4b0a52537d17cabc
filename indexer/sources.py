"""Finding article files under an articles root and reading them safely.

Every file is either returned as a :class:`Source` or reported as a :class:`Problem`
(``path:line: message``); one bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".md", ".markdown")
# Folders of fragments that other articles include (Microsoft Learn's ``[!INCLUDE]``): not articles.
SNIPPET_DIRS = frozenset({"includes", "_includes"})


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one article, reported as ``path:line: message``."""

    path: str
    line: int
    message: str
    severity: str = "error"  # "error": the article is not indexed; "warning": indexed anyway

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class Source:
    """One readable article file."""

    rel_path: str  # POSIX path under the articles root, e.g. "es/cuenta/contrasena.md"
    text: str
    sha256: str
    mtime: float


def article_id_for(rel_path: str) -> str:
    """The default article id: its path under the root without the Markdown suffix."""
    for suffix in ARTICLE_SUFFIXES:
        if rel_path.endswith(suffix):
            return rel_path[: -len(suffix)]
    return rel_path


def discover(root: Path) -> Iterator[str]:
    """Relative POSIX paths of every Markdown file below ``root``, sorted; hidden and snippet folders skipped."""
    root = Path(root)
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")) and d.lower() not in SNIPPET_DIRS)
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            found.append(Path(dirpath, name).relative_to(root).as_posix())
        # Symlinked folders are not walked (followlinks=False) but must be reported, not silently lost.
        for d in list(dirnames):
            full = Path(dirpath, d)
            if full.is_symlink():
                found.append(full.relative_to(root).as_posix() + "/")
    yield from sorted(found)


def read(root: Path, rel_path: str, max_bytes: int) -> Source | Problem:
    """Read one article as UTF-8 text, or say in one sentence why it cannot be."""
    root = Path(root).resolve()
    path = root / rel_path
    if rel_path.endswith("/"):
        target = path.resolve()
        if not target.is_relative_to(root):
            return Problem(rel_path, 1, f"symlinked folder points outside the articles root ({target})")
        return Problem(rel_path, 1, "symlinked folder is not followed; link the files instead", "warning")
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                return Problem(rel_path, 1, f"symlink points outside the articles root ({target})")
        stat = path.stat()
    except OSError as exc:
        return Problem(rel_path, 1, f"cannot read file: {exc.strerror or exc}")
    if stat.st_size > max_bytes:
        return Problem(rel_path, 1, f"file is {stat.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Problem(rel_path, 1, f"cannot read file: {exc.strerror or exc}")
    if not data.strip():
        return Problem(rel_path, 1, "file is empty")
    if b"\x00" in data[:8192]:
        return Problem(rel_path, 1, "file is binary, not Markdown text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Problem(rel_path, line, f"invalid UTF-8 at byte {exc.start}; save the file as UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sha = hashlib.sha256(data).hexdigest()
    return Source(rel_path=rel_path, text=text, sha256=sha, mtime=stat.st_mtime)
