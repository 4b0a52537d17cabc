"""kb's HTTP contract as pydantic models: query parameters, request bodies and responses.

``kb.web.openapi`` generates ``/api/v1/openapi.json`` from these models and the answers' (``kb.web.answers``;
no schema is written by hand),
the views parse request bodies with them (:func:`parse`), and the fuzz test (tests/test_openapi.py)
checks both ways: every request the document allows is accepted, every answer matches its model.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from kb.services import review, suggestion_log
from kb.web import inputs
from kb.web.errors import ApiError

Locale = Annotated[
    str,
    Field(
        pattern=inputs.LOCALE_PATTERN,
        description="es or en; a regional form (es-ES, es_419, en-US) reads as its language",
    ),
]
Audience = Annotated[
    Literal["public", "internal"], Field(description="internal: staff only (a customer given its link finds nothing)")
]
Role = Literal["agent", "owner", "admin"]


def _whole(value: object) -> object:
    """JSON's 2.0 is the integer 2 (JSON Schema says so); true, "2" and 2.5 stay refused."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def whole(**limits) -> object:
    """An integer in a JSON body, within ``limits`` (``ge``, ``le``)."""
    return Annotated[int, Field(**limits), BeforeValidator(_whole)]


Share = Annotated[float, Field(ge=0, le=1)]
# A query: what search needs (a letter or a digit; no control characters), at most MAX_QUERY_CHARS.
Query = Annotated[str, Field(min_length=1, max_length=inputs.MAX_QUERY_CHARS, pattern=inputs.QUERY_PATTERN)]
Filter = Annotated[str, Field(min_length=1, max_length=inputs.MAX_FILTER_CHARS, pattern=inputs.FILTER_PATTERN)]
Date = Annotated[
    str,
    Field(
        pattern=r"^(20\d\d|2100)-\d\d-\d\d$",
        json_schema_extra={"format": "date"},
        description="2000-01-01 to 2100-12-31",
    ),
]


class Model(BaseModel):
    """What every model of the contract shares: no field it does not name."""

    # Python's re, as the fuzz test reads the document's patterns (pydantic's default engine is Rust's).
    model_config = ConfigDict(extra="forbid", regex_engine="python-re")


def query(model: type[Model], args) -> Model:
    """A query string (``request.args``) as ``model``: an empty optional parameter reads as absent, a
    parameter the model does not name is refused (``unknown_parameter``), a bad value too."""
    lists = {f.alias or n for n, f in model.model_fields.items() if getattr(f.annotation, "__origin__", None) is list}
    values: dict[str, object] = {}
    for name in args:
        sent = [v for v in args.getlist(name) if v != ""]
        if name in lists:
            values[name] = sent
        elif sent:
            values[name] = sent[0]
        elif name not in model.model_fields and name not in {f.alias for f in model.model_fields.values()}:
            values[name] = ""  # unknown, even empty
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in first["loc"][:1])
        if first["type"] == "extra_forbidden":
            allowed = ", ".join(sorted(f.alias or n for n, f in model.model_fields.items())) or "no parameters"
            raise ApiError(
                400, "unknown_parameter", f"unknown parameter {field!r}; this endpoint takes {allowed}"
            ) from None
        raise ApiError(400, "invalid_parameter", f"{field}: {first['msg']}") from None


def parse(model: type[Model], body: object) -> Model:
    """``body`` (parsed JSON) as ``model``, or the 400 that says which field is wrong and why."""
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", "the request body must be a JSON object")
    try:
        return model.model_validate(body, strict=True)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in first["loc"]) or "the body"
        if first["type"] == "extra_forbidden":
            allowed = ", ".join(sorted(f.alias or n for n, f in model.model_fields.items()))
            raise ApiError(400, "invalid_body", f"unknown field {field!r}; allowed: {allowed}") from None
        raise ApiError(400, "invalid_body", f"{field}: {first['msg']}") from None


# Query parameters (kb.web.inputs reads them; an empty optional one is read as absent).


class SearchParams(Model):
    q: Annotated[Query, Field(description="What the customer typed")]
    locale: Locale | None = None
    product: Filter | None = None
    tag: Annotated[
        list[Filter], Field(max_length=10, description="May repeat (up to 10): an article must have every tag")
    ] = []
    limit: Annotated[int, Field(ge=1, le=50)] = 10
    offset: Annotated[int, Field(ge=0, le=1000)] = 0
    mode: Literal["hybrid", "lexical", "semantic"] = "hybrid"
    correct: Annotated[
        Literal["true", "false"], Field(description="false: search only what was typed (no typo correction)")
    ] = "true"


class AutocompleteParams(Model):
    q: Query
    locale: Locale | None = None
    limit: Annotated[int, Field(ge=1, le=20)] = 8


class SuggestParams(Model):
    locale: Locale | None = None
    product: Filter | None = None
    limit: Annotated[int, Field(ge=1, le=20)] = 5
    audience: Literal["internal", "public"] | None = None


class ReviewParams(Model):
    owner: Filter | None = None
    reason: Literal[tuple(review.REASONS)] | None = None  # type: ignore[valid-type]
    locale: Locale | None = None
    lang: Literal["es", "en"] | None = None


class PeriodParams(Model):
    from_: Annotated[Date, Field(alias="from")] = None  # type: ignore[assignment]
    to: Date = None  # type: ignore[assignment]


class CommentsParams(PeriodParams):
    article: Annotated[str, Field(min_length=1, max_length=400)] | None = None
    format: Literal["json", "csv"] = "json"


class CategoriesParams(Model):
    locale: Locale | None = None


FormId = Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class ContactSuggestionsParams(Model):
    q: Query
    locale: Locale | None = None
    form_id: FormId | None = None


# Request bodies.


class VoteBody(Model):
    helpful: bool
    comment: Annotated[str, Field(max_length=2000)] = ""
    search_id: whole(ge=1, le=2**53 - 1) | None = None
    locale: Locale | None = None


class ClickBody(Model):
    article_id: Annotated[str, Field(min_length=1, max_length=400)]
    position: whole(ge=1, le=1050)


class TicketBody(Model):
    """A ticket: a subject or a body (or both) with something in it."""

    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["subject"], "properties": {"subject": {"pattern": r"\S"}}},
                {"required": ["body"], "properties": {"body": {"pattern": r"\S"}}},
            ]
        }
    )

    # Longer than these is a 413 (integrations.PayloadTooLarge), so the sizes are stated, not checked, here.
    subject: Annotated[str, Field(json_schema_extra={"maxLength": 1000})] = ""
    body: Annotated[str, Field(description="At most MAX_TICKET_CHARS characters (200,000 unless set)")] = ""
    locale: Locale | None = None
    product: Filter | None = None
    limit: whole(ge=1, le=20) | None = None
    audience: Literal["internal", "public"] | None = None
    ticket_id: Annotated[str, Field(max_length=200)] | whole() | None = None


class SuggestionFeedbackBody(Model):
    article_id: Annotated[str, Field(min_length=1, max_length=400)]
    outcome: Literal[tuple(suggestion_log.OUTCOMES)]  # type: ignore[valid-type]


class ReviewActionBody(Model):
    action: Literal[tuple(review.ACTIONS)]  # type: ignore[valid-type]
    days: whole(ge=1, le=review.MAX_SNOOZE_DAYS) | None = None
    note: Annotated[str, Field(max_length=review.MAX_NOTE_CHARS)] = ""


class NewUserBody(Model):
    email: Annotated[str, Field(min_length=3, max_length=320, pattern=r"^[^@\s]+@[^@\s]+$")]
    role: Role
    name: Annotated[str, Field(max_length=200)] = ""
    password: Annotated[str, Field(min_length=12, max_length=1000)]


class UserActionBody(Model):
    action: Literal["disable", "enable", "reset_2fa"]


Text = Annotated[str, Field(pattern=r"\S")]  # something in it, not only spaces


class ContactBody(Model):
    """A customer's request to support (the contact form's)."""

    subject: Annotated[Text, Field(min_length=1, max_length=200)]
    description: Annotated[Text, Field(min_length=1, max_length=10000)]
    email: Annotated[
        str, Field(min_length=3, max_length=320, pattern=r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")
    ]
    name: Annotated[str, Field(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")] = ""
    locale: Locale | None = None
    form_id: FormId | None = None
    suggested: Annotated[list[Annotated[str, Field(min_length=1, max_length=400)]], Field(max_length=10)] = []
    page: Annotated[str, Field(max_length=2000)] = ""


class ContactEventBody(Model):
    form_id: FormId
    event: Literal["opened", "resolved"]
    article_id: Annotated[str, Field(min_length=1, max_length=400)]
