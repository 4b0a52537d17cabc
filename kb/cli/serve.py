"""``kb serve``: the web service (help center, JSON API) on Waitress, a production WSGI server."""

from __future__ import annotations

import click

from kb.cli.common import user_errors


def make_server(app, host: str, port: int, threads: int):
    """A Waitress server for ``app`` (port 0: a free one, see ``server.effective_port``); ``run()`` serves.

    Waitress keeps a fixed pool of request threads: Werkzeug's development server started a thread per
    request and cost ~5 ms more per search here (docs/benchmarks.md).
    """
    from waitress.server import create_server

    return create_server(app, host=host, port=port, threads=threads, ident="kb")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64), help="request threads")
def serve(host: str, port: int, threads: int) -> None:
    """Serve kb on http://HOST:PORT."""
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
        try:
            server = make_server(app, host, port, threads)
        except OSError as exc:
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    click.echo(f"kb serving on http://{host}:{port}/  (Ctrl+C to stop)")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
