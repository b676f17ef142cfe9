"""Plain OCR line lists: PaddleOCR 2.x, PaddleOCR 3.x, RapidOCR. Lines, not blocks: the layout
analysis orders them, as for a scan.

PaddleOCR 2.x: `[[quad, [text, score]], …]` per page (a list of such lists for several pages; None for
a page with no text). PaddleOCR 3.x: `{rec_texts, rec_polys | rec_boxes | dt_polys, …}` (possibly in
`{"res": …}`, or a list of per-page results). RapidOCR: `[[quad, text, score], …]`, or its `to_json()`
`[{box, txt, score}, …]`. Boxes are image pixels; the engines list lines down the whole page, across
columns, so their order is not used. A line's size is taken from its box as for our own OCR
(`ocrlines.sized`); a box of no size is given one, so that its text is kept.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

from ...errors import TooLarge
from ...model import Page
from ..layout import page_from_lines
from ..lines import Line
from ..ocrlines import OCR_PARAMS, sized
from .base import as_box, fold


MAX_LINES = 8000       # a broadsheet page holds some 3,000 lines; the layout analysis is not linear


@dataclass
class LinePage:
    lines: list[Line]


def line_shape(x: Any) -> str | None:
    """"paddleocr" for [quad, [text, score]], "rapidocr" for [quad, text, score], else None."""
    if not isinstance(x, list) or len(x) < 2 or as_box(x[0]) is None or not isinstance(x[0], list):
        return None
    if isinstance(x[1], (list, tuple)) and x[1] and isinstance(x[1][0], str):
        return "paddleocr"
    if isinstance(x[1], str):
        return "rapidocr"
    return None


def read_paddle(obj: Any) -> list[LinePage]:
    results = obj if isinstance(obj, list) else [obj]
    if any(isinstance(r, dict) for r in results):          # 3.x: one result per page
        return [_page3(r["res"] if isinstance(r.get("res"), dict) else r) for r in results if isinstance(r, dict)]
    if results and line_shape(next((r for r in results if r is not None), None)):
        results = [results]                                  # 2.x, one page
    return [_page(((ln[0], ln[1][0]) for ln in page or [] if line_shape(ln)), ) for page in results]


def _page3(r: dict) -> LinePage:
    texts = r.get("rec_texts") or []
    boxes = r.get("rec_boxes") or r.get("rec_polys") or r.get("dt_polys") or []
    return _page((b, t) for t, b in zip(texts, list(boxes) + [None] * (len(texts) - len(boxes))))


def read_rapid(obj: list) -> list[LinePage]:
    first = next((x for x in obj if x is not None), None)
    if isinstance(first, dict) or line_shape(first):
        return [_page(_rapid_lines(obj))]
    return [_page(_rapid_lines(p or [])) for p in obj]      # one list of lines per page


def _rapid_lines(lines: list):
    for ln in lines:
        if isinstance(ln, dict):
            yield ln.get("box"), ln.get("txt")
        elif line_shape(ln):
            yield ln[0], ln[1]


def _page(pairs) -> LinePage:
    """Lines from (box, text) pairs; a missing or empty box gets one of the usual size at the foot
    of the page (its text is kept)."""
    lines, lost = [], []
    for box, text in pairs:
        text = fold(text)
        if not text:
            continue
        b = as_box(box)
        if b and all(abs(v) < 1e9 for v in b) and b[2] > b[0] and b[3] > b[1]:
            lines.append(Line(max(0.0, b[0]), max(0.0, b[1]), b[2], b[3], b[3] - b[1], text))
        else:
            lost.append(text)
    h = median([ln.h for ln in lines]) if lines else 20.0
    bottom = max((ln.y1 for ln in lines), default=0.0)
    for k, text in enumerate(lost):
        y = bottom + (k + 1) * 2 * h
        lines.append(Line(0.0, y, h * len(text), y + h, h, text))
    return LinePage(lines)


def render_lines(raw: LinePage, source: str) -> Page:
    if len(raw.lines) > MAX_LINES:
        raise TooLarge(f"{len(raw.lines)} OCR lines on one page (at most {MAX_LINES}): is it one page? "
                       "give one list of lines per page")
    lines = sized(raw.lines) if raw.lines else []
    width = max((ln.x1 for ln in lines), default=1.0)
    height = max((ln.y1 for ln in lines), default=1.0)
    return page_from_lines(lines, width + 1, height + 1, source, OCR_PARAMS)
