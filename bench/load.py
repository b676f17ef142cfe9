"""Load: the web UI under 50 concurrent clients on loopback for 60 s while an ingest writes to the
same archive. Prints requests, errors (anything but 200), error rate, latency percentiles, and how
many pages the ingest stored meanwhile.

    .venv/bin/python bench/load.py [--clients 50] [--seconds 60] [--db bench/results/load.db]

The archive is a copy of bench/web.py's (built first if missing); the ingest adds generated pages
while the clients search and open person pages. Bounded: the clients stop at --seconds, the ingest
is killed if still running.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from web import pct, prepare, start, workloads  # noqa: E402  (bench/web.py)


async def timed_load(base: str, urls: list[str], clients: int, seconds: float) -> tuple[list[float], int, int]:
    import httpx
    lat: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    k = 0

    async def client(cid: int) -> None:
        nonlocal errors, k
        async with httpx.AsyncClient(base_url=base, timeout=180) as c:
            while time.monotonic() < stop:
                u = urls[k % len(urls)]
                k += 1
                t0 = time.perf_counter()
                try:
                    r = await c.get(u)
                    errors += r.status_code != 200
                except httpx.HTTPError:
                    errors += 1
                lat.append((time.perf_counter() - t0) * 1000)
    await asyncio.gather(*(client(i) for i in range(clients)))
    return lat, errors, len(lat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=ROOT / "bench/results/load.db")
    ap.add_argument("--source", type=Path, default=ROOT / "bench/results/web.db")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--ingest-pages", type=int, default=3000)
    a = ap.parse_args()
    a.db.parent.mkdir(parents=True, exist_ok=True)
    if not a.source.exists():
        prepare(a.source, ROOT / "bench/results/search.db", 100_000, 3000)
    if a.db.exists():
        a.db.unlink()
    src, dst = sqlite3.connect(a.source), sqlite3.connect(a.db)
    src.backup(dst)
    src.close(); dst.close()
    tmp = Path(tempfile.mkdtemp(prefix="jianbao-load-"))
    from jianbao.synth import generate_pages
    for k, (text, _) in enumerate(generate_pages(a.ingest_pages, seed=900_000)):
        (tmp / f"p{k:05d}.md").write_text(text, encoding="utf-8")
    server, base = start(a.db)
    w = workloads(a.db, 2000, random.Random(3))
    urls = [u for pair in zip(w["search page"], w["person page"]) for u in pair]
    before = sqlite3.connect(a.db).execute("SELECT count(*) FROM pages").fetchone()[0]
    ingest = subprocess.Popen([sys.executable, "-m", "jianbao", "ingest", str(tmp), "--db", str(a.db),
                               "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        lat, errors, n = asyncio.run(timed_load(base, urls, a.clients, a.seconds))
    finally:
        still = ingest.poll() is None
        ingest.kill()
        ingest.wait()
        server.terminate()
        server.wait(20)
        shutil.rmtree(tmp, ignore_errors=True)
    after = sqlite3.connect(a.db).execute("SELECT count(*) FROM pages").fetchone()[0]
    print(f"web UI under {a.clients} concurrent clients for {a.seconds:.0f} s on loopback, search and person pages "
          f"alternating, while `jianbao ingest` stored {after - before} page(s)"
          f"{' (still running at the end)' if still else ''}")
    print(f"requests {n}  errors {errors}  error rate {errors / max(n, 1):.4f}  "
          f"p50 {pct(lat, .5):.0f} ms  p95 {pct(lat, .95):.0f} ms  p99 {pct(lat, .99):.0f} ms  "
          f"max {max(lat):.0f} ms  {n / a.seconds:.1f} req/s")


if __name__ == "__main__":
    main()
