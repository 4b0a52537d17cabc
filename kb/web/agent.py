"""Agent suggestions over HTTP: ``/api/v1/suggest``, the help-desk webhooks, feedback, and the console.

Views parse input, call ``kb.services.suggest``, record what was suggested (and a content gap when
nothing is sure enough), and render one body shape for every way in. Staff (an API token) see
internal articles; customers (no token: a contact form deflecting tickets) only public ones.
"""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify, request

from kb.services import articles as article_service
from kb.services import integrations, suggestion_log
from kb.services.suggest import Suggestions, suggest
from kb.web import auth, contract, deps, inputs
from kb.web.errors import ApiError

log = logging.getLogger(__name__)

bp = Blueprint("agent", __name__)

MAX_SUGGESTIONS = 20
AUDIENCES = ("internal", "public")
SUGGEST_FIELDS = ("subject", "body", "locale", "product", "limit", "audience", "ticket_id")


def _limit(value, default: int = 5) -> int:
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_SUGGESTIONS:
        raise ApiError(400, "invalid_body", f"limit must be a whole number from 1 to {MAX_SUGGESTIONS}")
    return value


def _audience(value) -> bool:
    """Whether the suggestions may include internal articles: staff get them unless they ask for public."""
    if value is not None and value not in AUDIENCES:
        raise ApiError(400, "invalid_body", "audience must be internal or public")
    if value == "internal" and not auth.is_staff():
        raise ApiError(401, "unauthorized", "internal articles need an API token (`kb token create --role agent`)")
    return auth.is_staff() and value != "public"


def _run(ticket: integrations.TicketInput, source: str, *, locale, product, limit, staff: bool):
    config = current_app.config
    found = suggest(
        deps.engine(),
        ticket.subject,
        ticket.body,
        locale=locale,
        product=product,
        limit=limit,
        staff=staff,
        candidates=config["SEARCH_CANDIDATES"],
        meaning_tokens=config["SUGGEST_MEANING_TOKENS"],
        min_confidence=config["SUGGEST_SHOW_MIN_CONFIDENCE"],
    )
    threshold = config["SUGGEST_MIN_CONFIDENCE"]
    suggestion_id = suggestion_log.new_suggestion_id()
    gap = found.is_gap(threshold)
    # Stored before answering: the agent's feedback may follow at once and must find it.
    suggestion_log.record_suggestion(
        deps.db(),
        suggestion_id=suggestion_id,
        source=source,
        external_id=ticket.external_id,
        role=auth.role(),
        language=found.language,
        shown=[{"id": s.hit.id, "confidence": s.confidence} for s in found.suggestions],
        top_confidence=found.top_confidence,
        gap=gap,
        took_ms=found.took_ms,
        ticket_text=found.ticket.text,
    )
    return jsonify(_body(found, suggestion_id, gap, ticket.external_id))


def _body(found: Suggestions, suggestion_id: str, gap: bool, external_id: str | None) -> dict:
    language = found.language or current_app.config["DEFAULT_LOCALE"]
    return {
        "suggestion_id": suggestion_id,
        "ticket_id": external_id,
        "locale": language,
        "suggestions": [
            {
                "id": s.hit.id,
                "title": s.hit.title,
                "url": s.hit.url,
                "locale": s.hit.locale,
                "audience": s.hit.audience,
                "section": {"heading": s.hit.heading, "anchor": s.hit.anchor},
                "snippet": s.hit.snippet,
                "confidence": s.confidence,
                "reasons": [_reason(r) for r in s.reasons],
            }
            for s in found.suggestions
        ],
        "gap": gap,
        "removed": found.ticket.removed,
        "took_ms": found.took_ms,
    }


def _reason(reason) -> dict:
    out = {"code": reason.code, "detail": reason.detail}
    if reason.code == "matched_terms":
        out["terms"] = list(reason.terms)
        out["article_terms"] = list(reason.article_terms)
    elif reason.code == "meaning":
        out["similarity"] = reason.similarity
    elif reason.code == "section":
        out["heading"] = reason.heading
    return out


def _ticket(adapter, payload: dict, code: str, prefix: str = "") -> integrations.TicketInput:
    """The ticket an adapter reads from ``payload``, or the ApiError saying why not (413: too long)."""
    try:
        return adapter(payload, current_app.config["MAX_TICKET_CHARS"])
    except integrations.PayloadTooLarge as exc:
        raise ApiError(413, "ticket_too_large", prefix + str(exc)) from None
    except integrations.PayloadError as exc:
        raise ApiError(400, code, prefix + str(exc)) from None


@bp.post("/api/v1/suggest")
def suggest_endpoint():
    body = contract.parse(contract.TicketBody, deps.json_body())
    ticket = _ticket(integrations.plain, body.model_dump(), "invalid_body")
    return _run(
        ticket,
        "api",
        locale=inputs.locale_arg(body.locale),
        product=inputs.filter_arg(body.product, "product"),
        limit=body.limit or 5,
        staff=_audience(body.audience),
    )


@bp.post("/api/v1/integrations/<system>")
def integration(system: str):
    adapter = integrations.ADAPTERS.get(system)
    if adapter is None:
        raise ApiError(404, "not_found", f"no integration {system!r}; kb has {', '.join(integrations.ADAPTERS)}")
    auth.require_staff()
    inputs.check_known(request.args.keys(), ("locale", "product", "limit", "audience"))
    locale = inputs.locale_arg(request.args.get("locale"))
    product = inputs.filter_arg(request.args.get("product"), "product")
    limit = inputs.int_arg(request.args, "limit", 5, 1, MAX_SUGGESTIONS)
    params = contract.query(contract.SuggestParams, request.args)  # the document's word on what is valid
    payload = deps.json_body()
    if not isinstance(payload, dict):
        raise ApiError(400, "invalid_body", "the request body must be a JSON object")
    ticket = _ticket(adapter, payload, "invalid_payload", f"{system}: ")
    return _run(
        ticket,
        system,
        locale=locale,
        product=product,
        limit=limit,
        staff=_audience(params.audience),
    )


@bp.post("/api/v1/suggestions/<suggestion_id>/feedback")
def suggestion_feedback(suggestion_id: str):
    body = contract.parse(contract.SuggestionFeedbackBody, deps.json_body())
    record = suggestion_log.get_suggestion(deps.db(), suggestion_id) if len(suggestion_id) <= 40 else None
    # Feedback on what staff were shown needs staff; anyone holding a customer's suggestion id may answer it.
    if record is not None and record.role in auth.STAFF_ROLES:
        auth.require_staff()
    if record is None:
        raise ApiError(404, "not_found", f"there is no suggestion {suggestion_id!r}")
    outcome = body.outcome
    found = article_service.resolve(deps.engine().index(), body.article_id, auth.is_staff())
    if found is None:
        raise ApiError(404, "not_found", f"there is no article {body.article_id!r}")
    counts = suggestion_log.record_feedback(deps.db(), record, found, outcome, auth.role())
    response = jsonify(
        {
            "suggestion_id": suggestion_id,
            "article_id": found,
            "outcome": outcome,
            "counts": {"used": counts.used, "helpful": counts.helpful, "not_relevant": counts.not_relevant},
        }
    )
    response.status_code = 201
    return response


@bp.get("/agent")
def console():
    """The agent console: a page shell that signs in with an agent token, then works over the JSON API."""
    return deps.staff_page("agent.html")


@bp.get("/api/v1/me")
def me():
    """Who the request's token says the caller is (the console checks a token with it)."""
    inputs.check_known(request.args.keys(), ())
    return jsonify({"role": auth.role(), "staff": auth.is_staff()})
