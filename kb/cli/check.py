"""``kb check``: front matter against the schema, internal links and anchors that point nowhere, and the
categories' ``_meta.yml`` files."""

from __future__ import annotations

from pathlib import Path

import click

from indexer import categories, sources
from indexer.links import Linking, check_links
from indexer.parse import ParsedArticle, parse_article
from kb.cli.common import load_settings


@click.command()
@click.option("--articles", "articles_dir", type=click.Path(file_okay=False), help="Articles folder (KB_ARTICLES_DIR).")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
def check(articles_dir: str | None, strict: bool) -> None:
    """Check every article without indexing: exit 1 on errors (on warnings too with --strict)."""
    values = load_settings(articles_dir=articles_dir)
    root = Path(values["ARTICLES_DIR"])
    if not root.is_dir():
        raise click.ClickException(f"articles folder {root} does not exist")
    problems: list[sources.Problem] = []
    parsed: list[ParsedArticle] = []
    paths = list(sources.discover(root))
    for rel in paths:
        got = sources.read(root, rel, values["MAX_ARTICLE_BYTES"])
        if isinstance(got, sources.Problem):
            problems.append(got)
            continue
        result = parse_article(got, values["DEFAULT_LOCALE"])
        if isinstance(result, sources.Problem):
            problems.append(result)
        else:
            parsed.append(result)
            problems.extend(result.problems)
    problems.extend(check_links([Linking.of(a) for a in parsed], root))
    problems.extend(categories.check(root))
    problems.sort(key=lambda p: (p.path, p.line))
    for problem in problems:
        click.echo(f"{problem}" + (" (warning)" if problem.severity == "warning" else ""))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    click.echo(f"checked {len(paths)} files: {errors} errors, {warnings} warnings")
    if errors or (strict and warnings):
        raise SystemExit(1)
