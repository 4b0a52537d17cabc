"""kb: a docs-as-code knowledge base. ``indexer`` builds the index; ``kb.services`` answer from it;
``kb.web`` (Flask) and ``kb.cli`` (the ``kb`` command) serve them."""

from __future__ import annotations

from typing import Any


def create_app(config: dict[str, Any] | None = None):
    """The Flask app (``kb.web.create_app``), reachable as ``kb:create_app`` for WSGI servers; importing
    ``kb`` alone (its settings, say) loads no web framework."""
    from kb.web import create_app as web_app

    return web_app(config)
