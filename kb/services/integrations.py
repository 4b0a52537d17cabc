"""Ticket-system payloads -> the ticket kb suggests for: subject, body and the ticket's id there.

Each help desk sends a new ticket in its own shape, as its vendor documents it:

- **Zendesk**: an event webhook (``"type": "zen:event-type:ticket.created"``, the ticket in
  ``detail``), or a trigger webhook whose JSON body holds a ``ticket`` object (``id``, ``subject`` or
  ``title``, ``description``), as built from Zendesk's ``{{ticket.*}}`` placeholders.
- **Freshdesk**: an automation rule's "Trigger webhook" with the ``freshdesk_webhook`` object
  (``ticket_id``, ``ticket_subject``, ``ticket_description``; the description is HTML).
- **Jira Service Management**: the ``jira:issue_created`` webhook (``issue.key``,
  ``issue.fields.summary``, ``issue.fields.description`` as wiki text or as an Atlassian Document
  Format tree).
- **ServiceNow**: an outbound REST message or business rule posting the incident record
  (``sys_id``, ``number``, ``short_description``, ``description``), bare or as the Table API's
  ``{"result": {...}}``; a field may be ``{"value", "display_value"}``.

Pure functions: a payload in, a ``TicketInput`` out, or a ``PayloadError`` saying what is missing;
``max_body`` is the longest description taken (the MAX_TICKET_CHARS setting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.errors import KbError

MAX_SUBJECT_CHARS = 1000
MAX_BODY_CHARS = 200_000


class PayloadError(KbError, ValueError, code="invalid_body"):
    """The payload is not a new ticket of that system: the sentence says what is wrong."""


class PayloadTooLarge(PayloadError, status=413, code="ticket_too_large"):
    """A field is longer than kb takes."""


@dataclass(frozen=True, slots=True)
class TicketInput:
    subject: str
    body: str
    external_id: str | None = None


def _object(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise PayloadError(f"{where} must be a JSON object")
    return value


def _text(value, where: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PayloadError(f"{where} must be text")
    if len(value) > limit:
        raise PayloadTooLarge(f"{where} is longer than {limit:,} characters")
    return value


def _id(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("value", value.get("display_value"))
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | str) and str(value).strip():
        return str(value).strip()[:200]
    return None


def plain(payload: dict, max_body: int = MAX_BODY_CHARS) -> TicketInput:
    """kb's own shape (``POST /api/v1/suggest``): ``subject``, ``body``, ``ticket_id``."""
    ticket_id = payload.get("ticket_id")
    if ticket_id is not None and (not isinstance(ticket_id, int | str) or isinstance(ticket_id, bool)):
        raise PayloadError("ticket_id must be text or a number")
    return ticket(
        _text(payload.get("subject"), "subject", MAX_SUBJECT_CHARS),
        _text(payload.get("body"), "body", max_body),
        _id(ticket_id),
    )


def ticket(subject: str, body: str, external_id: str | None) -> TicketInput:
    if not subject.strip() and not body.strip():
        raise PayloadError("the ticket has neither a subject nor a description")
    return TicketInput(subject, body, external_id)


def zendesk(payload: dict, max_body: int = MAX_BODY_CHARS) -> TicketInput:
    if "detail" in payload and str(payload.get("type", "")).startswith("zen:event-type:ticket"):
        detail = _object(payload["detail"], "detail")
        return ticket(
            _text(detail.get("subject"), "detail.subject", MAX_SUBJECT_CHARS),
            _text(detail.get("description"), "detail.description", max_body),
            _id(detail.get("id")),
        )
    if "ticket" in payload:
        t = _object(payload["ticket"], "ticket")
        subject = t.get("subject", t.get("title"))
        body = t.get("description")
        if body is None and isinstance(t.get("comment"), dict):
            body = t["comment"].get("body")
        return ticket(
            _text(subject, "ticket.subject", MAX_SUBJECT_CHARS),
            _text(body, "ticket.description", max_body),
            _id(t.get("id")),
        )
    raise PayloadError('expected a Zendesk ticket event ("type": "zen:event-type:ticket.created") or a "ticket" object')


def freshdesk(payload: dict, max_body: int = MAX_BODY_CHARS) -> TicketInput:
    if "freshdesk_webhook" in payload:
        t = _object(payload["freshdesk_webhook"], "freshdesk_webhook")
        prefix = "ticket_"
    elif "ticket" in payload:
        t = _object(payload["ticket"], "ticket")
        prefix = ""
    else:
        raise PayloadError('expected a Freshdesk webhook with a "freshdesk_webhook" (or "ticket") object')
    body = t.get(f"{prefix}description", t.get(f"{prefix}description_text"))
    return ticket(
        _text(t.get(f"{prefix}subject"), f"{prefix}subject", MAX_SUBJECT_CHARS),
        _text(body, f"{prefix}description", max_body),
        _id(t.get(f"{prefix}id")),
    )


def _adf_text(node, out: list[str], depth: int = 0) -> None:
    """The text of an Atlassian Document Format tree, one line per block."""
    if depth > 50:
        raise PayloadError("issue.fields.description is nested too deeply")
    if isinstance(node, dict):
        if node.get("type") == "text" and isinstance(node.get("text"), str):
            out.append(node["text"])
        elif node.get("type") == "hardBreak":
            out.append("\n")
        for child in node.get("content") or ():
            _adf_text(child, out, depth + 1)
        if node.get("type") in ("paragraph", "heading", "listItem", "codeBlock", "blockquote", "tableRow"):
            out.append("\n")
    elif isinstance(node, list):
        for child in node:
            _adf_text(child, out, depth + 1)


# Classes exclude the opening bracket too: "[" or "{code:" repeated 40,000 times scans in linear time.
_WIKI_MARKUP = re.compile(r"\{(?:code|noformat|quote|panel|color)(?::[^{}]*)?\}|^h[1-6]\.[ \t]*", re.M)
_WIKI_LINK = re.compile(r"\[([^|\[\]]+)\|[^\[\]]+\]")


def jira(payload: dict, max_body: int = MAX_BODY_CHARS) -> TicketInput:
    if "issue" not in payload:
        raise PayloadError('expected a Jira issue webhook ("webhookEvent": "jira:issue_created") with an "issue"')
    issue = _object(payload["issue"], "issue")
    fields = _object(issue.get("fields"), "issue.fields")
    description = fields.get("description")
    if isinstance(description, dict | list):
        parts: list[str] = []
        _adf_text(description, parts)
        description = "".join(parts)
    body = _text(description, "issue.fields.description", max_body)
    body = _WIKI_LINK.sub(r"\1", _WIKI_MARKUP.sub("", body))
    return ticket(
        _text(fields.get("summary"), "issue.fields.summary", MAX_SUBJECT_CHARS),
        body,
        _id(issue.get("key")) or _id(issue.get("id")),
    )


def servicenow(payload: dict, max_body: int = MAX_BODY_CHARS) -> TicketInput:
    record = payload.get("result", payload)
    if isinstance(record, list) and len(record) == 1:
        record = record[0]
    record = _object(record, "result")
    if "short_description" not in record and "description" not in record:
        raise PayloadError('expected a ServiceNow record with "short_description" and "description"')

    def field(name: str):  # a field read with sysparm_display_value is {"value", "display_value"}
        value = record.get(name)
        if isinstance(value, dict) and ("display_value" in value or "value" in value):
            return value.get("display_value", value.get("value"))
        return value

    return ticket(
        _text(field("short_description"), "short_description", MAX_SUBJECT_CHARS),
        _text(field("description"), "description", max_body),
        _id(record.get("number")) or _id(record.get("sys_id")),
    )


ADAPTERS = {"zendesk": zendesk, "freshdesk": freshdesk, "jira": jira, "servicenow": servicenow}
