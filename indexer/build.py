"""A build: articles folder -> a new index directory, switched in atomically.

    sources -> parse -> chunk -> embed (cache) -> lexical + vectors -> manifest -> database -> switch

Layout of the data directory::

    builds/<build-id>/manifest.json    model, dimension, counts, per-article hashes, problems
    builds/<build-id>/articles.json    metadata and sections of every indexed article
    builds/<build-id>/chunks.json      chunk rows, in FAISS row order
    builds/<build-id>/vectors.faiss    the vector index
    builds/<build-id>/bm25.npz         BM25F term counts (+ bm25-vocab.json): the lexical index
    builds/<build-id>/pages.sqlite3    every article rendered to HTML
    current -> builds/<build-id>       the live build (a symlink replaced atomically)
    embedding-cache.sqlite3            vectors by (model, chunk text hash)

A build is written under ``builds/<id>.partial`` and renamed when complete, and ``current`` moves only
after that: a reader never sees half an index, and a build killed at any point leaves the previous one
serving. Articles whose file and pipeline are unchanged are carried over from the previous build
(their chunks, vectors and term counts), so a one-article edit costs one article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from indexer import bm25, categories, embed, gitmeta, labels, publish, sources
from indexer.analysis import ANALYSIS_VERSION
from indexer.backend import BuildContents, PreviousBuild, open_backend
from indexer.cache import EmbeddingCache
from indexer.config import IndexConfig
from indexer.layout import BuildError
from indexer.parse import ParsedArticle, parse_article
from indexer.sources import Problem
from indexer.vectors import Encoder

log = logging.getLogger(__name__)

# Bump when parsing or chunking changes what a build makes from the same file.
PIPELINE_VERSION = 6  # 2: BM25F term matrix; 3: rendered pages; 4: locale detected from the text; 5: tags
# 6: segments, categories and sections, promoted

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class BuildReport:
    build_id: str = ""
    articles: int = 0
    unchanged: int = 0
    chunks: int = 0
    embedded: int = 0
    reused: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    model_seconds: float = 0.0  # part of ``seconds`` spent loading the embedding model
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, for benchmarks

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def summary(self) -> str:
        return (
            f"{self.articles} articles ({self.unchanged} unchanged), {self.chunks} chunks, "
            f"{self.embedded} embedded, {self.reused} reused from cache, "
            f"{len(self.errors)} errors, {len(self.warnings)} warnings, {self.seconds:.1f} s"
            + (f" (model load {self.model_seconds:.1f} s)" if self.model_seconds else "")
        )


def _fingerprint(config: IndexConfig, encoder_id: str) -> str:
    """What, besides an article's bytes, decides its chunks and lexical documents."""
    parts = [PIPELINE_VERSION, ANALYSIS_VERSION, config.chunk_overlap, config.default_locale, encoder_id]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:16]


class _StageClock:
    def __init__(self, into: dict[str, float]) -> None:
        self.into = into
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.into[stage] = round(self.into.get(stage, 0.0) + now - self.last, 3)
        self.last = now


def build_index(
    config: IndexConfig,
    encoder_factory: Callable[[], Encoder],
    progress: Progress | None = None,
) -> BuildReport:
    """Index ``config.articles_dir`` into a new build and make it live. See the module docstring."""
    started = time.perf_counter()
    progress = progress or (lambda stage, done, total: None)
    articles_dir = Path(config.articles_dir)
    if not articles_dir.is_dir():
        raise BuildError(f"articles folder {articles_dir} does not exist")
    backend = open_backend(config.backend, Path(config.data_dir), config.database_url)
    builder = _Builder(config, encoder_factory, progress)
    with backend.writer(builder.build_id, config.keep_builds) as writer:
        report = builder.run(writer)
        if builder._encoder is not None and not builder.encoder_was_loaded:
            report.model_seconds = getattr(builder._encoder, "load_seconds", 0.0)
    report.seconds = time.perf_counter() - started
    return report


class _Builder:
    def __init__(self, config: IndexConfig, encoder_factory: Callable[[], Encoder], progress: Progress) -> None:
        self.config = config
        self.encoder_factory = encoder_factory
        self._encoder: Encoder | None = None
        self.encoder_was_loaded = False
        self._prev_articles: dict[str, dict] = {}
        self.progress = progress
        self.report = BuildReport()
        self.data_dir = Path(config.data_dir)
        now = dt.datetime.now(dt.UTC)
        self.started_at = now
        self.build_id = now.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        self.report.build_id = self.build_id

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = self.encoder_factory()
            self.encoder_was_loaded = getattr(self._encoder, "loaded", True)
        return self._encoder

    def run(self, writer) -> BuildReport:
        config, report = self.config, self.report
        previous: PreviousBuild | None = writer.previous()
        prev = previous.manifest if previous is not None else None
        fingerprint = _fingerprint(config, self.encoder.model_id)
        same_pipeline = prev is not None and prev.get("fingerprint") == fingerprint and not config.full
        prev_articles = prev["articles"] if same_pipeline else {}

        clock = _StageClock(report.stages)
        # 1. Read every file; parse only what changed.
        paths = list(sources.discover(config.articles_dir))
        self.progress("reading", 0, len(paths))
        parsed: list[ParsedArticle] = []
        carried: dict[str, dict] = {}  # rel_path -> previous manifest entry
        source_of: dict[str, sources.Source] = {}
        for n, rel in enumerate(paths, 1):
            got = sources.read(config.articles_dir, rel, config.max_article_bytes)
            if isinstance(got, Problem):
                report.problems.append(got)
                continue
            source_of[rel] = got
            before = prev_articles.get(rel)
            if before is not None and before["sha256"] == got.sha256:
                carried[rel] = before
                report.problems.extend(Problem(**p) for p in before.get("problems", []))
            else:
                try:
                    result = parse_article(got, config.default_locale)
                except Exception as exc:  # a parser bug costs one article, never the build
                    log.exception("cannot parse %s", rel)
                    result = Problem(rel, 1, f"cannot parse article: {exc}")
                if isinstance(result, Problem):
                    report.problems.append(result)
                else:
                    parsed.append(result)
                    report.problems.extend(result.problems)
            if n % embed.PROGRESS_EVERY == 0 or n == len(paths):
                self.progress("reading", n, len(paths))

        # 2. One id, one article: a later path claiming a taken id is reported, not indexed.
        owners: dict[str, str] = {entry["id"]: rel for rel, entry in carried.items()}
        unique: list[ParsedArticle] = []
        for article in sorted(parsed, key=lambda a: a.meta.path):
            other = owners.get(article.meta.id)
            if other is not None and other != article.meta.path:
                report.problems.append(
                    Problem(article.meta.path, 1, f"article id {article.meta.id!r} is already used by {other}")
                )
                continue
            owners[article.meta.id] = article.meta.path
            unique.append(article)
        parsed = unique

        clock.lap("read+parse")
        # 3. Chunks of changed articles, then vectors for every chunk of the build.
        prev_chunks = previous.chunks() if carried and previous is not None else []
        new_rows = self._chunk(parsed)
        carried_ids = {entry["id"] for entry in carried.values()}
        carried_rows = [row for row in prev_chunks if row["article_id"] in carried_ids]
        rows = carried_rows + new_rows
        clock.lap("chunk")
        vectors = self._vectors(rows, previous, prev_chunks, len(carried_rows))
        clock.lap("embed")

        # 4. Write the new build beside the live one.
        self.progress("writing", 0, 1)
        terms = self._term_counts(previous if same_pipeline else None, prev_chunks, carried_rows, new_rows)
        clock.lap("lexical")
        history = gitmeta.history(config.articles_dir)
        if config.history_file is not None:
            try:
                history.update(gitmeta.history_file(config.history_file, config.articles_dir))
            except gitmeta.HistoryFileError as exc:
                raise BuildError(str(exc)) from None
        articles_json = self._articles_json(parsed, carried, previous, source_of, history)
        names, problems = labels.read_labels(config.articles_dir / config.labels_file, config.labels_file)
        report.problems.extend(problems)
        tree, problems = categories.tree(config.articles_dir, articles_json.values())
        report.problems.extend(problems)
        manifest = self._manifest(fingerprint, parsed, carried, rows, vectors, articles_json)
        clock.lap("write")  # with the files the writer writes after the vectors and the terms
        contents = BuildContents(
            chunks=rows,
            vectors=vectors,
            terms=terms,
            articles=articles_json,
            pages=((a.meta.id, a.html) for a in parsed),
            carried_pages=carried_ids if same_pipeline else set(),
            labels=names,
            categories=tree,
            manifest=manifest,
        )
        writer.write(contents, clock.lap)
        clock.lap("write")

        # 5. Database rows, then the switch.
        report.articles = len(articles_json)
        report.unchanged = len(carried)
        report.chunks = len(rows)
        changed = {a.meta.id for a in parsed}
        writer.publish(
            lambda: publish.database_rows(
                config.database_url,
                self._build_row(len(articles_json)),
                prev.get("build_id") if prev is not None and same_pipeline else None,
                changed,
                articles_json,
                new_rows,
                rows,
                self._prev_articles,
            )
        )
        clock.lap("publish+switch")
        self.progress("writing", 1, 1)
        return report

    # -- chunking -----------------------------------------------------------------------------

    def _chunk(self, parsed: list[ParsedArticle]) -> list[dict]:
        return embed.chunk_rows(parsed, self.encoder, self.config.chunk_overlap, self.progress)

    # -- vectors ------------------------------------------------------------------------------

    def _vectors(
        self, rows: list[dict], previous: PreviousBuild | None, prev_chunks: list[dict], n_carried: int
    ) -> np.ndarray:
        vectors, self.dimension, reused, embedded = embed.vectors_for(
            rows, previous, prev_chunks, n_carried, self.encoder, EmbeddingCache(self.data_dir),
            self.config.batch_size, self.progress,
        )  # fmt: skip
        self.report.reused, self.report.embedded = reused, embedded
        return vectors

    # -- lexical ------------------------------------------------------------------------------

    @staticmethod
    def _term_counts(previous, prev_chunks, carried_rows, new_rows) -> bm25.TermCounts:
        """BM25F term counts in row order: carried rows copied from the previous build, new ones analysed."""
        counts = previous.term_counts() if previous is not None and carried_rows else None
        if counts is not None:
            position = {r["id"]: i for i, r in enumerate(prev_chunks)}
            return counts.take([position[r["id"]] for r in carried_rows]).extend(new_rows)
        return bm25.TermCounts.empty().extend(carried_rows + new_rows)

    # -- metadata -----------------------------------------------------------------------------

    def _articles_json(self, parsed, carried, previous, source_of, history) -> dict[str, dict]:
        prev_articles = {}
        if carried and previous is not None:
            prev_articles = previous.articles()
        self._prev_articles = prev_articles
        out: dict[str, dict] = {}
        for entry in carried.values():
            out[entry["id"]] = dict(prev_articles[entry["id"]])
        for article in parsed:
            meta = article.meta
            data = asdict(meta)
            data["tags"] = list(meta.tags)
            data["segments"] = list(meta.segments)
            data["category_name"], data["section_name"] = data.pop("category"), data.pop("section")
            data["reviewed"] = meta.reviewed.isoformat() if meta.reviewed else None
            data["sha256"] = article.source.sha256
            data["sections"] = [
                {
                    "ordinal": s.ordinal,
                    "level": s.level,
                    "heading": s.heading,
                    "path": list(s.path),
                    "anchor": s.anchor,
                    "line_start": s.line_start,
                    "line_end": s.line_end,
                }
                for s in article.sections
            ]
            data["links"] = [asdict(link) for link in article.links]
            out[meta.id] = data
        for data in out.values():
            data["category"], data["section"] = categories.place(
                data["path"], data.get("category_name", ""), data.get("section_name", "")
            )
            hist = history.get(data["path"])
            source = source_of.get(data["path"])
            mtime = dt.datetime.fromtimestamp(source.mtime, tz=dt.UTC) if source else None
            data["first_commit_at"] = hist.first_commit_at.isoformat() if hist else None
            data["first_author"] = hist.first_author if hist else ""
            data["last_commit_at"] = hist.last_commit_at.isoformat() if hist else None
            data["last_author"] = hist.last_author if hist else ""
            updated = hist.last_commit_at if hist else mtime
            data["updated_at"] = updated.isoformat() if updated else self.started_at.isoformat()
        return dict(sorted(out.items()))

    def _manifest(self, fingerprint, parsed, carried, rows, vectors, articles_json) -> dict:
        entries: dict[str, dict] = dict(carried)
        by_path: dict[str, list[dict]] = {}
        for p in self.report.problems:
            by_path.setdefault(p.path, []).append(asdict(p))
        for article in parsed:
            if article.meta.id in articles_json and articles_json[article.meta.id]["path"] == article.meta.path:
                entries[article.meta.path] = {
                    "id": article.meta.id,
                    "sha256": article.source.sha256,
                    "problems": by_path.get(article.meta.path, []),
                }
        content = hashlib.sha256("".join(f"{p}:{e['sha256']}\n" for p, e in sorted(entries.items())).encode())
        enc = self.encoder
        return {
            "build_id": self.build_id,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "articles_dir": str(Path(self.config.articles_dir).resolve()),
            "model": getattr(enc, "name", "") or self.config.embedding_model,  # what was used, not "auto"
            "model_id": enc.model_id,
            "precision": getattr(enc, "precision", "float32"),  # what the server must read queries in
            "dimension": self.dimension,
            "fingerprint": fingerprint,
            "counts": {
                "articles": len(articles_json),
                "chunks": len(rows),
                "vectors": int(vectors.shape[0]),
                "errors": len(self.report.errors),
                "warnings": len(self.report.warnings),
            },
            "content_hash": content.hexdigest(),
            "ids": sorted(articles_json),
            "articles": dict(sorted(entries.items())),
            "problems": [asdict(p) for p in self.report.problems],
        }

    def _build_row(self, articles: int) -> dict:
        """This build's row in the ``builds`` table."""
        report, finished = self.report, dt.datetime.now(dt.UTC)
        return {
            "id": self.build_id,
            "started_at": self.started_at,
            "finished_at": finished,
            "status": "live",
            "articles_dir": str(Path(self.config.articles_dir).resolve()),
            "model": getattr(self.encoder, "name", "") or self.config.embedding_model,  # what was used, not "auto"
            "dimension": self.dimension,
            "articles": articles,
            "chunks": report.chunks,
            "embedded": report.embedded,
            "reused": report.reused,
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "seconds": (finished - self.started_at).total_seconds(),
        }
