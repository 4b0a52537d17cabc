"""Sweep hybrid-fusion parameters on judged sets (development half only), retrieving once per query.

    python bench/fusion_sweep.py ../shared/eval/stackfaq ../shared/eval/adobe-commerce-en ...

Uses the index `kb eval` caches under KB_DATA_DIR/eval/<set> (run `kb eval` first). For every query it
retrieves lexical and semantic article scores once, then scores each fusion variant in memory and
prints nDCG@10 per set, with the best single retriever for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.analysis import detect_language  # noqa: E402
from indexer.backend import Filter  # noqa: E402
from indexer.vectors import SentenceTransformerEncoder, choose_model  # noqa: E402
from kb import settings as kb_settings  # noqa: E402
from kb.services import evaluation  # noqa: E402
from kb.services import search as s  # noqa: E402
from kb.services.engine import Engine  # noqa: E402

# The same semantic share whether or not the model knows the query's language: read the best share
# for queries in the model's languages off the English sets, and for the others off the Spanish one.
VARIANTS = [s.Fusion("rrf")] + [
    s.Fusion("convex", w, w, norm) for norm in ("max", "minmax") for w in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
]


def top(reader, lex: dict, sem: dict, mode: str, variant: s.Fusion = s.DEFAULT_FUSION, known=True) -> list[str]:
    return [a for a, _, _ in s.rank_articles(reader, lex, sem, mode, variant, known)][:10]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    args = parser.parse_args()
    values = kb_settings.load()
    encoders: dict[str, SentenceTransformerEncoder] = {}
    table: dict[str, dict[str, float]] = {}
    for folder in args.sets:
        ds = evaluation.load_dataset(folder)
        model = choose_model(values["EMBEDDING_MODEL"], ds.articles, values["DEFAULT_LOCALE"])  # as kb eval does
        encoder = encoders.setdefault(model, SentenceTransformerEncoder(model))
        data_dir = Path(values["DATA_DIR"]) / "eval" / ds.name
        engine = Engine.from_settings(values, lambda encoder=encoder: encoder, data_dir)
        reader = engine.checked_index()
        runs = []
        lexicon, everyone = reader.lexicon(False), Filter()
        n = values["SEARCH_CANDIDATES"]
        for qid, text in ds.queries.items():
            lex = dict(lexicon.search(lexicon.analyse(text, None).columns, n, everyone))
            sem = dict(reader.vectors.search(engine.encode_query(text), n, everyone, engine.min_similarity))
            runs.append((ds.qrels[qid], lex, sem, detect_language(text) in (None, *engine.languages)))
        row = {
            "lexical": statistics.fmean(
                evaluation.ndcg_at_k(top(reader, lex, sem, "lexical"), rel) for rel, lex, sem, _ in runs
            ),
            "semantic": statistics.fmean(
                evaluation.ndcg_at_k(top(reader, lex, sem, "semantic"), rel) for rel, lex, sem, _ in runs
            ),
        }
        for v in VARIANTS:
            row[str(v)] = statistics.fmean(
                evaluation.ndcg_at_k(top(reader, lex, sem, "hybrid", v, k), rel) for rel, lex, sem, k in runs
            )
        table[ds.name] = row
        known = sum(k for *_, k in runs)
        print(
            f"{ds.name}: lexical {row['lexical']:.4f} semantic {row['semantic']:.4f}; "
            f"{known}/{len(runs)} queries in the language of {model}",
            flush=True,
        )
    names = list(next(iter(table.values())))
    print(f"{'variant':<60}" + "".join(f"{n[:18]:>20}" for n in table))
    for name in names:
        print(f"{name:<60}" + "".join(f"{table[n][name]:>20.4f}" for n in table))


if __name__ == "__main__":
    main()
