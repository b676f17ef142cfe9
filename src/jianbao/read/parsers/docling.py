"""Docling's DoclingDocument JSON: items in `texts`, `tables`, `pictures`, `groups`, ordered by the tree.

Reading order is the `body` tree (children are `{"$ref": "#/texts/12"}` pointers), then `furniture`;
items the tree does not reach come last, so that nothing is lost. `prov[]` gives each item's page
(`page_no`) and box (`l, t, r, b` in PDF points, `coord_origin` BOTTOMLEFT or TOPLEFT); an item with
several boxes (a paragraph assembled from pieces) goes to its first box's page, with the union of its
boxes there. `pages` gives the sizes. Tables are their cells' text, pictures an image block followed by
their children (captions, text found in the picture).
"""
from __future__ import annotations

from typing import Any

from .base import Box, Item, RawPage, fold, furniture_side

LABELS = {
    "title": "title", "section_header": "heading", "text": "text", "paragraph": "text",
    "reference": "text", "code": "text", "checkbox_selected": "text", "checkbox_unselected": "text",
    "list_item": "list", "caption": "caption", "footnote": "footnote", "formula": "formula",
    "page_header": "header", "page_footer": "footer", "picture": "image", "chart": "image",
    "table": "table", "document_index": "table", "key_value_region": "text", "form": "text",
}
KINDS = ("texts", "tables", "pictures", "groups", "key_value_items", "form_items")


def read_document(doc: dict) -> list[RawPage]:
    sizes: dict[int, tuple[float, float]] = {}
    for key, p in (doc.get("pages") or {}).items():
        size = p.get("size") if isinstance(p, dict) else None
        if isinstance(size, dict):
            no = p.get("page_no", key)
            sizes[int(no)] = (float(size.get("width") or 0), float(size.get("height") or 0))
    order: list[dict] = []
    seen: set[int] = set()

    def visit(node: Any) -> None:
        stack = [node]
        while stack:               # depth first, children in order, without recursion
            n = stack.pop()
            if not isinstance(n, dict) or id(n) in seen:
                continue
            seen.add(id(n))
            if n.get("self_ref") not in ("#/body", "#/furniture"):
                order.append(n)
            kids = [_resolve(doc, c) for c in n.get("children") or []]
            stack.extend(reversed([k for k in kids if k is not None]))

    visit(doc.get("body"))
    visit(doc.get("furniture"))
    for kind in KINDS:
        for n in doc.get(kind) or []:
            if isinstance(n, dict) and id(n) not in seen:
                visit(n)
    pages: dict[int, list[Item]] = {}
    last = min(sizes) if sizes else 1
    for n in order:
        page, box = _where(n, sizes)
        page = last if page is None else page
        last = page
        pages.setdefault(page, []).extend(_items(n, box, sizes.get(page, (0.0, 0.0))[1]))
    return [RawPage(pages[k], *(sizes.get(k) or (None, None))) for k in sorted(pages)]


def _resolve(doc: dict, ref: Any) -> dict | None:
    try:
        _, kind, idx = ref["$ref"].split("/")
        return doc[kind][int(idx)]
    except (KeyError, ValueError, IndexError, TypeError, AttributeError):
        return None


def _where(n: dict, sizes: dict[int, tuple[float, float]]) -> tuple[int | None, Box | None]:
    """The item's page and its box there, top-left origin."""
    provs = [p for p in n.get("prov") or [] if isinstance(p, dict)]
    if not provs:
        return None, None
    page = provs[0].get("page_no")
    page = int(page) if isinstance(page, (int, float)) else None
    h = sizes.get(page or 0, (0.0, 0.0))[1]
    boxes = []
    for p in provs:
        b = p.get("bbox")
        if p.get("page_no") != provs[0].get("page_no") or not isinstance(b, dict):
            continue
        try:
            l, t, r, bt = float(b["l"]), float(b["t"]), float(b["r"]), float(b["b"])
        except (KeyError, TypeError, ValueError):
            continue
        if str(b.get("coord_origin", "")).upper() == "BOTTOMLEFT" and h:
            t, bt = h - t, h - bt
        boxes.append((min(l, r), min(t, bt), max(l, r), max(t, bt)))
    if not boxes:
        return page, None
    return page, (min(b[0] for b in boxes), min(b[1] for b in boxes),
                  max(b[2] for b in boxes), max(b[3] for b in boxes))


def _items(n: dict, box: Box | None, height: float) -> list[Item]:
    label = str(n.get("label") or "text")
    cat = LABELS.get(label, "text")
    ref = str(n.get("self_ref") or "")
    if ref.startswith("#/groups"):
        return []                      # a group is its children
    if ref.startswith("#/pictures"):
        return [Item("", "image", box=box)]
    if ref.startswith("#/tables"):
        return [Item(_cells(n), "table", box=box)]
    if n.get("content_layer") == "furniture" and cat not in ("header", "footer"):
        cat = furniture_side(box, height)
    level = n.get("level")
    level = int(level) + 1 if cat == "heading" and isinstance(level, (int, float)) else (1 if cat == "title" else 0)
    return [Item(fold(n.get("text") or n.get("orig")), cat, level, box)]


def _cells(table: dict) -> str:
    data = table.get("data") or {}
    cells = [c for c in data.get("table_cells") or [] if isinstance(c, dict)]
    cells.sort(key=lambda c: (c.get("start_row_offset_idx") or 0, c.get("start_col_offset_idx") or 0))
    return " ".join(fold(c.get("text")) for c in cells if c.get("text"))
