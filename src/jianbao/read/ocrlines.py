"""OCR lines as the layout takes them: their type size from the character pitch (`sized`), a
vertical headline or column logo set over the module it stands beside (`placed`), and the layout's
parameters for OCR pages (`OCR_PARAMS`). Plain Python over `Line`s, shared by our own OCR
(image.py) and a parser's OCR line lists (parsers/ocr.py); no image library is loaded here, so
reading a parser's output does not load the OCR engine's.
"""
from __future__ import annotations

from dataclasses import replace
from statistics import median

from .lines import Line, Params

OCR_PARAMS = Params(title_ratio=1.15, head_ratio=1.45, size_tol=0.15, spill=0.6)


def placed(v: Line, lines: list[Line]) -> Line:
    """A vertical headline or column logo as the layout takes it: a title line over the module it
    stands beside (the text on its nearer side, the right on a tie: the columns there whose tops
    are level with the nearest one's), as wide as that module and a strip above it, with its type
    size from the character pitch. Beside no text, it stays where it is."""
    beside = [l for l in lines if l.y0 < v.y1 and v.y0 - v.size <= l.y0]
    gap = {True: [l.x0 - v.x1 for l in beside if l.x0 >= v.x1 - 0.2 * v.size],     # right
           False: [v.x0 - l.x1 for l in beside if l.x1 <= v.x0 + 0.2 * v.size]}   # left
    dr, dl = min(gap[True], default=1e9), min(gap[False], default=1e9)
    if min(dl, dr) > 4 * v.size:
        return v
    right = dr <= dl
    side = [l for l in beside if (l.x0 >= v.x1 - 0.2 * v.size if right else l.x1 <= v.x0 + 0.2 * v.size)]
    near = (lambda l: l.x0 - v.x1) if right else (lambda l: v.x0 - l.x1)
    far = (lambda l: l.x1 - v.x1) if right else (lambda l: v.x0 - l.x0)
    module: list[Line] = []
    top = reach = None
    for l in sorted(side, key=near):
        col = [m for m in side if abs(near(m) - near(l)) <= 2 * l.size]
        col_top = min(m.y0 for m in col)
        if top is None:
            top, reach = col_top, max(far(m) for m in col)
        elif near(l) > reach + 3 * l.size or abs(col_top - top) > 1.5 * l.h:
            break
        reach = max(reach, max(far(m) for m in col))
        module.extend(m for m in col if m not in module)
    first = min(module, key=lambda l: l.y0)
    y1 = first.y0 - 1.2 * first.h          # a strip between it and the text, as under a headline
    return Line(min(l.x0 for l in module), y1 - 0.3 * first.h, max(l.x1 for l in module), y1, v.size, v.text, v.kind)


def units(text: str) -> float:
    """A line's length in ems: a Chinese character or full-width mark 1, a letter, digit or space
    1/2; brackets 1 (the recogniser reads a full-width （ as ASCII)."""
    return sum(1.0 if ord(c) >= 0x2E80 or c in "()" else 0.5 for c in text)


LEFT_SET = "。，、．：；）」』》〉】”’)"    # full-width marks inked in the left half of their cell
RIGHT_SET = "（「『《〈【“‘("              # ... and in the right half


def ink_units(text: str) -> float:
    """The width of a line's ink in ems: a piece is trimmed to its ink, so a full-width mark at
    its end (。，、）) or start（“《） adds only half a cell (else a short line ending 。 reads
    a quarter smaller than its paragraph and is cut off it)."""
    n = units(text)
    s = text.strip()
    if len(s) >= 2:
        n -= 0.5 * (s[-1] in LEFT_SET) + 0.5 * (s[0] in RIGHT_SET)
    return n


def sized(lines: list[Line]) -> list[Line]:
    """Font size from the character pitch (ink width over characters, `ink_units`), steadier than
    the ink height. For a short line it takes the smaller of the pitch and its height times the
    page's pitch/height ratio (a wide mark or a narrow one, 1 or 一, throws the pitch off)."""
    ratios = [(l.x1 - l.x0) / ink_units(l.text) / (l.y1 - l.y0) for l in lines if units(l.text) >= 6]
    k = median(ratios) if len(ratios) >= 5 else 1.0
    def size(l: Line) -> float:
        n = ink_units(l.text)
        pitch = (l.x1 - l.x0) / n if n else 0.0
        if n >= 8:
            return pitch
        return min(pitch, (l.y1 - l.y0) * k) if n >= 1.5 else (l.y1 - l.y0) * k
    return [replace(l, size=size(l)) for l in lines]
