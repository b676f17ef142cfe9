"""People and their activities: profiles over time, and activity records.

A person is a name within a paper's coverage: the same name in two papers is two people unless
their titles overlap (then they are shown together), so 张伟 the county head of one paper and 张伟
the village secretary of another stay apart.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from .db import DB
from .search import Filters, _filters


@dataclass
class Profile:
    name: str
    papers: list[str]
    person_ids: list[int]
    titles: list[tuple[str, str | None, str | None, int]] = field(default_factory=list)  # title, first, last, n
    activity: dict[str, dict[str, int]] = field(default_factory=dict)  # month → type → count
    places: list[tuple[str, int]] = field(default_factory=list)
    companions: list[tuple[str, int]] = field(default_factory=list)
    articles: list[tuple[int, str | None, str | None, str | None]] = field(default_factory=list)


def _titles(db: DB, pid: int) -> set[str]:
    return {r[0] for r in db.fetchall("SELECT DISTINCT title FROM mentions WHERE person_id=? AND title<>''", (pid,))}


def identities(db: DB, name: str) -> list[list[int]]:
    """The people called `name`: groups of person ids (one group per person)."""
    rows = db.fetchall("SELECT id, paper FROM persons WHERE name=? ORDER BY paper", (name,))
    return group_by_titles([(int(pid), _titles(db, pid)) for pid, _paper in rows])


def group_by_titles(persons: list[tuple[int, set[str]]]) -> list[list[int]]:
    """Person ids of one name (paper-scoped rows, in paper order) → one group per person: rows whose
    titles overlap are the same person (spells.py groups the same way)."""
    groups: list[tuple[set[str], list[int]]] = []
    for pid, titles in persons:
        for g in groups:
            if titles & g[0]:
                g[0].update(titles)
                g[1].append(pid)
                break
        else:
            groups.append((set(titles), [pid]))
    return [ids for _, ids in groups]


def profile(db: DB, ids: list[int], limit: int = 20) -> Profile:
    marks = ",".join("?" for _ in ids)
    name, = db.fetchone(f"SELECT name FROM persons WHERE id IN ({marks}) LIMIT 1", ids)
    # a page with no paper name gives its persons the paper '': no name to show
    papers = [r[0] for r in db.fetchall(f"SELECT DISTINCT paper FROM persons WHERE id IN ({marks}) AND paper <> '' "
                                        "ORDER BY paper", ids)]
    p = Profile(name, papers, ids)
    p.titles = [(r[0], r[1], r[2], int(r[3])) for r in db.fetchall(
        f"SELECT m.title, min(a.date), max(a.date), count(DISTINCT a.logical_id) FROM mentions m "
        f"JOIN articles a ON a.id = m.article_id WHERE m.person_id IN ({marks}) AND m.title <> '' "
        f"GROUP BY m.title ORDER BY min(a.date), m.title", ids)]
    act: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for etype, month, n in db.fetchall(
            f"SELECT e.type, substr(coalesce(e.date, a.date), 1, 7), count(DISTINCT e.id) FROM event_roles r "
            f"JOIN events e ON e.id = r.event_id JOIN articles a ON a.id = e.article_id "
            f"WHERE r.person_id IN ({marks}) AND r.role = 'actor' GROUP BY 1, 2", ids):
        act[month or "?"][etype] += int(n)
    p.activity = {m: dict(v) for m, v in sorted(act.items())}
    p.places = [(r[0], int(r[1])) for r in db.fetchall(
        f"SELECT r2.name, count(DISTINCT r2.event_id) FROM event_roles r JOIN event_roles r2 "
        f"ON r2.event_id = r.event_id AND r2.role = 'place' WHERE r.person_id IN ({marks}) AND r.role = 'actor' "
        f"GROUP BY r2.name ORDER BY 2 DESC, 1 LIMIT ?", [*ids, limit])]
    p.companions = [(r[0], int(r[1])) for r in db.fetchall(
        f"SELECT p2.name, count(DISTINCT r.event_id) FROM event_roles r JOIN event_roles r2 "
        f"ON r2.event_id = r.event_id AND r2.person_id IS NOT NULL AND r2.person_id NOT IN ({marks}) "
        f"JOIN persons p2 ON p2.id = r2.person_id WHERE r.person_id IN ({marks}) "
        f"GROUP BY p2.name ORDER BY 2 DESC, 1 LIMIT ?", [*ids, *ids, limit])]
    p.articles = [(int(r[0]), r[1], r[2], r[3]) for r in db.fetchall(
        f"SELECT DISTINCT a.logical_id, a.date, a.paper, a.headline FROM mentions m "
        f"JOIN articles a ON a.id = m.article_id WHERE m.person_id IN ({marks}) "
        f"ORDER BY a.date DESC, a.logical_id DESC LIMIT ?", [*ids, limit])]
    return p


# the columns of an activity record, in CSV and JSON alike (`events` gives each record these keys)
EVENT_COLUMNS = ["date", "time_of_day", "type", "name", "actors", "participants", "places", "date_text",
                 "paper", "issue_date", "page", "headline", "article_id"]


def events(db: DB, filters: Filters = Filters(), limit: int | None = None) -> list[dict]:
    """Activity records, newest first, filtered like search (person = an actor or participant)."""
    # the article's filters as search applies them; person, type and dates are the event's own (below)
    where, args = _filters(replace(filters, date_from=None, date_to=None, person=None, type=None))
    sql = ("SELECT e.id, coalesce(e.date, ''), e.time_of_day, e.type, e.name, e.date_text, a.paper, a.page, "
           "a.headline, a.logical_id, a.date FROM events e JOIN articles a ON a.id = e.article_id WHERE 1=1" + where)
    if filters.type:
        sql += " AND e.type = ?"; args.append(filters.type)
    if filters.person:
        sql += (" AND EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = e.id AND r.role IN "
                "('actor', 'participant') AND r.name = ?)"); args.append(filters.person)
    if filters.date_from:
        sql += " AND coalesce(e.date, a.date) >= ?"; args.append(filters.date_from)
    if filters.date_to:
        sql += " AND coalesce(e.date, a.date) <= ?"; args.append(filters.date_to)
    sql += " ORDER BY coalesce(e.date, a.date) DESC, e.id"
    if limit:
        sql += " LIMIT ?"; args.append(limit)
    rows = db.fetchall(sql, args)
    roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    ids = [r[0] for r in rows]
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        marks = ",".join("?" for _ in chunk)
        for eid, role, name in db.fetchall(
                f"SELECT event_id, role, name FROM event_roles WHERE event_id IN ({marks}) ORDER BY event_id", chunk):
            roles[eid][role].append(name)
    out = []
    for r in rows:
        rr = roles[r[0]]
        out.append({"date": r[1] or None, "time_of_day": r[2], "type": r[3], "name": r[4],
                    "actors": rr["actor"], "participants": rr["participant"], "places": rr["place"],
                    "date_text": r[5], "paper": r[6], "page": r[7], "headline": r[8], "article_id": r[9],
                    "issue_date": r[10]})
    return out
