"""What the sub-commands share: loading settings and turning kb's user errors into sentences."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import click

from indexer.errors import KbError
from kb import settings as kb_settings


def load_settings(**overrides: Any) -> dict[str, Any]:
    with user_errors():
        return kb_settings.load({k: v for k, v in overrides.items() if v is not None})


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Report a user's mistake as ``Error: <sentence>`` with exit code 1; so too a file or database
    the command cannot write (a read-only data directory, a full disk, a database that is down)."""
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except KbError as exc:  # every error kb raises on purpose, caught once for every command
        raise click.ClickException(str(exc)) from None
    except OperationalError as exc:
        raise click.ClickException(f"the database cannot be used: {exc.orig or exc}".split("\n")[0]) from None
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        raise click.ClickException(f"{exc.strerror or exc}{where}") from None


class Group(click.Group):
    """The ``kb`` group: every sub-command's user errors become a sentence, never a traceback."""

    def invoke(self, ctx: click.Context):
        with user_errors():
            return super().invoke(ctx)
