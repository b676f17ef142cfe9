"""Web UI: the server's CPU time per search request, in-process, split by phase.

    .venv/bin/python bench/web_cpu.py [--requests 300] [--api] [--urls FILE] [--src DIR] [--db bench/results/web.db]

Search URLs drawn as bench/web.py draws them (its workloads(): new queries every run; --urls keeps one
draw for a before and after), sent one at a time straight to the ASGI app (no HTTP parsing, no client),
cache off. CPU time (time.process_time) is what a request costs whatever else the machine runs, so
unlike wall-clock latency it can be compared across runs on a shared machine. Phases: the store's facet
counts, ranking (the walk over a query's newest matches), hits (the page of results, with snippets),
render (the HTML template), and the rest (framework, parameters, response models, JSON). Where the time goes inside a phase:
`.venv/bin/py-spy record -- .venv/bin/python bench/web_cpu.py`.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

PHASES: dict[str, float] = {}


def timed(module, name: str, phase: str) -> None:
    """Count the CPU time spent in module.name under `phase`."""
    fn = getattr(module, name)

    def wrapper(*a, **k):
        t0 = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            PHASES[phase] = PHASES.get(phase, 0.0) + time.process_time() - t0
    setattr(module, name, wrapper)


async def get(app, url: str) -> int:
    """One GET through the ASGI app, as a server would send it; the status."""
    u = urlsplit(url)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": u.path, "raw_path": u.path.encode(), "query_string": u.query.encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    status, asked = 0, False

    async def receive():   # the request's (empty) body, then nothing until the app stops listening
        nonlocal asked
        if asked:
            await asyncio.Event().wait()
        asked = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(msg):
        nonlocal status
        if msg["type"] == "http.response.start":
            status = msg["status"]
    await app(scope, receive, send)
    return status


async def measure(app, urls: list[str]) -> list[tuple[float, dict[str, float]]]:
    out = []
    for u in urls:
        PHASES.clear()
        t0 = time.process_time()
        status = await get(app, u)
        spent = time.process_time() - t0
        if status != 200:
            raise SystemExit(f"{u}: HTTP {status}")
        out.append((spent * 1000, {k: v * 1000 for k, v in PHASES.items()}))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=ROOT / "bench/results/web.db")
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--api", action="store_true", help="/api/search instead of the HTML page")
    ap.add_argument("--urls", type=Path, help="the search URLs from this file, or drawn and written there first "
                                              "(bench/web.py draws anew each run): the same requests before and after")
    ap.add_argument("--src", type=Path, help="measure the jianbao package under this folder instead (an earlier "
                                             "version, e.g. from git archive; --db then an archive it can open)")
    a = ap.parse_args()
    sys.path.insert(0, str(a.src or ROOT / "src"))
    from jianbao.web import pages, views   # first: bench/web.py puts this tree's src/ on the path
    from jianbao.web.app import WebSettings, create_app
    from search import pct  # bench/search.py
    from web import workloads  # bench/web.py
    assert Path(views.__file__).is_relative_to((a.src or ROOT / "src").resolve()), views.__file__
    if a.urls and a.urls.exists():
        urls = a.urls.read_text().split()
    else:
        urls = workloads(a.db, a.requests + 40, random.Random(a.seed))["search page"]
        if a.urls:
            a.urls.write_text("\n".join(urls) + "\n")
    if len(urls) < a.requests + 40:
        raise SystemExit(f"{a.urls}: {len(urls)} URLs, fewer than --requests + 40")
    if a.api:
        urls = ["/api" + u for u in urls]
    app = create_app(str(a.db), WebSettings(cache_ttl=0.0))
    # the views call the archive's methods (store.Archive); older trees called the store's functions
    from jianbao import store
    archive = getattr(store, "Archive", None)
    for owner, name, phase in ((archive, "facets", "facets"), (archive, "ranking", "ranking"),
                               (archive, "find", "hits"), (views, "facet_counts", "facets"),
                               (views, "Ranking", "ranking"), (views, "find", "hits"), (pages, "render", "render")):
        if owner is not None and hasattr(owner, name):
            timed(owner, name, phase)

    from jianbao.store import columns
    columns.BACKGROUND = False   # the server's columns read at start, before the warm-up: no request pays for them

    async def run():
        async with app.router.lifespan_context(app):
            await measure(app, urls[a.requests:])   # warm-up, not counted
            return await measure(app, urls[:a.requests])
    got = asyncio.run(run())
    total = [t for t, _ in got]
    print(f"{'/api' if a.api else ''}/search, {len(got)} requests, cache off: CPU ms per request")
    print(f"{'phase':10s}{'mean':>8s}{'p50':>8s}{'p95':>8s}")
    rows = {"total": total}
    for ph in ("facets", "ranking", "hits", "render"):
        rows[ph] = [p.get(ph, 0.0) for _, p in got]
    rows["rest"] = [t - sum(p.values()) for t, p in got]
    for name, xs in rows.items():
        print(f"{name:10s}{statistics.mean(xs):8.2f}{pct(xs, .5):8.2f}{pct(xs, .95):8.2f}")


if __name__ == "__main__":
    main()
