"""E-paper PDF → one Page per printed page, from the PDF's text layer (pypdfium2).

Every character's box comes from PDFium; characters are strung into runs (same line, same size,
advancing, no wide gap), and the runs go to the layout analysis (`layout.py`), which orders them by
geometry alone. A page with no text layer (a scan saved as PDF) is rendered and OCR'd when the
`ocr` extra is installed, else it is reported with what to do.

Each page keeps its picture's whereabouts (`Page.image`: the PDF, the page number, its size in
points; in pixels of the render when it was OCR'd), in the frame of its blocks' boxes.

A PDF is read page by page: `iter_pdf` yields, in a bad page's place, an `Unreadable` (its source
`issue.pdf#p159` and the reason) and goes on with the next page, so one damaged, blank or unreadable
page costs only itself. Only whole-file problems (not a PDF, encrypted, no pages, too many) raise.
`read_pdf` is the strict form `read_pages` uses: it raises the first bad page's error.
"""
from __future__ import annotations

import ctypes
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from ..errors import (BlankPage, Corrupt, Encrypted, InputError, NoTextLayer, OcrUnavailable, TooLarge,
                      Unreadable)
from ..model import Page, PageImage
from ..settings import Settings
from .layout import page_from_lines
from .limits import binary_limit
from .lines import Line

MAX_PAGES = 2000
MIN_TEXT = 20           # fewer letters than this on a page: no text layer
OCR_DPI = 200
REOPEN_EVERY = 100      # pages read before the document is opened afresh: memory stays flat


def open_pdf(source):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    try:
        return pdfium.PdfDocument(source)
    except pdfium.PdfiumError as e:
        if e.err_code == raw.FPDF_ERR_PASSWORD:
            raise Encrypted("the PDF is encrypted with a password: save an unprotected copy "
                            "(e.g. qpdf --decrypt) and cut that") from None
        raise Corrupt("not a readable PDF (damaged or truncated): download it again or repair it "
                      "(e.g. qpdf in.pdf out.pdf)") from None


def iter_pdf(path: Path, settings: Settings, first: int = 0, stop: int | None = None
             ) -> Iterator[Page | Unreadable]:
    """Pages first+1 … stop of the PDF (all by default), in order; a page that cannot be read is
    an `Unreadable` in its place. Raises only for the whole file."""
    binary_limit(path, settings)
    doc = open_pdf(str(path))
    try:
        n = len(doc)
        if n == 0:
            raise Corrupt("the PDF has no pages")
        if n > MAX_PAGES:
            raise TooLarge(f"{n} pages (at most {MAX_PAGES}): split the PDF")
        for i in range(first, n if stop is None else min(stop, n)):
            if i > first and (i - first) % REOPEN_EVERY == 0:
                doc.close()     # PDFium keeps what it parsed (fonts, objects) while the document is open
                doc = open_pdf(str(path))
            got = _read_page(doc, i, f"{path.name}#p{i + 1}" if n > 1 else path.name, settings)
            if isinstance(got, Page) and got.image is not None:
                got.image = replace(got.image, kind="pdf", path=str(path.resolve()), page=i + 1)
            yield got
    finally:
        doc.close()


def pdf_page_count(path: Path) -> int:
    """How many pages the PDF has (it is opened, not read); a bad file raises as `iter_pdf` would."""
    doc = open_pdf(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def read_pdf(path: Path, settings: Settings) -> Iterator[Page]:
    """Every page of the PDF; the first page that cannot be read raises its error."""
    for page in iter_pdf(path, settings):
        if isinstance(page, Unreadable):
            raise page.error
        yield page


def _read_page(doc, i: int, source: str, settings: Settings) -> Page | Unreadable:
    import pypdfium2 as pdfium
    try:
        page = doc[i]
    except pdfium.PdfiumError:
        # found by fuzzing: a page tree that lists a page it cannot load
        return Unreadable(source, Corrupt(f"page {i + 1} of the PDF cannot be loaded (damaged file): "
                                          "repair it (e.g. qpdf in.pdf out.pdf) or download it again"))
    try:
        return pdf_page(page, source, settings)
    except pdfium.PdfiumError as e:
        return Unreadable(source, Corrupt(f"page {i + 1} of the PDF cannot be read ({e}): repair it "
                                          "(e.g. qpdf in.pdf out.pdf)"))
    except InputError as e:
        return Unreadable(source, e)
    finally:
        page.close()


def pdf_page(page, source: str, settings: Settings) -> Page:
    width, height = page.get_size()
    lines = text_lines(page, height)
    pictures = photos(page, width, height)
    if sum(sum(c.isalnum() for c in ln.text) for ln in lines) < MIN_TEXT:
        out = _little_text(page, lines, pictures, source, settings)
    else:
        out = page_from_lines(lines + pictures, width, height, source)
    if out.image is None:      # OCR'd, it is in the pixels of the render already
        out.image = PageImage("pdf", "", 0, round(width, 2), round(height, 2), "pt")
    return out


def _little_text(page, lines: list[Line], pictures: list[Line], source: str, settings: Settings) -> Page:
    """A page with (almost) no text layer. Nothing drawn on it at all: blank. Else it is OCR'd (a
    scan, or text drawn as shapes); when OCR finds nothing, or is not installed and the page holds
    no picture, the few characters of its text layer are the page (a page number, 本版无内容), so
    nothing is lost and the cutter says what they are."""
    import pypdfium2.raw as raw
    letters = any(c.isalnum() for ln in lines for c in ln.text)
    if not letters and raw.FPDFPage_CountObjects(page.raw) == 0:
        raise BlankPage("the page is blank (nothing printed on it): nothing to cut; if a viewer shows "
                        "text there, save the PDF again from its source")
    try:
        return _ocr_fallback(page, source, settings)
    except (NoTextLayer, OcrUnavailable) as e:
        if not letters or isinstance(e, OcrUnavailable) and pictures:
            raise
    width, height = page.get_size()
    return page_from_lines(lines + pictures, width, height, source)


def photos(page, width: float, height: float) -> list[Line]:
    """Pictures on the page (image objects of some size), as image lines `![](…)` like a parser's:
    a caption under a photo is then seen to be one."""
    import pypdfium2.raw as raw
    out: list[Line] = []
    n = raw.FPDFPage_CountObjects(page.raw)
    if n > 20000:
        return out
    left, bottom, right, top = (raw.FS_FLOAT() for _ in range(4))
    for i in range(n):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_IMAGE:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom),
                                         ctypes.byref(right), ctypes.byref(top)):
            continue
        x0, x1, y0, y1 = left.value, right.value, height - top.value, height - bottom.value
        if (x1 - x0) * (y1 - y0) >= 0.01 * width * height:
            out.append(Line(x0, y0, x1, y1, 0.0, "![]()"))
    return out


def _ocr_fallback(page, source: str, settings: Settings) -> Page:
    # image.py loads numpy (through ink.py): imported where a page needs OCR, so pdf.py loads none itself
    from .image import ocr_available, page_from_image
    if not ocr_available():
        raise OcrUnavailable("the PDF page has no text layer (a scan): install the OCR extra "
                             "(pip install 'jianbao[ocr]') to read it")
    scale = OCR_DPI / 72
    w, h = page.get_size()
    if w * h * scale * scale > 60e6:
        scale = (60e6 / (w * h)) ** 0.5
    img = page.render(scale=scale, grayscale=True).to_pil()
    try:
        return page_from_image(img, source, settings)
    except NoTextLayer:
        raise NoTextLayer("the PDF page has no text layer and OCR found no text on it: "
                          "is it a newspaper page, upright?") from None


def text_lines(page, height: float) -> list[Line]:
    """Runs of characters on one line, in the PDF's stream order (layout reorders them)."""
    import pypdfium2.raw as raw
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        if n <= 0:
            return []
        text = tp.get_text_range(0, n)
        h = tp.raw
        if len(text) != n:   # characters outside the BMP: ask for each one
            text = "".join(chr(raw.FPDFText_GetUnicode(h, i) or 32) for i in range(n))
        r = raw.FS_RECTF()
        box = raw.FPDFText_GetLooseCharBox
        out: list[Line] = []
        cur: list = []          # [x0, top, x1, bottom, size, chars]
        space = False
        for i, c in enumerate(text):
            if c.isspace() or c < " ":
                # a space printed on the line (not one PDFium made up) belongs to its run
                if cur and c in " \u3000\u00a0" and not raw.FPDFText_IsGenerated(h, i):
                    box(h, i, r)
                    cs = cur[4]
                    if abs(height - r.top - cur[1]) <= 0.3 * cs and 0 <= r.left - cur[2] + 0.3 * cs <= 1.3 * cs:
                        cur[2] = max(cur[2], r.right)
                        space = True
                continue
            box(h, i, r)
            x0, x1, top, bot = r.left, r.right, height - r.top, height - r.bottom
            size = bot - top
            if size <= 0:
                continue
            if cur:
                cs = cur[4]
                same = (abs(size - cs) <= 0.2 * cs and abs(top - cur[1]) <= 0.3 * cs
                        and x0 >= cur[2] - 0.3 * cs and x0 - cur[2] <= 1.0 * cs)
                if same:
                    if space or x0 - cur[2] >= 0.3 * cs:
                        cur[5].append(" ")
                    space = False
                    cur[5].append(c)
                    cur[2] = max(cur[2], x1)
                    cur[1], cur[3] = min(cur[1], top), max(cur[3], bot)
                    continue
                out.append(_line(cur, h))
            cur = [x0, top, x1, bot, size, [c], i]
            space = False
        if cur:
            out.append(_line(cur, h))
        return out
    finally:
        tp.close()


def _line(cur: list, tp) -> Line:
    """A run as a line; its size is the font size PDFium reports for its first character, unless
    that disagrees with the box (a font scaled by its text matrix), then the box height."""
    import pypdfium2.raw as raw
    x0, top, x1, bot = cur[0], cur[1], cur[2], cur[3]
    size = raw.FPDFText_GetFontSize(tp, cur[6])
    if not 0.6 <= (bot - top) / max(size, 1e-6) <= 1.8:
        size = bot - top
    return Line(x0, top, x1, bot, size, "".join(cur[5]))
