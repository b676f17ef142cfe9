"""Write tests/floors.json from the current scores of the golden pages (examples/ and ../shared/corpus/dev).

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
from test_golden import FIGURES, key, pages  # noqa: E402

from jianbao.pipeline import cut, read_path  # noqa: E402
from jianbao.settings import Settings  # noqa: E402

scorer = load_scorer()
floors = {}
for path in pages():
    s = Settings(tag=False)
    m = scorer.score(gold_of(path), cut(read_path(path, s), s).to_dict(), path.read_text(encoding="utf-8"))
    floors[key(path)] = {f: math.floor(m[f] * 1000) / 1000 for f in FIGURES if f in m}
out = ROOT / "tests/floors.json"
out.write_text(json.dumps(floors, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"pinned {len(floors)} pages → {out}")
for k, v in floors.items():
    low = {f: x for f, x in v.items() if x < 1}
    if low:
        print(f"  {k}: {low}")
