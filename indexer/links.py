"""Internal links, anchors and images that point nowhere."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from indexer.parse import ParsedArticle
from indexer.sources import ARTICLE_SUFFIXES, Problem


def is_internal(href: str) -> bool:
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and not href.startswith("//")


def check_links(articles: Iterable[ParsedArticle], root: Path) -> list[Problem]:
    """A warning for every internal link, anchor or image that does not resolve."""
    articles = list(articles)
    by_path = {a.meta.path: a for a in articles}
    by_id = {a.meta.id: a for a in articles}
    problems: list[Problem] = []
    for article in articles:
        here = posixpath.dirname(article.meta.path)
        for link in article.links:
            if not is_internal(link.href):
                continue
            parts = urlsplit(link.href)
            target_path, fragment = unquote(parts.path), unquote(parts.fragment)
            if not target_path:
                if fragment and fragment not in article.anchors:
                    problems.append(_broken(article, link.line, f"anchor #{fragment} does not exist in this article"))
                continue
            joined = posixpath.normpath(
                target_path.lstrip("/") if target_path.startswith("/") else posixpath.join(here, target_path)
            )
            if joined.startswith("../") or joined == "..":
                problems.append(
                    _broken(article, link.line, f"{link.kind} {link.href} points outside the articles root")
                )
                continue
            if (
                link.kind == "image"
                or not joined.endswith(ARTICLE_SUFFIXES + ("",))
                and "." in posixpath.basename(joined)
            ):
                if not (Path(root) / joined).is_file():
                    problems.append(_broken(article, link.line, f"{link.kind} {link.href} points to a missing file"))
                continue
            target = by_path.get(joined) or by_path.get(joined + ".md") or by_id.get(joined.removesuffix(".md"))
            if target is None:
                if (Path(root) / joined).is_file():
                    continue  # a Markdown file we do not index (an include): it exists
                problems.append(
                    _broken(article, link.line, f"link {link.href} points to an article that does not exist")
                )
            elif fragment and fragment not in target.anchors:
                problems.append(_broken(article, link.line, f"anchor #{fragment} does not exist in {target.meta.path}"))
    return problems


def _broken(article: ParsedArticle, line: int, message: str) -> Problem:
    return Problem(article.meta.path, line, message, "warning")
