"""Markdown -> sections: the article's headings, anchors, plain-text blocks with line numbers, and links.

Parsing uses markdown-it-py with raw HTML off (HTML in an article is text, never markup) and the
front-matter plugin. Line numbers are 1-based lines of the source file.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from indexer.render import render_tokens
from indexer.schema import ArticleMeta, build_meta, load_front_matter
from indexer.sources import Problem, Source, article_id_for

log = logging.getLogger(__name__)


def markdown() -> MarkdownIt:
    """The one Markdown dialect of kb: CommonMark + tables + strikethrough, raw HTML off."""
    return MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin).enable(["table", "strikethrough"])


_MD = markdown()

# Markup other docs systems put in text: Adobe's [!DNL Name] / [!UICONTROL Save], alert markers, includes.
# Bracket classes exclude both brackets, so an unclosed "[!DNL " repeated is linear, not quadratic, to scan.
_DNL = re.compile(r"\[!(?:DNL|UICONTROL|BADGE|ABBR)\s+([^\[\]]*)\]", re.IGNORECASE)
_ALERT = re.compile(
    r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION|INFO|MORELIKETHIS|AVAILABILITY|PREREQUISITES|ADMIN|ERROR|SUCCESS|VIDEO|CONTEXTUALHELP)\]",
    re.IGNORECASE,
)
_INCLUDE = re.compile(r"\[!include\b\s*(?:\[[^\[\]]*\]\([^()]*\)|[^\[\]]*)\]", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_NAMED_ANCHOR = re.compile(r"<a\s+(?:name|id)\s*=\s*[\"']([^\"']+)[\"']\s*/?>(?:\s*</a>)?", re.IGNORECASE)
_ATTR_ANCHOR = re.compile(r"\{[ \t]*#([A-Za-z0-9_\-:.]+)[ \t]*\}\s*$")  # no leading \s*: quadratic in spaces
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, list item, table row or code block as plain text."""

    text: str
    line_start: int
    line_end: int


@dataclass(slots=True)
class Section:
    """The text under one heading, up to the next heading."""

    ordinal: int
    level: int  # 0 for the part before the first sub-heading
    heading: str
    path: tuple[str, ...]  # headings from the top level down to this one (the title excluded)
    anchor: str
    line_start: int
    line_end: int
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    line: int
    kind: str  # "link" or "image"


@dataclass(slots=True)
class ParsedArticle:
    meta: ArticleMeta
    source: Source
    sections: list[Section]
    links: list[Link]
    problems: list[Problem]
    html: str = ""

    @property
    def anchors(self) -> set[str]:
        return {s.anchor for s in self.sections if s.anchor}


def strip_markup(text: str) -> str:
    """Text without other docs systems' markers ([!DNL x], alerts, includes) and literal HTML tags."""
    text = _INCLUDE.sub("", text)
    text = _DNL.sub(r"\1", text)
    text = _ALERT.sub("", text)
    return _TAG.sub("", text)


def clean_text(text: str) -> str:
    """Plain text from inline Markdown leftovers, spaces collapsed."""
    return _SPACES.sub(" ", strip_markup(text)).strip()


def slugify(text: str) -> str:
    """GitHub-style anchor: lowercase, punctuation dropped, spaces to dashes, letters with accents kept."""
    text = unicodedata.normalize("NFC", text.strip().lower())
    text = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return re.sub(r"\s", "-", text)


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(" ".join(c.content for c in child.children or []))
    return "".join(parts)


def _heading_parts(token) -> tuple[str, str]:
    """(text, explicit anchor or '') of a heading's inline token."""
    raw = token.content
    explicit = ""
    m = _NAMED_ANCHOR.search(raw)
    if m:
        explicit = m.group(1)
    m = _ATTR_ANCHOR.search(raw)
    if m:
        explicit = explicit or m.group(1)
        raw = raw[: m.start()]
    text = _inline_text(token)
    text = _ATTR_ANCHOR.sub("", text).rstrip()
    return clean_text(text), explicit


def _collect_links(token, line: int, out: list[Link]) -> None:
    for child in token.children or []:
        if child.type == "link_open":
            href = child.attrs.get("href")
            if href:
                out.append(Link(str(href), line, "link"))
        elif child.type == "image":
            src = child.attrs.get("src")
            if src:
                out.append(Link(str(src), line, "image"))


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
_FIRST_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def article_locale(source: Source, default_locale: str) -> str:
    """An article's locale without parsing its Markdown (front matter, folder, else its language):
    what ``parse_article`` decides, read from the first 3,000 characters of the body."""
    m = _FRONT.match(source.text)
    raw, body = (m.group(1), source.text[m.end() :]) if m else (None, source.text)
    data, problems = load_front_matter(raw, source.rel_path)
    heading = _FIRST_HEADING.search(body)
    meta, _ = build_meta(
        {} if problems else data,
        raw,
        source.rel_path,
        article_id_for(source.rel_path),
        heading.group(1) if heading else "",
        default_locale,
        strip_markup(body[:3000]),
    )
    return meta.locale if meta is not None else default_locale


def parse_article(source: Source, default_locale: str, article_id: str | None = None) -> ParsedArticle | Problem:
    """Parse one article into metadata and sections, or return the error that stops it."""
    try:
        tokens = _MD.parse(source.text)
    except Exception as exc:  # markdown-it is robust, but a parser bug must not stop the build
        log.exception("markdown-it failed on %s", source.rel_path)
        return Problem(source.rel_path, 1, f"cannot parse Markdown: {exc}")

    raw_fm = None
    if tokens and tokens[0].type == "front_matter":
        raw_fm = tokens[0].content
        tokens = tokens[1:]
    data, problems = load_front_matter(raw_fm, source.rel_path)
    if problems:
        return problems[0]

    total_lines = source.text.count("\n") + 1
    sections: list[Section] = []
    links: list[Link] = []
    stack: list[tuple[int, str]] = []
    seen_anchors: dict[str, int] = {}
    first_heading = ""
    title_heading_used = False
    current = Section(0, 0, "", (), "", 1, total_lines)
    row: list[str] = []
    row_line = 0
    heading_anchors: dict[int, str] = {}  # token index -> anchor, for the rendered HTML
    title_at: int | None = None

    def unique(anchor: str) -> str:
        n = seen_anchors.get(anchor, 0)
        seen_anchors[anchor] = n + 1
        return anchor if n == 0 else f"{anchor}-{n}"

    def add_block(text: str, start: int, end: int) -> None:
        text = clean_text(text)
        if text:
            current.blocks.append(Block(text, start, end))

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            inline = tokens[i + 1]
            text, explicit = _heading_parts(inline)
            line = tok.map[0] + 1 if tok.map else 1
            _collect_links(inline, line, links)
            if not first_heading:
                first_heading = text
            if level == 1 and not title_heading_used and not sections and not current.blocks:
                # The article's own H1: it names the lead section, it does not open a new one.
                title_heading_used = True
                title_at = i
                current.heading = text
                current.anchor = unique(explicit or slugify(text)) if (explicit or text) else ""
                if current.anchor:
                    heading_anchors[i] = current.anchor
                i += 3
                continue
            current.line_end = line - 1
            sections.append(current)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, text))
            anchor = unique(explicit or slugify(text) or f"section-{len(sections)}")
            current = Section(len(sections), level, text, tuple(t for _, t in stack), anchor, line, total_lines)
            heading_anchors[i] = anchor
            i += 3
            continue
        if tok.type == "tr_open":
            row, row_line = [], (tok.map[0] + 1 if tok.map else current.line_start)
        elif tok.type == "tr_close":
            add_block(" | ".join(c for c in row if c), row_line, row_line)
            row = []
        elif tok.type == "inline":
            line = tok.map[0] + 1 if tok.map else current.line_start
            end = tok.map[1] if tok.map else line
            _collect_links(tok, line, links)
            text = _inline_text(tok)
            if tokens[i - 1].type in ("th_open", "td_open"):
                row.append(clean_text(text))
            else:
                add_block(text, line, end)
        elif tok.type in ("fence", "code_block"):
            line = tok.map[0] + 1 if tok.map else current.line_start
            end = tok.map[1] if tok.map else line
            if tok.content.strip():
                current.blocks.append(Block(tok.content.strip(), line, end))
        i += 1
    sections.append(current)

    meta, meta_problems = build_meta(
        data,
        raw_fm,
        source.rel_path,
        article_id or article_id_for(source.rel_path),
        first_heading,
        default_locale,
        " ".join(b.text for s in sections for b in s.blocks)[:2000],
    )
    if meta is None:
        return meta_problems[0]
    if not sections[0].heading:
        sections[0].heading = meta.title
    sections = [s for s in sections if s.blocks or s.level > 0 or s.ordinal == 0]
    html = render_tokens(_MD, tokens, heading_anchors, source.rel_path, title_at, strip_markup)
    return ParsedArticle(meta, source, sections, links, meta_problems, html)
