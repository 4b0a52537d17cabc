"""What the sub-commands share: loading settings and turning kb's user errors into sentences."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import click

from indexer.build import BuildError
from indexer.reader import ModelMismatch, NoIndex
from indexer.vectors import ModelNotFound
from kb import settings as kb_settings

USER_ERRORS = (kb_settings.SettingsError, BuildError, ModelNotFound, ModelMismatch, NoIndex)


def load_settings(**overrides: Any) -> dict[str, Any]:
    with user_errors():
        return kb_settings.load({k: v for k, v in overrides.items() if v is not None})


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Report a user's mistake as ``Error: <sentence>`` with exit code 1."""
    try:
        yield
    except USER_ERRORS as exc:
        raise click.ClickException(str(exc)) from None
