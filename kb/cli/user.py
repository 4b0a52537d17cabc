"""``kb user``: staff accounts for the web pages (password now, TOTP at the first sign-in), and their care:
list, disable, enable, reset the second factor, delete; ``kb user key`` makes a TOTP_KEY."""

from __future__ import annotations

import sys

import click

from kb.cli.common import load_settings


def _db():
    from kb.db import open_db

    return open_db(load_settings())


def _account(db, who: str):
    """The account an argument names: its id or its e-mail."""
    from kb.services import staff_admin

    return staff_admin.find_user(db, int(who) if who.isdigit() else who)


def _state(info) -> str:
    if info.disabled_at is not None:
        return f"disabled since {info.disabled_at:%Y-%m-%d %H:%M} UTC"
    return "enrolled" if info.enrolled else "not enrolled yet"


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
    from kb.services import staff

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    db = _db()
    created = staff.create_user(db, email, password, role, name)
    click.echo(
        f"account {created.email} ({created.role}) created; at the first sign-in on /staff/sign-in it enrols "
        "an authenticator app"
    )


@user.command(name="list")
def list_command() -> None:
    """Every account: id, e-mail, role, name, second factor, live sessions."""
    from kb.services import staff_admin

    accounts = staff_admin.list_users(_db())
    if not accounts:
        click.echo("no accounts yet; create one with `kb user create`")
    for a in accounts:
        click.echo(
            f"{a.id:>4}  {a.email:<32} {a.role:<6} {a.name:<24} {_state(a)}, "
            f"{a.recovery_codes_left} recovery codes, {a.sessions} live sessions"
        )


@user.command()
@click.argument("who")
def disable(who: str) -> None:
    """Disable an account (by id or e-mail): it cannot sign in, and every session of it ends now."""
    from kb.services import staff_admin

    db = _db()
    info = staff_admin.set_disabled(db, _account(db, who).id, True)
    click.echo(f"account {info.email} disabled; its sessions have ended")


@user.command()
@click.argument("who")
def enable(who: str) -> None:
    """Enable a disabled account again (by id or e-mail)."""
    from kb.services import staff_admin

    db = _db()
    info = staff_admin.set_disabled(db, _account(db, who).id, False)
    click.echo(f"account {info.email} enabled")


@user.command(name="reset-2fa")
@click.argument("who")
def reset_2fa(who: str) -> None:
    """Forget an account's authenticator app and recovery codes (a lost phone): it enrols a new one at its
    next sign-in, after its password. Every session of it ends now."""
    from kb.services import staff_admin

    db = _db()
    info = staff_admin.reset_second_factor(db, _account(db, who).id)
    click.echo(f"second factor of {info.email} reset; it enrols an authenticator app at its next sign-in")


@user.command()
@click.argument("who")
@click.option("--yes", is_flag=True, help="Do not ask.")
def delete(who: str, yes: bool) -> None:
    """Delete an account (by id or e-mail) and its sessions. What it did (reviews) keeps its name."""
    from kb.services import staff_admin

    db = _db()
    info = _account(db, who)
    if not yes:
        click.confirm(f"Delete the account {info.email}?", abort=True)
    staff_admin.delete_user(db, info.id)
    click.echo(f"account {info.email} deleted")


@user.command()
def key() -> None:
    """Print a new key for KB_TOTP_KEY (for several machines sharing one database)."""
    from kb.services import staff

    click.echo(staff.new_key())
