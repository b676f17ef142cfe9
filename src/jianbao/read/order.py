"""Reading order of a page's lines from geometry alone: header and footer bands, then a recursive
XY cut into regions (see layout.py for the whole analysis)."""
from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .layout import Line, Params

BAND_SHARE = 0.1          # header / footer bands lie in the top / bottom tenth of the page


# ---- bands ------------------------------------------------------------------------------------

def rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into rows (overlapping vertically), top to bottom, each left to right."""
    out: list[list[Line]] = []
    for ln in sorted(lines, key=lambda l: (l.y0, l.x0)):
        if out and ln.y0 < max(l.y1 for l in out[-1]) - 0.3 * ln.h:
            out[-1].append(ln)
        else:
            out.append([ln])
    return [sorted(r, key=lambda l: l.x0) for r in out]


def bands(lines: list[Line], height: float, body: float) -> tuple[list[Line], list[Line], list[Line]]:
    rs = rows(lines)
    gap = 1.4 * body

    def band(seq: list[list[Line]], inside) -> int:
        """How many rows from the start of seq form a band: at most 3, set apart by a wide gap."""
        for n in range(1, min(3, len(seq) - 1) + 1):
            if not all(inside(l) and 0 < l.size <= 1.45 * body for l in seq[n - 1]):
                return 0
            a, b = seq[n - 1], seq[n]
            g = (min(l.y0 for l in b) - max(l.y1 for l in a)) if inside is top else \
                (min(l.y0 for l in a) - max(l.y1 for l in b))
            if g >= gap:
                return n
        return 0

    def top(l: Line) -> bool:
        return l.y1 <= height * BAND_SHARE

    def foot(l: Line) -> bool:
        return l.y0 >= height * (1 - BAND_SHARE)

    nh = band(rs, top)
    nf = band(rs[::-1][: max(0, len(rs) - nh)], foot)
    header = [l for r in rs[:nh] for l in r]
    footer = [l for r in rs[len(rs) - nf:] for l in r] if nf else []
    rest = [l for r in rs[nh:len(rs) - nf] for l in r]
    return header, rest, footer


# ---- reading order ----------------------------------------------------------------------------

def line_spacing(lines: list[Line], body: float) -> float:
    """The usual empty space between two lines of body text in one column."""
    gaps = []
    bodyl = sorted((l for l in lines if abs(l.size - body) <= 0.15 * body), key=lambda l: (l.x0 // body, l.y0))
    for a, b in zip(bodyl, bodyl[1:]):
        g = b.y0 - a.y1
        if abs(a.x0 - b.x0) < 3 * body and -0.2 * body < g < 1.5 * body:
            gaps.append(g)
    return median(gaps) if len(gaps) >= 5 else 0.5 * body


def _gaps(spans: list[tuple[float, float]], least: float) -> list[tuple[float, float]]:
    """Empty intervals at least `least` wide between the union of spans."""
    out = []
    spans = sorted(spans)
    end = spans[0][1]
    for a, b in spans[1:]:
        if a - end >= least:
            out.append((end, a))
        end = max(end, b)
    return out


def xy_cut(lines: list[Line], body: float, spacing: float, pr: Params) -> list[list[Line]]:
    """Leaves of the recursive XY cut, in reading order; each leaf's lines top to bottom."""
    out: list[list[Line]] = []
    stack = [lines]
    while stack:
        region = stack.pop()
        parts = _split(region, body, spacing, pr)
        if parts is None:
            out.append([l for r in rows(region) for l in r])
        else:
            stack.extend(reversed(parts))
    return out


def _split(region: list[Line], body: float, spacing: float, pr: Params) -> list[list[Line]] | None:
    """Where to cut a region, in this order of preference: an empty strip under body text (between
    tiers of articles); a column gutter that parts no title from its body; an empty strip under
    titles (between a head and its body); any gutter."""
    if len(region) < 2:
        return None
    vgaps = _gaps([(l.x0, l.x1) for l in region], pr.gutter * body)
    hgaps = _gaps([(l.y0, l.y1) for l in region], spacing + pr.strip * body)
    # between tiers of articles the strip is wide; a narrower one may be a subheading's space in
    # one column that happens to line up with the foot of the article beside it
    tiers = [g for g in hgaps if g[1] - g[0] >= spacing + pr.tier * body
             and not _under_titles(region, g[0], body, pr)]
    if tiers:
        return _cut_h(region, max(tiers, key=lambda g: g[1] - g[0]))
    for a, b in sorted(vgaps, key=lambda g: g[0] - g[1]):
        left, right = _cut_v(region, (a, b))
        if not (_heads_other(left, right, body, pr) or _heads_other(right, left, body, pr)):
            return [left, right]
    if hgaps:
        return _cut_h(region, max(hgaps, key=lambda g: g[1] - g[0]))
    if vgaps:
        return _cut_v(region, max(vgaps, key=lambda g: g[1] - g[0]))
    return None


def _cut_h(region: list[Line], g: tuple[float, float]) -> list[list[Line]]:
    mid = (g[0] + g[1]) / 2
    return [[l for l in region if l.y1 <= mid], [l for l in region if l.y1 > mid]]


def _cut_v(region: list[Line], g: tuple[float, float]) -> list[list[Line]]:
    mid = (g[0] + g[1]) / 2
    return [[l for l in region if l.x1 <= mid], [l for l in region if l.x1 > mid]]


def _under_titles(region: list[Line], top: float, body: float, pr: Params) -> bool:
    """Is every line right above the strip at `top` (the lowest in its place) a title?"""
    near = [l for l in region if top - 6 * body <= l.y1 <= top + 0.01]
    low = [l for l in near if not any(m is not l and m.y0 >= l.y1 - 0.2 * l.h and m.x0 < l.x1 and l.x0 < m.x1
                                      for m in near)]
    return bool(low) and all(l.size >= pr.title_ratio * body for l in low)


def _heads_other(a: list[Line], b: list[Line], body: float, pr: Params) -> bool:
    """Might a title on side `a` head the text on side `b`? So when b starts with text (not with a
    title of its own) and a title of a's ends above that text. A line or two of b above a's titles
    (a column logo over the head) do not count."""
    titles = [l for l in a if l.size >= pr.title_ratio * body]
    if not titles:
        return False
    head_top = min(l.y0 for l in titles)
    above = [l for l in b if l.y0 < head_top]
    if any(l.size >= pr.title_ratio * body for l in above):
        return False           # b has a head of its own, as high as a's
    rest = [l for l in b if l.y0 >= head_top] if len(above) <= 2 else b
    if not rest:
        return False
    first = min(rest, key=lambda l: (l.y0, l.x0))
    if first.size >= pr.title_ratio * body:
        return False
    return any(l.y1 <= first.y0 + 0.2 * body for l in titles)
