"""The JSON API (``/api/v1``) and the health endpoint. Views parse input, call a service, render."""

from __future__ import annotations

import datetime as dt
import logging
import secrets

from flask import Blueprint, current_app, jsonify, request

from kb.services import analytics
from kb.services import articles as article_service
from kb.services.engine import NoIndex
from kb.web import audit, auth, deps, inputs
from kb.web.errors import ApiError

log = logging.getLogger(__name__)

bp = Blueprint("api", __name__)



def _not_found(article_id: str):
    # The same answer for an id nobody wrote and one the visitor may not see: nothing leaks.
    return ApiError(404, "not_found", f"there is no article {article_id!r}")


@bp.get("/api/v1/openapi.json")
def openapi_document():
    from kb.web import openapi

    inputs.check_known(request.args.keys(), ())
    return jsonify(openapi.document())


@bp.get("/-/health")
def health():
    try:
        index = deps.engine().index()
    except NoIndex:
        return jsonify({"status": "ok", "build": None, "articles": 0, "chunks": 0})
    # What the caller may see: a customer's counts leave out internal, draft and archived articles.
    articles, chunks = article_service.visible_counts(index, auth.is_staff())
    return jsonify({"status": "ok", "build": index.build_id, "articles": articles, "chunks": chunks})


@bp.get("/api/v1/search")
def search():
    results, search_id = deps.run_search(deps.search_request(request.args))
    return jsonify(
        {
            "query": results.query,
            "total": results.total,
            "took_ms": results.took_ms,
            "did_you_mean": results.did_you_mean,
            "fallback_locale": results.fallback_locale,
            "facets": results.facets,
            "labels": deps.facet_labels(deps.engine().index(), results.facets),
            "search_id": search_id,
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
                    "audience": h.audience,
                }
                for h in results.hits
            ],
        }
    )


@bp.get("/api/v1/autocomplete")
def autocomplete():
    inputs.check_known(request.args.keys(), ("q", "locale", "limit"))
    prefix = inputs.clean_query(request.args.get("q"), limit=current_app.config["MAX_QUERY_CHARS"])
    locale = inputs.locale_arg(request.args.get("locale"))
    limit = inputs.int_arg(request.args, "limit", 8, 1, 20)
    found = article_service.autocomplete(deps.engine(), prefix, locale=locale, staff=auth.is_staff(), limit=limit)
    return jsonify(
        {"suggestions": [{"id": a.id, "title": a.title, "url": a.url, "audience": a.audience} for a in found]}
    )


@bp.get("/api/v1/articles/<path:article_id>")
def article(article_id: str):
    inputs.check_known(request.args.keys(), ())
    staff = auth.is_staff()
    found = article_service.get_article(deps.engine(), article_id, staff=staff)
    if found is None:
        raise _not_found(article_id)
    votes = analytics.vote_counts(deps.db(), found.id)
    related = article_service.related(deps.engine(), found.id, staff=staff)
    return jsonify(
        {
            "id": found.id,
            "title": found.title,
            "summary": found.summary,
            "url": found.url,
            "locale": found.locale,
            "audience": found.audience,
            "product": found.product,
            "tags": found.tags,
            "updated": found.updated,
            "reviewed": found.reviewed,
            "sections": [{"heading": s.heading, "anchor": s.anchor, "level": s.level} for s in found.sections],
            "html": found.html,
            "translations": [
                {"id": t.id, "title": t.title, "url": t.url, "locale": t.locale, "audience": t.audience}
                for t in found.translations
            ],
            "related": [{"id": r.id, "title": r.title, "url": r.url, "audience": r.audience} for r in related],
            "votes": {"helpful": votes.helpful, "not_helpful": votes.not_helpful},
        }
    )


VISITOR_COOKIE = "kb_visitor"


def _voter() -> tuple[analytics.Voter, str | None]:
    """Who is voting, and the visitor cookie to set when they have none yet."""
    secret = current_app.secret_key
    sent = request.cookies.get(VISITOR_COOKIE, "")
    fresh = None if 20 <= len(sent) <= 64 and sent.isascii() else secrets.token_urlsafe(24)
    visitor = analytics.voter_key(secret, "visitor", fresh or sent)
    day = dt.datetime.now(dt.UTC).date().isoformat()
    client = analytics.voter_key(secret, "client", day, audit.client_address())
    return analytics.Voter(visitor, client, auth.is_staff()), fresh


@bp.post("/api/v1/articles/<path:article_id>/feedback")
def feedback(article_id: str):
    body = inputs.json_object(deps.json_body(), ("helpful", "comment", "search_id", "locale"))
    found = article_service.resolve(deps.engine().index(), article_id, staff=auth.is_staff())
    if found is None:
        raise _not_found(article_id)
    helpful = body.get("helpful")
    if not isinstance(helpful, bool):
        raise ApiError(400, "invalid_body", "helpful is required and must be true or false")
    comment = body.get("comment", "")
    if not isinstance(comment, str) or len(comment) > analytics.MAX_COMMENT_CHARS:
        raise ApiError(400, "invalid_body", f"comment must be text of at most {analytics.MAX_COMMENT_CHARS} chars")
    search_id = body.get("search_id")
    if search_id is not None and (
        not isinstance(search_id, int) or isinstance(search_id, bool) or not 1 <= search_id <= analytics.MAX_SEARCH_ID
    ):
        raise ApiError(400, "invalid_body", f"search_id must be a whole number from 1 to {analytics.MAX_SEARCH_ID}")
    if not isinstance(body.get("locale"), str | None):
        raise ApiError(400, "invalid_body", "locale must be es or en")
    locale = inputs.locale_arg(body.get("locale"))
    voter, fresh = _voter()
    try:
        votes = analytics.record_vote(deps.db(), found, helpful, comment.strip(), locale, search_id, voter)
    except analytics.TooManyVotes:
        audit.security_event(f"votes refused (too many from one network) on {found}")
        error = ApiError(429, "rate_limited", "this network has voted on this article as often as a day allows")
        error.retry_after = 3600
        raise error from None
    response = jsonify(
        {"article_id": found, "helpful": helpful, "votes": {"helpful": votes.helpful, "not_helpful": votes.not_helpful}}
    )
    response.status_code = 201
    if fresh is not None:
        secure = current_app.config["SESSION_COOKIE_SECURE"] == "true"
        response.set_cookie(VISITOR_COOKIE, fresh, max_age=365 * 86400, httponly=True, samesite="Lax", secure=secure)
    return response


@bp.post("/api/v1/searches/<int:search_id>/clicks")
def click(search_id: int):
    body = inputs.json_object(deps.json_body(), ("article_id", "position"))
    article_id, position = body.get("article_id"), body.get("position")
    if not isinstance(article_id, str) or article_service.resolve(deps.engine().index(), article_id, False) is None:
        raise ApiError(400, "invalid_body", "article_id must name an article")
    last = deps.MAX_OFFSET + deps.MAX_LIMIT  # the deepest result a search can show
    if not isinstance(position, int) or isinstance(position, bool) or not 1 <= position <= last:
        raise ApiError(400, "invalid_body", "position must be the result's 1-based position")
    if not analytics.search_exists(deps.db(), search_id):
        raise ApiError(404, "not_found", f"there is no search {search_id}")
    article = article_service.resolve(deps.engine().index(), article_id, False)
    analytics.record_click(deps.db(), search_id, article, position)
    return jsonify({"search_id": search_id, "article_id": article_id, "position": position}), 201
