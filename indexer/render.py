"""Articles rendered to HTML at build time, and the per-build store of those pages.

Rendering uses the one Markdown dialect of :mod:`indexer.parse` (raw HTML off, so an article's HTML
is shown as text; markdown-it refuses ``javascript:`` and other unsafe link targets). Headings get
the section anchors the search results point at, and links to other articles (``../cuenta/x.md``)
become help-center URLs (``/articles/<id>``). The article's own H1 is left out: pages print the title.

A build keeps its pages in ``pages.sqlite3`` (article id -> HTML): readers fetch one page at a time
instead of holding every article's HTML in memory.
"""

from __future__ import annotations

import logging
import posixpath
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from indexer.sources import article_id_for

log = logging.getLogger(__name__)

FILENAME = "pages.sqlite3"


def _article_href(href: str, article_path: str) -> str | None:
    """The help-center URL of a relative link to another Markdown article, or None to leave it as is."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.endswith((".md", ".markdown")):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(article_path), parts.path))
    if target.startswith("../") or target == "..":
        return None
    url = "/articles/" + article_id_for(target.lstrip("/"))
    return url + (f"#{parts.fragment}" if parts.fragment else "")


def render_tokens(
    md, tokens: list, anchors: dict[int, str], article_path: str, title_at: int | None, clean: Callable[[str], str]
) -> str:
    """HTML of an article's tokens.

    ``anchors`` maps a heading_open token index to its section anchor; ``title_at`` is the index of
    the article's own H1, left out; ``clean`` strips foreign markup from text.
    """
    out = []
    skip_until = -1
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and i in anchors:
            tok.attrSet("id", anchors[i])
        if i == title_at:
            skip_until = i + 2  # heading_open, inline, heading_close
        if tok.type == "inline":
            for child in tok.children or []:
                if child.type == "text":
                    child.content = clean(child.content)
                elif child.type == "link_open":
                    href = _article_href(str(child.attrs.get("href", "")), article_path)
                    if href is not None:
                        child.attrSet("href", href)
        if i <= skip_until:
            continue
        out.append(tok)
    return md.renderer.render(out, md.options, {})


class PageStore:
    """``pages.sqlite3`` of one build: written once by the indexer, then only read."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def write(self, pages: Iterable[tuple[str, str]], carry_from: Path | None = None, keep: set[str] = frozenset()):
        """Write this build's pages: ``keep`` ids copied from ``carry_from``'s store, then ``pages``."""
        conn = sqlite3.connect(self.path)
        try:
            conn.execute("CREATE TABLE pages (article_id TEXT PRIMARY KEY, html TEXT NOT NULL)")
            if carry_from is not None and keep and (carry_from / FILENAME).is_file():
                conn.execute("ATTACH DATABASE ? AS prev", (str(carry_from / FILENAME),))
                conn.execute("CREATE TEMP TABLE keep (article_id TEXT PRIMARY KEY)")
                conn.executemany("INSERT INTO keep VALUES (?)", ((k,) for k in keep))
                conn.execute("INSERT INTO pages SELECT p.* FROM prev.pages p JOIN keep USING (article_id)")
                conn.commit()
                conn.execute("DETACH DATABASE prev")
            conn.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)", pages)
            conn.commit()
        finally:
            conn.close()

    def get(self, article_id: str) -> str | None:
        # One short-lived read-only connection per page view: cheap, and safe across threads.
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT html FROM pages WHERE article_id = ?", (article_id,)).fetchone()
        finally:
            conn.close()
        return row[0] if row else None
