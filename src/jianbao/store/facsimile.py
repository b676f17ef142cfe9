"""The page facsimile in the archive (schema version 9): where each page's picture is, and where
each article is printed on it.

`page_images` holds, for a page read from a PDF or a scan, the file (absolute path), the page of
the PDF or frame of the TIFF, and the frame of the regions (width × height in points or pixels).
`article_regions` holds each article's rectangles in that frame (cut/regions.py). Pages from
markdown or a parser's JSON have neither. The web draws the picture from the file when asked (the
file is not copied into the archive: a moved file is reported, not a broken archive).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Box, PageImage
from .db import DB

DDL = (
    "CREATE TABLE IF NOT EXISTS page_images (page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE, "
    "kind TEXT NOT NULL, path TEXT NOT NULL, page_no INTEGER NOT NULL, width DOUBLE PRECISION NOT NULL, "
    "height DOUBLE PRECISION NOT NULL, unit TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS article_regions (article_id INTEGER NOT NULL REFERENCES articles(id) "
    "ON DELETE CASCADE, seq INTEGER NOT NULL, x0 DOUBLE PRECISION NOT NULL, y0 DOUBLE PRECISION NOT NULL, "
    "x1 DOUBLE PRECISION NOT NULL, y1 DOUBLE PRECISION NOT NULL, PRIMARY KEY (article_id, seq))",
)


@dataclass
class Region:
    """One rectangle of an article on its page: the article's place on the page (seq), its stored
    and logical ids, and the rectangle in the page image's frame."""
    seq: int
    article_id: int
    logical_id: int
    box: Box


def write_image(db: DB, page_id: int, image: PageImage | None) -> None:
    if image is not None and image.path:
        db.execute("INSERT INTO page_images(page_id, kind, path, page_no, width, height, unit) VALUES (?,?,?,?,?,?,?)",
                   (page_id, image.kind, image.path, image.page, image.width, image.height, image.unit))


def write_regions(db: DB, article_id: int, regions: list[Box]) -> None:
    if regions:
        db.executemany("INSERT INTO article_regions(article_id, seq, x0, y0, x1, y1) VALUES (?,?,?,?,?,?)",
                       [(article_id, k, *r) for k, r in enumerate(regions)])


def delete_page(db: DB, page_id: int) -> None:
    """What a page being replaced or removed leaves here (before its articles go)."""
    db.execute("DELETE FROM article_regions WHERE article_id IN (SELECT id FROM articles WHERE page_id=?)",
               (page_id,))
    db.execute("DELETE FROM page_images WHERE page_id=?", (page_id,))


def page_image(db: DB, page_id: int) -> PageImage | None:
    row = db.fetchone("SELECT kind, path, page_no, width, height, unit FROM page_images WHERE page_id=?", (page_id,))
    return PageImage(row[0], row[1], int(row[2]), float(row[3]), float(row[4]), row[5]) if row else None


def page_regions(db: DB, page_id: int) -> list[Region]:
    rows = db.fetchall("SELECT a.seq, a.id, a.logical_id, r.x0, r.y0, r.x1, r.y1 FROM article_regions r "
                       "JOIN articles a ON a.id = r.article_id WHERE a.page_id=? ORDER BY a.seq, r.seq", (page_id,))
    return [Region(int(s), int(a), int(lid or a), (float(x0), float(y0), float(x1), float(y1)))
            for s, a, lid, x0, y0, x1, y1 in rows]


def article_regions(db: DB, article_id: int) -> list[Box]:
    rows = db.fetchall("SELECT x0, y0, x1, y1 FROM article_regions WHERE article_id=? ORDER BY seq", (article_id,))
    return [(float(a), float(b), float(c), float(d)) for a, b, c, d in rows]
