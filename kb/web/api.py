"""The JSON API (``/api/v1``) and the health endpoint. Views parse input, call a service, render."""

from __future__ import annotations

import datetime as dt
import logging
import secrets

from flask import Blueprint, current_app, jsonify, request

from kb.services import analytics
from kb.services import articles as article_service
from kb.services import categories as category_service
from kb.services.engine import NoIndex
from kb.web import audit, auth, contract, customers, deps, inputs
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
    articles, chunks = article_service.visible_counts(index, auth.is_staff(), auth.segments())
    return jsonify({"status": "ok", "build": index.build_id, "articles": articles, "chunks": chunks})


@bp.get("/api/v1/search")
def search():
    wanted = deps.search_request(request.args)
    contract.query(contract.SearchParams, request.args)  # the document's word on what is valid
    results, search_id = deps.run_search(wanted)
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
    contract.query(contract.AutocompleteParams, request.args)  # the document's word on what is valid
    found = article_service.autocomplete(
        deps.engine(), prefix, locale=locale, staff=auth.is_staff(), limit=limit, segments=auth.segments()
    )
    return jsonify(
        {"suggestions": [{"id": a.id, "title": a.title, "url": a.url, "audience": a.audience} for a in found]}
    )


@bp.get("/api/v1/articles/<path:article_id>")
def article(article_id: str):
    inputs.check_known(request.args.keys(), ())
    staff = auth.is_staff()
    found = article_service.get_article(deps.engine(), article_id, staff=staff, segments=auth.segments())
    if found is None:
        raise _not_found(article_id)
    votes = analytics.vote_counts(deps.db(), found.id)
    related = article_service.related(deps.engine(), found.id, staff=staff, segments=auth.segments())
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
    body = contract.parse(contract.VoteBody, deps.json_body())
    found = article_service.resolve(deps.engine().index(), article_id, auth.is_staff(), auth.segments())
    if found is None:
        raise _not_found(article_id)
    helpful, locale = body.helpful, inputs.locale_arg(body.locale)
    voter, fresh = _voter()
    try:
        votes = analytics.record_vote(deps.db(), found, helpful, body.comment.strip(), locale, body.search_id, voter)
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
        response.set_cookie(
            VISITOR_COOKIE, fresh, max_age=365 * 86400, httponly=True, samesite="Lax", secure=customers.secure_cookies()
        )
    return response


@bp.post("/api/v1/searches/<int:search_id>/clicks")
def click(search_id: int):
    body = contract.parse(contract.ClickBody, deps.json_body())
    article_id, position = body.article_id, body.position
    article = article_service.resolve(deps.engine().index(), article_id, False, auth.segments())
    if article is None:
        raise _not_found(article_id)
    if not analytics.search_exists(deps.db(), search_id):
        raise ApiError(404, "not_found", f"there is no search {search_id}")
    analytics.record_click(deps.db(), search_id, article, position)
    return jsonify({"search_id": search_id, "article_id": article_id, "position": position}), 201


# Categories and sections: the help center's browsing (customers' view; staff see internal ones too).


def _section_json(s: category_service.SectionView) -> dict:
    return {
        "id": s.id, "title": s.title, "description": s.description, "url": s.url, "default": s.default,
        "articles": [{"id": a.id, "title": a.title, "url": a.url, "audience": a.audience, "locale": a.locale}
                     for a in s.articles],
    }  # fmt: skip


def _category_json(c: category_service.CategoryView) -> dict:
    return {
        "id": c.id, "title": c.title, "description": c.description, "icon": c.icon, "url": c.url,
        "locale": c.locale, "articles": c.articles, "translations": c.translations,
        "sections": [_section_json(s) for s in c.sections],
    }  # fmt: skip


def _browse_locale() -> str | None:
    params = contract.query(contract.CategoriesParams, request.args)
    return inputs.locale_arg(params.locale) if params.locale else None


@bp.get("/api/v1/categories")
def categories():
    locale = _browse_locale() or deps.visitor_language()
    found = category_service.categories(deps.engine(), locale, staff=auth.is_staff(), segments=auth.segments())
    return jsonify({"locale": locale, "categories": [_category_json(c) for c in found]})


@bp.get("/api/v1/categories/<path:category_id>")
def category(category_id: str):
    locale = _browse_locale()
    found = category_service.category(
        deps.engine(), category_id, locale, staff=auth.is_staff(), segments=auth.segments()
    )
    if found is None:
        raise ApiError(404, "not_found", f"there is no category {category_id[:400]!r}")
    return jsonify(_category_json(found))


@bp.get("/api/v1/sections/<path:section_id>")
def section(section_id: str):
    locale = _browse_locale()
    found = category_service.section(deps.engine(), section_id, locale, staff=auth.is_staff(), segments=auth.segments())
    if found is None:
        raise ApiError(404, "not_found", f"there is no section {section_id[:400]!r}")
    owner, shown = found
    return jsonify({"category": _category_json(owner), "section": _section_json(shown)})
