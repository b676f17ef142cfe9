"""Ingest throughput and memory: `jianbao ingest` of generated pages with 1 and 2 workers, into
SQLite and into PostgreSQL. Memory is the resident set of the whole process tree (the command and
its workers), sampled as the archive grows, to show it stays flat.

    .venv/bin/python bench/ingest.py [--pages 10000] [--pg postgresql:///postgres?host=/var/run/postgresql]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jianbao.synth import generate_pages  # noqa: E402


def tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                kids = Path(f"/proc/{p}/task/{t}/children").read_text().split()
                todo.extend(int(k) for k in kids)
        except OSError:
            pass
    return out


def rss_mb(pid: int) -> float:
    total = 0
    for p in tree(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def count_pages(target: str) -> int:
    from jianbao.store import open_archive
    try:
        with open_archive(target, readonly=True) as a:
            return int(a.db.fetchone("SELECT count(*) FROM pages")[0])
    except Exception:  # noqa: BLE001 - not created yet
        return 0


def run(folder: Path, target: str, workers: int, n: int) -> dict:
    cmd = [sys.executable, "-m", "jianbao", "ingest", str(folder), "--db", target, "--workers", str(workers),
           "--no-progress"]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[int, float]] = []
    while proc.poll() is None:
        time.sleep(1.0)
        samples.append((count_pages(target), rss_mb(proc.pid)))
    err = proc.stderr.read()
    secs = time.monotonic() - t0
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed: {err[-500:]}")
    peak = max((m for _, m in samples), default=0.0)

    def at(frac: float) -> float:
        near = [m for k, m in samples if k >= frac * n]
        return near[0] if near else float("nan")
    return {"secs": secs, "pps": n / secs, "peak": peak, "at10": at(0.1), "at50": at(0.5), "at90": at(0.9)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--pg", default=os.environ.get("JIANBAO_TEST_PG", "postgresql:///postgres?host=/var/run/postgresql"))
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--workers", default="1,2")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="jianbao-ingest-"))
    pages = tmp / "pages"
    pages.mkdir()
    for k, (text, _) in enumerate(generate_pages(a.pages, seed=500_000)):
        (pages / f"p{k:06d}.md").write_text(text, encoding="utf-8")
    print(f"ingest of {a.pages} generated pages (cut + tag + store), {os.cpu_count()} cores")
    print(f"{'backend':12s}{'workers':>8s}{'pages/s':>10s}{'seconds':>9s}{'peak MB':>9s}"
          f"{'MB@10%':>8s}{'MB@50%':>8s}{'MB@90%':>8s}")
    for backend in a.backends.split(","):
        for w in (int(x) for x in a.workers.split(",")):
            if backend == "sqlite":
                target = str(tmp / f"a{w}.db")
            else:
                import psycopg
                name = "jianbao_bench_" + uuid.uuid4().hex[:8]
                with psycopg.connect(a.pg, autocommit=True) as c:
                    c.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
                              "LC_CTYPE 'C.UTF-8' TEMPLATE template0")
                base, _, query = a.pg.partition("?")
                target = base.rsplit("/", 1)[0] + "/" + name + (f"?{query}" if query else "")
            r = run(pages, target, w, a.pages)
            print(f"{backend:12s}{w:>8d}{r['pps']:>10.1f}{r['secs']:>9.1f}{r['peak']:>9.0f}"
                  f"{r['at10']:>8.0f}{r['at50']:>8.0f}{r['at90']:>8.0f}", flush=True)
            if backend != "sqlite":
                import psycopg
                with psycopg.connect(a.pg, autocommit=True) as c:
                    c.execute(f"DROP DATABASE IF EXISTS {target.rsplit('/', 1)[1].split('?')[0]} WITH (FORCE)")


if __name__ == "__main__":
    main()
