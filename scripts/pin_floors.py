"""Write tests/floors.json from the current scores of the golden pages (examples/ and ../shared/corpus/dev),
and tests/tag_floors.json from the tag figures of every gold file handed its structure (test_tag_golden.py).

Run after a deliberate improvement; review the diff: a floor that goes down needs a reason.
    .venv/bin/python scripts/pin_floors.py
"""
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import gold_of, load_scorer  # noqa: E402
from test_golden import figures, key, pages, rmrb_styles, style_scores  # noqa: E402

from jianbao.pipeline import cut, read_path  # noqa: E402
from jianbao.settings import Settings  # noqa: E402

from test_tag_golden import golds, tag_scores  # noqa: E402
from test_tag_golden import key as tag_key  # noqa: E402


def write(floors: dict, name: str, what: str) -> None:
    """Write {file: {figure: floor}} to tests/`name` and show the figures under 1."""
    out = ROOT / "tests" / name
    out.write_text(json.dumps(floors, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"pinned {len(floors)} {what} → {out}")
    for k, v in floors.items():
        low = {f: x for f, x in v.items() if x < 1}
        if low:
            print(f"  {k}: {low}")


def floor(x: float) -> float:
    return math.floor(x * 1000) / 1000


scorer = load_scorer()
floors = {}
for path in pages():
    s = Settings(tag=False)
    m = scorer.score(gold_of(path), cut(read_path(path, s), s).to_dict(), path.read_text(encoding="utf-8"))
    floors[key(path)] = {f: floor(m[f]) for f in figures(path) if f in m}
for style, paths in rmrb_styles().items():
    m = style_scores(paths)
    floors[f"shared/corpus/dev/rmrb/{style}"] = {f: floor(m[f]) for f in figures(paths[0])}
write(floors, "floors.json", "pages")
write({tag_key(p): {f: floor(x) for f, x in tag_scores(p).items()} for p in golds()}, "tag_floors.json",
      "gold files' tag figures")
