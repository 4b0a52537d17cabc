"""Help-center pages: home, categories, sections, search results and articles, in the visitor's language
(Spanish or English).

Thin views over the same services as the JSON API; their JSON twins are ``/api/v1/categories``,
``/api/v1/search`` and ``/api/v1/articles/<id>``. Article HTML and snippets come from kb's own renderers (raw HTML in an
article is escaped at build time), so templates mark only those two as safe.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from flask import Blueprint, current_app, make_response, redirect, render_template, request
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from kb.services import analytics
from kb.services import articles as article_service
from kb.services import categories as category_service
from kb.services.engine import NoIndex
from kb.web import auth, deps, i18n, inputs, theme
from kb.web.errors import ApiError

log = logging.getLogger(__name__)

bp = Blueprint("pages", __name__)

PAGE_SIZE = 10


def _labels() -> dict:
    try:
        return deps.engine().index().labels
    except NoIndex:
        return {}


def _render(template: str, status: int = 200, **context):
    lang = i18n.visitor_language(request, current_app.config["DEFAULT_LOCALE"])
    context.setdefault("q", "")
    # The language switch keeps the page (and its search): only ?lang= changes.
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    if status == 200:  # an error page keeps the plain switch (it repeats no path it was asked for)
        links = {code: _url(request.path, **_multi(args + [("lang", code)])) for code in i18n.LANGUAGES}
        context.setdefault("lang_links", links)
    fmt = i18n.Formatter(lang, _labels())
    html = render_template(template, lang=lang, t=theme.site_text(lang), fmt=fmt, public_url=deps.public_url, **context)
    response = make_response(html, status)
    if request.args.get("lang") in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, lang, max_age=365 * 86400, samesite="Lax", httponly=True)
    return response


def _multi(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


def _url(path: str, **params) -> str:
    pairs = [(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list | tuple) else [vs]) if v]
    return path + ("?" + urlencode(pairs) if pairs else "")


def _reader() -> dict:
    return {"staff": auth.is_staff(), "segments": auth.segments()}


@bp.get("/")
def home():
    lang = i18n.visitor_language(request, current_app.config["DEFAULT_LOCALE"])
    engine, reader = deps.engine(), _reader()
    try:
        cards = category_service.categories(engine, lang, articles=False, **reader)
        promoted = category_service.promoted(engine, lang, **reader)
        viewed = category_service.visible_links(engine, analytics.most_viewed(deps.db()), lang, **reader)[:6]
        recent = article_service.recently_updated(engine, locale=lang, limit=6, **reader)
    except NoIndex:
        return _render("message.html", 503, message_key="no_index")
    return _render(
        "home.html", categories=cards, promoted=promoted, viewed=viewed, recent=recent,
        canonical=deps.public_url(f"/?lang={lang}"),
    )  # fmt: skip


def _locale_arg() -> str | None:
    try:
        return inputs.locale_arg(request.args.get("locale"))
    except ApiError:
        return None


@bp.get("/categories/<path:category_id>")
def category(category_id: str):
    lang = i18n.visitor_language(request, current_app.config["DEFAULT_LOCALE"])
    try:
        found = category_service.category(deps.engine(), category_id, _locale_arg() or lang, **_reader())
    except NoIndex:
        return _render("message.html", 503, message_key="no_index")
    if found is None:
        return _render("message.html", 404, message_key="not_found")
    return _render(
        "category.html", category=found, lang_links=_switch(found.url, found.locale, found.translations),
        canonical=deps.public_url(found.url),
    )  # fmt: skip


@bp.get("/sections/<path:section_id>")
def section(section_id: str):
    lang = i18n.visitor_language(request, current_app.config["DEFAULT_LOCALE"])
    try:
        found = category_service.section(deps.engine(), section_id, _locale_arg() or lang, **_reader())
    except NoIndex:
        return _render("message.html", 503, message_key="no_index")
    if found is None:
        return _render("message.html", 404, message_key="not_found")
    owner, shown = found
    if shown.default:
        return redirect(owner.url, 301)
    return _render(
        "section.html", category=owner, section=shown, lang_links=_switch(shown.url, owner.locale, {}),
        canonical=deps.public_url(shown.url),
    )  # fmt: skip


def _siblings(found):
    """The articles of the article's section (as the reader may see them), for the sidebar."""
    if not found.section:
        return None
    shown = category_service.section(deps.engine(), found.section, found.locale, **_reader())
    return shown[1] if shown is not None else None


def _switch(url: str, locale: str, translations: dict[str, str]) -> dict[str, str]:
    """The language switch of a page shown in ``locale``: to its translation where there is one."""
    links = {lang: f"{target}{'&' if '?' in target else '?'}lang={lang}" for lang, target in translations.items()}
    links[locale] = f"{url}?lang={locale}"
    return links


@bp.get("/search")
def search():
    lang = i18n.visitor_language(request, current_app.config["DEFAULT_LOCALE"])
    raw_q = request.args.get("q", "")
    if not raw_q.strip():
        return home()
    # The visitor's language by default, like a localised help center; locale=all searches every language.
    locale = request.args.get("locale") or lang
    tags = request.args.getlist("tag")
    product = request.args.get("product", "")
    page = request.args.get("page", "1")
    exact = request.args.get("correct") == "false"  # "search only for what I typed"
    args = MultiDict(
        [("q", raw_q), ("product", product), ("offset", "0")]
        + ([("locale", locale)] if locale != "all" else [])
        + [("tag", t) for t in tags]
        + ([("correct", "false")] if exact else [])
    )
    try:
        number = inputs.int_arg({"page": page}, "page", 1, 1, 100)
        wanted = deps.search_request(args)
        wanted["limit"], wanted["offset"] = PAGE_SIZE, (number - 1) * PAGE_SIZE
        results, search_id = deps.run_search(wanted)
    except ApiError as exc:
        return _render("message.html", 400, message_key="bad_request", detail=exc.message, q=raw_q)
    except NoIndex:
        return _render("message.html", 503, message_key="no_index", q=raw_q)
    base = {"q": results.query, "locale": locale, "product": product, "tag": tags, "correct": "false" if exact else ""}
    hits = [
        {
            "hit": h,
            "position": (number - 1) * PAGE_SIZE + n,
            "href": _url(f"/articles/{h.id}", s=search_id, p=(number - 1) * PAGE_SIZE + n)
            + (f"#{h.anchor}" if h.anchor else ""),
            "snippet": Markup(h.snippet),  # escaped by kb.services.snippets; only <mark> is markup
        }
        for n, h in enumerate(results.hits, 1)
    ]
    facets = {
        "locale": [
            (value, count, _url("/search", **{**base, "locale": value}), value == locale)
            for value, count in results.facets.get("locale", {}).items()
        ],
        "product": [
            (value, count, _url("/search", **{**base, "product": value}), value == product)
            for value, count in results.facets.get("product", {}).items()
        ],
        "tags": [
            (value, count, _url("/search", **{**base, "tag": sorted({*tags, value})}), value in tags)
            for value, count in list(results.facets.get("tags", {}).items())[:15]
        ],
    }
    pages = (results.total + PAGE_SIZE - 1) // PAGE_SIZE
    return _render(
        "search.html",
        q=results.query,
        results=results,
        hits=hits,
        facets=facets,
        locale=locale,
        all_url=_url("/search", **{**base, "locale": "all"}),
        clear_url=_url("/search", q=results.query, locale=locale),
        original_url=_url("/search", **{**base, "correct": "false"}) if results.did_you_mean else "",
        previous_url=_url("/search", **base, page=number - 1) if number > 1 else "",
        next_url=_url("/search", **base, page=number + 1) if number < pages else "",
        search_id=search_id,
        canonical=deps.public_url(_url("/search", q=results.query)),
    )


def _record_click(article_id: str) -> int | None:
    """A result opened from a search page (``?s=<search_id>&p=<position>``): recorded once per view."""
    try:
        search_id, position = int(request.args.get("s", "")), int(request.args.get("p", ""))
    except ValueError:
        return None
    db = current_app.extensions["kb.db"]
    if search_id < 1 or not 1 <= position <= 1100 or not analytics.search_exists(db, search_id):
        return None
    analytics.record_click(db, search_id, article_id, position)
    return search_id


@bp.get("/articles/<path:article_id>")
def article(article_id: str):
    staff = auth.is_staff()  # signed-in staff read internal articles too (a link from a suggestion)
    try:
        found = article_service.get_article(deps.engine(), article_id, staff=staff, segments=auth.segments())
        related = (
            article_service.related(deps.engine(), found.id, staff=staff, segments=auth.segments()) if found else []
        )
    except NoIndex:
        return _render("message.html", 503, message_key="no_index")
    if found is None:
        return _render("message.html", 404, message_key="not_found")
    search_id = _record_click(found.id)
    if not staff:
        database = deps.db()
        deps.after_response(lambda: analytics.record_view(database, found.id))
    # The language switch leads to the article's translation, when there is one.
    lang_links = {t.locale: f"{t.url}?lang={t.locale}" for t in found.translations}
    lang_links[found.locale] = f"{found.url}?lang={found.locale}"
    return _render(
        "article.html",
        article=found,
        body=Markup(found.html),  # rendered by kb at build time with raw HTML off
        related=related,
        search_id=search_id,
        lang_links=lang_links,
        crumbs=category_service.crumbs(deps.engine(), found.id),
        siblings=_siblings(found),
        canonical=deps.public_url(found.url),
    )
