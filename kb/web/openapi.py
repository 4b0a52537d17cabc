"""The OpenAPI 3.1 document of kb's HTTP API, served at ``/api/v1/openapi.json``, generated from the
pydantic models of ``kb.web.contract``: this module only says which model is each operation's query,
body and answer.

Kept true by tests/test_openapi.py: every API route is documented and every documented path is a
route, and a schema-driven fuzz run (schemathesis) checks that every request the document allows is
accepted, every request it forbids is refused, and every answer matches its model.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from pydantic.json_schema import models_json_schema

from kb.web import answers as a
from kb.web import contract as c

BEARER = [{"bearer": []}]
OPTIONAL_BEARER = [{}, {"bearer": []}]


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    id: str
    summary: str
    answer: type[c.Model] | None  # the success answer (kb.web.answers) (None: described by ``answers``)
    status: int = 200
    errors: tuple[int, ...] = ()
    query: type[c.Model] | None = None
    body: type[c.Model] | None = None
    path_params: dict[str, dict] = field(default_factory=dict)
    security: list | None = None
    answers: dict | None = None  # a whole responses object, for what no model describes
    body_schema: dict | None = None  # a request body no model describes (a help desk's own payload)


ARTICLE_ID = {"article_id": {"type": "string", "minLength": 1}}
USER_ID = {"user_id": {"type": "integer", "minimum": 1}}

OPERATIONS = (
    Operation("get", "/-/health", "health", "Liveness and the live build", a.Health),
    Operation(
        "get", "/api/v1/search", "search",
        "Search: hybrid (BM25F + embeddings), public articles (and internal ones for staff)",
        a.SearchPage, errors=(400, 429, 503), query=c.SearchParams,
    ),
    Operation(
        "get", "/api/v1/autocomplete", "autocomplete", "Article titles for what the customer has typed so far",
        a.Titles, errors=(400, 429, 503), query=c.AutocompleteParams,
    ),
    Operation(
        "get", "/api/v1/articles/{article_id}", "getArticle", "A public article", a.ArticlePage,
        errors=(400, 404, 503), path_params=ARTICLE_ID,
    ),
    Operation(
        "get", "/api/v1/categories", "categories",
        "The help center's categories, sections and articles a customer may see, in one language",
        a.Categories, errors=(400, 429, 503), query=c.CategoriesParams,
    ),
    Operation(
        "get", "/api/v1/categories/{category_id}", "getCategory", "One category with its sections and articles",
        a.CategoryEntry, errors=(400, 404, 429, 503), query=c.CategoriesParams,
        path_params={"category_id": {"type": "string", "minLength": 1}},
    ),
    Operation(
        "get", "/api/v1/sections/{section_id}", "getSection", "One section with its articles, and its category",
        a.SectionPage, errors=(400, 404, 429, 503), query=c.CategoriesParams,
        path_params={"section_id": {"type": "string", "minLength": 1}},
    ),
    Operation(
        "get", "/api/v1/contact/suggestions", "contactSuggestions",
        "Articles that may answer what a customer is typing into the contact form (customers' view)",
        a.ContactSuggestions, errors=(400, 404, 429, 503), query=c.ContactSuggestionsParams,
    ),
    Operation(
        "post", "/api/v1/contact", "contact", "A customer's request to support, handed off by the configured channel",
        a.ContactSent, 201, (400, 404, 413, 429, 503), body=c.ContactBody,
    ),
    Operation(
        "post", "/api/v1/contact/events", "contactEvent",
        "The contact form's deflection: a suggested article opened, or it answered the question",
        a.ContactEvent, 201, (400, 404, 413, 429), body=c.ContactEventBody,
    ),
    Operation(
        "post", "/api/v1/articles/{article_id}/feedback", "voteArticle", "Was this helpful? A customer's vote",
        a.Voted, 201, (400, 404, 413, 429, 503), body=c.VoteBody, path_params=ARTICLE_ID,
    ),
    Operation(
        "post", "/api/v1/searches/{search_id}/clicks", "recordClick", "A result opened from a search",
        a.Clicked, 201, (400, 404, 413, 429, 503), body=c.ClickBody,
        path_params={"search_id": {"type": "integer", "minimum": 0}},
    ),
    Operation(
        "post", "/api/v1/suggest", "suggest",
        "The articles that answer a ticket (agents with a token see internal ones)",
        a.Suggestions, errors=(400, 401, 413, 429, 503), body=c.TicketBody, security=OPTIONAL_BEARER,
    ),
    Operation(
        "post", "/api/v1/integrations/{system}", "integration",
        "A help desk's new-ticket webhook (Zendesk, Freshdesk, Jira Service Management, ServiceNow)",
        a.Suggestions, errors=(400, 401, 404, 413, 503), query=c.SuggestParams, security=BEARER,
        path_params={"system": {"type": "string", "enum": ["zendesk", "freshdesk", "jira", "servicenow"]}},
        body_schema={
            "type": "object",
            "description": "The help desk's own webhook or event payload for a new ticket (see the README)",
        },
    ),
    Operation(
        "post", "/api/v1/suggestions/{suggestion_id}/feedback", "suggestionFeedback",
        "What the agent did with a suggested article", a.FeedbackRecorded, 201, (400, 401, 404, 413, 429, 503),
        body=c.SuggestionFeedbackBody, security=OPTIONAL_BEARER,
        path_params={"suggestion_id": {"type": "string", "minLength": 1}},
    ),
    Operation(
        "get", "/api/v1/me", "me", "Who the request's token says the caller is", a.Me, errors=(400, 401),
        security=OPTIONAL_BEARER,
    ),
    Operation(
        "get", "/api/v1/review", "reviewQueue", "The owners' review queue and content gaps", a.ReviewQueue,
        errors=(400, 401, 403, 503), query=c.ReviewParams, security=BEARER,
    ),
    Operation(
        "post", "/api/v1/review/{article_id}", "reviewAction", "Record that an owner reviewed or snoozed an article",
        a.ReviewRecorded, 201, (400, 401, 403, 404, 413, 503), body=c.ReviewActionBody, path_params=ARTICLE_ID,
        security=BEARER,
    ),
    Operation(
        "get", "/api/v1/analytics", "analytics", "The analytics dashboard's figures for a period", a.Analytics,
        errors=(400, 401, 403), query=c.PeriodParams, security=BEARER,
    ),
    Operation(
        "get", "/api/v1/comments", "comments",
        "Customers' vote comments for a period (owners), newest first; CSV with format=csv", a.Comments,
        errors=(400, 401, 403), query=c.CommentsParams, security=BEARER,
    ),
    Operation("get", "/api/v1/users", "listUsers", "Staff accounts (admins)", a.Users, errors=(400, 401, 403),
              security=BEARER),
    Operation(
        "post", "/api/v1/users", "createUser",
        "Create a staff account (admins); it enrols a second factor at its first sign-in", a.StaffUser, 201,
        (400, 401, 403, 409, 413), body=c.NewUserBody, security=BEARER,
    ),
    Operation(
        "post", "/api/v1/users/{user_id}", "userAction",
        "Disable, enable or reset the second factor of an account (admins); ends its sessions", a.StaffUser,
        errors=(400, 401, 403, 404, 409, 413), body=c.UserActionBody, path_params=USER_ID, security=BEARER,
    ),
    Operation(
        "delete", "/api/v1/users/{user_id}", "deleteUser", "Delete an account and its sessions (admins)", a.Deleted,
        errors=(400, 401, 403, 404, 409), path_params=USER_ID, security=BEARER,
    ),
    Operation(
        "get", "/api/v1/openapi.json", "openapi", "This document", None,
        answers={"200": {"description": "The OpenAPI document", "content": {"application/json": {}}}},
    ),
)  # fmt: skip

STATUSES = {
    400: "Bad input: unknown parameter, bad value, malformed JSON or body",
    401: "No valid API token where one is needed (the answer has WWW-Authenticate: Bearer)",
    403: "The token's role may not do this",
    404: "No such resource, or one the caller may not see (the same answer)",
    405: "Method not allowed (OPTIONS included: kb takes no cross-origin calls)",
    409: "In conflict with what exists (an account with that e-mail; changing your own account)",
    413: "The request body, or a field of it, is too large",
    429: "Too many requests from this client: wait Retry-After seconds",
    503: "The knowledge base is not indexed yet, was indexed with another model, or the database cannot be "
    "written right now",
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _tidy(schema: Any) -> Any:
    """Without pydantic's ``title`` keys (the names say it)."""
    if isinstance(schema, dict):
        return {k: _tidy(v) for k, v in schema.items() if not (k == "title" and isinstance(v, str))}
    if isinstance(schema, list):
        return [_tidy(v) for v in schema]
    return schema


def _parameter_schema(schema: dict) -> dict:
    """A query parameter's schema: a parameter is absent or a value, never null."""
    options = [s for s in schema.get("anyOf", ()) if s != {"type": "null"}]
    if len(options) == 1:
        schema = {**{k: v for k, v in schema.items() if k not in ("anyOf", "default")}, **options[0]}
        if schema.get("default", 0) is None:
            schema.pop("default")
    return {k: v for k, v in schema.items() if not (k == "default" and v is None)}


def _query(model: type[c.Model]) -> list[dict]:
    schema = _tidy(model.model_json_schema(by_alias=True))
    required = set(schema.get("required", ()))
    out = []
    for name, prop in schema["properties"].items():
        prop = _parameter_schema(prop)
        param = {"name": name, "in": "query", "required": name in required, "schema": prop}
        if "description" in prop:
            param["description"] = prop.pop("description")
        out.append(param)
    return out


@functools.cache
def _components() -> tuple[dict, dict]:
    """Every model's schema under components/schemas, and each model's reference."""
    bodies = {op.body for op in OPERATIONS if op.body is not None}
    answers = {op.answer for op in OPERATIONS if op.answer is not None} | {a.Error}
    wanted = [(m, "validation") for m in bodies] + [(m, "serialization") for m in answers]
    refs, defs = models_json_schema(wanted, ref_template="#/components/schemas/{model}")
    return {m: ref for (m, _), ref in refs.items()}, _tidy(defs.get("$defs", {}))


def _operation(op: Operation, refs: dict) -> dict:
    out: dict[str, Any] = {"summary": op.summary, "operationId": op.id}
    if op.security is not None:
        out["security"] = op.security
    params = [{"name": n, "in": "path", "required": True, "schema": s} for n, s in op.path_params.items()]
    if op.query is not None:
        params += _query(op.query)
    if params:
        out["parameters"] = params
    if op.body is not None or op.body_schema is not None:
        schema = refs[op.body] if op.body is not None else op.body_schema
        out["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema}}}
    if op.answers is not None:
        out["responses"] = op.answers
        return out
    answer = _json(refs[op.answer], (op.answer.__doc__ or op.summary).strip().split("\n")[0])
    if op.query is c.CommentsParams:  # format=csv answers the same comments as text/csv
        answer["content"]["text/csv"] = {"schema": {"type": "string"}}
    out["responses"] = {str(op.status): answer}
    out["responses"] |= {str(s): {"$ref": f"#/components/responses/E{s}"} for s in op.errors}
    out["responses"]["default"] = {"$ref": "#/components/responses/Error"}
    return out


def document() -> dict:
    """The whole OpenAPI document."""
    refs, schemas = _components()
    paths: dict[str, dict] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method] = _operation(op, refs)
    responses = {f"E{s}": _json(_ref("Error"), text) for s, text in STATUSES.items()}
    responses["Error"] = _json(_ref("Error"), "An error, in kb's one error shape")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "kb",
            "version": "1",
            "description": "Docs-as-code knowledge base for customer support: search, agent suggestions, "
            'review queue. Errors are always {"error": {"code", "message"}}. An optional query parameter '
            "sent empty (`?locale=`) is read as absent, as web forms send them.",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": responses,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "kb token create --role ..."}
            },
        },
    }


# The locale parameter's schema (tests check the API accepts exactly what it allows).
LOCALE_PARAM = _parameter_schema(_tidy(c.SearchParams.model_json_schema()["properties"]["locale"]))
