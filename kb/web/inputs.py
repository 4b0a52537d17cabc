"""Parsing what visitors send (query strings, JSON bodies) into plain values, or an ``ApiError`` that says why not.

Shared by the JSON API and the HTML pages, so both accept and refuse exactly the same input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from kb.web.errors import ApiError

MAX_QUERY_CHARS = 500
MAX_FILTER_CHARS = 100
LOCALES = ("es", "en")
# What the API takes, stated once for these functions and the contract (kb.web.contract): no control
# character (the C0 and C1 sets, tab and line breaks aside in a query), and in a query a letter or a digit.
_CONTROL = r"\x00-\x08\x0e-\x1f\x7f-\x9f"
QUERY_PATTERN = rf"^[^{_CONTROL}]*[^\W_][^{_CONTROL}]*$"
FILTER_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
_FILTER = re.compile(FILTER_PATTERN)


def clean_query(raw: str | None, name: str = "q", required: bool = True, limit: int = MAX_QUERY_CHARS) -> str:
    """A query as search should see it: NFC, invisible format characters dropped, spaces collapsed.

    Refused: missing or empty, longer than ``limit`` (the MAX_QUERY_CHARS setting), control characters, or nothing to
    search for (no letter or digit, as in ``"¿?"`` or a lone emoji).
    """
    text = raw or ""
    if len(text) > limit:  # as sent: normalising never makes a query too long
        raise ApiError(400, "query_too_long", f"{name} may hold at most {limit} characters")
    text = unicodedata.normalize("NFC", text)
    if any(unicodedata.category(ch) == "Cc" and not ch.isspace() for ch in text):
        raise ApiError(400, "invalid_query", f"{name} contains control characters")
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn"))
    text = " ".join(text.split())
    if not text:
        if required:
            raise ApiError(400, "missing_query", f"{name} is required: the words to search for")
        return ""
    if len(text) > limit:
        raise ApiError(400, "query_too_long", f"{name} may hold at most {limit} characters")
    if not any(ch.isalnum() for ch in text):
        raise ApiError(400, "invalid_query", f"{name} must contain at least one letter or digit")
    return text


def check_known(args: Iterable[str], allowed: Iterable[str]) -> None:
    unknown = sorted(set(args) - set(allowed))
    if unknown:
        raise ApiError(
            400,
            "unknown_parameter",
            f"unknown parameter {unknown[0]!r}; this endpoint takes {', '.join(sorted(allowed))}",
        )


def int_arg(args: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, "invalid_parameter", f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise ApiError(400, "invalid_parameter", f"{name} must be between {low} and {high}")
    return value


# A language tag (BCP 47 or POSIX style) whose language is one kb speaks: es, es-ES, es_419, en-US, EN...
# The OpenAPI document states the same pattern (openapi.LOCALE_PARAM): the one place this is settled.
LOCALE_PATTERN = r"^([eE][sS]|[eE][nN])([-_][A-Za-z0-9]{1,8}){0,3}$"
_LOCALE = re.compile(LOCALE_PATTERN)


def locale_arg(value: str | None, name: str = "locale") -> str | None:
    """``es`` or ``en`` from a language tag; a regional form (``es-ES``, ``en_US``) is read as its language,
    as in front matter."""
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _LOCALE.match(value):
        raise ApiError(400, "invalid_parameter", f"{name} must be es or en (a regional form such as es-ES reads as es)")
    return value[:2].lower()


def filter_arg(value: str | None, name: str) -> str | None:
    """A product or tag filter: printable text of at most ``MAX_FILTER_CHARS`` characters."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if len(value) > MAX_FILTER_CHARS or not _FILTER.match(value):
        raise ApiError(
            400, "invalid_parameter", f"{name} must be text of at most {MAX_FILTER_CHARS} chars, no control characters"
        )
    return unicodedata.normalize("NFC", value)


_SURROGATE = re.compile("[\ud800-\udfff]")


def checked_json(value: object, max_depth: int) -> object:
    """``value`` (parsed JSON) if no array or object in it is nested deeper than ``max_depth`` and no
    text in it holds a lone UTF-16 surrogate (``"\\ud800"``, which is no character); else an ApiError."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                raise ApiError(
                    400, "invalid_json", "the request body holds an unpaired UTF-16 surrogate (\\ud800-\\udfff)"
                )
        elif isinstance(item, dict | list):
            if depth > max_depth:
                raise ApiError(400, "invalid_json", f"the request body is nested deeper than {max_depth} levels")
            children = item.items() if isinstance(item, dict) else ((None, v) for v in item)
            for key, child in children:
                if key is not None:
                    stack.append((key, depth))
                stack.append((child, depth + 1))
    return value


def json_object(body, allowed: Iterable[str]) -> dict:
    """A JSON request body that must be an object with only the ``allowed`` keys."""
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", "the request body must be a JSON object")
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise ApiError(400, "invalid_body", f"unknown field {unknown[0]!r}; allowed: {', '.join(sorted(allowed))}")
    return body
