"""Reading order of a page's lines from geometry alone: header and footer bands, then a recursive
XY cut into regions (see layout.py for the whole analysis)."""
from __future__ import annotations

from statistics import median

from ..textutil import is_jump_line
from .lines import Line, Params

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


def bands(lines: list[Line], height: float, body: float,
          title: float = 1.12) -> tuple[list[Line], list[Line], list[Line]]:
    """Header and footer bands: a few small rows at the top (foot), set apart by a wide strip.
    `title`: a line this many body sizes large is a title."""
    rs = rows(lines)
    gap = 1.4 * body

    def band(seq: list[list[Line]], inside) -> int:
        """How many rows from the start of seq form a band: at most 3, set apart by a wide gap."""
        for n in range(1, min(3, len(seq) - 1) + 1):
            if not all(inside(l) and 0 < l.size <= 1.45 * body and not _running(l.text) for l in seq[n - 1]):
                return 0
            a, b = seq[n - 1], seq[n]
            g = (min(l.y0 for l in b) - max(l.y1 for l in a)) if inside is top else \
                (min(l.y0 for l in a) - max(l.y1 for l in b))
            if g >= gap:
                # body text right under a title is that title's, not a page footer
                if inside is foot and all(l.size >= title * body for l in b):
                    return 0
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


def _running(s: str) -> bool:
    """Running text (a clause, a sentence's end) or a jump line: the top or foot of an article,
    never a page header or footer."""
    return any(c in s for c in "，。；！？") or is_jump_line(s)


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
    beside = _logo_beside_head(region, body, pr)
    if beside:
        return beside
    # OCR boxes may run a little into a gutter: each line's ends trimmed by up to `spill`
    trim = [min(pr.spill * body, (l.x1 - l.x0) / 4) for l in region]
    vgaps = _gaps([(l.x0 + t, l.x1 - t) for l, t in zip(region, trim)], pr.gutter * body)
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
    parts = _cut_under_banner(region, vgaps, body, pr)
    if parts:
        return parts
    if hgaps:
        return _cut_h(region, max(hgaps, key=lambda g: g[1] - g[0]))
    if vgaps:
        return _cut_v(region, max(vgaps, key=lambda g: g[1] - g[0]))
    return None


def _logo_beside_head(region: list[Line], body: float, pr: Params) -> list[list[Line]] | None:
    """A column logo (Line.kind) level with a title beside it (the nearest), the text of the module
    starting under the logo and under the title: the logo and the title first, then the rest. (A
    gutter between the column under the logo and those under the title would part the title from
    the column its article starts in; no strip runs under both, the column under the logo starting
    before the title ends.) None when the first line under the logo is a title (a head of its
    own), or any other line starts above the logo's foot or lies level with the title."""
    title = pr.title_ratio * body
    for lg in (l for l in region if l.kind == "logo"):
        level = [t for t in region if t is not lg and t.size >= title and not t.kind
                 and min(t.y1, lg.y1) - max(t.y0, lg.y0) >= 0.5 * min(t.h, lg.h)
                 and (t.x0 >= lg.x1 or t.x1 <= lg.x0)]
        if not level:
            continue
        head = min(level, key=lambda t: max(t.x0 - lg.x1, lg.x0 - t.x1))
        rest = [l for l in region if l is not lg and l is not head]
        under = [l for l in rest if l.x0 < lg.x1 and lg.x0 < l.x1]
        if not under or min(under, key=lambda l: l.y0).size >= title:
            continue
        if all(l.y0 >= lg.y1 - 0.2 * body and not (l.y0 < head.y1 and l.x0 < head.x1 and head.x0 < l.x1)
               for l in rest):
            return [[lg, head], rest]
    return None


def _cut_under_banner(region: list[Line], tried: list[tuple[float, float]], body: float,
                      pr: Params) -> list[list[Line]] | None:
    """A gutter crossed only by a line at the top of its place (nothing above it), a column logo
    or banner a little wider than its column: cut there, the banner going with the side that
    holds its middle."""
    width = max(l.x1 for l in region) - min(l.x0 for l in region)
    tops = [l for l in region if 0 < l.size < pr.title_ratio * body and l.x1 - l.x0 <= 0.7 * width
            and not any(m.y1 <= l.y0 and m.x0 < l.x1 and l.x0 < m.x1 for m in region)]
    for top in sorted(tops, key=lambda l: l.y0)[:3]:
        rest = [l for l in region if l is not top]
        for g in sorted(_gaps([(l.x0, l.x1) for l in rest], pr.gutter * body), key=lambda g: g[0] - g[1]):
            if g in tried or not top.x0 < (g[0] + g[1]) / 2 < top.x1:
                continue
            left, right = _cut_v(rest, g)
            (left if (top.x0 + top.x1) / 2 < (g[0] + g[1]) / 2 else right).insert(0, top)
            if not (_heads_other(left, right, body, pr) or _heads_other(right, left, body, pr)):
                return [left, right]
    return None


def _cut_h(region: list[Line], g: tuple[float, float]) -> list[list[Line]]:
    mid = (g[0] + g[1]) / 2
    return [[l for l in region if l.y1 <= mid], [l for l in region if l.y1 > mid]]


def _cut_v(region: list[Line], g: tuple[float, float]) -> list[list[Line]]:
    mid = (g[0] + g[1]) / 2
    # by the middle of each line: an OCR box that runs into the gutter stays on its side
    return [[l for l in region if l.x0 + l.x1 <= 2 * mid], [l for l in region if l.x0 + l.x1 > 2 * mid]]


def _under_titles(region: list[Line], top: float, body: float, pr: Params) -> bool:
    """Does a title stand right above the strip at `top` (the lowest line in its place) over text
    below the strip? Then the strip parts a head from its body (a module beside it may end there),
    not two tiers of articles. A title over the next tier's head is a subheading at a column's foot."""
    title = pr.title_ratio * body
    near = [l for l in region if top - 6 * body <= l.y1 <= top + 0.01]
    low = [l for l in near if not any(m is not l and m.y0 >= l.y1 - 0.2 * l.h and m.x0 < l.x1 and l.x0 < m.x1
                                      for m in near)]
    below = [m for m in region if m.y0 > top]
    for l in low:
        if l.size < title:
            continue
        under = [m for m in below if m.x0 < l.x1 and l.x0 < m.x1]
        if under and min(under, key=lambda m: m.y0).size < title:
            return True
    return False


def _heads_other(a: list[Line], b: list[Line], body: float, pr: Params) -> bool:
    """Might a title on side `a` head the text on side `b`? Only the column of b beside the gutter
    counts: it goes with a's head when it starts with text (not with a title or a photo of its
    own) under a title of a's. A line or two of b above a's titles (a column logo over the head) do
    not count. Where b has a head of its own elsewhere (over the next module), a's head must be
    centred over a module that reaches the column (a has text as far out on the other side)."""
    title = pr.title_ratio * body
    titles = [l for l in a if l.size >= title]
    text = [l for l in b if 0 < l.size < title]
    if not titles or not text:
        return False
    # a head of b's own is set as large as a headline (or as a's titles); a smaller title at the
    # top of a column is a subheading of the article that runs into it
    own = min(pr.head_ratio * body, max(t.size for t in titles))
    right = min(l.x0 for l in b) >= min(l.x0 for l in a)
    if right:
        edge = min(l.x0 for l in text)
        near = [l for l in text if l.x0 <= edge + 2 * body]
    else:
        edge = max(l.x1 for l in text)
        near = [l for l in text if l.x1 >= edge - 2 * body]
    c0, c1 = min(l.x0 for l in near), max(l.x1 for l in near)
    col = [l for l in b if l.x0 < c1 and l.x1 > c0]
    head_top = min(l.y0 for l in titles)
    above = [l for l in col if l.y0 < head_top]
    if any(l.size >= title or l.size <= 0 for l in above):
        return False           # the column has a head (or a photo) of its own, as high as a's
    rest = [l for l in col if l.y0 >= head_top] if len(above) <= 2 else col
    if not rest:
        return False
    first = min(rest, key=lambda l: (l.y0, l.x0))
    if first.size >= own or first.size <= 0:
        return False
    heads = [t for t in titles if t.y1 <= first.y0 + 0.2 * body]
    if not any(l.size >= own for l in b):
        return bool(heads)     # b has no head at all: a's heads it
    reach = min(l.x0 for l in a) if right else max(l.x1 for l in a)
    for t in heads:
        mirror = t.x0 + t.x1 - (c1 if right else c0)   # the column's far edge mirrored about t
        if (mirror >= reach - 2 * body) if right else (mirror <= reach + 2 * body):
            return True
    return False
