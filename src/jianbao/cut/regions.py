"""Where each article is printed: rectangles on the page's picture, from its lines' boxes.

A PDF or scan page's blocks carry the boxes of the printed lines they were made of (read/layout.py);
an article's spans say which blocks are its own. Its region is the union of those lines, column by
column, so that an article set in an L (a headline over three columns, the third ending higher) is
several rectangles rather than one that covers its neighbour:

1. lines stack into strips: a line joins the strip above it when it is set in the same type (a
   headline over a column is a strip of its own), overlaps it across and starts close under it (a
   gap of at most STACK_GAP line heights: paragraph spacing; wider is a photo or another article);
2. strips merge into rectangles: two side by side with the same top and bottom (columns of equal
   depth), or one over the other, the upper no wider than the lower (a headline over its columns),
   as long as the gap between them is no wider than a gutter (MERGE_GAP, HEAD_GAP line heights).

The rectangles are in the frame of the page's picture (PageImage: points or pixels, y down).
"""
from __future__ import annotations

from bisect import bisect_right
from statistics import median

from ..model import Box, Page, PageDoc

STACK_GAP = 2.5     # line heights between a line and the strip above it that it still continues
MERGE_GAP = 2.0     # line heights between two strips side by side merged into one rectangle
HEAD_GAP = 3.0      # ... and between two one over the other (a headline and the body under it)
SAME_EDGE = 1.5     # line heights within which two edges count as level
SAME_TYPE = 0.2     # lines whose heights differ by at most this share are set in the same type


def add_regions(page: Page, doc: PageDoc) -> None:
    """Fill each article's `regions` (a page without line boxes: nothing to do)."""
    if page.image is None or not any(b.boxes for b in page.blocks):
        return
    starts = [b.start for b in page.blocks]
    for a in doc.articles:
        seen: set[int] = set()
        boxes: list[Box] = []
        for spans in a.spans.values():
            for s, e in spans:
                k = max(0, bisect_right(starts, s) - 1)
                while k < len(page.blocks) and page.blocks[k].start < max(e, s + 1):
                    b = page.blocks[k]
                    if k not in seen and b.end > s:
                        seen.add(k)
                        boxes.extend(b.boxes)
                    k += 1
        a.regions = regions(boxes)


def regions(boxes: list[Box]) -> list[Box]:
    """The rectangles covering these line boxes, column by column (see the module's docstring)."""
    boxes = [b for b in boxes if b[2] > b[0] and b[3] > b[1]]
    if not boxes:
        return []
    lh = median(b[3] - b[1] for b in boxes)
    strips: list[list[float]] = []      # x0, y0, x1, y1, the height of its first line
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        for s in reversed(strips):
            if _stacks(s, b, lh):
                s[0], s[1], s[2], s[3] = min(s[0], b[0]), min(s[1], b[1]), max(s[2], b[2]), max(s[3], b[3])
                break
        else:
            strips.append([*b, b[3] - b[1]])
    rects = [tuple(s[:4]) for s in strips]
    merged = True
    while merged and len(rects) > 1:
        merged = False
        for i in range(len(rects)):
            for j in range(i + 1, len(rects)):
                if _mergeable(rects[i], rects[j], lh):
                    a, b = rects[i], rects[j]
                    rects[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del rects[j]
                    merged = True
                    break
            if merged:
                break
    return [tuple(round(v, 1) for v in r) for r in sorted(rects, key=lambda r: (r[1], r[0]))]


def _stacks(s: list[float], b: Box, lh: float) -> bool:
    """Does line `b` continue strip `s` downwards: in type of the same height (within SAME_TYPE),
    overlapping most of the narrower across, close under it?"""
    overlap = min(s[2], b[2]) - max(s[0], b[0])
    return (overlap >= 0.5 * min(s[2] - s[0], b[2] - b[0]) and abs((b[3] - b[1]) - s[4]) <= SAME_TYPE * s[4]
            and b[1] - s[3] <= STACK_GAP * lh)


def _mergeable(a: Box, b: Box, lh: float) -> bool:
    """Side by side with level tops and bottoms, or one over the other, the upper no wider than the
    lower (a headline over its columns; not a headline over three columns of which one ends higher:
    their union would cover what is printed under the short one)."""
    tol = SAME_EDGE * lh
    side = abs(a[1] - b[1]) <= tol and abs(a[3] - b[3]) <= tol and \
        max(a[0], b[0]) - min(a[2], b[2]) <= MERGE_GAP * lh
    up, low = (a, b) if a[1] <= b[1] else (b, a)
    stacked = up[0] >= low[0] - tol and up[2] <= low[2] + tol and low[1] - up[3] <= HEAD_GAP * lh
    return side or stacked
