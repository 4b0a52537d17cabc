"""kb: the web service. ``create_app`` only wires settings, resources and blueprints together."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask

log = logging.getLogger(__name__)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    from kb import api, errors, settings
    from kb.services.engine import Engine

    app = Flask(__name__)
    values = settings.load(config)
    app.config.update(values)
    app.json.sort_keys = False  # keep the documented field order
    app.json.ensure_ascii = False
    engine = (config or {}).get("ENGINE") or Engine.from_settings(values)
    app.extensions["kb.engine"] = engine
    errors.init_app(app)
    app.register_blueprint(api.bp)
    return app
