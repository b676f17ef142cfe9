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
# their gold leaves in-article subheadings among the paragraphs (README-rmrb.md).
ARTICLE_FIGURES = ["article_f1", "kicker_acc", "headline_acc", "subheadline_acc", "byline_acc",
                   "dateline_acc", "reporters_f1", "column_breaks_joined"]


def figures(p: Path) -> list[str]:
    """The figures pinned for page p."""
    return ARTICLE_FIGURES if p.parent.name == "rmrb" else FIGURES


def pages() -> list[Path]:
    found = sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".md", ".txt")
                   and p.with_name(p.stem + ".gold.json").exists())
    dev = SHARED / "corpus/dev"
    if dev.exists():
        found += sorted(dev.glob("*/*.md"))
    return found


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


def test_every_pinned_page_exists():
    known = {key(p) for p in pages()}
    missing = [k for k in FLOORS if k not in known and not (k.startswith("shared/") and not SHARED.exists())]
    assert not missing, f"floors pinned for pages that are gone: {missing}"


def test_example_gold_files_are_consistent_with_their_pages():
    """Every example's gold covers its page exactly (scripts/check_gold.py)."""
    import subprocess
    import sys
    run = subprocess.run([sys.executable, str(ROOT / "scripts/check_gold.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]
    assert " 0 problems" in run.stdout
