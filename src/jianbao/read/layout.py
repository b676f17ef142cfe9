"""Layout analysis: text lines with boxes and sizes (from a PDF's text layer or from OCR) → a Page.

1. The body size is the size most characters are printed in; a line much larger is a title.
2. Page header and footer bands: a few small lines at the top (foot) of the page, set apart from
   the rest by a wide empty strip, get zone "header" ("footer"); not running text (an article's
   first or last rows), not the body under a title.
3. Reading order from geometry alone (never from the order lines came in): a recursive XY cut that
   splits a region at a column gutter when one runs through it from top to bottom (or under a
   column logo a little wider than its column), else at a wide empty strip across it; a gutter is
   not used where it would part a title from the body under it (order.py says which head a column
   beside a gutter goes with), nor a strip that parts a head from its body.
4. Paragraphs from line geometry: an indented line starts one; a line that fills its column runs on
   into the next line, also across a column (or a region) break; a short line ends its paragraph.
5. The page text is rendered as a parser would: one line per title line or paragraph, blank lines
   between, `#` on the largest title of a head and `##` on the rest of it, `###` on small titles.
   What the geometry knew goes with each block: its band (`zone`) and its type size over the body
   size (`size`), which the cutter weighs (a headline's type is a new article, a subheading's not),
   and the boxes of the printed lines it was made of (`boxes`, `box` their union), which outline
   the articles on the page's picture (cut/regions.py). A column logo told by its look (a scan's
   line set on a ground, `Line.kind`) is a block of its own with category "logo", and a logo level
   with a headline beside it comes first with that headline, before the column under the logo.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ..model import Box, Page
from ..textutil import is_jump_line
from .lines import Line, Params
from .order import bands, line_spacing, rows, xy_cut
from .text import page_from_text

CLOSE_BRACKETS = "）)】]」』"
MAX_RULED_ROWS = 4        # a page header above a rule has at most this many rows


def body_size(lines: list[Line]) -> float:
    """The size of the median character: body text is most of a page."""
    if not lines:
        return 10.0
    ranked = sorted(lines, key=lambda l: l.size)
    half, seen = sum(len(l.text) for l in ranked) / 2, 0
    for ln in ranked:
        seen += len(ln.text)
        if seen >= half:
            return ln.size
    return ranked[-1].size


def page_from_lines(lines: list[Line], width: float, height: float, source: str,
                    params: Params | None = None, ruled: float = 0.0) -> Page:
    """`ruled`: the y of a rule across the top of the page (a scan's rule under its header band):
    the few rows of lines above it are the page header, however large their type."""
    pr = params or Params()
    lines = [replace(ln, text=_clean(ln.text)) for ln in lines]
    lines = [ln for ln in lines if ln.text and ln.x1 > ln.x0 and ln.y1 > ln.y0]
    if not lines:
        return page_from_text("", source)
    body = body_size(lines)
    above = [ln for ln in lines if ln.y0 + ln.y1 < 2 * ruled]
    if len(rows(above)) > MAX_RULED_ROWS:
        above = []
    header, rest, footer = bands([ln for ln in lines if ln.y0 + ln.y1 >= 2 * ruled] if above else lines,
                                 height, body, pr.title_ratio)
    header = above + header
    spacing = line_spacing(rest, body)
    leaves = xy_cut(rest, body, spacing, pr)
    out: list[tuple[str, float, tuple[Box, ...]]] = []   # (line, its size over the body size, its lines' boxes)
    zones: dict[int, str] = {}
    for row in rows(header):
        for ln in row:
            zones[len(out)] = "header"
            out.append((ln.text, ln.size / body, (ln.box,)))
    kinds: dict[int, str] = {}
    for k, (s, size, boxes, kind) in enumerate(render_kinds(leaves, body, pr)):
        if kind:
            kinds[len(out)] = kind
        out.append((s, size, boxes))
    for row in rows(footer):
        for ln in row:
            zones[len(out)] = "footer"
            out.append((ln.text, ln.size / body, (ln.box,)))
    page = page_from_text("\n\n".join(s for s, _, _ in out) + "\n", source)
    starts = {}
    pos = 0
    for k, (s, _, _) in enumerate(out):
        starts[pos] = k
        pos += len(s) + 2
    # what the geometry knew goes with each block: its band, its type size, where its lines are
    blocks = []
    for b in page.blocks:
        k = starts.get(b.start, -1)
        if k < 0:
            blocks.append(replace(b, zone=zones.get(k), size=0.0))
            continue
        boxes = out[k][2]
        box = (min(x[0] for x in boxes), min(x[1] for x in boxes), max(x[2] for x in boxes), max(x[3] for x in boxes))
        blocks.append(replace(b, zone=zones.get(k), size=round(out[k][1], 3), box=box, boxes=boxes,
                              category=kinds.get(k, b.category)))
    page.blocks = blocks
    return page


_BLANK = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202f\u2060\ufeff]+")


def _clean(s: str) -> str:
    """NFC (compatibility ideographs such as U+F98A → 力), white space and controls folded."""
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return _BLANK.sub(" ", s).strip()


# ---- paragraphs and titles --------------------------------------------------------------------

@dataclass
class _Block:
    title: bool
    size: float
    parts: list[str]
    open: bool = False       # the last line filled its column: the paragraph may run on
    last: Line | None = None
    boxes: list[Box] | None = None   # the printed lines' boxes
    kind: str = ""           # "logo": a column logo by its look (Line.kind), a block of its own

    def add(self, text: str, ln: Line) -> None:
        self.parts.append(text)
        self.last = ln
        self.boxes.append(ln.box)


def _runs_on(s: str) -> bool:
    """May this short line end the paragraph above it? Not when it reads as a line of its own: a
    jump line, a byline in brackets."""
    return not (s[-1] in CLOSE_BRACKETS or is_jump_line(s))


def _starts_own(s: str) -> bool:
    """Does this line open a paragraph of its own whatever the line above did? A caption (▲ …), a
    jump line."""
    return s[0] in "▲△▼▽" or is_jump_line(s)


def _column_width(leaves: list[list[Line]], body: float, pr: Params) -> float:
    """The usual width of a full line of body text on the page."""
    ws = sorted(l.x1 - l.x0 for leaf in leaves for l in leaf if abs(l.size - body) <= pr.size_tol * body)
    return ws[len(ws) * 3 // 4] if ws else 20 * body


def _common_ends(leaves: list[list[Line]], body: float, pr: Params) -> list[float]:
    """The x where at least three body lines of the page end together: the right edges of its
    justified columns."""
    ends = sorted(l.x1 for leaf in leaves for l in leaf if abs(l.size - body) <= pr.size_tol * body)
    out: list[float] = []
    k = 0
    while k < len(ends):
        j = k
        while j + 1 < len(ends) and ends[j + 1] - ends[k] <= 0.5 * body:
            j += 1
        if j - k >= 2:
            out.append(ends[j])
        k = j + 1
    return out


def _right_edge(bl: list[Line], colw: float, edges: list[float]) -> float:
    """Where the leaf's justified lines end: the line end most lines share (the furthest right of
    equals). A leaf of one or two lines, or whose lines share no end, has none (inf) unless its
    lines are as wide as a column or end where a column of the page ends (`edges`: an indented
    first line over a column break)."""
    if len(bl) >= 3:
        # on a tie the end further right: two short lines may end together by chance
        best = max(bl, key=lambda l: (sum(abs(m.x1 - l.x1) <= 0.5 * l.size for m in bl), l.x1))
        if sum(abs(m.x1 - best.x1) <= 0.5 * best.size for m in bl) >= 2:
            return best.x1
    wide = [l.x1 for l in bl if l.x1 - l.x0 >= 0.85 * colw or any(abs(l.x1 - e) <= 0.5 * l.size for e in edges)]
    return max(wide) if wide else float("inf")


def render_boxed(leaves: list[list[Line]], body: float, pr: Params) -> list[tuple[str, float, tuple[Box, ...]]]:
    """`render`, each line with the boxes of the printed lines it was made of."""
    return [(s, size, boxes) for s, size, boxes, _ in render_kinds(leaves, body, pr)]


def render_kinds(leaves: list[list[Line]], body: float, pr: Params) -> list[tuple[str, float, tuple[Box, ...], str]]:
    """`render_boxed`, each line with the kind of its block too: "logo" for a column logo told by
    its look (Line.kind), a title block of its own that no title line joins."""
    blocks: list[_Block] = []
    held: list[_Block] = []      # photos met inside an open paragraph, set after it
    colw = _column_width(leaves, body, pr)
    edges = _common_ends(leaves, body, pr)
    for leaf in leaves:
        leaf = _merge_rows(leaf, body)
        bl = [l for l in leaf if 0 < l.size < pr.title_ratio * body] or leaf
        left = min(l.x0 for l in bl)
        right = _right_edge(bl, colw, edges)
        for k, ln in enumerate(leaf):
            cur = blocks[-1] if blocks else None
            if ln.kind == "logo":
                blocks.extend(held)
                held = []
                blocks.append(_Block(True, ln.size, [ln.text], last=ln, boxes=[ln.box], kind="logo"))
                continue
            if ln.size <= 0 and cur is not None and cur.open and not cur.title:
                # a photo between a column's foot and the rest of a paragraph (the text runs on
                # under it in the next column): the paragraph stays whole, the photo follows it
                held.append(_Block(False, 0.0, [ln.text], last=ln, boxes=[ln.box]))
                continue
            if ln.size >= pr.title_ratio * body:
                if (cur and cur.title and not cur.kind and cur.last and abs(cur.size - ln.size) <= 0.06 * ln.size
                        and k > 0 and 0 <= ln.y0 - cur.last.y1 <= 0.8 * ln.size
                        and ln.x0 < cur.last.x1 and cur.last.x0 < ln.x1):
                    cur.add(ln.text, ln)   # a title printed on two lines, one under the other
                else:
                    blocks.extend(held)   # photos held under a paragraph go in before what does not run it on
                    held = []
                    blocks.append(_Block(True, ln.size, [ln.text], last=ln, boxes=[ln.box]))
                continue
            indented = ln.x0 - _left(left, ln, cur) >= 1.2 * ln.size
            full = ln.x1 >= right - 0.8 * ln.size
            joins = (cur is not None and not cur.title and cur.open and not indented
                     and abs(cur.size - ln.size) <= pr.size_tol * ln.size
                     and (full or _runs_on(ln.text)) and not _starts_own(ln.text))
            if joins:
                cur.add(ln.text, ln)
                cur.open = full
            else:
                # a short line set to the right (a jump line) ends what it is in
                alone = indented and ln.x1 - ln.x0 < 0.6 * colw
                blocks.extend(held)
                held = []
                blocks.append(_Block(False, ln.size, [ln.text], open=full and not alone, last=ln, boxes=[ln.box]))
            if held and not blocks[-1].open:
                blocks.extend(held)
                held = []
    return _marked(blocks + held, body, pr)


def _left(left: float, ln: Line, cur: _Block | None) -> float:
    """The left edge a line's indent is measured from: its leaf's, or the column's above it when
    the paragraph it might run on from ends right above it (a leaf of one line, a subheading set
    in the middle of its column under a strip, has no edge of its own)."""
    last = cur.last if cur else None
    if last and last.y1 <= ln.y0 + 0.2 * ln.h and last.x0 < ln.x1 and ln.x0 < last.x1:
        return min(left, last.x0)
    return left


def _merge_rows(leaf: list[Line], body: float) -> list[Line]:
    """Pieces of one printed line (a title with a wide space, a run the reader split) into one."""
    out: list[Line] = []
    for ln in leaf:
        p = out[-1] if out else None
        if (p and p.kind == ln.kind and abs(p.y0 - ln.y0) <= 0.35 * ln.h and abs(p.size - ln.size) <= 0.1 * ln.size
                and ln.x0 >= p.x1 - 1):
            sep = " " if ln.x0 - p.x1 >= 0.6 * ln.size else ""
            out[-1] = Line(p.x0, min(p.y0, ln.y0), ln.x1, max(p.y1, ln.y1), p.size, p.text + sep + ln.text, ln.kind)
        else:
            out.append(ln)
    return out


def _join(parts: list[str]) -> str:
    s = parts[0]
    for t in parts[1:]:
        s += (" " if s[-1].isascii() and s[-1].isalpha() and t[0].isascii() and t[0].isalpha() else "") + t
    return s


def _marked(blocks: list[_Block], body: float, pr: Params) -> list[tuple[str, float, tuple[Box, ...], str]]:
    """Markdown lines, each with its size over the body size, its lines' boxes and its block's kind:
    a run of title blocks is a head, its largest lines '#' and the rest '##'."""
    out: list[tuple[str, float, tuple[Box, ...], str]] = []
    i = 0
    while i < len(blocks):
        if not blocks[i].title:
            out.append((_join(blocks[i].parts), blocks[i].size / body, tuple(blocks[i].boxes), blocks[i].kind))
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].title:
            j += 1
        top = max(b.size for b in blocks[i:j])
        for b in blocks[i:j]:
            if top < pr.head_ratio * body:
                mark = "###"
            else:
                mark = "#" if b.size >= top * 0.94 else "##"
            text = " ".join(b.parts) if _parallel(b.parts) else "".join(b.parts)
            out.append((f"{mark} {text}", b.size / body, tuple(b.boxes), b.kind))
        i = j
    return out


def _parallel(parts: list[str]) -> bool:
    """Two halves of a couplet headline (以链式思维育集群 / 以开放姿态拓空间): a space between them."""
    return (len(parts) == 2 and abs(len(parts[0]) - len(parts[1])) <= 1 and 4 <= len(parts[0]) <= 10
            and all(c.isalnum() for c in parts[0] + parts[1]))
