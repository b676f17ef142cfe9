"""`jianbao serve`: the reader and analyst web UI over an archive (read-only).

    from jianbao.web import create_app, WebSettings
    app = create_app("news.db")          # an ASGI app: uvicorn, or FastAPI's TestClient

Modules: app (factory, pool, errors), api (JSON under /api/), pages (HTML), views (the data both
show), params (query parameters and their limits), charts (SVG), text (highlighting), cli (`serve`).
"""
from __future__ import annotations


def create_app(target, settings=None):
    from .app import WebSettings, create_app as make
    return make(target, settings or WebSettings())


def __getattr__(name):
    if name == "WebSettings":
        from .app import WebSettings
        return WebSettings
    raise AttributeError(name)
