"""``kb serve``: the web service (help center, JSON API)."""

from __future__ import annotations

import click

from kb.cli.common import user_errors


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
def serve(host: str, port: int) -> None:
    """Serve kb on http://HOST:PORT (threaded)."""
    from indexer.reader import NoIndex
    from kb import create_app

    with user_errors():
        app = create_app()
        try:  # load the model, the index and the typo corrector, and run the model once, before any request
            engine = app.extensions["kb.engine"]
            _ = engine.checked_reader().bm25.speller
            engine.warm_up()
        except NoIndex as exc:
            click.echo(f"warning: {exc}; search answers 503 until then", err=True)
    click.echo(f"kb serving on http://{host}:{port}/  (Ctrl+C to stop)")
    app.run(host=host, port=port, threaded=True, use_reloader=False)
