"""The encoder's one-query fast path and the fp16 vector index against their exact counterparts."""

import threading

import numpy as np
import pytest

from indexer.vectors import VectorIndex
from kb.services.engine import MODEL_THREADS, Engine


@pytest.mark.parametrize("query", ["hola", "¿cómo cambio mi contraseña?", "reset password " * 200])
def test_single_query_fast_path_equals_batch_encode(encoder, query):
    fast = encoder.encode_queries([query])
    batch = encoder.encode_queries([query, "otra consulta"])[:1]
    assert fast.shape == (1, encoder.dimension)
    assert np.allclose(fast, batch, atol=1e-5)
    assert encoder._traced["float32"] is not False  # the bundled model takes the traced path


@pytest.mark.parametrize(
    "query",
    [
        "¿cómo cambio mi contraseña?",
        "Since yesterday the invoice shows a double charge on my card and the refund has not arrived, "
        "can you check the order and tell me what to do?",
    ],
)
def test_int8_reads_a_ticket_close_to_float32(encoder, query):
    exact = encoder.encode_queries([query])[0]
    quick = encoder.encode_queries([query], "int8")[0]
    assert encoder._traced["int8"] is not False  # the int8 copy passed its probes
    assert np.isclose(np.linalg.norm(quick), 1.0, atol=1e-5)
    assert 0.95 <= float(quick @ exact) < 0.99999  # close, and really another network
    with pytest.raises(ValueError, match="precision"):
        encoder.encode_queries([query], "fp8")


def test_fp16_index_ranks_like_exact_search():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(2000, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex.build(vectors)
    for q in vectors[:20]:
        exact = np.argsort(-(vectors @ q))[:10].tolist()
        assert [row for row, _ in index.search(q, 10)] == exact
    assert np.allclose(index.vectors(), vectors, atol=1e-3)
    assert np.allclose(index.rows([5, 7]), vectors[[5, 7]], atol=1e-3)


def test_engine_warms_every_encoder_thread_and_embeds_there(starter, encoder):
    threads: list[str] = []

    class Recording:
        def __getattr__(self, name):
            return getattr(encoder, name)

        def encode_queries(self, texts, precision="float32"):
            threads.append(threading.current_thread().name)
            return encoder.encode_queries(texts, precision)

    engine = Engine.from_settings(starter.settings, lambda: Recording())
    engine.warm_up()
    assert len(set(threads)) == MODEL_THREADS and all(t.startswith("kb-encoder") for t in threads)
    vector = engine.encode_query("restablecer contraseña")
    assert np.allclose(vector, encoder.encode_queries(["restablecer contraseña"])[0], atol=1e-5)
    assert engine.encode_query("Restablecer  contraseña") is vector  # the per-process query cache
