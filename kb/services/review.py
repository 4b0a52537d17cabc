"""The owners' review queue: which articles need them and why, ranked by what it costs customers, and the
content nobody wrote yet.

Each article gets a reason code and a one-sentence detail per problem (``REASONS``), from the live build
(dates, links, vectors), the article files (deprecated terms, with line numbers), the analytics tables
(votes, searches, clicks) and the suggestion log (agents' outcomes). Its score is documented in the README:

    score = demand x age x weight
    demand = 1 + ln(1 + times shown in customers' searches + times suggested + votes, last WINDOW days)
    age    = 1 + years since its content last changed (at most 5)
    weight = sum of its reasons' WEIGHTS

Content gaps are customers' searches that found nothing and tickets no suggestion was sure of, grouped
by meaning (the embedding model) into topics.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy import Date, DateTime, Engine, Integer, String, Text, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from indexer.analysis import fold
from indexer.errors import KbError
from indexer.links import BrokenLink, Linking, broken_links
from indexer.reader import BuildReader
from indexer.store import ensure_schema
from kb.services import analytics, suggestion_log
from kb.services.engine import Engine as SearchEngine

REASONS = (
    "review_overdue",
    "never_reviewed",
    "not_updated",
    "broken_link",
    "deprecated_term",
    "negative_feedback",
    "rejected_suggestions",
    "low_engagement",
    "duplicate",
    "translation_outdated",
    "missing_owner",
    "customer_comments",
)
# What each reason costs customers, relative to the others: wrong or broken content first.
WEIGHTS = {
    "broken_link": 3.0,
    "negative_feedback": 3.0,
    "rejected_suggestions": 2.5,
    "deprecated_term": 2.0,
    "translation_outdated": 2.0,
    "duplicate": 1.5,
    "review_overdue": 1.5,
    "low_engagement": 1.0,
    "not_updated": 1.0,
    "never_reviewed": 1.0,
    "missing_owner": 1.0,
    "customer_comments": 1.5,
}
TIME_BASED = frozenset({"review_overdue", "never_reviewed", "not_updated"})  # cleared by a review
ACTIONS = ("reviewed", "snooze")
SNOOZE_DAYS = 14  # a snooze without "days"
MAX_SNOOZE_DAYS = 365
MAX_NOTE_CHARS = 2000
GAP_EXAMPLES = 5
COMMENTS_PER_ARTICLE = 5  # customers' latest comments shown with a queued article
GAP_TEXT_CHARS = 300  # of a ticket, what the model reads to place it in a topic
# Two gap texts at least this close (cosine) are one topic, per model family (MiniLM spreads its cosines
# wider than e5, whose unrelated texts sit at ~0.8).
GAP_SIMILARITY = {"minilm": 0.6, "e5": 0.9, "other": 0.75}


class ReviewError(KbError, ValueError):
    """A review request that cannot be done, in one sentence."""

    code = "invalid_body"


class ReviewConfigError(ReviewError):
    """The review settings cannot be used (a deprecated-terms file that cannot be read): the operator's
    mistake, not the caller's."""

    status, code = 500, "bad_configuration"


class Base(DeclarativeBase):
    pass


class ReviewAction(Base):
    __tablename__ = "review_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(String(400), index=True)
    action: Mapped[str] = mapped_column(String(16))  # reviewed | snooze
    by: Mapped[str] = mapped_column(String(200))  # the token's name (or the CLI user)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    until: Mapped[dt.date | None] = mapped_column(Date)  # snooze: hidden from the queue until this day
    note: Mapped[str] = mapped_column(Text, default="")


def init_db(engine: Engine) -> None:
    ensure_schema(engine, Base.metadata)


# -- settings ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeprecatedTerm:
    term: str
    replacement: str = ""


def read_deprecated_terms(path: Path) -> tuple[DeprecatedTerm, ...]:
    """One term per line, ``old => new`` to say what replaces it; ``#`` starts a comment. No file: none."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewConfigError(f"cannot read the deprecated terms file {path}: {exc}") from None
    terms = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            old, _, new = line.partition("=>")
            if old.strip():
                terms.append(DeprecatedTerm(old.strip(), new.strip()))
    return tuple(terms)


@dataclass(frozen=True, slots=True)
class Policy:
    """When each reason is raised (the REVIEW_* settings)."""

    review_every_days: int = 180
    stale_days: int = 365
    min_votes: int = 5
    min_helpful: float = 0.5
    max_rejected: float = 0.5
    min_impressions: int = 50
    min_ctr: float = 0.02
    duplicate_similarity: float | None = None  # None: the embedding model's (ModelProfile)
    window_days: int = 90
    deprecated: tuple[DeprecatedTerm, ...] = ()

    @classmethod
    def from_settings(cls, settings: Mapping) -> Policy:
        terms_path = Path(settings["DEPRECATED_TERMS"])
        if not terms_path.is_absolute():
            terms_path = Path(settings["ARTICLES_DIR"]) / terms_path
        duplicate = str(settings["REVIEW_DUPLICATE_SIMILARITY"]).strip().lower()
        return cls(
            review_every_days=settings["REVIEW_EVERY_DAYS"],
            stale_days=settings["REVIEW_STALE_DAYS"],
            min_votes=settings["REVIEW_MIN_VOTES"],
            min_helpful=settings["REVIEW_MIN_HELPFUL"],
            max_rejected=settings["REVIEW_MAX_REJECTED"],
            min_impressions=settings["REVIEW_MIN_IMPRESSIONS"],
            min_ctr=settings["REVIEW_MIN_CTR"],
            duplicate_similarity=None if duplicate == "auto" else float(duplicate),
            window_days=settings["REVIEW_WINDOW_DAYS"],
            deprecated=read_deprecated_terms(terms_path),
        )


# -- the queue -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    detail: str


@dataclass(frozen=True, slots=True)
class Flagged:
    id: str
    title: str
    owner: str
    locale: str
    path: str
    score: float
    reasons: tuple[Reason, ...]
    demand: int  # shown + suggested + votes in the window
    age_days: int  # since the content last changed
    comments: tuple[analytics.Comment, ...] = ()  # customers' latest comments on their votes (window)


@dataclass(frozen=True, slots=True)
class GapTopic:
    topic: str  # the most frequent wording
    count: int
    searches: int
    tickets: int
    examples: tuple[str, ...]


@dataclass(slots=True)
class Queue:
    articles: list[Flagged] = field(default_factory=list)
    gaps: list[GapTopic] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # reason code -> articles raising it (unfiltered)
    took_ms: float = 0.0


_TEXT = {
    "es": {
        "review_overdue": "Revisión vencida desde el {due} (última: {reviewed}; cada {every} días)",
        "never_reviewed": "Nunca se ha revisado (no tiene fecha `reviewed`)",
        "not_updated": "Sin cambios en el contenido desde el {date} (hace {days} días)",
        "broken_link": "Enlaces que no llevan a ninguna parte: {items}",
        "broken_item": "línea {line}: {href} ({why})",
        "deprecated_term": "Usa términos obsoletos: {items}",
        "deprecated_item": "«{term}» (línea {lines}{instead})",
        "instead": "; usar «{new}»",
        "negative_feedback": "Solo el {pct} % de {votes} votos lo considera útil (mínimo {min} %)",
        "rejected_suggestions": "Los agentes lo marcaron como no relevante {rejected} de {total} veces",
        "low_engagement": "Se mostró {shown} veces en búsquedas y se abrió {clicked} ({pct} %)",
        "duplicate": "Dice casi lo mismo que {other} («{title}», similitud {sim})",
        "translation_outdated": "El original {source} cambió el {changed}, después de esta traducción ({own})",
        "missing_owner": "No tiene responsable (`owner`)",
        "customer_comments": "Los clientes dejaron {n} comentarios al votar «no» desde su último cambio",
        "customer_comment": "Un cliente dejó un comentario al votar «no» desde su último cambio",
        "why": {
            "anchor": "el ancla no existe",
            "outside": "fuera de la base de conocimiento",
            "missing_file": "el archivo no existe",
            "missing_article": "el artículo no existe",
            "missing_target_anchor": "el ancla no existe en {target}",
        },
    },
    "en": {
        "review_overdue": "Review overdue since {due} (last: {reviewed}; every {every} days)",
        "never_reviewed": "Never reviewed (no `reviewed` date)",
        "not_updated": "No content change since {date} ({days} days ago)",
        "broken_link": "Links that lead nowhere: {items}",
        "broken_item": "line {line}: {href} ({why})",
        "deprecated_term": "Uses deprecated terms: {items}",
        "deprecated_item": "“{term}” (line {lines}{instead})",
        "instead": "; use “{new}”",
        "negative_feedback": "Only {pct}% of {votes} votes found it helpful (minimum {min}%)",
        "rejected_suggestions": "Agents marked it not relevant {rejected} of {total} times",
        "low_engagement": "Shown {shown} times in search results, opened {clicked} ({pct}%)",
        "duplicate": "Says nearly the same as {other} (“{title}”, similarity {sim})",
        "translation_outdated": "Its source {source} changed on {changed}, after this translation ({own})",
        "missing_owner": "Nobody owns it (no `owner`)",
        "customer_comments": "Customers left {n} comments with a “no” vote since its last change",
        "customer_comment": "A customer left a comment with a “no” vote since its last change",
        "why": {
            "anchor": "no such anchor",
            "outside": "outside the knowledge base",
            "missing_file": "no such file",
            "missing_article": "no such article",
            "missing_target_anchor": "no such anchor in {target}",
        },
    },
}


def _when(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    return analytics.utc(dt.datetime.fromisoformat(value))


def _number(value: float, lang: str) -> str:
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"
    return text.replace(".", ",") if lang == "es" else text


def record_action(
    db: Engine,
    article_id: str,
    action: str,
    by: str,
    days: int | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> ReviewAction:
    """Record that ``by`` reviewed or snoozed an article. ``reviewed`` clears the time-based reasons until
    the next interval; ``snooze`` hides the article for ``days`` (SNOOZE_DAYS without)."""
    if action not in ACTIONS:
        raise ReviewError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    if days is not None and action != "snooze":
        raise ReviewError("days goes with action snooze only")
    if days is not None and not 1 <= days <= MAX_SNOOZE_DAYS:
        raise ReviewError(f"days must be a whole number from 1 to {MAX_SNOOZE_DAYS}")
    now = dt.datetime.now(dt.UTC)
    today = today or now.date()
    until = today + dt.timedelta(days=days or SNOOZE_DAYS) if action == "snooze" else None
    row = ReviewAction(
        article_id=article_id, action=action, by=by[:200], at=now, until=until, note=note[:MAX_NOTE_CHARS]
    )
    with Session(db) as session, session.begin():
        session.add(row)
        session.flush()
        session.expunge(row)
    return row


def _actions(db: Engine) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
    """Per article: the day of its last recorded review, and the day its latest snooze ends."""
    reviewed: dict[str, dt.date] = {}
    snoozed: dict[str, dt.date] = {}
    with Session(db) as session:
        for article_id, action, at, until in session.execute(
            select(ReviewAction.article_id, ReviewAction.action, ReviewAction.at, ReviewAction.until).order_by(
                ReviewAction.at
            )
        ):
            if action == "reviewed":
                reviewed[article_id] = analytics.utc(at).date()
            elif until is not None:
                snoozed[article_id] = until
    return reviewed, snoozed


def build_queue(
    engine: SearchEngine,
    db: Engine,
    policy: Policy,
    articles_dir: Path,
    *,
    today: dt.date | None = None,
    owner: str | None = None,
    reason: str | None = None,
    locale: str | None = None,
    lang: str = "es",
    gaps: bool = True,
) -> Queue:
    """The review queue of the live build, best first, filtered by owner, reason code and locale."""
    started = time.perf_counter()
    if reason is not None and reason not in REASONS:
        raise ReviewError(f"reason must be one of {', '.join(REASONS)}, not {reason!r}")
    text = _TEXT.get(lang, _TEXT["es"])
    today = today or dt.datetime.now(dt.UTC).date()
    now = dt.datetime.combine(today, dt.time(23, 59, 59), tzinfo=dt.UTC)
    since = now - dt.timedelta(days=policy.window_days)
    reader = engine.reader()
    published = {a: m for a, m in reader.articles.items() if m["status"] == "published"}
    reviewed_on, snoozed_until = _actions(db)

    shown, clicked = analytics.customer_exposure(db, since)
    suggested = suggestion_log.times_suggested(db, since)
    votes = analytics.votes_by_article(db)
    outcomes = suggestion_log.feedback_by_article(db)
    remarks: dict[str, list[analytics.Comment]] = {}
    for c in analytics.comments(db, since=since):
        remarks.setdefault(c.article_id, []).append(c)

    found: dict[str, list[Reason]] = {a: [] for a in published}

    def changed(meta: dict) -> dt.datetime | None:
        return _when(meta.get("last_commit_at")) or _when(meta.get("updated_at"))

    # Time: review interval, content age.
    for article_id, meta in published.items():
        every = meta.get("review_every") or policy.review_every_days
        front = dt.date.fromisoformat(meta["reviewed"]) if meta.get("reviewed") else None
        action = reviewed_on.get(article_id)
        last = max(d for d in (front, action) if d is not None) if (front or action) else None
        if last is None:
            found[article_id].append(Reason("never_reviewed", text["never_reviewed"]))
        elif last + dt.timedelta(days=every) < today:
            due = last + dt.timedelta(days=every)
            detail = text["review_overdue"].format(due=due.isoformat(), reviewed=last.isoformat(), every=every)
            found[article_id].append(Reason("review_overdue", detail))
        when = changed(meta)
        fresh_review = action is not None and action + dt.timedelta(days=every) >= today
        if when is not None and (today - when.date()).days > policy.stale_days and not fresh_review:
            days = (today - when.date()).days
            detail = text["not_updated"].format(date=when.date().isoformat(), days=days)
            found[article_id].append(Reason("not_updated", detail))
        if not (meta.get("owner") or "").strip():
            found[article_id].append(Reason("missing_owner", text["missing_owner"]))

    # Links, anchors and images that lead nowhere (against every article of the build, drafts included).
    by_path = {m["path"]: a for a, m in reader.articles.items()}
    broken: dict[str, list[BrokenLink]] = {}
    for link in broken_links((Linking.from_build(m) for m in reader.articles.values()), articles_dir):
        article_id = by_path.get(link.path)
        if article_id in found:
            broken.setdefault(article_id, []).append(link)
    for article_id, links in broken.items():
        items = "; ".join(
            text["broken_item"].format(line=b.line, href=b.href, why=text["why"][b.why].format(target=b.target))
            for b in links
        )
        found[article_id].append(Reason("broken_link", text["broken_link"].format(items=items)))

    # Deprecated terms, with the lines they are on.
    if policy.deprecated:
        for article_id, hits in _deprecated(published, articles_dir, policy.deprecated).items():
            items = ", ".join(
                text["deprecated_item"].format(
                    term=term.term,
                    lines=", ".join(map(str, lines[:5])) + ("…" if len(lines) > 5 else ""),
                    instead=text["instead"].format(new=term.replacement) if term.replacement else "",
                )
                for term, lines in hits
            )
            found[article_id].append(Reason("deprecated_term", text["deprecated_term"].format(items=items)))

    # What customers and agents did with it, since its content last changed.
    for article_id, meta in published.items():
        when = changed(meta)
        own = [h for at, h in votes.get(article_id, ()) if when is None or at >= when]
        if len(own) >= policy.min_votes and sum(own) / len(own) < policy.min_helpful:
            detail = text["negative_feedback"].format(
                pct=_number(100 * sum(own) / len(own), lang),
                votes=len(own),
                min=_number(100 * policy.min_helpful, lang),
            )
            found[article_id].append(Reason("negative_feedback", detail))
        marks = [o for at, o in outcomes.get(article_id, ()) if when is None or at >= when]
        rejected = marks.count("not_relevant")
        if len(marks) >= policy.min_votes and rejected / len(marks) > policy.max_rejected:
            detail = text["rejected_suggestions"].format(rejected=rejected, total=len(marks))
            found[article_id].append(Reason("rejected_suggestions", detail))
        times = shown.get(article_id, 0)
        if times >= policy.min_impressions and clicked.get(article_id, 0) / times < policy.min_ctr:
            opened = clicked.get(article_id, 0)
            detail = text["low_engagement"].format(shown=times, clicked=opened, pct=_number(100 * opened / times, lang))
            found[article_id].append(Reason("low_engagement", detail))
        # What customers wrote under "no" ("what was missing?") is for its owner to read.
        said = [c for c in remarks.get(article_id, ()) if not c.helpful and (when is None or c.at >= when)]
        if said:
            key = "customer_comment" if len(said) == 1 else "customer_comments"
            found[article_id].append(Reason("customer_comments", text[key].format(n=len(said))))

    # Nearly the same article twice (same language; translations are not duplicates).
    threshold = policy.duplicate_similarity
    if threshold is None:
        threshold = engine.profile.duplicate_similarity
    for article_id, (other, similarity) in _duplicates(reader, published, threshold).items():
        detail = text["duplicate"].format(
            other=other, title=reader.articles[other]["title"], sim=_number(round(similarity, 3), lang)
        )
        found[article_id].append(Reason("duplicate", detail))

    # Translations older than their source's last change.
    for article_id, meta in published.items():
        target = meta.get("translation_of") or ""
        source = reader.id_by_path.get(target, target)
        if source and source in reader.articles and source != article_id:
            source_changed, own_changed = changed(reader.articles[source]), changed(meta)
            # By day: file dates (no git) of a copied folder differ by the copy order, not by edits.
            if source_changed and own_changed and source_changed.date() > own_changed.date():
                detail = text["translation_outdated"].format(
                    source=source, changed=source_changed.date().isoformat(), own=own_changed.date().isoformat()
                )
                found[article_id].append(Reason("translation_outdated", detail))

    queue = Queue()
    queue.counts = {code: 0 for code in REASONS}
    for reasons in found.values():
        for r in reasons:
            queue.counts[r.code] += 1
    for article_id, reasons in found.items():
        meta = published[article_id]
        if not reasons or snoozed_until.get(article_id, dt.date.min) >= today:
            continue
        if reason is not None and all(r.code != reason for r in reasons):
            continue
        if owner is not None and (meta.get("owner") or "").strip().lower() != owner.strip().lower():
            continue
        if locale is not None and meta["locale"] != locale:
            continue
        demand = shown.get(article_id, 0) + suggested.get(article_id, 0) + len(votes.get(article_id, ()))
        when = changed(meta)
        age_days = (today - when.date()).days if when else 0
        score = (
            (1 + math.log1p(demand))
            * (1 + min(max(age_days, 0), 5 * 365) / 365)
            * sum(WEIGHTS[r.code] for r in reasons)
        )
        ordered = tuple(sorted(reasons, key=lambda r: REASONS.index(r.code)))
        queue.articles.append(
            Flagged(
                article_id,
                meta["title"],
                meta.get("owner") or "",
                meta["locale"],
                meta["path"],
                round(score, 2),
                ordered,
                demand,
                age_days,
                tuple(remarks.get(article_id, ())[:COMMENTS_PER_ARTICLE]),
            )
        )
    queue.articles.sort(key=lambda f: (-f.score, f.id))
    if gaps:
        queue.gaps = content_gaps(engine, db, since, locale=locale)
    queue.took_ms = round((time.perf_counter() - started) * 1000, 1)
    return queue


def _accent_blind(term: str) -> str:
    """A regex for ``term`` (lowercase) that matches it with or without accents (``panel clásico``)."""
    out = []
    for ch in fold(term.lower()):
        variants = _VARIANTS.get(ch)
        out.append(f"[{re.escape(ch)}{''.join(sorted(variants))}]" if variants else re.escape(ch))
    return "".join(out)


# Lowercase accented letters by the letter they fold to ('a' -> 'áàâäã...'), from indexer.analysis.
_VARIANTS: dict[str, set[str]] = {}
for _cp in range(0x80, 0x250):
    _ch = chr(_cp).lower()
    _base = fold(_ch)
    if _base != _ch and len(_base) == 1:
        _VARIANTS.setdefault(_base, set()).add(_ch)


def _deprecated(
    articles: Mapping[str, dict], root: Path, terms: tuple[DeprecatedTerm, ...]
) -> dict[str, list[tuple[DeprecatedTerm, list[int]]]]:
    """Article id -> the deprecated terms its file uses and on which lines (case and accents ignored).

    The file is searched as it is, lowercased, with one regex whose letters accept their accented forms:
    folding 30 MB of text first cost seconds."""
    by_key = {fold(t.term.lower()): t for t in terms}
    alternatives = sorted(by_key, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(f"({_accent_blind(k)})" for k in alternatives) + r")(?!\w)")
    out: dict[str, list[tuple[DeprecatedTerm, list[int]]]] = {}
    for article_id, meta in articles.items():
        try:
            source = (Path(root) / meta["path"]).read_text(encoding="utf-8").lower()
        except (OSError, UnicodeDecodeError):
            continue
        lines: dict[str, list[int]] = {}
        for match in pattern.finditer(source):
            key = alternatives[match.lastindex - 1]
            number = source.count("\n", 0, match.start()) + 1
            found = lines.setdefault(key, [])
            if not found or found[-1] != number:
                found.append(number)
        if lines:
            out[article_id] = [(by_key[k], v) for k, v in sorted(lines.items(), key=lambda kv: kv[1][0])]
    return out


def article_vectors(reader: BuildReader) -> np.ndarray:
    """One unit vector per article (``reader.article_ids`` order): the mean of its sections' vectors."""
    vectors = reader.vectors.vectors().astype(np.float32, copy=False)
    out = np.zeros((len(reader.article_ids), vectors.shape[1]), dtype=np.float32)
    np.add.at(out, reader.chunk_article, vectors)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


def _duplicates(reader: BuildReader, articles: Mapping[str, dict], threshold: float) -> dict[str, tuple[str, float]]:
    """Article id -> its closest other article of the same language, when at least ``threshold`` alike."""
    vectors = article_vectors(reader)
    out: dict[str, tuple[str, float]] = {}
    by_locale: dict[str, list[int]] = {}
    for article_id in articles:
        by_locale.setdefault(articles[article_id]["locale"], []).append(reader.article_row[article_id])
    for rows in by_locale.values():
        if len(rows) < 2:
            continue
        block = vectors[rows]
        sims = block @ block.T
        np.fill_diagonal(sims, -1.0)
        for i, j in zip(*np.nonzero(sims >= threshold), strict=True):
            a, b = reader.article_ids[rows[i]], reader.article_ids[rows[j]]
            if b in reader.translations(a):
                continue
            if a not in out or sims[i, j] > out[a][1]:
                out[a] = (b, float(sims[i, j]))
    return out


# -- content gaps --------------------------------------------------------------------------------------


def content_gaps(engine: SearchEngine, db: Engine, since: dt.datetime, locale: str | None = None) -> list[GapTopic]:
    """Searches that found nothing and tickets no suggestion was sure of, grouped into topics by meaning."""
    items: list[tuple[str, str]] = []  # (kind, text)
    for query, language, _ in analytics.unanswered_searches(db, since):
        if locale is None or language in (None, locale):
            items.append(("search", " ".join(query.split())))
    for gap in suggestion_log.gaps_since(db, since):
        if locale is None or gap.language in (None, locale):
            items.append(("ticket", " ".join(gap.text.split())[:GAP_TEXT_CHARS]))
    return cluster_gaps(engine, items)


def cluster_gaps(engine: SearchEngine, items: Iterable[tuple[str, str]]) -> list[GapTopic]:
    """Group (kind, text) items whose meanings are close (``GAP_SIMILARITY``), biggest topic first."""
    counts: dict[str, dict[str, int]] = {}  # normalised text -> kind -> count
    shown: dict[str, str] = {}
    for kind, text in items:
        key = fold(text.lower()).strip()
        if not key:
            continue
        shown.setdefault(key, text)
        counts.setdefault(key, {}).setdefault(kind, 0)
        counts[key][kind] += 1
    if not counts:
        return []
    keys = sorted(counts, key=lambda k: (-sum(counts[k].values()), len(k), k))
    vectors = engine.encoder.encode_queries([shown[k] for k in keys])
    threshold = GAP_SIMILARITY.get(engine.profile.family, GAP_SIMILARITY["other"])
    centroids: list[np.ndarray] = []
    members: list[list[int]] = []
    for i, vector in enumerate(vectors):
        if centroids:
            sims = np.stack(centroids) @ vector
            best = int(np.argmax(sims))
            if sims[best] >= threshold:
                members[best].append(i)
                total = vectors[members[best]].sum(axis=0)
                centroids[best] = total / np.linalg.norm(total)
                continue
        centroids.append(vector)
        members.append([i])
    topics = []
    for group in members:
        texts = [keys[i] for i in group]  # most frequent first
        searches = sum(counts[k].get("search", 0) for k in texts)
        tickets = sum(counts[k].get("ticket", 0) for k in texts)
        topics.append(
            GapTopic(
                shown[texts[0]], searches + tickets, searches, tickets, tuple(shown[k] for k in texts[:GAP_EXAMPLES])
            )
        )
    topics.sort(key=lambda t: (-t.count, t.topic))
    return topics


def comment_json(c: analytics.Comment) -> dict:
    return {"at": c.at.isoformat(), "helpful": c.helpful, "comment": c.comment, "locale": c.locale}


def queue_json(queue: Queue) -> dict:
    """The API's body for a queue."""
    return {
        "articles": [
            {
                "id": f.id,
                "title": f.title,
                "owner": f.owner,
                "locale": f.locale,
                "path": f.path,
                "score": f.score,
                "demand": f.demand,
                "age_days": f.age_days,
                "reasons": [{"code": r.code, "detail": r.detail} for r in f.reasons],
                "comments": [comment_json(c) for c in f.comments],
            }
            for f in queue.articles
        ],
        "gaps": [
            {
                "topic": g.topic,
                "count": g.count,
                "searches": g.searches,
                "tickets": g.tickets,
                "examples": list(g.examples),
            }
            for g in queue.gaps
        ],
        "counts": queue.counts,
        "took_ms": queue.took_ms,
    }
