"""Fuzz every reader and the cutter with atheris (coverage-guided) and report what was found.

    .venv/bin/python bench/fuzz.py [--seconds 60] [--targets text,cut,pdf,image]

Seeds: the example pages (text, cut) and generated PDF/PNG pages when the PDF extra is there.
Writes bench/results/fuzz-<target>/ (corpus, crash files) and prints a table: runs, seconds,
crashes. A crash file reproduces with: python fuzz/run.py TARGET CRASH_FILE
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seed(target: str, corpus: Path) -> int:
    corpus.mkdir(parents=True, exist_ok=True)
    n = 0
    if target in ("text", "cut"):
        for p in sorted((ROOT / "examples").glob("*.*")):
            if p.suffix in (".md", ".txt"):
                shutil.copy(p, corpus / p.name)
                n += 1
    else:
        sys.path.insert(0, str(ROOT / "src"))
        try:
            from jianbao.synth.pdfpage import pdf_page, png_page
            for k in range(3):
                pdf, _gold = pdf_page(800_000 + k)
                if target == "pdf":
                    (corpus / f"seed{k}.pdf").write_bytes(pdf)
                else:
                    (corpus / f"seed{k}.png").write_bytes(png_page(pdf, dpi=50))
                n += 1
        except Exception:  # noqa: BLE001 - no PDF tools (font, reportlab): start from an empty corpus
            pass
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--targets", default="text,cut,pdf,image")
    a = ap.parse_args()
    out = ROOT / "bench/results"
    print(f"{'target':8s}{'seeds':>7s}{'runs':>10s}{'seconds':>9s}{'crashes':>9s}  finding")
    for t in a.targets.split(","):
        work = out / f"fuzz-{t}"
        corpus = work / "corpus"
        n_seed = seed(t, corpus)
        r = subprocess.run([sys.executable, str(ROOT / "fuzz/run.py"), t, f"-max_total_time={a.seconds}",
                            f"-artifact_prefix={work}/", "-rss_limit_mb=4096", "-timeout=30", str(corpus)],
                           capture_output=True, text=True)
        log = r.stdout + r.stderr
        m = re.search(r"Done (\d+) runs in (\d+) second", log)
        runs, secs = (m.group(1), m.group(2)) if m else ("?", "?")
        crashes = sorted(work.glob("crash-*")) + sorted(work.glob("timeout-*")) + sorted(work.glob("oom-*"))
        finding = "none" if not crashes and r.returncode == 0 else \
            (re.findall(r"(\w+Error[^\n]*|Hang[^\n]*|AssertionError[^\n]*)", log) or [f"exit {r.returncode}"])[-1][:80]
        print(f"{t:8s}{n_seed:>7d}{runs:>10s}{secs:>9s}{len(crashes):>9d}  {finding}", flush=True)


if __name__ == "__main__":
    main()
