"""Co-appearance networks: who took part in activities together.

Nodes are persons (paper-scoped, the persons table: a name within a paper) who took part, as actor or
participant, in an activity that passes the filters; two of them are joined by an edge when they
took part in the same activity, weighted by the number of such activities, with the count of each
activity type and the first and last date (the activity's date, else its issue date).

The filters are the archive's (filters.py, read by search._filters over the activity's article:
paper, place, person, region …); the type and the date range are checked on the activity itself,
as `people.events` does. An ego network keeps the persons who shared an activity with the ego
persons, and every edge among them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from .db import DB
from .filters import Filters
from .search import _filters

CHUNK = 500


@dataclass
class Node:
    id: int
    name: str
    paper: str
    title: str          # the title of the person's latest mention ("" when never given one)
    articles: int       # articles naming the person, in the whole archive


@dataclass
class Edge:
    source: int
    target: int
    weight: int                                     # activities shared
    types: dict[str, int] = field(default_factory=dict)   # activity type → shared activities of it
    first: str | None = None
    last: str | None = None


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]


def _activities(filters: Filters, joins: str) -> tuple[str, list]:
    """FROM … WHERE … of the activities that pass the filters (alias e, its article a), with `joins`."""
    where, args = _filters(replace(filters, date_from=None, date_to=None, type=None))
    sql = f" FROM events e JOIN articles a ON a.id = e.article_id{joins} WHERE 1=1" + where
    if filters.type:
        sql += " AND e.type = ?"; args.append(filters.type)
    if filters.date_from:
        sql += " AND coalesce(e.date, a.date) >= ?"; args.append(filters.date_from)
    if filters.date_to:
        sql += " AND coalesce(e.date, a.date) <= ?"; args.append(filters.date_to)
    return sql, args


def _took_part(alias: str) -> str:
    """Join the persons (with a person id) who took part in activity e, as `alias`."""
    return (f" JOIN event_roles {alias} ON {alias}.event_id = e.id AND {alias}.role IN ('actor', 'participant') "
            f"AND {alias}.person_id IS NOT NULL")


def _in(column: str, ids: list[int]) -> str:
    return f" AND {column} IN ({','.join('?' for _ in ids)})"


def _members(db: DB, filters: Filters, ego: list[int] | None) -> list[int]:
    """The persons of the network: everyone who took part in a matching activity, or the ego persons
    and those who shared a matching activity with them."""
    if ego is None:
        sql, args = _activities(filters, _took_part("r"))
        return [int(r[0]) for r in db.fetchall(f"SELECT DISTINCT r.person_id{sql} ORDER BY 1", args)]
    sql, args = _activities(filters, _took_part("r") + _took_part("r2"))
    got = set(ego)
    for k in range(0, len(ego), CHUNK):
        part = ego[k:k + CHUNK]
        got.update(int(r[0]) for r in db.fetchall(f"SELECT DISTINCT r2.person_id{sql}" + _in("r.person_id", part),
                                                  [*args, *part]))
    return sorted(got)


def _edges(db: DB, filters: Filters, members: list[int] | None) -> list[Edge]:
    """The pairs who took part in the same matching activities (among `members`, when given)."""
    sql, args = _activities(filters, _took_part("r1") + _took_part("r2") + " AND r2.person_id > r1.person_id")
    if members is not None:
        sql += _in("r1.person_id", members) + _in("r2.person_id", members)
        args = [*args, *members, *members]
    rows = db.fetchall("SELECT r1.person_id, r2.person_id, e.type, count(DISTINCT e.id), "
                       "min(coalesce(e.date, a.date)), max(coalesce(e.date, a.date))" + sql +
                       " GROUP BY r1.person_id, r2.person_id, e.type ORDER BY 1, 2, 3", args)
    edges: dict[tuple[int, int], Edge] = {}
    for a, b, etype, n, first, last in rows:
        e = edges.setdefault((int(a), int(b)), Edge(int(a), int(b), 0))
        e.types[etype] = int(n)
        e.weight += int(n)        # an activity has one type: the shared activities are the sum over types
        if first and (e.first is None or first < e.first):
            e.first = first
        if last and (e.last is None or last > e.last):
            e.last = last
    return list(edges.values())


def _nodes(db: DB, ids: list[int]) -> list[Node]:
    out = []
    for k in range(0, len(ids), CHUNK):
        part = ids[k:k + CHUNK]
        marks = ",".join("?" for _ in part)
        latest: dict[int, tuple[str, str]] = {}
        for pid, title, day in db.fetchall(
                f"SELECT m.person_id, m.title, coalesce(max(a.date), '') FROM mentions m JOIN articles a "
                f"ON a.id = m.article_id WHERE m.person_id IN ({marks}) AND m.title <> '' "
                f"GROUP BY m.person_id, m.title", part):
            if int(pid) not in latest or (day, title) > latest[int(pid)]:
                latest[int(pid)] = (day, title)
        counts = {int(pid): int(n) for pid, n in db.fetchall(
            f"SELECT m.person_id, count(DISTINCT a.logical_id) FROM mentions m JOIN articles a "
            f"ON a.id = m.article_id WHERE m.person_id IN ({marks}) GROUP BY m.person_id", part)}
        for pid, name, paper in db.fetchall(f"SELECT id, name, paper FROM persons WHERE id IN ({marks}) ORDER BY id",
                                            part):
            out.append(Node(int(pid), name, paper or "", latest.get(int(pid), ("", ""))[1], counts.get(int(pid), 0)))
    return out


def network(db: DB, filters: Filters = Filters(), ego: list[int] | None = None) -> Network:
    """The co-appearance network of the activities that pass the filters (or its ego network)."""
    members = _members(db, filters, ego)
    edges = _edges(db, filters, None if ego is None else members) if members else []
    return Network(_nodes(db, members), edges)
