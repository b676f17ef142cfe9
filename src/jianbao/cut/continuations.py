"""Continued articles across the pages of one issue (a multi-page PDF): the part that says
"下转第3版" on page 1 and the part that says "上接第1版" on page 3 are linked by their ids.

Each part keeps the spec's `continued_from` / `continued_on` (page numbers); linking adds
`continued_from_id` / `continued_on_id`, the id of the part on the other page. The pairing is the
archive's (store/links.py): among the parts on the named page that say they come from this page,
the one whose headline shares most characters with this part's wins (a continued part often
repeats its headline), then the first in reading order; each part is taken once.
"""
from __future__ import annotations

from collections import Counter

from ..model import Article, PageDoc
from .meta import page_number


def _shared(a: str | None, b: str | None) -> int:
    """Characters two headlines have in common (as multisets)."""
    if not a or not b:
        return 0
    return sum((Counter(a) & Counter(b)).values())


def _number(doc: PageDoc, position: int) -> str:
    """The page's number: as printed (page metadata), else its place in the issue, from 1."""
    return page_number(doc.meta.page or str(position + 1))


def link_continuations(docs: list[PageDoc | None]) -> int:
    """Link the continued parts of an issue's pages in place; returns how many pairs were linked.

    `docs` are the issue's pages in order (None for a page that could not be cut, so that the
    others keep their places). A part already linked (ids set) is left as it is.
    """
    pages = [(_number(d, k), d) for k, d in enumerate(docs) if d is not None]
    by_page: dict[str, list[Article]] = {}
    for n, d in pages:
        by_page.setdefault(n, []).extend(d.articles)
    linked = 0
    for n, d in pages:
        for a in d.articles:
            if not a.continued_on or a.continued_on_id:
                continue
            # a jump names a lettered page as printed (转A3版: "A3"), the page's number is "3"
            target = page_number(a.continued_on)
            cands = [b for b in by_page.get(target, []) if b is not a and not b.continued_from_id
                     and page_number(b.continued_from or "") == n]
            if not cands:
                continue
            # max keeps the first of equals: reading order breaks ties
            best = max(cands, key=lambda b: _shared(a.headline, b.headline))
            a.continued_on_id, best.continued_from_id = best.id, a.id
            linked += 1
    return linked
