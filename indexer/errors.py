"""The one base of every error kb raises on purpose (in the spirit of MkDocs's exception hierarchy).

A :class:`KbError` is a condition a person can act on: its message is a sentence for the operator
(the CLI prints ``Error: <message>``), ``public`` what a web client may read (by default the same),
``status`` and ``code`` the HTTP answer in the one JSON error shape. The web layer and the CLI each
catch it once. It lives at the bottom of the layers (``indexer``) so both the index and the
services can raise it.
"""

from __future__ import annotations


class KbError(Exception):
    """An error kb raises on purpose; a subclass names its status and code as class keywords:
    ``class NoIndex(KbError, status=503, code="no_index"): ...``."""

    status: int = 400
    code: str = "invalid_request"
    public_message: str | None = None  # what a web client reads instead of the message, if set

    def __init_subclass__(cls, status: int | None = None, code: str | None = None, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if status is not None:
            cls.status = status
        if code is not None:
            cls.code = code

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)

    @property
    def public(self) -> str:
        return self.public_message or self.message
