"""Ingest throughput and memory: `jianbao ingest` of generated pages with 1 and 2 workers, into
SQLite and into PostgreSQL. Memory is the resident set of the whole process tree (the command and
its workers), sampled as the archive grows, to show it stays flat.

    .venv/bin/python bench/ingest.py [--pages 10000] [--pg postgresql:///postgres?host=/var/run/postgresql]

Side by side with another commit (or source folder), in one run, taking turns:

    .venv/bin/python bench/ingest.py --against 1e39cc8 [--this HEAD] [--also REV ...] [--pages 300] [--rounds 5]
                                     [--prefill 2000] [--backends sqlite,postgresql] [--workers 1]

Each tree is a `src` folder: a commit's is extracted with `git archive REV src | tar -x` into a
temporary folder (no git state changes); `--this` defaults to this working tree's src. Every round
runs `jianbao ingest` of the same generated pages once per tree, each in a fresh process into a fresh
archive (or a copy of the tree's own prefilled one: `--prefill N` pages stored first, the steady
state of a growing archive), the order alternating (with --also trees, each tree first in turn); pages
per second per round, best and median, and each tree's ratio to the other per round and its median.
"""
from __future__ import annotations

import argparse
import os
import shutil
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


def src_tree(spec: str, tmp: Path) -> str:
    """A source folder (holding jianbao/) as given, or a commit's src extracted under tmp."""
    if (Path(spec) / "jianbao").is_dir():
        return str(Path(spec).resolve())
    out = tmp / f"tree-{spec.replace('/', '_')}"
    out.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", spec, "src"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive.stdout, check=True)
    return str(out / "src")


def _pg_db(pg: str, name: str, template: str | None = None) -> str:
    import psycopg
    with psycopg.connect(pg, autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' "
                  f"TEMPLATE {template or 'template0'}")
    base, _, query = pg.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + (f"?{query}" if query else "")


def _pg_drop(pg: str, name: str) -> None:
    import psycopg
    with psycopg.connect(pg, autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _ingest(src: str, folder: Path, target: str, workers: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the ingest and its workers: less swayed by a shared machine)."""
    import resource
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "jianbao", "ingest", str(folder), "--db", target,
                          "--workers", str(workers), "--no-progress"],
                         env={**os.environ, "PYTHONPATH": src}, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise SystemExit(f"{src}: ingest failed: {out.stderr[-800:]}")
    return wall, (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)


def against(a: argparse.Namespace, tmp: Path, pages: Path) -> None:
    trees = {"this": src_tree(a.this, tmp), "other": src_tree(a.against, tmp)}
    label = {"this": f"this ({a.this})", "other": f"other ({a.against})"}
    for k, spec in enumerate(a.also or ()):   # more trees in the same rounds, each also ÷ other
        trees[f"also{k}"] = src_tree(spec, tmp)
        label[f"also{k}"] = f"also ({spec})"
    print(f"ingest of {a.pages} generated pages, {a.rounds} rounds taking turns, {os.cpu_count()} cores"
          + (f", archives prefilled with {a.prefill} pages" if a.prefill else ""))
    for name, src in trees.items():
        print(f"  {label[name]}: {src}")
    before = tmp / "prefill"
    if a.prefill:
        before.mkdir()
        for k, (text, _) in enumerate(generate_pages(a.prefill, seed=900_000)):
            (before / f"q{k:06d}.md").write_text(text, encoding="utf-8")
    tag = uuid.uuid4().hex[:6]
    for backend in a.backends.split(","):
        for w in (int(x) for x in a.workers.split(",")):
            base: dict[str, str] = {}
            for name, src in trees.items() if a.prefill else ():
                if backend == "sqlite":
                    base[name] = str(tmp / f"base-{name}.db")
                    _ingest(src, before, base[name], 2)
                else:
                    base[name] = f"jianbao_base_{tag}_{name}"
                    _ingest(src, before, _pg_db(a.pg, base[name]), 2)
            took: dict[str, list[float]] = {k: [] for k in trees}
            cpu: dict[str, list[float]] = {k: [] for k in trees}
            for r in range(a.rounds):
                order = list(trees)[r % len(trees):] + list(trees)[:r % len(trees)]   # each tree first in turn
                for name in (order if r % 2 == 0 else order[::-1]):
                    if backend == "sqlite":
                        target = str(tmp / f"r{r}-{name}.db")
                        for end in ("", "-wal") if name in base else ():
                            if Path(base[name] + end).exists():
                                shutil.copy(base[name] + end, target + end)
                    else:
                        db = f"jianbao_bench_{tag}_{r}_{name}"
                        target = _pg_db(a.pg, db, base.get(name))
                    wall, used = _ingest(trees[name], pages, target, w)
                    took[name].append(wall)
                    cpu[name].append(used)
                    if backend == "sqlite":
                        for end in ("", "-wal", "-shm"):
                            Path(target + end).unlink(missing_ok=True)
                    else:
                        _pg_drop(a.pg, db)
            for name in base if backend != "sqlite" else ():
                _pg_drop(a.pg, base[name])
            print(f"{backend}, {w} worker{'s' if w > 1 else ''}:")
            for what, runs in (("wall", took), ("CPU", cpu)):
                for name in trees:
                    t = runs[name]
                    print(f"  {label[name]:<28} {what:>4}: best {a.pages / min(t):6.1f} pages/s, median "
                          f"{a.pages / sorted(t)[len(t) // 2]:6.1f} (rounds: {', '.join(f'{a.pages / x:.1f}' for x in t)})")
                for name in (n for n in trees if n != "other"):
                    pairs = [o / m for m, o in zip(runs[name], runs["other"])]
                    print(f"  {name}/other {what:>4}: best rounds {min(runs['other']) / min(runs[name]):.3f}, medians "
                          f"{sorted(runs['other'])[a.rounds // 2] / sorted(runs[name])[a.rounds // 2]:.3f}, "
                          f"median of rounds {sorted(pairs)[len(pairs) // 2]:.3f}, "
                          f"per round {', '.join(f'{x:.3f}' for x in pairs)}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--pg", default=os.environ.get("JIANBAO_TEST_PG", "postgresql:///postgres?host=/var/run/postgresql"))
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--workers", default=None, help="1,2 (alone); 1 (--against)")
    ap.add_argument("--against", help="a commit or a src folder to compare with, side by side")
    ap.add_argument("--this", default=str(ROOT / "src"), help="--against: this side (a commit or a src folder)")
    ap.add_argument("--also", action="append", help="--against: one more tree (a commit or a src folder) "
                    "run in the same rounds and compared with the other; may be repeated")
    ap.add_argument("--rounds", type=int, default=5, help="--against: rounds, each tree once a round")
    ap.add_argument("--prefill", type=int, default=0, help="--against: pages in each archive before the timed ingest")
    a = ap.parse_args()
    a.workers = a.workers or ("1" if a.against else "1,2")
    tmp = Path(tempfile.mkdtemp(prefix="jianbao-ingest-"))
    pages = tmp / "pages"
    pages.mkdir()
    for k, (text, _) in enumerate(generate_pages(a.pages, seed=500_000)):
        (pages / f"p{k:06d}.md").write_text(text, encoding="utf-8")
    if a.against:
        try:
            against(a, tmp, pages)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
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
