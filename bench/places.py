#!/usr/bin/env python3
"""Places resolved to administrative divisions (src/jianbao/tag/divisions.py), measured on the gold
place names of the 110 dev articles (../shared/corpus/dev/single/*.gold.json).

Each article's gold places are resolved as the tagger resolves the places it finds: against the
paper's name (from corpus/dev/sources/NNN.source.json where it names a paper; none for 001–020 and
for the pages whose paper was not printed), the gold dateline and the article's other gold places.

- coverage: the share of gold place mentions that get a code;
- precision: from bench/places_checked.tsv, a sample checked by hand (file, name, code given, verdict:
  right | wrong | should-be-none): right / (right + wrong + should-be-none), over the rows that got a
  code; rows without a code and verdict `should-have-code` count against coverage, not precision.

- speed (--speed N): read + cut + tag of N synthetic pages (jianbao.synth) with the tagger's Divisions
  component and without it, in one process, each page by both in turn (--rounds runs each, the
  fastest kept), pages per second each.

usage: bench/places.py [--shared DIR] [--dump FILE] [--speed N [--rounds R]]
       (--dump: every resolution as TSV, for checking)
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import time
from pathlib import Path

import jianbao.tag as tag
from jianbao.pipeline import run_bytes
from jianbao.synth import generate_pages
from jianbao.tag import divisions

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ROOT / "bench" / "places_checked.tsv"


def paper_of(shared: Path, stem: str) -> str | None:
    src = shared / "corpus/dev/sources" / f"{stem}.source.json"
    if not src.exists():
        return None
    paper = json.loads(src.read_text(encoding="utf-8")).get("paper")
    return re.split(r"\s*[(（]", paper)[0].strip() or None if paper else None


def resolutions(shared: Path) -> list[tuple[str, str | None, object]]:
    out = []
    for gold in sorted((shared / "corpus/dev/single").glob("*.gold.json")):
        stem = gold.name.split(".")[0]
        paper = paper_of(shared, stem)
        for a in json.loads(gold.read_text(encoding="utf-8"))["articles"]:
            for r in divisions.resolve_places(a.get("places") or [], paper, a.get("dateline")):
                out.append((stem, paper, r))
    return out


def precision() -> tuple[int, int, collections.Counter]:
    if not CHECKED.exists():
        return 0, 0, collections.Counter()
    with open(CHECKED, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")]
    verdicts = collections.Counter(r["verdict"] for r in rows)
    coded = [r for r in rows if r["code"]]
    return sum(r["verdict"] == "right" for r in coded), len(coded), verdicts


def speed(n: int, rounds: int) -> None:
    """Each page read, cut and tagged by both pipelines in turn (which goes first alternates), so that
    the machine's drift (2 cores shared) falls on both alike; per variant the sum over pages of each
    page's fastest of `rounds` runs."""
    pages = [(t.encode("utf-8"), g["page"]["source"]) for t, g in generate_pages(n, seed=7)]
    full = tag.PIPELINE
    variants = {"without": tuple(c for c in full if not isinstance(c, tag.Divisions)), "with": full}
    for data, src in pages[:5]:   # warm up: models, word lists and the division table loaded
        run_bytes(data, src)
    total = {k: 0.0 for k in variants}
    for i, (data, src) in enumerate(pages):
        best = {k: float("inf") for k in variants}
        for r in range(rounds):
            for k in (("without", "with") if (i + r) % 2 == 0 else ("with", "without")):
                tag.PIPELINE = variants[k]
                t = time.perf_counter()
                run_bytes(data, src)
                best[k] = min(best[k], time.perf_counter() - t)
        for k in variants:
            total[k] += best[k]
    tag.PIPELINE = full
    pps = {k: n / v for k, v in total.items()}
    print(f"read+cut+tag of {n} synthetic pages, each page's fastest of {rounds} runs, the two taking turns: "
          f"without divisions {pps['without']:.1f} pages/s, with {pps['with']:.1f} pages/s "
          f"({pps['with'] / pps['without']:.1%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--speed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if args.speed:
        speed(args.speed, args.rounds)
        return
    res = resolutions(args.shared)
    coded = sum(1 for _, _, r in res if r.code)
    print(f"gold place mentions: {len(res)} in {len({s for s, _, _ in res})} files; "
          f"papers named: {len({p for _, p, _ in res if p})}")
    print(f"coverage: {coded}/{len(res)} = {coded / len(res):.3f} get a code")
    by_level = collections.Counter(r.level for _, _, r in res if r.code)
    print("coded by level: " + ", ".join(f"{k} {v}" for k, v in by_level.most_common()))
    reasons = collections.Counter(r.reason.split(":")[0] if r.reason.startswith("ambiguous") else r.reason
                                  for _, _, r in res if not r.code)
    print("without a code: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
    right, n, verdicts = precision()
    if n:
        print(f"precision (hand-checked sample, {sum(verdicts.values())} rows, {n} with a code): "
              f"{right}/{n} = {right / n:.3f}; verdicts: " + ", ".join(f"{k} {v}" for k, v in verdicts.most_common()))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            f.write("file\tpaper\tname\tcode\tlevel\tprovince\tprefecture\tcounty\treason\n")
            for stem, paper, r in res:
                f.write("\t".join([stem, paper or "", r.name, r.code or "", r.level or "", r.province,
                                   r.prefecture, r.county, r.reason]) + "\n")


if __name__ == "__main__":
    main()
