#!/usr/bin/env python3
"""Benchmark the cutter against the naive baseline: quality on scored pages, then speed and memory.

usage: .venv/bin/python bench/cut.py [--pages N] [--synthetic N] [--quick] [--against REV [--rounds N]]

(a) Quality: the mean of each score.py figure per page, one row per page set, for jianbao (read + cut,
    no tagging) and the naive baseline (one article per `#` heading), under the issue's targets. Sets:
    the seed page, ../shared/corpus/dev/single (articles 001–020, 021–110, all), dev/pages, the
    People's Daily pages dev/rmrb (one row per markup style and one for all, scored on article-level
    figures only, as README-rmrb.md says), the project's examples/ (each `X.md|X.txt` with
    `X.gold.json`) and synthetic pages from jianbao.synth (all, and per style).
(b) Speed: N generated pages are streamed (generate one, cut it, drop it); only the read + cut call
    is timed, on one core. Memory: ru_maxrss, and with tracemalloc the largest peak of one cut and
    the memory still held after the loop, each at N/10 and N pages (flat = streaming, no leak).
--against REV: instead of (a) and (b), time the working tree's cutter and REV's (its src/ taken with
    `git archive` into a temporary folder) on the same N generated pages, each run in a fresh
    subprocess pinned to the same core, the two alternating for --rounds rounds, since this machine's
    speed drifts; prints each run and the medians.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
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
# The People's Daily pages are scored on article-level structure only: their gold leaves in-article
# subheadings among the paragraphs (../shared/corpus/dev/README-rmrb.md), so no paragraph_f1.
ARTICLE_LEVEL = tuple(k for k in FIGURES if k != "paragraph_f1")
HEADS = {"article_f1": "article", "kicker_acc": "kicker", "headline_acc": "headline",
         "subheadline_acc": "subhead", "byline_acc": "byline", "dateline_acc": "dateline",
         "reporters_f1": "reporters", "paragraph_f1": "paras", "column_breaks_joined": "breaks",
         "lost_chars": "lost"}
# The targets: an earlier issue's for the seed page, the first 20 dev articles, dev/pages, examples/ and
# synthetic pages; the People's Daily issue's for the pages it names (rows below).
TARGETS = {"article_f1": 0.98, "headline_acc": 0.98, "byline_acc": 0.98, "paragraph_f1": 0.98,
           "column_breaks_joined": 0.98, "lost_chars": 0}
RMRB_STYLES = ("mineru", "hash_all", "bold", "plain")
RMRB_TITLED = {"article_f1": 0.90, "headline_acc": 0.90, "lost_chars": 0}
ROW_TARGETS = {
    "dev/single 021–110": {"lost_chars": 0},
    "dev/single all": {"byline_acc": 0.95, "reporters_f1": 0.95, "dateline_acc": 0.95, "lost_chars": 0},
    "rmrb mineru": RMRB_TITLED, "rmrb hash_all": RMRB_TITLED, "rmrb bold": RMRB_TITLED,
    "rmrb plain": {"article_f1": 0.75, "lost_chars": 0},
    "rmrb all": {"kicker_acc": 0.85, "subheadline_acc": 0.85, "lost_chars": 0},
}
SPEED_TARGET = 300       # pages per second, cutting alone, one core
TAG_SPEED_TARGET = 30    # pages per second, read + cut + tag, one core (bench/tag.py --against)
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
    """[(row labels in print order, pages)]: `pages()` yields (source, bytes, gold, settings, rows), each
    page counted in every row it names; the shared sets only if ../shared exists."""
    sets = []
    dev = SHARED / "corpus" / "dev"
    if SHARED.exists():
        seed_md = SHARED / "corpus" / "seed" / f"{SEED_NAME}.md"
        st = Settings(tag=False, paper="衡阳日报", date="2021-07-31", page="1")
        sets.append((["seed page"], lambda: _files([seed_md], st, lambda p, g: ["seed page"])))
        halves = ("dev/single 001–020", "dev/single 021–110")
        single = lambda p, g: [halves[not p.stem.isdigit() or int(p.stem) > 20], "dev/single all"]
        sets.append(([*halves, "dev/single all"], lambda: _files(sorted((dev / "single").glob("*.md")),
                                                                  Settings(tag=False), single)))
        sets.append((["dev/pages"], lambda: _files(sorted((dev / "pages").glob("*.md")), Settings(tag=False),
                                                   lambda p, g: ["dev/pages"])))
        rmrb = [f"rmrb {m}" for m in RMRB_STYLES] + ["rmrb all"]
        sets.append((rmrb, lambda: _files(sorted((dev / "rmrb").glob("*.md")), Settings(tag=False),
                                          lambda p, g: [f"rmrb {g.get('markup')}", "rmrb all"])))
    else:
        print(f"note: {SHARED} is absent; the seed and dev pages are skipped\n")
    ex = ROOT / "examples"
    files = sorted(p for p in ex.glob("*") if p.suffix in (".md", ".txt")) if ex.is_dir() else []
    files = [p for p in files if (p.parent / f"{p.stem}.gold.json").exists()]
    if files:
        sets.append((["examples/"], lambda: _files(files, Settings(tag=False), lambda p, g: ["examples/"])))
    else:
        print("note: no examples/*.md|*.txt with gold yet; examples skipped\n")
    sets.append(([f"synthetic ({n_synth})"], lambda: _synthetic(n_synth)))
    return sets


def _files(paths, settings, rows):
    for p in paths:
        gold = json.loads((p.parent / f"{p.stem}.gold.json").read_text(encoding="utf-8"))
        yield p.name, p.read_bytes(), gold, settings, rows(p, gold)


def _synthetic(n):
    for text, gold in generate_pages(n, seed=SCORE_SEED):
        rows = [f"synthetic ({n})"] + ([f"synthetic {gold['style']}"] if gold.get("style") else [])
        yield gold["page"]["source"], text.encode("utf-8"), gold, Settings(tag=False), rows


def figures_of(row: str) -> tuple[str, ...]:
    return ARTICLE_LEVEL if row.startswith("rmrb") else FIGURES


def targets_of(row: str) -> dict:
    return ROW_TARGETS.get(row, TARGETS)


def evaluate(score, cutter, pages) -> tuple[dict, int, str | None]:
    """{row: (mean of each figure, pages, worst lost_chars)}, pages that raised, the first error."""
    sums: dict[str, dict[str, list[float]]] = {}
    worst: dict[str, int] = {}
    failed, first_err = 0, None
    for source, data, gold, settings, rows in pages:
        try:
            out = cutter(data, source, settings)
        except Exception as e:
            failed += 1
            first_err = first_err or f"{source}: {type(e).__name__}: {e}"
            out = {"articles": [], "furniture": []}
        m = score(gold, out, data.decode("utf-8-sig"))
        for row in rows:
            acc = sums.setdefault(row, {"": []})
            acc[""].append(1)
            for k in figures_of(row):
                if k in m:
                    acc.setdefault(k, []).append(m[k])
            worst[row] = max(worst.get(row, 0), m.get("lost_chars", 0))
    means = {row: ({k: sum(v) / len(v) for k, v in acc.items() if k}, len(acc[""]), worst[row])
             for row, acc in sums.items()}
    return means, failed, first_err


def _missed(k: str, v: float, t: float) -> bool:
    return v > t if k == "lost_chars" else v < t - 1e-9


def _cell(k: str, v, t=None) -> str:
    if v is None:
        return "-"
    s = f"{v:.2f}" if k == "lost_chars" else f"{v:.3f}"
    return s + ("!" if t is not None and _missed(k, v, t) else "")


def quality(score, cutters, n_synth):
    print("(a) quality: mean of score.py figures per page; each row's targets above its figures;")
    print("    ! = jianbao misses the target; - = not scored on that set (People's Daily: article level only)")
    w = 10
    print(f"\n  {'page set':22s}{'pages':>6s}  {'':8s}" + "".join(f"{HEADS[k]:>{w}s}" for k in FIGURES)
          + f"{'lost max':>{w}s}")
    missed: list[str] = []
    for rows, make in page_sets(n_synth):
        res = {cu.name: None if cu.error else evaluate(score, cu, make()) for cu in cutters}
        found = next((r[0] for r in res.values() if r), {})
        extra = sorted(r for r in found if r not in rows)        # synthetic styles
        for row in [r for r in rows if r in found] + extra:
            # a set's own rows carry targets; its breakdown (synthetic styles) is indented, unmarked
            shown, tg = figures_of(row), targets_of(row) if row in rows else {}
            if row in rows:
                print(f"  {row:22s}{found[row][1]:6d}  {'target':8s}" + "".join(
                    f"{'' if k not in tg else ('= 0' if k == 'lost_chars' else f'>= {tg[k]:.2f}'):>{w}s}"
                    for k in FIGURES))
            else:
                print(f"    {row:20s}{found[row][1]:6d}")
            for name, r in res.items():
                means = r[0].get(row) if r else None
                t = tg if name == "jianbao" else {}
                cells = "".join(f"{'n/a' if means is None else _cell(k, means[0].get(k) if k in shown else None, t.get(k)):>{w}s}"
                                for k in FIGURES)
                print(f"  {'':28s}  {name:8s}" + cells + f"{'n/a' if means is None else means[2]:>{w}}")
                if t and means:
                    missed += [f"{row} {HEADS[k]} {_cell(k, means[0][k])} (target {tg[k]})"
                               for k in tg if k in means[0] and _missed(k, means[0][k], tg[k])]
        for name, r in res.items():
            if r and r[1]:
                print(f"  ! {name} raised on {r[1]} page(s), first: {r[2]}")
    print(f"\n  jianbao misses {len(missed)} target(s)" + "".join(f"\n    {m}" for m in missed))


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
    print(f"\n(b) speed and memory: {n} generated pages, streamed; {pin_one_core()}; "
          f"target >= {SPEED_TARGET} pages/s cut alone (! = missed)")
    print(f"  {'':34s}" + "".join(f"{cu.name:>14s}" for cu in cutters))
    sp = {cu.name: None if cu.error else speed(cu, n) for cu in cutters}
    row = lambda label, f: print(f"  {label:34s}" + "".join(f"{'n/a' if v is None else f(v):>14s}" for v in sp.values()))
    row("pages per second (read + cut)", lambda v: f"{v['pps']:.0f}")
    row("pages per second (cut alone)", lambda v: f"{v['pps_cut']:.0f}" + "!" * (v["pps_cut"] < SPEED_TARGET))
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


# --- --against: two versions' speed side by side ---------------------------------------------------

# Run in a fresh interpreter whose PYTHONPATH is one version's src/: cut the pages of a JSON file
# (a list of [source, text]) on one core, the first few untimed (tables load, caches warm).
_CHILD = r"""
import json, os, sys, time
pages, cpu, want = json.load(open(sys.argv[1], encoding="utf-8")), int(sys.argv[2]), sys.argv[3]
tag = len(sys.argv) > 4 and sys.argv[4] == "tag"  # read + cut + tag (bench/tag.py --against)
try:
    os.sched_setaffinity(0, {cpu})
except (AttributeError, OSError):
    pass
import jianbao
from jianbao import pipeline
from jianbao.settings import Settings
where = os.path.realpath(jianbao.__file__)
assert where.startswith(os.path.realpath(want) + os.sep), f"jianbao imported from {where}, not {want}"
st, t_read, t_cut, t_tag, failed = Settings(tag=False), 0.0, 0.0, 0.0, 0
for k, (source, text) in enumerate(pages):
    data = text.encode("utf-8")
    try:
        t0 = time.perf_counter()
        page = pipeline.read_bytes(data, source, st)
        t1 = time.perf_counter()
        doc = pipeline.cut(page, st)
        t2 = time.perf_counter()
        if tag:
            pipeline.tag(doc, st)
        t3 = time.perf_counter()
    except Exception:
        failed += 1
        continue
    if k >= 20:
        t_read += t1 - t0
        t_cut += t2 - t1
        t_tag += t3 - t2
timed = max(1, len(pages) - 20 - failed)
print(json.dumps({"pps": timed / (t_read + t_cut), "pps_cut": timed / t_cut, "failed": failed,
                  "pps_all": timed / (t_read + t_cut + t_tag)}))
"""


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def _export_src(rev: str, into: Path) -> str:
    """REV's src/ under `into` (git archive: the working tree and index are not touched); its hash."""
    sha = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", sha, "src"],
                         check=True, capture_output=True).stdout
    with tarfile.open(fileobj=__import__("io").BytesIO(tar)) as tf:
        tf.extractall(into, filter="data")
    return sha


def against(revs: list[str], n: int, rounds: int, tag: bool = False) -> int:
    """Time cutting (with `tag`: reading, cutting and tagging) the same n generated pages with the
    working tree and with each of `revs`."""
    key, what = ("pps_all", "read + cut + tag") if tag else ("pps_cut", "cut alone")
    try:
        cpu = min(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpu = 0
    tmp = Path(tempfile.mkdtemp(prefix="jianbao-bench-"))
    try:
        sides = [("working tree", ROOT / "src")]
        for k, rev in enumerate(revs):
            try:
                sha = _export_src(rev, tmp / f"v{k}")
            except subprocess.CalledProcessError as e:
                print(f"bench/cut.py: cannot take src/ of {rev!r}: {(e.stderr or b'').strip()!s}", file=sys.stderr)
                return 2
            sides.append((f"{rev} ({sha[:10]})" if not sha.startswith(rev) else sha[:10], tmp / f"v{k}" / "src"))
        pages_file = tmp / "pages.json"
        pages = [(g["page"]["source"], text) for text, g in generate_pages(n + 20, seed=SPEED_SEED)]
        pages_file.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        del pages
        print(f"speed side by side: {n} generated pages (+20 untimed), {rounds} rounds, each run a fresh "
              f"process on cpu {cpu}, the versions' order alternating; target >= "
              f"{TAG_SPEED_TARGET if tag else SPEED_TARGET} pages/s {what}")
        runs: dict[str, list[dict]] = {name: [] for name, _ in sides}
        for r in range(rounds):
            for name, src in (sides if r % 2 == 0 else sides[::-1]):
                env = {**os.environ, "PYTHONPATH": str(src)}
                out = subprocess.run([sys.executable, "-c", _CHILD, str(pages_file), str(cpu), str(src)]
                                     + (["tag"] if tag else []),
                                     env=env, cwd=tmp, capture_output=True, text=True)
                if out.returncode:
                    print(f"  ! {name}: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
                    return 1
                v = json.loads(out.stdout)
                runs[name].append(v)
                print(f"  round {r + 1}  {name:28s} {what} {v[key]:7.0f} pages/s"
                      + (f"   read + cut {v['pps']:7.0f}" if not tag else "")
                      + (f"   ({v['failed']} raised)" if v["failed"] else ""))
        base = statistics.median(v[key] for v in runs[sides[0][0]])
        print(f"\n  {'median':36s}{what:>18s}{'read + cut':>12s}{'vs working tree':>17s}")
        for name, _ in sides:
            med = statistics.median(v[key] for v in runs[name])
            print(f"  {name:36s}{med:18.0f}{statistics.median(v['pps'] for v in runs[name]):12.0f}"
                  f"{med / base:16.2f}x")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, help="pages for the speed run (default 10000; 2000 with --against)")
    ap.add_argument("--synthetic", type=int, default=200, help="synthetic pages to score (default 200)")
    ap.add_argument("--quick", action="store_true", help="1000 pages for speed and memory, 50 synthetic")
    ap.add_argument("--against", metavar="REV", action="append", default=[],
                    help="only time cutting: the working tree beside REV (a commit; may be repeated) "
                         "on the same pages, in fresh processes that alternate")
    ap.add_argument("--rounds", type=int, default=6, help="runs of each version with --against (default 6)")
    a = ap.parse_args(argv)
    if a.against:
        return against(a.against, 1000 if a.quick else a.pages or 2000, a.rounds)
    n = 1000 if a.quick else a.pages or 10_000
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
