"""Memory and speed on one long PDF: a 1,000-page issue printed from a handful of synthetic sheets
(jianbao.synth.pdfpage, repeated), cut page by page through the batch API (`batch.iter_path`, what
`jianbao cut` runs), the process's peak resident set printed after 100, 500 and 1,000 pages with the
pages per second so far; then `jianbao cut FILE --out DIR` on the whole file, its peak and its time.
The PDF is made in a child process, so that its making does not count.

    .venv/bin/python bench/pdf_memory.py [--pages 1000] [--sheets 6] [--tag] [--hold] [--no-cli]

--hold keeps every page's document in a list as it comes (as the batch did before it streamed),
to compare. Needs reportlab and a CJK font (as the synthetic PDF pages do).
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CHECKPOINTS = (100, 500, 1000)


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def make(path: Path, pages: int, sheets: int) -> None:
    from jianbao.synth.pdfpage import cjk_font, draw_pages, sheet
    if cjk_font() is None:
        sys.exit("no CJK font: apt-get install fonts-wqy-zenhei")
    made = [sheet(910_000 + k) for k in range(sheets)]
    path.write_bytes(draw_pages([(made[i % sheets], False) for i in range(pages)]))


def run_batch(path: Path, tag: bool, hold: bool, pages: int) -> None:
    from jianbao.batch import iter_path
    from jianbao.settings import Settings
    settings = Settings(tag=tag, max_bytes=64 * 1048576)
    kept, n, failed, articles = [], 0, 0, 0
    print(f"batch API ({'documents held in a list' if hold else 'streamed'}), start: "
          f"peak RSS {peak_mb():.0f} MB", flush=True)
    start = time.perf_counter()
    for res in iter_path(str(path), settings):
        n += 1
        if res.doc is None:
            failed += 1
        else:
            articles += len(res.doc.articles)
        if hold:
            kept.append(res)
        if n in CHECKPOINTS or n == pages:
            secs = time.perf_counter() - start
            print(f"  {n:5d} pages: peak RSS {peak_mb():6.0f} MB, {n / secs:5.1f} pages/s, "
                  f"{articles} articles, {failed} failed", flush=True)


def run_cli(path: Path, tag: bool) -> None:
    """`jianbao cut` in a fresh child of a fresh wrapper, so that the wrapper's children's peak is the command's."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "jianbao", "cut", str(path), "--out", out, "--no-progress", "--max-mb", "64"]
        if not tag:
            cmd.append("--no-tag")
        wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
                   f"r = subprocess.run({cmd!r}, capture_output=True); "
                   "print(r.returncode, time.perf_counter() - t, "
                   "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "
                   "r.stderr.decode().strip().splitlines()[-1] if r.stderr.strip() else '')")
        line = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, check=True,
                              cwd=ROOT).stdout.strip()
        code, secs, peak, summary = line.split(" ", 3)
        files = len(list(Path(out).iterdir()))
    print(f"jianbao cut --out DIR: exit {code}, {files} files, {float(secs):.1f} s, "
          f"{files / float(secs):.1f} pages/s, peak RSS {float(peak):.0f} MB\n  {summary}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--sheets", type=int, default=6, help="distinct synthetic sheets, repeated")
    ap.add_argument("--tag", action="store_true", help="tag as well as cut (slower)")
    ap.add_argument("--hold", action="store_true", help="keep every document, as before streaming")
    ap.add_argument("--no-cli", action="store_true", help="skip the `jianbao cut` run")
    ap.add_argument("--make", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.make:
        make(a.make, a.pages, a.sheets)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "issue.pdf"
        t = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--make", str(path), "--pages", str(a.pages),
                        "--sheets", str(a.sheets)], check=True)
        print(f"{a.pages}-page PDF of {a.sheets} sheets: {path.stat().st_size / 1048576:.1f} MB, "
              f"made in {time.perf_counter() - t:.1f} s", flush=True)
        run_batch(path, a.tag, a.hold, a.pages)
        if not a.no_cli:
            run_cli(path, a.tag)


if __name__ == "__main__":
    main()
