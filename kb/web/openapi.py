"""The OpenAPI 3.1 document of kb's HTTP API, served at ``/api/v1/openapi.json``.

Kept true by tests/test_openapi.py: every API route is documented and every documented path is a
route, and a schema-driven fuzz run (schemathesis) checks that answers match these schemas.
"""

from __future__ import annotations

from typing import Any

from kb.services import review, suggestion_log
from kb.web import inputs

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
LOCALE_PARAM = {
    "type": "string",
    "pattern": inputs.LOCALE_PATTERN,
    "description": "es or en; a regional form (es-ES, es_419, en-US) reads as its language",
}


def _obj(properties: dict[str, Any], required: list[str] | None = None, extra: bool = False) -> dict:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    schema["required"] = list(properties) if required is None else required
    if not extra:
        schema["additionalProperties"] = False
    return schema


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error_responses(*statuses: int) -> dict:
    out = {str(s): {"$ref": f"#/components/responses/E{s}"} for s in statuses}
    out["default"] = {"$ref": "#/components/responses/Error"}
    return out


def _query(name: str, schema: dict, description: str = "", required: bool = False) -> dict:
    param = {"name": name, "in": "query", "required": required, "schema": schema}
    if description:
        param["description"] = description
    return param


def _path(name: str, schema: dict | None = None) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema or {"type": "string", "minLength": 1}}


BEARER = [{"bearer": []}]
OPTIONAL_BEARER = [{}, {"bearer": []}]

SECTION = _obj({"heading": STRING, "anchor": STRING})
AUDIENCE = {
    "type": "string",
    "enum": ["public", "internal"],
    "description": "internal: staff only (a customer given its link finds nothing)",
}
SEARCH_HIT = _obj(
    {
        "id": STRING,
        "title": STRING,
        "url": STRING,
        "locale": STRING,
        "updated": NULLABLE_STRING,
        "section": SECTION,
        "snippet": STRING,
        "score": NUMBER,
        "audience": AUDIENCE,
    }
)
FACET = {"type": "object", "additionalProperties": INTEGER}
SEARCH = _obj(
    {
        "query": STRING,
        "total": INTEGER,
        "took_ms": NUMBER,
        "did_you_mean": NULLABLE_STRING,
        "fallback_locale": {"type": ["string", "null"], "enum": ["es", "en", None]},
        "facets": _obj({"locale": FACET, "product": FACET, "tags": FACET}),
        "labels": _obj(
            {
                "product": {"type": "object", "additionalProperties": {"type": "object"}},
                "tags": {"type": "object", "additionalProperties": {"type": "object"}},
            }
        ),
        "search_id": INTEGER,
        "results": {"type": "array", "items": SEARCH_HIT},
    }
)
LINK = _obj({"id": STRING, "title": STRING, "url": STRING, "audience": AUDIENCE})
ARTICLE = _obj(
    {
        "id": STRING,
        "title": STRING,
        "summary": STRING,
        "url": STRING,
        "locale": STRING,
        "audience": AUDIENCE,
        "product": STRING,
        "tags": {"type": "array", "items": STRING},
        "updated": NULLABLE_STRING,
        "reviewed": NULLABLE_STRING,
        "sections": {"type": "array", "items": _obj({"heading": STRING, "anchor": STRING, "level": INTEGER})},
        "html": STRING,
        "translations": {
            "type": "array",
            "items": _obj({"id": STRING, "title": STRING, "url": STRING, "locale": STRING, "audience": AUDIENCE}),
        },
        "related": {"type": "array", "items": LINK},
        "votes": _obj({"helpful": INTEGER, "not_helpful": INTEGER}),
    }
)
REASON = _obj(
    {
        "code": {"type": "string", "enum": ["matched_terms", "meaning", "section"]},
        "detail": STRING,
        "terms": {"type": "array", "items": STRING},
        "article_terms": {"type": "array", "items": STRING},
        "similarity": NUMBER,
        "heading": STRING,
    },
    required=["code", "detail"],
)
SUGGESTIONS = _obj(
    {
        "suggestion_id": STRING,
        "ticket_id": NULLABLE_STRING,
        "locale": STRING,
        "suggestions": {
            "type": "array",
            "items": _obj(
                {
                    "id": STRING,
                    "title": STRING,
                    "url": STRING,
                    "locale": STRING,
                    "audience": AUDIENCE,
                    "section": SECTION,
                    "snippet": STRING,
                    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                    "reasons": {"type": "array", "items": REASON},
                }
            ),
        },
        "gap": BOOLEAN,
        "removed": {"type": "array", "items": STRING},
        "took_ms": NUMBER,
    }
)
TICKET = _obj(
    {
        "subject": {"type": "string", "maxLength": 1000},
        "body": STRING,
        "locale": {"type": ["string", "null"], "pattern": inputs.LOCALE_PATTERN},
        "product": {"type": ["string", "null"]},
        "limit": {"type": "integer", "minimum": 1, "maximum": 20},
        "audience": {"type": "string", "enum": ["internal", "public"]},
        "ticket_id": {"type": ["string", "integer", "null"]},
    },
    required=[],
)
COMMENT_FIELDS = {"at": STRING, "helpful": BOOLEAN, "comment": STRING, "locale": NULLABLE_STRING}
ARTICLE_COMMENT = _obj({"article_id": STRING, **COMMENT_FIELDS})
REVIEW_QUEUE = _obj(
    {
        "articles": {
            "type": "array",
            "items": _obj(
                {
                    "id": STRING,
                    "title": STRING,
                    "owner": STRING,
                    "locale": STRING,
                    "path": STRING,
                    "score": NUMBER,
                    "demand": INTEGER,
                    "age_days": INTEGER,
                    "reasons": {
                        "type": "array",
                        "items": _obj({"code": {"type": "string", "enum": list(review.REASONS)}, "detail": STRING}),
                    },
                    "comments": {"type": "array", "items": _obj(COMMENT_FIELDS)},
                }
            ),
        },
        "gaps": {
            "type": "array",
            "items": _obj(
                {
                    "topic": STRING,
                    "count": INTEGER,
                    "searches": INTEGER,
                    "tickets": INTEGER,
                    "examples": {"type": "array", "items": STRING},
                }
            ),
        },
        "counts": {"type": "object", "additionalProperties": INTEGER},
        "took_ms": NUMBER,
    }
)
STAFF_USER = _obj(
    {
        "id": INTEGER,
        "email": STRING,
        "name": STRING,
        "role": {"type": "string", "enum": ["agent", "owner", "admin"]},
        "enrolled": BOOLEAN,
        "recovery_codes_left": INTEGER,
        "created_at": STRING,
        "disabled_at": NULLABLE_STRING,
        "sessions": INTEGER,
    }
)
SHARE = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
ANALYTICS = _obj(
    {
        "from": {"type": "string", "format": "date"},
        "to": {"type": "string", "format": "date"},
        "searches": _obj(
            {
                "total": INTEGER,
                "zero_results": INTEGER,
                "zero_result_rate": SHARE,
                "per_day": {
                    "type": "array",
                    "items": _obj({"day": STRING, "searches": INTEGER, "zero_results": INTEGER}),
                },
                "top": {
                    "type": "array",
                    "items": _obj({"query": STRING, "count": INTEGER, "zero_results": INTEGER, "clicks": INTEGER}),
                },
                "click_through_by_position": {
                    "type": "array",
                    "items": _obj({"position": INTEGER, "shown": INTEGER, "clicks": INTEGER, "rate": SHARE}),
                },
            }
        ),
        "votes": _obj({"helpful": INTEGER, "not_helpful": INTEGER, "helpful_ratio": SHARE}),
        "comments": {"type": "array", "items": ARTICLE_COMMENT},
        "staff": _obj({"searches": INTEGER}),
        "suggestions": _obj(
            {
                "total": INTEGER,
                "confident": INTEGER,
                "confident_share": SHARE,
                "min_confidence": NUMBER,
                "feedback": _obj({o: INTEGER for o in suggestion_log.OUTCOMES}),
                "acceptance": SHARE,
            }
        ),
    }
)
ERROR = _obj({"error": _obj({"code": STRING, "message": STRING})})

INTEGRATION_PAYLOAD = {
    "type": "object",
    "description": "The help desk's own webhook or event payload for a new ticket (see the README)",
}


def document() -> dict:
    """The whole OpenAPI document."""
    search_params = [
        _query("q", {"type": "string", "minLength": 1, "maxLength": 500}, "What the customer typed", required=True),
        _query("locale", LOCALE_PARAM),
        _query("product", {"type": "string", "maxLength": 200}),
        _query("tag", {"type": "string", "maxLength": 200}, "May repeat: an article must have every tag"),
        _query("limit", {"type": "integer", "minimum": 1, "maximum": 50, "default": 10}),
        _query("offset", {"type": "integer", "minimum": 0, "maximum": 1000, "default": 0}),
        _query("mode", {"type": "string", "enum": ["hybrid", "lexical", "semantic"], "default": "hybrid"}),
        _query(
            "correct",
            {"type": "string", "enum": ["true", "false"], "default": "true"},
            "false: search only what was typed (no typo correction)",
        ),
    ]
    suggest_query = [
        _query("locale", LOCALE_PARAM),
        _query("product", {"type": "string", "maxLength": 200}),
        _query("limit", {"type": "integer", "minimum": 1, "maximum": 20}),
        _query("audience", {"type": "string", "enum": ["internal", "public"]}),
    ]
    paths: dict[str, Any] = {
        "/-/health": {
            "get": {
                "summary": "Liveness and the live build",
                "operationId": "health",
                "responses": {
                    "200": _json(
                        _obj({"status": STRING, "build": NULLABLE_STRING, "articles": INTEGER, "chunks": INTEGER}),
                        "The service is up",
                    )
                },
            }
        },
        "/api/v1/search": {
            "get": {
                "summary": "Search: hybrid (BM25F + embeddings), public articles (and internal ones for staff)",
                "operationId": "search",
                "parameters": search_params,
                "responses": {"200": _json(SEARCH, "Ranked articles, best section each")}
                | _error_responses(400, 429, 503),
            }
        },
        "/api/v1/autocomplete": {
            "get": {
                "summary": "Article titles for what the customer has typed so far",
                "operationId": "autocomplete",
                "parameters": [
                    _query("q", {"type": "string", "minLength": 1, "maxLength": 500}, required=True),
                    _query("locale", LOCALE_PARAM),
                    _query("limit", {"type": "integer", "minimum": 1, "maximum": 20, "default": 8}),
                ],
                "responses": {"200": _json(_obj({"suggestions": {"type": "array", "items": LINK}}), "Titles")}
                | _error_responses(400, 429, 503),
            }
        },
        "/api/v1/articles/{article_id}": {
            "get": {
                "summary": "A public article",
                "operationId": "getArticle",
                "parameters": [_path("article_id")],
                "responses": {"200": _json(ARTICLE, "The article")} | _error_responses(400, 404, 503),
            }
        },
        "/api/v1/articles/{article_id}/feedback": {
            "post": {
                "summary": "Was this helpful? A customer's vote",
                "operationId": "voteArticle",
                "parameters": [_path("article_id")],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "helpful": BOOLEAN,
                                    "comment": {"type": "string", "maxLength": 2000},
                                    "search_id": {"type": "integer", "minimum": 1},
                                    "locale": {"type": ["string", "null"], "pattern": inputs.LOCALE_PATTERN},
                                },
                                required=["helpful"],
                            )
                        }
                    },
                },
                "responses": {
                    "201": _json(
                        _obj(
                            {
                                "article_id": STRING,
                                "helpful": BOOLEAN,
                                "votes": _obj({"helpful": INTEGER, "not_helpful": INTEGER}),
                            }
                        ),
                        "Recorded; the article's totals",
                    )
                }
                | _error_responses(400, 404, 413, 429, 503),
            }
        },
        "/api/v1/searches/{search_id}/clicks": {
            "post": {
                "summary": "A result opened from a search",
                "operationId": "recordClick",
                "parameters": [_path("search_id", {"type": "integer", "minimum": 0})],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj({"article_id": STRING, "position": {"type": "integer", "minimum": 1}})
                        }
                    },
                },
                "responses": {
                    "201": _json(_obj({"search_id": INTEGER, "article_id": STRING, "position": INTEGER}), "Recorded")
                }
                | _error_responses(400, 404, 413, 429, 503),
            }
        },
        "/api/v1/suggest": {
            "post": {
                "summary": "The articles that answer a ticket (agents with a token see internal ones)",
                "operationId": "suggest",
                "security": OPTIONAL_BEARER,
                "requestBody": {"required": True, "content": {"application/json": {"schema": TICKET}}},
                "responses": {"200": _json(SUGGESTIONS, "Suggestions, best first")}
                | _error_responses(400, 401, 413, 429, 503),
            }
        },
        "/api/v1/integrations/{system}": {
            "post": {
                "summary": "A help desk's new-ticket webhook (Zendesk, Freshdesk, Jira Service Management, ServiceNow)",
                "operationId": "integration",
                "security": BEARER,
                "parameters": [
                    _path("system", {"type": "string", "enum": ["zendesk", "freshdesk", "jira", "servicenow"]}),
                    *suggest_query,
                ],
                "requestBody": {"required": True, "content": {"application/json": {"schema": INTEGRATION_PAYLOAD}}},
                "responses": {"200": _json(SUGGESTIONS, "Suggestions, best first")}
                | _error_responses(400, 401, 404, 413, 503),
            }
        },
        "/api/v1/suggestions/{suggestion_id}/feedback": {
            "post": {
                "summary": "What the agent did with a suggested article",
                "operationId": "suggestionFeedback",
                "security": OPTIONAL_BEARER,
                "parameters": [_path("suggestion_id")],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "article_id": STRING,
                                    "outcome": {"type": "string", "enum": list(suggestion_log.OUTCOMES)},
                                }
                            )
                        }
                    },
                },
                "responses": {
                    "201": _json(
                        _obj(
                            {
                                "suggestion_id": STRING,
                                "article_id": STRING,
                                "outcome": STRING,
                                "counts": _obj({o: INTEGER for o in suggestion_log.OUTCOMES}),
                            }
                        ),
                        "Recorded; the article's totals",
                    )
                }
                | _error_responses(400, 401, 404, 413, 429, 503),
            }
        },
        "/api/v1/me": {
            "get": {
                "summary": "Who the request's token says the caller is",
                "operationId": "me",
                "security": OPTIONAL_BEARER,
                "responses": {
                    "200": _json(
                        _obj(
                            {
                                "role": {"type": "string", "enum": ["customer", "agent", "owner", "admin"]},
                                "staff": BOOLEAN,
                            }
                        ),
                        "The caller's role",
                    )
                }
                | _error_responses(400, 401),
            }
        },
        "/api/v1/review": {
            "get": {
                "summary": "The owners' review queue and content gaps",
                "operationId": "reviewQueue",
                "security": BEARER,
                "parameters": [
                    _query("owner", {"type": "string", "maxLength": 200}),
                    _query("reason", {"type": "string", "enum": list(review.REASONS)}),
                    _query("locale", LOCALE_PARAM),
                    _query("lang", {"type": "string", "enum": ["es", "en"]}),
                ],
                "responses": {"200": _json(REVIEW_QUEUE, "Articles to review, highest score first")}
                | _error_responses(400, 401, 403, 503),
            }
        },
        "/api/v1/review/{article_id}": {
            "post": {
                "summary": "Record that an owner reviewed or snoozed an article",
                "operationId": "reviewAction",
                "security": BEARER,
                "parameters": [_path("article_id")],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "action": {"type": "string", "enum": list(review.ACTIONS)},
                                    "days": {"type": "integer", "minimum": 1, "maximum": review.MAX_SNOOZE_DAYS},
                                    "note": {"type": "string", "maxLength": review.MAX_NOTE_CHARS},
                                },
                                required=["action"],
                            )
                        }
                    },
                },
                "responses": {
                    "201": _json(
                        _obj(
                            {
                                "article_id": STRING,
                                "action": STRING,
                                "by": STRING,
                                "at": STRING,
                                "until": NULLABLE_STRING,
                                "note": STRING,
                            }
                        ),
                        "Recorded",
                    )
                }
                | _error_responses(400, 401, 403, 404, 413, 503),
            }
        },
        "/api/v1/analytics": {
            "get": {
                "summary": "The analytics dashboard's figures for a period",
                "operationId": "analytics",
                "security": BEARER,
                "parameters": [
                    _query("from", {"type": "string", "format": "date"}, "2000-01-01 to 2100-12-31"),
                    _query("to", {"type": "string", "format": "date"}, "2000-01-01 to 2100-12-31"),
                ],
                "responses": {"200": _json(ANALYTICS, "Figures for the period")} | _error_responses(400, 401, 403),
            }
        },
        "/api/v1/comments": {
            "get": {
                "summary": "Customers' vote comments for a period (owners), newest first; CSV with format=csv",
                "operationId": "comments",
                "security": BEARER,
                "parameters": [
                    _query("from", {"type": "string", "format": "date"}, "2000-01-01 to 2100-12-31"),
                    _query("to", {"type": "string", "format": "date"}, "2000-01-01 to 2100-12-31"),
                    _query("article", {"type": "string", "maxLength": 400}),
                    _query("format", {"type": "string", "enum": ["json", "csv"]}),
                ],
                "responses": {
                    "200": {
                        "description": "The comments",
                        "content": {
                            "application/json": {
                                "schema": _obj(
                                    {
                                        "from": STRING,
                                        "to": STRING,
                                        "comments": {"type": "array", "items": ARTICLE_COMMENT},
                                    }
                                )
                            },
                            "text/csv": {"schema": STRING},
                        },
                    }
                }
                | _error_responses(400, 401, 403),
            }
        },
        "/api/v1/users": {
            "get": {
                "summary": "Staff accounts (admins)",
                "operationId": "listUsers",
                "security": BEARER,
                "responses": {"200": _json(_obj({"users": {"type": "array", "items": STAFF_USER}}), "Accounts")}
                | _error_responses(400, 401, 403),
            },
            "post": {
                "summary": "Create a staff account (admins); it enrols a second factor at its first sign-in",
                "operationId": "createUser",
                "security": BEARER,
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                {
                                    "email": {"type": "string", "maxLength": 320},
                                    "role": {"type": "string", "enum": ["agent", "owner", "admin"]},
                                    "name": {"type": "string", "maxLength": 200},
                                    "password": {"type": "string", "minLength": 12, "maxLength": 1000},
                                },
                                required=["email", "role", "password"],
                            )
                        }
                    },
                },
                "responses": {"201": _json(STAFF_USER, "Created")} | _error_responses(400, 401, 403, 409, 413),
            },
        },
        "/api/v1/users/{user_id}": {
            "post": {
                "summary": "Disable, enable or reset the second factor of an account (admins); ends its sessions",
                "operationId": "userAction",
                "security": BEARER,
                "parameters": [_path("user_id", {"type": "integer", "minimum": 1})],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj({"action": {"type": "string", "enum": ["disable", "enable", "reset_2fa"]}})
                        }
                    },
                },
                "responses": {"200": _json(STAFF_USER, "The account now")}
                | _error_responses(400, 401, 403, 404, 409, 413),
            },
            "delete": {
                "summary": "Delete an account and its sessions (admins)",
                "operationId": "deleteUser",
                "security": BEARER,
                "parameters": [_path("user_id", {"type": "integer", "minimum": 1})],
                "responses": {"200": _json(_obj({"deleted": INTEGER, "email": STRING}), "Deleted")}
                | _error_responses(400, 401, 403, 404, 409),
            },
        },
        "/api/v1/openapi.json": {
            "get": {
                "summary": "This document",
                "operationId": "openapi",
                "responses": {"200": {"description": "The OpenAPI document", "content": {"application/json": {}}}},
            }
        },
    }
    statuses = {
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
    responses = {f"E{s}": _json(_ref("Error"), text) for s, text in statuses.items()}
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
            "schemas": {"Error": ERROR},
            "responses": responses,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "kb token create --role ..."}
            },
        },
    }
