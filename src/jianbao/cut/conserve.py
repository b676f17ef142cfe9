"""Nothing lost: check by offsets that every letter and digit of a page has exactly one owner."""
from __future__ import annotations

from ..model import PageDoc, Page, Span


def owners(doc: PageDoc) -> list[tuple[Span, str]]:
    out: list[tuple[Span, str]] = []
    for n, a in enumerate(doc.articles):
        for field, spans in a.spans.items():
            out.extend((s, f"articles[{n}].{field}") for s in spans)
    for n, f in enumerate(doc.furniture):
        out.extend((s, f"furniture[{n}]") for s in f.spans)
    return out


def check(page: Page, doc: PageDoc) -> tuple[list[int], list[int]]:
    """Offsets of alphanumeric characters with no owner, and with more than one."""
    count = [0] * (len(page.text) + 1)
    for (a, b), _ in owners(doc):
        for i in range(a, b):
            count[i] += 1
    lost = [i for i, c in enumerate(page.text) if c.isalnum() and count[i] == 0]
    twice = [i for i, c in enumerate(page.text) if c.isalnum() and count[i] > 1]
    return lost, twice
