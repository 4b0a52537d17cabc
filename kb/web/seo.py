"""What search engines and browsers ask a help center for: ``/sitemap.xml`` (public articles, with
their translations as ``hreflang`` alternates, and the category and section pages), ``/robots.txt`` and
``/favicon.ico``. Everything listed is what an anonymous customer sees: no segment's article, and no
category that holds only internal or segment articles."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from flask import Blueprint, Response, redirect, url_for

from kb.services import articles as article_service
from kb.services import categories as category_service
from kb.services.engine import NoIndex
from kb.web import deps, i18n
from kb.web.deps import public_url

bp = Blueprint("seo", __name__)

# Staff pages, the API, sign-in and the customer's own pages are no place for a crawler. Search pages
# may be crawled when something links to one (a shared "results for …" link is a page people land on,
# and Lighthouse's is-crawlable audit asks for it); kb itself links to none, its filter links are
# rel="nofollow" and each search page's canonical URL is its query alone, so no endless space of
# filtered copies is indexed.
NOT_FOR_CRAWLERS = ("/api/", "/agent", "/owners", "/admin", "/staff", "/access/", "/contact")


@bp.get("/robots.txt")
def robots():
    lines = ["User-agent: *", *(f"Disallow: {p}" for p in NOT_FOR_CRAWLERS), f"Sitemap: {public_url('/sitemap.xml')}"]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


@bp.get("/sitemap.xml")
def sitemap():
    try:
        entries = article_service.listed(deps.engine())
        browse = [category_service.categories(deps.engine(), lang, articles=False) for lang in i18n.LANGUAGES]
    except NoIndex:
        entries, browse = [], []
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for lang in i18n.LANGUAGES:  # the home page in each language
        out.append(f"<url><loc>{escape(public_url('/?lang=' + lang))}</loc></url>")
    for views in browse:
        for c in views:
            out.append("<url>")
            out.append(f"<loc>{escape(public_url(c.url))}</loc>")
            family = {**c.translations, c.locale: c.url}
            if len(family) > 1:
                for locale, url in sorted(family.items()):
                    out.append(f'<xhtml:link rel="alternate" hreflang="{locale}" href={quoteattr(public_url(url))}/>')
            out.append("</url>")
            out.extend(f"<url><loc>{escape(public_url(s.url))}</loc></url>" for s in c.sections if not s.default)
    for entry in entries:
        out.append("<url>")
        out.append(f"<loc>{escape(public_url(entry.url))}</loc>")
        if entry.updated:
            out.append(f"<lastmod>{escape(entry.updated[:10])}</lastmod>")
        if len(entry.translations) > 1:
            for locale, url in sorted(entry.translations.items()):
                href = quoteattr(public_url(url))
                out.append(f'<xhtml:link rel="alternate" hreflang="{locale}" href={href}/>')
        out.append("</url>")
    out.append("</urlset>")
    return Response("\n".join(out) + "\n", mimetype="application/xml")


@bp.get("/favicon.ico")
def favicon():
    return redirect(url_for("static", filename="favicon.svg"), 301)
