"""`jianbao serve`: open the archive in a browser. Imports the web stack only when run."""
from __future__ import annotations

import ipaddress

import click

from ..cli_archive import db_option
from ..store import ArchiveError


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default serves this machine only; 0.0.0.0 serves the network "
                   "(there is no login: anyone who can reach the port can read the archive).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--connections", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Archive connections shared by concurrent requests.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Server processes, each with its own connections; new connections are spread over "
                   "them. One process runs Python on one core at a time. Default: one per core (at most 8).")
def serve(db: str, host: str, port: int, connections: int, workers: int) -> None:
    """Read and analyse the archive in a web browser: search with facets, articles with their
    people and places linked, whole pages as cut beside their input, people over time.

    The archive is opened read-only; nothing on the pages comes from the network.
    The same data is served as JSON under /api/ (schema: /openapi.json).

    \b
    Examples:
      jianbao serve --db news.db                 # then open http://127.0.0.1:8000/
      jianbao serve --db postgresql://reader@dbhost/news --port 8080
    """
    if workers is None:
        from .serve import default_workers
        workers = default_workers()
    try:
        from . import serve as server
        from .app import LOOPBACK_HOSTS, WebSettings, create_app
    except ImportError as e:  # pragma: no cover - they are dependencies
        raise click.ClickException(f"the web UI needs {e.name}: pip install fastapi uvicorn jinja2") from None
    settings = WebSettings(pool=connections, allowed_hosts=tuple(LOOPBACK_HOSTS) if _loopback(host) else None)
    try:
        app = create_app(db, settings)
    except ArchiveError as e:
        raise click.ClickException(str(e))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"jianbao: serving {app.state.where} (read-only) at http://{shown}:{port}/ — Ctrl+C stops", err=True)
    if not _loopback(host):
        click.echo(f"jianbao: warning: listening on {host}, not only this machine; there is no login", err=True)
    try:
        server.run(db, settings, host, port, workers, app=app)
    except OSError as e:  # port taken etc.
        raise click.ClickException(f"cannot listen on {host}:{port}: {e.strerror or e}")
