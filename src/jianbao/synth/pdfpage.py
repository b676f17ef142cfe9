"""Synthetic e-paper pages: a generated page's gold articles printed into a PDF, and its scan as PNG.

    pdf, gold = pdf_page(seed)            # PDF bytes (text layer in a CJK font), gold page document
    png = png_page(pdf, dpi=200)          # the page rendered as a scanned image

Needs reportlab and a CJK TrueType font from the system (Debian: fonts-wqy-zenhei or fonts-noto-cjk);
`cjk_font()` is None when there is none, and callers skip. Some pages store their text lines in
row order across the whole page (as many real e-paper PDFs do) rather than in reading order, and
some print characters at compatibility code points (力 as U+F98A), to keep readers honest.
"""
from __future__ import annotations

import io
import random
from functools import lru_cache
from pathlib import Path

from .paper import Sheet, compat_map, plan_sheet

FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
)
FONT = "JianbaoCJK"


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """Register the first CJK font found with reportlab; its name, or None."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
    except ImportError:
        return None
    for path, index in FONT_CANDIDATES:
        if Path(path).exists():
            try:
                pdfmetrics.registerFont(TTFont(FONT, path, subfontIndex=index))
                return FONT
            except Exception:  # a font reportlab cannot embed (CFF outlines): try the next
                continue
    return None


@lru_cache(maxsize=1)
def _metrics():
    from reportlab.pdfbase import pdfmetrics
    font = pdfmetrics.getFont(FONT)
    widths: dict[str, float] = {}

    def unit(ch: str) -> float:
        w = widths.get(ch)
        if w is None:
            w = widths[ch] = pdfmetrics.stringWidth(ch, FONT, 1000) / 1000
        return w

    def measure(s: str, size: float) -> float:
        return sum(unit(c) for c in s) * size
    glyphs = font.face.charToGlyph
    return measure, compat_map(lambda cp: cp in glyphs)


def sheet(seed: int, gold: dict | None = None) -> Sheet:
    """The page of `generate_page(seed)` (or of the given gold page document) laid out."""
    if cjk_font() is None:
        raise RuntimeError("no CJK font: apt-get install fonts-wqy-zenhei")
    measure, compat = _metrics()
    return plan_sheet(seed, measure, compat, gold)


def draw(sh: Sheet, row_order: bool = False) -> bytes:
    """The sheet as a one-page PDF. row_order: text stored row by row across columns."""
    return draw_pages([(sh, row_order)])


def draw_pages(sheets: list[tuple[Sheet, bool]]) -> bytes:
    """Several sheets as the pages of one PDF (an issue), each with its row_order."""
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(sheets[0][0].width, sheets[0][0].height), invariant=1, pageCompression=1)
    for sh, row_order in sheets:
        c.setPageSize((sh.width, sh.height))
        _draw_page(c, sh, row_order)
        c.showPage()
    c.save()
    return buf.getvalue()


def _draw_page(c, sh: Sheet, row_order: bool) -> None:
    H = sh.height
    ops = list(sh.ops)
    if row_order:
        ops.sort(key=lambda o: (o.kind == "text", round(o.y), o.x))
    for op in ops:
        if op.kind == "rule":
            c.setLineWidth(op.h)
            c.line(op.x, H - op.y, op.x + op.w, H - op.y)
        elif op.kind == "rect":
            c.setLineWidth(0.7)
            c.rect(op.x, H - op.y - op.h, op.w, op.h, stroke=1, fill=0)
        elif op.kind == "photo":
            _photo(c, op, H)
        else:
            t = c.beginText()
            t.setTextOrigin(op.x, H - op.y)
            t.setFont(FONT, op.size)
            space = 0.0   # character spacing outlives a text object: set it every time
            if op.w and len(op.text) > 1:
                space = (op.w - _metrics()[0](op.text, op.size)) / (len(op.text) - 1)
            t.setCharSpace(space)
            if op.bold:
                t.setTextRenderMode(2)
                c.setLineWidth(op.size * 0.03)
            t.textOut(op.text)
            c.drawText(t)
            if op.bold:
                c.setLineWidth(1)


def _photo(c, op, H: float) -> None:
    """A photo as e-papers embed it: a raster image (grey shapes, no text in it)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    rng = random.Random(int(op.x * 31 + op.y))
    w, h = max(8, int(op.w)), max(8, int(op.h))
    img = Image.new("L", (w, h), 184)
    d = ImageDraw.Draw(img)
    for _ in range(6):
        r = rng.uniform(0.05, 0.2) * w
        x, y = rng.uniform(r, w - r), rng.uniform(r, max(r, h - r))
        d.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(70, 230))
    c.drawImage(ImageReader(img), op.x, H - op.y - op.h, op.w, op.h)


def pdf_page(seed: int) -> tuple[bytes, dict]:
    """PDF bytes and the gold page document (furniture as printed) for one synthetic page."""
    sh = sheet(seed)
    row_order = random.Random(seed).random() < 0.5
    gold = dict(sh.gold)
    gold["page"] = dict(gold["page"], source=f"synth-{seed:06d}.pdf")
    gold["layout"] = dict(sh.options, row_order=row_order)
    return draw(sh, row_order), gold


def png_page(pdf: bytes, dpi: int = 200) -> bytes:
    """Render the first page of a PDF to PNG (greyscale), as a scanner would give it."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(pdf)
    try:
        img = doc[0].render(scale=dpi / 72, grayscale=True).to_pil()
        out = io.BytesIO()
        img.save(out, format="PNG", dpi=(dpi, dpi))
        return out.getvalue()
    finally:
        doc.close()
