"""The lexical index: one Whoosh document per chunk, analysed in the chunk's own language.

Each language has its own fields (``title_es``, ``body_en``...) with that language's analyzer, so a
Spanish article is stemmed as Spanish and an English one as English; a query is analysed once per
language it may be in and matched against that language's fields, ranked by BM25F.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import qparser, scoring
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.query import And, Or, Term

from indexer.analysis import LANGUAGES, analyzer

log = logging.getLogger(__name__)

DIRNAME = "lexical"
# Field weights in BM25F: a word in the title or a heading says more about a chunk than one in its body.
FIELD_BOOSTS = {"title": 3.0, "headings": 2.0, "body": 1.0}


def schema() -> Schema:
    fields = {
        "chunk_id": ID(stored=True, unique=True),
        "article_id": ID(stored=True),
        "locale": ID(),
        "product": ID(),
        "tags": KEYWORD(commas=True, lowercase=True),
        "audience": ID(),
        "status": ID(),
    }
    for lang in LANGUAGES:
        for name in FIELD_BOOSTS:
            fields[f"{name}_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=False)
    return Schema(**fields)


@dataclass(frozen=True, slots=True)
class LexicalDoc:
    chunk_id: str
    article_id: str
    locale: str
    product: str
    tags: Sequence[str]
    audience: str
    status: str
    title: str
    headings: str
    body: str


def _fields(doc: LexicalDoc) -> dict:
    lang = doc.locale if doc.locale in LANGUAGES else LANGUAGES[0]
    return {
        "chunk_id": doc.chunk_id,
        "article_id": doc.article_id,
        "locale": doc.locale,
        "product": doc.product.lower(),
        "tags": ",".join(t.lower() for t in doc.tags),
        "audience": doc.audience,
        "status": doc.status,
        f"title_{lang}": doc.title,
        f"headings_{lang}": doc.headings,
        f"body_{lang}": doc.body,
    }


def write(
    directory: Path,
    add: Iterable[LexicalDoc],
    delete_articles: Iterable[str] = (),
    base: Path | None = None,
) -> int:
    """Write the lexical index of a new build in ``directory``.

    With ``base`` (the previous build's lexical index) its segments are copied and only the
    articles in ``delete_articles`` are removed and the ``add`` documents added: an incremental
    build costs what changed, not the whole knowledge base. Returns the document count.
    """
    directory = Path(directory)
    if base is not None:
        shutil.copytree(base, directory)
        ix = whoosh_index.open_dir(str(directory))
    else:
        directory.mkdir(parents=True)
        ix = whoosh_index.create_in(str(directory), schema())
    writer = ix.writer(limitmb=256)
    try:
        for article_id in delete_articles:
            writer.delete_by_term("article_id", article_id)
        for doc in add:
            writer.add_document(**_fields(doc))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    count = ix.doc_count()
    ix.close()
    return count


class LexicalSearcher:
    """BM25F search over one build's lexical index. Thread-safe for reads; reopen per build."""

    def __init__(self, directory: Path) -> None:
        self._ix = whoosh_index.open_dir(str(directory))
        self._searcher = self._ix.searcher(weighting=scoring.BM25F(B=0.75, K1=1.2))
        self._parsers = {lang: self._parser([lang]) for lang in LANGUAGES}
        self._parsers["*"] = self._parser(list(LANGUAGES))

    def _parser(self, langs: list[str]) -> qparser.MultifieldParser:
        fields = [f"{name}_{lang}" for lang in langs for name in FIELD_BOOSTS]
        boosts = {f"{name}_{lang}": boost for lang in langs for name, boost in FIELD_BOOSTS.items()}
        parser = qparser.MultifieldParser(
            fields, self._ix.schema, fieldboosts=boosts, group=qparser.OrGroup.factory(0.9)
        )
        # Customers type words, not query syntax: keep only plain terms and quoted phrases.
        parser.remove_plugin_class(qparser.WildcardPlugin)
        parser.remove_plugin_class(qparser.FieldsPlugin)
        parser.remove_plugin_class(qparser.RangePlugin)
        parser.remove_plugin_class(qparser.BoostPlugin)
        parser.remove_plugin_class(qparser.OperatorsPlugin)
        parser.remove_plugin_class(qparser.GroupPlugin)
        parser.remove_plugin_class(qparser.PhrasePlugin)  # fields keep no positions: quotes are just words
        return parser

    def doc_count(self) -> int:
        return self._searcher.doc_count()

    def search(
        self,
        text: str,
        limit: int = 100,
        locale: str | None = None,
        filters: dict[str, Sequence[str]] | None = None,
    ) -> list[tuple[str, float]]:
        """``(chunk_id, bm25f score)`` best first. ``filters`` maps a field to accepted values."""
        parser = self._parsers.get(locale or "*", self._parsers["*"])
        query = parser.parse(text)
        filter_query = None
        if filters:
            clauses = [Or([Term(name, v) for v in values]) for name, values in filters.items() if values]
            filter_query = And(clauses) if clauses else None
        hits = self._searcher.search(query, limit=limit, filter=filter_query)
        return [(hit["chunk_id"], float(hit.score)) for hit in hits]

    def close(self) -> None:
        self._searcher.close()
        self._ix.close()
