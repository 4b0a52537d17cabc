"""What the view modules share: the app's engine and database, a request's JSON body, the search a
page and the API both run, work done after the answer is sent, and the staff pages' rendering.

Views import this module and ``kb.services``; no view imports another view module or ``indexer``.
"""

from __future__ import annotations

import json
import logging

from flask import Flask, current_app, g, render_template, request

from kb.services import analytics
from kb.services import search as search_service
from kb.services.engine import Engine
from kb.web import auth, i18n, inputs, theme
from kb.web.errors import ApiError

log = logging.getLogger(__name__)

MAX_LIMIT = 50
MAX_OFFSET = 1000
SEARCH_ARGS = ("q", "locale", "product", "tag", "limit", "offset", "mode", "correct")


def init_app(app: Flask) -> None:
    app.after_request(_schedule_after_response)


def engine() -> Engine:
    """The search engine of this app (the live build, the model)."""
    return current_app.extensions["kb.engine"]


def db():
    """The SQLAlchemy engine of this app's database."""
    return current_app.extensions["kb.db"]


def json_body() -> object:
    """The request's JSON body: valid JSON, nested at most MAX_JSON_DEPTH deep, no lone surrogates."""
    raw = request.get_data(cache=False)
    if not raw:
        raise ApiError(400, "invalid_body", "the request body must be a JSON object")
    depth = current_app.config["MAX_JSON_DEPTH"]
    try:
        value = json.loads(raw)
    except RecursionError:  # deeper than the interpreter's stack: far past any limit we allow
        raise ApiError(400, "invalid_json", f"the request body is nested deeper than {depth} levels") from None
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "invalid_json", "the request body is not valid JSON") from None
    return inputs.checked_json(value, depth)


def visitor_language() -> str:
    return i18n.visitor_language(request, current_app.config["DEFAULT_LOCALE"])


def staff_page(template: str, status: int = 200, **values):
    """A staff page (sign-in, consoles, queue, users) in the visitor's language: never cached, never framed."""
    lang = visitor_language()
    page = render_template(template, lang=lang, t=theme.site_text(lang), q="", **values)
    response = current_app.make_response((page, status))
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    return response


# -- work after the answer ------------------------------------------------------------------------------


def after_response(fn) -> None:
    """Run ``fn`` once this request's answer has been sent (the visitor does not wait for it)."""
    g.setdefault("kb_after_response", []).append(fn)


def _schedule_after_response(response):
    pending = g.pop("kb_after_response", None)
    if pending:

        def run() -> None:
            for fn in pending:
                try:
                    fn()
                except Exception:  # a lost analytics row must never become an error page
                    log.exception("after-response work failed")

        response.call_on_close(run)
    return response


# -- the search the help center and the API share -----------------------------------------------------


def search_request(args) -> dict:
    """The keyword arguments of ``search_service.search`` from a query string."""
    inputs.check_known(args.keys(), SEARCH_ARGS)
    mode = args.get("mode") or "hybrid"
    if mode not in search_service.MODES:
        raise ApiError(400, "invalid_parameter", f"mode must be one of {', '.join(search_service.MODES)}")
    tags = tuple(t for t in (inputs.filter_arg(v, "tag") for v in args.getlist("tag")) if t)
    if len(tags) > 10:
        raise ApiError(400, "invalid_parameter", "at most 10 tag filters")
    correct = args.get("correct") or "true"
    if correct not in ("true", "false"):
        raise ApiError(400, "invalid_parameter", "correct must be true or false")
    return {
        "correct": correct == "true",
        "query": inputs.clean_query(args.get("q"), limit=current_app.config["MAX_QUERY_CHARS"]),
        "mode": mode,
        "locale": inputs.locale_arg(args.get("locale")),
        "product": inputs.filter_arg(args.get("product"), "product"),
        "tags": tags,
        "limit": inputs.int_arg(args, "limit", 10, 1, MAX_LIMIT),
        "offset": inputs.int_arg(args, "offset", 0, 0, MAX_OFFSET),
    }


def run_search(wanted: dict) -> tuple[search_service.SearchResults, int]:
    """Search for the caller (staff see internal articles too); the search is recorded, as a staff or a
    customer search, once the answer is sent. Returns results and id."""
    query = wanted.pop("query")
    staff = auth.is_staff()
    results = search_service.search(
        engine(), query, candidates=current_app.config["SEARCH_CANDIDATES"], staff=staff,
        segments=auth.segments(), **wanted,
    )  # fmt: skip
    search_id = analytics.new_search_id()
    database = db()
    row = {
        "search_id": search_id,
        "query": query,
        "locale": wanted["locale"],
        "language": results.language,
        "mode": wanted["mode"],
        "filters": {k: v for k, v in (("product", wanted["product"]), ("tags", list(wanted["tags"]))) if v},
        "results": results.total,
        "shown": [h.id for h in results.hits],
        "offset": wanted["offset"],
        "took_ms": results.took_ms,
        "did_you_mean": results.did_you_mean,
        "staff": staff,
        "fallback_locale": results.fallback_locale,
    }
    after_response(lambda: analytics.record_search(database, **row))
    return results, search_id


def facet_labels(index, facets: dict) -> dict:
    """Display names, per language, of the facet values shown (products and tags; ``labels.yml``)."""
    names = index.labels or {}
    return {
        facet: {v: names[kind][v.lower()] for v in facets.get(facet, {}) if v.lower() in names.get(kind, {})}
        for facet, kind in (("product", "products"), ("tags", "tags"))
    }


def public_url(path: str = "/") -> str:
    """``path`` as customers reach it: under PUBLIC_URL if set, else under the request's own host."""
    base = (current_app.config["PUBLIC_URL"] or request.url_root).rstrip("/")
    return base + path
