"""`jianbao person` and `jianbao events`: profiles over time, activity records, namesakes kept apart."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from jianbao.store import Filters, open_archive
from jianbao.store.people import events, identities, profile
from tag_docs import page, visit


def fill(target: str) -> None:
    with open_archive(target) as a:
        a.add(*page("衡阳日报", "2021-07-31", "1", [visit("秦国文", "市委书记", "衡山科学城", "2021-07-30", ["刘正兴", "何恩广"])]))
        a.add(*page("衡阳日报", "2021-08-20", "1", [visit("秦国文", "市委书记", "雁峰区", "2021-08-19", ["刘正兴"])]))
        a.add(*page("衡阳日报", "2020-03-02", "2", [visit("秦国文", "市长", "珠晖区", "2020-03-01")]))
        # a namesake in another paper with another title: a different person
        a.add(*page("临江日报", "2022-01-05", "3", [visit("秦国文", "村党支部书记", "青石村", "2022-01-04")]))


def test_profile_titles_over_time_activity_places_companions(db_target):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        groups = identities(a.db, "秦国文")
        assert len(groups) == 2
        hengyang = next(profile(a.db, g) for g in groups if "衡阳日报" in profile(a.db, g).papers)
    assert [(t, first, last) for t, first, last, _ in hengyang.titles] == [
        ("市长", "2020-03-02", "2020-03-02"), ("市委书记", "2021-07-31", "2021-08-20")]
    assert hengyang.activity == {"2020-03": {"调研": 1}, "2021-07": {"调研": 1}, "2021-08": {"调研": 1}}
    assert dict(hengyang.places) == {"衡山科学城": 1, "雁峰区": 1, "珠晖区": 1}
    assert hengyang.companions[0] == ("刘正兴", 2)


def test_events_filters_and_order(db_target):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        rows = events(a.db, Filters(person="秦国文", paper="衡阳日报"))
        assert [r["date"] for r in rows] == ["2021-08-19", "2021-07-30", "2020-03-01"]
        assert rows[0]["actors"] == ["秦国文"] and rows[0]["participants"] == ["刘正兴"]
        assert len(events(a.db, Filters(person="刘正兴"))) == 2  # participants count too
        assert len(events(a.db, Filters(date_from="2021-01-01", date_to="2021-12-31"))) == 2
        assert events(a.db, Filters(type="会见")) == []


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jianbao", *args], capture_output=True, text=True)


def test_cli_person_events_csv(db_target):
    fill(db_target)
    r = cli("person", "秦国文", "--db", db_target, "--json")
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.strip().splitlines()) == 2
    r = cli("person", "秦国文", "--db", db_target)
    assert "市委书记" in r.stdout and "刘正兴" in r.stdout
    r = cli("person", "无此人", "--db", db_target)
    assert r.returncode == 1 and "no person called 无此人" in r.stderr
    r = cli("events", "--db", db_target, "--csv", "--type", "调研", "--paper", "衡阳日报")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 3 and rows[0]["actors"] == "秦国文" and rows[0]["participants"] == "刘正兴"
    r = cli("events", "--db", db_target, "--json", "--person", "何恩广")
    assert [json.loads(x)["date"] for x in r.stdout.splitlines()] == ["2021-07-30"]
