"""Rate limits on the public endpoints: 429 in the JSON error shape, per client, staff exempt."""

import pytest

from kb.services import tokens
from kb.web.limits import Buckets
from tests.conftest import app_on

ARTICLE = "es/cuenta/restablecer-contrasena"


def test_a_bucket_refills_at_its_rate():
    bucket = Buckets(per_minute=60)  # one a second
    assert [bucket.take("a", now=100.0) for _ in range(60)] == [0.0] * 60
    assert bucket.take("a", now=100.0) == pytest.approx(1.0)
    assert bucket.take("a", now=100.5) == pytest.approx(0.5)
    assert bucket.take("a", now=101.6) == 0.0  # 1.1 tokens back, one spent
    assert bucket.take("b", now=101.6) == 0.0  # another client has its own bucket


@pytest.fixture(scope="module")
def app(starter, encoder, tmp_path_factory):
    return app_on(
        starter,
        encoder,
        tmp_path_factory.mktemp("limits") / "kb.sqlite3",
        RATE_LIMIT_WRITES_PER_MINUTE=3,
        RATE_LIMIT_READS_PER_MINUTE=5,
        TRUSTED_PROXIES=1,
    )


def test_writes_over_budget_get_429_with_retry_after(app):
    client = app.test_client()
    here = {"X-Forwarded-For": "203.0.113.7"}
    vote = {"helpful": True}
    url = f"/api/v1/articles/{ARTICLE}/feedback"
    assert [client.post(url, json=vote, headers=here).status_code for _ in range(3)] == [201] * 3
    refused = client.post(f"/api/v1/articles/{ARTICLE}/feedback", json=vote, headers=here)
    assert refused.status_code == 429 and refused.get_json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= 20
    # Another client (the proxy says who) still has its budget; so do reads, which have their own.
    other = client.post(f"/api/v1/articles/{ARTICLE}/feedback", json=vote, headers={"X-Forwarded-For": "203.0.113.8"})
    assert other.status_code == 201
    assert client.get("/api/v1/search?q=factura", headers=here).status_code == 200


def test_reads_over_budget_and_pages_too(app):
    client = app.test_client()
    here = {"X-Forwarded-For": "198.51.100.1"}
    codes = [client.get("/api/v1/autocomplete?q=fac", headers=here).status_code for _ in range(5)]
    assert codes == [200] * 5
    assert client.get("/api/v1/search?q=factura", headers=here).status_code == 429
    page = client.get("/search?q=factura", headers={**here, "Accept-Language": "es"})
    assert page.status_code == 429 and "Demasiadas peticiones" in page.get_data(as_text=True)


def test_staff_with_a_token_are_not_limited(app):
    client = app.test_client()
    _, token = tokens.create_token(app.extensions["kb.db"], "agent", "zendesk")
    headers = {"Authorization": f"Bearer {token}", "X-Forwarded-For": "192.0.2.9"}
    ticket = {"subject": "Factura", "body": "¿Cómo descargo la factura?"}
    assert {client.post("/api/v1/suggest", json=ticket, headers=headers).status_code for _ in range(6)} == {200}
    forged = client.get("/api/v1/search?q=factura", headers={**headers, "Authorization": "Bearer kb_made-up"})
    assert forged.status_code == 401  # a made-up token is no way around the limit
    anonymous = {"X-Forwarded-For": "192.0.2.9"}
    codes = [client.post("/api/v1/suggest", json=ticket, headers=anonymous).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
