"""Internal, draft and archived articles never reach a customer, by any public path.

Each hidden article carries a word found nowhere else. Anonymously, every public path is asked for it:
searched (every mode, with a typo for did-you-mean, as a filter), autocompleted, suggested, fetched,
voted on, clicked, and looked for in the pages, facets, related articles and translations of a public
article. Zero hits. The same word is found with an agent's token, so each check can fail.
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
    "en/transfers-internal": (
        "vextrolium",
        "en/transfers-internal.md",
        "title: Receiving bank transfers, vextrolium notes\naudience: internal\nowner: ana\n"
        "translation_of: es/transferencias.md",
        "Internal vextrolium notes on bank transfers and refunds.",
    ),
}
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
}
WORDS = [word for word, *_ in HIDDEN.values()]


@pytest.fixture(scope="module")
def app(tmp_path_factory, encoder):
    built = KB(tmp_path_factory.mktemp("leaks"))
    for _, path, front, body in HIDDEN.values():
        built.write(path, front, body)
    for path, (front, body) in PUBLIC.items():
        built.write(path, front, body)
    built.build(encoder)
    return app_on(built, encoder, tmp_path_factory.mktemp("leaks-db") / "kb.sqlite3")


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
    return [w for w in WORDS + list(HIDDEN) + ["clavesecreta", "tesoreria-interna"] if w in lowered]


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
    assert client.get("/-/health", headers=agent).get_json()["articles"] == len(PUBLIC) + 2  # drafts stay out


def test_staff_do_find_the_internal_words(client, agent):
    """The checks above can fail: with an agent's token, the internal articles are there."""
    ticket = {"subject": "zorblatex", "body": "¿Cómo aplico el procedimiento zorblatex a una transferencia duplicada?"}
    body = client.post("/api/v1/suggest", json=ticket, headers=agent).get_json()
    assert body["suggestions"][0]["id"] == "es/interno"
    assert client.get("/api/v1/articles/es/interno", headers=agent).status_code in (200, 404)
