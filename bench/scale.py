"""Scale-out: `jianbao ingest --dask local:N` on generated pages, 1 and 2 workers.

    .venv/bin/python bench/scale.py [--pages 20000] [--workers 1,2] [--tag]

Two outputs per worker count: a Parquet dataset written by the workers themselves (what scales),
and the SQLite archive written by the single writer on the client. Cluster start-up is included
in the time (it is a few seconds). This machine has 2 cores: beyond 2 workers nothing can gain.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jianbao.synth import generate_pages  # noqa: E402


def run(args: list[str]) -> float:
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "jianbao", "ingest", *args, "--no-progress"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(r.stderr[-800:])
    return time.monotonic() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--tag", action="store_true", help="tag too (default: cut only)")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="jianbao-scale-"))
    pages = tmp / "pages"
    pages.mkdir()
    for k, (text, _) in enumerate(generate_pages(a.pages, seed=700_000)):
        (pages / f"p{k:06d}.md").write_text(text, encoding="utf-8")
    tag = [] if a.tag else ["--no-tag"]
    print(f"{a.pages} generated pages, {'cut + tag' if a.tag else 'cut only'}, Dask LocalCluster, "
          f"{os.cpu_count()} cores")
    print(f"{'workers':>8s}{'parquet pages/s':>17s}{'sqlite pages/s':>16s}")
    for w in (int(x) for x in a.workers.split(",")):
        out = tmp / f"pq{w}"
        t_pq = run([str(pages), "--dask", f"local:{w}", "--parquet", str(out), *tag])
        db = tmp / f"a{w}.db"
        t_db = run([str(pages), "--dask", f"local:{w}", "--db", str(db), *tag])
        print(f"{w:>8d}{a.pages / t_pq:>17.1f}{a.pages / t_db:>16.1f}", flush=True)
        shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
