"""``kb review``: the owners' review queue in the terminal (the same queue as ``GET /api/v1/review``)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys

import click

from kb.cli.common import load_settings, user_errors
from kb.services import analytics, review
from kb.services.engine import Engine


@click.command(name="review")
@click.option("--owner", help="Only this owner's articles.")
@click.option("--reason", help=f"Only articles with this reason: {', '.join(review.REASONS)}.")
@click.option("--locale", type=click.Choice(["es", "en"]), help="Only articles in this language.")
@click.option("--lang", type=click.Choice(["es", "en"]), help="Language of the details (default: KB_DEFAULT_LOCALE).")
@click.option("--no-gaps", is_flag=True, help="Leave out content gaps (they load the embedding model).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object, as the API answers.")
@click.option("--csv", "as_csv", is_flag=True, help="One row per reason: id,title,owner,locale,score,code,detail.")
@click.option(
    "--comments",
    "comments_csv",
    is_flag=True,
    help="Instead: customers' vote comments of the review window as CSV: at,article_id,helpful,locale,comment.",
)
def review_command(
    owner: str | None,
    reason: str | None,
    locale: str | None,
    lang: str | None,
    no_gaps: bool,
    as_json: bool,
    as_csv: bool,
    comments_csv: bool,
) -> None:
    """Articles that need their owners, and why, costliest first, with what customers said of them;
    then the content customers miss."""
    if as_json + as_csv + comments_csv > 1:
        raise click.UsageError("choose one of --json, --csv and --comments")
    from kb.db import open_db

    values = load_settings()
    db = open_db(values)
    if comments_csv:
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=values["REVIEW_WINDOW_DAYS"])
        analytics.write_comments_csv(sys.stdout, analytics.comments(db, since=since))
        return
    engine = Engine.from_settings(values)
    with user_errors():
        queue = review.build_queue(
            engine,
            db,
            review.Policy.from_settings(values),
            values["ARTICLES_DIR"],
            owner=owner,
            reason=reason,
            locale=locale,
            lang=lang or values["DEFAULT_LOCALE"],
            gaps=not no_gaps,
        )
    if as_json:
        click.echo(json.dumps(review.queue_json(queue), ensure_ascii=False))
        return
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["id", "title", "owner", "locale", "score", "code", "detail"])
        for f in queue.articles:
            for r in f.reasons:
                writer.writerow([f.id, f.title, f.owner, f.locale, f.score, r.code, r.detail])
        return
    for f in queue.articles:
        click.echo(f"{f.score:8.2f}  {click.style(f.id, bold=True)}  {f.title}  ({f.owner or '-'}, {f.locale})")
        for r in f.reasons:
            click.echo(f"          {r.code}: {r.detail}")
        for c in f.comments:
            mark = "+" if c.helpful else "-"
            click.echo(f"          {mark} {c.at:%Y-%m-%d} «{' '.join(c.comment.split())[:200]}»")
    for g in queue.gaps:
        click.echo(f"gap: {g.topic!r}: {g.searches} searches, {g.tickets} tickets; e.g. {'; '.join(g.examples[:3])}")
    counts = ", ".join(f"{code} {n}" for code, n in queue.counts.items() if n)
    summary = f"{len(queue.articles)} articles to review ({counts or 'none'}); {len(queue.gaps)} gap topics"
    click.echo(f"{summary}; {queue.took_ms:.0f} ms")
