"""The owners' review queue on a knowledge base with a known answer for every reason code.

Real git history (commits dated with GIT_*_DATE), the real model and FAISS index, a real SQLite file with
votes, searches, clicks and agents' outcomes recorded through the services that record them in production.
Dates are relative to today, so the answers hold whenever the suite runs.
"""

import datetime as dt
import json
import os
import subprocess

import pytest

from kb.services import analytics, review, suggestion_log, tokens
from kb.services.engine import Engine
from tests.conftest import KB, app_on

TODAY = dt.datetime.now(dt.UTC).date()


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


OWNED = f"owner: ana\nreviewed: {ago(30)}"
ARTICLES = {
    "es/limpio.md": (
        f"title: Cambiar el idioma de la cuenta\n{OWNED}",
        "Abre Perfil y elige el idioma.\n\n## Idiomas\n\nHay dos.",
    ),
    "es/vencido.md": (
        f"title: Configurar la impresora de tickets\nowner: ana\nreviewed: {ago(400)}",
        "Conecta la impresora por USB y elige el modelo en Ajustes.",
    ),
    "es/sin-revisar.md": (
        "title: Horario de atención telefónica\nowner: ana",
        "Atendemos de lunes a viernes de 9 a 18.",
    ),
    "es/viejo.md": (
        f"title: Tarifas de envío internacional\nowner: ana\nreviewed: {ago(500)}\nreview_every: 1000",
        "Los envíos fuera de la UE cuestan 25 euros por paquete.",
    ),
    "es/enlaces.md": (
        f"title: Guía de inicio rápido\n{OWNED}",
        """
        Lee [cómo cambiar el idioma](limpio.md) y [la sección de pasos](#pasos).

        Más en [la guía avanzada](no-existe.md), [un ancla perdida](#no-hay) y [el manual](docs/manual.pdf).

        ## Pasos

        Empieza por crear tu cuenta.
        """,
    ),
    "es/obsoleto.md": (
        f"title: Exportar el libro mayor\n{OWNED}",
        "Desde Dynamics AX 2012 se exporta el libro mayor.\n\nAbre el panel clásico y pulsa Exportar.",
    ),
    "es/votado.md": (f"title: Cancelar una suscripción\n{OWNED}", "Escríbenos para cancelar la suscripción anual."),
    "es/rechazado.md": (f"title: Programa de puntos de fidelidad\n{OWNED}", "Cada compra suma puntos canjeables."),
    "es/ignorado.md": (f"title: Política de cookies del sitio\n{OWNED}", "Usamos cookies técnicas y analíticas."),
    "es/duplicado-a.md": (
        f"title: Restablecer la contraseña olvidada\n{OWNED}",
        "Pulsa ¿Has olvidado tu contraseña? en la pantalla de acceso, escribe tu correo y sigue el enlace "
        "que te enviamos para elegir una contraseña nueva.",
    ),
    "es/duplicado-b.md": (
        f"title: Restablecer una contraseña olvidada\n{OWNED}",
        "En la pantalla de acceso pulsa ¿Has olvidado tu contraseña?, escribe tu correo y sigue el enlace "
        "que te enviamos para elegir una nueva contraseña.",
    ),
    "es/transferencias.md": (
        f"title: Recibir transferencias bancarias\n{OWNED}",
        "Indica tu IBAN en Cobros. Las transferencias llegan en dos días hábiles.",
    ),
    "en/transfers.md": (
        f"title: Receiving bank transfers\n{OWNED}\ntranslation_of: es/transferencias.md",
        "Enter your IBAN under Payments. Transfers arrive within two business days.",
    ),
    "es/huerfano.md": (f"title: Descargar la aplicación móvil\nreviewed: {ago(30)}", "Búscala en tu tienda de apps."),
    "es/borrador.md": ("title: Nueva función en preparación\nstatus: draft", "Pronto."),
    "es/revisado.md": (
        f"title: Cambiar la dirección de facturación\nowner: bea\nreviewed: {ago(400)}",
        "Edita la dirección en Facturación.",
    ),
    "es/pospuesto.md": ("title: Trabaja con nosotros\nowner: bea", "Envía tu CV a empleo@example.com."),
}
EXPECTED = {
    "es/vencido": {"review_overdue"},
    "es/sin-revisar": {"never_reviewed"},
    "es/viejo": {"not_updated"},
    "es/enlaces": {"broken_link"},
    "es/obsoleto": {"deprecated_term"},
    "es/votado": {"negative_feedback"},
    "es/rechazado": {"rejected_suggestions"},
    "es/ignorado": {"low_engagement"},
    "es/duplicado-a": {"duplicate"},
    "es/duplicado-b": {"duplicate"},
    "en/transfers": {"translation_outdated"},
    "es/huerfano": {"missing_owner"},
    "es/revisado": {"review_overdue"},  # until an owner records a review (test below)
    "es/pospuesto": {"never_reviewed"},  # until an owner snoozes it
}


def _commit(root, paths, days_ago: int, message: str) -> None:
    when = f"{ago(days_ago)}T10:00:00Z"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ana",
        "GIT_AUTHOR_EMAIL": "ana@example.com",
        "GIT_COMMITTER_NAME": "Ana",
        "GIT_COMMITTER_EMAIL": "ana@example.com",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", "-C", str(root), "add", *paths], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "commit", "-qm", message], check=True, env=env)


@pytest.fixture(scope="module")
def known(tmp_path_factory, encoder):
    built = KB(tmp_path_factory.mktemp("review"))
    for rel, (front, body) in ARTICLES.items():
        built.write(rel, front, body)
    (built.articles / "deprecated-terms.txt").write_text(
        "# old product names and UI paths\nDynamics AX 2012 => Dynamics 365 Finance\npanel clásico\n", encoding="utf-8"
    )
    subprocess.run(["git", "init", "-q", str(built.articles)], check=True)
    _commit(built.articles, ["es/viejo.md"], 500, "old rates")
    _commit(built.articles, ["en/transfers.md"], 200, "translation")
    _commit(built.articles, ["."], 30, "the rest")
    built.build(encoder)
    return built


@pytest.fixture(scope="module")
def app(known, encoder, tmp_path_factory):
    app = app_on(known, encoder, tmp_path_factory.mktemp("review-db") / "kb.sqlite3")
    db = app.extensions["kb.db"]
    for helpful in (True, False, False, False, False, False):
        analytics.record_vote(db, "es/votado", helpful)
    for helpful in (True, True, True, True, False):  # 80% helpful: fine
        analytics.record_vote(db, "es/limpio", helpful)
    for _ in range(60):
        analytics.record_search(
            db, query="cookies", locale=None, language="es", mode="hybrid", filters={}, results=1,
            shown=["es/ignorado"], offset=0, took_ms=5.0, did_you_mean=None,
        )  # fmt: skip
    for n in range(60):
        sid = analytics.record_search(
            db, query="idioma", locale=None, language="es", mode="hybrid", filters={}, results=1,
            shown=["es/limpio"], offset=0, took_ms=5.0, did_you_mean=None,
        )  # fmt: skip
        if n % 6 == 0:
            analytics.record_click(db, sid, "es/limpio", 1)
    for n, outcome in enumerate(["not_relevant"] * 4 + ["used"] + ["used"] * 5):
        article = "es/rechazado" if n < 5 else "es/limpio"
        sid = suggestion_log.new_suggestion_id()
        suggestion_log.record_suggestion(
            db, suggestion_id=sid, source="api", external_id=None, role="agent", language="es",
            shown=[{"id": article, "confidence": 0.9}], top_confidence=0.9, gap=False, took_ms=10.0, ticket_text="",
        )  # fmt: skip
        record = suggestion_log.get_suggestion(db, sid)
        suggestion_log.record_feedback(db, record, article, outcome, "agent")
    return app


@pytest.fixture(scope="module")
def owner(app):
    _, token = tokens.create_token(app.extensions["kb.db"], "owner", "Ana (docs)")
    return {"Authorization": f"Bearer {token}"}


def _queue(app, encoder, known, **filters) -> review.Queue:
    engine = Engine.from_settings(known.settings, lambda: encoder)
    policy = review.Policy.from_settings(app.config)
    return review.build_queue(engine, app.extensions["kb.db"], policy, known.articles, **filters)


def _flags(queue: review.Queue) -> dict[str, set[str]]:
    return {f.id: {r.code for r in f.reasons} for f in queue.articles}


def test_every_expected_flag_is_raised_and_no_other(app, known, encoder):
    queue = _queue(app, encoder, known)
    assert _flags(queue) == EXPECTED
    assert queue.counts == {
        code: sum(code in codes for codes in EXPECTED.values()) for code in review.REASONS
    }  # fmt: skip


def test_each_reason_says_why(app, known, encoder):
    details = {(f.id, r.code): r.detail for f in _queue(app, encoder, known, lang="en").articles for r in f.reasons}
    assert details[("es/enlaces", "broken_link")] == (
        "Links that lead nowhere: line 9: no-existe.md (no such article); line 9: #no-hay (no such anchor); "
        "line 9: docs/manual.pdf (no such file)"
    )
    assert details[("es/obsoleto", "deprecated_term")] == (
        "Uses deprecated terms: “Dynamics AX 2012” (line 7; use “Dynamics 365 Finance”), “panel clásico” (line 9)"
    )
    assert details[("es/votado", "negative_feedback")] == "Only 16.67% of 6 votes found it helpful (minimum 50%)"
    assert details[("es/rechazado", "rejected_suggestions")] == "Agents marked it not relevant 4 of 5 times"
    assert details[("es/ignorado", "low_engagement")] == "Shown 60 times in search results, opened 0 (0%)"
    assert details[("es/duplicado-a", "duplicate")].startswith("Says nearly the same as es/duplicado-b (")
    assert details[("en/transfers", "translation_outdated")] == (
        f"Its source es/transferencias changed on {ago(30)}, after this translation ({ago(200)})"
    )
    assert details[("es/viejo", "not_updated")] == f"No content change since {ago(500)} (500 days ago)"
    spanish = {(f.id, r.code): r.detail for f in _queue(app, encoder, known).articles for r in f.reasons}
    assert spanish[("es/rechazado", "rejected_suggestions")] == "Los agentes lo marcaron como no relevante 4 de 5 veces"


def test_the_score_ranks_costlier_articles_first(app, known, encoder):
    ranked = _queue(app, encoder, known).articles
    assert [f.score for f in ranked] == sorted((f.score for f in ranked), reverse=True)
    by_id = {f.id: f for f in ranked}
    # Same weight (one reason of weight 1.5-1): the one customers see more and that is older ranks higher.
    assert by_id["es/ignorado"].demand == 60 and by_id["es/sin-revisar"].demand == 0
    assert by_id["es/ignorado"].score > by_id["es/sin-revisar"].score
    assert by_id["es/viejo"].age_days == 500


def test_filters_by_owner_reason_and_locale(app, known, encoder):
    assert set(_flags(_queue(app, encoder, known, owner="BEA"))) == {"es/revisado", "es/pospuesto"}
    assert set(_flags(_queue(app, encoder, known, reason="duplicate"))) == {"es/duplicado-a", "es/duplicado-b"}
    assert set(_flags(_queue(app, encoder, known, locale="en"))) == {"en/transfers"}
    with pytest.raises(review.ReviewError, match="reason must be one of"):
        _queue(app, encoder, known, reason="ugly")


def test_review_api_needs_an_owner_and_records_who_and_when(app, owner):
    client = app.test_client()
    assert client.get("/api/v1/review").status_code == 401
    _, agent_token = tokens.create_token(app.extensions["kb.db"], "agent", "desk")
    refused = client.get("/api/v1/review", headers={"Authorization": f"Bearer {agent_token}"})
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "forbidden"

    body = client.get("/api/v1/review?lang=en", headers=owner).get_json()
    flags = {a["id"]: {r["code"] for r in a["reasons"]} for a in body["articles"]}
    assert flags == EXPECTED and all(a["reasons"][0]["detail"] for a in body["articles"])

    done = client.post("/api/v1/review/es/revisado", json={"action": "reviewed", "note": "ok"}, headers=owner)
    assert done.status_code == 201
    assert done.get_json() | {"at": None} == {
        "article_id": "es/revisado", "action": "reviewed", "by": "Ana (docs)", "at": None, "until": None, "note": "ok",
    }  # fmt: skip
    snoozed = client.post("/api/v1/review/es/pospuesto", json={"action": "snooze", "days": 30}, headers=owner)
    assert snoozed.get_json()["until"] == (TODAY + dt.timedelta(days=30)).isoformat()

    after = client.get("/api/v1/review?owner=bea", headers=owner).get_json()
    assert after["articles"] == []  # reviewed: time reasons cleared; snoozed: hidden until then

    bad = [
        ({"action": "approve"}, 400),
        ({"action": "snooze", "days": 0}, 400),
        ({"action": "snooze", "days": "7"}, 400),
        ({"action": "reviewed", "days": 7}, 400),
        ({"action": "reviewed", "note": 5}, 400),
        ({"action": "reviewed", "extra": 1}, 400),
    ]
    for payload, status in bad:
        response = client.post("/api/v1/review/es/vencido", json=payload, headers=owner)
        assert response.status_code == status and response.get_json()["error"]["message"], payload
    assert client.post("/api/v1/review/es/no-such", json={"action": "reviewed"}, headers=owner).status_code == 404
    assert client.post("/api/v1/review/es/vencido", data="{", headers=owner).status_code == 400
    assert client.get("/api/v1/review?reason=ugly", headers=owner).status_code == 400
    assert client.get("/api/v1/review?colour=red", headers=owner).status_code == 400


def test_analytics_report_counts_what_happened_in_the_period(app, owner):
    client = app.test_client()
    body = client.get("/api/v1/analytics", headers=owner).get_json()  # the last 30 days
    searches = body["searches"]
    assert (searches["total"], searches["zero_results"], searches["zero_result_rate"]) == (120, 0, 0.0)
    assert [(e["query"], e["count"], e["clicks"]) for e in searches["top"]] == [("cookies", 60, 0), ("idioma", 60, 10)]
    assert searches["click_through_by_position"][0] == {"position": 1, "shown": 120, "clicks": 10, "rate": 0.0833}
    assert searches["click_through_by_position"][1] == {"position": 2, "shown": 0, "clicks": 0, "rate": None}
    assert sum(d["searches"] for d in searches["per_day"]) == 120 and len(searches["per_day"]) == 30
    assert body["votes"] == {"helpful": 5, "not_helpful": 6, "helpful_ratio": 0.4545}
    assert body["suggestions"] == {
        "total": 10, "confident": 10, "confident_share": 1.0, "min_confidence": 0.5,
        "feedback": {"used": 6, "helpful": 0, "not_relevant": 4}, "acceptance": 0.6,
    }  # fmt: skip
    before = client.get(f"/api/v1/analytics?from={ago(90)}&to={ago(31)}", headers=owner).get_json()
    assert before["searches"]["total"] == 0 and before["votes"]["helpful_ratio"] is None
    for query, code in [
        ("from=2026-02-30", 400),
        ("from=2026-05-01&to=2026-04-01", 400),
        ("from=2020-01-01&to=2026-01-01", 400),
        ("colour=red", 400),
    ]:
        response = client.get(f"/api/v1/analytics?{query}", headers=owner)
        assert response.status_code == code and response.get_json()["error"]["message"], query
    assert client.get("/api/v1/analytics").status_code == 401


def test_content_gaps_are_grouped_into_topics_by_meaning(app, known, encoder):
    db = app.extensions["kb.db"]
    asked = ["sso con azure ad"] * 3 + ["configurar sso con azure ad"] * 2 + ["SSO Azure AD no funciona"]
    asked += ["exportar factura a pdf"] * 2 + ["exportar facturas en pdf"]
    for text in asked:
        analytics.record_search(
            db, query=text, locale=None, language="es", mode="hybrid", filters={}, results=0,
            shown=[], offset=0, took_ms=5.0, did_you_mean=None,
        )  # fmt: skip
    for _ in range(2):
        suggestion_log.record_suggestion(
            db, suggestion_id=suggestion_log.new_suggestion_id(), source="api", external_id=None, role="agent",
            language="es", shown=[], top_confidence=0.1, gap=True, took_ms=10.0,
            ticket_text="No puedo entrar con el SSO de Azure AD",
        )  # fmt: skip
    gaps = _queue(app, encoder, known).gaps
    assert [(g.topic, g.count, g.searches, g.tickets) for g in gaps] == [
        ("sso con azure ad", 8, 6, 2),
        ("exportar factura a pdf", 3, 3, 0),
    ]
    assert gaps[0].examples[0] == "sso con azure ad" and "No puedo entrar con el SSO de Azure AD" in gaps[0].examples


def test_kb_review_prints_the_queue(app, known, tmp_path):
    from click.testing import CliRunner

    from kb.cli import main

    env = {
        "KB_ARTICLES_DIR": str(known.articles),
        "KB_DATA_DIR": str(known.data),
        "KB_DATABASE_URL": app.config["DATABASE_URL"],
    }
    runner = CliRunner()
    out = runner.invoke(main, ["review", "--json", "--no-gaps", "--lang", "en"], env=env)
    assert out.exit_code == 0, out.output
    body = json.loads(out.output.strip().splitlines()[-1])
    assert {a["id"] for a in body["articles"]} >= {"es/vencido", "es/enlaces"}
    csv_out = runner.invoke(
        main, ["review", "--csv", "--owner", "ana", "--reason", "broken_link", "--no-gaps"], env=env
    )
    assert csv_out.exit_code == 0, csv_out.output
    lines = csv_out.output.strip().splitlines()
    assert lines[0] == "id,title,owner,locale,score,code,detail" and lines[1].startswith("es/enlaces,")
    bad = runner.invoke(main, ["review", "--reason", "ugly"], env=env)
    assert bad.exit_code != 0 and "reason must be one of" in bad.output
