"""The index-backend interface: everything the services may ask of a build, whatever stores it.

In the spirit of txtai's ``ann/base.py``: a few small protocols and typed records, with kb's local
implementation (BM25F term matrix, FAISS, files in ``DATA_DIR``) behind them in ``indexer.local``.
Services speak of articles and sections by id and say *who reads* with a :class:`Filter`; they never
see rows, masks, FAISS or the term matrix. A second backend implements :class:`Backend` (and what it
opens) and is named by the ``INDEX_BACKEND`` setting in :data:`BACKENDS`; nothing in ``kb/services``
changes for it.

The query's terms are a lexicon's *columns*: small integers naming its terms (``lexicon.vocab[c]``
is the ``lang:stem`` term), with each term's document frequency ``df[c]`` and weight ``idf[c]`` over
what the audience may see. Query analysis (stemming, stop words, typo correction) is the lexicon's,
so every backend analyses text as kb does.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypedDict

import numpy as np

from indexer.bm25 import QueryTerms, SpellingLimits, TermCounts
from indexer.errors import KbError
from indexer.spelling import Speller
from indexer.vectors import Encoder


class NoIndex(KbError, status=503, code="no_index"):
    """There is no build to read yet."""

    public_message = "the knowledge base has not been indexed yet; run `kb index`"  # no paths


class ModelMismatch(KbError, status=503, code="index_model_mismatch"):
    """The live build was embedded by another model than the one configured."""


class SectionRecord(TypedDict):
    heading: str
    anchor: str
    level: int


class ArticleRecord(TypedDict, total=False):
    """One article of a build, as the indexer parsed it (front matter, git history, sections, links)."""

    id: str
    path: str
    title: str
    summary: str
    locale: str
    tags: list[str]
    product: str
    audience: str  # public | internal
    owner: str
    reviewed: str | None  # ISO date
    review_every: int | None
    status: str  # published | draft | archived
    translation_of: str
    segments: list[str]  # customers see it only if they carry one of these (none: everyone)
    category: str  # category id ("es/facturacion"; "" in none)
    section: str  # section id (the category's own id for its default section)
    category_name: str  # the front matter's names, if it placed the article
    section_name: str
    promoted: bool
    extra: dict
    sha256: str
    sections: list[SectionRecord]
    links: list[dict]
    first_commit_at: str | None
    first_author: str
    last_commit_at: str | None
    last_author: str
    updated_at: str


class ChunkRecord(TypedDict):
    """One searchable section (or part of one) of an article."""

    id: str
    article_id: str
    section: bool  # False: the article's introduction (before its first heading)
    heading: str
    path: list[str]  # the headings above it
    anchor: str
    line_start: int
    line_end: int
    tokens: int
    text: str
    embed_hash: str
    title: str
    locale: str
    product: str
    tags: list[str]
    audience: str
    status: str


@dataclass(frozen=True, slots=True)
class Filter:
    """Who reads and what they asked for: customers (``staff=False``) see public, published articles
    without segments, and those of the ``segments`` they carry; staff see internal and every segment's
    too; ``locale``, ``product`` and every one of ``tags`` narrow it."""

    staff: bool = False
    locale: str | None = None
    product: str | None = None
    tags: tuple[str, ...] = ()
    segments: frozenset[str] = frozenset()


def sees(article: ArticleRecord, staff: bool, segments: frozenset[str] = frozenset()) -> bool:
    """Whether a reader may see the article at all: the one rule every backend applies."""
    if article.get("status") != "published":
        return False
    if staff:
        return True
    return article.get("audience") == "public" and (
        not article.get("segments") or bool(segments & set(article["segments"]))
    )


class Lexicon(Protocol):
    """BM25F over the sections one audience may see, with that audience's words and statistics only."""

    vocab: Sequence[str]  # column -> ``lang:stem``
    df: np.ndarray  # column -> sections holding the term
    idf: np.ndarray  # column -> the term's BM25 weight
    visible_rows: int  # sections this audience may see
    known: dict[str, int]  # term -> column, for the terms some visible section holds

    @property
    def speller(self) -> Speller: ...

    def analyse(
        self, text: str, locale: str | None, correct: bool = True, *, language: str | None = None,
        limits: SpellingLimits | None = None,
    ) -> QueryTerms: ...  # fmt: skip

    def search(self, columns: list[int], n: int, where: Filter) -> list[tuple[str, float]]:
        """``(chunk id, score)`` of the best ``n`` sections ``where`` admits with a positive score."""
        ...

    def matched(self, chunk_ids: Sequence[str], columns: Sequence[int]) -> dict[str, list[int]]:
        """For each section, the ``columns`` it holds, in ``columns`` order."""
        ...

    def chunks_with(self, term: str, k: int = 3) -> list[str]:
        """A few sections holding ``term`` (``lang:stem``)."""
        ...

    def best_score(self, columns: set[int]) -> float:
        """The best BM25F score any section this audience may see gets from ``columns`` together."""
        ...


class VectorStore(Protocol):
    """The sections' embeddings (unit vectors: the dot product is the cosine)."""

    def search(self, vector: np.ndarray, n: int, where: Filter, floor: float = -1.0) -> list[tuple[str, float]]:
        """``(chunk id, cosine)`` of the ``n`` sections ``where`` admits most like ``vector``, none below
        ``floor``, best first."""
        ...

    def vectors(self, chunk_ids: Sequence[str]) -> np.ndarray:
        """The sections' vectors, one row each, in ``chunk_ids`` order (float32)."""
        ...

    def sample(self, where: Filter, n: int) -> np.ndarray:
        """Up to ``n`` of the vectors ``where`` admits, the same ones every time for a build."""
        ...


class Index(Protocol):
    """One immutable build: its catalog of articles and sections, its vectors and its lexicons."""

    build_id: str
    labels: dict[str, dict[str, dict[str, str]]]  # products' and tags' display names per language
    categories: dict[str, dict]  # category id -> node with its sections (indexer.categories.tree)
    vectors: VectorStore

    def lexicon(self, staff: bool, segments: frozenset[str] = frozenset()) -> Lexicon:
        """The lexicon of what a reader sees (customers: of the segments they carry)."""
        ...

    def article(self, article_id: str) -> ArticleRecord:
        """The article (``KeyError`` for an id the build does not have)."""
        ...

    def article_ids(self, where: Filter | None = None) -> list[str]:
        """The articles ``where`` admits (every one, drafts included, without it), in the build's order."""
        ...

    def chunk(self, chunk_id: str) -> ChunkRecord: ...

    def chunks_of(self, article_id: str) -> list[str]:
        """The article's sections, in order."""
        ...

    def resolve(self, reference: str) -> str | None:
        """The article an id or a file path (``es/cuenta/x.md``, ``es/cuenta/x``) names, if any."""
        ...

    def translations(self, article_id: str) -> set[str]:
        """The same article in other languages (``translation_of`` in either direction)."""
        ...

    def visible(self, article_id: str, staff: bool, segments: frozenset[str] = frozenset()) -> bool:
        """Whether a reader may see this article at all (:func:`sees`)."""
        ...

    def page(self, article_id: str) -> str | None:
        """The article's body rendered as safe HTML."""
        ...

    def title_words(self, article_id: str) -> list[str]:
        """The title as folded, lowercased words (autocomplete)."""
        ...

    def check_encoder(self, encoder: Encoder) -> None:
        """Raise ``ModelMismatch`` if ``encoder`` is not the model the build's vectors came from."""
        ...


class PreviousBuild(Protocol):
    """The live build as the next one reads it, to carry unchanged articles over instead of redoing them."""

    manifest: dict  # build id, fingerprint, model, dimension, articles by path (indexer.build)

    def chunks(self) -> list[ChunkRecord]: ...

    def articles(self) -> dict[str, ArticleRecord]: ...

    def vectors(self) -> np.ndarray:
        """Every section's vector, in ``chunks()`` order."""
        ...

    def term_counts(self) -> TermCounts | None:
        """The sections' term counts (BM25F fields), in ``chunks()`` order; None if it has none."""
        ...


@dataclass(frozen=True, slots=True)
class BuildContents:
    """Everything a build is, as the indexer made it: rows in one order throughout."""

    chunks: list[dict]  # ChunkRecord rows
    vectors: np.ndarray  # one per chunk
    terms: TermCounts  # one row per chunk
    articles: dict[str, dict]  # article id -> ArticleRecord
    pages: Iterable[tuple[str, str]]  # (article id, HTML) of the articles parsed anew
    carried_pages: set[str]  # article ids whose page is the previous build's
    labels: dict
    categories: dict
    manifest: dict


class BuildWriter(Protocol):
    """One new build, written beside the live one: nothing of it is seen until ``publish``."""

    def previous(self) -> PreviousBuild | None:
        """The live build (None: this is the first)."""
        ...

    def write(self, contents: BuildContents, lap: Callable[[str], None] = ...) -> None:
        """Write the build (not yet live); ``lap(stage)`` after each costly stage, for the build's report."""
        ...

    def publish(self, before_switch: Callable[[], None]) -> None:
        """Run ``before_switch`` (the metadata database's rows), then make the build live in one step."""
        ...


class Backend(Protocol):
    """Where builds live, and which one is live."""

    def writer(self, build_id: str, keep_builds: int) -> AbstractContextManager[BuildWriter]:
        """A writer for a new build, one at a time (a second build waits or is refused); on leaving
        it, all but ``keep_builds`` builds (the live one among them) are let go."""
        ...

    def live_build_id(self) -> str | None:
        """The live build's id (cheap: asked before every request to notice a switch)."""
        ...

    def live_model(self) -> str | None:
        """The embedding model setting the live build was made with (None: no build yet)."""
        ...

    def live_precision(self) -> str | None:
        """The precision its vectors were made in (``float32``, ``int8``; None: no build yet)."""
        ...

    def open(self) -> Index:
        """The live build; ``NoIndex`` before the first."""
        ...


# INDEX_BACKEND -> "module:class" of a Backend whose constructor takes (data_dir, database_url).
BACKENDS = {"local": "indexer.local:LocalBackend"}


class UnknownBackend(KbError, status=500, code="unknown_backend"):
    """INDEX_BACKEND names no backend kb has."""


def open_backend(name: str, data_dir: Path, database_url: str = "") -> Backend:
    """The backend the ``INDEX_BACKEND`` setting names."""
    target = BACKENDS.get(name)
    if target is None:
        raise UnknownBackend(f"INDEX_BACKEND {name!r} is not one of {', '.join(sorted(BACKENDS))}")
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)(Path(data_dir), database_url)
