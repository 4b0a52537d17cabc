"""``kb token create|revoke|list``: API tokens for help-desk integrations."""

from __future__ import annotations

import click

from kb.cli.common import load_settings


def _db():
    from kb.db import open_db

    return open_db(load_settings())


@click.group()
def token() -> None:
    """API tokens: shown once when created, kept hashed, revocable."""


@token.command()
@click.option("--role", type=click.Choice(["agent", "owner", "admin"]), required=True)
@click.option("--name", default="", help="What the token is for (e.g. 'Zendesk production').")
def create(role: str, name: str) -> None:
    """Create a token and print it (once: only its hash is kept)."""
    from kb.services import tokens

    info, secret = tokens.create_token(_db(), role, name)
    click.echo(f"token {info.id} ({info.role}, {info.name}); copy it now, it is not shown again:", err=True)
    click.echo(secret)


@token.command()
@click.argument("token_id", type=click.IntRange(1, 2**63 - 1))
def revoke(token_id: int) -> None:
    """Revoke token TOKEN_ID: requests with it get 401 from now on."""
    from kb.services import tokens

    info = tokens.revoke_token(_db(), token_id)
    click.echo(f"token {info.id} ({info.role}, {info.name}) revoked at {info.revoked_at:%Y-%m-%d %H:%M} UTC")


@token.command(name="list")
def list_command() -> None:
    """Every token: id, role, name, its first characters, created, revoked."""
    from kb.services import tokens

    for t in tokens.list_tokens(_db()):
        state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "active"
        click.echo(f"{t.id}\t{t.role}\t{t.name}\t{t.hint}…\tcreated {t.created_at:%Y-%m-%d}\t{state}")
