"""Career spells (store/spells.py; issue 22 item 2): a title split into body and post, spells with
first and last seen and articles, the change to the next spell, title chains as concurrent spells,
namesakes kept apart; the `spells` table of the CSV and Parquet exports; the person page's table."""
from __future__ import annotations

import csv

import pytest

from jianbao.export.archive import export_archive
from jianbao.model import Article, Event, Person
from jianbao.store import open_archive
from jianbao.store.spells import RANKS_FILE, _rows, spells_of, split_title
from tag_docs import page
from web_helpers import client_for


def story(name: str, titles: list[str], date: str, place: str, others: list[str] = (),
          etype: str = "调研") -> Article:
    """An invented report: `name` with a title chain goes to `place`; `others` take part."""
    chain = "、".join(titles)
    body = f"{int(date[5:7])}月{int(date[8:])}日，{chain}{name}到{place}{etype}。" + "".join(f"{o}参加。" for o in others)
    return Article(headline=f"{name}到{place}{etype}", paragraphs=[body],
                   persons=[Person(name, list(titles))] + [Person(o, ["市领导"]) for o in others],
                   places=[place], events=[Event(etype, etype, date, "上午", None, [name], list(others), [place])])


def fill(target: str) -> None:
    with open_archive(target) as a:
        pages = [
            ("衡阳日报", "2019-03-02", [story("周建平", ["副市长"], "2019-03-01", "珠晖区")]),
            ("衡阳日报", "2019-09-12", [story("周建平", ["副市长"], "2019-09-11", "石鼓区")]),
            # promoted: the deputy title dropped; from here he is also deputy party secretary (a chain)
            ("衡阳日报", "2020-05-08", [story("周建平", ["市委副书记", "市长"], "2020-05-07", "雁峰区")]),
            ("衡阳日报", "2020-11-20", [story("周建平", ["市长"], "2020-11-19", "蒸湘区")]),
            ("衡阳日报", "2021-04-16", [story("周建平", ["市委副书记", "市长"], "2021-04-15", "南岳区")]),
            # then party secretary of the city
            ("衡阳日报", "2022-06-10", [story("周建平", ["市委书记"], "2022-06-09", "衡山科学城")]),
            # a county secretary who moves to the city
            ("衡阳日报", "2018-07-01", [story("罗志强", ["祁东县委书记"], "2018-06-30", "祁东县")]),
            ("衡阳日报", "2021-02-03", [story("罗志强", ["衡阳市委常委"], "2021-02-02", "高新区")]),
            # a namesake in another paper: another person
            ("临江日报", "2020-08-08", [story("周建平", ["村党支部书记"], "2020-08-07", "青石村")]),
        ]
        for k, (paper, day, arts) in enumerate(pages):
            a.add(*page(paper, day, str(k + 1), arts))


def test_split_title_body_and_post():
    assert split_title("衡阳市委书记") == ("衡阳市委", "书记")
    assert split_title("市委副书记") == ("市委", "副书记")
    assert split_title("常务副市长") == ("常务", "副市长")
    assert split_title("市长") == ("", "市长")
    assert split_title("市长助理") == ("市长", "助理")


def test_post_ranks_examples_have_their_post():
    """Every example of data/post_ranks.tsv splits to its row's post; no counter-example does."""
    for post, _rank, examples, nots, why in _rows(RANKS_FILE):
        assert why.strip(), post
        for ex in examples.split(", "):
            assert split_title(ex)[1] == post, (post, ex)
        for ex in nots.split(", "):
            assert split_title(ex)[1] != post, (post, ex)


def test_spells_changes_and_concurrent_titles(db_target):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        careers = a.careers()
    zhou = [c for c in careers if c.name == "周建平"]
    assert len(zhou) == 2                                  # namesakes kept apart
    city = next(c for c in zhou if c.papers == ["衡阳日报"])
    got = {s.title: (s.body, s.post, s.first, s.last, s.articles, s.change, s.next_title) for s in city.spells}
    assert got["副市长"] == ("", "副市长", "2019-03-02", "2019-09-12", 2, "promotion", "市长")
    # 市委副书记 and 市长 alternate in the articles: two concurrent spells, not a flip-flop
    assert got["市长"][2:6] == ("2020-05-08", "2021-04-16", 3, "promotion")
    assert got["市委副书记"][2:7] == ("2020-05-08", "2021-04-16", 2, "promotion", "市委书记")
    assert got["市委书记"][5] == ""                           # held at the last sighting
    assert [s.title for s in city.spells][:1] == ["副市长"]
    luo = next(c for c in careers if c.name == "罗志强")
    assert [(s.body, s.post, s.change) for s in luo.spells] == [("祁东县委", "书记", "moved"),
                                                                 ("衡阳市委", "常委", "")]


def test_a_title_ended_while_the_person_is_seen_later():
    spells = spells_of([("市政府党组成员", "2020-01-01", 1), ("副市长", "2020-01-01", 1),
                        ("副市长", "2021-01-01", 2), ("市政府党组成员", "2020-06-01", 3)])
    by = {s.title: s for s in spells}
    assert by["市政府党组成员"].change == "ended" and by["市政府党组成员"].last == "2020-06-01"
    assert by["副市长"].change == ""


def test_spells_in_csv_and_parquet(db_target, tmp_path):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        export_archive(a, "csv", tmp_path / "csv")
        with open(tmp_path / "csv" / "spells.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert {r["title"] for r in rows if r["person"] == "周建平"} >= {"副市长", "市长", "市委书记", "村党支部书记"}
        r = next(r for r in rows if r["title"] == "副市长")
        assert (r["first_seen"], r["last_seen"], r["articles"], r["change"]) == ("2019-03-02", "2019-09-12", "2",
                                                                                  "promotion")
        pd = pytest.importorskip("pandas")
        pytest.importorskip("pyarrow")
        export_archive(a, "parquet", tmp_path / "pq")
        df = pd.read_parquet(tmp_path / "pq" / "spells.parquet")
        assert len(df) == len(rows) and set(df["change"]) >= {"promotion", "moved"}


def test_person_page_shows_the_spells(tmp_path):
    pytest.importorskip("fastapi")
    c = client_for(str(tmp_path / "a.db"), fill)
    r = c.get("/person/周建平")
    assert r.status_code == 200
    table = r.text.split("任职记录")[1].split("</table>")[0]
    assert "<td>副市长</td><td></td><td>副市长</td>" in table and "升任 → 市长" in table
    assert "<td>村党支部书记</td><td>村党支部</td><td>书记</td>" in r.text   # the namesake's own table
    assert "/person/%E5%91%A8%E5%BB%BA%E5%B9%B3/network?ids=" in r.text
    j = c.get("/api/persons/周建平").json()
    spells = [s for p in j["identities"] for s in p["spells"]]
    assert {"title": "副市长", "change": "promotion"}.items() <= next(s for s in spells if s["title"] == "副市长").items()
