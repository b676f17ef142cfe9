"""Scanned page images → Pages, by OCR (RapidOCR on onnxruntime, models inside the package).

The `ocr` extra brings the engine: `pip install 'jianbao[ocr]'`. One pass: the text detector runs
once over the whole page (blank margins cut off), scaled so that a character is about DET_HEIGHT
pixels tall (the engine's own front end would shrink a broadsheet until its body text is
unreadable); each box is split where its ink parts by a gutter or into the lines it holds
(ink.py), and each piece is recognised once from the page at its own resolution. A tall narrow
box is vertical text (竖排 headlines, column logos): its character cells are set side by side and
read top to bottom, and it enters the layout as a title line over the module it stands beside
(ocrlines.py), its size the character pitch. A short line set on a ground (its type cut out of a
dark band, or framed: ink.grounded) is a column logo (Line.kind "logo"). A rule across the top of
the page marks the header band. The same layout analysis as for PDFs (`layout.py`) then orders the lines by geometry — OCR
engines list boxes down the whole page, across columns. A photo (a large toned region where no
text line stands, ink.photos) enters the layout as an image line, as a PDF's picture does, so its
caption is read apart from the article beside it. The engine's ONNX sessions are made again with
onnxruntime's memory arena on (RapidOCR turns it off) and the recogniser's batches run side by side
on the cores (`_tune`, `_recognise`). A multi-frame TIFF gives one page per frame.
Each page keeps where its picture is (`Page.image`: the file, the frame, its size in pixels, the
frame of its blocks' boxes).
"""
from __future__ import annotations

import importlib.util
import logging
import os
import unicodedata
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..errors import BadImage, Corrupt, NoTextLayer, OcrUnavailable, TooLarge
from ..model import Page, PageImage
from ..settings import Settings
from . import ink
from .layout import page_from_lines
from .limits import binary_limit
from .lines import Line
from .ocrlines import OCR_PARAMS, placed, sized, units

MIN_SIDE = 32            # pixels: anything smaller holds no readable line
MAX_PIXELS = 150e6       # a broadsheet at 400 dpi is ~90 Mpx
MAX_FRAMES = 500
DET_HEIGHT = 24.0        # detection runs where a character is about this many pixels tall (at 16
                         # it missed whole lines of tightly set body text; 24 missed none)
DET_SCALE = (0.5, 2.5)   # ... within these bounds (a 300-dpi broadsheet shrinks, a small scan grows)
DET_PIXELS = 16e6        # ... and the image the detector sees at most this many pixels: its buffers take
                         # some 200 bytes a pixel (a 300-dpi broadsheet whose type was misjudged small,
                         # grown 2.4 times to 99 Mpx, took 20 GB and was killed); the 992×1419 scan
                         # grown 2.5 times is 8.8 Mpx, a dense 3472×4967 broadsheet 12.7 (2.4 GB)
TEXT_SCORE = 0.5         # recognised text below this confidence is noise (photo texture, specks)
PAD = 0.15               # a line's box: its ink and this many ems above and below
CROP_MARGIN = 0.15       # white margin (ems) around a piece given to the recogniser (0.15 read
                         # the synthetic scans better than 0.08, 0.3 or 0.5)
LOGO_UNITS = 12          # a line set on a ground (reverse video, a frame: ink.grounded) is a column logo
                         # when it is 2 to this many ems long (a headline set so is longer, a boxed
                         # numeral shorter)
SPACE_PITCH = 1.3        # a printed space: characters' centres this many times the line's pitch apart


def ocr_available() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@lru_cache(maxsize=1)
def engine():
    if not ocr_available():
        raise OcrUnavailable("reading images needs the OCR extra: pip install 'jianbao[ocr]'")
    from rapidocr_onnxruntime import RapidOCR
    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    eng = RapidOCR()
    # the detector keeps the first 1,000 regions of its map only (max_candidates), in the order
    # OpenCV finds their outlines, from the foot of the page up: a broadsheet of more lines would
    # lose its top. Every region is kept (the image is at most DET_PIXELS, which bounds them).
    eng.text_det.postprocess_op.max_candidates = 1 << 30
    _tune(eng.text_det.infer, threads=0)
    _tune(eng.text_rec.session, threads=1)
    return eng


def _tune(part, threads: int) -> None:
    """The engine's ONNX session for one model made again with the options a page needs. RapidOCR
    turns onnxruntime's memory arena off: each run of the detector over a whole page then asks the
    system for its gigabyte of buffers afresh (on the 992×1419 scan in ../shared, whose detection runs
    at 2.5×: 2.4–4 million page faults and 4–7 s of system time a first run). With the arena, no busy-waiting threads (the machine is shared with
    the cutter, the tagger or other pages), and `threads` threads a run (0: one a core): the
    detector makes one large run a page, the recogniser many small ones, which `_recognise`
    spreads over the cores itself. Where the session cannot be rebuilt it stays as it is."""
    import onnxruntime as ort
    old = part.session
    path = getattr(old, "_model_path", None)
    if not isinstance(path, str):
        return
    o = ort.SessionOptions()
    o.log_severity_level = 4
    o.enable_cpu_mem_arena = True
    o.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    o.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if threads:
        o.intra_op_num_threads = threads
    # the arena grows by what a run asks for, not to the next power of two (as RapidOCR sets it)
    part.session = ort.InferenceSession(path, o, providers=[("CPUExecutionProvider",
                                                             {"arena_extend_strategy": "kSameAsRequested"})])


def read_image(path: Path, settings: Settings) -> Iterator[Page]:
    binary_limit(path, settings)
    from PIL import Image, ImageSequence, UnidentifiedImageError
    bad = "not a readable image (damaged, or not PNG/JPEG/TIFF): export or download the page again"
    try:
        with warnings.catch_warnings():
            # Pillow warns (two lines on stderr) above its own bound; MAX_PIXELS is checked below
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(path)
    except Image.DecompressionBombError:
        raise TooLarge(f"the image has more than {2 * Image.MAX_IMAGE_PIXELS / 1e6:.0f} Mpx, too many to be a "
                       f"page (at most {MAX_PIXELS / 1e6:.0f}): scan at 300 dpi or less, or cut it into pages") from None
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
            page = page_from_image(frame, source, settings)
            page.image = replace(page.image, path=str(path.resolve()), page=k + 1)
            yield page


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
    import numpy as np
    rule = ink.top_rule(ink.ink_mask(np.asarray(gray)))
    page = page_from_lines(lines, float(w), float(h), source, OCR_PARAMS, ruled=float(rule or 0))
    page.image = PageImage("image", "", 1, float(w), float(h), "px")
    return page


def ocr_lines(gray) -> list[Line]:
    """Recognised lines of a greyscale PIL image, in page coordinates: the text detector runs once
    over the whole page (its blank margins cut off) at a scale where a character is about
    DET_HEIGHT pixels tall; each box is split where its ink parts by a gutter (ink.pieces) and each
    piece is recognised once, from the page at its own resolution, with the ink around it blanked."""
    import numpy as np
    a = np.asarray(gray)
    mask = ink.ink_mask(a)
    if not mask.any():
        return []
    eng = engine()
    boxes, th = _detect(eng, a, mask)
    found = ink.unique(ink.joined(ink.unique([p for box in boxes for p in ink.pieces(mask, box, th)]), th))
    crops = [_crop(a, mask, p) for p in found]
    if not crops:
        return []
    results = _recognise(eng, [np.ascontiguousarray(np.repeat(c[:, :, None], 3, axis=2)) for c, _ in crops])
    lines: list[Line] = []
    upright: list[Line] = []
    for p, (crop, left), r in zip(found, crops, results):
        if float(r[1]) < TEXT_SCORE:
            continue
        text = r[0] if p.vertical else _spaced_text(r[0], _char_xs(r[2], crop.shape[1], left), ink.gaps(mask, p))
        text = text.strip()
        if not text:
            continue
        kind = "logo" if 2 <= units(text) <= LOGO_UNITS and ink.grounded(mask, p) else ""
        if p.vertical:
            upright.append(Line(float(p.x0), float(p.y0), float(p.x1), float(p.y1),
                                (p.y1 - p.y0) / max(1.0, units(text)), text, kind))
        else:
            pad = PAD * p.em
            lines.append(Line(float(p.x0), p.y0 - pad, float(p.x1), p.y1 + pad, p.em, text, kind))
    lines = sized(lines) if lines else []
    lines = lines + [placed(v, lines) for v in upright]
    return _with_photos(a, lines, [(p.x0, p.y0, p.x1, p.y1) for p in found if p.vertical], th) if lines else []


def _with_photos(a, lines: list[Line], upright: list[tuple[int, int, int, int]], th: float) -> list[Line]:
    """The lines and the page's photos (ink.photos) as image lines `![]()` of no type size, as the
    PDF reader gives a picture: the lines whose middle stands inside a photo are left out (words
    in the picture, or its texture misread)."""
    import numpy as np
    boxes = [(int(l.x0), int(l.y0), int(np.ceil(l.x1)), int(np.ceil(l.y1))) for l in lines] + upright
    found = ink.photos(a, boxes, th)
    if not found:
        return lines
    def inside(l: Line) -> bool:
        x, y = (l.x0 + l.x1) / 2, (l.y0 + l.y1) / 2
        return any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in found)
    kept = [l for l in lines if not inside(l)]
    if not kept:
        return []   # nothing but pictures: no text to read (NoTextLayer), not a page of photos alone
    return kept + [Line(float(x0), float(y0), float(x1), float(y1), 0.0, "![]()")
                                                  for x0, y0, x1, y1 in found]


def _recognise(eng, images: list) -> list:
    """What the recogniser reads in each image (text, score, the decoding steps): the images in
    batches of the engine's own size (rec_batch_num) of like width (as the engine batches them: narrow and wide lines apart,
    little padding), the batches run side by side on the machine's cores, one thread each (one
    small run spread over two threads waits on itself)."""
    import numpy as np
    order = np.argsort(np.array([im.shape[1] / float(im.shape[0]) for im in images])).tolist()
    size = eng.text_rec.rec_batch_num
    batches = [order[k:k + size] for k in range(0, len(order), size)]
    def read(batch: list[int]) -> list:
        return eng.text_rec([images[i] for i in batch], return_word_box=True)[0]
    workers = min(len(batches), _cores())
    if workers <= 1:
        done = [read(b) for b in batches]
    else:
        with ThreadPoolExecutor(workers) as pool:
            done = list(pool.map(read, batches))
    out: list = [None] * len(images)
    for batch, res in zip(batches, done):
        for i, r in zip(batch, res):
            out[i] = r
    return out


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _detect(eng, a, mask) -> tuple[list[tuple[int, int, int, int]], float]:
    """Text boxes (x0, y0, x1, y1) of the whole page from one run of the detector, and the page's
    type height in pixels (0 when unknown)."""
    import cv2
    import numpy as np
    h, w = a.shape
    ys, xs = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    m = 8
    top, bottom = max(0, int(ys[0]) - m), min(h, int(ys[-1]) + 1 + m)
    left, right = max(0, int(xs[0]) - m), min(w, int(xs[-1]) + 1 + m)
    th = ink.text_height(mask[top:bottom, left:right])
    s = min(DET_SCALE[1], max(DET_SCALE[0], DET_HEIGHT / (th or DET_HEIGHT)))
    s = min(s, (DET_PIXELS / ((bottom - top) * (right - left))) ** 0.5)
    sub = a[top:bottom, left:right]
    if abs(s - 1) > 0.05:
        sub = cv2.resize(sub, None, fx=s, fy=s, interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)
    else:
        s = 1.0
    boxes, _ = eng.text_det(np.ascontiguousarray(np.repeat(sub[:, :, None], 3, axis=2)))
    out = []
    for q in [] if boxes is None else boxes:
        x0, y0 = int(q[:, 0].min() / s) + left, int(q[:, 1].min() / s) + top
        x1, y1 = int(np.ceil(q[:, 0].max() / s)) + left + 1, int(np.ceil(q[:, 1].max() / s)) + top + 1
        out.append((max(0, x0), max(0, y0), min(w, x1), min(h, y1)))
    return out, th


def _crop(a, mask, p: ink.Piece):
    """The image the recogniser reads for one piece: its pixels on white with a margin (ink of the
    lines around it left out), and the page x of its first column; a vertical piece reflowed into
    a horizontal line."""
    import numpy as np
    if p.vertical:
        return ink.reflow(a, p, ink.cells(mask, p)), 0
    m = max(2, int(round(CROP_MARGIN * p.em)))
    c0, c1 = max(p.c0, p.x0 - m), min(p.c1, p.x1 + m)
    out = np.full((p.y1 - p.y0 + 2 * m, c1 - c0 + 2 * m), 255, dtype=a.dtype)
    out[m:m + p.y1 - p.y0, m:m + c1 - c0] = a[p.y0:p.y1, c0:c1]
    return out, c0 - m


def _char_xs(info, width: int, left: int) -> list[float]:
    """The page x of each recognised character, from the recogniser's decoding steps: `info` is
    what text_rec returns with return_word_box (the steps across this image, the step of each
    character); the steps are spread evenly over the image's width."""
    steps = float(info[0]) if info else 0.0
    cols = [c for word in (info[2] if info else []) for c in word]
    return [left + (c + 0.5) * width / steps for c in cols] if steps else []


def _spaced_text(text: str, xs: list[float], gaps: list[tuple[int, int]]) -> str:
    """The recognised text with a space where the ink parts widely between two characters (the
    recogniser often drops a printed space): at a wide gap (`gaps`), between the characters either
    side of it, when their centres stand a good deal further apart than the line's usual pitch (a
    small mark, ，or 1, leaves a wide gap in the ink but not in the pitch), and neither is
    punctuation nor the two are parts of a number."""
    if len(xs) != len(text) or len(xs) < 3 or not gaps:
        return text
    steps = sorted(b - a for a, b in zip(xs, xs[1:]))
    usual = steps[len(steps) // 2]
    cut: set[int] = set()
    for a, b in gaps:
        k = sum(x < (a + b) / 2 for x in xs)       # the characters left of the gap's middle
        if (0 < k < len(text) and xs[k - 1] <= a + 1 and xs[k] >= b - 1 and xs[k] - xs[k - 1] >= SPACE_PITCH * usual
                and _spaced(text[k - 1], text[k])):
            cut.add(k)
    return "".join((" " if k in cut else "") + c for k, c in enumerate(text))


def _spaced(a: str, b: str) -> bool:
    """May a gap between these two characters be a printed space? Not next to punctuation or a
    space, and not inside a number."""
    if a.isspace() or b.isspace() or unicodedata.category(a)[0] == "P" or unicodedata.category(b)[0] == "P":
        return False
    return not (a.isdigit() and (b.isdigit() or b in ".%")) and not (a == "." and b.isdigit())
