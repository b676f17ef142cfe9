"""Synthetic newspaper pages with exact gold, for tests and benchmarks.

`generate_page(seed, style=None)` returns (page text as a document parser would emit it, gold page
document of shared/spec/page-json.md plus "column_breaks"); `generate_pages(n, seed=0)` yields them
lazily. All text is composed from jianbao's own word lists (`vocab`), never from real pages.
Standard library only; the same seed gives the same page.
"""
from ..baseline import naive_cut
from .layout import STYLES
from .page import generate_page, generate_pages

__all__ = ["generate_page", "generate_pages", "naive_cut", "STYLES"]
