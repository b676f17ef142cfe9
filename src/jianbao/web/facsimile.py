"""The page facsimile: a PDF or scan page's picture, drawn from its file when the page view asks.

A PDF page is rendered to PNG with pypdfium2 (its longer side RENDER_SIDE pixels); a PNG or JPEG scan
is served as it is; a TIFF frame (or any other picture) is converted to PNG, its longer side at most
RENDER_SIDE. Pictures are kept in memory, at most CACHE_BYTES of them, the least recently used
dropped first; a file changed since (its size or time) is drawn again. PDFium is not thread-safe,
so one render runs at a time. A file that is gone or unreadable raises `Missing` with a message
that says where it was looked for and what to do.
"""
from __future__ import annotations

import io
import threading
from collections import OrderedDict
from pathlib import Path

from ..model import PageImage

RENDER_SIDE = 1800        # pixels along the longer side of a rendered page
CACHE_BYTES = 64 << 20    # pictures kept in memory
SERVED_AS_IS = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


class Missing(Exception):
    """The page's file cannot be found or read (one line in English; messages.py has its Chinese)."""


_lock = threading.Lock()
_cache: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()
_held = 0


def missing(image: PageImage) -> Missing | None:
    """Why the picture cannot be shown now (its file is gone), or None."""
    if not Path(image.path).is_file():
        return Missing(f"the page's file {image.path} is not there any more (moved or deleted): put it back, "
                       "or ingest it again from where it is now")
    return None


def picture(image: PageImage) -> tuple[bytes, str]:
    """The page's picture and its media type; raises Missing."""
    global _held
    gone = missing(image)
    if gone:
        raise gone
    st = Path(image.path).stat()
    key = (image.path, image.page, st.st_size, st.st_mtime_ns)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
        try:
            got = _pdf(image) if image.kind == "pdf" else _scan(image)
        except Exception as e:  # noqa: BLE001 - a damaged or replaced file, whatever the library says
            raise Missing(f"the page's file {image.path} cannot be drawn ({type(e).__name__}): is it still "
                          "the file that was ingested?") from None
        _cache[key] = got
        _held += len(got[0])
        while _held > CACHE_BYTES and len(_cache) > 1:
            _, (data, _t) = _cache.popitem(last=False)
            _held -= len(data)
        return got


def _pdf(image: PageImage) -> tuple[bytes, str]:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(image.path)
    try:
        page = doc[image.page - 1]
        w, h = page.get_size()
        pil = page.render(scale=RENDER_SIDE / max(w, h, 1.0)).to_pil()
        page.close()
    finally:
        doc.close()
    return _png(pil), "image/png"


def _scan(image: PageImage) -> tuple[bytes, str]:
    path = Path(image.path)
    if path.suffix.lower() in SERVED_AS_IS and image.page == 1:
        return path.read_bytes(), SERVED_AS_IS[path.suffix.lower()]
    from PIL import Image
    with Image.open(path) as img:
        img.seek(image.page - 1)
        frame = img.convert("L" if img.mode in ("1", "L", "I;16") else "RGB")
    frame.thumbnail((RENDER_SIDE, RENDER_SIDE))
    return _png(frame), "image/png"


def _png(pil) -> bytes:
    buf = io.BytesIO()
    pil.save(buf, format="PNG", optimize=False)
    return buf.getvalue()
