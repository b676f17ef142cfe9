"""Line geometry of plain OCR text: the column width lines wrap at, and paragraph indents.

Many OCR tools emit one printed line per text line. Then a line that fills the column width runs
on into the next, a short line ends its paragraph, and an indent (　　) starts one — whatever
the punctuation says. Markdown from document parsers has none of this, and the rules stay off.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Block


def width(text: str) -> float:
    """Printed width in full-width characters (Latin letters and digits are half)."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


@dataclass(frozen=True)
class Geometry:
    column: float | None = None   # the width most lines wrap at, if the text is wrapped
    indents: bool = False         # paragraphs start with an indent

    def full(self, b: Block) -> bool:
        if self.column is None:
            return False
        return width(b.text) + (2 if b.indent else 0) >= self.column - 1.5


def measure(blocks: list[Block], body: list[int]) -> Geometry:
    """Measure on the lines that may be body (furniture excluded by the caller)."""
    ws = [round(width(blocks[i].text) + (2 if blocks[i].indent else 0)) for i in body
          if width(blocks[i].text) >= 6]
    if len(ws) < 6:
        return Geometry()
    counts = Counter(ws)
    mode = max(counts, key=lambda w: (counts[w - 1] + counts[w] + counts[w + 1], w))
    near = counts[mode - 1] + counts[mode] + counts[mode + 1]
    # wrapped text: many lines of one width, most of them cut mid-sentence
    at_mode = [i for i in body if abs(width(blocks[i].text) + (2 if blocks[i].indent else 0) - mode) <= 1.5]
    cut_short = sum(1 for i in at_mode if not blocks[i].text.rstrip("”’」）)").endswith(("。", "！", "？", "；")))
    column = (float(mode) if near >= 8 and near >= 0.45 * len(ws) and 10 <= mode <= 40
              and cut_short >= 0.6 * len(at_mode) else None)
    n_indent = sum(1 for i in body if blocks[i].indent)
    indents = n_indent >= 3 and n_indent >= 0.08 * len(body) and n_indent < 0.9 * len(body)
    return Geometry(column, indents)
