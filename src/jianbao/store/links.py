"""Continuations: parts of one article on two pages of an issue become one logical article.

"下转第3版" on page 1 and "上接第1版" on page 3 are paired; where a page holds several
continued parts, the one whose headline shares most characters with the first part wins
(a continued part often repeats its headline), then the first in reading order.

Two ways in: `link_issue` pairs the parts of a dated issue by their printed page numbers, whatever
order the pages came in; `link_ids` follows the links `jianbao cut` made (`continued_on_id`,
`continued_from_id`: the pages of one PDF, with or without a paper and a date), either part stored
first.
"""
from __future__ import annotations

from collections import Counter

from ..cut.meta import page_number
from ..model import PageDoc
from .db import DB


def _similar(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    return sum((Counter(a) & Counter(b)).values())


def link_issue(db: DB, issue_id: int) -> None:
    rows = db.fetchall(
        "SELECT a.id, a.page, a.seq, a.headline, a.continued_from, a.continued_on FROM articles a "
        "JOIN pages p ON p.id = a.page_id WHERE p.issue_id=? ORDER BY a.id", (issue_id,))
    if not any(r[4] or r[5] for r in rows):
        return
    db.execute("UPDATE articles SET logical_id = id, part = 1 WHERE page_id IN "
               "(SELECT id FROM pages WHERE issue_id=?)", (issue_id,))
    logical = {r[0]: (r[0], 1) for r in rows}
    taken: set[int] = set()

    def num(printed: str | None) -> str:
        return page_number(printed) if printed else ""

    def page_order(r: tuple) -> tuple:
        return (int(r[1]) if (r[1] or "").isdigit() else 10**6, r[2])

    for a in sorted(rows, key=page_order):
        aid, page, _, headline, _, on = a
        if not on:
            continue
        # a jump names a lettered page as printed (转A3版: "A3"), the page's number is "3"
        cands = [r for r in rows if num(r[1]) == num(on) and num(r[4]) == num(page)
                 and r[0] not in taken and r[0] != aid]
        if not cands:
            continue
        best = max(cands, key=lambda r: (_similar(headline, r[3]), -page_order(r)[1]))
        taken.add(best[0])
        root, part = logical[aid]
        logical[best[0]] = (root, part + 1)
    for aid, (root, part) in logical.items():
        if root != aid:
            db.execute("UPDATE articles SET logical_id=?, part=? WHERE id=?", (root, part, aid))
    # chains (p1 → p3 → p5): a part linked later may have been a root itself
    changed = True
    while changed:
        changed = False
        for aid, (root, part) in list(logical.items()):
            r2, p2 = logical[root]
            if r2 != root:
                logical[aid] = (r2, p2 + part - 1)
                db.execute("UPDATE articles SET logical_id=?, part=? WHERE id=?", (r2, p2 + part - 1, aid))
                changed = True


def _join(db: DB, head_uid: str, tail_uid: str) -> None:
    """The chain of parts that `tail_uid` heads goes on after the part `head_uid` (both stored)."""
    head = db.fetchone("SELECT logical_id, part FROM articles WHERE uid=?", (head_uid,))
    tail = db.fetchone("SELECT logical_id, part FROM articles WHERE uid=?", (tail_uid,))
    if not head or not tail or head[0] == tail[0]:
        return
    (root, part), (other, first) = head, tail
    db.execute("UPDATE articles SET logical_id=?, part = part + ? WHERE logical_id=? AND part >= ?",
               (root, part + 1 - first, other, first))


def link_ids(db: DB, doc: PageDoc) -> None:
    """Join the page's continued parts to their other parts already stored, by the ids the cut gave."""
    for a in doc.articles:
        if a.continued_from_id:
            _join(db, a.continued_from_id, a.id)
        if a.continued_on_id:
            _join(db, a.id, a.continued_on_id)
