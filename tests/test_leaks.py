"""Internal, draft, archived and segment articles never reach a customer, by any public path.

Each hidden article carries a word found nowhere else. Anonymously, every public path is asked for it:
searched (every mode, with a typo for did-you-mean, as a filter), autocompleted, suggested, fetched,
voted on, clicked, browsed (categories, sections), suggested in the contact form, and looked for in the
pages, facets, related articles and translations of a public article. Zero hits. The same word is found
with an agent's token (and a segment's with a signed-in customer of that segment), so each check can fail.
"""

import json
import re

import pytest

from kb.services import tokens
from tests.conftest import KB, app_on

HIDDEN = {
    # id: (word only it contains, file, front matter, body)
    "es/interno": (
        "zorblatex",
        "es/interno.md",
        "title: Procedimiento zorblatex de reembolsos\naudience: internal\nowner: ana\n"
        "tags: [clavesecreta]\nproduct: tesoreria-interna",
        "Aplica el procedimiento zorblatex para reembolsar transferencias duplicadas.\n\n"
        "## Paso zorblatex final\n\nAnota el zorblatex en el ticket.",
    ),
    "es/borrador": (
        "quimbrelux",
        "es/borrador.md",
        "title: Función quimbrelux en preparación\nstatus: draft\nowner: ana",
        "La función quimbrelux aún no existe para los clientes.",
    ),
    "es/archivado": (
        "flonquista",
        "es/archivado.md",
        "title: Antiguo panel flonquista\nstatus: archived\nowner: ana",
        "El panel flonquista se retiró.",
    ),
    # `audience: agents` next to Microsoft Learn keys: an unknown value, so internal (it once was public).
    "es/agentes": (
        "plumbifex",
        "es/agentes.md",
        "title: Guion plumbifex para agentes\naudience: agents\nms.date: 2020-01-01\nms.author: ana",
        "Usa el guion plumbifex cuando el cliente pida un reembolso.",
    ),
    "en/transfers-internal": (
        "vextrolium",
        "en/transfers-internal.md",
        "title: Receiving bank transfers, vextrolium notes\naudience: internal\nowner: ana\n"
        "translation_of: es/transferencias.md",
        "Internal vextrolium notes on bank transfers and refunds.",
    ),
    # Only customers of the "pro" segment: in a category folder that holds nothing else.
    "es/clientes-pro/soporte-pro": (
        "trevanquil",
        "es/clientes-pro/soporte-pro.md",
        "title: Línea trevanquil del plan Pro\nsegments: [pro]\nowner: ana\ntags: [pagos]",
        "Llama a la línea trevanquil para reembolsos urgentes de transferencias.",
    ),
}
SECRET = "s" * 40
HIDDEN_CATEGORY = "es/clientes-pro"
PUBLIC = {
    "es/transferencias.md": (
        "title: Recibir transferencias bancarias\nowner: ana\ntags: [pagos]\nproduct: cobros",
        "Indica tu IBAN en Cobros. Las transferencias llegan en dos días hábiles.\n\n"
        "## Reembolsos\n\nPara devolver una transferencia, contacta con soporte.",
    ),
    "es/reembolsos.md": (
        "title: Pedir un reembolso\nowner: ana\ntags: [pagos]\nproduct: cobros",
        "Puedes pedir el reembolso de una compra en los 30 días siguientes.",
    ),
    "en/fossils.md": (
        "title: Sample invoices\nowner: ana",
        "The sample invoice sells a brontosaur toy.",
    ),
}
WORDS = [word for word, *_ in HIDDEN.values()]
# An internal article whose word shares its stem with a public one's: "brontosaurs" / "brontosaur".
SHARED_STEM = (
    "en/fossils-internal.md",
    "title: Internal notes\naudience: internal",
    "We keep brontosaurs for testing.",
)


@pytest.fixture(scope="module")
def app(tmp_path_factory, encoder):
    built = KB(tmp_path_factory.mktemp("leaks"))
    for _, path, front, body in HIDDEN.values():
        built.write(path, front, body)
    for path, (front, body) in PUBLIC.items():
        built.write(path, front, body)
    built.write(*SHARED_STEM)
    built.build(encoder)
    return app_on(
        built,
        encoder,
        tmp_path_factory.mktemp("leaks-db") / "kb.sqlite3",
        RATE_LIMIT_VOTES_PER_MINUTE=0,
        RATE_LIMIT_WRITES_PER_MINUTE=0,  # hundreds of probes from one client address
        RATE_LIMIT_READS_PER_MINUTE=0,
        JWT_SECRET=SECRET,
        CONTACT_CHANNEL="webhook",
        CONTACT_WEBHOOK_URL="http://127.0.0.1:9/never-called",
        WIDGET_ORIGINS="http://127.0.0.1:9",
    )


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def agent(app):
    _, token = tokens.create_token(app.extensions["kb.db"], "agent", "leak tests")
    return {"Authorization": f"Bearer {token}"}


def _leaks(text: str) -> list[str]:
    """Hidden words and ids found in a response's text."""
    lowered = text.lower()
    return [w for w in WORDS + list(HIDDEN) + ["clavesecreta", "tesoreria-interna", "clientes-pro"] if w in lowered]


def _search_leaks(body: dict) -> list[str]:
    """Leaks in a search answer, leaving out the query itself, which the answer echoes."""
    return _leaks(json.dumps({k: v for k, v in body.items() if k != "query"}, ensure_ascii=False))


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("mode", ["hybrid", "lexical", "semantic"])
def test_search_finds_nothing_hidden(client, word, mode):
    body = client.get(f"/api/v1/search?q={word}&mode={mode}").get_json()
    assert body["total"] == 0 and _search_leaks(body) == []
    body = client.get(f"/api/v1/search?q=transferencias {word}&mode={mode}").get_json()
    assert _search_leaks(body) == []


@pytest.mark.parametrize("word", WORDS)
def test_did_you_mean_does_not_spell_a_hidden_word(client, word):
    typo = word[:-1] + ("a" if word[-1] != "a" else "e")
    body = client.get(f"/api/v1/search?q={typo}").get_json()
    assert _search_leaks(body) == [] and word not in (body["did_you_mean"] or "")


def test_facets_and_filters_do_not_count_hidden_articles(client):
    body = client.get("/api/v1/search?q=transferencias reembolso").get_json()
    assert body["total"] >= 1 and _search_leaks(body) == []
    for query in ("tag=clavesecreta", "product=tesoreria-interna"):
        body = client.get(f"/api/v1/search?q=reembolso&{query}").get_json()
        assert body["total"] == 0 and body["results"] == [] and _search_leaks(body) == []


@pytest.mark.parametrize(
    "prefix", ["zorb", "procedimiento zor", "quimb", "funcion qu", "flonq", "antiguo panel", "vextr"]
)
def test_autocomplete_offers_no_hidden_title(client, prefix):
    assert _leaks(client.get(f"/api/v1/autocomplete?q={prefix}").get_data(as_text=True)) == []


@pytest.mark.parametrize("article_id", list(HIDDEN))
def test_a_hidden_article_is_exactly_like_one_that_does_not_exist(client, article_id):
    missing = "es/no-existe-nada"

    def same(a, b):
        assert a.status_code == b.status_code
        assert a.get_data(as_text=True) == b.get_data(as_text=True).replace(missing, article_id)

    same(client.get(f"/api/v1/articles/{article_id}"), client.get(f"/api/v1/articles/{missing}"))
    assert client.get(f"/api/v1/articles/{article_id}").status_code == 404
    page, nothing = client.get(f"/articles/{article_id}"), client.get(f"/articles/{missing}")
    assert page.status_code == nothing.status_code == 404 and _leaks(page.get_data(as_text=True)) == []
    vote = {"helpful": False, "comment": "x"}
    same(
        client.post(f"/api/v1/articles/{article_id}/feedback", json=vote),
        client.post(f"/api/v1/articles/{missing}/feedback", json=vote),
    )
    search_id = client.get("/api/v1/search?q=transferencias").get_json()["search_id"]
    same(
        client.post(f"/api/v1/searches/{search_id}/clicks", json={"article_id": article_id, "position": 1}),
        client.post(f"/api/v1/searches/{search_id}/clicks", json={"article_id": missing, "position": 1}),
    )


def test_public_article_shows_no_hidden_related_or_translation(client):
    body = client.get("/api/v1/articles/es/transferencias").get_json()
    assert body["translations"] == [] and _leaks(json.dumps(body, ensure_ascii=False)) == []
    page = client.get("/articles/es/transferencias").get_data(as_text=True)
    assert _leaks(page) == []


def test_the_sitemap_and_robots_name_nothing_hidden(client, agent):
    """Search engines get the customers' view, whoever asks: the staff's token changes nothing."""
    for headers in ({}, agent):
        sitemap = client.get("/sitemap.xml", headers=headers).get_data(as_text=True)
        assert "/articles/es/transferencias" in sitemap and _leaks(sitemap) == []
        assert _leaks(client.get("/robots.txt", headers=headers).get_data(as_text=True)) == []
    # The public article's internal translation is named nowhere: no hreflang alternate to it.
    assert 'rel="alternate"' not in client.get("/articles/es/transferencias").get_data(as_text=True)


@pytest.mark.parametrize("word", WORDS)
def test_help_center_pages_show_nothing_hidden(client, word):
    page = client.get(f"/search?q={word}").get_data(as_text=True)
    # The page repeats the query in the search box and heading; nothing else may hold the word.
    shown = re.sub(rf"[^<>]*{word}[^<>]*", "", page, flags=re.IGNORECASE) if word in page.lower() else page
    assert _leaks(shown) == [] and 'class="hit"' not in page
    assert _leaks(client.get("/").get_data(as_text=True)) == []


@pytest.mark.parametrize("word", WORDS)
def test_a_customers_suggestions_hold_nothing_hidden(client, word):
    ticket = {"subject": f"Duda sobre {word}", "body": f"¿Cómo aplico {word} a una transferencia duplicada?"}
    body = client.post("/api/v1/suggest", json=ticket).get_json()
    shown = {k: v for k, v in body.items() if k not in ("removed",)}
    assert [s["id"] for s in body["suggestions"] if s["id"] in HIDDEN] == []
    assert all(word not in json.dumps(s, ensure_ascii=False).lower() for s in shown["suggestions"])


def test_health_counts_only_what_customers_may_see(client, agent):
    assert client.get("/-/health").get_json()["articles"] == len(PUBLIC)
    internal = sum("status:" not in front for _, _, front, _ in HIDDEN.values()) + 1  # SHARED_STEM
    assert client.get("/-/health", headers=agent).get_json()["articles"] == len(PUBLIC) + internal  # drafts stay out


def test_staff_do_find_the_internal_words(client, agent):
    """The checks above can fail: with an agent's token, the internal articles are there."""
    ticket = {"subject": "zorblatex", "body": "¿Cómo aplico el procedimiento zorblatex a una transferencia duplicada?"}
    body = client.post("/api/v1/suggest", json=ticket, headers=agent).get_json()
    assert body["suggestions"][0]["id"] == "es/interno"
    assert client.get("/api/v1/articles/es/interno", headers=agent).status_code in (200, 404)


def test_did_you_mean_writes_a_word_as_the_visible_articles_write_it(client, agent):
    """The spelling of a correction comes from what the reader may see: "brontosaurs" (internal) and
    "brontosaur" (public) share a stem; a customer's typo is corrected to the public form (it once got
    the internal one)."""
    body = client.get("/api/v1/search?q=brontwoaurs&locale=en").get_json()
    assert body["did_you_mean"] == "brontosaur" and "brontosaurs" not in json.dumps(body).lower()
    staff = client.get("/api/v1/search?q=brontwoaurs&locale=en", headers=agent).get_json()
    assert staff["did_you_mean"] == "brontosaurs"  # staff may see the internal form: the check can fail


def _lexical_scores(kb, encoder, query: str) -> dict[str, float]:
    from kb.services.search import search

    app = app_on(kb, encoder)
    found = search(app.extensions["kb.engine"], query, mode="lexical", limit=20)
    return {h.id: h.score for h in found.hits}


def test_customers_scores_do_not_count_hidden_sections(app, tmp_path, encoder):
    """BM25 statistics (IDF, average lengths) come from what customers may see: the same public articles
    score the same whether or not internal articles use the same words."""
    alone = KB(tmp_path / "alone")
    for path, (front, body) in PUBLIC.items():
        alone.write(path, front, body)
    alone.build(encoder)
    crowded = KB(tmp_path / "crowded")
    for path, (front, body) in PUBLIC.items():
        crowded.write(path, front, body)
    for i in range(5):
        crowded.write(
            f"es/int-{i}.md", "title: Transferencias internas\naudience: internal", "Transferencias y reembolsos."
        )
    crowded.build(encoder)
    query = "transferencias reembolso"
    assert _lexical_scores(alone, encoder, query) == _lexical_scores(crowded, encoder, query)
    # Raw (all-sections) statistics would differ: the check can fail.
    from indexer.bm25 import BM25Index, TermCounts

    everything = BM25Index(TermCounts.load(crowded.data / "current"))
    reader_view = app_on(crowded, encoder).extensions["kb.engine"].index().lexicon(False)
    column = everything.column["es:transferent"] if "es:transferent" in everything.column else None
    if column is not None:
        assert everything.idf[column] != reader_view.idf[column]


def test_agent_tokens_read_and_find_internal_articles_marked_internal(client, agent):
    got = client.get("/api/v1/articles/es/interno", headers=agent)
    assert got.status_code == 200 and got.get_json()["audience"] == "internal"
    found = client.get("/api/v1/search?q=zorblatex", headers=agent).get_json()
    assert [r["id"] for r in found["results"]] == ["es/interno"] and found["results"][0]["audience"] == "internal"
    assert (
        client.get("/api/v1/autocomplete?q=procedimiento zor", headers=agent).get_json()["suggestions"][0]["audience"]
        == "internal"
    )
    assert client.get("/api/v1/articles/es/interno").status_code == 404


def test_staff_account_pages_and_api_tell_customers_nothing(app, client):
    from kb.services import staff

    staff.create_user(app.extensions["kb.db"], "secreta@example.com", "a long and honest password", "admin", "Sec")
    assert client.get("/api/v1/users").status_code == 401
    assert (
        client.get("/api/v1/comments").status_code == 401
        and client.get("/api/v1/comments?format=csv").status_code == 401
    )
    for path in ("/admin/users", "/owners", "/agent"):
        assert "secreta" not in client.get(path).get_data(as_text=True)


def test_a_revoked_token_is_refused_even_without_rate_limits(tmp_path_factory, encoder):
    built = KB(tmp_path_factory.mktemp("revoked"))
    for path, (front, body) in PUBLIC.items():
        built.write(path, front, body)
    built.build(encoder)
    app = app_on(built, encoder, tmp_path_factory.mktemp("revoked-db") / "kb.sqlite3",
                 RATE_LIMIT_READS_PER_MINUTE=0, RATE_LIMIT_WRITES_PER_MINUTE=0)  # fmt: skip
    info, token = tokens.create_token(app.extensions["kb.db"], "agent", "old")
    tokens.revoke_token(app.extensions["kb.db"], info.id)
    client = app.test_client()
    for path in ("/api/v1/search?q=reembolso", "/api/v1/autocomplete?q=pedir", "/api/v1/articles/es/reembolsos", "/"):
        assert client.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 401, path


@pytest.mark.parametrize("word", WORDS)
def test_no_fallback_or_correction_reaches_a_hidden_article(client, word):
    """The other-language fallback and the corrected query search only what customers may see."""
    for locale in ("es", "en"):
        for correct in ("true", "false"):
            body = client.get(f"/api/v1/search?q={word}&locale={locale}&correct={correct}").get_json()
            assert body["total"] == 0 and body["fallback_locale"] is None and _search_leaks(body) == []


# Browsing, the contact form and the widget's calls: the same customers' view.


def test_categories_and_sections_name_nothing_hidden(client):
    for locale in ("es", "en"):
        body = client.get(f"/api/v1/categories?locale={locale}").get_data(as_text=True)
        assert _leaks(body) == []
    assert _leaks(client.get("/").get_data(as_text=True)) == []
    missing = "es/no-existe"
    for path in (f"/api/v1/categories/{HIDDEN_CATEGORY}", f"/api/v1/sections/{HIDDEN_CATEGORY}"):
        hidden, nothing = client.get(path), client.get(path.replace(HIDDEN_CATEGORY, missing))
        assert hidden.status_code == nothing.status_code == 404
        assert hidden.get_data(as_text=True) == nothing.get_data(as_text=True).replace(missing, HIDDEN_CATEGORY)
    page = client.get(f"/categories/{HIDDEN_CATEGORY}")
    assert page.status_code == 404 and _leaks(page.get_data(as_text=True)) == []


@pytest.mark.parametrize("word", WORDS)
def test_the_contact_forms_suggestions_hold_nothing_hidden(client, agent, word):
    """The contact form is the customers': even a staff token gets the customers' suggestions there."""
    for headers in ({}, agent):
        answer = client.get(f"/api/v1/contact/suggestions?q=reembolso de transferencias {word}", headers=headers)
        assert answer.status_code == 200
        assert _leaks(json.dumps(answer.get_json()["suggestions"], ensure_ascii=False)) == []


def test_the_widgets_cross_origin_calls_are_a_customers(client, agent):
    """A call from an allowed site gets CORS headers but never credentials, nor a token through them."""
    origin = {"Origin": "http://127.0.0.1:9"}
    answer = client.get("/api/v1/search?q=trevanquil", headers=origin)
    assert answer.headers["Access-Control-Allow-Origin"] == origin["Origin"]
    assert "Access-Control-Allow-Credentials" not in answer.headers and answer.get_json()["total"] == 0
    preflight = client.options(
        "/api/v1/contact", headers={**origin, "Access-Control-Request-Method": "POST",
                                    "Access-Control-Request-Headers": "content-type"},
    )  # fmt: skip
    assert (
        preflight.status_code == 204
        and "authorization" not in preflight.headers["Access-Control-Allow-Headers"].lower()
    )
    other = client.get("/api/v1/search?q=factura", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    refused = client.options(
        "/api/v1/search", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    )
    assert refused.status_code == 405


def _signed_in(app, segments, **claims):
    import datetime as dt

    import jwt

    now = int(dt.datetime.now(dt.UTC).timestamp())
    token = jwt.encode({"iat": now, "exp": now + 120, "segments": segments, **claims}, SECRET, algorithm="HS256")
    browser = app.test_client()
    answer = browser.get(f"/access/jwt?jwt={token}&return_to=/search?q=trevanquil")
    assert answer.status_code == 303 and answer.headers["Location"] == "/search?q=trevanquil"
    return browser


def test_a_customer_of_the_segment_finds_its_article_and_others_do_not(app, client):
    """The segment checks above can fail: a signed-in "pro" customer finds the article by every path."""
    pro = _signed_in(app, ["pro"], name="Ana", email="ana@example.com")
    assert pro.get("/api/v1/search?q=trevanquil").get_json()["results"][0]["id"] == "es/clientes-pro/soporte-pro"
    assert pro.get("/api/v1/articles/es/clientes-pro/soporte-pro").status_code == 200
    page = pro.get("/articles/es/clientes-pro/soporte-pro")
    assert page.status_code == 200 and "private" in page.headers["Cache-Control"]
    assert "clientes-pro" in pro.get("/api/v1/categories?locale=es").get_data(as_text=True)
    assert pro.get("/api/v1/autocomplete?q=linea trev").get_json()["suggestions"]
    assert "trevanquil" in pro.get("/api/v1/contact/suggestions?q=trevanquil reembolsos").get_data(as_text=True)
    # Another segment, a token signed with another secret, an expired one, a forged cookie: nothing.
    partners = _signed_in(app, ["partners"])
    assert partners.get("/api/v1/search?q=trevanquil").get_json()["total"] == 0
    import jwt

    bad = jwt.encode({"iat": 1, "exp": 2, "segments": ["pro"]}, SECRET, algorithm="HS256")
    assert client.get(f"/access/jwt?jwt={bad}").status_code == 401
    forged = jwt.encode({"iat": 2**31, "exp": 2**31 + 60, "segments": ["pro"]}, "x" * 40, algorithm="HS256")
    assert client.get(f"/access/jwt?jwt={forged}").status_code == 401
    fresh = app.test_client()
    fresh.set_cookie("kb_customer", "eyJzIjpbInBybyJdfQ.forged.sig")
    assert fresh.get("/api/v1/search?q=trevanquil").get_json()["total"] == 0
    pro.get("/access/logout")
    assert pro.get("/api/v1/search?q=trevanquil").get_json()["total"] == 0
