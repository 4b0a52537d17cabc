"""Internal links, anchors and images that point nowhere."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from indexer.parse import Link, ParsedArticle
from indexer.sources import ARTICLE_SUFFIXES, Problem


@dataclass(frozen=True, slots=True)
class Linking:
    """What link checking needs of an article: from a parse (``kb check``) or a build's articles.json."""

    path: str
    id: str
    links: Sequence[Link]
    anchors: frozenset[str]

    @classmethod
    def of(cls, article: ParsedArticle) -> Linking:
        return cls(article.meta.path, article.meta.id, tuple(article.links), frozenset(article.anchors))

    @classmethod
    def from_build(cls, article: dict) -> Linking:
        """From an entry of a build's ``articles.json`` (its ``links`` and its sections' anchors)."""
        links = tuple(Link(x["href"], x["line"], x["kind"]) for x in article.get("links") or ())
        anchors = frozenset(s["anchor"] for s in article.get("sections") or () if s.get("anchor"))
        return cls(article["path"], article["id"], links, anchors)


def is_internal(href: str) -> bool:
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and not href.startswith("//")


@dataclass(frozen=True, slots=True)
class BrokenLink:
    path: str  # the article holding the link
    line: int
    kind: str  # link | image
    href: str
    why: str  # anchor | outside | missing_file | missing_article | missing_target_anchor
    target: str = ""  # missing_target_anchor: the article path the anchor was looked for in

    @property
    def message(self) -> str:
        fragment = "#" + unquote(urlsplit(self.href).fragment)
        return {
            "anchor": f"anchor {fragment} does not exist in this article",
            "outside": f"{self.kind} {self.href} points outside the articles root",
            "missing_file": f"{self.kind} {self.href} points to a missing file",
            "missing_article": f"link {self.href} points to an article that does not exist",
            "missing_target_anchor": f"anchor {fragment} does not exist in {self.target}",
        }[self.why]


def check_links(articles: Iterable[Linking], root: Path) -> list[Problem]:
    """A warning for every internal link, anchor or image that does not resolve."""
    return [Problem(b.path, b.line, b.message, "warning") for b in broken_links(articles, root)]


def broken_links(articles: Iterable[Linking], root: Path) -> list[BrokenLink]:
    """Every internal link, anchor or image of ``articles`` that does not resolve, in article order."""
    articles = list(articles)
    by_path = {a.path: a for a in articles}
    by_id = {a.id: a for a in articles}
    out: list[BrokenLink] = []
    for article in articles:
        here = posixpath.dirname(article.path)
        for link in article.links:
            if not is_internal(link.href):
                continue

            def broken(why: str, target: str = "") -> None:
                out.append(BrokenLink(article.path, link.line, link.kind, link.href, why, target))  # noqa: B023

            parts = urlsplit(link.href)
            target_path, fragment = unquote(parts.path), unquote(parts.fragment)
            if not target_path:
                if fragment and fragment not in article.anchors:
                    broken("anchor")
                continue
            joined = posixpath.normpath(
                target_path.lstrip("/") if target_path.startswith("/") else posixpath.join(here, target_path)
            )
            if joined.startswith("../") or joined == "..":
                broken("outside")
                continue
            # An image, or a link to a file that is not an article (a PDF, a picture): the file must exist.
            suffix = posixpath.splitext(joined)[1].lower()
            if link.kind == "image" or (suffix and suffix not in ARTICLE_SUFFIXES):
                if not os.path.isfile(os.path.join(root, joined)):
                    broken("missing_file")
                continue
            target = by_path.get(joined) or by_path.get(joined + ".md") or by_id.get(joined.removesuffix(".md"))
            if target is None:
                if os.path.isfile(os.path.join(root, joined)):
                    continue  # a Markdown file we do not index (an include): it exists
                broken("missing_article")
            elif fragment and fragment not in target.anchors:
                broken("missing_target_anchor", target.path)
    return out
