"""Golden pages with pinned score floors: a change may not lower them silently.

Floors live in tests/floors.json: {page: {figure: floor}}. Raising a floor is a deliberate edit;
a change that drops a figure below its floor fails here and must say why in the commit.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, SHARED, gold_of, load_scorer
from jianbao.pipeline import cut, read_path
from jianbao.settings import Settings

_FLOORS_FILE = ROOT / "tests/floors.json"
FLOORS = json.loads(_FLOORS_FILE.read_text(encoding="utf-8")) if _FLOORS_FILE.exists() else {}
FIGURES = ["article_f1", "kicker_acc", "headline_acc", "subheadline_acc", "byline_acc",
           "dateline_acc", "reporters_f1", "subheadings_f1", "paragraph_f1", "column_breaks_joined",
           "page_paper_acc", "page_date_acc", "page_page_acc"]
# The People's Daily dev pages (../shared/corpus/dev/rmrb) are scored on article-level structure only:
# their gold leaves in-article subheadings among the paragraphs (README-rmrb.md). Their floors are
# the mean of each figure per markup style (key "shared/corpus/dev/rmrb/<style>"): the article-start
# model (cut/boundary.py) weighs evidence learned over all pages, and a retraining that lifts a
# style's mean may trade one page for another; every page still loses nothing.
ARTICLE_FIGURES = ["article_f1", "kicker_acc", "headline_acc", "subheadline_acc", "byline_acc",
                   "dateline_acc", "reporters_f1", "column_breaks_joined"]


def figures(p: Path) -> list[str]:
    """The figures pinned for page p."""
    return ARTICLE_FIGURES if p.parent.name == "rmrb" else FIGURES


def pages() -> list[Path]:
    """The pages with floors of their own (every gold page but the People's Daily ones)."""
    found = sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".md", ".txt")
                   and p.with_name(p.stem + ".gold.json").exists())
    dev = SHARED / "corpus/dev"
    if dev.exists():
        found += sorted(p for p in dev.glob("*/*.md") if p.parent.name != "rmrb")
    return found


def rmrb_styles() -> dict[str, list[Path]]:
    """The People's Daily dev pages by markup style."""
    out: dict[str, list[Path]] = {}
    for p in sorted((SHARED / "corpus/dev/rmrb").glob("*.md")):
        style = gold_of(p).get("markup", "?")
        out.setdefault(style, []).append(p)
    return out


def style_scores(paths: list[Path]) -> dict[str, float]:
    """The mean of each article-level figure over the pages; lost_chars summed."""
    scorer = load_scorer()
    s = Settings(tag=False)
    sums: dict[str, float] = dict.fromkeys(ARTICLE_FIGURES + ["lost_chars"], 0.0)
    for p in paths:
        m = scorer.score(gold_of(p), cut(read_path(p, s), s).to_dict(), p.read_text(encoding="utf-8"))
        for f in sums:
            sums[f] += m[f]
    return {f: (v if f == "lost_chars" else v / len(paths)) for f, v in sums.items()}


def key(p: Path) -> str:
    return str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else "shared/" + str(p.relative_to(SHARED))


@pytest.mark.parametrize("path", pages(), ids=key)
def test_page_meets_its_floors(path: Path):
    scorer = load_scorer()
    s = Settings(tag=False)
    doc = cut(read_path(path, s), s).to_dict()
    m = scorer.score(gold_of(path), doc, path.read_text(encoding="utf-8"))
    assert m["lost_chars"] == 0
    floors = FLOORS.get(key(path))
    assert floors is not None, f"no floors pinned for {key(path)}: add them to tests/floors.json"
    below = {f: (round(m[f], 3), floors[f]) for f in floors if f in m and m[f] < floors[f] - 1e-9}
    assert not below, f"below the pinned floor (got, floor): {below}"


@pytest.mark.parametrize("style", sorted(rmrb_styles()))
def test_peoples_daily_style_meets_its_floors(style: str):
    m = style_scores(rmrb_styles()[style])
    assert m["lost_chars"] == 0
    name = f"shared/corpus/dev/rmrb/{style}"
    floors = FLOORS.get(name)
    assert floors is not None, f"no floors pinned for {name}: run scripts/pin_floors.py"
    below = {f: (round(m[f], 3), floors[f]) for f in floors if m[f] < floors[f] - 1e-9}
    assert not below, f"below the pinned floor (got, floor): {below}"


def test_every_pinned_page_exists():
    known = {key(p) for p in pages()} | {f"shared/corpus/dev/rmrb/{s}" for s in rmrb_styles()}
    missing = [k for k in FLOORS if k not in known and not (k.startswith("shared/") and not SHARED.exists())]
    assert not missing, f"floors pinned for pages that are gone: {missing}"


def test_example_gold_files_are_consistent_with_their_pages():
    """Every example's gold covers its page exactly (scripts/check_gold.py)."""
    import subprocess
    import sys
    run = subprocess.run([sys.executable, str(ROOT / "scripts/check_gold.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]
    assert " 0 problems" in run.stdout
