"""The embedding cache: one vector per (model, chunk text), persisted in a local SQLite file.

Keyed by the model's identity and the SHA-256 of the exact text the model saw, so an unchanged
chunk is never embedded twice, across builds, articles and even knowledge bases; a different model
simply misses. Writes are committed in batches as they are computed, so a build killed mid-embedding
keeps what it already paid for.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    FILENAME = "embedding-cache.sqlite3"

    def __init__(self, directory: Path) -> None:
        Path(directory).mkdir(parents=True, exist_ok=True)
        self.path = Path(directory) / self.FILENAME
        self._db = sqlite3.connect(self.path, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS embeddings ("
            " model TEXT NOT NULL, hash TEXT NOT NULL, vector BLOB NOT NULL,"
            " PRIMARY KEY (model, hash)) WITHOUT ROWID"
        )
        self._db.commit()

    def get_many(self, model: str, hashes: Sequence[str], dimension: int) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(hashes))
        for start in range(0, len(unique), 500):
            part = unique[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT hash, vector FROM embeddings WHERE model = ? AND hash IN ({marks})", [model, *part]
            )
            for h, blob in rows:
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape[0] == dimension:
                    found[h] = vector
        return found

    def put_many(self, model: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO embeddings (model, hash, vector) VALUES (?, ?, ?)",
            ((model, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in items),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()
