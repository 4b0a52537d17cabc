"""What a build is told: where the articles and the data are, which model, how to chunk. A plain
record, so that reading settings (``kb.settings``) loads none of the indexer's machinery."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

AUTO = "auto"  # EMBEDDING_MODEL: the bundled model that fits the articles' languages (indexer.vectors)


@dataclass(frozen=True, slots=True)
class IndexConfig:
    articles_dir: Path
    data_dir: Path
    database_url: str
    embedding_model: str
    default_locale: str
    chunk_overlap: int
    max_article_bytes: int
    batch_size: int
    keep_builds: int
    history_file: Path | None = None  # a CSV export of git history (gitmeta.history_file), over git's own
    labels_file: str = "labels.yml"  # display names of products and tags, under articles_dir (indexer.labels)
    full: bool = False  # rebuild every article as if there were no previous build (the embedding cache stays)
    backend: str = "local"  # where builds are kept (INDEX_BACKEND; indexer.backend.BACKENDS)
