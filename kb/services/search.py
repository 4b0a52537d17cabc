"""Search over sections, grouped into articles.

Lexical (BM25F) and semantic (FAISS) retrieval each return their best sections; an article's score
in each is that of its best section; fusion combines the two per article; the result shows the
article's best section. Customers see only public, published articles.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from indexer.analysis import TOKEN_RE, detect_language, fold, terms
from indexer.bm25 import BM25Index, QueryTerms, SpellingLimits
from indexer.reader import BuildReader
from indexer.spelling import edit_distance
from kb.services import fusion, snippets
from kb.services.engine import Engine

log = logging.getLogger(__name__)

MODES = ("hybrid", "lexical", "semantic")
MAX_FACET_VALUES = 20


@dataclass(frozen=True, slots=True)
class Fusion:
    """How hybrid mode combines the two retrievers (tuned with ``kb eval`` on the development sets).

    ``convex``: each retriever's scores are normalised, then mixed with the semantic share ``weight``
    when the embedding model knows the query's language, ``weight_foreign`` when it does not (an
    English-only model on a Spanish query understands little: the words matter more).
    """

    method: str = "convex"  # "rrf" | "convex"
    weight: float = 0.8  # chosen by bench/fusion_sweep.py on the development sets (docs/search-quality.md)
    weight_foreign: float = 0.1
    normalise: str = "max"  # "max" | "minmax"


DEFAULT_FUSION = Fusion()
# multilingual-e5-small's cosines are compressed (0.78-0.93): divided by the best one they barely differ
# and the words decide everything. Min-max spreads them; an even share is best on every development set
# (bench/fusion_sweep.py, docs/search-quality.md).
FUSION_BY_FAMILY = {"minilm": DEFAULT_FUSION, "e5": Fusion("convex", 0.5, 0.1, "minmax")}


def fusion_for(engine: Engine) -> Fusion:
    return FUSION_BY_FAMILY.get(engine.profile.family, DEFAULT_FUSION)


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str
    url: str
    locale: str
    updated: str
    heading: str
    anchor: str
    snippet: str  # HTML: escaped text with the matched words in <mark>
    score: float
    audience: str = "public"  # public | internal (staff only: a customer given its link finds nothing)


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    total: int
    took_ms: float
    hits: list[SearchHit] = field(default_factory=list)
    did_you_mean: str | None = None
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    language: str | None = None  # of the query: the locale filter, else detected (None: cannot tell)


def _lexical(reader: BuildReader, lexicon: BM25Index, columns: list[int], mask: np.ndarray, n: int) -> dict[str, float]:
    """BM25F over the sections the reader may see (the term matrix of ``indexer.bm25``)."""
    hits = lexicon.search_columns(columns, n, mask=mask)
    return {reader.chunks[row]["id"]: score for row, score in hits}


def _semantic(reader: BuildReader, vector: np.ndarray, mask: np.ndarray, n: int, floor: float) -> dict[str, float]:
    """The ``n`` sections most similar to the query ``vector`` the reader may see, down to ``floor``."""
    # Filters hide rows after FAISS ranks them: ask for more the fewer rows they let through.
    share = max(float(np.count_nonzero(mask)) / max(len(mask), 1), 1e-6)
    k = min(len(mask), int(n * 3 / min(share, 1.0)) + 1)
    out: dict[str, float] = {}
    for row, score in reader.vectors.search(vector, k):
        if score < floor:
            break
        if mask[row]:
            out[reader.chunks[row]["id"]] = score
            if len(out) >= n:
                break
    return out


def _article_of(reader: BuildReader, chunk_id: str) -> str:
    return reader.chunks[reader.row_of[chunk_id]]["article_id"]


def best_per_article(reader: BuildReader, scores: dict[str, float]) -> dict[str, tuple[float, str]]:
    """Each article's best section score and that section, from section scores."""
    return fusion.best_per_group(scores, {cid: _article_of(reader, cid) for cid in scores})


def fuse_scores(
    lexical: dict[str, float], semantic: dict[str, float], params: Fusion, known_language: bool = True
) -> dict[str, float]:
    """One score per key (article or section) from the two retrievers' scores."""
    if params.method == "rrf":
        return fusion.rrf([sorted(lexical, key=lambda k: -lexical[k]), sorted(semantic, key=lambda k: -semantic[k])])
    norm = fusion.max_normalised if params.normalise == "max" else fusion.min_max
    weight = params.weight if known_language else params.weight_foreign
    return fusion.convex(norm(lexical), norm(semantic), weight)


def rank_articles(
    reader: BuildReader,
    lexical: dict[str, float],
    semantic: dict[str, float],
    mode: str,
    params: Fusion,
    known_language: bool = True,
) -> list[tuple[str, float, str]]:
    """Section scores of each retriever -> ``(article, score, section to show)``, best first.

    Articles are ranked by fusing their best-section scores; the section shown is the one whose own
    fused score is best, so a match in a heading or a paragraph points at that paragraph.
    """
    if mode == "lexical":
        semantic = {}
    elif mode == "semantic":
        lexical = {}
    group = {cid: _article_of(reader, cid) for cid in set(lexical) | set(semantic)}
    art_lex = {a: s for a, (s, _) in fusion.best_per_group(lexical, group).items()}
    art_sem = {a: s for a, (s, _) in fusion.best_per_group(semantic, group).items()}
    if mode == "hybrid":
        articles = fuse_scores(art_lex, art_sem, params, known_language)
        sections = fusion.best_per_group(fuse_scores(lexical, semantic, params, known_language), group)
    else:
        articles = art_lex or art_sem
        sections = fusion.best_per_group(lexical or semantic, group)
    # Ties (frequent with rank fusion) go to the article the meaning of the query prefers.
    ranked = sorted(articles.items(), key=lambda kv: (-kv[1], -art_sem.get(kv[0], 0.0), kv[0]))
    return [(article, score, sections[article][1]) for article, score in ranked]


def facet_counts(reader: BuildReader, article_ids: list[str]) -> dict[str, dict[str, int]]:
    """How many of the matching articles have each locale, product and tag (the 20 most frequent of each)."""
    counts: dict[str, Counter] = {"locale": Counter(), "product": Counter(), "tags": Counter()}
    for article_id in article_ids:
        article = reader.articles[article_id]
        counts["locale"][article["locale"]] += 1
        if article.get("product"):
            counts["product"][article["product"]] += 1
        counts["tags"].update(article.get("tags") or ())
    return {
        name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_FACET_VALUES]) for name, c in counts.items()
    }


def _surface_form(reader: BuildReader, lexicon: BM25Index, term: str, typed: str, variant: str) -> str | None:
    """How to write the corrected word: as the articles the reader may see write it (accents and all)
    when they write the one-edit ``variant`` of what was typed or a word as close; else that variant;
    else the article word closest to ``typed``."""
    lang, _, stem = term.partition(":")
    seen: Counter = Counter()
    for row in lexicon.rows_with(term, k=5):
        chunk = reader.chunks[row]
        for word in TOKEN_RE.findall(f"{chunk['title']} {chunk['text']}"):
            if terms(word, lang) == [stem]:
                seen[word.lower()] += 1
    closest = min(seen, key=lambda w: (edit_distance(fold(w), typed, 4), -seen[w], w)) if seen else None
    if variant:
        same = [w for w in seen if fold(w) == variant]
        if same:
            return max(same, key=lambda w: seen[w])
        # A word the articles use, as close to what was typed as the variant is, reads better.
        if closest and edit_distance(fold(closest), typed, 4) <= edit_distance(variant, typed, 4):
            return closest
        return variant
    return closest


def did_you_mean(
    reader: BuildReader, lexicon: BM25Index, query: str, corrections: dict[str, tuple[str, str]]
) -> str | None:
    """The query with each unknown word replaced by the known word it most likely meant."""
    if not corrections:
        return None
    replaced = {
        word: _surface_form(reader, lexicon, term, fold(word), variant) for word, (term, variant) in corrections.items()
    }
    replaced = {w: r for w, r in replaced.items() if r and r != w}
    if not replaced:
        return None
    return TOKEN_RE.sub(lambda m: replaced.get(m.group(0).lower(), m.group(0)), query)


@dataclass(frozen=True, slots=True)
class Retrieval:
    """What both retrievers found for a text, and the articles ranked from it (before paging)."""

    reader: BuildReader
    lexicon: BM25Index  # the words and statistics of what the reader may see
    language: str | None
    columns: list[int]  # the query's known terms (BM25 columns)
    by_word: dict[str, list[int]]  # query word -> the columns it gave
    did_you_mean: str | None
    lexical: dict[str, float]  # section id -> BM25F score
    semantic: dict[str, float]  # section id -> cosine similarity
    ranked: list[tuple[str, float, str]]  # (article id, fused score, section to show), best first

    @property
    def words(self) -> dict[int, str]:
        """Column -> the first query word that gave it (to show an agent what matched)."""
        out: dict[int, str] = {}
        for word, cols in self.by_word.items():
            for c in cols:
                out.setdefault(c, word)
        return out

    @property
    def marked(self) -> set[str]:
        return {self.lexicon.vocab[c] for c in self.columns}


def retrieve(
    engine: Engine,
    query: str,
    *,
    mode: str = "hybrid",
    locale: str | None = None,
    product: str | None = None,
    tags: tuple[str, ...] = (),
    staff: bool = False,
    candidates: int = 100,
    params: Fusion | None = None,
    meaning: str | None = None,
    analysed: QueryTerms | None = None,
    reader: BuildReader | None = None,
    precision: str = "float32",
    spelling: SpellingLimits | None = None,
) -> Retrieval:
    """Both retrievers over the sections a reader may see, fused into ranked articles.

    Unknown words are corrected to the nearest word of the knowledge base (typo tolerance); the
    corrected query is offered back as ``did_you_mean``, and the meaning side embeds it too.
    ``meaning`` is the text to embed when it is not the query itself (a long ticket's telling part);
    ``analysed`` the query's terms when the caller has them already, from ``reader`` (the build they
    were analysed on: the live build may switch in between); ``precision`` how the model reads it;
    ``spelling`` how much typo correction it gets (the engine's limits by default).
    """
    reader = reader or engine.checked_reader()
    lexicon = reader.lexicon(staff)
    mask = reader.mask(staff, locale, product, tuple(tags))
    language = locale or detect_language(query)
    if analysed is None:
        analysed = lexicon.analyse(query, locale, language=language, limits=spelling or engine.spelling)
    suggestion = did_you_mean(reader, lexicon, query, analysed.corrections)
    # The model embeds the query on its own thread while this one scores the words.
    vector = engine.encode_query_async(meaning or suggestion or query, precision) if mode != "lexical" else None
    lexical = _lexical(reader, lexicon, analysed.columns, mask, candidates) if mode != "semantic" else {}
    floor = engine.min_similarity if analysed.columns else engine.min_similarity_without_words
    semantic = _semantic(reader, vector.result(), mask, candidates, floor) if vector is not None else {}
    known = language is None or language in engine.languages
    ranked = rank_articles(reader, lexical, semantic, mode, params or fusion_for(engine), known)
    return Retrieval(
        reader, lexicon, language, analysed.columns, analysed.by_word, suggestion, lexical, semantic, ranked
    )


def hit_of(found: Retrieval, article_id: str, score: float, chunk_id: str, marked: set[str] | None = None) -> SearchHit:
    reader = found.reader
    chunk = reader.chunks[reader.row_of[chunk_id]]
    article = reader.articles[article_id]
    anchor = chunk["anchor"] if chunk["section"] else ""
    return SearchHit(
        id=article_id,
        title=article["title"],
        url=f"/articles/{article_id}" + (f"#{anchor}" if anchor else ""),
        locale=article["locale"],
        updated=article["updated_at"],
        heading=chunk["heading"],
        anchor=anchor,
        snippet=snippets.highlight(chunk["text"], found.marked if marked is None else marked, article["locale"]),
        score=round(score, 6),
        audience=article["audience"],
    )


def search(
    engine: Engine,
    query: str,
    *,
    mode: str = "hybrid",
    locale: str | None = None,
    product: str | None = None,
    tags: tuple[str, ...] = (),
    limit: int = 10,
    offset: int = 0,
    staff: bool = False,
    candidates: int = 100,
    params: Fusion | None = None,
) -> SearchResults:
    """Hybrid (or one-retriever) search over the sections a reader may see, grouped into articles."""
    started = time.perf_counter()
    found = retrieve(
        engine,
        query,
        mode=mode,
        locale=locale,
        product=product,
        tags=tags,
        staff=staff,
        candidates=candidates,
        params=params,
    )
    hits = [hit_of(found, *ranked) for ranked in found.ranked[offset : offset + limit]]
    took = (time.perf_counter() - started) * 1000
    return SearchResults(
        query=query,
        total=len(found.ranked),
        took_ms=round(took, 2),
        hits=hits,
        did_you_mean=found.did_you_mean,
        facets=facet_counts(found.reader, [a for a, _, _ in found.ranked]),
        language=found.language,
    )
