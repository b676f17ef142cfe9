"""MinerU: `*_content_list.json` (a flat list in reading order), `*_content_list_v2.json` (3.x: a list
per page) and `*_middle.json` (`pdf_info`, per page).

content_list (1.x–3.x): `type` text/image/table/equation (3.x also list, code, chart), `text`,
`text_level` on titles, `bbox` normalised to 0–1000 (from 2.2; absent before), `page_idx`; captions
and footnotes of images and tables in lists of strings (1.x: img_caption); furniture as `discarded`
(pipeline) or typed header/footer/page_number/aside_text/page_footnote (VLM). An item with empty text
marks lines moved into an earlier block: it renders nothing.

middle.json: `pdf_info[]` pages with `page_size` (PDF points, the unit of every box), `para_blocks`
in reading order (text-like blocks hold lines → spans; image/table/… blocks hold sub-blocks),
`discarded_blocks`. Line boxes give the type size.
"""
from __future__ import annotations

from typing import Any

from .base import Item, RawPage, as_box, fold, furniture_side, html_text, join_lines

TYPES = {
    "text": "text", "title": "title", "list": "list", "index": "list", "ref_text": "text", "code": "text",
    "algorithm": "text", "equation": "formula", "interline_equation": "formula", "image": "image",
    "chart": "image", "table": "table", "header": "header", "footer": "footer",
    "page_number": "page_number", "aside_text": "aside", "page_footnote": "footnote",
    "phonetic": "text",
}
PARTS = {"caption": "caption", "footnote": "footnote", "body": None}
NORMALISED = 1000.0


# ---- content_list ------------------------------------------------------------------------------

def read_content_list(items: list) -> list[RawPage]:
    by_page: dict[int, list[Item]] = {}
    for it in items:
        if not isinstance(it, dict):
            continue
        page = it.get("page_idx")
        page = int(page) if isinstance(page, (int, float)) else 0
        by_page.setdefault(page, []).extend(_content_item(it))
    has_box = any(i.box for page in by_page.values() for i in page)
    size = NORMALISED if has_box else None
    return [RawPage(by_page[k], size, size) for k in sorted(by_page)]


def _content_item(it: dict) -> list[Item]:
    typ = str(it.get("type") or "text")
    box = as_box(it.get("bbox"))
    # discarded (pipeline): a header or a footer, by where it is on the page
    cat = furniture_side(box, NORMALISED if box else None) if typ == "discarded" else TYPES.get(typ, "text")
    if typ == "text" and it.get("text_level"):
        level = int(it["text_level"]) if isinstance(it["text_level"], (int, float)) else 1
        return [Item(fold(it.get("text")), "title" if level <= 1 else "heading", level, box)]
    out: list[Item] = []
    if cat in ("image", "table"):
        out.append(Item("", "image", box=box) if cat == "image" else
                   Item(html_text(it.get("table_body")) or fold(it.get("text")), "table", box=box))
    elif typ == "list" and isinstance(it.get("list_items"), list):
        out.extend(Item(fold(s), "list", box=box) for s in it["list_items"])
    else:
        text = fold(it.get("text"))
        if typ == "code" and it.get("code_body"):
            text = join_lines([text, fold(it.get("code_body"))])
        out.append(Item(text, cat, box=box))
    # captions and footnotes of an image, table, chart or code block: 1.x img_caption, then …_caption
    for key, value in it.items():
        if key.endswith(("_caption", "_footnote")) and isinstance(value, (list, str)):
            texts = value if isinstance(value, list) else [value]
            part = "caption" if key.endswith("_caption") else "footnote"
            out.extend(Item(fold(s), part) for s in texts if isinstance(s, str))
    return out


# ---- content_list_v2 (3.x) ---------------------------------------------------------------------

# 3.x renamed some types in content_list_v2: the rest are read as in TYPES
V2_RENAMED = {"paragraph": "text", "equation_interline": "equation", "page_header": "header",
              "page_footer": "footer", "page_aside_text": "aside_text"}
V2_TYPES = {**TYPES, **{new: TYPES[old] for new, old in V2_RENAMED.items()}}


def read_content_list_v2(pages: list) -> list[RawPage]:
    """MinerU 3.x `*_content_list_v2.json`: a list per page of `{type, content, bbox}`; the text
    of an item is in `content["<type>_content"]` as spans (`{type, content}`, a link's `children`),
    a title's level in `content["level"]`, captions and footnotes of images, tables and code under
    `…_caption` / `…_footnote`, list entries under `list_items`; boxes normalised to 0–1000.
    Still marked as changing upstream: what it does not know it reads as text."""
    out = []
    for page in pages:
        items: list[Item] = []
        for it in page if isinstance(page, list) else []:
            if isinstance(it, dict):
                items.extend(_v2_item(it))
        out.append(items)
    has_box = any(i.box for page in out for i in page)
    size = NORMALISED if has_box else None
    return [RawPage(items, size, size) for items in out]


def _v2_item(it: dict) -> list[Item]:
    typ = str(it.get("type") or "paragraph")
    content = it.get("content") if isinstance(it.get("content"), dict) else {}
    box = as_box(it.get("bbox"))
    cat = V2_TYPES.get(typ, "text")
    out: list[Item] = []
    if cat == "title":
        level = content.get("level")
        level = int(level) if isinstance(level, (int, float)) else 1
        out.append(Item(_spans(content.get("title_content")), "title" if level <= 1 else "heading", level, box))
    elif cat == "image":
        out.append(Item("", "image", box=box))
    elif cat == "table":
        body = content.get("table_body") or content.get("html")
        out.append(Item(html_text(body) if body else _spans(content.get("table_content")), "table", box=box))
    elif cat == "list":
        for entry in content.get("list_items") or []:
            text = _spans(entry.get("item_content") if isinstance(entry, dict) else entry)
            if text:
                out.append(Item(text, "list", box=box))
    else:
        key = next((k for k in content if k.endswith("_content") and k != "math_content"), f"{typ}_content")
        text = _spans(content.get(key))
        if not text and cat == "formula":
            text = fold(content.get("math_content"))
        out.append(Item(text, cat, box=box))
    for key, value in content.items():
        if key.endswith(("_caption", "_footnote")):
            part = "caption" if key.endswith("_caption") else "footnote"
            texts = value if isinstance(value, list) and value and isinstance(value[0], list) else [value]
            out.extend(Item(t, part) for t in map(_spans, texts) if t)
    return out


def _spans(v: Any) -> str:
    """The text of a list of spans (or of one span, or a plain string): `content` strings, a
    link's `children` when it has no content of its own; an equation span's LaTeX as it is."""
    if isinstance(v, str):
        return fold(v)
    if isinstance(v, dict):
        c = v.get("content")
        return fold(c) if isinstance(c, str) else _spans(v.get("children"))
    if isinstance(v, list):
        return fold("".join(_spans(x) for x in v))
    return ""


# ---- middle.json -------------------------------------------------------------------------------

def read_middle(obj: dict) -> list[RawPage]:
    pages = []
    for p in obj.get("pdf_info") or []:
        if not isinstance(p, dict):
            continue
        size = p.get("page_size")
        w, h = (float(size[0]), float(size[1])) if isinstance(size, list) and len(size) == 2 else (None, None)
        items: list[Item] = []
        for b in p.get("para_blocks") or []:
            items.extend(_block(b))
        for b in p.get("discarded_blocks") or []:
            for it in _block(b):
                if it.category not in ("header", "footer", "page_number", "aside", "footnote"):
                    it.category = furniture_side(it.box, h)
                items.append(it)
        pages.append(RawPage(items, w, h))
    return pages


def _block(b: Any, outer: str = "") -> list[Item]:
    if not isinstance(b, dict):
        return []
    typ = str(b.get("type") or "text")
    box = as_box(b.get("bbox"))
    if isinstance(b.get("blocks"), list):      # image, table, chart, code, list (3.x): their parts
        out: list[Item] = []
        subs = b["blocks"]
        if TYPES.get(typ) == "image":   # the picture first, then its caption, wherever it is printed
            subs = sorted(subs, key=lambda x: not (isinstance(x, dict) and str(x.get("type")).endswith("_body")))
        for sub in subs:
            out.extend(_block(sub, typ))
        return out
    text, heights = _lines_text(b.get("lines") or [])
    if outer:
        part = typ.rsplit("_", 1)[-1]          # image_body, table_caption, …
        cat = PARTS.get(part, "text")
        if cat is None:
            cat = TYPES.get(outer, "text")
            if cat == "image":
                return [Item("", "image", box=box)] + ([Item(text, "caption", box=box)] if text else [])
        return [Item(text, cat, box=box, line_heights=heights)]
    cat = TYPES.get(typ, "text")
    level = int(b["level"]) if cat == "title" and isinstance(b.get("level"), (int, float)) else 0
    if cat == "title" and level >= 2:
        cat = "heading"
    if cat == "image":
        return [Item("", "image", box=box)] + ([Item(text, "caption", box=box)] if text else [])
    return [Item(text, cat, level, box, heights)]


def _lines_text(lines: list) -> tuple[str, list[float]]:
    """A block's text from its lines' spans (tables: the cells of their HTML), and its line heights."""
    parts, heights = [], []
    for ln in lines:
        if not isinstance(ln, dict):
            continue
        spans = [s for s in ln.get("spans") or [] if isinstance(s, dict)]
        words = []
        for s in spans:
            if s.get("html"):
                words.append(html_text(s["html"]))
            elif isinstance(s.get("content"), str):
                words.append(s["content"])
        line = join_lines(words) if len(words) > 1 else (words[0] if words else "")
        if line.strip():
            parts.append(line)
            box = as_box(ln.get("bbox"))
            if box and box[3] > box[1] and not any(s.get("html") or s.get("type") in ("image", "table") for s in spans):
                heights.append(box[3] - box[1])
    return join_lines(parts), heights
