"""dots.ocr layout JSON: an array of {bbox, category, text} in reading order, or the model's raw answer.

`bbox` is in pixels of the page image; `category` one of Title, Section-header, Text, List-item,
Caption, Footnote, Formula, Table (text as HTML), Picture (no text), Page-header, Page-footer. Title
levels beyond Title / Section-header exist only as `#` marks the model wrote into the text.
When the model's JSON could not be parsed, dots.ocr saves its raw answer as a JSON string: the
objects in it that parse are read as blocks, a cut-off last object gives what its text had reached,
and what is left (or an answer that holds no object at all) is kept as text, so no character is lost.
"""
from __future__ import annotations

import json
import re
from typing import Any

from ...model import Page
from ..text import page_from_text
from .base import Item, RawPage, as_box, fold, html_text, pages_extent

CATEGORIES = {
    "title": "title", "section-header": "heading", "text": "text", "list-item": "list",
    "caption": "caption", "footnote": "footnote", "formula": "formula", "table": "table",
    "picture": "image", "page-header": "header", "page-footer": "footer",
}
_HASHES = re.compile(r"(#{1,6})[ \t]+")
_PARTIAL_TEXT = re.compile(r'"text"\s*:\s*"((?:[^"\\]|\\.)*)')
_KEYS = re.compile(r'"(?:bbox|category)"\s*:\s*(?:\[[^\]]*\]?|"[^"]*"?)')   # also cut off


def read_layout(cells: list) -> list[RawPage]:
    items = [it for c in cells if isinstance(c, dict) for it in _cell(c)]
    w, h = pages_extent(items)
    return [RawPage(items, w, h)]


def _cell(c: dict) -> list[Item]:
    cat = CATEGORIES.get(str(c.get("category") or "text").lower().replace("_", "-"), "text")
    box = as_box(c.get("bbox"))
    raw = c.get("text")
    text = html_text(raw) if cat == "table" else fold(raw)
    if cat == "image":          # a picture has no text; if the model wrote some, it is kept
        return [Item("", "image", box=box)] + ([Item(text, "caption", box=box)] if text else [])
    level = 0
    m = _HASHES.match(text)
    if m and cat in ("title", "heading"):
        level = 1 if cat == "title" else max(2, len(m.group(1)))
        text = text[m.end():]
    return [Item(text, cat, level, box)]


def read_raw(answer: str) -> list[RawPage | Page]:
    """The raw answer of a failed parse: the objects that parse, what a cut-off object had reached,
    and the rest as text; an answer with no object in it is read as the markdown it is."""
    dec = json.JSONDecoder()
    cells: list[dict] = []
    rest: list[str] = []
    pos = 0
    i = answer.find("{")
    while i >= 0:
        try:
            obj, end = dec.raw_decode(answer, i)
        except json.JSONDecodeError:
            i = answer.find("{", i + 1)
            continue
        if isinstance(obj, dict) and ("category" in obj or "text" in obj):
            rest.append(answer[pos:i])
            cells.append(obj)
            pos = end
        i = answer.find("{", end)
    if not cells:
        return [page_from_text(answer)]
    tail = answer[pos:]
    m = _PARTIAL_TEXT.search(tail)
    if m:                      # the last object, cut off inside its text
        head = tail[:m.start()]
        cat = re.search(r'"category"\s*:\s*"([^"]*)"', head)
        box = re.search(r'"bbox"\s*:\s*\[([^\]]*)\]', head)
        rest.append(head)
        cells.append({"category": cat.group(1) if cat else "Text", "text": _unescape(m.group(1)),
                      "bbox": [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", box.group(1))] if box else None})
    else:
        rest.append(tail)
    pages = read_layout(cells)
    for s in rest:             # what lies between the objects: JSON punctuation, or text to keep
        s = _KEYS.sub("", s)
        if any(ch.isalnum() for ch in s):
            pages[0].items.append(Item(fold(s), "text"))
    return pages


def _unescape(s: str) -> str:
    """A JSON string's body, cut off anywhere (even inside an escape)."""
    for cut in range(0, 7):
        try:
            return json.loads('"' + s[:len(s) - cut] + '"') + s[len(s) - cut:] if cut else json.loads('"' + s + '"')
        except json.JSONDecodeError:
            continue
    return s
