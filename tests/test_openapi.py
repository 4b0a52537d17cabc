"""The OpenAPI document is the API: every route documented, and a schema-driven fuzz run against it.

schemathesis generates requests from /api/v1/openapi.json (valid and invalid ones) and sends them to
the real app over the starter knowledge base, with the real model and a real SQLite file. Each answer
must not be a 500 and must match what the document says: its status, content type and schema. Each
mode sends at least 500 requests (1,000 in all), counted by the test that sends them.
"""

import re

import hypothesis
import hypothesis.errors
import pytest
import schemathesis
from schemathesis import GenerationMode, checks

from kb.services import tokens
from kb.web import openapi
from tests.conftest import app_on

FUZZ_EXAMPLES = 120  # per operation; operations with few possible inputs get fewer
# Where a request the schema allows may still be refused with a documented 400, because the rule is not
# one JSON Schema can state: a help desk's own webhook payload (each vendor's shape; kb says what it
# lacks), and an analytics period (from before to, at most 366 days, to defaulting to today).
NOT_EVERY_VALID_REQUEST_IS_ACCEPTED = {"integration", "analytics", "comments"}


@pytest.fixture(scope="module")
def app(starter, encoder, tmp_path_factory):
    return app_on(starter, encoder, tmp_path_factory.mktemp("openapi") / "kb.sqlite3")


@pytest.fixture(scope="module")
def owner(app):
    _, token = tokens.create_token(app.extensions["kb.db"], "owner", "fuzz")
    return {"Authorization": f"Bearer {token}"}


def test_every_route_is_documented_and_every_documented_path_is_a_route(app):
    documented = {
        (path, method.upper()) for path, item in openapi.document()["paths"].items() for method in item
    }  # fmt: skip
    routes = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(("/api/", "/-/")):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        routes |= {(path, m) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes == documented


def test_the_document_is_served_and_valid(app):
    from jsonschema_rs import validator_for  # noqa: F401  (schemathesis's own validator; imported to fail early)

    body = app.test_client().get("/api/v1/openapi.json").get_json()
    assert body == openapi.document() and body["openapi"].startswith("3.1")
    schemathesis.openapi.from_dict(body)  # parses and checks it as OpenAPI


@pytest.mark.parametrize(
    ("sent", "read"),
    [("es", "es"), ("en", "en"), ("es-ES", "es"), ("en-US", "en"), ("es_419", "es"), ("EN-gb", "en"),
     ("fr", None), ("es-", None), ("español", None), ("e", None)],
)  # fmt: skip
def test_the_document_and_the_api_agree_on_every_locale(app, sent, read):
    """One place says what a locale is (inputs.LOCALE_PATTERN): what the document allows, the API
    accepts, reading a regional form as its language; what it refuses, the document does not allow."""
    from jsonschema_rs import validator_for  # schemathesis's own validator

    client = app.test_client()
    allowed = validator_for(openapi.LOCALE_PARAM).is_valid(sent)
    assert allowed == (read is not None)
    for path in ("/api/v1/autocomplete?q=fac", "/api/v1/search?q=factura"):
        answer = client.get(f"{path}&locale={sent}")
        assert answer.status_code == (200 if read else 400), answer.get_data(as_text=True)
        if read and "search" in path:
            same = client.get(f"{path}&locale={read}").get_json()
            assert [r["id"] for r in answer.get_json()["results"]] == [r["id"] for r in same["results"]]
            assert {r["locale"] for r in answer.get_json()["results"]} <= {read}


@pytest.fixture(scope="module")
def api_schema(app):
    # Invalid data must be refused with a 4xx; kb answers a field over its documented size with 413.
    refused = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
    config = schemathesis.Config.from_dict({"checks": {"negative_data_rejection": {"expected-statuses": refused}}})
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=config)


def _sent_as_empty(case) -> bool:
    """Whether a query parameter goes out empty (an empty string, or a null or empty list that serialises
    so): the API reads an empty optional parameter as absent, as web forms send them, so on the wire
    this is the same request as a valid one that leaves it out."""
    def empty(v) -> bool:
        return v is None or v == "" or v == {} or (isinstance(v, list) and all(empty(x) for x in v))

    return any(empty(v) for v in (case.query or {}).values())


@pytest.mark.slow  # ~2,500 generated requests
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_fuzz_every_operation(api_schema, owner, mode):
    """Each operation, with requests generated from its schema: valid ones, then invalid ones."""
    failures: list[str] = []
    sent: dict[int, int] = {}  # answers by status
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis.settings(
            max_examples=FUZZ_EXAMPLES,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case):
            response = case.call(headers=owner)
            sent[response.status_code] = sent.get(response.status_code, 0) + 1
            try:
                # Every check: what the document allows is accepted, what it forbids refused, and every
                # answer is as documented (but see NOT_EVERY_VALID_REQUEST_IS_ACCEPTED).
                excluded = []
                if case.operation.definition.raw.get("operationId") in NOT_EVERY_VALID_REQUEST_IS_ACCEPTED:
                    excluded.append(checks.positive_data_acceptance)
                if mode == GenerationMode.NEGATIVE and _sent_as_empty(case):
                    excluded.append(checks.negative_data_rejection)  # on the wire it is a valid request
                case.validate_response(response, excluded_checks=excluded, headers=owner)
            except Exception as exc:  # noqa: BLE001 - every failure is reported below, with its request
                failures.append(f"{case.operation.label} {case.path_parameters} {case.query} {case.body!r:.200}: {exc}")

        try:
            run()
        except hypothesis.errors.Unsatisfiable:
            assert mode == GenerationMode.NEGATIVE  # nothing about this operation can be made invalid
    assert failures == [], "\n".join(dict.fromkeys(failures))
    print(f"fuzz ({mode.name.lower()}): {sum(sent.values())} requests, by status {dict(sorted(sent.items()))}")
    assert sum(sent.values()) >= 500 and 500 not in sent
