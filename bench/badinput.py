"""Time the bad inputs that the tests check by their work: long paragraphs for the tagger, a tall
blank scan, a parser's JSON of 100,000 blocks.

    .venv/bin/python bench/badinput.py [--rounds 3]

The tests (tests/test_tag_badinput.py, tests/test_read_badinput.py, tests/test_read_formats.py)
assert what is found and that ten times the input is at most about ten times the calls; they never
assert on a clock, which a loaded machine moves. This script prints the clock: for each input, the
best of --rounds runs in seconds, and for the pairs, the ratio of the long input's time to the
short one's (about 10 when the work is linear).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the inputs are the tests' own

from jianbao.settings import Settings  # noqa: E402
from tag_helpers import tag as tag_article  # noqa: E402
from test_read_formats import parsing_res_list  # noqa: E402
from test_tag_badinput import UNIT  # noqa: E402


def best(fn: Callable[[], Any], rounds: int) -> float:
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return min(out)


def tag(text: str) -> None:
    tag_article([text])


def tall_blank(rounds: int) -> float | None:
    """A blank 900×20,000 PNG read through the image reader (refused: no text), or None without
    Pillow and the OCR extra."""
    try:
        from PIL import Image
        from jianbao.errors import NoTextLayer
        from jianbao.read import read_pages
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "tall.png"
        Image.new("L", (900, 20_000), 255).save(p)

        def read() -> None:
            try:
                list(read_pages(p, Settings(tag=False)))
            except NoTextLayer:
                pass
        return best(read, rounds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    r = args.rounds
    tag(UNIT)  # tables and models load outside the clock
    rows: list[tuple[str, float, float | None]] = []

    short, long = UNIT * 200 + "x" * 3_000, UNIT * 2000 + "x" * 30_000
    small, big = best(lambda: tag(short), r), best(lambda: tag(long), r)
    rows += [(f"tag: a paragraph of {len(short):,} characters", small, None),
             (f"tag: a paragraph of {len(long):,} characters", big, big / small)]
    for name, text in (("one name run together", "王敏" * 10_000), ("a list of names", "王敏、" * 6_667),
                       ("dots", "." * 20_000), ("full stops", "。" * 20_000), ("titles", "市委书记" * 5_000),
                       ("full-width and traditional", "１２３ＡＢＣ市委書記林海濤" * 1_500)):
        rows.append((f"tag: {name}, {len(text):,} characters", best(lambda: tag(text), r), None))

    from jianbao.read.formats import read_json_bytes
    d10, d100 = parsing_res_list(10_000), parsing_res_list(100_000)
    t10 = best(lambda: next(read_json_bytes(d10, "b.json")), r)
    t100 = best(lambda: next(read_json_bytes(d100, "b.json")), r)
    rows += [("read: PP-Structure JSON, 10,000 blocks", t10, None),
             ("read: PP-Structure JSON, 100,000 blocks", t100, t100 / t10)]

    tall = tall_blank(r)
    if tall is not None:
        rows.append(("read: blank 900×20,000 PNG (refused, no OCR)", tall, None))

    print(f"best of {r} runs, seconds")
    print("| input | s | ratio to the tenth |\n|---|---|---|")
    for name, s, ratio in rows:
        print(f"| {name} | {s:.2f} | {'' if ratio is None else f'{ratio:.1f}'} |")


if __name__ == "__main__":
    main()
