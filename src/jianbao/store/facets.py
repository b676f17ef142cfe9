"""Facet counts for a search, and search with the extras a browser needs (no query; a page section).

    facet_counts(db, "调研", Filters(paper="衡阳日报"))
    → FacetCounts(total=12, counts={"paper": [("衡阳日报", 12)], "year": [("2021", 12)],
       "month": [("2021-08", 7), …], "section": […], "type": [("调研", 12), …], "person": […], "place": […]})

Counts are of stored articles (a continued article counts once per part it has on a page) that match
the query and every filter. An empty query means "every article", so the same calls browse the archive.
One SQL statement computes the total and all facets over the matching set, in both backends; for a
very common query they are estimated from a systematic sample of the matches (and say so).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .db import DB
from .search import Filters, Hit, _filters, _fts5, _hit, _tsquery, articles_join, make_snippet, match_ids, parse

FACETS = ("paper", "year", "month", "section", "type", "person", "place")


def matching(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None,
             every: int = 1) -> tuple[str, list, str]:
    """(FROM … WHERE … selecting the matching articles as `a`, its arguments, a score expression);
    every > 1 keeps a systematic sample: the matches whose scrambled id is a multiple of `every`."""
    where, args = _filters(filters)
    if section:
        where += " AND a.section = ?"
        args.append(section)
    fts = query and query.strip() and db.dialect == "sqlite"
    if every > 1:   # on the index's own rowid in SQLite, so that unsampled rows are never read
        where = f" AND (({'article_fts.rowid' if fts else 'a.id'} * 2654435761) % 4294967296) % {int(every)} = 0" + where
    if not query or not query.strip():
        return "FROM articles a WHERE 1=1" + where, args, "0.0"
    terms = parse(query)
    if fts:
        return (f"FROM article_fts{articles_join(db)} WHERE article_fts MATCH ?" + where,
                [_fts5(terms), *args], "-bm25(article_fts, 4.0, 1.0)")
    return ("FROM articles a WHERE a.tsv @@ to_tsquery('simple', ?)" + where, [_tsquery(terms), *args],
            "ts_rank_cd(a.tsv, to_tsquery('simple', ?))")


def _unfiltered(filters: Filters, section: str | None) -> bool:
    return filters == Filters() and not section


def count(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None) -> int:
    if query and query.strip() and db.dialect == "sqlite" and _unfiltered(filters, section):
        # the index alone: no article row is read
        return int(db.fetchone("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", (_fts5(parse(query)),))[0])
    frm, args, _ = matching(db, query, filters, section)
    return int(db.fetchone("SELECT count(*) " + frm, args)[0])


# CROSS JOIN (SQLite): the matches drive every join (left alone, the planner may walk the whole events
# table in type order and probe the matches for each row)
_FACET_SQL = """
WITH m AS (SELECT a.id, a.paper, substr(a.date, 1, 7) AS month, a.section {frm})
SELECT 'total', '', count(*) FROM m
UNION ALL SELECT 'paper', paper, count(*) FROM m WHERE paper IS NOT NULL GROUP BY paper
UNION ALL SELECT 'month', month, count(*) FROM m WHERE month IS NOT NULL GROUP BY month
UNION ALL SELECT 'section', section, count(*) FROM m WHERE section IS NOT NULL GROUP BY section
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


def facet_counts(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None,
                 limit: int = 10, exact_up_to: int = 5000) -> FacetCounts:
    """Per facet, (value, number of matching articles): the `limit` largest, ties by value; years and
    months newest first (all years, the `limit` * 2 newest months).

    Exact while the unfiltered query matches at most `exact_up_to` articles; above that, counted over a
    systematic sample of about `exact_up_to` matches and scaled (`every` > 1), so the cost stays flat."""
    reach = count(db, query) if query and query.strip() else _articles(db)
    every = 1 if reach <= exact_up_to else -(-reach // exact_up_to)
    frm, args, _ = matching(db, query, filters, section, every)
    got: dict[str, list[tuple[str, int]]] = {k: [] for k in ("total", *FACETS)}
    years: dict[str, int] = {}
    sql = _FACET_SQL.format(frm=frm)
    if db.dialect != "sqlite":   # CROSS JOIN … ON is SQLite's way to fix the join order only
        sql = sql.replace("CROSS JOIN", "JOIN")
    for facet, value, n in db.fetchall(sql, args):
        got[facet].append((str(value), int(n) * every))
        if facet == "month":
            years[str(value)[:4]] = years.get(str(value)[:4], 0) + int(n) * every
    total = got.pop("total")[0][1]
    exact = every == 1 or _unfiltered(filters, section)
    if every > 1 and _unfiltered(filters, section):
        total = reach
    got["year"] = sorted(years.items(), reverse=True)
    got["month"] = sorted(got["month"], reverse=True)[:limit * 2]
    for k in ("paper", "section", "type", "person", "place"):
        got[k] = sorted(got[k], key=lambda x: (-x[1], x[0]))[:limit]
    return FacetCounts(total, exact, every, got)


def _articles(db: DB) -> int:
    return int(db.fetchone("SELECT count(*) FROM articles")[0])


def find(db: DB, query: str | None, filters: Filters = Filters(), section: str | None = None,
         limit: int = 20, offset: int = 0) -> list[Hit]:
    """Like store.search.search, plus a page-section filter; with no query, the newest articles first."""
    frm, args, score = matching(db, query, filters, section)
    terms = parse(query) if query and query.strip() else []
    if terms and db.dialect == "postgresql":
        args = [_tsquery(terms), *args]  # the score's own tsquery comes first in the statement
    order = "score DESC, a.id" if terms else "a.date DESC, a.id DESC"
    sql = f"SELECT a.id, a.logical_id, {score} AS score {frm} ORDER BY {order} LIMIT ? OFFSET ?"
    if terms and db.dialect == "sqlite":
        sql = sql.replace("ORDER BY score DESC", "ORDER BY bm25(article_fts, 4.0, 1.0)")
        if _unfiltered(filters, section):
            # rank in the index first, then read only the rows of the page of results
            sql = ("SELECT a.id, a.logical_id, -x.s FROM (SELECT rowid, bm25(article_fts, 4.0, 1.0) AS s "
                   "FROM article_fts WHERE article_fts MATCH ? ORDER BY s LIMIT ? OFFSET ?) x "
                   "JOIN articles a ON a.id = x.rowid ORDER BY x.s, a.id")
    hits: list[Hit] = []
    seen: set[int] = set()
    batch, pos = max(limit * 2, 20), offset
    ranked = terms and not section  # the store's ranking (common words: newest window)
    while len(hits) < limit:
        rows = match_ids(db, query, filters, batch, pos) if ranked else db.fetchall(sql, [*args, batch, pos])
        if not rows:
            break
        pos += len(rows)
        for aid, lid, sc in rows:
            lid = int(lid or aid)
            if lid in seen:
                continue
            seen.add(lid)
            make = _quick_hit if terms else _hit
            hits.append(make(db, int(aid), lid, float(sc), terms))
            if len(hits) >= limit:
                break
    return hits


def _quick_hit(db: DB, aid: int, lid: int, score: float, terms: list[list[str]], width: int = 60) -> Hit:
    """store.search._hit, with the text cut short past the snippet's window before it is normalised
    character by character (the same snippet, less work: a match is found first in the raw text)."""
    parts = db.fetchall("SELECT id, paper, date, page, kicker, headline, body FROM articles "
                        "WHERE logical_id = ? ORDER BY part", (lid,))
    first = parts[0]
    head = next((p for p in parts if p[5]), first)
    text = "\n".join(x for x in (head[4], head[5], "\n".join(p[6] for p in parts)) if x)
    low = text.lower()
    found = [k for k in (low.find(r) for t in terms for r in t) if k >= 0]
    if found:   # the first match in normalised text is no later than this one
        text = text[:min(found) + 2 * width + 64]
    snippet, marks = make_snippet(text, terms, width)
    if found and len(text) < len(low) and not snippet.endswith("…"):
        snippet += "…"
    return Hit(aid, lid, score, first[1], first[2], first[3], head[4], head[5], snippet, marks, len(parts))
