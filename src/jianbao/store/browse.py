"""Browsing the archive as a reader browses a library's newspapers: the papers, a paper's issues
(the dates it has pages for), an issue's pages, a page's articles (then the page view).

    papers(db)                      → [PaperRow("衡阳日报", issues=3, pages=5, first="2020-03-02", last=…)]
    issue_dates(db, "衡阳日报")      → [("2020-03-02", 1), ("2021-07-31", 2), …]   # (date, pages)
    issue_pages(db, "衡阳日报", "2021-07-31") → [IssuePage(page_id, "1", "要闻", [(logical id, headline, kind)])]
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .db import DB


@dataclass
class PaperRow:
    name: str
    issues: int
    pages: int
    first: str | None
    last: str | None


@dataclass
class IssuePage:
    page_id: int
    page: str | None
    section: str | None
    articles: list[tuple[int, str | None, str]] = field(default_factory=list)   # (logical id, headline, kind)


def papers(db: DB) -> list[PaperRow]:
    """Every named paper, with its issues (dates with a page) and pages, by name."""
    rows = db.fetchall("SELECT paper, count(DISTINCT date), count(*), min(date), max(date) FROM pages "
                       "WHERE paper IS NOT NULL AND paper <> '' GROUP BY paper ORDER BY paper")
    return [PaperRow(r[0], int(r[1]), int(r[2]), r[3], r[4]) for r in rows]


def unnamed_pages(db: DB) -> int:
    """Pages stored with no paper's name (found from the search page, not by paper)."""
    return int(db.fetchone("SELECT count(*) FROM pages WHERE paper IS NULL OR paper = ''")[0])


def issue_dates(db: DB, paper: str) -> list[tuple[str, int]]:
    """The paper's issue dates, oldest first, each with its number of pages stored."""
    rows = db.fetchall("SELECT date, count(*) FROM pages WHERE paper=? AND date IS NOT NULL AND date <> '' "
                       "GROUP BY date ORDER BY date", (paper,))
    return [(r[0], int(r[1])) for r in rows]


def _page_order(page: str | None) -> tuple:
    return (0, int(page), "") if page and page.isdigit() else (1, 0, page or "")


def issue_pages(db: DB, paper: str, day: str) -> list[IssuePage]:
    """One issue's pages in page order, each with its articles in reading order."""
    got = {int(r[0]): IssuePage(int(r[0]), r[1], r[2]) for r in
           db.fetchall("SELECT id, page, section FROM pages WHERE paper=? AND date=?", (paper, day))}
    if not got:
        return []
    marks = ",".join("?" for _ in got)
    for pid, lid, aid, headline, kind in db.fetchall(
            f"SELECT page_id, logical_id, id, headline, kind FROM articles WHERE page_id IN ({marks}) "
            "ORDER BY page_id, seq", list(got)):
        got[int(pid)].articles.append((int(lid or aid), headline, kind))
    return sorted(got.values(), key=lambda p: (_page_order(p.page), p.page_id))
