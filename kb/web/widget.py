"""The embeddable help widget: ``<script src="https://<kb>/widget.js" data-locale="es"></script>``.

``/widget.js`` draws a help button on the host site that opens search, suggested articles and the
contact form inside a Shadow DOM (no style leaks either way). Its calls to kb's API come from the
host site's origin: only the origins in ``WIDGET_ORIGINS`` get CORS headers (and preflights), and
never with credentials, so a widget request is always an anonymous customer's (segment-free articles
only, whoever is signed in to kb in the same browser).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, current_app, request

from kb import settings
from kb.web import i18n, theme

bp = Blueprint("widget", __name__)

# The API the widget calls: read-only customers' views, and the contact form's writes.
CORS_PATHS = re.compile(
    r"^/api/v1/(search|autocomplete|categories(/.*)?|articles/[^/].*|contact(/suggestions|/events)?)$"
)
WIDGET_TEXT = (
    "widget_open", "widget_close", "widget_title", "widget_suggested", "search_placeholder", "search_button",
    "no_results", "contact_title", "contact_email", "contact_subject", "contact_description", "contact_send",
    "contact_sent", "contact_failed", "contact_invalid", "contact_suggested", "contact_resolved",
    "contact_resolved_thanks", "no_answer", "contact_support",
)  # fmt: skip


def allowed_origin(origin: str | None) -> str | None:
    """The request's Origin if WIDGET_ORIGINS lets it call the widget's API."""
    if not origin:
        return None
    allowed = current_app.extensions["kb.widget_origins"]
    if allowed == ("*",) or origin in allowed:
        return origin
    return None


def is_preflight() -> bool:
    """A CORS preflight kb answers (else OPTIONS stays refused, ``kb.web.headers``)."""
    return (
        request.method == "OPTIONS"
        and bool(CORS_PATHS.match(request.path))
        and allowed_origin(request.headers.get("Origin")) is not None
        and request.headers.get("Access-Control-Request-Method") in ("GET", "POST")
    )


def preflight() -> Response:
    response = Response(status=204)
    response.headers["Access-Control-Allow-Origin"] = request.headers["Origin"]
    response.headers["Access-Control-Allow-Methods"] = "GET, POST"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"  # no Authorization: no tokens
    response.headers["Access-Control-Max-Age"] = "600"
    response.vary.add("Origin")
    return response


def init_app(app) -> None:
    app.extensions["kb.widget_origins"] = settings.origins(app.config["WIDGET_ORIGINS"])  # read once

    @app.before_request
    def _preflight():
        return preflight() if is_preflight() else None

    @app.after_request
    def _cors(response: Response) -> Response:
        if CORS_PATHS.match(request.path):
            response.vary.add("Origin")
            origin = allowed_origin(request.headers.get("Origin"))
            if origin is not None and request.method != "OPTIONS":
                response.headers["Access-Control-Allow-Origin"] = origin
        return response

    app.register_blueprint(bp)


@lru_cache(maxsize=1)
def _script() -> str:
    return (Path(__file__).parent / "static" / "widget.js").read_text(encoding="utf-8")


@bp.get("/widget.js")
def script():
    found = current_app.extensions.get("kb.theme")
    texts = {lang: {k: theme.site_text(lang)[k] for k in WIDGET_TEXT} | {"site": theme.site_text(lang)["site"]}
             for lang in i18n.LANGUAGES}  # fmt: skip
    config = {
        "contact": current_app.config["CONTACT_CHANNEL"] in ("email", "webhook"),
        "contact_url": (found.contact_url if found is not None else "") or "",
        "primary": found.primary_color if found is not None else "#0b6bcb",
        "default_locale": current_app.config["DEFAULT_LOCALE"],
        "text": texts,
    }
    body = _script().replace("/*KB_CONFIG*/{}", json.dumps(config, ensure_ascii=False).replace("</", "<\\/"))
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "public, max-age=300"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"  # other sites load it
    return response
