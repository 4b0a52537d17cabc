"""The keys kb keeps in DATA_DIR when no setting gives them: the session cookies' signing key and the
key the second factors' secrets are encrypted with. Every process on the machine shares them."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet

TOTP_KEY_FILE = "totp_key"  # in DATA_DIR, when no KB_TOTP_KEY is set


def new_key() -> str:
    """A key for the TOTP secrets (``KB_TOTP_KEY``)."""
    return Fernet.generate_key().decode("ascii")


def kept_key(path: Path, make) -> str:
    """The key in ``path`` (mode 600), made once with ``make()``: every process on the machine shares it.

    The key is written whole to a file of its own and then linked into place, which fails if another
    process got there first: a reader sees no file or a whole key, never a half-written one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(make())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process made it: theirs is the key
        finally:
            draft.unlink()
    return path.read_text(encoding="ascii").strip()


def secret_key(settings: dict) -> str:
    """The SECRET_KEY setting, or one kept in DATA_DIR/secret_key (made once, shared by every process)."""
    return settings.get("SECRET_KEY") or kept_key(
        Path(settings["DATA_DIR"]) / "secret_key", lambda: secrets.token_urlsafe(48)
    )


def totp_key(settings: dict) -> str:
    """The TOTP_KEY setting, or one kept in DATA_DIR/totp_key: what the second factors' secrets are
    encrypted with in the database."""
    return settings.get("TOTP_KEY") or kept_key(Path(settings["DATA_DIR"]) / TOTP_KEY_FILE, new_key)
