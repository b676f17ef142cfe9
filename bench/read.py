#!/usr/bin/env python3
"""Benchmark the readers: the same synthetic pages as parser markdown, as e-paper PDF, as parsers' JSON, as scans.

usage: .venv/bin/python bench/read.py [--pages 30] [--image-pages 30] [--dpi 200] [--no-image] [--no-json]
                                     [--seed N] [--misses]

Each page comes from jianbao.synth with exact gold: the markdown a parser would emit
(generate_page), the same gold articles laid out as a newspaper page in PDF (synth.pdfpage), and
that PDF rendered to PNG at --dpi and read by OCR, and the same laid-out page as each document parser's
JSON writes it (jianbao.synth.formats: PP-StructureV3, MinerU content_list and middle.json, dots.ocr,
Docling, PaddleOCR line list). For each kind: article_f1, paragraph_f1, paragraph_f1_ocr (paragraphs
matched when 95% of their characters agree: OCR's misread characters aside, are the bounds right?),
headline accuracy (../shared/eval/score.py when present, else jianbao.synth.figures, which
computes the same), character accuracy (letters and digits of the page, as multisets), and speed:
pages/s for markdown, PDF and JSON (read + cut, one process), s/page for images (read + cut; onnxruntime
uses the machine's cores — 2 here), and for images the CPU seconds a page took on all cores (steadier than
the wall clock on a shared machine). --misses lists, page by page, the gold articles that were not
found whole: merged into another (the predicted article that holds most of the body), split, or lost.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from jianbao.pipeline import cut, read_bytes  # noqa: E402
from jianbao.settings import Settings  # noqa: E402
from jianbao.synth import generate_page  # noqa: E402
from jianbao.synth.figures import figures  # noqa: E402

SEED = 700_000      # pages never used by the tests
TARGETS = {"pdf": "article_f1 >= 0.98, >= 50 pages/s",
           "image": "article_f1 >= 0.90, char_acc >= 0.98, <= 20 s/page"}
COLS = ("article_f1", "paragraph_f1", "paragraph_f1_ocr", "headline_acc", "char_acc")
JSON_KINDS = ("ppstructure", "mineru_content_list", "mineru_middle", "dots", "docling", "paddleocr")


def load_score():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("bench_read_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


def measure(gold: dict, out: dict, score) -> dict:
    m = figures(gold, out)
    if score is not None:
        s = score(gold, out)
        m.update({k: s[k] for k in ("article_f1", "paragraph_f1", "headline_acc")})
    return m


def misses(kind: str, seed: int, gold: dict, out: dict) -> None:
    """Print the gold articles of one page that were not found whole, and what became of them."""
    from jianbao.synth.figures import _body, _overlap, pair
    G, P = gold.get("articles") or [], out.get("articles") or []
    pairs = pair(G, P)
    bad = [i for i in range(len(G)) if pairs.get(i, (0, 0.0))[1] < 0.8]
    if not bad and len(G) == len(P):
        return
    print(f"  {kind} seed {seed}: {len(G)} gold, {len(P)} found")
    for i in bad:
        g = G[i]
        shares = sorted(((_overlap(_body(g), _body(p)), j) for j, p in enumerate(P)), reverse=True)
        s, j = shares[0] if shares else (0.0, -1)
        if s < 0.2:
            what = "lost"
        elif len(_body(P[j])) > 1.25 * len(_body(g)):
            what = f"merged into found #{j} (headline {P[j].get('headline')!r})"
        else:
            what = f"split: #{j} holds {s:.0%}"
        print(f"    gold #{i} {g.get('kind')} {g.get('headline')!r}: {what}")
    paired = {j for j, _ in pairs.values()}
    for j, p in enumerate(P):
        if j not in paired:
            print(f"    found #{j} {p.get('kind')} {p.get('headline')!r}: no gold article (split off)")


def run(kind: str, seeds: range, dpi: int, score, tmp: Path, show: bool = False) -> tuple[dict, float, float, int]:
    from jianbao.read import read_pages
    st = Settings(tag=False)
    rows, spent, cpu, failed = [], 0.0, 0.0, 0
    for seed in seeds:
        if kind == "markdown":
            text, gold = generate_page(seed)
            t = time.perf_counter()
            doc = cut(read_bytes(text.encode("utf-8"), f"s{seed}.md", st), st)
        else:
            if kind in JSON_KINDS:
                from jianbao.synth.formats import format_page
                data, gold = format_page(seed, kind)
                path = tmp / f"s{seed}.json"
            else:
                from jianbao.synth.pdfpage import pdf_page, png_page
                pdf, gold = pdf_page(seed)
                path = tmp / (f"s{seed}.pdf" if kind == "pdf" else f"s{seed}.png")
                data = pdf if kind == "pdf" else png_page(pdf, dpi)
            path.write_bytes(data)
            t, c = time.perf_counter(), time.process_time()
            try:
                doc = cut(next(read_pages(path, st)), st)
            except Exception as e:  # noqa: BLE001 - a benchmark counts failures, it does not stop
                spent += time.perf_counter() - t
                cpu += time.process_time() - c
                failed += 1
                print(f"  {kind} seed {seed}: {type(e).__name__}: {e}", file=sys.stderr)
                rows.append({k: 0.0 for k in COLS})
                continue
            path.unlink()
            cpu += time.process_time() - c
        spent += time.perf_counter() - t
        rows.append(measure(gold, doc.to_dict(), score))
        if show and rows[-1]["article_f1"] < 1:
            misses(kind, seed, gold, doc.to_dict())
    mean = {k: sum(r[k] for r in rows) / len(rows) for k in COLS}
    return mean, spent, cpu, failed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=30, help="markdown and PDF pages (default 30)")
    ap.add_argument("--image-pages", type=int, default=30, help="scanned pages to OCR (default 30)")
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--no-image", action="store_true", help="skip the OCR run")
    ap.add_argument("--no-json", action="store_true", help="skip the parsers' JSON kinds")
    ap.add_argument("--seed", type=int, default=SEED, help=f"first page seed (default {SEED})")
    ap.add_argument("--misses", action="store_true",
                    help="list the gold articles not found whole, page by page")
    a = ap.parse_args()
    from jianbao.synth.pdfpage import cjk_font
    if cjk_font() is None:
        sys.exit("no CJK font for the synthetic PDF pages: apt-get install fonts-wqy-zenhei")
    score = load_score()
    print(f"scorer: {'../shared/eval/score.py' if score else 'jianbao.synth.figures'} "
          f"(+ char_acc from jianbao.synth.figures); seeds from {a.seed}; cores: {os.cpu_count()}\n")
    kinds = [("markdown", a.pages), ("pdf", a.pages)]
    if not a.no_json:
        kinds += [(k, a.pages) for k in JSON_KINDS]
    if not a.no_image:
        from jianbao.read.image import ocr_available
        if ocr_available():
            kinds.append(("image", a.image_pages))
        else:
            print("note: the OCR extra is not installed; images skipped\n")
    head = f"{'kind':20s} {'pages':>5s} " + " ".join(f"{c:>16s}" for c in COLS) + f" {'speed':>14s}  failed"
    print(head)
    print("-" * len(head))
    with tempfile.TemporaryDirectory() as d:
        for kind, n in kinds:
            mean, spent, cpu, failed = run(kind, range(a.seed, a.seed + n), a.dpi, score, Path(d), a.misses)
            speed = f"{spent / n:.1f} s/page" if kind == "image" else f"{n / spent:.0f} pages/s"
            print(f"{kind:20s} {n:5d} " + " ".join(f"{mean[c]:16.3f}" for c in COLS) + f" {speed:>14s}  {failed}"
                  + (f"  ({cpu / n:.1f} CPU s/page)" if kind == "image" else ""))
    print("\ntargets: " + "; ".join(f"{k}: {v}" for k, v in TARGETS.items()))
    print(f"image pages are rendered at {a.dpi} dpi (A3, broadsheet-sized text); speed is read + cut, "
          "page generation and rendering excluded")


if __name__ == "__main__":
    main()
