"""The encoder's runtimes (ONNX Runtime, torch's one-query fast path, int8 copies) and the fp16 vector
index against their exact counterparts."""

import json
import os
import shutil
import subprocess
import sys
import threading

import numpy as np
import pytest

from indexer import onnxrt
from indexer.vectors import DEFAULT_MODEL, SentenceTransformerEncoder, VectorIndex
from kb.services.engine import MODEL_THREADS, Engine

TEXTS = [
    "hola",
    "¿cómo cambio mi contraseña? ",
    "\n---\ntitle: Configurar libros\n",
    "reset password " * 200,  # past the window: cut where torch cuts it
    "La factura electrónica fue rechazada: revise el NIT del cliente.",
]


@pytest.fixture(scope="module")
def on_torch():
    enc = SentenceTransformerEncoder(DEFAULT_MODEL, runtime="torch")
    _ = enc.model
    return enc


@pytest.mark.parametrize("query", ["hola", "¿cómo cambio mi contraseña?", "reset password " * 200])
def test_single_query_fast_path_equals_batch_encode(on_torch, query):
    fast = on_torch.encode_queries([query])
    batch = on_torch.encode_queries([query, "otra consulta"])[:1]
    assert fast.shape == (1, on_torch.dimension)
    assert np.allclose(fast, batch, atol=1e-5)
    assert on_torch._traced["float32"] is not False  # the bundled model takes the traced path
    assert on_torch.network() is None  # runtime="torch": no ONNX


def test_onnx_runtime_gives_torchs_vectors(encoder, on_torch):
    assert encoder.network() is not None and encoder.onnx_record()["float32"]["usable"]
    assert np.allclose(encoder.encode_passages(TEXTS, batch_size=2), on_torch.encode_passages(TEXTS), atol=1e-5)
    for text in TEXTS:
        assert np.allclose(encoder.encode_queries([text]), on_torch.encode_queries([text]), atol=1e-5), text
    assert encoder.count_tokens(TEXTS) == on_torch.count_tokens(TEXTS)
    assert (encoder.dimension, encoder.max_tokens) == (on_torch.dimension, on_torch.max_tokens)
    assert encoder.encode_queries([]).shape == (0, 384) and encoder.encode_passages([]).shape == (0, 384)


def test_a_converted_file_that_strays_is_not_used(tmp_path, on_torch, encoder):
    """The check behind every converted file: swap the int8 network in for the float32 one and the
    float32 file is refused, and an encoder whose record says so runs on torch."""
    encoder.onnx_record()  # converted already (the session's encoder)
    broken = tmp_path / "broken"
    shutil.copytree(onnxrt.cache_dir(encoder.model_id), broken)
    shutil.copy(broken / "int8.onnx", broken / "float32.onnx")
    record = onnxrt.check(on_torch.model, broken, on_torch.query_prefix)
    assert not record["float32"]["usable"] and record["float32"]["max_abs_diff"] > onnxrt.FLOAT32_MAX_DIFF
    assert record["int8"]["usable"] and record["int8"]["min_cosine"] >= 0.95

    os.environ["KB_MODEL_CACHE"], before = str(tmp_path / "cache"), os.environ.get("KB_MODEL_CACHE")
    try:
        target = onnxrt.cache_dir(encoder.model_id)
        target.parent.mkdir(parents=True)
        shutil.copytree(broken, target)
        (target / "check.json").write_text(json.dumps(record))
        refused = SentenceTransformerEncoder(DEFAULT_MODEL)
        assert refused.onnx_record() is None and refused.network() is None
        assert np.allclose(refused.encode_queries(["hola"]), on_torch.encode_queries(["hola"]), atol=1e-5)
    finally:
        if before is None:
            os.environ.pop("KB_MODEL_CACHE")
        else:
            os.environ["KB_MODEL_CACHE"] = before


def test_int8_precision_embeds_passages_and_queries_apart_from_float32(encoder):
    """KB_ENCODER_PRECISION=int8: the int8 copy reads passages and queries alike, and its vectors are
    keyed apart (cache, builds), so they never mix with float32 ones."""
    quick = SentenceTransformerEncoder(DEFAULT_MODEL, precision="int8")
    assert quick.model_id == encoder.model_id + ":int8" and quick.weights_id == encoder.weights_id
    passages = quick.encode_passages(TEXTS)
    exact = encoder.encode_passages(TEXTS)
    cosines = (passages * exact).sum(1)
    assert np.all(cosines > 0.95) and np.all(cosines < 0.99999)
    assert np.allclose(quick.encode_queries(["hola"]), encoder.encode_queries(["hola"], "int8"), atol=1e-6)
    with pytest.raises(ValueError, match="int8 with ONNX Runtime"):
        SentenceTransformerEncoder(DEFAULT_MODEL, runtime="torch", precision="int8")


def test_an_int8_build_is_searched_in_int8_and_refuses_a_float32_reader(tmp_path, encoder):
    from indexer.backend import ModelMismatch
    from kb.services.search import search
    from tests.conftest import KB, STARTER

    quick = SentenceTransformerEncoder(DEFAULT_MODEL, precision="int8")
    built = KB(tmp_path, STARTER)
    built.build(quick)
    hits = search(Engine.from_settings(built.settings, lambda: quick), "reset my password", locale="en").hits
    assert hits and hits[0].id == "en/account/reset-password"
    with pytest.raises(ModelMismatch, match=":int8"):
        search(Engine.from_settings(built.settings, lambda: encoder), "reset my password", locale="en")


@pytest.mark.slow
def test_a_converted_model_serves_without_torch(encoder):
    """After conversion, embedding needs neither torch nor sentence-transformers in the process."""
    encoder.onnx_record()
    code = (
        "import sys; from indexer.vectors import SentenceTransformerEncoder as E;"
        f"e = E({DEFAULT_MODEL!r}); v = e.encode_queries(['hola']); p = e.encode_passages(['a', 'b c']);"
        "print(v.shape, p.shape, sorted(m for m in ('torch', 'sentence_transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "(1, 384) (2, 384) []", out.stderr


@pytest.mark.parametrize(
    "query",
    [
        "¿cómo cambio mi contraseña?",
        "Since yesterday the invoice shows a double charge on my card and the refund has not arrived, "
        "can you check the order and tell me what to do?",
    ],
)
@pytest.mark.parametrize("runtime", ["onnx", "torch"])
def test_int8_reads_a_ticket_close_to_float32(encoder, on_torch, query, runtime):
    enc = encoder if runtime == "onnx" else on_torch
    exact = enc.encode_queries([query])[0]
    quick = enc.encode_queries([query], "int8")[0]
    if runtime == "onnx":
        assert enc.network("int8") is not None  # the int8 file passed its probes
    else:
        assert enc._traced["int8"] is not False  # the int8 copy passed its probes
    assert np.isclose(np.linalg.norm(quick), 1.0, atol=1e-5)
    assert 0.95 <= float(quick @ exact) < 0.99999  # close, and really another network
    with pytest.raises(ValueError, match="precision"):
        enc.encode_queries([query], "fp8")


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


def test_precision_auto_is_int8_only_where_measured_equal_and_a_server_follows_its_build(starter, tmp_path):
    from indexer.vectors import MULTILINGUAL_MODEL, choose_precision
    from kb.services.engine import served_precision

    assert choose_precision("auto", DEFAULT_MODEL) == "int8"
    assert choose_precision("auto", MULTILINGUAL_MODEL) == "float32"
    assert choose_precision("auto", DEFAULT_MODEL, "torch") == "float32"
    assert choose_precision("float32", DEFAULT_MODEL) == "float32"
    # The starter was built in float32 (the session's encoder): an upgraded server keeps reading it so.
    assert starter.settings["ENCODER_PRECISION"] == "auto"
    assert served_precision(starter.settings, starter.data, DEFAULT_MODEL) == "float32"
    assert served_precision(starter.settings, tmp_path, DEFAULT_MODEL) == "int8"  # no build yet: as kb index
    assert served_precision({**starter.settings, "ENCODER_PRECISION": "int8"}, starter.data, DEFAULT_MODEL) == "int8"
