"""The Flask app: health, search, the one error shape, and what customers may see."""

import pytest

from kb import create_app
from kb.services.engine import Engine


@pytest.fixture(scope="module")
def client(starter, encoder):
    app = create_app({**starter.settings, "ENGINE": Engine.from_settings(starter.settings, lambda: encoder)})
    return app.test_client()


def test_health(client, starter):
    body = client.get("/-/health").get_json()
    assert body["status"] == "ok"
    # A customer's count: the starter's 39 public articles (its 7 internal ones are for staff only).
    assert body["articles"] == 39 and body["chunks"] >= body["articles"]
    assert body["build"] and len(body) == 4


def test_health_before_any_build(tmp_path, encoder):
    app = create_app(
        {
            "ARTICLES_DIR": str(tmp_path),
            "DATA_DIR": str(tmp_path / "d"),
            "ENGINE": Engine(tmp_path / "d", lambda: encoder),
        }
    )
    c = app.test_client()
    assert c.get("/-/health").get_json() == {"status": "ok", "build": None, "articles": 0, "chunks": 0}
    r = c.get("/api/v1/search?q=factura")
    assert r.status_code == 503 and r.get_json()["error"]["code"] == "no_index"


def test_search_finds_the_right_section(client):
    body = client.get("/api/v1/search?q=no me llega el correo para cambiar la contraseña&locale=es").get_json()
    top = body["results"][0]
    assert top["id"] == "es/cuenta/restablecer-contrasena"
    assert top["section"]["anchor"] == "no-recibes-el-correo"
    assert top["url"] == "/articles/es/cuenta/restablecer-contrasena#no-recibes-el-correo"
    assert set(top) == {"id", "title", "url", "locale", "updated", "section", "snippet", "score", "audience"}
    assert body["total"] >= 1 and body["took_ms"] > 0


def test_english_query_finds_english_article(client):
    body = client.get("/api/v1/search?q=customer never got the invoice email&locale=en").get_json()
    assert body["results"][0]["id"] == "en/troubleshooting/invoice-email-not-delivered"


def test_customers_never_see_internal_draft_or_archived(client):
    for query in (
        "política de reembolsos límite de aprobación",
        "editor de plantillas borrador",
        "modo sin conexión versión 4",
    ):
        for mode in ("hybrid", "lexical", "semantic"):
            ids = [r["id"] for r in client.get(f"/api/v1/search?q={query}&mode={mode}&limit=50").get_json()["results"]]
            assert "es/internas/reembolsos" not in ids
            assert "es/facturacion/plantillas-personalizar" not in ids
            assert "es/app-movil/modo-sin-conexion" not in ids


@pytest.mark.parametrize(
    "url,status,code",
    [
        ("/api/v1/search", 400, "missing_query"),
        ("/api/v1/search?q=%20%20", 400, "missing_query"),
        ("/api/v1/search?q=" + "a" * 10_000, 400, "query_too_long"),
        ("/api/v1/search?q=x&limit=-1", 400, "invalid_parameter"),
        ("/api/v1/search?q=x&limit=abc", 400, "invalid_parameter"),
        ("/api/v1/search?q=x&offset=-5", 400, "invalid_parameter"),
        ("/api/v1/search?q=x&mode=fuzzy", 400, "invalid_parameter"),
        ("/api/v1/search?q=x&locale=fr", 400, "invalid_parameter"),
        ("/api/v1/no/such/endpoint", 404, "not_found"),
    ],
)
def test_bad_input_gets_the_error_shape(client, url, status, code):
    r = client.get(url)
    assert r.status_code == status
    assert r.get_json() == {"error": {"code": code, "message": r.get_json()["error"]["message"]}}
    assert r.get_json()["error"]["message"]


def test_wrong_method_gets_the_error_shape(client):
    r = client.post("/api/v1/search?q=x")
    assert r.status_code == 405 and r.get_json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize("q", ["\u0000\u202e¿?", "😀 factura", "' OR 1=1 --", "(((", '"', "AND OR NOT", "*"])
def test_odd_queries_never_500(client, q):
    r = client.get("/api/v1/search", query_string={"q": q})
    assert r.status_code in (200, 400)
    assert "error" in r.get_json() or "results" in r.get_json()
