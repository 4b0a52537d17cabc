"""``kb serve``: the web service (help center, JSON API) on Waitress, a production WSGI server."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys

import click

from kb.cli.common import user_errors


def make_server(app, host: str, port: int, threads: int, sock: socket.socket | None = None):
    """A Waitress server for ``app`` (port 0: a free one, see ``server.effective_port``); ``run()`` serves.

    Waitress keeps a fixed pool of request threads: Werkzeug's development server started a thread per
    request and cost ~5 ms more per search here (docs/benchmarks.md). ``sock``: a socket already bound
    (several processes sharing a port).
    """
    from waitress.server import create_server

    if sock is not None:
        return create_server(app, sockets=[sock], threads=threads, ident="kb")
    return create_server(app, host=host, port=port, threads=threads, ident="kb")


def shared_socket(host: str, port: int, shared: bool = True) -> socket.socket:
    """A listening socket on ``host:port`` that other processes may bind too (SO_REUSEPORT): the kernel
    spreads new connections over them. ``shared=False``: this process's alone."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(1024)
    return sock


def _load(threads: int, host: str, port: int, sock: socket.socket | None):
    from indexer.backend import NoIndex
    from kb import create_app

    with user_errors():
        logging.getLogger("kb.access").setLevel(logging.INFO)  # a server's access log shows by default
        app = create_app()
        try:  # load the model, the index and the typo corrector, and run the model once, before any request
            from kb.services import search

            search.warm(app.extensions["kb.engine"])
        except NoIndex as exc:
            click.echo(f"warning: {exc}; search answers 503 until then", err=True)
        try:
            return make_server(app, host, port, threads, sock)
        except OSError as exc:
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _prepare() -> None:
    """What is made once for every process, made before they start, so that none races another: the
    database's tables and the key files (the session secret, the TOTP key); and what they can share
    after the fork, copy-on-write: the model's tokenizer (~290 MB for e5), if the model is converted."""
    from kb.cli.common import load_settings
    from kb.db import open_db
    from kb.services import staff
    from kb.services.engine import preload_tokenizer

    with user_errors():
        values = load_settings()
        staff.secret_key(values)
        open_db(values).dispose()  # no connection may cross the fork
        preload_tokenizer(values)


def _run(server) -> None:
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64), help="request threads")
@click.option(
    "--processes",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="server processes sharing the port (each loads the model and the index)",
)
def serve(host: str, port: int, threads: int, processes: int) -> None:
    """Serve kb on http://HOST:PORT."""
    if processes == 1:
        try:  # the port first: a taken one fails at once, not after the model and the index load
            sock = shared_socket(host, port, shared=False)
        except OSError as exc:
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        server = _load(threads, host, port, sock)
        click.echo(f"kb serving on http://{host}:{port}/  (Ctrl+C to stop)")
        _run(server)
        return
    try:
        shared_socket(host, port).close()  # a taken port is one sentence here, not N tracebacks
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    _prepare()
    # Fork before anything loads the model: torch's threads do not survive a fork (gunicorn's
    # preloading hung here), so each process loads its own.
    children = []
    for _ in range(processes):
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            code = 0
            try:
                _run(_load(threads, host, port, shared_socket(host, port)))
            except click.ClickException as exc:
                exc.show()
                code = 1
            except SystemExit:
                pass
            except BaseException:  # say why this process stops, then stop it (never fall back into the parent)
                import traceback

                traceback.print_exc()
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        children.append(pid)
    click.echo(f"kb serving on http://{host}:{port}/ with {processes} processes  (Ctrl+C to stop)")

    def stop(*_):
        for child in children:
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGTERM, lambda *_: stop())
    try:
        for child in children:
            os.waitpid(child, 0)
    except KeyboardInterrupt:
        stop()
        for child in children:
            os.waitpid(child, 0)
