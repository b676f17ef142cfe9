"""The page facsimile in the archive (schema version 9): where each page's picture is.

`page_images` holds, for a page read from a PDF or a scan, the file (absolute path), the page of
the PDF or frame of the TIFF, and the frame of the regions (width × height in points or pixels).
Each article's rectangles in that frame (cut/regions.py) stay where the cutter put them, in the
stored page document (`regions` of each article). Pages from markdown or a parser's JSON have
neither. The web draws the picture from the file when asked (the
file is not copied into the archive: a moved file is reported, not a broken archive).
"""
from __future__ import annotations

from ..model import PageImage
from .db import DB

DDL = (
    "CREATE TABLE IF NOT EXISTS page_images (page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE, "
    "kind TEXT NOT NULL, path TEXT NOT NULL, page_no INTEGER NOT NULL, width DOUBLE PRECISION NOT NULL, "
    "height DOUBLE PRECISION NOT NULL, unit TEXT NOT NULL)",
)


def write_image(db: DB, page_id: int, image: PageImage | None) -> None:
    if image is not None and image.path:
        db.execute("INSERT INTO page_images(page_id, kind, path, page_no, width, height, unit) VALUES (?,?,?,?,?,?,?)",
                   (page_id, image.kind, image.path, image.page, image.width, image.height, image.unit))


def delete_page(db: DB, page_id: int) -> None:
    """What a page being replaced or removed leaves here."""
    db.execute("DELETE FROM page_images WHERE page_id=?", (page_id,))


def page_image(db: DB, page_id: int) -> PageImage | None:
    row = db.fetchone("SELECT kind, path, page_no, width, height, unit FROM page_images WHERE page_id=?", (page_id,))
    return PageImage(row[0], row[1], int(row[2]), float(row[3]), float(row[4]), row[5]) if row else None
