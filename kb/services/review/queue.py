"""The queue: every article that needs its owner, with its reasons, ranked by what it costs customers
(score = demand x age x weight: see ``kb.services.review``), and the queue's JSON."""

from __future__ import annotations

import datetime as dt
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from indexer.links import BrokenLink, Linking, broken_links
from kb import catalog
from kb.services import analytics, suggestion_log
from kb.services.engine import Engine as SearchEngine
from kb.services.review.actions import last_actions
from kb.services.review.duplicates import duplicate_pairs
from kb.services.review.gaps import GapTopic, content_gaps
from kb.services.review.policy import Policy, ReviewError
from kb.services.review.reasons import REASONS, TEXT, WEIGHTS, Reason, deprecated_terms

COMMENTS_PER_ARTICLE = 5  # customers' latest comments shown with a queued article


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


@dataclass(slots=True)
class Queue:
    articles: list[Flagged] = field(default_factory=list)
    gaps: list[GapTopic] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # reason code -> articles raising it (unfiltered)
    took_ms: float = 0.0


def _when(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    return analytics.utc(dt.datetime.fromisoformat(value))


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
    text = TEXT.get(lang, TEXT["es"])
    today = today or dt.datetime.now(dt.UTC).date()
    now = dt.datetime.combine(today, dt.time(23, 59, 59), tzinfo=dt.UTC)
    since = now - dt.timedelta(days=policy.window_days)
    index = engine.index()
    all_articles = {a: index.article(a) for a in index.article_ids()}
    published = {a: m for a, m in all_articles.items() if m["status"] == "published"}
    reviewed_on, snoozed_until = last_actions(db)

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
    by_path = {m["path"]: a for a, m in all_articles.items()}
    broken: dict[str, list[BrokenLink]] = {}
    for link in broken_links((Linking.from_build(m) for m in all_articles.values()), articles_dir):
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
        for article_id, hits in deprecated_terms(published, articles_dir, policy.deprecated).items():
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
                pct=catalog.number(100 * sum(own) / len(own), lang),
                votes=len(own),
                min=catalog.number(100 * policy.min_helpful, lang),
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
            pct = catalog.number(100 * opened / times, lang)
            detail = text["low_engagement"].format(shown=times, clicked=opened, pct=pct)
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
    for article_id, (other, similarity) in duplicate_pairs(index, published, threshold).items():
        detail = text["duplicate"].format(
            other=other, title=all_articles[other]["title"], sim=catalog.number(round(similarity, 3), lang)
        )
        found[article_id].append(Reason("duplicate", detail))

    # Translations older than their source's last change.
    for article_id, meta in published.items():
        target = meta.get("translation_of") or ""
        source = index.resolve(target)
        if source and source != article_id:
            source_changed, own_changed = changed(all_articles[source]), changed(meta)
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
