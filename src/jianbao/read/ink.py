"""Pixel geometry of a scanned page, for the OCR reader (image.py): where the ink is.

The text detector returns boxes, not lines of one column: on a tightly set page a box often runs
across a column gutter, and a box holding a vertical headline is one tall strip. This module looks
at the ink inside each box (a boolean array, True = ink) to
- estimate the type height of the page (so detection runs at a scale where body text is readable),
- split a box where its ink parts by a gutter-wide empty run (`pieces`; not a headline at its
  word space or its ：), grow each piece to the ink the box's edge clipped, drop what two
  overlapping boxes both hold or a box's edge clipped (`unique`), and join the words of a headline
  the detector boxed apart (`joined`),
- find the wide empty runs inside a line, where a printed space may stand (`gaps`),
- cut a vertical strip into character cells and set them side by side (`reflow`), so the
  recogniser, which reads left to right, reads it top to bottom,
- find long horizontal rules near the top of the page (the rule under the page header),
- find the photos: large toned regions where no text line stands (`photos`),
- tell a piece set on a ground, as a column logo is: a solid band the type is cut out of
  (reverse video), or a frame round it (`grounded`).
Pure numpy (and OpenCV, which the OCR engine brings); no OCR here.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

GUTTER_EM = 0.95         # an empty run this many ems wide inside a box parts two columns (on real
                         # scans the runs inside a line stay under 0.9 em, gutters are 1–1.5)
VERTICAL = 1.8           # a box this many times taller than wide holds vertical text
SPECK_EM = 0.4           # ink smaller than this (ems of the page's type) both ways is no text (a
                         # column rule's fragment, a speck): a line of one 。 or 一 is not printed
SPACE_EM = 0.4           # an empty run this many ems wide inside a line may be a printed space
                         # (characters of one word part by 0.05–0.2 em; a space adds 0.25–0.5)
JOIN_TYPE = 1.5          # pieces of a line this many times the page's type may join across boxes
GROW_EM = 0.2            # a piece grows this far (ems) to take in ink its box clipped
LARGE_TYPE = 0.8         # a box whose parts' lines are this share of its band holds one line
TYPE_SPREAD = 1.25       # body characters stand at most this many times the commonest height
PHOTO_TONE = 215         # a pixel darker than this is toned: ink, or a photo's greys
PHOTO_FILL = 0.5         # a cell one em square with this share of toned pixels (text lines blanked) is picture
PHOTO_EMS = 6            # a photo is at least this many ems wide and tall (a column logo on a dark
                         # ground, 2–4 ems tall, is not one)
PHOTO_SOLID = 0.6        # ... its picture cells fill this share of its box (not a frame, rules, a tint)
GROUND_EDGE = 0.8        # a piece on a ground (reverse video, a frame): this share of its box's outer rows
                         # and columns is ink (on the real scan: logos 0.86–0.99, every other line 0.56 or less)


@dataclass
class Piece:
    x0: int
    y0: int
    x1: int
    y1: int
    em: float            # the ink height of a horizontal piece, the ink width of a vertical one
    vertical: bool
    c0: int = 0          # what the recogniser sees of a horizontal piece, x from c0 to c1: halfway
    c1: int = 0          # into the gaps beside it (a faint dash or stop there is not lost)


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """True where a pixel is ink: Otsu's threshold, dark on light."""
    import cv2
    _, b = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return b.astype(bool)


def text_height(ink: np.ndarray) -> float:
    """The usual height of a character in pixels: the tall end (90th percentile) of the connected
    ink components near the commonest height of the taller half (a whole character; smaller ones
    are its parts). Rules, photos and specks are left out, and so are headline characters: on a
    page of short columns under a wide headline they are a tenth of the components, and the
    page's type would read half again too large (its gutters then too narrow to part columns)."""
    import cv2
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    hs = stats[1:, cv2.CC_STAT_HEIGHT]
    ws = stats[1:, cv2.CC_STAT_WIDTH]
    hs = hs[(hs >= 3) & (hs < ink.shape[0] / 20) & (ws < 4 * hs)]
    if hs.size < 20:
        return 0.0
    counts = np.convolve(np.bincount(hs), np.ones(3), mode="same")   # a peak split over two heights
    low = int(np.median(hs))
    mode = low + int(np.argmax(counts[low:]))
    near = hs[(hs > 0.5 * mode) & (hs <= TYPE_SPREAD * mode)]
    return float(np.percentile(near, 90))


def _runs(profile: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of the runs of True in a 1-d boolean array."""
    d = np.diff(np.concatenate(([0], profile.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist()))


def _bands(profile: np.ndarray, span: int) -> list[tuple[int, int]]:
    """The bands of a box that hold lines: inked runs of its profile across the line (gaps of a few
    pixels bridged: parts of one character), each as tall as half the tallest at least. A box
    the detector drew round two lines gives two; specks of the lines above and below, which a
    box's padding takes in, are left out."""
    runs = _runs(profile > 0)
    if not runs:
        return []
    bridge = max(2, int(0.1 * span))
    merged = [list(runs[0])]
    for a, b in runs[1:]:
        if a - merged[-1][1] <= bridge:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    tall = max(b - a for a, b in merged)
    return [(a, b) for a, b in merged if b - a >= 0.5 * tall]


def pieces(ink: np.ndarray, box: tuple[int, int, int, int], th: float) -> list[Piece]:
    """The ink of one detected box as pieces of text, each one line of one column trimmed to its
    ink. The detector may draw one box round the lines of two columns, a little apart in height:
    the box is split first at gutter-wide empty runs (GUTTER_EM of the page's type height `th`, or
    of the box's band if smaller), then each part into its lines, then each line at gutter-wide
    runs of its own type height. A tall narrow box is vertical text, worked on along its length."""
    x0, y0, x1, y1 = box
    sub = ink[y0:y1, x0:x1]
    if sub.size == 0 or not sub.any():
        return []
    vertical = (y1 - y0) >= VERTICAL * (x1 - x0)
    if vertical:
        sub = sub.T                      # work along the strip as if it were horizontal
    out: list[Piece] = []
    bands = _bands(sub.sum(axis=1), sub.shape[0])
    tall = max(b - a for a, b in bands)
    em = min([b - a for a, b in bands] + [1.2 * th if th else sub.shape[0]])
    groups = _groups(sub.any(axis=0), em)
    if em < tall and _large_type(sub, groups, tall):
        groups = _groups(sub.any(axis=0), tall)
    for g0, g1 in groups:
        part = sub[:, g0:g1]
        for a0, a1 in _bands(part.sum(axis=1), part.shape[0]):
            out.extend(_split_along(part[a0:a1].any(axis=0), x0, y0, g0, a0, a1, vertical))
    least = SPECK_EM * th
    return [_grown(ink, p) for p in out if max(p.x1 - p.x0, p.y1 - p.y0) >= least]


def _grown(ink: np.ndarray, p: Piece) -> Piece:
    """A piece reaching out to the ink its box clipped: the detector's box may cut a few pixels
    off a character's edge (the top of 点, the side of a stroke), which shrinks the line's
    measured type. Each side moves out while the row or column beyond it holds ink, by at most
    GROW_EM ems."""
    reach = max(1, int(GROW_EM * p.em))
    h, w = ink.shape
    x0, y0, x1, y1 = p.x0, p.y0, p.x1, p.y1
    for _ in range(reach):
        moved = False
        if x0 > max(0, p.x0 - reach) and ink[y0:y1, x0 - 1].any():
            x0, moved = x0 - 1, True
        if x1 < min(w, p.x1 + reach) and ink[y0:y1, x1].any():
            x1, moved = x1 + 1, True
        if y0 > max(0, p.y0 - reach) and ink[y0 - 1, x0:x1].any():
            y0, moved = y0 - 1, True
        if y1 < min(h, p.y1 + reach) and ink[y1, x0:x1].any():
            y1, moved = y1 + 1, True
        if not moved:
            break
    if (x0, y0, x1, y1) == (p.x0, p.y0, p.x1, p.y1):
        return p
    em = float(x1 - x0 if p.vertical else y1 - y0)
    if p.vertical:
        return replace(p, x0=x0, y0=y0, x1=x1, y1=y1, em=em)
    return replace(p, x0=x0, y0=y0, x1=x1, y1=y1, em=em, c0=min(p.c0, x0), c1=max(p.c1, x1))


def _large_type(sub: np.ndarray, groups: list[list[int]], tall: float) -> bool:
    """Do the parts of a box, split at gaps a body character wide, hold one line of large type
    (a headline's word space, or the empty half cells beside its ：) rather than lines of two
    columns a little apart in height? Each part at least a character wide fills the box's band:
    its own line is as tall (a narrow part, a ： or a dash, is left out of the test)."""
    wide = [sub[:, a:b] for a, b in groups if b - a >= tall]
    return len(groups) > 1 and bool(wide) and all(
        max(b - a for a, b in _bands(p.sum(axis=1), p.shape[0])) >= LARGE_TYPE * tall for p in wide)


def unique(found: list[Piece]) -> list[Piece]:
    """The pieces with those left out that another, longer piece of the same line holds: the
    detector's boxes overlap, and a box that reaches a little into the next column yields a sliver
    of that column's first character, which the recogniser reads as a stray 1 or l."""
    kept: list[Piece] = []
    for p in sorted(found, key=lambda p: (p.vertical, -(p.x1 - p.x0) * (p.y1 - p.y0))):
        tol = 0.3 * p.em
        if not any(q.vertical == p.vertical and q.x0 - tol <= p.x0 and p.x1 <= q.x1 + tol
                   and q.y0 - tol <= p.y0 and p.y1 <= q.y1 + tol for q in kept):
            kept.append(p)
    return kept


def joined(found: list[Piece], th: float) -> list[Piece]:
    """The pieces with those of one line of large type made one: the detector may draw a box
    round each word of a headline with a wide space (沂源  “空中草莓”俏市场), and apart, a column
    gutter under the space would part the headline from half the module it heads. Only type well
    above the page's (JOIN_TYPE times `th`): body lines of two columns stay apart across a tight
    gutter. Pieces of the same line are parted by less than GUTTER_EM of their type."""
    def big(p: Piece) -> bool:
        return not p.vertical and p.em >= JOIN_TYPE * th
    lines: list[Piece] = []
    for p in sorted(filter(big, found), key=lambda p: p.x0):
        k = next((k for k, q in enumerate(lines) if _same_line(q, p)), None)
        if k is None:
            lines.append(p)
            continue
        q = lines[k]
        y0, y1 = min(q.y0, p.y0), max(q.y1, p.y1)
        lines[k] = Piece(q.x0, y0, max(q.x1, p.x1), y1, float(y1 - y0), False, q.c0, max(q.c1, p.c1))
    return [p for p in found if not big(p)] + lines


def _same_line(q: Piece, p: Piece) -> bool:
    """Is p (further right) the next word of q's line: type of one size, level, a space apart?"""
    lo, hi = min(q.em, p.em), max(q.em, p.em)
    level = min(q.y1, p.y1) - max(q.y0, p.y0) >= 0.7 * lo
    return hi <= 1.3 * lo and level and 0 <= p.x0 - q.x1 < GUTTER_EM * lo


def gaps(ink: np.ndarray, p: Piece) -> list[tuple[int, int]]:
    """The empty runs inside a horizontal piece at least SPACE_EM ems wide, as page x ranges."""
    runs = _runs(ink[p.y0:p.y1, p.x0:p.x1].any(axis=0))
    least = SPACE_EM * p.em
    return [(p.x0 + a[1], p.x0 + b[0]) for a, b in zip(runs, runs[1:]) if b[0] - a[1] >= least]


def _groups(along: np.ndarray, em: float) -> list[list[int]]:
    """Runs of ink along a line, those parted by less than GUTTER_EM ems joined."""
    groups: list[list[int]] = []
    for a, b in _runs(along):
        if groups and a - groups[-1][1] < max(2.0, GUTTER_EM * em):
            groups[-1][1] = b
        else:
            groups.append([a, b])
    return groups


def _split_along(along: np.ndarray, x0: int, y0: int, g0: int, a0: int, a1: int,
                 vertical: bool) -> list[Piece]:
    """One line of a box (rows a0..a1 of it, columns from g0 on; the other way for a vertical
    box) split at gutter-wide gaps of its own type height."""
    em = float(a1 - a0)
    groups = _groups(along, em)
    out: list[Piece] = []
    for k, (a, b) in enumerate(groups):
        a, b = a + g0, b + g0
        if vertical:
            out.append(Piece(x0 + a0, y0 + a, x0 + a1, y0 + b, em, True))
            continue
        c0 = (groups[k - 1][1] + g0 + a) // 2 if k else g0
        c1 = (b + groups[k + 1][0] + g0) // 2 if k + 1 < len(groups) else g0 + len(along)
        out.append(Piece(x0 + a, y0 + a0, x0 + b, y0 + a1, em, False, x0 + c0, x0 + c1))
    return out


def cells(ink: np.ndarray, p: Piece) -> list[tuple[int, int]]:
    """The character cells of a vertical piece, top to bottom, as [y0, y1) rows: inked runs of
    rows, a character's parts (二, 三, 旦 have empty rows inside) joined while the cell stays
    within about one em."""
    prof = ink[p.y0:p.y1, p.x0:p.x1].sum(axis=1) > 0
    out: list[list[int]] = []
    for a, b in _runs(prof):
        if out and b - out[-1][0] <= 1.15 * p.em:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(p.y0 + a, p.y0 + b) for a, b in out]


def reflow(gray: np.ndarray, p: Piece, rows: list[tuple[int, int]]) -> np.ndarray:
    """The cells of a vertical piece set side by side on a white line, in reading order, each
    centred in a square of one em and a little space around: a horizontal line to recognise."""
    em = int(round(p.em))
    side = max(em, max(b - a for a, b in rows))
    gap = max(2, side // 5)
    h = side + 2 * gap
    out = np.full((h, gap + len(rows) * (side + gap)), 255, dtype=gray.dtype)
    for k, (a, b) in enumerate(rows):
        cell = gray[a:b, p.x0:p.x1]
        top = gap + (side - cell.shape[0]) // 2
        left = gap + k * (side + gap) + (side - cell.shape[1]) // 2
        out[top:top + cell.shape[0], left:left + cell.shape[1]] = cell
    return out


def top_rule(ink: np.ndarray, share: float = 0.15, span: float = 0.5) -> int | None:
    """The lowest long horizontal rule in the top `share` of the page (the rule under the page
    header): a row whose ink runs unbroken across at least `span` of the page width. Its y, or None."""
    import cv2
    h, w = ink.shape
    band = ink[: int(h * share)].astype(np.uint8)
    band = cv2.dilate(band, np.ones((3, 1), np.uint8))     # a rule a pixel askew stays one row
    length = max(8, int(w * span))
    opened = cv2.morphologyEx(band, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    ys = np.flatnonzero(opened.any(axis=1))
    return int(ys.max()) if ys.size else None


def photos(gray: np.ndarray, text: list[tuple[int, int, int, int]], th: float) -> list[tuple[int, int, int, int]]:
    """The photos of a page as boxes (x0, y0, x1, y1): large regions of toned pixels (PHOTO_TONE)
    where no text line stands. The page is looked at in cells one em square (`th`, the type
    height); a cell is picture when most of its pixels are toned once the text lines' boxes
    (`text`, a little grown) are blanked; a photo is a connected run of picture cells at least
    PHOTO_EMS ems wide and tall that fills most of its box (a frame round a boxed article, column
    rules and a tinted panel's margins are thin). Its box is trimmed to its toned pixels."""
    import cv2
    c = max(2, int(round(th or 10)))
    h, w = gray.shape
    toned = gray < PHOTO_TONE
    m = max(1, int(0.3 * c))
    for x0, y0, x1, y1 in text:
        toned[max(0, y0 - m):y1 + m, max(0, x0 - m):x1 + m] = False
    hc, wc = h // c, w // c
    if hc < PHOTO_EMS or wc < PHOTO_EMS:
        return []
    share = toned[:hc * c, :wc * c].reshape(hc, c, wc, c).mean(axis=(1, 3))
    cells = (share >= PHOTO_FILL).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cells, connectivity=8)
    out = []
    for k in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[k])
        if bw < PHOTO_EMS or bh < PHOTO_EMS or area < PHOTO_SOLID * bw * bh:
            continue
        # the box in pixels, reaching a cell further each way, trimmed to the toned pixels there
        px0, py0 = max(0, (x - 1) * c), max(0, (y - 1) * c)
        px1, py1 = min(w, (x + bw + 1) * c), min(h, (y + bh + 1) * c)
        sub = toned[py0:py1, px0:px1]
        rows = np.flatnonzero(sub.mean(axis=1) >= PHOTO_FILL)
        cols = np.flatnonzero(sub.mean(axis=0) >= PHOTO_FILL)
        if rows.size and cols.size:
            out.append((px0 + int(cols[0]), py0 + int(rows[0]), px0 + int(cols[-1]) + 1, py0 + int(rows[-1]) + 1))
    return out


def grounded(ink: np.ndarray, p: Piece) -> bool:
    """Is a piece set on a ground, as a column logo is: a solid band its type is cut out of
    (reverse video), or a frame? The piece is trimmed to its ink, so on a ground its box is the
    ground's: its outer rows and columns are nearly all ink (GROUND_EDGE). A line of text on paper
    touches its box's edges only at a few strokes. (Its ground may run on beyond it as a rule
    across the column: only the piece's own box is looked at.)"""
    sub = ink[p.y0:p.y1, p.x0:p.x1]
    if min(sub.shape) < 3:
        return False
    return float(np.concatenate([sub[0], sub[-1], sub[1:-1, 0], sub[1:-1, -1]]).mean()) >= GROUND_EDGE
