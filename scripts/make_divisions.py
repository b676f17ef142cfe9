"""Regenerate src/jianbao/tag/data/divisions.tsv, the administrative divisions the tagger resolves
place names to (tag/divisions.py).

Origin: ../shared/data/admin-divisions/divisions.tsv — the National Bureau of Statistics' 统计用区划代码
(2023, cut-off 2023-06-30) as published by modood/Administrative-divisions-of-China (`dist/`), WTFPL.
The shipped table keeps `code level name` only: a row's province, prefecture and county are the rows
whose codes are its code's first 2, 4 and 6 digits, so those three columns are derived again on load.
Run: .venv/bin/python scripts/make_divisions.py [SOURCE.tsv]
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/admin-divisions/divisions.tsv"
OUT = ROOT / "src/jianbao/tag/data/divisions.tsv"
HEADER = """# code	level	name — China's administrative divisions down to townships (44,703 rows), for
# tag/divisions.py. Codes: the National Bureau of Statistics' 统计用区划代码, 2023 (cut-off 2023-06-30);
# their first six digits are the GB/T 2260 county codes. Written by scripts/make_divisions.py from
# modood/Administrative-divisions-of-China (dist/), WTFPL; see README.md. Province, prefecture and
# county of a row are the rows of its code's first 2, 4 and 6 digits.
"""

rows = []
with open(SOURCE, encoding="utf-8") as f:
    head = f.readline().rstrip("\n").split("\t")
    assert head[:3] == ["code", "level", "name"], head
    for line in f:
        code, level, name = line.rstrip("\n").split("\t")[:3]
        rows.append(f"{code}\t{level}\t{name}\n")
OUT.write_text(HEADER + "".join(rows), encoding="utf-8")
print(f"{len(rows)} divisions → {OUT}")
