"""Reprint detection (store/reprints.py): precision and recall on synthetic reprints, and speed.

    .venv/bin/python bench/reprints.py quality [--pairs 1000]     # P/R per threshold and shingle size
    .venv/bin/python bench/reprints.py lsh [--articles 100000]    # the LSH step alone, in an archive
    .venv/bin/python bench/reprints.py ingest [--pages 300]       # ingest with and without it, side by side
    .venv/bin/python bench/reprints.py against --tree /tmp/head/src [--pages 300] [--backend URL] [--prefill N]
                                                  # `jianbao ingest`: this tree against another (HEAD)

quality: `synth.reprints.story_pair` makes N reprints (new lead and headline, paragraphs dropped, swapped
and split, other papers' furniture, some in traditional characters) and N look-alikes (the same official,
kind and city, a shared boilerplate paragraph). A pair is found when LSH makes it a candidate, its
overlap estimated from the signatures is within MARGIN of the threshold, and its exact similarity
reaches the threshold (as ingest decides); recall over reprints, precision over everything found.
lsh: 100,000 synthetic articles (bodies of `synth` pages, 1 in 10 with a reprint among them) stored in
a fresh SQLite archive page by page, timed with and without `reprints.link_articles`.
ingest: `jianbao ingest`'s work in one process (read, cut, tag, Archive.add) over generated pages, in
alternating rounds with reprint detection on and off (reprints.link_page replaced by a no-op).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jianbao.store import reprints as R  # noqa: E402
from jianbao.synth.reprints import story_pair  # noqa: E402
from jianbao.textutil import t2s_table  # noqa: E402


def _set_shingle(k: int) -> None:
    R._np()                  # the constants made first, so that they are not made again over _POW
    R.SHINGLE = k
    R._POW = np.array([pow(1_000_003, k - 1 - j, 2**64) for j in range(k)], dtype=np.uint64)


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter) if len(a) + len(b) else 0.0


def _kind(pa: list[str], pb: list[str], a: np.ndarray, b: np.ndarray) -> str:
    """What makes a reprint hard: printed in traditional characters, printed in part (under 60% of the
    original's shingles), or only a new lead and headline and other cuts."""
    if any(t2s(ch) != ch for ch in "".join(pb)):
        return "traditional"
    return "partial" if len(b) < 0.6 * len(a) else "recut"


def t2s(ch: str) -> str:
    return t2s_table().get(ord(ch), ch)


def _measures(n: int) -> list[tuple[bool, bool, float, float, str]]:
    """(is a reprint, LSH candidate, overlap, jaccard, kind) of n reprints and n look-alikes."""
    out = []
    for seed in range(n):
        for truth in (True, False):
            (_, pa), (_, pb) = story_pair(seed, truth)
            a, b = R.shingles("\n".join(pa)), R.shingles("\n".join(pb))
            kind = _kind(pa, pb, a, b) if truth else "look-alike"
            if min(len(a), len(b)) < R.MIN_SHINGLES:
                out.append((truth, False, 0.0, 0.0, kind))
                continue
            sa, sb = R.signature(a), R.signature(b)
            j = float(np.mean(sa == sb))         # as ingest does (reprints._likely): the overlap estimated
            est = j * (len(a) + len(b)) / (1 + j) / min(len(a), len(b))   # from the signatures first
            cand = bool(set(R.band_hashes(sa)) & set(R.band_hashes(sb))) and est >= R.THRESHOLD - R.MARGIN
            out.append((truth, cand, R.overlap(a, b), _jaccard(a, b), kind))
    return out


def _as_stored(m: list[tuple[bool, bool, float, float, str]]) -> None:
    """Precision and recall as ingest decides (LSH candidate, overlap ≥ THRESHOLD), by kind of reprint."""
    pos = [x for x in m if x[0]]
    tp = sum(1 for x in pos if x[1] and x[2] >= R.THRESHOLD)
    fp = sum(1 for x in m if not x[0] and x[1] and x[2] >= R.THRESHOLD)
    print(f"as stored (shingle {R.SHINGLE}, {R.BANDS}×{R.ROWS} bands, overlap ≥ {R.THRESHOLD}): "
          f"recall {tp / len(pos):.3f} ({tp}/{len(pos)}), precision {tp / max(1, tp + fp):.3f} "
          f"({fp} of {len(m) - len(pos)} look-alikes linked)")
    for kind in ("recut", "partial", "traditional"):
        k = [x for x in pos if x[4] == kind]
        if k:
            found = sum(1 for x in k if x[1] and x[2] >= R.THRESHOLD)
            print(f"  {kind:<12} {found}/{len(k)} found ({found / len(k):.3f}); not a candidate: "
                  f"{sum(1 for x in k if not x[1])}")


def quality(n: int) -> None:
    print(f"{n} reprints, {n} look-alikes; PERMS={R.PERMS} BANDS={R.BANDS} ROWS={R.ROWS}")
    _as_stored(_measures(n))
    keep = R.SHINGLE
    for k in (4, 5, 6, 8):
        _set_shingle(k)
        m = _measures(n)
        pos = [x for x in m if x[0]]
        neg = [x for x in m if not x[0]]
        cands = sum(x[1] for x in pos)
        print(f"\nshingle {k}: LSH candidates: reprints {cands}/{len(pos)}, look-alikes {sum(x[1] for x in neg)}/{len(neg)}")
        for name, at in (("overlap", 2), ("jaccard", 3)):
            p = sorted(x[at] for x in pos)
            q = sorted(x[at] for x in neg)
            print(f"  {name}: reprints p5 {p[len(p) // 20]:.2f} median {p[len(p) // 2]:.2f}; "
                  f"look-alikes median {q[len(q) // 2]:.2f} p95 {q[len(q) * 19 // 20]:.2f} max {q[-1]:.2f}")
            for t in (0.4, 0.5, 0.6, 0.65, 0.7):
                tp = sum(1 for x in pos if x[1] and x[at] >= t)
                fp = sum(1 for x in neg if x[1] and x[at] >= t)
                prec = tp / (tp + fp) if tp + fp else 1.0
                print(f"    ≥ {t:.2f}: recall {tp / len(pos):.3f}  precision {prec:.3f}  (false {fp})")
    _set_shingle(keep)


def _bodies(n: int, seed: int = 0) -> list[str]:
    """n article bodies: synthetic pages' articles; after every tenth a story of `story_pair`, its reprint
30 articles on."""
    from jianbao.synth import generate_page
    out: list[str] = []
    later: list[tuple[int, str]] = []
    k = seed
    while len(out) < n:
        _, doc = generate_page(k)
        k += 1
        for a in doc["articles"]:
            out.append("\n".join(a["paragraphs"]))
            if len(out) % 10 == 0:   # a story and, some pages on, its reprint
                (_, pa), (_, pb) = story_pair(len(out), True)
                out.append("\n".join(pa))
                later.append((len(out) + 30, "\n".join(pb)))
            while later and later[0][0] <= len(out):
                out.append(later.pop(0)[1])
    return out[:n]


def lsh(n: int) -> None:
    from jianbao.store import open_archive
    t0 = time.perf_counter()
    bodies = _bodies(n)
    print(f"{n} article bodies made in {time.perf_counter() - t0:.1f} s")
    for on in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            arch = open_archive(str(Path(tmp) / "a.db"))
            db = arch.db
            db.execute("INSERT INTO pages(page_key, sha1, text, doc, ingested_at) VALUES ('p','p','','{}','')")
            linked = 0.0
            t0 = time.perf_counter()
            for start in range(0, n, 10):   # ten articles a page, a transaction each
                with db.transaction():
                    ids = []
                    for k, body in enumerate(bodies[start:start + 10]):
                        aid = db.insert("INSERT INTO articles(uid, page_id, seq, kind, body) VALUES (?,1,?,?,?)",
                                        (f"u{start + k}", start + k, "news", body))
                        db.execute("UPDATE articles SET logical_id=? WHERE id=?", (aid, aid))
                        ids.append((aid, aid, body))
                    if on:
                        t1 = time.perf_counter()
                        R.link_articles(db, ids)
                        linked += time.perf_counter() - t1
            total = time.perf_counter() - t0
            stories = db.fetchone("SELECT count(DISTINCT story_id), count(*) FROM article_stories")
            pairs = db.fetchone("SELECT count(*) FROM reprint_pairs")[0]
            size = Path(tmp, "a.db").stat().st_size / 1e6
            arch.close()
        label = "with reprints" if on else "without      "
        print(f"{label}: {n / total:,.0f} articles/s stored" +
              (f"; the LSH step alone {n / linked:,.0f} articles/s ({linked:.1f} s); "
               f"{pairs} pairs, {stories[0]} stories of {stories[1]} articles" if on else "") +
              f"; archive {size:.0f} MB")


def ingest(pages: int, rounds: int) -> None:
    from jianbao.pipeline import run_bytes
    from jianbao.store import open_archive
    from jianbao.synth import generate_pages
    import jianbao.store.write as W
    texts = [(f"synth-{k:06d}.md", t.encode()) for k, (t, _) in enumerate(generate_pages(pages, seed=5000))]
    real = W.reprints.link_page
    took: dict[bool, list[float]] = {True: [], False: []}
    for r in range(rounds):
        for on in ((True, False) if r % 2 == 0 else (False, True)):
            W.reprints.link_page = real if on else (lambda db, page_id: None)
            with tempfile.TemporaryDirectory() as tmp:
                arch = open_archive(str(Path(tmp) / "a.db"))
                t0 = time.perf_counter()
                for name, data in texts:
                    arch.add(run_bytes(data, name), data.decode())
                took[on].append(time.perf_counter() - t0)
                arch.close()
    W.reprints.link_page = real
    for on in (False, True):
        best = min(took[on])
        print(f"{'with reprints' if on else 'without      '}: best of {rounds} {pages / best:.1f} pages/s "
              f"(rounds: {', '.join(f'{pages / t:.1f}' for t in took[on])})")
    print(f"ratio with/without (best rounds): {min(took[False]) / min(took[True]):.3f}")


def _ingest(src: str, folder: Path, target: str, workers: int = 1) -> None:
    import os
    import subprocess
    out = subprocess.run([sys.executable, "-m", "jianbao", "ingest", str(folder), "--db", target,
                          "--workers", str(workers), "--no-progress"], env={**os.environ, "PYTHONPATH": src},
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{src}: ingest failed: {out.stderr[-800:]}")


def against(tree: str, pages: int, rounds: int, backend: str, prefill: int = 0) -> None:
    """`jianbao ingest` of the same generated pages by this tree and by another (HEAD extracted), each
    round in fresh processes, the order alternating; pages per second, best round and every round.
    `prefill`: each tree first stores that many other generated pages in an archive of its own, and
    every round ingests into a copy of it (the steady state of a growing archive, not a fresh one)."""
    import os
    import shutil
    import subprocess
    from jianbao.synth import generate_pages
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for k, (text, _) in enumerate(generate_pages(pages, seed=500_000)):
            (folder / f"p{k:06d}.md").write_text(text, encoding="utf-8")
        trees = {"this tree": str(ROOT / "src"), "other tree": tree}
        took: dict[str, list[float]] = {k: [] for k in trees}
        base: dict[str, str] = {}
        if prefill:
            before = Path(tmp) / "prefill"
            before.mkdir()
            for k, (text, _) in enumerate(generate_pages(prefill, seed=900_000)):
                (before / f"q{k:06d}.md").write_text(text, encoding="utf-8")
            for name, src in trees.items():
                if backend == "sqlite":
                    base[name] = str(Path(tmp) / f"base-{name[:4]}.db")
                    _ingest(src, before, base[name], workers=2)
                else:
                    import psycopg
                    db = f"jianbao_base_{os.getpid()}_{name[:4]}"
                    with psycopg.connect(backend, autocommit=True) as c:
                        c.execute(f"DROP DATABASE IF EXISTS {db}")
                        c.execute(f"CREATE DATABASE {db}")
                    _ingest(src, before, backend.replace("/postgres?", f"/{db}?"), workers=2)
                    base[name] = db
            print(f"prefilled: {prefill} pages in each tree's archive")
        for r in range(rounds):
            for name in (list(trees) if r % 2 == 0 else list(trees)[::-1]):
                if backend == "sqlite":
                    target = str(Path(tmp) / f"{r}-{name[:4]}.db")
                    for end in ("", "-wal") if name in base else ():
                        if Path(base[name] + end).exists():
                            shutil.copy(base[name] + end, target + end)
                else:
                    import psycopg
                    db = f"jianbao_bench_{os.getpid()}_{r}_{name[:4]}"
                    with psycopg.connect(backend, autocommit=True) as c:
                        c.execute(f"DROP DATABASE IF EXISTS {db}")
                        c.execute(f"CREATE DATABASE {db}" + (f" TEMPLATE {base[name]}" if name in base else ""))
                    target = backend.replace("/postgres?", f"/{db}?")
                env = {**os.environ, "PYTHONPATH": trees[name]}
                t0 = time.perf_counter()
                out = subprocess.run([sys.executable, "-m", "jianbao", "ingest", str(folder), "--db", target,
                                      "--workers", "1", "--no-progress"], env=env, capture_output=True, text=True)
                took[name].append(time.perf_counter() - t0)
                if out.returncode != 0:
                    raise SystemExit(f"{name}: ingest failed: {out.stderr[-800:]}")
                if backend != "sqlite":
                    with psycopg.connect(backend, autocommit=True) as c:
                        c.execute(f"DROP DATABASE IF EXISTS {db}")
                else:
                    for end in ("", "-wal", "-shm"):
                        Path(target + end).unlink(missing_ok=True)
        if backend != "sqlite":
            import psycopg
            with psycopg.connect(backend, autocommit=True) as c:
                for db in base.values():
                    c.execute(f"DROP DATABASE IF EXISTS {db}")
        for name in trees:
            print(f"{name:<10} ({trees[name]}): best {pages / min(took[name]):.1f} pages/s "
                  f"(rounds: {', '.join(f'{pages / t:.1f}' for t in took[name])})")
        print(f"this/other (best rounds): {min(took['other tree']) / min(took['this tree']):.3f}; "
              f"(medians): {sorted(took['other tree'])[rounds // 2] / sorted(took['this tree'])[rounds // 2]:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("quality", "lsh", "ingest", "against"))
    ap.add_argument("--tree", help="against: the other tree's src folder (HEAD: git archive HEAD src | tar -x)")
    ap.add_argument("--backend", default="sqlite", help="against: sqlite, or a PostgreSQL URL of the server")
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--prefill", type=int, default=0, help="against: pages each archive holds before the timed ingest")
    args = ap.parse_args()
    if args.what == "quality":
        quality(args.pairs)
    elif args.what == "lsh":
        lsh(args.articles)
    elif args.what == "against":
        against(args.tree, args.pages, args.rounds, args.backend, args.prefill)
    else:
        ingest(args.pages, args.rounds)


if __name__ == "__main__":
    main()
