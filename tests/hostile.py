"""Requests a hostile visitor sends to take kb down or to read what it hides (issue 14's red-team run and
their siblings). Shared by tests/test_hostile.py, which checks each is answered quickly in the JSON
error shape while the server keeps serving, and bench/hostile.py, which times them.

Each attack is ``(name, method, path, body, headers, statuses)``: the body as bytes, the statuses an
answer may have. Sizes stay within the documented limits, so it is kb's work on them that is tested.
"""

from __future__ import annotations

import json

JIRA_TOKEN = "Bearer {agent}"  # filled in with a real agent token by the caller


def _json(value) -> bytes:
    return json.dumps(value).encode()


def _nested(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


SUGGEST = "/api/v1/suggest"
ARTICLE = "es/cuenta/restablecer-contrasena"
VOTE = f"/api/v1/articles/{ARTICLE}/feedback"
OK_OR_REFUSED = (200, 400, 413)

ATTACKS: list[tuple[str, str, str, bytes, dict, tuple[int, ...]]] = [
    # 1. The typo corrector on one very long word: memory grew with its square.
    ("long word 3,000", "POST", SUGGEST, _json({"subject": "x", "body": "y" * 3000}), {}, OK_OR_REFUSED),
    ("long word 200,000", "POST", SUGGEST, _json({"subject": "x", "body": "y" * 199_000}), {}, OK_OR_REFUSED),
    ("long accented word", "POST", SUGGEST, _json({"subject": "ñ" * 900, "body": "á" * 100_000}), {}, OK_OR_REFUSED),
    ("long word in search", "GET", "/api/v1/search?q=" + "y" * 500, b"", {}, (200,)),
    ("long words in search", "GET", "/api/v1/search?q=" + "%20".join(["abcdefghijklmnopqrstuvwxyz" * 2] * 8), b"", {}, (200,)),  # noqa: E501
    ("many distinct long words", "POST", SUGGEST, _json({"subject": "x", "body": " ".join(f"{i:06d}" + "q" * 200 for i in range(900))}), {}, OK_OR_REFUSED),  # noqa: E501
    # 2. Regular expressions quadratic in their input (reply headers, HTML, Jira wiki markup).
    ("newlines 20,000", "POST", SUGGEST, _json({"subject": "x", "body": "\n" * 20_000}), {}, OK_OR_REFUSED),
    ("newlines 199,000", "POST", SUGGEST, _json({"subject": "x", "body": "\n" * 199_000}), {}, OK_OR_REFUSED),
    ("spaced newlines", "POST", SUGGEST, _json({"subject": "x", "body": "\n \t" * 60_000}), {}, OK_OR_REFUSED),
    ("From: headers", "POST", SUGGEST, _json({"subject": "x", "body": "From: a\n\n" * 20_000}), {}, OK_OR_REFUSED),
    ("unclosed HTML tags", "POST", SUGGEST, _json({"subject": "x", "body": "<p " * 60_000}), {}, OK_OR_REFUSED),
    ("unclosed quotes", "POST", SUGGEST, _json({"subject": "x", "body": "<blockquote>" * 15_000}), {}, OK_OR_REFUSED),
    ("sentence ends", "POST", SUGGEST, _json({"subject": "x", "body": ". " * 99_000}), {}, OK_OR_REFUSED),
    ("greeting run", "POST", SUGGEST, _json({"subject": "x", "body": "Hola " * 39_000}), {}, OK_OR_REFUSED),
    (
        "Jira wiki links",
        "POST",
        "/api/v1/integrations/jira",
        _json({"issue": {"key": "K-1", "fields": {"summary": "x", "description": "[" * 40_000}}}),
        {"Authorization": JIRA_TOKEN},
        OK_OR_REFUSED,
    ),
    (
        "Jira wiki markup",
        "POST",
        "/api/v1/integrations/jira",
        _json({"issue": {"key": "K-1", "fields": {"summary": "x", "description": "{code:" * 30_000}}}),
        {"Authorization": JIRA_TOKEN},
        OK_OR_REFUSED,
    ),
    (
        "Jira link pipes",
        "POST",
        "/api/v1/integrations/jira",
        _json({"issue": {"key": "K-1", "fields": {"summary": "x", "description": "[a|" * 60_000}}}),
        {"Authorization": JIRA_TOKEN},
        OK_OR_REFUSED,
    ),
    # 9. Inputs that answered 500.
    ("nested JSON", "POST", SUGGEST, _nested(100_000), {}, (400,)),
    ("nested JSON vote", "POST", VOTE, _nested(50_000), {}, (400,)),
    ("lone surrogate", "POST", SUGGEST, b'{"subject": "\\ud800", "body": "hola \\udfff"}', {}, (400,)),
    ("huge search id", "POST", VOTE, b'{"helpful": true, "search_id": 18446744073709551616}', {}, (400,)),
    ("huge click id", "POST", "/api/v1/searches/99999999999999999999999/clicks", _json({"article_id": ARTICLE, "position": 1}), {}, (404,)),  # noqa: E501
    ("huge page click", "GET", f"/articles/{ARTICLE}?s=99999999999999999999999&p=1", b"", {}, (200,)),
    ("huge integer", "POST", SUGGEST, b'{"subject": "x", "limit": ' + b"9" * 5000 + b"}", {}, (400,)),
]  # fmt: skip
