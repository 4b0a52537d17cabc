"""Contact support, with deflection first: the ``/contact`` page and its JSON API.

    GET  /contact                    the request form (suggests articles as the customer types)
    POST /contact                    the same form without JavaScript
    GET  /api/v1/contact/suggestions articles that may answer what is typed (customers' view only)
    POST /api/v1/contact             the request, stored and handed off (kb.services.contact)
    POST /api/v1/contact/events      a suggested article opened, or "Esto resolvió mi duda"

``contact_href()`` (for every template) is where "Contacta con soporte" leads: ``/contact`` when a
channel takes requests (``email``, ``webhook``), the theme's ``contact_url`` for ``url`` (or when no
channel is set), else nowhere (no link is shown).
"""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify, make_response, redirect, render_template, request

from kb.services import articles as article_service
from kb.services import contact as contact_service
from kb.services import suggest as suggest_service
from kb.web import auth, contract, deps, inputs, theme
from kb.web.errors import ApiError

log = logging.getLogger(__name__)

bp = Blueprint("contact", __name__)

FORM_CHANNELS = ("email", "webhook")
NO_FORM = "there is no contact form: CONTACT_CHANNEL takes no requests"
SUGGESTIONS = 5


def contact_href() -> str:
    channel = current_app.config["CONTACT_CHANNEL"]
    if channel in FORM_CHANNELS:
        return "/contact"
    found = current_app.extensions.get("kb.theme")
    return (found.contact_url or "") if found is not None else ""


def _crumbs_ld(crumbs) -> list[dict]:
    def field(c, name):
        return c[name] if isinstance(c, dict) else getattr(c, name)

    return [
        {"@type": "ListItem", "position": n, "name": field(c, "title"), "item": deps.public_url(field(c, "url"))}
        for n, c in enumerate(crumbs or (), 2)
    ]


def init_app(app) -> None:
    app.jinja_env.globals["contact_href"] = contact_href
    app.jinja_env.globals["crumbs_ld"] = _crumbs_ld
    app.register_blueprint(bp)


@bp.before_request
def _taking_requests():
    """Without a channel that takes requests there is no form: every path but the page (which may lead
    to the theme's contact_url) is a 404."""
    if current_app.config["CONTACT_CHANNEL"] in FORM_CHANNELS or request.endpoint == "contact.page":
        return None
    raise ApiError(404, "not_found", NO_FORM)


def _page(status: int = 200, **values):
    lang = deps.visitor_language()
    html = render_template(
        "contact.html", lang=lang, t=theme.site_text(lang), q="", public_url=deps.public_url,
        form_id=values.pop("form_id", None) or contact_service.new_form_id(), values=values.pop("values", {}),
        canonical=deps.public_url("/contact"), **values,
    )  # fmt: skip
    response = make_response(html, status)
    response.headers["Cache-Control"] = "private, no-store"  # a form id of its own each time
    return response


@bp.get("/contact")
def page():
    channel = current_app.config["CONTACT_CHANNEL"]
    if channel not in FORM_CHANNELS:
        href = contact_href()
        if href:
            return redirect(href, 302)
        raise ApiError(404, "not_found", NO_FORM)
    return _page()


def _request_from(body: contract.ContactBody, lang: str) -> contact_service.Request:
    index = deps.engine().index()
    suggested = tuple(
        a for a in (article_service.resolve(index, s, False, auth.segments()) for s in body.suggested) if a
    )  # only what this customer may see is named to support
    return contact_service.Request(
        subject=" ".join(body.subject.split()),
        description=body.description.strip(),
        email=body.email.strip(),
        name=" ".join(body.name.split()),
        locale=inputs.locale_arg(body.locale) or lang,
        form_id=body.form_id or "",
        suggested=suggested,
        page=body.page,
    )


@bp.post("/contact")
def send_form():
    """The form without JavaScript: the same checks and hand-off as the API, answered with a page."""
    lang = deps.visitor_language()
    fields = {k: request.form.get(k, "") for k in ("subject", "description", "email", "name", "form_id")}
    body = {k: v for k, v in fields.items() if v or k in ("subject", "description", "email")}
    try:
        parsed = contract.parse(contract.ContactBody, body)
    except ApiError as exc:
        return _page(400, error=exc.message, values=fields, form_id=fields["form_id"] or None)
    try:
        sent = contact_service.submit(deps.db(), _request_from(parsed, lang), current_app.config)
    except contact_service.HandOffFailed:
        return _page(503, failed=True)
    return _page(201, sent=sent.id)


@bp.get("/api/v1/contact/suggestions")
def suggestions():
    params = contract.query(contract.ContactSuggestionsParams, request.args)
    text = inputs.clean_query(params.q, limit=current_app.config["MAX_QUERY_CHARS"])
    locale = inputs.locale_arg(params.locale) if params.locale else deps.visitor_language()
    found = suggest_service.suggest(
        deps.engine(), "", text, locale=locale, limit=SUGGESTIONS, staff=False, segments=auth.segments()
    )  # customers' view, whoever asks: the form is the customers'
    form_id = params.form_id or contact_service.new_form_id()
    items = [
        {
            "id": s.hit.id,
            "title": s.hit.title,
            "url": s.hit.url,
            "section": {"heading": s.hit.heading, "anchor": s.hit.anchor},
            "snippet": s.hit.snippet,
        }
        for s in found.suggestions
    ]
    if items:
        database = deps.db()
        deps.after_response(lambda: contact_service.record_event(database, form_id, "shown"))
    return jsonify({"form_id": form_id, "suggestions": items})


@bp.post("/api/v1/contact")
def send():
    body = contract.parse(contract.ContactBody, deps.json_body())
    sent = contact_service.submit(deps.db(), _request_from(body, deps.visitor_language()), current_app.config)
    return jsonify({"id": sent.id, "channel": sent.channel, "status": sent.status}), 201


@bp.post("/api/v1/contact/events")
def event():
    body = contract.parse(contract.ContactEventBody, deps.json_body())
    found = article_service.resolve(deps.engine().index(), body.article_id, False, auth.segments())
    if found is None:
        raise ApiError(404, "not_found", f"there is no article {body.article_id!r}")
    contact_service.record_event(deps.db(), body.form_id, body.event, found)
    return jsonify({"form_id": body.form_id, "event": body.event}), 201
