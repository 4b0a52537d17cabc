"""``kb search``: the help center's search, in the terminal."""

from __future__ import annotations

import html
import re

import click

from kb.cli.common import load_settings, user_errors
from kb.services import search as search_service
from kb.services.engine import Engine


def terminal_snippet(snippet: str) -> str:
    """The API's HTML snippet for a terminal: matched words in bold, entities decoded."""
    parts = re.split(r"<mark>(.*?)</mark>", snippet)
    return "".join(click.style(html.unescape(p), bold=True) if i % 2 else html.unescape(p) for i, p in enumerate(parts))


@click.command()
@click.argument("query")
@click.option("--mode", type=click.Choice(search_service.MODES), default="hybrid", show_default=True)
@click.option("--locale", type=click.Choice(["es", "en"]), help="Only articles in this language.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--staff", is_flag=True, help="Include internal articles (what agents see).")
def search(query: str, mode: str, locale: str | None, limit: int, staff: bool) -> None:
    """Search the live index and print the best articles with their best section."""
    if not query.strip():
        raise click.BadParameter("the query is empty", param_hint="QUERY")
    values = load_settings()
    engine = Engine.from_settings(values)
    with user_errors():
        results = search_service.search(
            engine,
            query,
            mode=mode,
            locale=locale,
            limit=limit,
            staff=staff,
            candidates=values["SEARCH_CANDIDATES"],
        )
    if results.did_you_mean:
        click.echo(f"did you mean: {results.did_you_mean}")
    if not results.hits:
        click.echo(f"no results for {query!r}")
    for n, hit in enumerate(results.hits, 1):
        section = f" › {hit.heading}" if hit.anchor else ""
        click.echo(f"{n:2}. {hit.title}{section}  [{hit.locale}] {hit.url}  ({hit.score:.4f})")
        click.echo(f"    {terminal_snippet(hit.snippet)}")
    click.echo(f"{results.total} articles, {results.took_ms:.0f} ms")
