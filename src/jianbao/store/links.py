"""Continuations in the archive: the parts of one article on several pages of an issue become one
logical article (`logical_id`, the first part's id; `part`, 1, 2, … in the article's order).

Which part continues which is the cut's rule (cut/continuations.py, `pair_parts`: the jump lines'
page numbers, then the headlines); this module only gathers the stored parts and records the
pairs. Two ways in: `link_issue` pairs the parts of a dated issue by their printed page numbers,
whatever order the pages came in; `link_ids` follows the links `jianbao cut` made
(`continued_on_id`, `continued_from_id`: the pages of one PDF, with or without a paper and a date),
either part stored first.
"""
from __future__ import annotations

from ..cut.continuations import Part, pair_parts
from ..model import PageDoc
from .db import DB


def link_issue(db: DB, issue_id: int) -> None:
    rows = db.fetchall(
        "SELECT a.id, a.page, a.seq, a.headline, a.continued_from, a.continued_on FROM articles a "
        "JOIN pages p ON p.id = a.page_id WHERE p.issue_id=? ORDER BY a.id", (issue_id,))
    if not any(r[4] or r[5] for r in rows):
        return
    db.execute("UPDATE articles SET logical_id = id, part = 1 WHERE page_id IN "
               "(SELECT id FROM pages WHERE issue_id=?)", (issue_id,))

    def page_order(r: tuple) -> tuple:
        return (int(r[1]) if (r[1] or "").isdigit() else 10**6, r[2])

    # the issue's reading order: pages by their printed numbers, each page's parts as cut
    parts = sorted(rows, key=page_order)
    logical = {r[0]: (r[0], 1) for r in rows}
    for k, j in pair_parts([Part(r[1], r[3], r[4], r[5]) for r in parts]):
        root, part = logical[parts[k][0]]
        logical[parts[j][0]] = (root, part + 1)
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
