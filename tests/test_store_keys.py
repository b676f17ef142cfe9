"""Search filters checked inside the full-text index (store/keys.py): the same answers as checking
them on the article rows, for every kind of filter and date range, in both backends; replaced pages
leave none of their filter words behind."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from jianbao.model import Article, Event, PageDoc, PageMeta, Person
from jianbao.store import Filters, open_archive
from jianbao.store.facets import facet_counts, find
from jianbao.store.keys import _months, keys_text, narrow
from jianbao.store.search import match_ids

PAPERS = ["衡阳日报", "临江日报", "枫林 晚报"]   # a space inside a name: one word all the same
PEOPLE = ["秦国文", "朱健", "刘正兴", "何恩广"]
PLACES = ["衡山科学城", "雁峰区", "临江高新区"]
SECTIONS = ["要闻", "经济", None]
TYPES = ["调研", "会议", "会见"]


def _doc(k: int, rnd: random.Random) -> tuple[PageDoc, str]:
    day = (date(2020, 11, 20) + timedelta(days=rnd.randrange(500))).isoformat()
    arts = []
    for j in range(rnd.randint(1, 3)):
        who = rnd.sample(PEOPLE, rnd.randint(0, 2))
        where = rnd.sample(PLACES, rnd.randint(0, 1))
        types = rnd.sample(TYPES, rnd.randint(0, 2))
        arts.append(Article(id=f"k{k}-{j}", headline=f"第{k}版第{j}篇：秋收",
                            paragraphs=[f"{'、'.join(who) or '群众'}在{''.join(where) or '田间'}查看秋收进度。"],
                            persons=[Person(n, ["市领导"]) for n in who], places=where,
                            events=[Event(t, t, day, None, None, who, [], where) for t in types]))
    doc = PageDoc(PageMeta(rnd.choice(PAPERS), day, str(k), rnd.choice(SECTIONS), f"k{k}.md"), arts)
    text = "\n".join(a.headline + "\n" + a.paragraphs[0] for a in arts)
    doc.sha1 = f"{k:040x}"
    return doc, text


def _brute(a, f: Filters) -> set[int]:
    """The articles matching 秋收 with these filters, by reading every row."""
    out = set()
    for aid, paper, day in a.db.fetchall("SELECT id, paper, date FROM articles"):
        persons = {r[0] for r in a.db.fetchall("SELECT p.name FROM mentions m JOIN persons p ON p.id = m.person_id "
                                                "WHERE m.article_id=?", (aid,))}
        places = {r[0] for r in a.db.fetchall("SELECT pl.name FROM article_places ap JOIN places pl "
                                               "ON pl.id = ap.place_id WHERE ap.article_id=?", (aid,))}
        types = {r[0] for r in a.db.fetchall("SELECT type FROM events WHERE article_id=?", (aid,))}
        if ((not f.paper or paper == f.paper) and (not f.date_from or day >= f.date_from)
                and (not f.date_to or day <= f.date_to) and (not f.person or f.person in persons)
                and (not f.place or f.place in places) and (not f.type or f.type in types)):
            out.add(int(aid))
    return out


def test_filters_in_the_index_agree_with_the_article_rows(db_target):
    rnd = random.Random(3)
    a = open_archive(db_target)
    for k in range(60):
        a.add(*_doc(k, rnd))
    ends = ["2020-12-01", "2020-12-15", "2021-01-01", "2021-02-28", "2021-03-01", "2021-12-31", "2022-01-31",
            "2022-02-15", "2019-05-05", "2023-01-01", None]
    for _ in range(80):
        lo, hi = rnd.choice(ends), rnd.choice(ends)
        if lo and hi and lo > hi:
            lo, hi = hi, lo
        f = Filters(rnd.choice(PAPERS + [None] * 3), lo, hi, rnd.choice(PEOPLE + [None] * 4),
                    rnd.choice(PLACES + [None] * 3), rnd.choice(TYPES + [None] * 3))
        want = _brute(a, f)
        assert {x for x, _, _ in match_ids(a.db, "秋收", f, limit=1000)} == want, f
        assert a.count("秋收", f) == len(want), f
        fc = facet_counts(a.db, "秋收", f)
        assert fc.total == len(want) and fc.total_exact, f
        assert {h.article_id for h in find(a.db, "秋收", f, limit=500)} == want, f   # no continued parts here
    a.close()


def test_a_page_section_filter_agrees_with_the_article_rows(db_target):
    rnd = random.Random(4)
    a = open_archive(db_target)
    for k in range(30):
        a.add(*_doc(k, rnd))
    for section in ("要闻", "经济"):
        want = {int(r[0]) for r in a.db.fetchall("SELECT id FROM articles WHERE section=?", (section,))}
        got = {h.article_id for h in find(a.db, "秋收", Filters(), section, limit=500)}
        assert got == want and facet_counts(a.db, "秋收", Filters(), section).total == len(want)
    a.close()


def test_a_replaced_page_leaves_none_of_its_filter_words(tmp_path):
    a = open_archive(str(tmp_path / "r.db"))
    old = Article(id="x-0", headline="秦国文到衡山科学城调研", paragraphs=["秦国文到衡山科学城调研。"],
                  persons=[Person("秦国文", ["市委书记"])], places=["衡山科学城"],
                  events=[Event("调研", "调研", "2021-07-30", None, None, ["秦国文"], [], ["衡山科学城"])])
    new = Article(id="x-0", headline="朱健到雁峰区开会", paragraphs=["朱健到雁峰区开会。"],
                  persons=[Person("朱健", ["市长"])], places=["雁峰区"],
                  events=[Event("会议", "会议", "2021-07-30", None, None, ["朱健"], [], ["雁峰区"])])
    for k, art in enumerate((old, new)):
        doc = PageDoc(PageMeta("衡阳日报", "2021-07-31", "1", "要闻" if k == 0 else "经济", "x.md"), [art])
        doc.sha1 = f"{k:040x}"
        a.add(doc, art.paragraphs[0])
    a.db.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, article_fts, 'row')")
    left = {t for (t,) in a.db.fetchall("SELECT term FROM temp.words WHERE term LIKE 'k%'")}
    assert left == set(keys_text("衡阳日报", "2021-07-31", "经济", ["朱健"], ["雁峰区"], ["会议"]).split())
    assert a.count("调研", Filters(person="秦国文")) == 0 and a.count("开会", Filters(person="朱健")) == 1
    a.close()


def test_date_ranges_become_months_and_years():
    assert _months(date(2020, 11, 3), date(2022, 2, 1)) == ["km202011", "km202012", "ky2021", "km202201", "km202202"]
    assert _months(date(2021, 1, 1), date(2021, 11, 30)) == [f"km2021{m:02d}" for m in range(1, 12)]
    words, rest = narrow(Filters(date_from="2021-01-01", date_to="2021-12-31"))
    assert words == "{keys} : (ky2021)" and rest == Filters()
    words, rest = narrow(Filters(date_from="2021-01-05", date_to="2021-02-28"))
    assert words == "{keys} : (km202101 OR km202102)" and rest == Filters(date_from="2021-01-05", date_to="2021-02-28")
    words, rest = narrow(Filters(paper="衡阳日报", date_from="1990-03-05", date_to="2021-12-31"))   # 41 words: SQL
    assert words.count("{keys}") == 1 and rest.date_from == "1990-03-05" and rest.paper is None
    assert _months(date(1, 1, 1), date(9999, 12, 31)) == [] and len(_months(date(1990, 3, 5), date(2020, 1, 1))) == 40


@pytest.mark.parametrize("query", ["k", "kp", "K"])
def test_a_one_letter_query_never_matches_filter_words(tmp_path, query):
    a = open_archive(str(tmp_path / "o.db"))
    doc = PageDoc(PageMeta("衡阳日报", "2021-07-31", "1", "要闻", "o.md"),
                  [Article(id="o-0", headline="秋收", paragraphs=["秋收进度过半。"])])
    doc.sha1 = "0" * 40
    a.add(doc, "秋收进度过半。")
    assert a.count(query) == 0
    a.close()
