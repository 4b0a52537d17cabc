"""``kb eval``: retrieval quality of the search on a judged set, through the search service."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from indexer.build import build_index
from indexer.vectors import SentenceTransformerEncoder, choose_model
from kb import settings as kb_settings
from kb.cli.common import load_settings, user_errors
from kb.services import evaluation
from kb.services import search as search_service
from kb.services.engine import Engine

MODE_CHOICES = (*search_service.MODES, "all")


@click.command(name="eval")
@click.argument("dataset_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--mode", type=click.Choice(MODE_CHOICES), default="all", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="End with one JSON line of the results.")
def eval_command(dataset_dir: Path, mode: str, as_json: bool) -> None:
    """Index DATASET_DIR/articles (cached under KB_DATA_DIR/eval/) and score every query.

    Prints nDCG@10, Recall@10 and MRR@10 per mode and the search latency p50/p99.
    """
    try:
        dataset = evaluation.load_dataset(dataset_dir)
    except evaluation.DatasetError as exc:
        raise click.ClickException(str(exc)) from None
    base = load_settings()
    data_dir = Path(base["DATA_DIR"]) / "eval" / dataset.name
    values = load_settings(
        **{
            **base,
            "ARTICLES_DIR": str(dataset.articles),
            "DATA_DIR": str(data_dir),
            "DATABASE_URL": f"sqlite:///{data_dir}/kb.sqlite3",
        }
    )
    model = choose_model(values["EMBEDDING_MODEL"], dataset.articles, values["DEFAULT_LOCALE"])
    values["EMBEDDING_MODEL"] = model
    encoder = SentenceTransformerEncoder(model)
    with user_errors():
        report = build_index(kb_settings.index_config(values), lambda: encoder)
    click.echo(
        f"{dataset.name}: {len(dataset.queries)} judged queries; model {model}; index: {report.summary()}", err=True
    )

    engine = Engine.from_settings(values, lambda: encoder, data_dir)
    modes = list(search_service.MODES) if mode == "all" else [mode]
    limit = evaluation.K

    def run_query(text: str, m: str) -> list[str]:
        found = search_service.search(engine, text, mode=m, limit=limit, candidates=values["SEARCH_CANDIDATES"])
        return [hit.id for hit in found.hits]

    def progress(done: int, total: int) -> None:
        if done % 100 == 0 or done == total:
            click.echo(f"  {done}/{total} queries", err=True)

    with user_errors():
        engine.checked_reader().bm25.speller  # noqa: B018 - built before the clock starts, as kb serve does
        engine.warm_up()
        results = evaluation.evaluate(dataset, modes, run_query, progress if sys.stderr.isatty() else None)

    click.echo(f"{'mode':<9} {'nDCG@10':>8} {'Recall@10':>10} {'MRR@10':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for m, scores in results.items():
        s = scores.summary()
        click.echo(
            f"{m:<9} {s['ndcg@10']:>8.4f} {s['recall@10']:>10.4f} {s['mrr@10']:>8.4f} "
            f"{evaluation.percentile(scores.latencies_ms, 50):>8.1f} "
            f"{evaluation.percentile(scores.latencies_ms, 99):>8.1f}"
        )
    if as_json:
        timed = results.get("hybrid") or next(iter(results.values()))
        click.echo(
            json.dumps(
                {
                    "dataset": dataset.name,
                    "task": "search",
                    "queries": len(dataset.queries),
                    "modes": {m: scores.summary() for m, scores in results.items()},
                    "latency_ms": {
                        "p50": round(evaluation.percentile(timed.latencies_ms, 50), 2),
                        "p99": round(evaluation.percentile(timed.latencies_ms, 99), 2),
                    },
                }
            )
        )
