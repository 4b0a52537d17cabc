"""Contact support, with deflection first: the request reaches a real SMTP server (aiosmtpd on loopback)
or a real HTTP server playing a help desk's ticket API, in the shapes Zendesk's Requests API and
Freshdesk's Create Ticket document; nothing is lost when the channel is down; deflection is counted."""

import datetime as dt
import json
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from kb.services import contact
from tests.conftest import app_on, free_port


class _Inbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, inbox
    controller.stop()


class _HelpDesk(BaseHTTPRequestHandler):
    received: list = []
    status = 201

    def do_POST(self):  # noqa: N802 - http.server's hook name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.path, dict(self.headers), json.loads(body)))
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"request": {"id": 1}}')

    def log_message(self, *args):
        pass


@pytest.fixture
def helpdesk():
    _HelpDesk.received, _HelpDesk.status = [], 201
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HelpDesk)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _HelpDesk
    server.shutdown()


REQUEST = {
    "subject": "No me llega el correo de la factura",
    "description": "Envié la factura 2026-0042 a mi cliente ayer y dice que no la ha recibido.",
    "email": "marta@cliente.example",
    "name": "Marta López",
    "locale": "es",
}


def test_a_request_is_mailed_to_the_support_address(starter, encoder, tmp_path, smtp):
    port, inbox = smtp
    app = app_on(
        starter, encoder, tmp_path / "kb.sqlite3", CONTACT_CHANNEL="email", SUPPORT_EMAIL="soporte@facturo.example",
        MAIL_FROM="kb@facturo.example", SMTP_HOST="127.0.0.1", SMTP_PORT=port,
    )  # fmt: skip
    client = app.test_client()
    shown = client.get("/api/v1/contact/suggestions?q=no me llega el correo de la factura&locale=es")
    suggested = shown.get_json()
    shown.close()  # the "shown" event is recorded once the answer is sent
    assert suggested["suggestions"][0]["id"] == "es/problemas/correo-factura-no-llega"
    named = [suggested["suggestions"][0]["id"], "es/internas/reembolsos"]
    answer = client.post("/api/v1/contact", json={**REQUEST, "form_id": suggested["form_id"], "suggested": named})
    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json()["channel"] == "email" and answer.get_json()["status"] == "sent"
    ((sender, recipients, raw),) = inbox.messages
    assert sender == "kb@facturo.example" and recipients == ["soporte@facturo.example"]
    mail = message_from_bytes(raw, policy=policy.default)
    assert mail["Subject"] == REQUEST["subject"] and mail["Reply-To"] == "Marta López <marta@cliente.example>"
    text = mail.get_content()
    assert REQUEST["description"] in text and "es/problemas/correo-factura-no-llega" in text
    assert "reembolsos" not in text  # an internal article a customer cannot see is never named to support
    counted = contact.deflection(app.extensions["kb.db"], dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    assert (counted.forms, counted.sent, counted.resolved, counted.requests) == (1, 1, 0, 1)


@pytest.mark.parametrize("shape", ["zendesk", "freshdesk", "kb"])
def test_a_request_goes_to_a_help_desk_in_its_documented_shape(starter, encoder, tmp_path, helpdesk, shape):
    url, desk = helpdesk
    app = app_on(
        starter, encoder, tmp_path / "kb.sqlite3", CONTACT_CHANNEL="webhook", CONTACT_WEBHOOK_URL=f"{url}/api/v2/x",
        CONTACT_WEBHOOK_FORMAT=shape, CONTACT_WEBHOOK_AUTH="Basic YWdlbnRAZXhhbXBsZS5jb20vdG9rZW46YWJj",
    )  # fmt: skip
    assert app.test_client().post("/api/v1/contact", json=REQUEST).status_code == 201
    ((path, headers, body),) = desk.received
    assert path == "/api/v2/x" and headers["Authorization"].startswith("Basic ")
    assert headers["Content-Type"].startswith("application/json")
    if shape == "zendesk":  # POST /api/v2/requests.json: an anonymous request
        assert body["request"]["requester"] == {"name": "Marta López", "email": "marta@cliente.example", "locale": "es"}
        assert body["request"]["subject"] == REQUEST["subject"]
        assert REQUEST["description"] in body["request"]["comment"]["body"]
    elif shape == "freshdesk":  # POST /api/v2/tickets: status 2 (Open), priority 1 (Low), source 2 (Portal)
        assert (body["email"], body["name"], body["status"], body["priority"], body["source"]) == (
            "marta@cliente.example", "Marta López", 2, 1, 2
        )  # fmt: skip
        assert body["description"].startswith("<p>") and "2026-0042" in body["description"]
    else:
        assert body["type"] == "kb.contact_request" and body["description"] == REQUEST["description"]


def test_nothing_is_lost_when_the_help_desk_is_down(starter, encoder, tmp_path, helpdesk):
    url, desk = helpdesk
    desk.status = 500
    app = app_on(starter, encoder, tmp_path / "kb.sqlite3", CONTACT_CHANNEL="webhook", CONTACT_WEBHOOK_URL=url)
    answer = app.test_client().post("/api/v1/contact", json=REQUEST)
    assert answer.status_code == 503 and answer.get_json()["error"]["code"] == "contact_unavailable"
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    with Session(app.extensions["kb.db"]) as session:
        (row,) = session.scalars(select(contact.ContactRequest)).all()
    assert row.status == "failed" and row.description == REQUEST["description"] and "500" in row.detail


@pytest.mark.parametrize(
    ("change", "field"),
    [({"email": "not-an-address"}, "email"), ({"subject": "   "}, "subject"), ({"description": ""}, "description"),
     ({"name": "a\nBcc: x@y.z"}, "name"), ({"extra": 1}, "extra")],
)  # fmt: skip
def test_a_bad_request_is_refused_in_the_one_error_shape(starter, encoder, tmp_path, change, field):
    app = app_on(
        starter, encoder, tmp_path / "kb.sqlite3", CONTACT_CHANNEL="webhook", CONTACT_WEBHOOK_URL="http://127.0.0.1:9/"
    )
    answer = app.test_client().post("/api/v1/contact", json={**REQUEST, **change})
    assert answer.status_code == 400 and field in answer.get_json()["error"]["message"]


def test_deflection_counts_what_answered_and_what_was_sent_anyway(starter, encoder, tmp_path, helpdesk):
    url, _ = helpdesk
    app = app_on(starter, encoder, tmp_path / "kb.sqlite3", CONTACT_CHANNEL="webhook", CONTACT_WEBHOOK_URL=url)
    client = app.test_client()
    forms = []
    for _ in range(3):
        answer = client.get("/api/v1/contact/suggestions?q=olvidé mi contraseña&locale=es")
        forms.append(answer.get_json())
        answer.close()
    article = forms[0]["suggestions"][0]["id"]
    for form in forms[:2]:
        opened = {"form_id": form["form_id"], "event": "opened", "article_id": article}
        assert client.post("/api/v1/contact/events", json=opened).status_code == 201
    client.post(
        "/api/v1/contact/events", json={"form_id": forms[0]["form_id"], "event": "resolved", "article_id": article}
    )
    client.post("/api/v1/contact", json={**REQUEST, "form_id": forms[1]["form_id"]})
    client.post("/api/v1/contact", json={**REQUEST, "form_id": forms[2]["form_id"]})
    counted = contact.deflection(app.extensions["kb.db"], dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    assert (counted.forms, counted.opened, counted.resolved, counted.sent) == (3, 2, 1, 2)
    assert counted.rate == pytest.approx(1 / 3, abs=1e-3)
    internal = {"form_id": forms[0]["form_id"], "event": "opened", "article_id": "es/internas/reembolsos"}
    assert client.post("/api/v1/contact/events", json=internal).status_code == 404


def test_the_contact_page_works_without_javascript_and_is_off_without_a_channel(starter, encoder, tmp_path, helpdesk):
    url, desk = helpdesk
    app = app_on(starter, encoder, tmp_path / "kb.sqlite3", CONTACT_CHANNEL="webhook", CONTACT_WEBHOOK_URL=url)
    client = app.test_client()
    page = client.get("/contact?lang=es").get_data(as_text=True)
    assert 'name="form_id"' in page and "Contacta con soporte" in page
    sent = client.post("/contact?lang=es", data={k: v for k, v in REQUEST.items() if k != "locale"})
    assert sent.status_code == 201 and "Hemos recibido tu solicitud" in sent.get_data(as_text=True)
    assert len(desk.received) == 1
    bad = client.post("/contact?lang=es", data={**REQUEST, "email": "x"})
    assert bad.status_code == 400 and 'value="No me llega el correo de la factura"' in bad.get_data(as_text=True)
    assert 'href="/contact"' in client.get("/search?q=receta+de+paella&lang=es").get_data(as_text=True)
    off = app_on(starter, encoder, tmp_path / "off.sqlite3")
    assert off.test_client().get("/contact").status_code == 404
    assert off.test_client().post("/api/v1/contact", json=REQUEST).status_code == 404
    assert 'href="/contact"' not in off.test_client().get("/?lang=es").get_data(as_text=True)
