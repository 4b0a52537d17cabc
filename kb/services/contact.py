"""Contact support, with deflection first: the request form's hand-off and what it deflected.

A customer's request is stored first (nothing is lost if the channel is down), then handed off by the
configured channel (``CONTACT_CHANNEL``):

- ``email``: to ``SUPPORT_EMAIL`` over SMTP (the guides' "dirección dedicada para recibir tickets"),
  with the customer's address as ``Reply-To`` so the help desk's e-mail channel answers them;
- ``webhook``: JSON POSTed to ``CONTACT_WEBHOOK_URL``, in kb's own shape or as a help desk's ticket
  API expects it: Zendesk's Requests API (``POST /api/v2/requests.json``,
  https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-requests/#create-request:
  ``{"request": {"requester": {"name", "email"}, "subject", "comment": {"body"}}}``) or Freshdesk's
  Create Ticket (``POST /api/v2/tickets``, https://developers.freshdesk.com/api/#create_ticket:
  ``{"name", "email", "subject", "description", "status": 2, "priority": 1, "source": 2}``).

Deflection is measured per form (a random ``form_id`` the page gets): suggestions shown, an article
opened from them, "Esto resolvió mi duda", or the request sent anyway. The deflection rate is the
share of forms that were shown suggestions and ended resolved rather than sent.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import smtplib
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from sqlalchemy import JSON, DateTime, Engine, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from indexer.errors import KbError
from kb.services.tables import Base

log = logging.getLogger(__name__)

EVENTS = ("shown", "opened", "resolved", "sent")
FORM_ID_CHARS = 32
TIMEOUT_SECONDS = 10


class ContactRequest(Base):
    __tablename__ = "contact_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    form_id: Mapped[str] = mapped_column(String(64), default="")
    locale: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    suggested: Mapped[list] = mapped_column(JSON, default=list)  # article ids shown before sending
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))  # sent | failed | link
    detail: Mapped[str] = mapped_column(Text, default="")  # why it failed (for the operator)


class DeflectionEvent(Base):
    __tablename__ = "deflection_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    form_id: Mapped[str] = mapped_column(String(64), index=True)
    event: Mapped[str] = mapped_column(String(16))
    article_id: Mapped[str] = mapped_column(String(400), default="")


class HandOffFailed(KbError, status=503, code="contact_unavailable"):
    """The request is stored but the channel (SMTP server, help desk) did not take it."""

    public_message = "your request is saved but could not be passed on to support yet; we will send it"


@dataclass(frozen=True, slots=True)
class Request:
    subject: str
    description: str
    email: str
    name: str = ""
    locale: str = "es"
    form_id: str = ""
    suggested: tuple[str, ...] = ()
    page: str = ""  # where the customer was (the widget's host page, or a help-center page)


@dataclass(frozen=True, slots=True)
class Sent:
    id: int
    channel: str
    status: str


@dataclass(frozen=True, slots=True)
class Deflection:
    forms: int  # forms that were shown suggestions
    opened: int  # ... and an article opened from them
    resolved: int  # ... and "this answered my question"
    sent: int  # ... and the request sent anyway
    requests: int  # every request sent (shown suggestions or not)
    rate: float | None  # resolved / (resolved + sent), of the forms shown suggestions


def new_form_id() -> str:
    return secrets.token_urlsafe(24)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def record_event(engine: Engine, form_id: str, event: str, article_id: str = "") -> None:
    if event not in EVENTS:
        raise ValueError(event)
    with Session(engine) as session, session.begin():
        session.add(DeflectionEvent(at=_now(), form_id=form_id[:64], event=event, article_id=article_id[:400]))


def deflection(engine: Engine, since: dt.datetime, until: dt.datetime | None = None) -> Deflection:
    """The contact form's deflection from ``since`` to ``until`` (per form, each event counted once)."""
    until = until or _now() + dt.timedelta(days=1)
    with Session(engine) as session:
        forms_by_event: dict[str, set[str]] = {e: set() for e in EVENTS}
        for event, form_id in session.execute(
            select(DeflectionEvent.event, DeflectionEvent.form_id).where(
                DeflectionEvent.at >= since, DeflectionEvent.at < until
            )
        ):
            forms_by_event.setdefault(event, set()).add(form_id)
        requests = session.scalar(
            select(func.count())
            .select_from(ContactRequest)
            .where(
                ContactRequest.at >= since, ContactRequest.at < until, ContactRequest.status != "link"
            )
        )
    shown = forms_by_event["shown"]
    opened = len(forms_by_event["opened"] & shown)
    resolved = forms_by_event["resolved"] & shown
    sent = (forms_by_event["sent"] & shown) - resolved
    decided = len(resolved) + len(sent)
    return Deflection(
        len(shown), opened, len(resolved), len(sent), int(requests or 0),
        round(len(resolved) / decided, 4) if decided else None,
    )  # fmt: skip


def submit(engine: Engine, request: Request, config: dict) -> Sent:
    """Store the request, then hand it off; ``HandOffFailed`` (stored, status failed) if the channel refuses."""
    channel = config["CONTACT_CHANNEL"]
    with Session(engine) as session, session.begin():
        row = ContactRequest(
            at=_now(), form_id=request.form_id[:64], locale=request.locale, name=request.name, email=request.email,
            subject=request.subject, description=request.description, suggested=list(request.suggested),
            channel=channel, status="pending", detail="",
        )  # fmt: skip
        session.add(row)
        session.flush()
        request_id = row.id
    status, detail = "sent", ""
    try:
        if channel == "email":
            _email(request, request_id, config)
        elif channel == "webhook":
            _webhook(request, request_id, config)
    except (OSError, smtplib.SMTPException, urllib.error.URLError, ValueError) as exc:
        status, detail = "failed", f"{type(exc).__name__}: {exc}"[:1000]
        log.error("contact request %s not handed off by %s: %s", request_id, channel, detail)
    with Session(engine) as session, session.begin():
        stored = session.get(ContactRequest, request_id)
        stored.status, stored.detail = status, detail
    if request.form_id:
        record_event(engine, request.form_id, "sent")
    if status == "failed":
        raise HandOffFailed(f"request {request_id} stored; {channel} failed: {detail}")
    return Sent(request_id, channel, status)


def _text_body(request: Request, request_id: int) -> str:
    lines = [
        request.description.strip(),
        "",
        "—",
        f"{request.name} <{request.email}>" if request.name else request.email,
    ]
    lines.append(f"kb request #{request_id} · {request.locale}" + (f" · {request.page}" if request.page else ""))
    if request.suggested:
        lines.append("Articles suggested before sending: " + ", ".join(request.suggested))
    return "\n".join(lines) + "\n"


def _email(request: Request, request_id: int, config: dict) -> None:
    message = EmailMessage()
    sender = config["MAIL_FROM"] or config["SUPPORT_EMAIL"]
    message["From"] = formataddr(("kb", sender))
    message["To"] = config["SUPPORT_EMAIL"]
    message["Reply-To"] = formataddr((request.name, request.email)) if request.name else request.email
    message["Subject"] = request.subject
    message["Message-ID"] = make_msgid("kb-contact")
    message["X-Kb-Request"] = str(request_id)
    message.set_content(_text_body(request, request_id))
    message["Content-Language"] = request.locale  # after set_content, which replaces the Content-* headers
    host, port = config["SMTP_HOST"], config["SMTP_PORT"]
    if port == 465:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
    with smtp:
        if config["SMTP_STARTTLS"] == "true":
            smtp.starttls(context=ssl.create_default_context())
        if config["SMTP_USER"]:
            smtp.login(config["SMTP_USER"], config["SMTP_PASSWORD"])
        smtp.send_message(message)


def webhook_body(request: Request, request_id: int, shape: str) -> dict:
    """The webhook's JSON in the shape the receiving help desk documents (see the module's docstring)."""
    if shape == "zendesk":
        requester = {"email": request.email, "locale": request.locale}
        if request.name:
            requester["name"] = request.name
        return {
            "request": {
                "requester": requester,
                "subject": request.subject,
                "comment": {"body": _text_body(request, request_id)},
                "tags": ["kb_contact_form"],
            }
        }
    if shape == "freshdesk":
        body = {
            "email": request.email,
            "subject": request.subject,
            "description": _html(_text_body(request, request_id)),
            "status": 2,  # Open
            "priority": 1,  # Low
            "source": 2,  # Portal
            "tags": ["kb_contact_form"],
        }
        if request.name:
            body["name"] = request.name
        return body
    return {
        "type": "kb.contact_request",
        "id": request_id,
        "subject": request.subject,
        "description": request.description,
        "email": request.email,
        "name": request.name,
        "locale": request.locale,
        "page": request.page,
        "suggested": list(request.suggested),
        "created_at": _now().isoformat(),
    }


def _html(text: str) -> str:
    from markupsafe import escape

    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n")).replace("\n", "<br>")


def _webhook(request: Request, request_id: int, config: dict) -> None:
    data = json.dumps(webhook_body(request, request_id, config["CONTACT_WEBHOOK_FORMAT"]), ensure_ascii=False)
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "kb-contact/1"}
    if config["CONTACT_WEBHOOK_AUTH"]:
        headers["Authorization"] = config["CONTACT_WEBHOOK_AUTH"]
    sent = urllib.request.Request(config["CONTACT_WEBHOOK_URL"], data=data.encode(), headers=headers, method="POST")
    with urllib.request.urlopen(sent, timeout=TIMEOUT_SECONDS) as answer:  # noqa: S310 - an operator's http(s) URL
        if not 200 <= answer.status < 300:
            raise ValueError(f"the webhook answered {answer.status}")
