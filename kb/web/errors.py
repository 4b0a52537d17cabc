"""One error shape for every error: ``{"error": {"code", "message"}}`` with the right status."""

from __future__ import annotations

import logging

from flask import Flask, current_app, jsonify, make_response, render_template, request
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from indexer.errors import KbError

log = logging.getLogger(__name__)


class ApiError(KbError):
    """An error a view raises on purpose with its own status and code: bad input, a missing article..."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message, status=status, code=code)


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def _wants_json() -> bool:
    return request.path.startswith(("/api/", "/-/"))


def _response(status: int, code: str, message: str):
    if not _wants_json():
        # Help-center visitors get a page in their language, not JSON.
        from kb.web import i18n, theme

        lang = i18n.visitor_language(request, current_app.config.get("DEFAULT_LOCALE", "es"))
        key = {404: "not_found", 429: "too_many", 503: "unavailable"}.get(status, "bad_request")
        key = {"no_index": "no_index", "invalid_token": "bad_token"}.get(code, key)
        detail = "" if status in (404, 429, 503) or status >= 500 or key == "bad_token" else message
        html = render_template("message.html", lang=lang, t=theme.site_text(lang), q="", message_key=key, detail=detail)
        return make_response(html, status)
    response = jsonify(error_body(code, message))
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kb"'
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(KbError)
    def _kb_error(exc: KbError):
        """Every error kb raises on purpose, from a view, a service or the index: its status and code."""
        if exc.status >= 500:
            log.error("%s: %s", exc.code, exc)  # the operator's sentence; the client reads ``public``
        response = _response(exc.status, exc.code, exc.public)
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            response.headers["Retry-After"] = str(retry_after)
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        code = (exc.name or "error").lower().replace(" ", "_").replace("'", "")
        return _response(exc.code or 500, code, exc.description or exc.name)

    @app.errorhandler(OperationalError)
    def _database(exc: OperationalError):
        # The database cannot be reached or written (a read-only data directory, a full disk, PostgreSQL
        # down): nothing was stored, and the client may retry; the cause is for the operator's log.
        log.error("database unavailable: %s", exc.orig if exc.orig is not None else exc)
        response = _response(503, "database_unavailable", "the database cannot be written right now; try again later")
        response.headers["Retry-After"] = "30"
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error")
        return _response(500, "internal_error", "something went wrong on our side; it has been logged")
