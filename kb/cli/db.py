"""``kb db upgrade|status``: the database's schema, one migration history per owner of tables."""

from __future__ import annotations

import click

from kb.cli.common import load_settings


def _print(revisions) -> None:
    for r in revisions:
        state = "up to date" if r.current == r.head else f"newest {r.head}"
        click.echo(f"{r.tables}: {r.current or 'none'} ({state})")


@click.group("db")
def db_command() -> None:
    """The database's tables: where they are, and bringing them to this kb's version."""


@db_command.command()
def upgrade() -> None:
    """Apply the migrations the database lacks (a database an older kb made keeps every row)."""
    from indexer import store
    from kb import db as database
    from kb.services import staff

    values = load_settings()
    engine = store.engine_for(values["DATABASE_URL"])
    database.upgrade(engine, staff.totp_key(values))
    _print(database.revisions(engine))


@db_command.command()
def status() -> None:
    """Show each migration history's revision in the database and in this kb, changing nothing."""
    from pathlib import Path

    from sqlalchemy import create_engine

    from kb import db as database

    url = load_settings()["DATABASE_URL"]
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        click.echo(f"no database yet at {url.removeprefix('sqlite:///')}; `kb db upgrade` makes it")
        return
    _print(database.revisions(create_engine(url)))
