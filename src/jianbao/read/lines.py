"""The printed line the layout analysis works on, and its parameters.

A reader of geometry (a PDF's text layer, pdf.py; OCR, image.py; a parser's OCR lines,
parsers/ocr.py) gives `Line`s; the layout (layout.py) and the reading order (order.py) take them,
tuned by `Params`. They live here, below both, so that neither imports the other for its types.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Box

TITLE_RATIO = 1.12        # a line this much larger than the body is a title
HEAD_RATIO = 1.4          # a head whose largest line is this much larger has a headline


@dataclass
class Line:
    x0: float
    y0: float            # top; y grows down the page
    x1: float
    y1: float
    size: float          # font size (PDF) or a size estimated from the box (OCR)
    text: str
    kind: str = ""       # "logo": a column logo by its look (a scan's line set on a ground, image.py)

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    @property
    def box(self) -> Box:
        return (round(self.x0, 1), round(self.y0, 1), round(self.x1, 1), round(self.y1, 1))


@dataclass
class Params:
    title_ratio: float = TITLE_RATIO
    head_ratio: float = HEAD_RATIO
    gutter: float = 0.75          # a column gutter is at least this many body sizes wide
    strip: float = 0.45           # an empty strip is this many body sizes wider than line spacing
    size_tol: float = 0.04        # lines of one paragraph differ in size by at most this share
    tier: float = 0.9             # a strip between tiers of articles is this many body sizes wider
    spill: float = 0.0            # OCR boxes may run this many body sizes into a gutter
