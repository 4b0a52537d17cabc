"""Agent suggestions: the articles (and sections) that answer an incoming ticket, how sure, and why.

The ticket is cleaned first (``kb.services.tickets``): the thread, greeting, signature and disclaimer
are not the question. Its words, all of them, are matched by BM25F; its meaning is read by the model
from its most telling sentences within a token budget (a long ticket is not cut to its first
sentences). Both are fused as in search, among the articles the asker may see (agents see internal
ones). Each suggestion carries a calibrated confidence (``kb.services.confidence``) and the reasons
an agent needs to trust or dismiss it at a glance.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from indexer.analysis import TOKEN_RE, detect_language, fold, terms
from indexer.backend import Lexicon
from indexer.bm25 import QueryTerms
from kb import catalog
from kb.services import search as search_service
from kb.services.confidence import Signals, confidence
from kb.services.engine import Engine
from kb.services.tickets import CleanTicket, clean_ticket, telling_part

MEANING_TOKENS = 64  # default of the SUGGEST_MEANING_TOKENS setting
SHOW_MIN_CONFIDENCE = 0.05  # default of the SUGGEST_SHOW_MIN_CONFIDENCE setting

_TEXT = {lang: catalog.TEXT[lang]["suggest"] for lang in catalog.LANGUAGES}  # the reasons' sentences


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # matched_terms | meaning | section
    detail: str  # one sentence for the agent, in the ticket's language
    terms: tuple[str, ...] = ()  # matched_terms: the ticket's words the section contains, as the ticket writes them
    article_terms: tuple[str, ...] = ()  # matched_terms: the same words as the section writes them
    similarity: float | None = None  # meaning: cosine of the section with the ticket
    heading: str = ""  # section: its heading


@dataclass(frozen=True, slots=True)
class Suggestion:
    hit: search_service.SearchHit
    confidence: float  # probability that it answers the ticket (calibrated; README table)
    reasons: tuple[Reason, ...]
    signals: Signals


@dataclass(frozen=True, slots=True)
class Suggestions:
    ticket: CleanTicket
    read: str = ""  # what the embedding model read: the whole clean ticket, or its telling part
    suggestions: list[Suggestion] = field(default_factory=list)
    language: str | None = None
    took_ms: float = 0.0

    @property
    def hits(self) -> list[search_service.SearchHit]:
        return [s.hit for s in self.suggestions]

    @property
    def top_confidence(self) -> float:
        return self.suggestions[0].confidence if self.suggestions else 0.0

    def is_gap(self, min_confidence: float) -> bool:
        """No suggestion is sure enough: the knowledge base may lack the answer (a content gap)."""
        return self.top_confidence < min_confidence


def _meaning_text(engine: Engine, bm25: Lexicon, analysed: QueryTerms, text: str, budget: int) -> str:
    """What the model reads of the ticket: all of it, or its most telling sentences within ``budget``.

    A sentence tells more the more strongly its words, together, match some section: its best BM25F
    score over the knowledge base. Chatter ("we restarted the computer twice") matches little.
    ``analysed`` is the whole ticket's analysis: each sentence's terms are looked up, not re-stemmed.
    """
    # Words in more than 5% of the sections tell little and cost most (long posting lists): left out.
    common = max(50, 0.05 * bm25.visible_rows)
    telling = {w: [c for c in cols if bm25.df[c] <= common] for w, cols in analysed.by_word.items()}

    def weigh(parts: list[str]) -> list[float]:
        return [
            bm25.best_score({c for word in TOKEN_RE.findall(p) for c in telling.get(word.lower(), ())}) for p in parts
        ]

    return telling_part(text, budget, engine.encoder.count_query_tokens, weigh)


def _reasons(
    hit: search_service.SearchHit,
    words: tuple[tuple[str, str], ...],
    similarity: float,
    lang: str,
) -> tuple[Reason, ...]:
    """One sentence per reason. ``words``: (as the ticket writes it, as the section writes it)."""
    text = _TEXT[lang]
    reasons = []
    if words:

        def one(ticket: str, article: str) -> str:
            quoted = text["quote"].format(ticket)
            same = fold(ticket.lower()) == fold(article.lower())
            return quoted if same or not article else text["as_written"].format(ticket=quoted, article=article)

        shown = ", ".join(one(t, a) for t, a in words[:8])
        reasons.append(
            Reason(
                "matched_terms",
                text["terms"].format(terms=shown),
                terms=tuple(t for t, _ in words),
                article_terms=tuple(a or t for t, a in words),
            )
        )
    if similarity > 0:
        sim = catalog.number(round(similarity, 2), lang)
        reasons.append(Reason("meaning", text["meaning"].format(sim=sim), similarity=round(similarity, 4)))
    if hit.anchor:
        heading = text["quote"].format(hit.heading)
        reasons.append(Reason("section", text["section"].format(heading=heading), heading=hit.heading))
    return tuple(reasons)


def suggest(
    engine: Engine,
    subject: str,
    body: str,
    *,
    locale: str | None = None,
    product: str | None = None,
    limit: int = 5,
    staff: bool = False,
    segments: frozenset[str] = frozenset(),
    candidates: int = 100,
    meaning_tokens: int = MEANING_TOKENS,
    min_confidence: float = SHOW_MIN_CONFIDENCE,
) -> Suggestions:
    """Up to ``limit`` articles that answer the ticket, surest first, each with its best section, its
    confidence and its reasons; none below ``min_confidence``, and none for a ticket with no content
    word (a greeting, a thank-you, a signature)."""
    started = time.perf_counter()
    ticket = clean_ticket(subject, body)
    if not ticket.text:
        return Suggestions(ticket)
    language = locale or detect_language(ticket.text)
    index = engine.checked_index()  # one build for the whole request: columns are its vocabulary's
    lexicon = index.lexicon(staff, segments)  # what the asker may see: its words, and statistics from it alone
    analysed = lexicon.analyse(ticket.text, locale, language=language, limits=engine.spelling)
    if not analysed.columns and not analysed.unknown:
        return Suggestions(ticket, language=language)  # nothing but greetings, thanks and stop words
    read = _meaning_text(engine, lexicon, analysed, ticket.text, meaning_tokens)
    found = search_service.retrieve(
        engine,
        ticket.text,
        locale=locale,
        product=product,
        staff=staff,
        segments=segments,
        candidates=candidates,
        meaning=read if read != ticket.text else None,  # None: the query, typo-corrected, is embedded
        analysed=analysed,
        index=index,
        precision=engine.ticket_precision,
    )
    bm25 = lexicon
    top = found.ranked[:limit]
    sem = search_service.best_per_article(index, found.semantic)
    lex = search_service.best_per_article(index, found.lexical)
    top_lex = max(lex.values(), default=(0.0, ""))[0]
    first_sem = max(sem, key=lambda a: sem[a][0], default=None)
    first_lex = max(lex, key=lambda a: lex[a][0], default=None)
    idf = bm25.idf
    weight = float(sum(idf[c] for c in found.columns)) or 1.0
    sims = sorted((s for s, _ in sem.values()), reverse=True)[:2] + [0.0, 0.0]
    # Which of the ticket's terms each shown section (and each article's best lexical section) holds.
    sections = [c for _, _, c in top] + [lex[a][1] for a, _, _ in top if a in lex]
    holds = bm25.matched(sections, found.columns)
    # Words in more than a tenth of the sections ('puedo', 'problema') explain nothing to an agent.
    common = 0.1 * bm25.visible_rows
    lang = language if language in _TEXT else "es"
    word_of = found.words
    out = []
    for rank, (article_id, score, chunk_id) in enumerate(top, 1):
        similarity = sem.get(article_id, (0.0, ""))[0]
        others = sims[1] if similarity >= sims[0] else sims[0]  # the best cosine of any other article
        lex_score, lex_chunk = lex.get(article_id, (0.0, ""))
        covered = holds[lex_chunk] if lex_chunk else []
        signals = Signals(
            similarity=similarity,
            similarity_margin=similarity - others if similarity else 0.0,
            coverage=float(sum(idf[c] for c in covered)) / weight,
            lexical_share=lex_score / top_lex if top_lex else 0.0,
            both_first=float(article_id == first_sem == first_lex),
            reciprocal_rank=1.0 / rank,
        )
        telling = sorted((c for c in holds[chunk_id] if bm25.df[c] <= common), key=lambda c: bm25.df[c])
        forms = _written(index.chunk(chunk_id), [bm25.vocab[c] for c in telling])
        words = tuple(
            dict.fromkeys((word_of.get(c, forms.get(bm25.vocab[c], "")), forms.get(bm25.vocab[c], "")) for c in telling)
        )
        words = tuple((t, a) for t, a in words if t)
        hit = search_service.hit_of(found, article_id, score, chunk_id, {bm25.vocab[c] for c in telling})
        sure = round(confidence(engine.profile.family, signals), 4)
        out.append(Suggestion(hit, sure, _reasons(hit, words, similarity, lang), signals))
    # Best first by how sure kb is; below the floor a suggestion costs the agent more than it helps.
    out = sorted((s for s in out if s.confidence >= min_confidence), key=lambda s: -s.confidence)
    took = (time.perf_counter() - started) * 1000
    return Suggestions(ticket, read, out, found.language, round(took, 2))


def _written(chunk: dict, wanted: list[str]) -> dict[str, str]:
    """``lang:term`` -> the first word of the section (title included) that gives it, as written."""
    out: dict[str, str] = {}
    by_lang: dict[str, set[str]] = {}
    for term in wanted:
        lang, _, stem = term.partition(":")
        by_lang.setdefault(lang, set()).add(stem)
    # A stem keeps its word's first two letters (Snowball changes endings only): the rest need no stemming.
    starts = {stem[:2] for stems in by_lang.values() for stem in stems}
    for word in dict.fromkeys(TOKEN_RE.findall(f"{chunk['title']} {chunk['text']}")):
        folded = fold(word.lower())
        if folded[:2] not in starts and folded[:1] not in starts:
            continue
        for lang, stems in by_lang.items():
            found = terms(word, lang)
            if found and found[0] in stems and f"{lang}:{found[0]}" not in out:
                out[f"{lang}:{found[0]}"] = word.lower() if not word.isupper() else word
        if len(out) == len(wanted):
            break
    return out
