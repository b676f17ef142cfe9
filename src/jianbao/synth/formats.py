"""Synthetic pages as document parsers' JSON: the laid-out sheet of `pdfpage.sheet(seed)` written out as
PP-StructureV3, MinerU content_list and middle.json, dots.ocr, Docling, and OCR line lists.

    data, gold = format_page(seed, "mineru_middle")     # JSON bytes, the exact gold page document

The sheet's text lines are grouped into blocks as a layout model would: the lines of one paragraph
(or one title) that follow each other down a column in one size; a paragraph that runs on into the
next column is two blocks there, as the tools give it. Each block is labelled from what the generator
printed it as: headline, kicker and subheadline are titles, subheadings and column logos section
headers, the header and footer bands page furniture, the lines under a photo its caption, the rest
text. Boxes come from the printed lines (the generator knows each), in the tool's units: image pixels
at 200 dpi (PaddleOCR, dots.ocr), PDF points (MinerU middle.json; Docling, from the bottom left),
0–1000 of the page (MinerU content_list). Reading order: the header band, the modules as they were
laid out, the footer band. Text is NFC, as a recogniser reads it (the sheet may print compatibility
ideographs).
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field

from .paper import Op, Sheet
from .pdfpage import _metrics, sheet

PX = 200 / 72                  # pixels per point of a 200-dpi render
ASCENT, DESCENT = 0.9, 0.15    # a line's box around its baseline, in type sizes

FORMATS = ("ppstructure", "mineru_content_list", "mineru_middle", "dots", "docling", "paddleocr", "rapidocr",
           "paddleocr3")


@dataclass
class Block:
    role: str                  # title | heading | text | caption | header | footer | image
    lines: list[tuple[Op, tuple[float, float, float, float]]] = field(default_factory=list)

    @property
    def box(self) -> tuple[float, float, float, float]:
        bs = [b for _, b in self.lines]
        return min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs)

    @property
    def text(self) -> str:
        return "".join(_nfc(op.text) for op, _ in self.lines)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _squash(s: str) -> str:
    return "".join(_nfc(s).split())


def line_box(op: Op, measure) -> tuple[float, float, float, float]:
    width = op.w or measure(op.text, op.size)
    return op.x, op.y - ASCENT * op.size, op.x + width, op.y + DESCENT * op.size


def blocks(sh: Sheet) -> list[Block]:
    """The sheet's blocks in reading order: header band, body, footer band."""
    measure = _metrics()[0]
    f = sh.options.get("body_size") or 10.0
    furn = sh.gold.get("furniture") or []
    heads = {_squash(x["text"]) for x in furn if x["kind"] == "page_header"}
    foots = {_squash(x["text"]) for x in furn if x["kind"] in ("page_footer", "other")}
    head, body, foot = [], [], []
    prev: Op | None = None
    for op in sh.ops:
        if op.kind == "photo":
            body.append(Block("image", [(op, (op.x, op.y, op.x + op.w, op.y + op.h))]))
            prev = None
            continue
        if op.kind != "text":
            continue
        box = line_box(op, measure)
        key = _squash(op.text)
        if key in heads or key in foots:
            (head if key in heads else foot).append(Block("header" if key in heads else "footer", [(op, box)]))
            prev = None
            continue
        r = op.size / f
        role = ("title" if r >= 1.25 else "heading" if r > 1.05 else
                "caption" if abs(r - 0.95) < 0.02 else "text")
        cur = body[-1] if body and prev is not None else None
        if cur is not None and cur.role == role and _continues(prev, op, role):
            cur.lines.append((op, box))
        else:
            body.append(Block(role, [(op, box)]))
        prev = op
    return head + body + foot


def _continues(prev: Op, op: Op, role: str) -> bool:
    """Is `op` the next line of the block that `prev` ends?"""
    if abs(prev.size - op.size) > 0.01 or not 0 < op.y - prev.y <= 2 * op.size:
        return False
    if role in ("title", "heading"):
        return True                              # a title printed on two lines, centred
    # a justified line runs on (the last line of a paragraph is set to its natural width);
    # an indented line starts a paragraph; a line in another column is another block
    return bool(prev.w) and prev.x - 2.5 * op.size <= op.x <= prev.x + 0.5 * op.size


# ---- writers -----------------------------------------------------------------------------------

def _px(box) -> list[int]:
    return [round(v * PX) for v in box]


def ppstructure(sh: Sheet) -> dict:
    labels = {"title": "doc_title", "heading": "paragraph_title", "text": "text", "caption": "figure_title",
              "header": "header", "footer": "footer", "image": "image"}
    out, order = [], 0
    for k, b in enumerate(blocks(sh)):
        in_flow = b.role in ("title", "heading", "text")
        order += in_flow
        out.append({"block_label": labels[b.role], "block_content": "" if b.role == "image" else b.text,
                    "block_bbox": _px(b.box), "block_id": k, "block_order": order if in_flow else None})
    return {"res": {"input_path": "page.png", "page_index": None, "model_settings": {}, "parsing_res_list": out}}


def mineru_content_list(sh: Sheet) -> list:
    def norm(box) -> list[int]:
        return [round(box[0] / sh.width * 1000), round(box[1] / sh.height * 1000),
                round(box[2] / sh.width * 1000), round(box[3] / sh.height * 1000)]
    body, discarded = [], []
    for b in blocks(sh):
        if b.role == "image":
            body.append({"type": "image", "img_path": f"images/{len(body):04d}.jpg", "image_caption": [],
                         "image_footnote": [], "bbox": norm(b.box), "page_idx": 0})
        elif b.role == "caption" and body and body[-1]["type"] == "image":
            body[-1]["image_caption"].append(b.text)
        elif b.role in ("header", "footer"):
            discarded.append({"type": "discarded", "text": b.text, "bbox": norm(b.box), "page_idx": 0})
        else:
            item = {"type": "text", "text": b.text, "bbox": norm(b.box), "page_idx": 0}
            if b.role in ("title", "heading"):
                item["text_level"] = 1 if b.role == "title" else 2
            body.append(item)
    return body + discarded


def mineru_middle(sh: Sheet) -> dict:
    def lines(b: Block) -> list[dict]:
        return [{"bbox": list(box), "spans": [{"bbox": list(box), "score": 1.0, "content": _nfc(op.text),
                                               "type": "text"}]} for op, box in b.lines]
    para, discarded = [], []
    for b in blocks(sh):
        if b.role == "image":
            para.append({"type": "image", "bbox": list(b.box), "index": len(para), "blocks": [
                {"type": "image_body", "bbox": list(b.box), "lines": [{"bbox": list(b.box), "spans": [
                    {"bbox": list(b.box), "score": 1.0, "type": "image", "image_path": f"{len(para):04d}.jpg"}]}]}]})
        elif b.role == "caption" and para and para[-1]["type"] == "image":
            para[-1]["blocks"].append({"type": "image_caption", "bbox": list(b.box), "lines": lines(b)})
        elif b.role in ("header", "footer"):
            discarded.append({"type": "discarded", "bbox": list(b.box), "lines": lines(b)})
        else:
            block = {"type": "title" if b.role in ("title", "heading") else "text", "bbox": list(b.box),
                     "lines": lines(b), "index": len(para)}
            if b.role in ("title", "heading"):
                block["level"] = 1 if b.role == "title" else 2
            para.append(block)
    page = {"page_idx": 0, "page_size": [sh.width, sh.height], "para_blocks": para, "discarded_blocks": discarded}
    return {"pdf_info": [page], "_backend": "pipeline", "_version_name": "synthetic"}


def dots(sh: Sheet) -> list:
    cats = {"title": "Title", "heading": "Section-header", "text": "Text", "caption": "Caption",
            "header": "Page-header", "footer": "Page-footer", "image": "Picture"}
    out = []
    for b in blocks(sh):
        cell = {"bbox": _px(b.box), "category": cats[b.role]}
        if b.role != "image":
            cell["text"] = b.text
        out.append(cell)
    return out


def docling(sh: Sheet) -> dict:
    labels = {"title": "title", "heading": "section_header", "text": "text", "caption": "caption",
              "header": "page_header", "footer": "page_footer"}
    texts, pictures, body = [], [], []

    def prov(box, n: int) -> list[dict]:
        return [{"page_no": 1, "bbox": {"l": box[0], "t": sh.height - box[1], "r": box[2], "b": sh.height - box[3],
                                        "coord_origin": "BOTTOMLEFT"}, "charspan": [0, n]}]
    for b in blocks(sh):
        if b.role == "image":
            ref = f"#/pictures/{len(pictures)}"
            pictures.append({"self_ref": ref, "parent": {"$ref": "#/body"}, "children": [], "captions": [],
                             "content_layer": "body", "label": "picture", "prov": prov(b.box, 0)})
            body.append({"$ref": ref})
            continue
        ref = f"#/texts/{len(texts)}"
        owner = pictures[-1] if b.role == "caption" and pictures and body[-1]["$ref"] == pictures[-1]["self_ref"] else None
        item = {"self_ref": ref, "parent": {"$ref": owner["self_ref"] if owner else "#/body"}, "children": [],
                "content_layer": "furniture" if b.role in ("header", "footer") else "body",
                "label": labels[b.role], "prov": prov(b.box, len(b.text)), "orig": b.text, "text": b.text}
        if b.role == "heading":
            item["level"] = 1
        texts.append(item)
        if owner:
            owner["children"].append({"$ref": ref})
            owner["captions"].append({"$ref": ref})
        else:
            body.append({"$ref": ref})
    return {"schema_name": "DoclingDocument", "version": "1.10.0", "name": "page",
            "furniture": {"self_ref": "#/furniture", "children": [], "content_layer": "furniture",
                          "name": "_root_", "label": "unspecified"},
            "body": {"self_ref": "#/body", "children": body, "content_layer": "body", "name": "_root_",
                     "label": "unspecified"},
            "groups": [], "texts": texts, "pictures": pictures, "tables": [],
            "pages": {"1": {"size": {"width": sh.width, "height": sh.height}, "page_no": 1}}}


def _ocr_lines(sh: Sheet) -> list[tuple[list[list[int]], str]]:
    """Every printed line with its quad in pixels, in detection order: down the page, across columns."""
    out = []
    for b in blocks(sh):
        for op, box in b.lines:
            if op.kind == "text":
                x0, y0, x1, y1 = _px(box)
                out.append(([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], _nfc(op.text)))
    return sorted(out, key=lambda q: (q[0][0][1] // 8, q[0][0][0]))


def paddleocr(sh: Sheet) -> list:
    return [[[quad, [text, 0.98]] for quad, text in _ocr_lines(sh)]]


def paddleocr3(sh: Sheet) -> dict:
    lines = _ocr_lines(sh)
    return {"res": {"input_path": "page.png", "page_index": None, "rec_texts": [t for _, t in lines],
                    "rec_scores": [0.98] * len(lines), "rec_polys": [q for q, _ in lines],
                    "rec_boxes": [q[0] + q[2] for q, _ in lines]}}


def rapidocr(sh: Sheet) -> list:
    return [{"box": quad, "txt": text, "score": 0.97} for quad, text in _ocr_lines(sh)]


WRITERS = {"ppstructure": ppstructure, "mineru_content_list": mineru_content_list, "mineru_middle": mineru_middle,
           "dots": dots, "docling": docling, "paddleocr": paddleocr, "paddleocr3": paddleocr3, "rapidocr": rapidocr}


def format_page(seed: int, fmt: str, sh: Sheet | None = None) -> tuple[bytes, dict]:
    """JSON bytes of page `seed` as tool `fmt` writes it, and the gold page document."""
    sh = sh or sheet(seed)
    gold = dict(sh.gold)
    gold["page"] = dict(gold["page"], source=f"synth-{seed:06d}.json")
    return json.dumps(WRITERS[fmt](sh), ensure_ascii=False).encode("utf-8"), gold
