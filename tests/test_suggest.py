"""Agent suggestions over HTTP: /api/v1/suggest, the four help-desk webhooks, feedback and content gaps.

On the starter knowledge base with the real model and a real SQLite file. Each help desk's payload is
a real-shaped example in tests/fixtures/ (field names and nesting as its vendor documents them).
"""

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kb.services import suggestion_log, tokens
from kb.services.engine import Engine
from kb.services.integrations import PayloadError, freshdesk, jira, servicenow, zendesk
from tests.conftest import app_on

FIXTURES = Path(__file__).parent / "fixtures"
REFUNDS = "es/internas/reembolsos"  # audience: internal


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def app(starter, encoder, tmp_path_factory):
    return app_on(starter, encoder, tmp_path_factory.mktemp("suggest") / "kb.sqlite3")


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def agent(app):
    _, token = tokens.create_token(app.extensions["kb.db"], "agent", "tests")
    return {"Authorization": f"Bearer {token}"}


def _db(app):
    return app.extensions["kb.db"]


def _count(app, model, *where) -> int:
    with Session(_db(app)) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def _error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    if code:
        assert body["error"]["code"] == code
    return body


# -- each help desk's own payload -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system", "name", "ticket_id", "expected"),
    [
        ("zendesk", "zendesk_ticket_created.json", "35436", REFUNDS),
        ("freshdesk", "freshdesk_webhook.json", "4817", "es/app-movil/sincronizacion"),
        ("jira", "jira_issue_created.json", "SUP-218", "en/account/two-step-verification"),
        ("servicenow", "servicenow_incident.json", "INC0010023", "es/facturacion/factura-electronica-mexico-cfdi"),
    ],
)
def test_each_help_desk_gets_the_answering_article(app, client, agent, system, name, ticket_id, expected):
    r = client.post(f"/api/v1/integrations/{system}", json=fixture(name), headers=agent)
    assert r.status_code == 200, r.get_data(as_text=True)
    body = r.get_json()
    assert {"suggestion_id", "locale", "suggestions", "gap"} <= set(body)
    assert body["ticket_id"] == ticket_id
    top = body["suggestions"][0]
    assert top["id"] == expected
    assert set(top) >= {"id", "title", "url", "section", "snippet", "confidence", "reasons"}
    assert set(top["section"]) == {"heading", "anchor"}
    assert 0.0 <= top["confidence"] <= 1.0
    assert body["gap"] is (top["confidence"] < app.config["SUGGEST_MIN_CONFIDENCE"])
    codes = {reason["code"] for reason in top["reasons"]}
    assert {"matched_terms", "meaning"} <= codes
    assert all(reason["detail"] for reason in top["reasons"])
    stored = suggestion_log.get_suggestion(_db(app), body["suggestion_id"])
    assert stored.source == system and stored.external_id == ticket_id and stored.role == "agent"
    assert [s["id"] for s in stored.shown] == [s["id"] for s in body["suggestions"]]


def test_the_cleaned_away_parts_are_reported(client, agent):
    body = client.post("/api/v1/integrations/freshdesk", json=fixture("freshdesk_webhook.json"), headers=agent)
    removed = body.get_json()["removed"]
    assert {"html", "quoted_reply", "greeting", "sign_off"} <= set(removed)


def test_suggest_endpoint_answers_in_the_ticket_language_with_reasons(client, agent):
    r = client.post(
        "/api/v1/suggest",
        json={"subject": "No puedo entrar", "body": "Olvidé mi contraseña y el correo para cambiarla no llega."},
        headers=agent,
    )
    body = r.get_json()
    assert r.status_code == 200 and body["locale"] == "es"
    top = body["suggestions"][0]
    assert top["id"] == "es/cuenta/restablecer-contrasena"
    terms = next(reason for reason in top["reasons"] if reason["code"] == "matched_terms")
    assert "contraseña" in terms["terms"] and terms["detail"].startswith("Palabras del ticket en esta sección: «")
    meaning = next(reason for reason in top["reasons"] if reason["code"] == "meaning")
    assert 0 < meaning["similarity"] <= 1
    section = next(reason for reason in top["reasons"] if reason["code"] == "section")
    assert section["heading"] == top["section"]["heading"]


def test_agents_see_internal_articles_customers_never(client, agent):
    ticket = fixture("zendesk_ticket_created.json")["detail"]
    question = {"subject": ticket["subject"], "body": ticket["description"], "limit": 20}
    as_agent = client.post("/api/v1/suggest", json=question, headers=agent).get_json()
    assert as_agent["suggestions"][0]["id"] == REFUNDS
    as_customer = client.post("/api/v1/suggest", json=question).get_json()
    assert REFUNDS not in json.dumps(as_customer)
    for_the_customer = client.post("/api/v1/suggest", json={**question, "audience": "public"}, headers=agent)
    assert REFUNDS not in json.dumps(for_the_customer.get_json())
    _error(client.post("/api/v1/suggest", json={**question, "audience": "internal"}), 401, "unauthorized")


def test_a_question_at_the_end_of_a_long_ticket_is_found(starter, encoder):
    from kb.services.suggest import suggest

    engine = Engine.from_settings(starter.settings, lambda: encoder)
    chatter = (
        "Somos una empresa pequeña con doce personas repartidas en dos oficinas. "
        "Soy cliente desde hace unos tres años y normalmente todo funciona bien. "
        "Mi jefe me pidió que abriera un ticket para que quede registrado. "
        "Que yo sepa no cambiamos nada por nuestra parte. "
    ) * 6
    question = "No me llega el correo para restablecer la contraseña."
    found = suggest(engine, "", chatter + question, staff=True)
    assert question in found.read and len(found.read) < len(found.ticket.text) / 3
    assert "es/cuenta/restablecer-contrasena" in [h.id for h in found.hits[:3]]


@pytest.mark.parametrize("precision", ["int8", "float32"])
def test_tickets_are_read_at_the_set_precision_and_searches_in_float32(starter, encoder, precision):
    from kb.services.search import search
    from kb.services.suggest import suggest

    asked: list[str] = []

    class Recording:
        def __getattr__(self, name):
            return getattr(encoder, name)

        def encode_queries(self, texts, precision="float32"):
            asked.append(precision)
            return encoder.encode_queries(texts, precision)

    settings = {**starter.settings, "SUGGEST_PRECISION": precision}
    engine = Engine.from_settings(settings, lambda: Recording())
    found = suggest(engine, "Contraseña", "No me llega el correo para restablecer la contraseña.", staff=True)
    assert asked == [precision] and found.hits[0].id == "es/cuenta/restablecer-contrasena"
    search(engine, "restablecer contraseña")
    assert asked == [precision, "float32"]


# -- feedback and content gaps ----------------------------------------------------------------------------


def test_feedback_is_stored_with_the_suggestion_and_counted(app, client, agent):
    body = client.post("/api/v1/integrations/jira", json=fixture("jira_issue_created.json"), headers=agent).get_json()
    sid, first = body["suggestion_id"], body["suggestions"][0]["id"]
    shown = [s["id"] for s in body["suggestions"]]
    # The agent marks a second article: the next suggestion if one was sure enough to show, else one kb
    # did not suggest (recorded without a position).
    second = shown[1] if len(shown) > 1 else "es/cuenta/verificacion-en-dos-pasos"
    before = suggestion_log.outcome_counts(_db(app), first)
    r = client.post(f"/api/v1/suggestions/{sid}/feedback", json={"article_id": first, "outcome": "used"}, headers=agent)
    assert r.status_code == 201
    assert r.get_json()["counts"]["used"] == before.used + 1
    r = client.post(
        f"/api/v1/suggestions/{sid}/feedback", json={"article_id": second, "outcome": "not_relevant"}, headers=agent
    )
    assert r.status_code == 201 and r.get_json()["counts"]["not_relevant"] >= 1
    rows = _count(app, suggestion_log.SuggestionFeedback, suggestion_log.SuggestionFeedback.suggestion_id == sid)
    assert rows == 2
    with Session(_db(app)) as session:
        positions = session.scalars(
            select(suggestion_log.SuggestionFeedback.position).where(
                suggestion_log.SuggestionFeedback.suggestion_id == sid
            )
        ).all()
    assert positions[0] == 1 and positions[1] == (2 if len(shown) > 1 else None)


def test_feedback_refuses_what_it_cannot_store(client, agent):
    body = client.post("/api/v1/suggest", json={"body": "olvidé mi contraseña"}, headers=agent).get_json()
    url = f"/api/v1/suggestions/{body['suggestion_id']}/feedback"
    article = body["suggestions"][0]["id"]
    _error(client.post(url, json={"article_id": article, "outcome": "used"}), 401, "unauthorized")
    _error(client.post(url, json={"article_id": article, "outcome": "loved"}, headers=agent), 400, "invalid_body")
    # Well formed, naming no article: 404, as a GET of it would be (the document allows the body).
    _error(client.post(url, json={"article_id": "no/such", "outcome": "used"}, headers=agent), 404, "not_found")
    _error(client.post(url, json={"article_id": article}, headers=agent), 400, "invalid_body")
    _error(client.post(url, json={"article_id": article, "outcome": "used", "x": 1}, headers=agent), 400)
    missing = "/api/v1/suggestions/sug_nope/feedback"
    _error(client.post(missing, json={"article_id": article, "outcome": "used"}, headers=agent), 404, "not_found")


def test_customers_may_answer_their_own_suggestions_but_not_name_internal_articles(client):
    body = client.post("/api/v1/suggest", json={"body": "olvidé mi contraseña"}).get_json()
    url = f"/api/v1/suggestions/{body['suggestion_id']}/feedback"
    r = client.post(url, json={"article_id": body["suggestions"][0]["id"], "outcome": "helpful"})
    assert r.status_code == 201
    _error(client.post(url, json={"article_id": REFUNDS, "outcome": "helpful"}), 404, "not_found")


def test_an_unanswerable_ticket_is_a_content_gap(app, client, agent):
    text = "¿Qué vacunas necesita un gato siamés antes de viajar en avión a Canarias?"
    before = _count(app, suggestion_log.ContentGap)
    body = client.post("/api/v1/suggest", json={"subject": "Viaje con mi gato", "body": text}, headers=agent).get_json()
    assert body["gap"] is True
    assert all(s["confidence"] < app.config["SUGGEST_MIN_CONFIDENCE"] for s in body["suggestions"])
    assert _count(app, suggestion_log.ContentGap) == before + 1
    gap = suggestion_log.content_gaps(_db(app), limit=1)[0]
    assert gap.suggestion_id == body["suggestion_id"] and text in gap.text and gap.kind == "ticket"


def test_the_threshold_is_a_setting(starter, encoder, tmp_path):
    app = app_on(starter, encoder, tmp_path / "kb.sqlite3", SUGGEST_MIN_CONFIDENCE=0)
    body = app.test_client().post("/api/v1/suggest", json={"body": "¿Qué vacunas necesita un gato siamés?"})
    assert body.get_json()["gap"] is False
    assert _count(app, suggestion_log.ContentGap) == 0


# -- tokens and malformed input: the JSON error shape, never a 500 ----------------------------------------


def test_integrations_need_a_live_agent_token(app, client, agent):
    payload = fixture("zendesk_ticket_created.json")
    r = client.post("/api/v1/integrations/zendesk", json=payload)
    _error(r, 401, "unauthorized")
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    for header in ("Bearer kb_wrong", "Bearer", "Basic dXNlcjpwYXNz", "kb_" + "x" * 50, "Bearer " + "k" * 5000):
        _error(client.post("/api/v1/integrations/zendesk", json=payload, headers={"Authorization": header}), 401)
    info, token = tokens.create_token(_db(app), "agent", "to revoke")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.post("/api/v1/integrations/zendesk", json=payload, headers=headers).status_code == 200
    tokens.revoke_token(_db(app), info.id)
    _error(client.post("/api/v1/integrations/zendesk", json=payload, headers=headers), 401, "unauthorized")
    _error(client.post("/api/v1/suggest", json={"body": "contraseña"}, headers=headers), 401, "unauthorized")


@pytest.mark.parametrize("system", ["zendesk", "freshdesk", "jira", "servicenow"])
def test_malformed_payloads_get_400_or_413(client, agent, system):
    url = f"/api/v1/integrations/{system}"
    send = {"headers": {**agent, "Content-Type": "application/json"}}
    _error(client.post(url, data="{not json", **send), 400, "invalid_json")
    _error(client.post(url, data="", **send), 400)
    _error(client.post(url, data="[1, 2]", **send), 400, "invalid_body")
    _error(client.post(url, data="{}", **send), 400, "invalid_payload")
    _error(client.post(url, data=json.dumps({"ticket": "a string"}), **send), 400)
    _error(client.post(url, data=json.dumps({"issue": {"fields": {"summary": 5}}}), **send), 400)
    _error(client.post(url, data="x" * (5 * 1024 * 1024), **send), 413)
    _error(client.post(url + "?limit=0", json=fixture("zendesk_ticket_created.json"), headers=agent), 400)
    _error(client.post(url + "?colour=red", json=fixture("zendesk_ticket_created.json"), headers=agent), 400)


def test_wrong_types_and_missing_fields_on_suggest(client, agent):
    url = "/api/v1/suggest"
    for body, status in (
        ({}, 400),
        ({"subject": "", "body": "   "}, 400),
        ({"subject": 5}, 400),
        ({"body": ["a"]}, 400),
        ({"body": "contraseña", "limit": "3"}, 400),
        ({"body": "contraseña", "limit": 0}, 400),
        ({"body": "contraseña", "limit": True}, 400),
        ({"body": "contraseña", "locale": "fr"}, 400),
        ({"body": "contraseña", "locale": 3}, 400),
        ({"body": "contraseña", "audience": "everyone"}, 400),
        ({"body": "contraseña", "product": {"a": 1}}, 400),
        ({"body": "contraseña", "ticket_id": [1]}, 400),
        ({"body": "contraseña", "unknown": 1}, 400),
        ({"body": "x" * 300_000}, 413),
    ):
        _error(client.post(url, json=body, headers=agent), status)
    _error(client.post(url, data="x" * (5 * 1024 * 1024), headers={**agent, "Content-Type": "application/json"}), 413)
    _error(client.get(url), 405)
    _error(client.post("/api/v1/integrations/hubspot", json={}, headers=agent), 404, "not_found")


def test_the_console_page_is_a_shell_without_data(client):
    r = client.get("/agent")
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
    page = r.get_data(as_text=True)
    assert 'id="signin"' in page and "agent.js" in page
    assert REFUNDS not in page


# -- the adapters as pure functions -----------------------------------------------------------------------


def test_adapters_read_each_vendor_shape():
    z = zendesk({"ticket": {"id": 7, "title": "Factura", "description": "No llega"}})
    assert (z.subject, z.body, z.external_id) == ("Factura", "No llega", "7")
    f = freshdesk({"freshdesk_webhook": {"ticket_id": 3, "ticket_subject": "Hola", "ticket_description": "<p>x</p>"}})
    assert (f.subject, f.external_id) == ("Hola", "3")
    wiki = jira(
        {"issue": {"key": "S-1", "fields": {"summary": "PDF", "description": "h2. Pasos\n[el enlace|http://x]"}}}
    )
    assert wiki.body == "Pasos\nel enlace" and wiki.external_id == "S-1"
    s = servicenow({"number": "INC1", "short_description": {"display_value": "VPN"}, "description": "caída"})
    assert (s.subject, s.body, s.external_id) == ("VPN", "caída", "INC1")
    deep: dict = {"type": "text", "text": "x"}
    for _ in range(80):
        deep = {"type": "paragraph", "content": [deep]}
    for adapter, payload in (
        (zendesk, {"type": "zen:event-type:ticket.created", "detail": []}),
        (freshdesk, {"freshdesk_webhook": {"ticket_subject": None, "ticket_description": None}}),
        (jira, {"issue": {"fields": {"summary": "a", "description": 7}}}),
        (servicenow, {"result": "INC1"}),
        (jira, {"issue": {"fields": {"summary": "a", "description": deep}}}),
    ):
        with pytest.raises(PayloadError):
            adapter(payload)


def test_a_help_desk_over_real_http(app, agent):
    import urllib.error
    import urllib.request

    from tests.conftest import serving

    def post(url, data: bytes, headers: dict):
        request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **headers})
        try:
            with urllib.request.urlopen(request, timeout=60) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    with serving(app) as base:
        payload = (FIXTURES / "servicenow_incident.json").read_bytes()
        status, body = post(base + "/api/v1/integrations/servicenow", payload, agent)
        assert status == 200 and body["ticket_id"] == "INC0010023"
        assert body["suggestions"][0]["id"] == "es/facturacion/factura-electronica-mexico-cfdi"
        status, body = post(base + "/api/v1/integrations/servicenow", payload, {"Authorization": "Bearer kb_nope"})
        assert status == 401 and body["error"]["code"] == "unauthorized"
        status, body = post(base + "/api/v1/integrations/servicenow", b"x" * (5 * 1024 * 1024), agent)
        assert status == 413 and set(body) == {"error"}
