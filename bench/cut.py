#!/usr/bin/env python3
"""Benchmark the cutter against the naive baseline: quality on scored pages, then speed and memory.

usage: .venv/bin/python bench/cut.py [--pages N] [--synthetic N] [--quick]

(a) Quality: the mean of each score.py figure over the seed page, ../shared/corpus/dev/single and
    dev/pages, the project's examples/ (each `X.md|X.txt` with `X.gold.json`) and synthetic pages from
    jianbao.synth, for jianbao (read + cut, no tagging) and the naive baseline, beside the targets.
(b) Speed: N generated pages are streamed (generate one, cut it, drop it); only the read + cut call
    is timed, on one core. Memory: ru_maxrss, and with tracemalloc the largest peak of one cut and
    the memory still held after the loop, each at N/10 and N pages (flat = streaming, no leak).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from jianbao.baseline import naive_cut  # noqa: E402
from jianbao.settings import Settings  # noqa: E402
from jianbao.synth import generate_pages  # noqa: E402

FIGURES = ("article_f1", "kicker_acc", "headline_acc", "subheadline_acc", "byline_acc", "dateline_acc",
           "reporters_f1", "paragraph_f1", "column_breaks_joined", "lost_chars")
TARGETS = {"article_f1": 0.98, "headline_acc": 0.98, "byline_acc": 0.98, "paragraph_f1": 0.98,
           "column_breaks_joined": 0.98, "lost_chars": 0}
SEED_NAME = "hengyang-daily-2021-07-31-p01"
SPEED_SEED = 1_000_000   # synthetic pages for speed never overlap the scored ones
SCORE_SEED = 500_000


def load_score():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("jianbao_bench_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


# --- the two cutters: bytes in, page document out ----------------------------------------------

class Jianbao:
    """read_bytes then cut, from jianbao.pipeline (no tagging)."""
    name = "jianbao"

    def __init__(self):
        self.error = None
        try:
            from jianbao import pipeline
            self.read, self.cut = pipeline.read_bytes, pipeline.cut
        except Exception as e:  # the cutter may not be written yet
            self.error = f"{type(e).__name__}: {e}"

    def stages(self, data: bytes, source: str, settings: Settings):
        return self.read(data, source, settings), lambda page: self.cut(page, settings)

    def __call__(self, data: bytes, source: str, settings: Settings) -> dict:
        return self.cut(self.read(data, source, settings), settings).to_dict()


class Naive:
    """The naive baseline: decode, then one article per # heading."""
    name = "naive"
    error = None

    def stages(self, data: bytes, source: str, settings: Settings):
        return data.decode("utf-8-sig"), lambda text: naive_cut(text, source)

    def __call__(self, data: bytes, source: str, settings: Settings) -> dict:
        return naive_cut(data.decode("utf-8-sig"), source)


# --- (a) quality -------------------------------------------------------------------------------

def page_sets(n_synth: int):
    """(title, iterator of (source, bytes, gold, settings)); shared sets only if ../shared exists."""
    sets = []
    if SHARED.exists():
        seed_md = SHARED / "corpus" / "seed" / f"{SEED_NAME}.md"
        st = Settings(tag=False, paper="衡阳日报", date="2021-07-31", page="1")
        sets.append(("seed page", lambda: _files([seed_md], st)))
        for sub in ("single", "pages"):
            d = SHARED / "corpus" / "dev" / sub
            sets.append((f"dev/{sub}", lambda d=d: _files(sorted(d.glob("*.md")), Settings(tag=False))))
    else:
        print(f"note: {SHARED} is absent; the seed and dev pages are skipped\n")
    ex = ROOT / "examples"
    files = sorted(p for p in ex.glob("*") if p.suffix in (".md", ".txt")) if ex.is_dir() else []
    files = [p for p in files if (p.parent / f"{p.stem}.gold.json").exists()]
    if files:
        sets.append(("examples/", lambda: _files(files, Settings(tag=False))))
    else:
        print("note: no examples/*.md|*.txt with gold yet; examples skipped\n")
    sets.append((f"synthetic ({n_synth})", lambda: _synthetic(n_synth)))
    return sets


def _files(paths, settings):
    for p in paths:
        gold = json.loads((p.parent / f"{p.stem}.gold.json").read_text(encoding="utf-8"))
        yield p.name, p.read_bytes(), gold, settings


def _synthetic(n):
    for text, gold in generate_pages(n, seed=SCORE_SEED):
        yield gold["page"]["source"], text.encode("utf-8"), gold, Settings(tag=False)


def evaluate(score, cutter, pages) -> tuple[dict, int, int, str | None, dict]:
    """Mean of each figure over the pages (and per synthetic style), pages, failures, first error."""
    sums: dict[str, dict[str, list[float]]] = {}
    worst_lost, n, failed, first_err = 0, 0, 0, None
    for source, data, gold, settings in pages:
        n += 1
        try:
            out = cutter(data, source, settings)
        except Exception as e:
            failed += 1
            first_err = first_err or f"{source}: {type(e).__name__}: {e}"
            out = {"articles": [], "furniture": []}
        m = score(gold, out, data.decode("utf-8-sig"))
        for group in [""] + ([gold["style"]] if gold.get("style") else []):
            acc = sums.setdefault(group, {})
            for k in FIGURES:
                if k in m:
                    acc.setdefault(k, []).append(m[k])
        worst_lost = max(worst_lost, m.get("lost_chars", 0))
    mean = lambda acc: {k: sum(v) / len(v) for k, v in acc.items()}
    means = mean(sums.get("", {}))
    means["lost_chars_max"] = worst_lost
    styles = {g: (mean(acc), len(acc.get("article_f1", []))) for g, acc in sums.items() if g}
    return means, n, failed, first_err, styles


def _target(k):
    t = TARGETS.get(k)
    return "" if t is None else ("= 0" if k == "lost_chars" else f">= {t:.2f}")


def _fmt(k, v):
    if v is None:
        return "n/a"
    return f"{v:.2f}" if k == "lost_chars" else f"{v:.3f}"


def quality(score, cutters, n_synth):
    print("(a) quality: mean of score.py figures per page (targets are the issue's, for the dev corpus)")
    for title, make in page_sets(n_synth):
        res = {}
        for cu in cutters:
            res[cu.name] = None if cu.error else evaluate(score, cu, make())
        n = next((r[1] for r in res.values() if r), 0)
        print(f"\n  {title}: {n} page(s)")
        print(f"  {'figure':24s}{'target':>9s}" + "".join(f"{cu.name:>10s}" for cu in cutters))
        for k in FIGURES:
            row = [None if r is None else r[0].get(k) for r in res.values()]
            if all(v is None for v in row):
                continue
            print(f"  {k:24s}{_target(k):>9s}" + "".join(f"{_fmt(k, v):>10s}" for v in row))
        print(f"  {'lost_chars (max)':24s}{'':9s}" + "".join(
            f"{'n/a' if r is None else r[0]['lost_chars_max']:>10}" for r in res.values()))
        styles = next((r[4] for r in res.values() if r and r[4]), None)
        if styles:
            keys = ("article_f1", "headline_acc", "byline_acc", "paragraph_f1", "column_breaks_joined")
            print(f"\n  by style (jianbao / naive): {'  '.join(k.replace('_acc', '') for k in keys)}")
            for st in sorted(styles):
                cells = []
                for k in keys:
                    v = [r[4].get(st, ({}, 0))[0].get(k) if r else None for r in res.values()]
                    cells.append("/".join("n/a" if x is None else f"{x:.2f}" for x in v))
                print(f"  {st:10s} ({styles[st][1]:3d})  " + "  ".join(f"{c:>11s}" for c in cells))
        for name, r in res.items():
            if r and r[2]:
                print(f"  ! {name} raised on {r[2]} page(s), first: {r[3]}")


# --- (b) speed and memory ------------------------------------------------------------------------

def _rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def speed(cutter, n: int) -> dict:
    """Stream n pages; time only read and cut (generation excluded); ru_maxrss at n/10 and n."""
    st = Settings(tag=False)
    mark, t_read, t_cut, rss, failed, err = n // 10, 0.0, 0.0, {}, 0, None
    t_all = time.perf_counter()
    for i, (text, gold) in enumerate(generate_pages(n, seed=SPEED_SEED), 1):
        data, source = text.encode("utf-8"), gold["page"]["source"]
        del text, gold
        try:
            t0 = time.perf_counter()
            page, cut = cutter.stages(data, source, st)
            t1 = time.perf_counter()
            doc = cut(page)
            t2 = time.perf_counter()
            t_read += t1 - t0
            t_cut += t2 - t1
            del doc, page
        except Exception as e:
            failed += 1
            err = err or f"{source}: {type(e).__name__}: {e}"
        if i in (mark, n):
            rss[i] = _rss_mb()
    ok = max(1, n - failed)
    spent = t_read + t_cut
    return {"pps": ok / spent if spent else 0.0, "pps_cut": ok / t_cut if t_cut else 0.0,
            "ms": 1000 * spent / ok, "rss": rss, "gen_s": time.perf_counter() - t_all - spent,
            "failed": failed, "err": err}


def memory(cutter, n: int) -> dict:
    """With tracemalloc: the largest peak of one read + cut, and memory still held, at n/10 and n pages."""
    st = Settings(tag=False)
    mark, worst, out = n // 10, 0, {}
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    for i, (text, gold) in enumerate(generate_pages(n, seed=SPEED_SEED), 1):
        data, source = text.encode("utf-8"), gold["page"]["source"]
        del text, gold
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        try:
            page, cut = cutter.stages(data, source, st)
            doc = cut(page)
            del doc, page, cut
        except Exception:
            pass
        worst = max(worst, tracemalloc.get_traced_memory()[1] - before)
        del data
        if i in (mark, n):
            out[i] = (worst / 1024, (tracemalloc.get_traced_memory()[0] - base) / 1024)
    tracemalloc.stop()
    return out


def pin_one_core() -> str:
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to cpu {cpu}"
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity)"


def performance(cutters, n: int, n_mem: int):
    print(f"\n(b) speed and memory: {n} generated pages, streamed; {pin_one_core()}; target >= 300 pages/s")
    print(f"  {'':34s}" + "".join(f"{cu.name:>14s}" for cu in cutters))
    sp = {cu.name: None if cu.error else speed(cu, n) for cu in cutters}
    row = lambda label, f: print(f"  {label:34s}" + "".join(f"{'n/a' if v is None else f(v):>14s}" for v in sp.values()))
    row("pages per second (read + cut)", lambda v: f"{v['pps']:.0f}")
    row("pages per second (cut alone)", lambda v: f"{v['pps_cut']:.0f}")
    row("ms per page (read + cut)", lambda v: f"{v['ms']:.2f}")
    row("pages that raised", lambda v: f"{v['failed']}")
    for i in sorted(next((v["rss"] for v in sp.values() if v), {})):
        row(f"ru_maxrss MB after {i} pages", lambda v, i=i: f"{v['rss'][i]:.1f}")
    for name, v in sp.items():
        if v and v["err"]:
            print(f"  ! {name} first error: {v['err']}")
    gen = next((v["gen_s"] for v in sp.values() if v), 0.0)
    print(f"  (generating the pages took {gen / len([v for v in sp.values() if v] or [1]):.2f} s per pass, not timed)")
    mem = {cu.name: None if cu.error else memory(cu, n_mem) for cu in cutters}
    marks = sorted(next((v for v in mem.values() if v), {}))
    for i in marks:
        print(f"  {f'tracemalloc peak/cut KB @{i}':34s}" + "".join(
            f"{'n/a' if v is None else f'{v[i][0]:.0f}':>14s}" for v in mem.values()))
    for i in marks:
        print(f"  {f'tracemalloc held KB @{i}':34s}" + "".join(
            f"{'n/a' if v is None else f'{v[i][1]:.0f}':>14s}" for v in mem.values()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=10_000, help="pages for the speed run (default 10000)")
    ap.add_argument("--synthetic", type=int, default=200, help="synthetic pages to score (default 200)")
    ap.add_argument("--quick", action="store_true", help="1000 pages for speed and memory, 50 synthetic")
    a = ap.parse_args(argv)
    n = 1000 if a.quick else a.pages
    n_synth = 50 if a.quick else a.synthetic
    cutters = [Jianbao(), Naive()]
    for cu in cutters:
        if cu.error:
            print(f"note: {cu.name} is not usable yet ({cu.error}); its columns read n/a\n")
    score = load_score()
    if score is None:
        print(f"note: {SHARED / 'eval' / 'score.py'} is absent; quality figures are skipped")
    else:
        quality(score, cutters, n_synth)
    performance(cutters, n, n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
