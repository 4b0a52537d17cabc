"""``kb backup DIR`` and ``kb restore DIR``: the database and the live index, together."""

from __future__ import annotations

from pathlib import Path

import click

from kb.cli.common import load_settings
from kb.services import backup as backup_service


def _db(values):
    from indexer.store import engine_for

    return engine_for(values["DATABASE_URL"])


@click.command(name="backup")
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
def backup_command(target: Path) -> None:
    """Copy the live index and every table of the database into TARGET (a new folder), consistently."""
    values = load_settings()
    summary = backup_service.backup(Path(values["DATA_DIR"]), _db(values), target)
    rows = sum(summary["tables"].values())
    click.echo(f"backed up build {summary['build']} and {rows} rows in {len(summary['tables'])} tables to {target}")


@click.command(name="restore")
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask: the database's rows are replaced by the backup's.")
def restore_command(source: Path, yes: bool) -> None:
    """Make SOURCE's index live and its rows the database's contents (every current row is replaced)."""
    values = load_settings()
    summary = backup_service.read_summary(source)
    if not yes:
        click.confirm(
            f"Replace every row of {values['DATABASE_URL']} with the backup of {summary['created_at']}?",
            abort=True,
        )
    summary = backup_service.restore(source, Path(values["DATA_DIR"]), _db(values))
    rows = sum(summary["tables"].values())
    click.echo(f"restored build {summary['build']} and {rows} rows from {source}")
