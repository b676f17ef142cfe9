"""What every JSON reader hands to the renderer: the parser's blocks of one printed page, as it gave them.

A reader (one module per tool) turns the tool's JSON into `RawPage`s of `Item`s in the tool's reading
order, each with the category normalised to `CATEGORIES`, the title level, the box in page units with
y growing down, and the page size when the JSON says it. `read/formats.py` renders them into a `Page`.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

# the parser's label, normalised: what the renderer and the cutter can use
CATEGORIES = ("title", "heading", "text", "list", "caption", "image", "table", "formula", "footnote",
              "aside", "header", "footer", "page_number", "logo")
# "logo": a column logo told by its look (a scan's line set on a ground: read/image.py, layout.py)
FURNITURE = ("header", "footer", "page_number", "aside")

Box = tuple[float, float, float, float]


@dataclass
class Item:
    text: str
    category: str = "text"
    level: int = 0                  # title level: 1 for a document title, 2+ for section headers
    box: Box | None = None          # x0, y0, x1, y1 in page units, y down
    line_heights: list[float] = field(default_factory=list)   # when the tool gives its lines' boxes


@dataclass
class RawPage:
    items: list[Item]
    width: float | None = None      # page size in the boxes' units, when the JSON gives it
    height: float | None = None


def join_lines(parts: list[str]) -> str:
    """Lines of one block as one line: nothing between two Chinese characters, a space where a Latin
    word or a number would otherwise run into the next."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out and (out[-1].isascii() and out[-1].isalnum() or out[-1] in ",.;:!?") \
                and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


def fold(s: Any) -> str:
    """A text field as one line (its own line breaks joined as `join_lines` does)."""
    if not isinstance(s, str):
        return "" if s is None else str(s)
    return join_lines(s.split("\n")) if "\n" in s else s.strip()


_TAG = re.compile(r"<[^>]*>")
_CELL_END = re.compile(r"</t[dh]\s*>|<br\s*/?>|</tr\s*>", re.I)


def html_text(s: Any) -> str:
    """The cells' text of a table given as HTML: tags out, cells apart by a space, entities decoded."""
    if not isinstance(s, str):
        return ""
    s = _CELL_END.sub(" ", s)
    return " ".join(html.unescape(_TAG.sub(" ", s)).split())


def as_box(v: Any) -> Box | None:
    """[x0, y0, x1, y1], or four [x, y] points (a quad), as a box; None when it is not one."""
    try:
        if isinstance(v, dict):
            return float(v["l"]), float(v["t"]), float(v["r"]), float(v["b"])
        if len(v) == 4 and all(isinstance(p, (list, tuple)) for p in v):
            xs, ys = [float(p[0]) for p in v], [float(p[1]) for p in v]
            return min(xs), min(ys), max(xs), max(ys)
        if len(v) == 8:
            xs, ys = [float(x) for x in v[0::2]], [float(y) for y in v[1::2]]
            return min(xs), min(ys), max(xs), max(ys)
        if len(v) == 4:
            x0, y0, x1, y1 = (float(x) for x in v)
            return x0, y0, x1, y1
    except (TypeError, ValueError, KeyError, IndexError):
        return None
    return None


def fit_box(box: Box | None, width: float | None, height: float | None) -> Box | None:
    """The box clipped to the page; None when nothing of it is left (zero or negative size, outside
    the page, not finite). The text of such a block is kept, only its box is dropped."""
    if box is None:
        return None
    x0, y0, x1, y1 = box
    if not all(abs(v) < 1e12 for v in box):   # also catches nan
        return None
    x0, y0 = max(0.0, x0), max(0.0, y0)
    if width:
        x1 = min(width, x1)
    if height:
        y1 = min(height, y1)
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


def furniture_side(box: Box | None, height: float | None) -> str:
    """header or footer for a piece of furniture whose kind the tool does not say: by where it is
    (upper half: header); without a box, footer (tools list such blocks after the page's body)."""
    if box is None or not height:
        return "footer"
    return "header" if (box[1] + box[3]) / 2 < height / 2 else "footer"


def pages_extent(items: list[Item]) -> tuple[float | None, float | None]:
    """Page size from the blocks' extent, for tools that do not write it (image pixels)."""
    boxes = [it.box for it in items if it.box]
    if not boxes:
        return None, None
    return max(b[2] for b in boxes), max(b[3] for b in boxes)
