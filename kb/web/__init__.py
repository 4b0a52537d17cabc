"""kb's web layer: the JSON API, the help center, the agents' and owners' pages, sign-in and their
guards. ``create_app`` only wires settings, resources and blueprints together.

Modules split by audience (``api``, ``pages``, ``agent``, ``owners``, ``admin``, ``signin``, ``contact``,
``widget``); what
they share lives in ``deps`` (the engine, the database, a JSON body, a rendered page). Views ask
``kb.services``; none imports another view module or ``indexer``.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask

log = logging.getLogger(__name__)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    from kb import db as database
    from kb import settings
    from kb.services.engine import Engine
    from kb.web import (
        admin,
        agent,
        api,
        audit,
        contact,
        customers,
        deps,
        errors,
        headers,
        limits,
        owners,
        pages,
        seo,
        sessions,
        signin,
        theme,
        widget,
    )

    app = Flask(__name__)
    values = settings.load(config)
    app.config.update(values)
    app.json.sort_keys = False  # keep the documented field order
    app.json.ensure_ascii = False
    engine = (config or {}).get("ENGINE") or Engine.from_settings(values)
    app.extensions["kb.engine"] = engine
    app.config["MAX_CONTENT_LENGTH"] = values["MAX_BODY_BYTES"]  # larger request bodies get a 413
    database.init_app(app, values)
    audit.init_app(app)
    errors.init_app(app)
    widget.init_app(app)  # before headers: its CORS preflights are the only OPTIONS kb answers
    headers.init_app(app)
    sessions.init_app(app)
    customers.init_app(app)
    theme.init_app(app, values["THEME_DIR"])
    limits.init_app(app)
    deps.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(agent.bp)
    app.register_blueprint(owners.bp)
    app.register_blueprint(signin.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(seo.bp)
    contact.init_app(app)
    return app
