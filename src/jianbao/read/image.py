"""Scanned page images → Pages, by OCR (RapidOCR on onnxruntime, models inside the package).

The `ocr` extra brings the engine: `pip install 'jianbao[ocr]'`. The image is read in overlapping
strips at its own resolution (the engine would otherwise shrink a broadsheet until its body text is
unreadable), blank strips are skipped, and each recognised line keeps its box; the same layout
analysis as for PDFs (`layout.py`) then orders the lines by geometry — OCR engines list boxes down
the whole page, across columns. A multi-frame TIFF gives one page per frame.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..errors import BadImage, Corrupt, NoTextLayer, OcrUnavailable, TooLarge
from ..model import Page
from ..settings import Settings
from .layout import Line, Params, page_from_lines
from .pdf import binary_limit

MIN_SIDE = 32            # pixels: anything smaller holds no readable line
MAX_PIXELS = 150e6       # a broadsheet at 400 dpi is ~90 Mpx
MAX_FRAMES = 500
STRIP = 1400             # strip height in pixels, and the overlap between strips
OVERLAP = 220
MIN_WIDTH = 736          # the detector scales narrower strips up; pad them instead
OCR_PARAMS = Params(title_ratio=1.15, head_ratio=1.45, size_tol=0.15, spill=0.6)


def ocr_available() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@lru_cache(maxsize=1)
def engine():
    if not ocr_available():
        raise OcrUnavailable("reading images needs the OCR extra: pip install 'jianbao[ocr]'")
    import logging
    from rapidocr_onnxruntime import RapidOCR
    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return RapidOCR()


def read_image(path: Path, settings: Settings) -> Iterator[Page]:
    binary_limit(path, settings)
    from PIL import Image, ImageSequence, UnidentifiedImageError
    bad = "not a readable image (damaged, or not PNG/JPEG/TIFF): export or download the page again"
    try:
        img = Image.open(path)
    except Image.DecompressionBombError:
        raise TooLarge("the image has too many pixels to be a page: scan at 300 dpi or less") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise Corrupt(bad) from None
    with img:
        n = getattr(img, "n_frames", 1)
        if n > MAX_FRAMES:
            raise TooLarge(f"{n} frames (at most {MAX_FRAMES}): split the TIFF")
        frames = ImageSequence.Iterator(img)
        for k in range(n):
            try:
                frame = next(frames)
            except (OSError, SyntaxError, ValueError, EOFError, StopIteration):
                raise Corrupt(bad) from None
            source = f"{path.name}#p{k + 1}" if n > 1 else path.name
            yield page_from_image(frame, source, settings)


def page_from_image(img, source: str, settings: Settings) -> Page:
    w, h = img.size
    if min(w, h) < MIN_SIDE:
        raise BadImage(f"the image is {w}×{h} pixels, too small to hold a page: scan it at 150–300 dpi")
    if w * h > MAX_PIXELS:
        raise TooLarge(f"the image is {w}×{h} pixels ({w * h / 1e6:.0f} Mpx, at most {MAX_PIXELS / 1e6:.0f}): "
                       "scan at 300 dpi or less, or cut it into pages")
    try:
        gray = img.convert("L")
    except (OSError, SyntaxError, ValueError, AttributeError, EOFError):
        raise Corrupt("the image data is damaged and cannot be decoded: export or download the page again") from None
    lines = ocr_lines(gray)
    if not lines:
        raise NoTextLayer("OCR found no text in the image: is it a newspaper page, upright, 150–300 dpi?")
    return page_from_lines(lines, float(w), float(h), source, OCR_PARAMS)


def ocr_lines(gray) -> list[Line]:
    """Recognised lines of a greyscale PIL image, strip by strip, each in page coordinates."""
    import numpy as np
    eng = engine()
    w, h = gray.size
    strips = []
    top = 0
    while True:
        bottom = min(h, top + STRIP)
        strips.append((max(0, bottom - STRIP), bottom))   # the last strip as tall as the others
        if bottom >= h:
            break
        top = bottom - OVERLAP
    out: list[Line] = []
    for k, (top, bottom) in enumerate(strips):
        # each line belongs to the strip whose own part (overlaps halved) holds its centre
        lo = (strips[k - 1][1] + top) / 2 if k else 0
        hi = (bottom + strips[k + 1][0]) / 2 if k + 1 < len(strips) else h
        strip = np.asarray(gray.crop((0, top, w, bottom)))
        if (strip < 128).mean() < 0.0005:                     # blank strips are skipped
            continue
        for ln in _recognise(eng, strip, top):
            cy = (ln.y0 + ln.y1) / 2
            cut = (ln.y0 <= top + 1 and top > 0) or (ln.y1 >= bottom - 1 and bottom < h)
            if lo <= cy < hi and not cut:
                out.append(ln)
    return _sized(out)


def _units(text: str) -> float:
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text if not c.isspace())


def _sized(lines: list[Line]) -> list[Line]:
    """Font size from the character pitch (box width over characters), steadier than the box
    height. For a short line both the pitch and its height (times the page's pitch/height ratio)
    run high; it takes the smaller."""
    from dataclasses import replace
    from statistics import median
    ratios = [(l.x1 - l.x0) / _units(l.text) / (l.y1 - l.y0) for l in lines if _units(l.text) >= 6]
    k = median(ratios) if len(ratios) >= 5 else 1.0
    def size(l: Line) -> float:
        n = _units(l.text)
        pitch = (l.x1 - l.x0) / n if n else 0.0
        if n >= 8:
            return pitch
        # a short line: both estimates run high (box padding, a narrow last mark): the smaller
        return min(pitch, (l.y1 - l.y0) * k) if n >= 2 else (l.y1 - l.y0) * k
    return [replace(l, size=size(l)) for l in lines]


def _recognise(eng, strip, top: int) -> list[Line]:
    import numpy as np
    sh, sw = strip.shape
    if sw < MIN_WIDTH or sh < MIN_WIDTH:
        pad = np.full((max(sh, MIN_WIDTH), max(sw, MIN_WIDTH)), 255, dtype=strip.dtype)
        pad[:sh, :sw] = strip
        strip = pad
    bgr = np.ascontiguousarray(np.repeat(strip[:, :, None], 3, axis=2))
    result, _ = eng(bgr, use_cls=False, return_word_box=True)
    lines: list[Line] = []
    for r in result or []:
        box, text = r[0], r[1]
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys) + top, max(ys) + top
        if not text.strip() or y1 - y0 < 4:
            continue
        if y1 - y0 > 1.5 * (x1 - x0) and len(text) > 2:
            continue   # vertical text: not read yet
        words = list(zip(r[3], r[4])) if len(r) >= 5 and r[3] and len(r[3]) == len(r[4]) else []
        lines.extend(_split_words(words, y0, y1) if words else
                     [Line(float(x0), float(y0), float(x1), float(y1), float(y1 - y0), text)])
    return lines


def _split_words(words, y0: float, y1: float) -> list[Line]:
    """One detected box may run across a column gutter: split it where its characters part
    widely; a space where they part by more than half a character (the recogniser's character
    positions are rough: smaller gaps are noise)."""
    h = y1 - y0
    out: list[Line] = []
    cur: list = []                        # x0, x1, [(gap before, text)]
    for box, text in words:
        a, b = min(p[0] for p in box), max(p[0] for p in box)
        if cur and a - cur[1] > 0.9 * h:
            out.append(_spaced_line(cur, y0, y1))
            cur = []
        if not cur:
            cur = [a, b, [(0.0, text)]]
        else:
            cur[2].append((a - cur[1], text))
            cur[1] = max(cur[1], b)
    if cur:
        out.append(_spaced_line(cur, y0, y1))
    return out


def _spaced_line(cur: list, y0: float, y1: float) -> Line:
    h = y1 - y0
    least = 0.55 * h
    text = cur[2][0][1]
    for gap, t in cur[2][1:]:
        text += (" " if gap > least and _spaced(text[-1], t[0]) else "") + t
    return Line(float(cur[0]), float(y0), float(cur[1]), float(y1), float(h), text)


def _spaced(a: str, b: str) -> bool:
    """May a gap between these two characters be a printed space? Not next to punctuation, and not
    inside a number."""
    import unicodedata
    if unicodedata.category(a)[0] == "P" or unicodedata.category(b)[0] == "P":
        return False
    return not (a.isdigit() and (b.isdigit() or b in ".%")) and not (a == "." and b.isdigit())
