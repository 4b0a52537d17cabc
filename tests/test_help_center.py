"""Customer search features on the starter knowledge base: typos, filters, facets, highlights,
autocomplete, articles, votes, clicks, analytics rows and the help-center pages."""

import re

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kb import create_app
from kb.services import analytics
from kb.services.engine import Engine
from tests.conftest import app_on

INTERNAL = "es/internas/reembolsos"
DRAFT = "es/facturacion/plantillas-personalizar"
ARCHIVED = "es/app-movil/modo-sin-conexion"


@pytest.fixture(scope="module")
def app(starter, encoder, tmp_path_factory):
    # Its tests vote dozens of times from one address: the vote budget has tests of its own (test_votes.py).
    return app_on(starter, encoder, tmp_path_factory.mktemp("analytics") / "kb.sqlite3", RATE_LIMIT_VOTES_PER_MINUTE=0)


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def search(client, **params):
    r = client.get("/api/v1/search", query_string=params)
    assert r.status_code == 200, r.get_json()
    r.close()  # as a server does once the answer is sent: the search is recorded then
    return r.get_json()


# -- typo tolerance and did-you-mean ------------------------------------------------------------


@pytest.mark.parametrize(
    "q,top,suggestion",
    [
        ("contraseña olvdiada", "es/cuenta/restablecer-contrasena", "contraseña olvidada"),
        ("recordatorio de pgao", "es/pagos/recordatorios-de-pago", "recordatorio de pago"),  # stays as typed
        ("pasword reset", "en/account/reset-password", "password reset"),
        ("conciliasion bancaria", "es/pagos/conciliacion-bancaria", "conciliación bancaria"),
        (
            "invocie email not delivered",
            "en/troubleshooting/invoice-email-not-delivered",
            "invoice email not delivered",
        ),
    ],
)
def test_typos_still_find_the_article_and_get_a_suggestion(client, q, top, suggestion):
    body = search(client, q=q, limit=3)
    assert body["results"][0]["id"] == top
    assert body["did_you_mean"] == suggestion


def test_known_words_get_no_suggestion(client):
    assert search(client, q="cobrar con tarjeta")["did_you_mean"] is None
    assert search(client, q="facturacion")["did_you_mean"] is None  # accents are folded: a known word
    # ñ is a letter of its own in Spanish (año/ano), so a missing tilde is corrected, not folded.
    assert search(client, q="contrasena olvidada")["did_you_mean"] == "contraseña olvidada"


def test_long_texts_get_no_guesses(client):
    # A pasted error message or a ticket: unknown words are names and identifiers, not typos.
    body = search(client, q="al enviar la factura aparece el error pasword en la pantalla de inicio de la app")
    assert body["did_you_mean"] is None


def test_nonsense_finds_nothing(client):
    body = search(client, q="qwxzv plokijuh")
    assert body["total"] == 0 and body["results"] == []


# -- filters and facets -------------------------------------------------------------------------


def test_facets_count_the_matching_articles(client):
    body = search(client, q="factura", limit=50)
    assert sum(body["facets"]["locale"].values()) == body["total"] == len(body["results"])
    products = {}
    for r in body["results"]:
        article = client.get(f"/api/v1/articles/{r['id']}").get_json()
        if article["product"]:
            products[article["product"]] = products.get(article["product"], 0) + 1
    assert body["facets"]["product"] == dict(sorted(products.items(), key=lambda kv: (-kv[1], kv[0])))


def test_product_and_tag_filters(client):
    body = search(client, q="factura", product="pagos", limit=50)
    assert body["results"]
    for r in body["results"]:
        assert client.get(f"/api/v1/articles/{r['id']}").get_json()["product"] == "pagos"
    body = search(client, q="olvidé la contraseña", tag="contraseña", limit=50)
    assert body["results"][0]["id"] == "es/cuenta/restablecer-contrasena"
    for r in body["results"]:
        assert "contraseña" in client.get(f"/api/v1/articles/{r['id']}").get_json()["tags"]
    # Relevance still decides: no article about invoices carries that tag, so nothing is found.
    assert search(client, q="factura", tag="contraseña")["total"] == 0
    assert search(client, q="factura", product="no-such-product")["total"] == 0


def test_locale_filter(client):
    body = search(client, q="invoice factura", locale="en", limit=50)
    assert body["results"] and {r["locale"] for r in body["results"]} == {"en"}
    assert set(body["facets"]["locale"]) == {"en"}


# -- snippets ---------------------------------------------------------------------------------------


def test_snippets_mark_matched_words_accent_insensitively(client):
    body = search(client, q="contrasena", locale="es", limit=5)
    assert "<mark>contraseña</mark>" in body["results"][0]["snippet"].lower()
    for r in body["results"]:
        assert re.sub(r"</?mark>", "", r["snippet"]).count("<") == 0  # nothing but <mark> is markup


def test_snippets_escape_article_text(kb, encoder):
    kb.write(
        "es/a.md",
        "title: Etiquetas HTML",
        "Escribe <b>negrita</b> y <script>x</script> en la plantilla, o `<br>` en código.\n\n"
        "[ver](javascript:alert(1))\n",
    )
    kb.build(encoder)
    app = create_app({**kb.settings, "ENGINE": Engine.from_settings(kb.settings, lambda: encoder)})
    body = app.test_client().get("/api/v1/search?q=plantilla negrita").get_json()
    snippet = body["results"][0]["snippet"]
    assert "<script>" not in snippet and "<b>" not in snippet
    assert "<mark>plantilla</mark>" in snippet
    page = app.test_client().get("/articles/es/a").get_data(as_text=True)
    # Raw HTML in an article never becomes markup: tags in text are dropped, in code shown as text.
    assert "<script>x" not in page and "<b>negrita" not in page and "<code>&lt;br&gt;</code>" in page
    assert 'href="javascript:' not in page


# -- autocomplete -----------------------------------------------------------------------------------


def test_autocomplete_prefix_on_titles(client):
    found = client.get("/api/v1/autocomplete?q=restab").get_json()["suggestions"]
    assert found[0] == {
        "id": "es/cuenta/restablecer-contrasena",
        "title": "Restablecer la contraseña",
        "url": "/articles/es/cuenta/restablecer-contrasena",
        "audience": "public",
    }
    titles = [s["title"] for s in client.get("/api/v1/autocomplete?q=factu&locale=es").get_json()["suggestions"]]
    assert titles and all(re.search(r"\bfactu", t, re.I) for t in titles)
    assert client.get("/api/v1/autocomplete?q=verificacion dos").get_json()["suggestions"][0]["id"] == (
        "es/cuenta/verificacion-en-dos-pasos"
    )


def test_autocomplete_hides_what_customers_may_not_see(client, starter):
    for hidden in (INTERNAL, DRAFT, ARCHIVED):
        title = (starter.articles / f"{hidden}.md").read_text().split("title:", 1)[1].splitlines()[0].strip()
        ids = [s["id"] for s in client.get("/api/v1/autocomplete", query_string={"q": title}).get_json()["suggestions"]]
        assert hidden not in ids


# -- articles -------------------------------------------------------------------------------------


def test_article_has_sections_html_and_related(client):
    body = client.get("/api/v1/articles/es/cuenta/restablecer-contrasena").get_json()
    assert body["title"] == "Restablecer la contraseña" and body["locale"] == "es"
    anchors = [s["anchor"] for s in body["sections"]]
    assert "no-recibes-el-correo" in anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in body["html"]
    assert 'href="/articles/es/cuenta/verificacion-en-dos-pasos"' in body["html"]
    related = [r["id"] for r in body["related"]]
    assert related and body["id"] not in related
    assert all(r.startswith("es/") for r in related) and INTERNAL not in related
    assert {t["id"] for t in body["translations"]} == {"en/account/reset-password"}


@pytest.mark.parametrize("hidden", [INTERNAL, DRAFT, ARCHIVED, "es/no/existe"])
def test_hidden_articles_are_not_found(client, hidden):
    r = client.get(f"/api/v1/articles/{hidden}")
    assert r.status_code == 404
    assert r.get_json() == {"error": {"code": "not_found", "message": f"there is no article {hidden!r}"}}
    r = client.post(f"/api/v1/articles/{hidden}/feedback", json={"helpful": True})
    assert r.status_code == 404 and r.get_json()["error"]["message"] == f"there is no article {hidden!r}"


# -- feedback, clicks and analytics ------------------------------------------------------------------


def test_vote_is_stored_and_counted(client, app):
    url = "/api/v1/articles/es/pagos/cobros-con-tarjeta/feedback"
    before = client.get("/api/v1/articles/es/pagos/cobros-con-tarjeta").get_json()["votes"]
    r = client.post(url, json={"helpful": False, "comment": "No explica Bizum", "locale": "es"})
    assert r.status_code == 201
    assert r.get_json()["votes"] == {"helpful": before["helpful"], "not_helpful": before["not_helpful"] + 1}
    with Session(app.extensions["kb.db"]) as s:
        vote = s.scalars(select(analytics.ArticleVote).order_by(analytics.ArticleVote.id.desc())).first()
    assert (vote.article_id, vote.helpful, vote.comment, vote.locale) == (
        "es/pagos/cobros-con-tarjeta",
        False,
        "No explica Bizum",
        "es",
    )


@pytest.mark.parametrize(
    "data,content_type,status,code",
    [
        ("{not json", "application/json", 400, "invalid_json"),
        ("", "application/json", 400, "invalid_body"),
        ("[true]", "application/json", 400, "invalid_body"),
        ('{"helpful": "yes"}', "application/json", 400, "invalid_body"),
        ('{"comment": "x"}', "application/json", 400, "invalid_body"),
        ('{"helpful": true, "rating": 5}', "application/json", 400, "invalid_body"),
        ('{"helpful": true, "comment": 7}', "application/json", 400, "invalid_body"),
        ('{"helpful": true, "search_id": -1}', "application/json", 400, "invalid_body"),
        ('{"helpful": true, "locale": "fr"}', "application/json", 400, "invalid_body"),
        ('{"helpful": true, "comment": "' + "x" * 2001 + '"}', "application/json", 400, "invalid_body"),
        (
            '{"helpful": true, "comment": "' + "x" * 2_000_000 + '"}',
            "application/json",
            413,
            "request_entity_too_large",
        ),
    ],
)
def test_bad_feedback_gets_the_error_shape(client, data, content_type, status, code):
    r = client.post("/api/v1/articles/es/pagos/cobros-con-tarjeta/feedback", data=data, content_type=content_type)
    assert r.status_code == status
    assert r.get_json()["error"]["code"] == code and r.get_json()["error"]["message"]


def test_search_and_click_are_recorded(client, app):
    body = search(client, q="cobrar con tarjeta", locale="es", product="pagos", limit=3)
    sid = body["search_id"]
    with Session(app.extensions["kb.db"]) as s:
        row = s.get(analytics.SearchQuery, sid)
    assert (row.query, row.locale, row.mode, row.results) == ("cobrar con tarjeta", "es", "hybrid", body["total"])
    assert row.filters == {"product": "pagos"} and row.shown == [r["id"] for r in body["results"]]
    assert row.took_ms > 0
    first = body["results"][0]["id"]
    r = client.post(f"/api/v1/searches/{sid}/clicks", json={"article_id": first, "position": 1})
    assert r.status_code == 201
    assert client.post("/api/v1/searches/999999/clicks", json={"article_id": first, "position": 1}).status_code == 404
    bad = client.post(f"/api/v1/searches/{sid}/clicks", json={"article_id": first, "position": 0})
    assert bad.status_code == 400
    # A well-formed click naming an article a customer may not see: no such article for them (as a GET).
    hidden = client.post(f"/api/v1/searches/{sid}/clicks", json={"article_id": INTERNAL, "position": 1})
    assert hidden.status_code == 404
    # Opening a result from the help center's results page records the click too.
    assert client.get(f"/articles/{first}?s={sid}&p=2").status_code == 200
    with Session(app.extensions["kb.db"]) as s:
        clicks = s.scalars(select(analytics.SearchClick).where(analytics.SearchClick.search_id == sid)).all()
    assert sorted((c.article_id, c.position) for c in clicks) == [(first, 1), (first, 2)]


# -- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params,code",
    [
        ({"q": "x" * 10_000}, "query_too_long"),
        ({"q": "factura", "color": "rojo"}, "unknown_parameter"),
        ({"q": "factura", "offset": "-1"}, "invalid_parameter"),
        ({"q": "factura", "limit": "51"}, "invalid_parameter"),
        ({"q": "factura", "tag": "x" * 101}, "invalid_parameter"),
        ({"q": "factura\x00"}, "invalid_query"),
        ({"q": "\u200b\u200d"}, "missing_query"),
        ({"q": "😀🎉"}, "invalid_query"),
        ({"q": "¿?¡!"}, "invalid_query"),
    ],
)
def test_bad_search_input_gets_400(client, params, code):
    r = client.get("/api/v1/search", query_string=params)
    assert r.status_code == 400 and r.get_json()["error"]["code"] == code


@pytest.mark.parametrize("q", ["fac\u200btura", "factura\u0301", "فاتورة", "ｆａｃｔｕｒａ", "Ｆ", "factura " * 60])
def test_odd_but_searchable_unicode_is_answered(client, q):
    r = client.get("/api/v1/search", query_string={"q": q})
    assert r.status_code == 200 and "results" in r.get_json()


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%C3", "%"])
def test_undecodable_query_bytes_are_answered(client, raw):
    # Werkzeug keeps percent-escapes that are not UTF-8 as text; they are searched like any text.
    r = client.get("/api/v1/search?q=" + raw)
    assert r.status_code in (200, 400) and ("results" in r.get_json() or "error" in r.get_json())


def test_autocomplete_bad_input(client):
    assert client.get("/api/v1/autocomplete").status_code == 400
    assert client.get("/api/v1/autocomplete?q=fa&limit=0").status_code == 400
    assert client.get("/api/v1/autocomplete?q=fa&x=1").get_json()["error"]["code"] == "unknown_parameter"


# -- pages -------------------------------------------------------------------------------------------


def test_pages_speak_the_visitors_language(client):
    es = client.get("/", headers={"Accept-Language": "es-ES,es;q=0.9"}).get_data(as_text=True)
    en = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).get_data(as_text=True)
    assert "¿En qué podemos ayudarte?" in es and "How can we help?" in en
    r = client.get("/?lang=en", headers={"Accept-Language": "es"})
    assert "How can we help?" in r.get_data(as_text=True) and "kb_lang=en" in r.headers["Set-Cookie"]


def test_search_page_shows_highlighted_results_and_facets(client):
    html = client.get("/search?q=contrasena&lang=es").get_data(as_text=True)
    assert "Restablecer la contraseña" in html and "<mark>" in html
    assert "Idioma" in html and 'href="/articles/es/cuenta/restablecer-contrasena?s=' in html
    typo = client.get("/search?q=pasword&lang=en").get_data(as_text=True)
    assert "Showing results for" in typo and "password" in typo and "Search only for" in typo


def test_search_page_bad_input_is_a_page_not_a_500(client):
    r = client.get("/search", query_string={"q": "x" * 10_000, "lang": "en"})
    assert r.status_code == 400 and "We could not understand that search" in r.get_data(as_text=True)
    assert client.get("/search?q=factura&page=-3").status_code == 400
    assert client.get("/search").status_code == 200  # no query: the home page


def test_article_page_has_toc_vote_and_related(client):
    html = client.get("/articles/es/cuenta/restablecer-contrasena?lang=es").get_data(as_text=True)
    assert '<a href="#no-recibes-el-correo">No recibes el correo</a>' in html
    assert 'id="no-recibes-el-correo"' in html
    assert "¿Te resultó útil este artículo?" in html and "Artículos relacionados" in html
    for hidden in (INTERNAL, DRAFT, ARCHIVED):
        r = client.get(f"/articles/{hidden}")
        assert r.status_code == 404 and "text/html" in r.content_type
