"""How large a binary input (a PDF, a scanned image) may be, checked before it is opened.

Both pdf.py and image.py check it (a PDF page without a text layer is read through image.py's
OCR), so it lives here, below both.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import TooLarge
from ..settings import Settings

BINARY_FACTOR = 16      # PDFs and images may be this many times --max-mb (scans are large)


def binary_limit(path: Path, settings: Settings) -> None:
    size = path.stat().st_size
    limit = settings.max_bytes * BINARY_FACTOR
    if size > limit:
        raise TooLarge(f"too large ({size / 1048576:.1f} MB; PDFs and images may have "
                       f"{BINARY_FACTOR} × --max-mb = {limit / 1048576:.0f} MB): split it or raise --max-mb")
