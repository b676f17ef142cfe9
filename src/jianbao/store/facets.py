"""Facet counts for a search, and search with the extras a browser needs (no query; a page section).

    facet_counts(db, "调研", Filters(paper="衡阳日报"))
    → FacetCounts(total=12, counts={"paper": [("衡阳日报", 12)], "year": [("2021", 12)],
       "month": [("2021-08", 7), …], "section": […], "type": [("调研", 12), …], "person": […], "place": […]})

Counts are of stored articles (a continued article counts once per part it has on a page) that match
the query and every filter. An empty query means "every article", so the same calls browse the archive.
One SQL statement computes all facets over the matching set, in both backends, exactly for up to
COUNT_UP_TO matches; for a more common query they are estimated from a systematic sample of the
matches, and say so with their error bound (`margin`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator
from math import sqrt

from . import columns
from .db import DB
from .index import SAMPLE, scrambled
from .reprints import grouper
from .search import (Filters, Hit, QueryError, Ranking, _filters, _fts5, _tsquery, articles_join, fts_match, has,
                     hits, one_per_article, parse, rank_sql)

FACETS = ("paper", "year", "month", "kind", "section", "type", "person", "place")


def matching(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None,
             every: int = 1, scored: bool = False, bare: bool = False) -> tuple[str, list, str]:
    """(FROM … WHERE … selecting the matching articles as `a`, its arguments, a score expression: higher
    is better, "0.0" unless `scored` (a query of several phrases costs a count of each in SQLite));
    every > 1 keeps a systematic sample: the matches whose scrambled id is a multiple of `every`
    (in SQLite a multiple of SAMPLE is read from the sample index, which holds just those articles).
    In SQLite a query's filters are checked in the full-text index where they can be (keys.py); `bare`:
    where none is left for SQL, the index alone, no article row joined (for a count: each row of the
    index is a stored article's, write.py)."""
    filters = replace(filters, section=section or filters.section)   # the page section: a filter, or given apart
    fts = query and query.strip() and db.dialect == "sqlite"
    if fts:
        terms = parse(query)
        match, filters = fts_match(db, terms, filters)   # the index checks the section
    where, args = _filters(filters)
    index = "article_fts_sample" if fts and every % SAMPLE == 0 and has(db, "article_fts_sample") else "article_fts"
    if every > 1:   # on the index's own rowid in SQLite, so that unsampled rows are never read
        where = f" AND {scrambled(f'{index}.rowid' if fts else 'a.id')} % {int(every)} = 0" + where
    if not query or not query.strip():
        return "FROM articles a WHERE 1=1" + where, args, "0.0"
    if fts and bare and not filters_left(filters):
        return f"FROM {index} WHERE {index} MATCH ?" + where, [match, *args], "0.0"
    if fts:
        return (f"FROM {index}{articles_join(db, index)} WHERE {index} MATCH ?" + where,
                [match, *args], ("-" + rank_sql(db, index, terms)) if scored else "0.0")
    terms = parse(query)
    return ("FROM articles a WHERE a.tsv @@ to_tsquery('simple', ?)" + where, [_tsquery(terms), *args],
            "ts_rank_cd(a.tsv, to_tsquery('simple', ?))")


def filters_left(filters: Filters) -> bool:
    """Whether any filter is to be checked in SQL."""
    return bool(_filters(filters)[0])


def _unfiltered(filters: Filters, section: str | None) -> bool:
    return filters == Filters() and not section


def count(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None) -> int:
    section = section or filters.section   # the page section: a filter, or given apart
    if query and query.strip() and db.dialect == "sqlite" and _unfiltered(filters, section):
        # the index alone: no article row is read
        return int(db.fetchone("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", (_fts5(parse(query)),))[0])
    frm, args, _ = matching(db, query, filters, section)
    return int(db.fetchone("SELECT count(*) " + frm, args)[0])


# A query's total (and every facet count) is exact while it matches at most this many articles: a walk
# of at most as many matches, with every filter; above, SQLite estimates the total over the sample index,
# as it does the facets, and PostgreSQL counts on. The same bound as the results served (10,000), so
# that every page of results the pager offers exists.
COUNT_UP_TO = 10_000


def reach(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None,
          walked: tuple[int, bool] | None = None) -> tuple[int, bool]:
    """(how many articles the query matches with its filters, whether that is exact): exact up to
    COUNT_UP_TO (and beyond, where no sample can stand in); above, in SQLite, an estimate from the
    sample index. `walked`: (matches seen, whether that was all) by a walk of the query with these
    filters already made (a Ranking's)."""
    section = section or filters.section   # the page section: a filter, or given apart
    if walked is not None and walked[1]:
        return walked[0], True
    if (not query or not query.strip()) and filters == Filters() and not section:
        return _articles(db), True
    frm, args, _ = matching(db, query, filters, section, bare=True)
    n = int(db.fetchone(f"SELECT count(*) FROM (SELECT 1 {frm} LIMIT ?) x", [*args, COUNT_UP_TO + 1])[0])
    if n <= COUNT_UP_TO:
        return n, True
    if db.dialect == "sqlite" and query and query.strip() and has(db, "article_fts_sample"):
        frm, args, _ = matching(db, query, filters, section, every=SAMPLE, bare=True)
        sampled = int(db.fetchone("SELECT count(*) " + frm, args)[0])
        return max(n, sampled * SAMPLE), False
    return int(db.fetchone("SELECT count(*) " + frm, args)[0]), True


def margin(count: int, every: int) -> int:
    """The 95% error bound of a count estimated as `every` times a systematic sample's count: about
    two standard errors of a binomial draw of 1 in `every` (0 for an exact count)."""
    if every <= 1 or count <= 0:
        return 0
    sampled = count / every
    return int(round(1.96 * every * sqrt(sampled * (1 - 1 / every)))) or 1


# CROSS JOIN (SQLite): the matches drive every join (left alone, the planner may walk the whole events
# table in type order and probe the matches for each row)
# An empty value ('') is the "unknown" bucket of its facet: the matches with no issue date, or with
# no activity recorded (counted like the others, exactly up to COUNT_UP_TO matches).
_FACET_SQL = """
WITH m AS (SELECT a.id, a.paper, coalesce(substr(a.date, 1, 7), '') AS month, a.section, a.kind {frm})
SELECT 'paper', paper, count(*) FROM m WHERE paper <> '' GROUP BY paper
UNION ALL SELECT 'month', month, count(*) FROM m GROUP BY month
UNION ALL SELECT 'kind', kind, count(*) FROM m GROUP BY kind
UNION ALL SELECT 'type', '', count(*) FROM m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = m.id)
UNION ALL SELECT 'section', section, count(*) FROM m WHERE section <> '' GROUP BY section
UNION ALL SELECT 'type', e.type, count(DISTINCT m.id) FROM m CROSS JOIN events e ON e.article_id = m.id GROUP BY e.type
UNION ALL SELECT 'person', p.name, count(DISTINCT m.id) FROM m CROSS JOIN mentions x ON x.article_id = m.id
  JOIN persons p ON p.id = x.person_id GROUP BY p.name
UNION ALL SELECT 'place', pl.name, count(DISTINCT m.id) FROM m CROSS JOIN article_places ap ON ap.article_id = m.id
  JOIN places pl ON pl.id = ap.place_id GROUP BY pl.name
"""


@dataclass
class FacetCounts:
    total: int                      # matching articles
    total_exact: bool
    every: int                      # 1: every count exact; k: counted over 1 match in k, then times k
    counts: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    @property
    def total_margin(self) -> int:
        """The total's 95% error bound (0: exact)."""
        return 0 if self.total_exact else margin(self.total, SAMPLE)


def facet_counts(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None,
                 limit: int = 10, exact_up_to: int = COUNT_UP_TO,
                 walked: tuple[int, bool] | None = None) -> FacetCounts:
    """Per facet, (value, number of matching articles): the `limit` largest (0: all), ties by value, and
    the unknown bucket (value '') last; years and months newest first (every year, the `limit` * 2
    newest months); "timeline": every month, oldest first.

    Exact while the query matches at most `exact_up_to` articles with its filters (`reach`, to which
    `walked` goes); above that, counted over a systematic sample of about `exact_up_to` matches and
    scaled (`every` > 1; `margin` bounds the error), so the cost stays flat."""
    section = section or filters.section   # the page section: a filter, or given apart
    n, known = reach(db, query, filters, section, walked)
    every = 1 if n <= exact_up_to else -(-n // exact_up_to)
    if not known:   # a common word in SQLite: its sample is read from the sample index
        every = SAMPLE * -(-every // SAMPLE)
    return FacetCounts(n, known, every, _facets(db, query, filters, section, every, limit))


def _facets(db: DB, query: str | None, filters: Filters, section: str | None, every: int,
            limit: int) -> dict[str, list[tuple[str, int]]]:
    """The facets over the matches (1 in `every` of them, scaled by `every`)."""
    got: dict[str, list[tuple[str, int]]] = {k: [] for k in FACETS}
    years: dict[str, int] = {}
    rows = _held_counts(db, query, filters, section, every)
    if rows is None:
        frm, args, _ = matching(db, query, filters, section, every)
        sql = _FACET_SQL.format(frm=frm)
        if db.dialect != "sqlite":   # CROSS JOIN … ON is SQLite's way to fix the join order only
            sql = sql.replace("CROSS JOIN", "JOIN")
        rows = db.fetchall(sql, args)
    for facet, value, k in rows:
        if int(k):
            got[facet].append((str(value), int(k) * every))
        if facet == "month":
            years[str(value)[:4]] = years.get(str(value)[:4], 0) + int(k) * every
    got["timeline"] = sorted(x for x in got["month"] if x[0])   # every month, oldest first
    got["year"] = _newest_first([x for x in years.items() if x[1]])
    months = _newest_first(got["month"])
    got["month"] = months[:limit * 2] + [x for x in months[limit * 2:] if not x[0]] if limit else months
    for k in ("paper", "kind", "section", "type", "person", "place"):
        got[k] = sorted(got[k], key=lambda x: (not x[0], -x[1], x[0]))
        if limit:
            got[k] = got[k][:limit] + [x for x in got[k][limit:] if not x[0]]   # the unknown bucket stays
    return got


def _held_counts(db: DB, query: str | None, filters: Filters, section: str | None,
                 every: int) -> list[tuple[str, str, int]] | None:
    """SQLite, a query: the facet rows of _FACET_SQL counted over the matches' ids with the columns a
    serving process holds (columns.py); None where they are not held."""
    if not (query and query.strip()) or db.dialect != "sqlite":
        return None
    cols = columns.held(db)
    if cols is None:
        return None
    frm, args, _ = matching(db, query, filters, section, every, bare=True)
    # the ids as one string: 10,000 of them cost 1 ms so, 2.4 ms as rows
    ids = db.fetchone(f"SELECT group_concat({frm.split()[1]}.rowid) {frm}", args)[0]
    return cols.counts(ids or "")


def _newest_first(items: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Years or months newest first, the unknown bucket ('') last."""
    known = sorted((x for x in items if x[0]), reverse=True)
    return known + [x for x in items if not x[0]]


def _articles(db: DB) -> int:
    return int(db.fetchone("SELECT count(*) FROM articles")[0])


SORTS = ("relevance", "newest", "oldest")
# by issue date; undated articles last either way (SQLite and PostgreSQL place NULL apart otherwise)
_BY_DATE = {"newest": "a.date IS NULL, a.date DESC, a.id DESC", "oldest": "a.date IS NULL, a.date, a.id"}


def find(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None,
         limit: int = 20, offset: int = 0, ranking: Ranking | None = None, sort: str = "relevance",
         collapse: bool = False) -> list[Hit]:
    """Like store.search.search, plus a page-section filter and an order (SORTS: best first, or by issue
    date); with no query, the newest articles first unless `sort` is "oldest".
    `ranking`: the query's Ranking (with these filters), where the caller has made it already.
    `collapse`: one hit per story (reprints.py), its printings counted in Hit.printings."""
    section = section or filters.section   # the page section: a filter, or given apart
    terms = parse(query) if query and query.strip() else []
    if sort not in SORTS:
        raise QueryError(f"sort={sort} is not an order: give one of {', '.join(SORTS)}")
    by_date = sort != "relevance" or not terms
    group = grouper(db) if collapse else None
    if terms and not section and not by_date:   # the store's ranking (common words: newest window)
        ranking = ranking or Ranking(db, query, filters)
        return hits(db, one_per_article(ranking.page, limit, offset, group), terms)
    frm, args, score = matching(db, query, filters, section, scored=not by_date)
    if by_date:
        score = "0.0"
    elif terms and db.dialect == "postgresql":
        args = [_tsquery(terms), *args]  # the score's own tsquery comes first in the statement
    order = _BY_DATE.get(sort, _BY_DATE["newest"]) if by_date else "score DESC, a.id"
    if not by_date and db.dialect == "sqlite":   # the full-text index's own rank, lower is better
        order = score.removeprefix("-") + ", a.id"
    sql = f"SELECT a.id, a.logical_id, {score} AS score {frm} ORDER BY {order} LIMIT ? OFFSET ?"
    return hits(db, one_per_article(lambda n, at: db.fetchall(sql, [*args, n, at]), limit, offset, group), terms)


def iter_logical(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None,
                 batch: int = 500) -> Iterator[list[int]]:
    """The logical articles that the query and filters match, in batches of ids (oldest stored first),
    each once: a download walks 100,000 matches with a few hundred in memory at a time (the ids seen
    are kept, not the rows). Keyset paging on the article id, which is the full-text index's rowid."""
    section = section or filters.section   # the page section: a filter, or given apart
    frm, args, _ = matching(db, query, filters, section)
    ident = "article_fts.rowid" if query and query.strip() and db.dialect == "sqlite" else "a.id"
    sql = f"SELECT {ident}, a.logical_id {frm} AND {ident} > ? ORDER BY {ident} LIMIT ?"
    seen: set[int] = set()
    last = 0
    while rows := db.fetchall(sql, [*args, last, batch]):
        last = int(rows[-1][0])
        new = [int(lid or aid) for aid, lid in rows if int(lid or aid) not in seen]
        seen.update(new)
        if new:
            yield list(dict.fromkeys(new))
