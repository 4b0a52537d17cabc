"""Agent suggestions: the articles (and sections) that answer an incoming ticket.

The ticket is cleaned first (``kb.services.tickets``): the thread, greeting, signature and disclaimer
are not the question. What is left is matched like a search, by words and by meaning, among the
articles the asker may see (agents see internal ones).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.services import search as search_service
from kb.services.engine import Engine
from kb.services.tickets import CleanTicket, clean_ticket


@dataclass(frozen=True, slots=True)
class Suggestions:
    ticket: CleanTicket
    hits: list[search_service.SearchHit] = field(default_factory=list)
    language: str | None = None
    took_ms: float = 0.0


def suggest(
    engine: Engine,
    subject: str,
    body: str,
    *,
    locale: str | None = None,
    product: str | None = None,
    limit: int = 5,
    staff: bool = False,
    candidates: int = 100,
) -> Suggestions:
    """The ``limit`` articles that best answer the ticket, best first, each with its best section."""
    ticket = clean_ticket(subject, body)
    if not ticket.text:
        return Suggestions(ticket)
    found = search_service.search(
        engine,
        ticket.text,
        locale=locale,
        product=product,
        limit=limit,
        staff=staff,
        candidates=candidates,
    )
    return Suggestions(ticket, found.hits, found.language, found.took_ms)
