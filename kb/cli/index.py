"""``kb index``: build the index of an articles folder and make it live."""

from __future__ import annotations

import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

import click

from indexer.build import build_index
from indexer.vectors import choose_model
from kb import settings as kb_settings
from kb.cli.common import load_settings, user_errors
from kb.services.engine import encoder_for


class _Bar:
    """A progress bar per stage (reading, chunking, embedding) on stderr, with its rate and time left;
    stages of fewer than 50 items pass too fast to need one."""

    UNITS = {"reading": "article", "chunking": "article", "embedding": "chunk"}

    def __init__(self) -> None:
        self.bar = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.UNITS or total < 50:
            return
        if self.bar is None or stage != self.stage:
            from tqdm import tqdm

            self.close()
            self.bar = tqdm(
                total=total, desc=f"{stage:<9}", unit=self.UNITS[stage], file=sys.stderr, dynamic_ncols=True
            )
            self.stage = stage
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


@click.command()
@click.option("--articles", "articles_dir", type=click.Path(file_okay=False), help="Articles folder (KB_ARTICLES_DIR).")
@click.option("--strict", is_flag=True, help="Exit with an error when any article is reported.")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary line and the reports.")
@click.option(
    "--full", is_flag=True, help="Rebuild every article, not only what changed (vectors still come from the cache)."
)
def index(articles_dir: str | None, strict: bool, quiet: bool, full: bool) -> None:
    """Index the articles folder: parse, chunk, embed (with a cache) and switch the live index."""
    values = load_settings(articles_dir=articles_dir)
    model = choose_model(values["EMBEDDING_MODEL"], Path(values["ARTICLES_DIR"]), values["DEFAULT_LOCALE"])
    config = replace(kb_settings.index_config({**values, "EMBEDDING_MODEL": model}), full=full)
    bar = _Bar() if not quiet else None
    with user_errors():
        try:
            report = build_index(config, partial(encoder_for, values, model), progress=bar)
        finally:
            if bar is not None:
                bar.close()
    for problem in report.problems:
        click.echo(f"{problem}" + (" (warning)" if problem.severity == "warning" else ""), err=True)
    click.echo(f"indexed {report.summary()}; build {report.build_id}; model {model}")
    if strict and report.problems:
        raise click.ClickException(f"--strict: {len(report.problems)} articles reported")
