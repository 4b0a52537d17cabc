"""Make ``kb.sqlite3``: a database written by kb before it had migrations (commit 22b1414), with rows in
every table, for tests/test_migrations.py. Kept to show how the fixture was made; run it only on that commit:

    git worktree add /tmp/kb-22b1414 22b1414 && cd /tmp/kb-22b1414 && \
        /work/main/.venv/bin/python /work/main/tests/data/pre_migration/make.py OUT_DIR

It indexes the starter articles and then uses kb as its users do: customers search, click and vote
(with a comment), an agent asks for suggestions and reports an outcome, an owner snoozes a review item,
a staff account signs in once and fails once.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

out = Path(sys.argv[1]).resolve()
shutil.rmtree(out, ignore_errors=True)
out.mkdir(parents=True)
env = {"KB_DATA_DIR": str(out / "data"), "KB_ARTICLES_DIR": "articles", "PATH": "/usr/bin:/bin"}
env["HOME"] = os.environ["HOME"]
kb = str(Path(sys.executable).with_name("kb"))
subprocess.run([kb, "index"], check=True, env=env)

os.environ.update(env)
from kb import create_app  # noqa: E402
from kb.services import review, staff, suggestion_log, tokens  # noqa: E402

app = create_app()
db = app.extensions["kb.db"]
_, agent_token = tokens.create_token(db, "agent", "help desk")
revoked, _ = tokens.create_token(db, "owner", "old laptop")
tokens.revoke_token(db, revoked.id)
person = staff.create_user(db, "ana@example.com", "correct horse battery staple", "owner", "Ana")
staff.record_failure(db, "ana@example.com")
staff.open_session(db, person.id, 8)
client = app.test_client()


def call(method, url, **kw):
    """One request, closed so that what kb records after the response is written."""
    response = client.open(url, method=method, **kw)
    body = response.get_json()
    response.close()
    return body


for q, locale in [("contraseña olvidada", "es"), ("password reset", "en"), ("xqzw", "es"), ("factura", "es")]:
    found = call("GET", "/api/v1/search", query_string={"q": q, "locale": locale})
    if found["results"]:
        first = found["results"][0]["id"]
        call("POST", f"/api/v1/searches/{found['search_id']}/clicks", json={"article_id": first, "position": 1})
        call("POST", f"/api/v1/articles/{first}/feedback", json={"helpful": False, "comment": "faltan pasos"})
auth = {"Authorization": f"Bearer {agent_token}"}
tickets = ["No puedo iniciar sesión, olvidé mi contraseña", "Mi tarjeta fue rechazada al pagar", "zzzz qqqq"]
for text in tickets:
    answer = call("POST", "/api/v1/suggest", json={"subject": text, "body": text, "ticket_id": "T-1"}, headers=auth)
    if answer.get("suggestions"):
        record = suggestion_log.get_suggestion(db, answer["suggestion_id"])
        suggestion_log.record_feedback(db, record, answer["suggestions"][0]["id"], "resolved", "agent")
review.record_action(db, "es/cuenta/restablecer-contrasena", "snooze", "ana@example.com", days=30, note="ok")
db.dispose()
shutil.copy(out / "data" / "kb.sqlite3", out / "kb.sqlite3")
print(out / "kb.sqlite3")
