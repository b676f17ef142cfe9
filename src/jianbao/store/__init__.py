"""The archive: pages, articles and what was tagged in them, in SQLite (default) or PostgreSQL.

    arch = open_archive("jianbao.db")            # or "postgresql://user@host/db"
    arch.add(doc, page_text)                      # one page, one transaction, idempotent
    arch.search("衡山科学城 调研")
    arch.person("秦国文"); arch.events(Filters(type="调研"))
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterator

from ..model import Article, PageDoc
from .db import ArchiveError, DB, connect, is_url, redact
from .schema import SCHEMA_VERSION, ensure
from .search import Filters, Hit, QueryError, count, search
from .write import write_page


@dataclass
class LogicalArticle:
    """One article as a reader wants it: its continued parts (上接/下转) joined."""
    logical_id: int
    paper: str | None
    date: str | None
    pages: list[str]
    article: Article
    part_ids: list[int]


class Archive:
    def __init__(self, db: DB, where: str):
        self.db = db
        self.where = where
        ensure(db, where)

    # ---- writing -----------------------------------------------------------------------
    def add(self, doc: PageDoc, page_text: str) -> str:
        """Store one page document: "added", "replaced" or "unchanged"."""
        if self.db.readonly:
            raise ArchiveError(f"{self.where}: the archive is read-only")
        try:
            return write_page(self.db, doc, page_text)
        except ArchiveError:
            raise
        except Exception as e:  # noqa: BLE001 - database errors of either backend, made readable
            raise ArchiveError(storage_error(self.where, e)) from e

    def has_sha1(self, sha1: str) -> bool:
        return self.db.fetchone("SELECT 1 FROM pages WHERE sha1=?", (sha1,)) is not None

    # ---- reading -------------------------------------------------------------------------
    def search(self, query: str, filters: Filters = Filters(), limit: int = 20, offset: int = 0,
               sort: str = "relevance") -> list[Hit]:
        """Hits best first, or by issue date (sort "newest" or "oldest"; facets.SORTS)."""
        if sort == "relevance":
            return search(self.db, query, filters, limit, offset)
        from .facets import find
        return find(self.db, query, filters, None, limit, offset, sort=sort)

    def count(self, query: str, filters: Filters = Filters()) -> int:
        return count(self.db, query, filters)

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("papers", "pages", "articles", "persons", "events", "places", "orgs"):
            out[table] = int(self.db.fetchone(f"SELECT count(*) FROM {table}")[0])
        return out

    def logical(self, logical_id: int) -> LogicalArticle | None:
        rows = self.db.fetchall(
            "SELECT a.id, a.uid, a.kind, a.kicker, a.headline, a.subheadline, a.byline, a.dateline, "
            "a.continued_from, a.continued_on, a.paper, a.date, a.page FROM articles a "
            "WHERE a.logical_id=? ORDER BY a.part", (logical_id,))
        if not rows:
            return None
        parts = [self._article(r[0]) for r in rows]
        whole = parts[0]
        for p in parts[1:]:
            whole.paragraphs += p.paragraphs
            whole.subheadings += p.subheadings
            whole.persons += [x for x in p.persons if x.name not in {y.name for y in whole.persons}]
            whole.places += [x for x in p.places if x not in whole.places]
            whole.orgs += [x for x in p.orgs if x not in whole.orgs]
            whole.events += p.events
            whole.headline = whole.headline or p.headline
        whole.continued_on = parts[-1].continued_on if len(parts) > 1 else whole.continued_on
        return LogicalArticle(logical_id, rows[0][10], rows[0][11], [r[12] or "" for r in rows], whole,
                              [r[0] for r in rows])

    def _article(self, aid: int) -> Article:
        page_id, seq = self.db.fetchone("SELECT page_id, seq FROM articles WHERE id=?", (aid,))
        doc = json.loads(self.db.fetchone("SELECT doc FROM pages WHERE id=?", (page_id,))[0])
        return Article.from_dict(doc["articles"][seq])

    def logical_ids(self, filters: Filters = Filters()) -> Iterator[int]:
        from .search import _filters
        where, args = _filters(filters)
        rows = self.db.fetchall("SELECT DISTINCT a.logical_id, a.date FROM articles a WHERE 1=1" + where +
                                " ORDER BY a.date, a.logical_id", args)
        for r in rows:
            yield int(r[0])

    def page_docs(self, filters: Filters = Filters()) -> Iterator[dict]:
        """Stored page documents holding an article that passes the filters, by date."""
        from .search import _filters
        where, args = _filters(filters)
        sql = ("SELECT p.id, min(p.date), min(p.paper) FROM pages p JOIN articles a ON a.page_id = p.id "
               "WHERE 1=1" + where + " GROUP BY p.id ORDER BY 2, 3, 1")
        for pid, _, _ in self.db.fetchall(sql, args):
            yield json.loads(self.db.fetchone("SELECT doc FROM pages WHERE id=?", (pid,))[0])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def storage_error(where: str, e: Exception) -> str:
    """One line for a failed write: what happened and what to do. The page was not stored."""
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    low = text.lower()
    if "full" in low or "no space" in low:
        return f"{where}: the disk is full ({text}); free space and run the same command again"
    if "readonly" in low or "read-only" in low or "read only" in low:
        return f"{where}: the archive cannot be written ({text}); give a writable --db"
    if "locked" in low or "busy" in low:
        return f"{where}: the archive is locked by another writer ({text}); wait and run again"
    return f"{where}: storing the page failed ({text}); run the same command again"


def open_archive(target: str, readonly: bool = False) -> Archive:
    where = redact(target) if is_url(target) else target
    return Archive(connect(target, readonly), where)


__all__ = ["Archive", "ArchiveError", "Filters", "Hit", "LogicalArticle", "QueryError", "SCHEMA_VERSION",
           "open_archive"]
