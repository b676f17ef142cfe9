"""Document parsers' structured JSON → Pages: the format told by the JSON's shape, never by the file name.

Accepted (`detect` names them): PP-StructureV3 / PaddleX layout parsing, MinerU content_list.json and
middle.json, dots.ocr layout JSON (also its raw answer when the model's JSON was malformed), Docling's
DoclingDocument, and plain OCR line lists (PaddleOCR 2.x/3.x, RapidOCR). The block formats carry what
the parser knew — boxes, categories, title levels, reading order — and are rendered here like the
parser's markdown (one line per block, blank lines between, `#` on titles, `##` on section headers),
so that offsets index `Page.text` exactly as for a markdown page; each block keeps its box, category,
band (`zone`) and type size (`size`). OCR line lists carry none of that: their lines go to the layout
analysis (`layout.page_from_lines`), which orders them by geometry as for a scan.

Reading order is the parser's (block_order / list order / body tree), except that page furniture
(headers, page numbers, margin text above the middle of the page) comes first and footers last.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from math import sqrt
from pathlib import Path
from statistics import median
from typing import Any, Callable, Iterator

from ..errors import BadJson, EmptyInput, OwnDocument, TooLarge, UnknownJson
from ..model import Block, Page
from ..settings import Settings
from .encoding import decode
from .layout import _clean
from .parsers import base, docling, dots, mineru, ocr, paddle
from .parsers.base import FURNITURE, Item, RawPage
from .text import page_from_text

ACCEPTED = ("PP-StructureV3/PaddleX (parsing_res_list), MinerU content_list.json, content_list_v2.json or "
            "middle.json, "
            "dots.ocr layout JSON, Docling JSON, PaddleOCR or RapidOCR line lists")

READERS: dict[str, Callable[[Any], list]] = {
    "ppstructure": paddle.read_structure,
    "paddleocr": ocr.read_paddle,
    "rapidocr": ocr.read_rapid,
    "mineru_content_list": mineru.read_content_list,
    "mineru_middle": mineru.read_middle,
    "mineru_content_list_v2": mineru.read_content_list_v2,
    "dots": dots.read_layout,
    "dots_raw": dots.read_raw,
    "docling": docling.read_document,
}

NAMES = {"ppstructure": "PP-StructureV3", "paddleocr": "PaddleOCR", "rapidocr": "RapidOCR",
         "mineru_content_list": "MinerU content_list", "mineru_middle": "MinerU middle.json",
         "mineru_content_list_v2": "MinerU content_list_v2",
         "dots": "dots.ocr", "dots_raw": "dots.ocr", "docling": "Docling", "empty": "parser's"}

TITLE_SPACING = 1.2     # baseline to baseline over type size: headlines are set close
BODY_SPACING = 1.5      # … body text has more leading


# ---- detection -------------------------------------------------------------------------------

def detect(obj: Any) -> str:
    """The format of a parsed JSON document, from its shape: a key of READERS, "jianbao" for a page
    document of jianbao's own (output or gold), "empty" for an empty array; UnknownJson otherwise."""
    if isinstance(obj, str):
        return "dots_raw"
    if isinstance(obj, dict):
        if isinstance(obj.get("res"), dict):
            obj = obj["res"]
        if "parsing_res_list" in obj:
            return "ppstructure"
        if "rec_texts" in obj:
            return "paddleocr"
        if isinstance(obj.get("pdf_info"), list):
            return "mineru_middle"
        if obj.get("schema_name") == "DoclingDocument" or ("texts" in obj and "body" in obj):
            return "docling"
        if isinstance(obj.get("articles"), list) and "page" in obj:
            return "jianbao"
        raise UnknownJson(f"JSON from another tool ({_seen(obj)}): jianbao reads {ACCEPTED}, or a page as markdown")
    if isinstance(obj, list):
        items = [x for x in obj if x is not None]     # PaddleOCR gives None for a page with no text
        if not items:
            return "empty"
        first = items[0]
        if isinstance(first, dict):
            kind = _detect_item(first, items)
            if kind:
                return kind
        elif isinstance(first, list):
            if ocr.line_shape(first):
                return ocr.line_shape(first)
            inner = next((x for page in items if isinstance(page, list) for x in page if x is not None), None)
            if isinstance(inner, list) and ocr.line_shape(inner):
                return ocr.line_shape(inner)     # one list of lines per page
            if inner is None and all(isinstance(p, list) for p in items):
                return "empty"
            if isinstance(inner, dict) and isinstance(inner.get("type"), str) and isinstance(inner.get("content"), dict):
                return "mineru_content_list_v2"   # pages of {type, content: {…_content: spans}, bbox}: MinerU 3.x
    raise UnknownJson(f"JSON from another tool ({_seen(obj)}): jianbao reads {ACCEPTED}, or a page as markdown")


def _detect_item(first: dict, items: list) -> str | None:
    if isinstance(first.get("res"), dict) or "parsing_res_list" in first or "rec_texts" in first:
        return detect(first)
    if "category" in first and "bbox" in first:
        return "dots"
    if "txt" in first and "box" in first:
        return "rapidocr"
    if all(isinstance(x, dict) and isinstance(x.get("type"), str) for x in items[:50]) and \
            any(k in x for x in items[:50] for k in ("page_idx", "text", "img_path", "table_body")):
        return "mineru_content_list"
    return None


def _seen(obj: Any) -> str:
    """What a JSON value is, in a few words, for an error message."""
    if isinstance(obj, dict):
        keys = list(obj)[:5]
        return "an object with keys " + ", ".join(repr(k) for k in keys) + (" …" if len(obj) > 5 else "") \
            if keys else "an empty object"
    if isinstance(obj, list):
        first = next((x for x in obj if x is not None), None)
        return f"an array of {len(obj)} items, the first {_seen(first)}" if first is not None else "an array"
    return f"a {type(obj).__name__}"


# ---- reading ---------------------------------------------------------------------------------

def load(data: bytes) -> Any:
    """The JSON value of a file's bytes (any encoding `decode` knows); BadJson says where it breaks."""
    text, _ = decode(data)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise BadJson(f"invalid JSON at line {e.lineno}, column {e.colno} ({e.msg}): the file is "
                      "truncated or damaged; export it from the parser again") from None
    except RecursionError:
        raise BadJson("invalid JSON: nested too deeply to be a parser's page") from None


def read_json_path(path: Path, settings: Settings) -> Iterator[Page]:
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise TooLarge(f"too large ({size / 1048576:.1f} MB; the limit is "
                       f"{settings.max_bytes / 1048576:.0f} MB): split it into pages or raise --max-mb")
    yield from read_json_bytes(path.read_bytes(), path.name)


def read_json_bytes(data: bytes, name: str) -> Iterator[Page]:
    """Every page of a parser's JSON. A page document of jianbao's own (its output, a gold file) holds
    no page to cut: OwnDocument says so (a folder's *.gold.json files are not read: batch.py)."""
    obj = load(data)
    kind = detect(obj)
    if kind == "jianbao":
        raise OwnDocument("a page document jianbao wrote (cut's output or a gold file), not a page: "
                          "give the page it came from")
    pages = READERS[kind](obj) if kind != "empty" else []
    if not any(_has_text(p) for p in pages):
        raise EmptyInput(f"the {NAMES[kind]} JSON holds no text: there is nothing to cut")
    for k, raw in enumerate(pages):
        source = f"{name}#p{k + 1}" if len(pages) > 1 else name
        if isinstance(raw, Page):                 # a dots.ocr answer that was markdown after all
            raw.meta = replace(raw.meta, source=source)
            yield raw
        elif isinstance(raw, ocr.LinePage):
            yield ocr.render_lines(raw, source)
        else:
            yield render(raw, source)


def _has_text(p: Any) -> bool:
    if isinstance(p, Page):
        return any(b.text for b in p.blocks)
    if isinstance(p, ocr.LinePage):
        return any(ln.text.strip() for ln in p.lines)
    return any(it.text.strip() for it in p.items)


# ---- rendering -------------------------------------------------------------------------------

def zone_of(it: Item, height: float | None) -> str | None:
    if it.category == "header":
        return "header"
    if it.category == "footer":
        return "footer"
    if it.category in FURNITURE:
        return base.furniture_side(it.box, height)
    return None


def _units(text: str) -> float:
    """Characters in ems: a Chinese character is one, a Latin letter or digit half (the text is
    already folded: its only white space is single spaces)."""
    half = len(text.encode("ascii", "ignore")) - text.count(" ")
    return len(text) - text.count(" ") - 0.5 * half


def type_size(it: Item) -> float:
    """The type size of a block, estimated from its box (0 when there is none).

    With its lines' boxes (MinerU middle.json), the median line height. Otherwise, for n characters
    (in ems) in a box w × h set with line spacing k (1.2 for titles, 1.5 for text), the area gives a
    first size s0 = sqrt(w·h / (n·k)); the box then holds L = round((h − s0) / (k·s0)) + 1 lines, and
    the size is h / (1 + (L − 1)·k) — the height alone fixes it, so that boxes normalised to 0–1000 on
    both axes (MinerU content_list) still compare. A one-line block's size is its box height."""
    if it.line_heights:
        return float(median(it.line_heights))
    if not it.box:
        return 0.0
    w, h = it.box[2] - it.box[0], it.box[3] - it.box[1]
    n = _units(it.text)
    if n <= 0 or w <= 0 or h <= 0:
        return 0.0
    k = TITLE_SPACING if it.category in ("title", "heading") else BODY_SPACING
    s0 = sqrt(w * h / (n * k))
    lines = max(1, round((h - s0) / (k * s0)) + 1)
    return h / (1 + (lines - 1) * k)


_MARKS = re.compile(r"#{1,6}[ \t]+")


def markdown(it: Item) -> str:
    """The block as one line of a parser's markdown."""
    if it.category == "image":
        return "![]()"
    if it.category in ("title", "heading"):
        m = _MARKS.match(it.text)
        text = it.text[m.end():] if m else it.text
        level = it.level or (1 if it.category == "title" else 2)
        return "#" * min(6, level) + " " + text
    # a text that would read as markup at the start of a line is escaped (the backslash is dropped
    # again by the markdown reader): a body line starting with "# " is not a heading
    return "\\" + it.text if it.text[:1] in "#>-*+_|~`" or it.text.startswith("![") else it.text


def render(raw: RawPage, source: str) -> Page:
    """A page of blocks as the parser's markdown, each block with its box, category, band and size."""
    head, body, foot = [], [], []
    for it in raw.items:
        it.text = _clean(it.text)
        if not it.text and it.category != "image":
            continue                       # an empty block (MinerU's mark of text moved elsewhere)
        it.box = base.fit_box(it.box, raw.width, raw.height)
        zone = zone_of(it, raw.height)
        (head if zone == "header" else foot if zone == "footer" else body).append((it, zone))
    ordered = head + body + foot
    sizes = [type_size(it) for it, _ in ordered]
    weights = [(s, len(it.text)) for s, (it, _) in zip(sizes, ordered) if s > 0 and it.category in ("text", "list")]
    body_size = _weighted_median(weights) or _weighted_median(
        [(s, len(it.text)) for s, (it, _) in zip(sizes, ordered) if s > 0])
    lines = [markdown(it) for it, _ in ordered]
    page = page_from_text("\n\n".join(lines) + "\n", source)
    starts, pos = {}, 0
    for k, s in enumerate(lines):
        starts[pos] = k
        pos += len(s) + 2
    blocks = []
    for b in page.blocks:
        k = starts.get(b.start, -1)
        if k < 0:
            blocks.append(b)
            continue
        it, zone = ordered[k]
        size = round(sizes[k] / body_size, 3) if body_size and sizes[k] else 0.0
        # built field by field: dataclasses.replace costs more than the rest on 100,000 blocks
        blocks.append(Block(b.index, b.start, b.end, b.text, b.heading, b.bold, b.gap_before, b.image,
                            b.indent, zone, size, it.box, it.category))
    page.blocks = blocks
    return page


def _weighted_median(pairs: list[tuple[float, int]]) -> float:
    """The value at the middle character."""
    pairs = sorted(pairs)
    half, seen = sum(n for _, n in pairs) / 2, 0
    for v, n in pairs:
        seen += n
        if seen >= half:
            return v
    return 0.0
