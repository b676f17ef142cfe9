"""The search total, the pages and every facet count are exact (up to 10,000 matches): checked against
plain SQL counts over a real archive, once per backend, for queries with and without filters (issue 20:
a pager that hid results, year and paper facets far off on a small archive, years missing)."""
from __future__ import annotations

import random
from math import ceil

import pytest

from jianbao.model import Article, Event, Person
from jianbao.store import Filters, open_archive
from jianbao.store.facets import facet_counts, find, margin
from tag_docs import page

PAPERS = ["衡阳日报", "临江日报", "永丰晚报", "枫林日报"]
TYPES = ["调研", "会议", "会见", "慰问"]
PEOPLE = ["秦国文", "朱健", "刘正兴", "何恩广", "周立衡", "陈润"]
PLACES = ["雁峰区", "珠晖区", "衡山科学城", "青石村", "临江高新区"]


def _article(r: random.Random, day: str, k: int) -> Article:
    etype = r.choice(TYPES)
    who, where = r.choice(PEOPLE), r.choice(PLACES)
    words = "调研" if etype == "调研" or r.random() < 0.3 else "工作"
    extra = "会议" if r.random() < 0.4 else "座谈"
    return Article(headline=f"{who}到{where}{words}（{k}）",
                   paragraphs=[f"{day[5:7]}月，市领导{who}到{where}{words}，并出席{extra}。"],
                   persons=[Person(who, ["市长"])], places=[where],
                   events=[Event(etype, etype, day, "上午", None, [who], [], [where])])


def fill(target: str, n_pages: int = 150) -> None:
    """Pages over twenty years (2007-2026) and four papers, three or four articles each."""
    r = random.Random(20)
    with open_archive(target) as a:
        for k in range(n_pages):
            day = f"{r.randint(2007, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            a.add(*page(r.choice(PAPERS), day, str(k % 8 + 1), [_article(r, day, k * 4 + j) for j in range(r.randint(3, 4))]))


def sql_counts(db, like: str | None, unlike: str | None, f: Filters) -> dict[str, dict[str, int]]:
    """The facets by plain SQL: articles whose headline or body holds `like` and not `unlike`."""
    where, args = ["1=1"], []
    instr = "instr" if db.dialect == "sqlite" else "strpos"
    for word, keep in ((like, True), (unlike, False)):
        if word:
            where.append(("" if keep else "NOT ") +
                         f"({instr}(coalesce(a.headline, ''), ?) > 0 OR {instr}(a.body, ?) > 0)")
            args += [word, word]
    for value, cond in ((f.paper, "a.paper = ?"), (f.date_from, "a.date >= ?"), (f.date_to, "a.date <= ?"),
                        (f.type, "a.id IN (SELECT article_id FROM events WHERE type = ?)")):
        if value:
            where.append(cond)
            args.append(value)
    m = f"SELECT a.* FROM articles a WHERE {' AND '.join(where)}"
    out = {"total": {"": db.fetchone(f"SELECT count(*) FROM ({m}) m", args)[0]}}
    for facet, sql in {
        "paper": f"SELECT paper, count(*) FROM ({m}) m GROUP BY paper",
        "year": f"SELECT substr(date, 1, 4), count(*) FROM ({m}) m GROUP BY 1",
        "month": f"SELECT substr(date, 1, 7), count(*) FROM ({m}) m GROUP BY 1",
        "type": f"SELECT e.type, count(DISTINCT m.id) FROM ({m}) m JOIN events e ON e.article_id = m.id GROUP BY 1",
        "person": f"SELECT p.name, count(DISTINCT m.id) FROM ({m}) m JOIN mentions x ON x.article_id = m.id "
                  "JOIN persons p ON p.id = x.person_id GROUP BY 1",
        "place": f"SELECT pl.name, count(DISTINCT m.id) FROM ({m}) m JOIN article_places ap ON ap.article_id = m.id "
                 "JOIN places pl ON pl.id = ap.place_id GROUP BY 1",
    }.items():
        out[facet] = {str(v): int(n) for v, n in db.fetchall(sql, args)}
    return out


CASES = [
    ("调研", "调研", None, Filters()),
    (None, None, None, Filters(type="调研")),                      # browsing one activity type (issue 20, item 1)
    ("调研", "调研", None, Filters(paper="永丰晚报")),
    ("调研", "调研", None, Filters(date_from="2013-01-01", date_to="2016-12-31")),
    ("调研 -会议", "调研", "会议", Filters()),                      # NOT
    (None, None, None, Filters(date_from="2020-03-05", date_to="2020-11-20")),   # a range inside months
]


@pytest.mark.parametrize("query,like,unlike,f", CASES)
def test_total_and_facets_equal_sql_counts(db_target, query, like, unlike, f):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        want = sql_counts(a.db, like, unlike, f)
        got = facet_counts(a.db, query, f, limit=100)
        assert got.total_exact and got.every == 1 and got.total == want["total"][""] > 0
        assert got.total_margin == 0
        for facet in ("paper", "year", "type", "person", "place"):
            assert dict(got.counts[facet]) == want[facet], facet
        months = dict(got.counts["month"])   # the newest limit * 2 months
        assert all(want["month"][m] == n for m, n in months.items()) and len(months) == min(200, len(want["month"]))
        # the pages: every one exists, together they hold each match once (no continued articles here)
        size, seen = 20, []
        for k in range(ceil(got.total / size)):
            hits = find(a.db, query, f, limit=size, offset=k * size)
            assert hits, f"page {k + 1} of {ceil(got.total / size)} is empty"
            seen += [h.article_id for h in hits]
        assert len(seen) == len(set(seen)) == got.total
        assert find(a.db, query, f, limit=size, offset=ceil(got.total / size) * size) == []


def test_every_year_is_in_the_year_facet(db_target):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        years = [y for (y,) in a.db.fetchall("SELECT DISTINCT substr(date, 1, 4) FROM articles ORDER BY 1 DESC")]
        assert [y for y, _ in facet_counts(a.db, None).counts["year"]] == years
        assert "2007" in years and "2026" in years


def test_estimates_say_their_error_bound(db_target, monkeypatch):
    """Past the exact bound the counts are scaled from a sample, each with its 95% margin."""
    from jianbao.store import facets
    fill(db_target, 60)
    monkeypatch.setattr(facets, "COUNT_UP_TO", 20)
    with open_archive(db_target, readonly=True) as a:
        est = facet_counts(a.db, None, exact_up_to=20)
        assert est.every > 1 and est.total_exact      # browsing: the total is counted, the facets sampled
        assert all(margin(n, est.every) > 0 for rows in est.counts.values() for _, n in rows)
    assert margin(100, 1) == 0 and margin(0, 16) == 0 and 0 < margin(160, 16) < 160
