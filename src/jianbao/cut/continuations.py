"""Continued articles: which part of an issue continues which. The one rule, used by the cut (the
pages of one PDF, `link_continuations`) and by the archive (the stored pages of a dated issue,
store/links.py, which gathers the stored parts and calls `pair_parts`).

A part that says "下转第3版" (its `continued_on`, from the jump line) on page 1 is continued by a
part on page 3 that says "上接第1版" (its `continued_from`): the page numbers must answer each other,
compared as numbers ("A3", "第3版" and "3" are page 3). Among the parts that do, the one whose
headline shares most characters with the first part's wins (a continued part often repeats its
headline), then the first in the issue's reading order; each part continues at most one and is
continued by at most one.

In a page document each part keeps the spec's `continued_from` / `continued_on` (page numbers);
linking adds `continued_from_id` / `continued_on_id`, the id of the part on the other page.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import PageDoc
from .meta import page_number


@dataclass(frozen=True)
class Part:
    """One article part as the pairing sees it."""
    page: str | None              # the page it is on, as printed ("3", "A3"); None if not known
    headline: str | None
    continued_from: str | None    # the page its 上接 line names, as printed
    continued_on: str | None      # the page its 转 line names, as printed
    has_previous: bool = False    # its earlier part is known already: it is not paired again
    has_next: bool = False        # its next part is known already: it is not paired again


def _number(printed: str | None) -> str:
    return page_number(printed) if printed else ""


def _shared(a: str | None, b: str | None) -> int:
    """Characters two headlines have in common (as multisets)."""
    if not a or not b:
        return 0
    return sum((Counter(a) & Counter(b)).values())


def pair_parts(parts: Sequence[Part]) -> list[tuple[int, int]]:
    """Which part continues which: (earlier, continuation) pairs of indexes into `parts`, an issue's
    parts in reading order (its pages in order, each page's parts in order). Pairs come in the
    order of their earlier parts."""
    pages = [_number(p.page) for p in parts]
    on_page: dict[str, list[int]] = {}
    for k, n in enumerate(pages):
        if n:
            on_page.setdefault(n, []).append(k)
    taken = {k for k, p in enumerate(parts) if p.has_previous}
    pairs = []
    for k, a in enumerate(parts):
        if not a.continued_on or a.has_next or not pages[k]:
            continue
        cands = [j for j in on_page.get(_number(a.continued_on), [])
                 if j != k and j not in taken and _number(parts[j].continued_from) == pages[k]]
        if not cands:
            continue
        # max keeps the first of equals: reading order breaks ties
        best = max(cands, key=lambda j: _shared(a.headline, parts[j].headline))
        taken.add(best)
        pairs.append((k, best))
    return pairs


def link_continuations(docs: list[PageDoc | None]) -> int:
    """Link the continued parts of an issue's pages in place; returns how many pairs were linked.

    `docs` are the issue's pages in order (None for a page that could not be cut, so that the
    others keep their places); a page without a printed number is numbered by its place, from 1.
    A part already linked (ids set) is left as it is.
    """
    arts = [(d.meta.page or str(k + 1), a) for k, d in enumerate(docs) if d is not None for a in d.articles]
    parts = [Part(page, a.headline, a.continued_from, a.continued_on,
                  has_previous=bool(a.continued_from_id), has_next=bool(a.continued_on_id)) for page, a in arts]
    pairs = pair_parts(parts)
    for k, j in pairs:
        a, b = arts[k][1], arts[j][1]
        a.continued_on_id, b.continued_from_id = b.id, a.id
    return len(pairs)
