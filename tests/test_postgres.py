"""The metadata store on a real PostgreSQL server (started by .ci/postgres.sh)."""

import os

import pytest
from sqlalchemy import func, select

from indexer import store
from kb import settings as kb_settings
from tests.conftest import empty_database

pytestmark = pytest.mark.slow  # a real PostgreSQL: `make test-fast` leaves it out

URL = os.environ.get("KB_TEST_DATABASE_URL", "")

if not URL:
    if os.environ.get("CI"):
        pytest.fail("CI must test PostgreSQL: .ci/postgres.sh gave no KB_TEST_DATABASE_URL", pytrace=False)
    pytest.skip("no PostgreSQL (set KB_TEST_DATABASE_URL or run make test)", allow_module_level=True)


@pytest.fixture
def pg_kb(kb):
    empty_database(URL)
    kb.settings = kb_settings.load({**kb.settings, "DATABASE_URL": URL}, environ={})
    return kb


def test_builds_publish_to_postgresql(pg_kb, encoder):
    kb = pg_kb
    kb.write("es/a.md", "title: Restablecer la contraseña\nowner: ana\nreviewed: 2026-01-02\ntags: [acceso]", "Texto.")
    kb.write("en/b.md", "title: Card payments\nowner: bob", "Connect Stripe.\n\n## Fees\n\nStripe charges a fee.")
    first = kb.build(encoder)
    engine = store.engine_for(URL)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(store.Article)) == 2
        assert conn.scalar(select(func.count()).select_from(store.Chunk)) == first.chunks
        row = conn.execute(select(store.Article).where(store.Article.id == "es/a")).one()
        assert row.tags == ["acceso"] and str(row.reviewed) == "2026-01-02"
    (kb.articles / "en/b.md").unlink()
    kb.write("es/c.md", "title: Factura\nowner: ana", "Nueva factura.")
    second = kb.build(encoder)
    with engine.connect() as conn:
        assert set(conn.scalars(select(store.Article.id))) == {"es/a", "es/c"}
        assert conn.scalar(select(store.Build.id).where(store.Build.status == "live")) == second.build_id
        assert conn.scalar(select(func.count()).select_from(store.Build)) == 2
    engine.dispose()
