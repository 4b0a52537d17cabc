"""The ``kb`` command: one module per sub-command; user errors print a sentence, not a traceback."""

from __future__ import annotations

import logging

import click

from kb.cli.backup import backup_command, restore_command
from kb.cli.check import check
from kb.cli.common import Group
from kb.cli.db import db_command
from kb.cli.eval import eval_command
from kb.cli.index import index
from kb.cli.review import review_command
from kb.cli.search import search
from kb.cli.serve import serve
from kb.cli.token import token
from kb.cli.user import user


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log what kb is doing.")
def main(verbose: bool) -> None:
    """kb: a docs-as-code knowledge base with hybrid search."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)  # kb says what it migrated (indexer.migrate)


main.add_command(db_command)
main.add_command(index)
main.add_command(search)
main.add_command(check)
main.add_command(serve)
main.add_command(eval_command)
main.add_command(token)
main.add_command(user)
main.add_command(review_command)
main.add_command(backup_command)
main.add_command(restore_command)
