"""The archive: pages, articles and what was tagged in them, in SQLite (default) or PostgreSQL.

    arch = open_archive("jianbao.db")            # or "postgresql://user@host/db"
    arch.add(doc, page_text)                      # one page, one transaction, idempotent
    arch.search("衡山科学城 调研", Filters(section="要闻"))
    arch.logical(7)                               # an article with its continued parts joined
    arch.people("秦国文"); arch.events(Filters(type="调研"))

`Archive` is the one way to read the archive: the web pages and their API, the commands and the
archive exporters read through its methods, with one `Filters` (filters.py), and hold no SQL of
their own. The modules behind it (search, facets, people, browse) are its parts. Continued articles
are paired when a page is written (links.py) and their parts joined into one article here, in
`merge_parts`, and nowhere else.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Iterator

from ..model import Article, PageDoc, PageImage, PageMeta
from . import browse, columns, divisions, facets, facsimile, networks, people, reprints, spells
from .browse import IssuePage, PaperRow
from .divisions import PaperHome
from .db import ArchiveError, DB, connect, is_url, redact
from .facets import COUNT_UP_TO, FACETS, SORTS, FacetCounts, find, margin
from .filters import NAME_MAX, TEXT, FilterParam, Filters, Value, filter_fields
from .networks import Edge, Network, Node
from .people import EVENT_COLUMNS, Profile
from .reprints import Printing
from .schema import SCHEMA_VERSION, ensure
from .spells import SPELL_COLUMNS, Career, Spell
from .search import MAX_QUERY, Hit, QueryError, Ranking, _filters, count, date_bound, parse, search
from .write import write_page


@dataclass
class Part:
    """One stored part of a logical article: the article as cut on its page."""
    article_id: int
    page_id: int
    paper: str | None
    date: str | None
    page: str | None
    article: Article


@dataclass
class StoredPage:
    """A stored page: its metadata, text, page document (as stored) and each article's logical id."""
    page_id: int
    meta: PageMeta
    text: str
    doc: dict
    logical_ids: dict[int, int]        # the article's place on the page (seq) → its logical article


def merge_parts(parts: list[Article]) -> Article:
    """The parts of a continued article (上接/下转) as one article: the head of the first part that
    has a headline, the paragraphs, subheadings and events of every part in order, each person once
    with the titles of every part, each place and organisation once, the last part's jump onward."""
    if len(parts) == 1:
        return parts[0]
    whole = Article.from_dict(parts[0].to_dict(with_spans=True))
    head = next((a for a in parts if a.headline), whole)
    whole.kicker, whole.headline, whole.subheadline = head.kicker, head.headline, head.subheadline
    for p in parts[1:]:
        whole.paragraphs += p.paragraphs
        whole.subheadings += p.subheadings
        for x in p.persons:
            same = next((y for y in whole.persons if y.name == x.name), None)
            if same is None:
                whole.persons.append(replace(x, titles=list(x.titles)))
            else:
                same.titles += [t for t in x.titles if t not in same.titles]
        whole.places += [x for x in p.places if x not in whole.places]
        whole.orgs += [x for x in p.orgs if x not in whole.orgs]
        whole.events += p.events
    whole.continued_on = parts[-1].continued_on
    return whole


@dataclass
class LogicalArticle:
    """One article as a reader wants it: its continued parts (上接/下转) joined."""
    logical_id: int
    paper: str | None
    date: str | None
    pages: list[str]
    article: Article
    part_ids: list[int]
    parts: list[Part] = field(default_factory=list)
    story_id: int | None = None                                  # reprints.py: the story it prints
    printings: list[Printing] = field(default_factory=list)      # every printing of it, this one too


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
               sort: str = "relevance", collapse: bool = False) -> list[Hit]:
        """Hits best first, or by issue date (sort "newest" or "oldest"; facets.SORTS); `collapse`: one
        hit per story, however many papers printed it (Hit.printings says how many)."""
        if sort == "relevance":
            return search(self.db, query, filters, limit, offset, collapse)
        return find(self.db, query, filters, None, limit, offset, sort=sort, collapse=collapse)

    def count(self, query: str, filters: Filters = Filters()) -> int:
        return count(self.db, query, filters)

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("papers", "pages", "articles", "persons", "events", "places", "orgs"):
            out[table] = int(self.db.fetchone(f"SELECT count(*) FROM {table}")[0])
        return out

    def logical(self, logical_id: int) -> LogicalArticle | None:
        """An article with its continued parts joined (merge_parts), and the parts as cut."""
        rows = self.db.fetchall("SELECT id, page_id, seq, paper, date, page FROM articles WHERE logical_id=? "
                                "ORDER BY part", (logical_id,))
        if not rows:
            return None
        docs: dict[int, dict] = {}
        parts = []
        for aid, page_id, seq, paper, day, page in rows:
            doc = docs.get(page_id) or docs.setdefault(page_id, self._doc(page_id))
            parts.append(Part(int(aid), int(page_id), paper, day, page, Article.from_dict(doc["articles"][seq])))
        whole = merge_parts([p.article for p in parts])
        whole.place_refs = divisions.refs_of(self.db, [p.article_id for p in parts])  # as stored (version 7)
        story, printed = reprints.printings(self.db, logical_id)
        return LogicalArticle(logical_id, rows[0][3], rows[0][4], [r[5] or "" for r in rows],
                              whole, [p.article_id for p in parts], parts, story, printed)

    def logical_of(self, article_id: int) -> int | None:
        """The logical article that a stored article (any part) belongs to."""
        row = self.db.fetchone("SELECT logical_id FROM articles WHERE id=?", (article_id,))
        return int(row[0] or article_id) if row else None

    def _doc(self, page_id: int) -> dict:
        return json.loads(self.db.fetchone("SELECT doc FROM pages WHERE id=?", (page_id,))[0])

    def page(self, page_id: int) -> StoredPage | None:
        row = self.db.fetchone("SELECT paper, date, page, section, source, text, doc FROM pages WHERE id=?",
                               (page_id,))
        if not row:
            return None
        lids = {int(k): int(v or 0) for k, v in
                self.db.fetchall("SELECT seq, logical_id FROM articles WHERE page_id=?", (page_id,))}
        return StoredPage(page_id, PageMeta(*row[:5]), row[5] or "", json.loads(row[6]), lids)

    # ---- the page facsimile (facsimile.py) -------------------------------------------------
    def page_image(self, page_id: int) -> PageImage | None:
        """Where a PDF or scan page's picture is, and the frame of its regions (None: no picture)."""
        return facsimile.page_image(self.db, page_id)

    # ---- the search page: hits with a page section and an order, facets, a download's ids --------
    def ranking(self, query: str, filters: Filters = Filters()) -> Ranking:
        """The query's ranked walk, to share between the hits and the facet counts (facets.py)."""
        return Ranking(self.db, query, filters)

    def find(self, query: str | None, filters: Filters = Filters(), limit: int = 20, offset: int = 0,
             ranking: Ranking | None = None, sort: str = "relevance", collapse: bool = False) -> list[Hit]:
        """Hits of a query (none: every article, newest first), page section and order included;
        `collapse`: one hit per story (reprints.py)."""
        return find(self.db, query, filters, None, limit, offset, ranking, sort, collapse)

    def facets(self, query: str | None, filters: Filters = Filters(), limit: int = 10,
               exact_up_to: int = COUNT_UP_TO, walked: tuple[int, bool] | None = None) -> FacetCounts:
        """The search's total and the counts of each facet (paper, year, month … : facets.FACETS)."""
        return facets.facet_counts(self.db, query, filters, None, limit, exact_up_to, walked)

    def version(self) -> tuple | None:
        """What changes whenever a writer commits (SQLite: the file's and its log's size and time), for
        caches to key by; None where it is not known (PostgreSQL)."""
        return columns.stamp(self.db)

    def hold_facet_columns(self) -> None:
        """A serving process: read the columns that facets count by into memory now, in the background
        (SQLite; columns.py), rather than once the same searches' facets have been asked for."""
        columns.held(self.db, eager=True)

    def iter_logical(self, query: str | None, filters: Filters = Filters(), batch: int = 500) -> Iterator[list[int]]:
        """The matching logical articles' ids, in batches, each once (a download)."""
        return facets.iter_logical(self.db, query, filters, None, batch)

    # ---- people, activities, browsing -------------------------------------------------------
    def identities(self, name: str) -> list[list[int]]:
        """The person ids of each person called `name` (people.py: a name within a paper, namesakes
        joined when their titles overlap), without building their profiles."""
        return people.identities(self.db, name)

    def people(self, name: str, limit: int = 20) -> list[Profile]:
        """Everyone called `name` (one profile per person: people.py tells them apart)."""
        return [people.profile(self.db, ids, limit) for ids in people.identities(self.db, name)]

    def events(self, filters: Filters = Filters(), limit: int | None = None) -> list[dict]:
        """Activity records (EVENT_COLUMNS), newest first."""
        return people.events(self.db, filters, limit)

    def careers(self, filters: Filters = Filters(), person_ids: list[int] | None = None) -> list[Career]:
        """Career spells (spells.py) of every person titled in the filtered articles, or of one person."""
        return spells.careers(self.db, filters, person_ids)

    def network(self, filters: Filters = Filters(), ego: list[int] | None = None) -> Network:
        """Who took part in the filtered activities together (networks.py); `ego`: these persons'
        network only."""
        return networks.network(self.db, filters, ego)

    def papers(self) -> list[PaperRow]:
        return browse.papers(self.db)

    @staticmethod
    def division_name(code: str | None) -> str | None:
        """The name of the administrative division a code names (430400 → 衡阳市), or None."""
        return divisions.division_name(code)

    def paper_homes(self) -> list[PaperHome]:
        """Each paper's home region, as its name and its articles say (divisions.py)."""
        return divisions.homes(self.db)

    def unnamed_pages(self) -> int:
        return browse.unnamed_pages(self.db)

    def issue_dates(self, paper: str) -> list[tuple[str, int]]:
        return browse.issue_dates(self.db, paper)

    def issue_pages(self, paper: str, day: str) -> list[IssuePage]:
        return browse.issue_pages(self.db, paper, day)

    def logical_ids(self, filters: Filters = Filters()) -> Iterator[int]:
        where, args = _filters(filters)
        rows = self.db.fetchall("SELECT DISTINCT a.logical_id, a.date FROM articles a WHERE 1=1" + where +
                                " ORDER BY a.date, a.logical_id", args)
        for r in rows:
            yield int(r[0])

    def page_docs(self, filters: Filters = Filters()) -> Iterator[dict]:
        """Stored page documents holding an article that passes the filters, by date; each article
        marked with the story it prints (`story_id`, None if no other paper or page printed it) and its
        number of `printings` (reprints.py)."""
        where, args = _filters(filters)
        sql = ("SELECT p.id, min(p.date), min(p.paper) FROM pages p JOIN articles a ON a.page_id = p.id "
               "WHERE 1=1" + where + " GROUP BY p.id ORDER BY 2, 3, 1")
        for pid, _, _ in self.db.fetchall(sql, args):
            doc = json.loads(self.db.fetchone("SELECT doc FROM pages WHERE id=?", (pid,))[0])
            marks = reprints.page_marks(self.db, int(pid))
            for seq, a in enumerate(doc.get("articles") or []):
                a["story_id"], a["printings"] = marks.get(seq, (None, 1))
            yield doc

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


__all__ = ["Archive", "ArchiveError", "Career", "COUNT_UP_TO", "Edge", "EVENT_COLUMNS", "FACETS", "FacetCounts", "MAX_QUERY", "SORTS",
           "margin", "parse", "FilterParam", "Filters", "NAME_MAX", "TEXT", "Value", "filter_fields",
           "Hit", "IssuePage", "LogicalArticle", "Network", "Node", "SPELL_COLUMNS", "Spell",
           "PaperRow", "Part", "Printing", "Profile", "QueryError", "Ranking", "SCHEMA_VERSION", "StoredPage", "date_bound",
           "merge_parts", "open_archive"]
