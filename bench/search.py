"""Search: recall, precision and latency of `jianbao search` against exact substring matching,
side by side with the naive alternatives (SQLite FTS5 with the trigram tokenizer; LIKE).

    .venv/bin/python bench/search.py [--articles 100000] [--queries 240] [--db bench/results/search.db]

The archive is built once from generated pages (jianbao.synth) and kept for later runs. Queries are
2-6 character runs of letters/digits drawn at random from the archive's own text; the truth for each
is the set of articles whose normalised text contains it. Latency is for what a user asks: the
top 10, ranked, with snippets (jianbao) or ranked by bm25 (trigram) / first 10 (LIKE).
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jianbao.pipeline import cut, read_bytes  # noqa: E402
from jianbao.settings import Settings  # noqa: E402
from jianbao.store import open_archive  # noqa: E402
from jianbao.store.search import match_ids, search  # noqa: E402
from jianbao.store.tokens import norm  # noqa: E402
from jianbao.synth import generate_page  # noqa: E402


def build(db: Path, n_articles: int) -> None:
    s = Settings(tag=False)
    arch = open_archive(str(db))
    have = arch.stats()["articles"]
    seed = int(arch.db.fetchone("SELECT count(*) FROM pages")[0])
    t0 = time.monotonic()
    while have < n_articles:
        text, _ = generate_page(1_000_000 + seed)
        seed += 1
        doc = cut(read_bytes(text.encode(), f"bench-{seed}.md", s), s)
        if arch.add(doc, text) == "added":
            have += len(doc.articles)
        if seed % 2000 == 0:
            print(f"  building: {have} articles, {seed} pages, {time.monotonic() - t0:.0f} s", file=sys.stderr)
    arch.close()


def texts(con: sqlite3.Connection) -> list[tuple[int, str]]:
    out = []
    subs: dict[int, list[str]] = {}
    for aid, t in con.execute("SELECT article_id, text FROM subheadings"):
        subs.setdefault(aid, []).append(t)
    for aid, k, h, s, body in con.execute("SELECT id, kicker, headline, subheadline, body FROM articles"):
        out.append((aid, norm("\n".join(x for x in (k, h, s, body, *subs.get(aid, [])) if x))))
    return out


def naive_index(con: sqlite3.Connection, docs: list[tuple[int, str]]) -> None:
    if con.execute("SELECT 1 FROM sqlite_master WHERE name='naive_fts'").fetchone():
        return
    con.execute("CREATE VIRTUAL TABLE naive_fts USING fts5(text, tokenize='trigram')")
    con.executemany("INSERT INTO naive_fts(rowid, text) VALUES (?,?)", docs)
    con.execute("CREATE TABLE naive_text (id INTEGER PRIMARY KEY, text TEXT)")
    con.executemany("INSERT INTO naive_text(id, text) VALUES (?,?)", docs)
    con.commit()


def draw(docs: list[tuple[int, str]], n: int, rnd: random.Random) -> list[str]:
    qs: list[str] = []
    seen = set()
    while len(qs) < n:
        _, t = rnd.choice(docs)
        k = rnd.randint(2, 6)
        i = rnd.randrange(0, max(1, len(t) - k))
        q = t[i:i + k]
        if len(q) == k and q.isalnum() and q not in seen:
            seen.add(q)
            qs.append(q)
    return qs


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]


def prf(got: set[int], want: set[int]) -> tuple[float, float]:
    tp = len(got & want)
    return (tp / len(want) if want else 1.0), (tp / len(got) if got else 1.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=240)
    ap.add_argument("--db", type=Path, default=ROOT / "bench/results/search.db")
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    a.db.parent.mkdir(parents=True, exist_ok=True)
    build(a.db, a.articles)
    con = sqlite3.connect(a.db)
    docs = texts(con)
    naive_index(con, docs)
    qs = draw(docs, a.queries, random.Random(a.seed))
    arch = open_archive(str(a.db), readonly=True)
    rec, prec, lat = {"jianbao": [], "naive": []}, {"jianbao": [], "naive": []}, {"jianbao": [], "naive": []}
    for q in qs:
        want = {i for i, t in docs if q in t}
        got = {x for x, _, _ in match_ids(arch.db, q, limit=10**7)}
        r, p = prf(got, want)
        rec["jianbao"].append(r); prec["jianbao"].append(p)
        t0 = time.perf_counter()
        search(arch.db, q, limit=10)
        lat["jianbao"].append((time.perf_counter() - t0) * 1000)
        if len(q) >= 3:
            got_n = {x for (x,) in con.execute("SELECT rowid FROM naive_fts WHERE naive_fts MATCH ?", (f'"{q}"',))}
            t0 = time.perf_counter()
            con.execute("SELECT rowid FROM naive_fts WHERE naive_fts MATCH ? ORDER BY bm25(naive_fts) LIMIT 10",
                        (f'"{q}"',)).fetchall()
        else:
            got_n = {x for (x,) in con.execute("SELECT id FROM naive_text WHERE text LIKE ?", (f"%{q}%",))}
            t0 = time.perf_counter()
            con.execute("SELECT id FROM naive_text WHERE text LIKE ? LIMIT 10", (f"%{q}%",)).fetchall()
        lat["naive"].append((time.perf_counter() - t0) * 1000)
        r, p = prf(got_n, want)
        rec["naive"].append(r); prec["naive"].append(p)
    n_art = len(docs)
    print(f"search over {n_art} articles, {len(qs)} queries of 2-6 characters "
          f"({sum(len(q) == 2 for q in qs)} of 2); truth = exact substring matching")
    print(f"{'figure':28s}{'target':>10s}{'jianbao':>12s}{'naive':>12s}")
    rows = [("recall (mean)", ">= 0.99", statistics.mean(rec["jianbao"]), statistics.mean(rec["naive"])),
            ("precision (mean)", ">= 0.95", statistics.mean(prec["jianbao"]), statistics.mean(prec["naive"])),
            ("latency p50 ms, top 10", "", pct(lat["jianbao"], .5), pct(lat["naive"], .5)),
            ("latency p95 ms, top 10", "<= 50", pct(lat["jianbao"], .95), pct(lat["naive"], .95)),
            ("latency max ms", "", max(lat["jianbao"]), max(lat["naive"]))]
    for name, target, x, y in rows:
        print(f"{name:28s}{target:>10s}{x:12.3f}{y:12.3f}")
    print("naive = FTS5 trigram (queries of 3+ characters, bm25) and LIKE '%q%' (2 characters, unranked)")
    two = [k for k, q in enumerate(qs) if len(q) == 2]
    if two:
        print(f"2-character queries only: p95 ms jianbao {pct([lat['jianbao'][k] for k in two], .95):.1f}, "
              f"naive {pct([lat['naive'][k] for k in two], .95):.1f}")


if __name__ == "__main__":
    main()
