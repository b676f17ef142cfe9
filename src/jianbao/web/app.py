"""The web application: `create_app(target, WebSettings())` → a FastAPI app over a read-only archive.

Requests borrow an archive connection from a small pool (one connection is not shared between
threads). Errors the client caused get 4xx with a message: JSON under /api/, an HTML page elsewhere.
"""
from __future__ import annotations

import asyncio
import queue
import sqlite3
import threading
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import Archive, ArchiveError, QueryError, open_archive
from .api import router as api_router
from .cache import TTLCache
from .messages import HEADINGS, chinese, invalid as explain
from .pages import router as pages_router

HERE = Path(__file__).resolve().parent
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


@dataclass(frozen=True)
class WebSettings:
    pool: int = 4                 # archive connections
    wait: float = 120.0           # seconds a request queues for a free connection (then 503): under a
                                  # burst, requests wait their turn rather than fail
    cache_ttl: float = 60.0       # facet counts, profiles, stats; 0 turns the cache off
    facet_limit: int = 10         # values shown per facet
    exact_up_to: int = 10_000     # matches counted exactly for facets; above, a sample of about this many
    max_text: int = 200_000       # characters of a page's original input shown
    allowed_hosts: tuple[str, ...] | None = None  # Host headers accepted (None: any)


class Pool:
    """Read-only archives, opened as needed, at most `size`; borrowed one request at a time."""

    def __init__(self, target: str, size: int, wait: float):
        self.target, self.size, self.wait = target, size, wait
        self._free: queue.Queue[Archive] = queue.Queue()
        self._all: list[Archive] = []
        self._lock = threading.Lock()
        self._free.put(open_archive(target, readonly=True))  # fails now, not at the first request
        self._all.append(self._free.queue[0])

    @contextmanager
    def archive(self) -> Iterator[Archive]:
        try:
            arch = self._free.get_nowait()
        except queue.Empty:
            with self._lock:
                grow = len(self._all) < self.size
                if grow:
                    arch = open_archive(self.target, readonly=True)
                    self._all.append(arch)
            if not grow:
                try:
                    arch = self._free.get(timeout=self.wait)
                except queue.Empty:
                    raise StarletteHTTPException(503, "the server is busy; try again in a moment") from None
        try:
            yield arch
        finally:
            self._free.put(arch)

    def close(self) -> None:
        for a in self._all:
            try:
                a.close()
            except Exception:  # noqa: BLE001 - closing at shutdown: nothing to report to anyone
                pass
        self._all.clear()


def templates() -> Environment:
    # the templates ship with the package: compiled once, never looked at again (auto_reload would
    # stat every file of a page on every request)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, auto_reload=False)
    env.globals["version"] = __version__
    return env


SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _host(header: str) -> str:
    """The host of a Host header, without its port ("[::1]:8000" → "[::1]")."""
    return header.split("]")[0] + "]" if header.startswith("[") else header.rsplit(":", 1)[0]


class Guard:
    """ASGI middleware: refuses a Host header not allowed (None: any) and adds SECURITY_HEADERS to every
    response. Plain ASGI, as the `@app.middleware` kind runs each request through a task group and
    memory streams of its own."""

    def __init__(self, app, allowed_hosts: tuple[str, ...] | None):
        self.app, self.allowed_hosts = app, allowed_hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def secured(message):
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)
        if self.allowed_hosts is not None and _host(Headers(scope=scope).get("host") or "") not in self.allowed_hosts:
            bad = JSONResponse({"detail": "this server answers only to its own address"}, status_code=400)
            return await bad(scope, receive, secured)
        await self.app(scope, receive, secured)


def create_app(target: str, settings: WebSettings = WebSettings()) -> FastAPI:
    """Raises ArchiveError when the archive cannot be opened (read-only)."""
    pool = Pool(target, settings.pool, settings.wait)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        with pool.archive() as arch:   # each server process: the facets' columns read in the background
            arch.hold_facet_columns()
        yield
        pool.close()

    app = FastAPI(title="jianbao 剪报", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Read-only JSON API over a jianbao archive: search with facets, articles "
                              "(continued parts joined), pages as cut, people over time.")
    app.state.pool, app.state.settings = pool, settings
    app.state.slots = asyncio.Semaphore(settings.pool)
    app.state.cache = TTLCache(settings.cache_ttl)
    app.state.env = templates()
    app.state.where = pool._all[0].where

    app.add_middleware(Guard, allowed_hosts=settings.allowed_hosts)

    def problem(request: Request, status: int, detail: str, headers: dict | None = None, zh: str | None = None):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": detail}, status_code=status, headers=headers)
        html = app.state.env.get_template("error.html").render(
            status=status, detail=detail, zh=zh or chinese(detail), heading=HEADINGS.get(status, "出错了"),
            archive_name=app.state.where)
        return HTMLResponse(html, status_code=status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "bad request"
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such page here; start from the search page at /"
        return problem(request, exc.status_code, detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        detail, zh = explain(list(exc.errors()))
        status = 422 if request.url.path.startswith("/api/") else 400
        return problem(request, status, detail, zh=zh)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):
        return problem(request, 400, str(exc))

    @app.exception_handler(ArchiveError)
    async def archive_down(request: Request, exc: ArchiveError):
        return problem(request, 503, str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def db_down(request: Request, exc: Exception):
        return problem(request, 503, f"the archive cannot be read now ({str(exc).splitlines()[0][:200]}); "
                                     "try again in a moment")

    try:
        import psycopg
        app.add_exception_handler(psycopg.OperationalError, db_down)
    except ImportError:  # pragma: no cover - psycopg is a dependency
        pass

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


__all__ = ["ArchiveError", "WebSettings", "create_app"]
