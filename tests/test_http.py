"""A real HTTP server on loopback, as a help desk or a curl would call it."""

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kb import create_app
from kb.services.engine import Engine
from tests.conftest import serving


@pytest.fixture(scope="module")
def base_url(starter, encoder):
    app = create_app({**starter.settings, "ENGINE": Engine.from_settings(starter.settings, lambda: encoder)})
    with serving(app) as base:
        yield base


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.headers.get("Content-Type"), json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), json.loads(e.read())


def test_health_and_search_over_http(base_url):
    status, ctype, body = get(base_url + "/-/health")
    assert status == 200 and ctype.startswith("application/json") and body["status"] == "ok"
    q = urllib.parse.urlencode({"q": "cómo cobro con tarjeta", "limit": 3})
    status, _, body = get(f"{base_url}/api/v1/search?{q}")
    assert status == 200
    assert body["results"][0]["id"] in ("es/pagos/cobros-con-tarjeta", "en/payments/card-payments")


def test_errors_over_http_are_json(base_url):
    status, ctype, body = get(base_url + "/api/v1/search?q=x&limit=0")
    assert status == 400 and ctype.startswith("application/json")
    assert body["error"]["code"] == "invalid_parameter"
    status, _, body = get(base_url + "/api/v1/missing")
    assert status == 404 and body["error"]["code"] == "not_found"
