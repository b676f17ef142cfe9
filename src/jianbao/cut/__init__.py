"""Page → articles and furniture: line roles, column-break joins, segmentation, jumps, metadata, and
on a PDF or scan page where each article is printed (regions.py)."""
from __future__ import annotations

from ..errors import NoArticles
from ..model import Page, PageDoc
from ..settings import Settings
from .assemble import build
from .boundary import Model
from .meta import page_meta
from .regions import add_regions
from .segment import segment


def cut_page(page: Page, settings: Settings, model: Model | None = None) -> PageDoc:
    """Cut one page. Raises NoArticles when the page holds only furniture. `model` decides where
    articles start (default: the shipped one, cut/data/boundary.json)."""
    cut = segment(page, model)
    doc = build(page, cut, page.meta)
    doc.meta = page_meta(page.meta.source, doc.furniture, settings)
    doc.image = page.image
    add_regions(page, doc)
    if not doc.articles:
        kinds = sorted({f.kind for f in doc.furniture}) or ["nothing"]
        raise NoArticles(f"no articles: the page holds only furniture ({', '.join(kinds)})")
    if not any(a.headline for a in doc.articles):
        doc.warnings.append("no headline found: the text is kept as article(s) with headline null")
    return doc
