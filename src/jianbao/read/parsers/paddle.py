"""PP-StructureV3 / PaddleX layout parsing (`parsing_res_list`), one result or a list of per-page results.

Each block has `block_label`, `block_bbox` (pixels of the input image), `block_content` (text; tables
as HTML, formulas as LaTeX; '' for images) and `block_order` (None for blocks outside the text flow:
images, figure titles). The list order is the parser's reading order and is kept. The JSON holds no
page size: the blocks' extent stands for it.
"""
from __future__ import annotations

from typing import Any

from .base import Item, RawPage, as_box, fold, html_text, pages_extent

LABELS = {
    "doc_title": "title", "paragraph_title": "heading", "text": "text", "abstract": "text",
    "content": "text", "reference": "text", "reference_content": "text", "algorithm": "text",
    "vertical_text": "text", "ocr": "text", "seal": "text", "list": "list",
    "figure_title": "caption", "table_title": "caption", "chart_title": "caption", "figure_caption": "caption",
    "table_caption": "caption", "image": "image", "chart": "image", "figure": "image",
    "table": "table", "formula": "formula", "formula_number": "formula", "display_formula": "formula",
    "inline_formula": "formula", "footnote": "footnote", "vision_footnote": "footnote",
    "aside_text": "aside", "header": "header", "header_image": "header", "footer": "footer",
    "footer_image": "footer", "number": "page_number",
}


def read_structure(obj: Any) -> list[RawPage]:
    results = obj if isinstance(obj, list) else [obj]
    pages = []
    for r in results:
        if not isinstance(r, dict):
            continue
        r = r["res"] if isinstance(r.get("res"), dict) else r
        pages.append(_page(r.get("parsing_res_list") or []))
    return pages


def _page(blocks: list) -> RawPage:
    items: list[Item] = []
    for b in blocks:
        if not isinstance(b, dict):
            continue
        label = str(b.get("block_label") or "text")
        cat = LABELS.get(label, "text")
        content = b.get("block_content")
        text = html_text(content) if cat == "table" or "<table" in str(content or "")[:200] else fold(content)
        box = as_box(b.get("block_bbox"))
        level = b.get("title_level")
        level = (int(level) + 1 if isinstance(level, (int, float)) else 0) if cat in ("title", "heading") else 0
        if cat == "image":
            items.append(Item("", "image", box=box))
            if text:    # text the OCR found inside the picture
                items.append(Item(text, "caption", box=box))
            continue
        items.append(Item(text, cat, level, box))
    w, h = pages_extent(items)
    return RawPage(items, w, h)
