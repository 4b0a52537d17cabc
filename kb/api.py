"""The JSON API (``/api/v1``) and the health endpoint. Views parse input, call a service, render."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from indexer.reader import NoIndex
from kb.errors import ApiError
from kb.services import search as search_service

bp = Blueprint("api", __name__)

MAX_QUERY_CHARS = 500
MAX_LIMIT = 50


def _engine():
    return current_app.extensions["kb.engine"]


@bp.get("/-/health")
def health():
    try:
        reader = _engine().reader()
    except NoIndex:
        return jsonify({"status": "ok", "build": None, "articles": 0, "chunks": 0})
    counts = reader.manifest["counts"]
    return jsonify(
        {"status": "ok", "build": reader.build_id, "articles": counts["articles"], "chunks": counts["chunks"]}
    )


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, "invalid_parameter", f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise ApiError(400, "invalid_parameter", f"{name} must be between {low} and {high}")
    return value


@bp.get("/api/v1/search")
def search():
    query = (request.args.get("q") or "").strip()
    if not query:
        raise ApiError(400, "missing_query", "q is required: the words to search for")
    if len(query) > MAX_QUERY_CHARS:
        raise ApiError(400, "query_too_long", f"q may hold at most {MAX_QUERY_CHARS} characters")
    mode = request.args.get("mode") or "hybrid"
    if mode not in search_service.MODES:
        raise ApiError(400, "invalid_parameter", f"mode must be one of {', '.join(search_service.MODES)}")
    locale = request.args.get("locale") or None
    if locale not in (None, "es", "en"):
        raise ApiError(400, "invalid_parameter", "locale must be es or en")
    limit = _int_arg("limit", 10, 1, MAX_LIMIT)
    offset = _int_arg("offset", 0, 0, 10_000)
    results = search_service.search(
        _engine(),
        query,
        mode=mode,
        locale=locale,
        limit=limit,
        offset=offset,
        candidates=current_app.config["SEARCH_CANDIDATES"],
    )
    return jsonify(
        {
            "query": results.query,
            "total": results.total,
            "took_ms": results.took_ms,
            "results": [
                {
                    "id": h.id,
                    "title": h.title,
                    "url": h.url,
                    "locale": h.locale,
                    "updated": h.updated,
                    "section": {"heading": h.heading, "anchor": h.anchor},
                    "snippet": h.snippet,
                    "score": h.score,
                }
                for h in results.hits
            ],
        }
    )
