"""``kb eval``: retrieval quality of the search on a judged set, through the search service."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from indexer.build import build_index
from indexer.vectors import choose_model
from kb import settings as kb_settings
from kb.cli.common import load_settings, user_errors
from kb.services import evaluation
from kb.services import search as search_service
from kb.services import suggest as suggest_service
from kb.services.engine import Engine, encoder_for

MODE_CHOICES = (*search_service.MODES, "all")


def eval_engine(dataset: evaluation.Dataset, **overrides) -> tuple[dict, Engine, object]:
    """Settings, engine and build report for a judged set, indexed under KB_DATA_DIR/eval/<name>.

    The model is the EMBEDDING_MODEL setting as ``kb index`` would resolve it for these articles.
    """
    base = load_settings(**overrides)
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
    encoder = encoder_for(values, model)
    with user_errors():
        report = build_index(kb_settings.index_config(values), lambda: encoder)
    return values, Engine.from_settings(values, lambda: encoder, data_dir), report


@click.command(name="eval")
@click.argument("dataset_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--mode", type=click.Choice(MODE_CHOICES), default="all", show_default=True)
@click.option(
    "--task",
    type=click.Choice(["search", "suggest"]),
    default="search",
    show_default=True,
    help="search: each query through the search service; suggest: each query as a ticket body.",
)
@click.option("--json", "as_json", is_flag=True, help="End with one JSON line of the results.")
def eval_command(dataset_dir: Path, mode: str, task: str, as_json: bool) -> None:
    """Index DATASET_DIR/articles (cached under KB_DATA_DIR/eval/) and score every query.

    search: nDCG@10, Recall@10 and MRR@10 per mode; suggest: Recall@1, Recall@3 and MRR@10 of the
    suggestions, surest first, and what the confidence floor leaves an agent: Recall@3 of the shown
    ones (shown@3) and the share of tickets with any (answered). Both with latency p50/p99.
    """
    dataset = evaluation.load_dataset(dataset_dir)
    values, engine, report = eval_engine(dataset)
    click.echo(
        f"{dataset.name}: {len(dataset.queries)} judged queries; model {values['EMBEDDING_MODEL']}; "
        f"index: {report.summary()}",
        err=True,
    )
    modes = (list(search_service.MODES) if mode == "all" else [mode]) if task == "search" else ["suggest"]
    limit = evaluation.K

    floor = values["SUGGEST_SHOW_MIN_CONFIDENCE"]

    def run_query(text: str, m: str) -> list[str] | tuple[list[str], list[str]]:
        if m == "suggest":  # the query is what a customer wrote in a ticket; agents see every article
            # The ranking is scored whole (surest first); the floor's effect apart (shown@3, answered).
            found = suggest_service.suggest(
                engine,
                "",
                text,
                limit=limit,
                staff=True,
                candidates=values["SEARCH_CANDIDATES"],
                meaning_tokens=values["SUGGEST_MEANING_TOKENS"],
                min_confidence=0.0,
            )
            ranked = [s.hit.id for s in found.suggestions]
            return ranked, [s.hit.id for s in found.suggestions if s.confidence >= floor]
        else:
            found = search_service.search(engine, text, mode=m, limit=limit, candidates=values["SEARCH_CANDIDATES"])
        return [hit.id for hit in found.hits]

    def progress(done: int, total: int) -> None:
        if done % 100 == 0 or done == total:
            click.echo(f"  {done}/{total} queries", err=True)

    with user_errors():
        search_service.warm(engine)  # before the clock starts, as kb serve does
        results = evaluation.evaluate(dataset, modes, run_query, progress if sys.stderr.isatty() else None)

    summary = {m: (scores.summary() if task == "search" else scores.suggest_summary()) for m, scores in results.items()}
    names = list(next(iter(summary.values())))
    click.echo(f"{'mode':<9}" + "".join(f"{n:>11}" for n in names) + f"{'p50 ms':>9}{'p99 ms':>9}")
    for m, scores in results.items():
        click.echo(
            f"{m:<9}"
            + "".join(f"{summary[m][n]:>11.4f}" for n in names)
            + f"{evaluation.percentile(scores.latencies_ms, 50):>9.1f}"
            + f"{evaluation.percentile(scores.latencies_ms, 99):>9.1f}"
        )
    if as_json:
        timed = results.get("hybrid") or results.get("suggest") or next(iter(results.values()))
        click.echo(
            json.dumps(
                {
                    "dataset": dataset.name,
                    "task": task,
                    "queries": len(dataset.queries),
                    "modes": summary,
                    "latency_ms": {
                        "p50": round(evaluation.percentile(timed.latencies_ms, 50), 2),
                        "p99": round(evaluation.percentile(timed.latencies_ms, 99), 2),
                    },
                }
            )
        )
