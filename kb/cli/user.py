"""``kb user create``: a staff account for the web pages (password now, TOTP at the first sign-in)."""

from __future__ import annotations

import sys

import click

from kb.cli.common import load_settings


@click.group()
def user() -> None:
    """Staff accounts: e-mail, role and password; the second factor is enrolled at the first sign-in."""


@user.command()
@click.option("--email", required=True, help="The person's e-mail: the name they sign in with.")
@click.option("--role", type=click.Choice(["agent", "owner", "admin"]), required=True)
@click.option("--name", default="", help="How the person is shown (and recorded as reviewer).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (scripts).")
def create(email: str, role: str, name: str, password_stdin: bool) -> None:
    """Create an account; its password is asked twice (not shown) unless --password-stdin."""
    from indexer.store import engine_for
    from kb.services import staff

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    db = engine_for(load_settings()["DATABASE_URL"])
    staff.init_db(db)
    try:
        created = staff.create_user(db, email, password, role, name)
    except staff.StaffError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"account {created.email} ({created.role}) created; at the first sign-in on /staff/sign-in it enrols "
        "an authenticator app"
    )
