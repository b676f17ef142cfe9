"""The web UI's defects that researchers hit (issue 20), each checked on the API or through the CLI:
the pager and totals, empty paper names, one-line errors for a bad --db, issue_date in the events CSV,
and the query syntax (tabs, year and month dates, -word, traditional characters)."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from jianbao.model import Article, Event, Person
from jianbao.store import open_archive
from tag_docs import page, visit
from web_helpers import client  # noqa: F401 - the fixture


def cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jianbao", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


def test_the_pager_offers_every_page_and_the_total_is_exact(client):
    """Browsing one activity type (no words): the total is the true count and the last page is offered."""
    res = client.get("/api/search", params={"type": "调研", "size": 10}).json()
    assert res["total"] == 31 and res["total_exact"] and res["total_margin"] == 0 and res["pages"] == 4
    assert all(c["margin"] == 0 for rows in res["facets"].values() if isinstance(rows, list) for c in rows)
    seen = []
    for k in range(1, 5):
        got = client.get("/api/search", params={"type": "调研", "size": 10, "page": k}).json()
        assert got["total"] == 31   # no drift while paging
        seen += [h["article_id"] for h in got["hits"]]
    assert len(set(seen)) == 31
    assert client.get("/api/search", params={"type": "调研", "size": 10, "page": 5}).json()["hits"] == []
    html = client.get("/search", params={"type": "调研", "size": 10, "page": 3}).text
    assert "31 篇 · 第 3 / 4 页" in html and 'rel="next"' in html and "≈" not in html.split('class="total"')[1][:80]


def test_no_empty_paper_names(db_target):
    from fastapi.testclient import TestClient

    from jianbao.web import create_app
    with open_archive(db_target) as a:
        a.add(*page("衡阳日报", "2021-07-31", "1", [visit("秦国文", "市委书记", "衡山科学城", "2021-07-30")]))
        a.add(*page(None, "2021-08-02", "1", [visit("秦国文", "市委书记", "雁峰区", "2021-08-01")], source="nameless.md"))
        a.add(*page("临江日报", "2021-09-02", "1", [visit("秦国文", "市委书记", "青石村", "2021-09-01")]))
    with TestClient(create_app(db_target)) as c:
        prof = c.get("/api/persons/秦国文").json()["identities"]
        assert all("" not in p["papers"] for p in prof)
        assert sorted(x for p in prof for x in p["papers"]) == ["临江日报", "衡阳日报"]
        html = c.get("/person/秦国文").text
        assert "、、" not in html and "、<" not in html and ">、" not in html
        facets = c.get("/api/search", params={"q": "调研"}).json()["facets"]
        assert "" not in [x["value"] for x in facets["paper"]]


@pytest.fixture
def archive_file(tmp_path):
    db = tmp_path / "a.db"
    with open_archive(str(db)) as a:
        a.add(*page("衡阳日报", "2021-07-31", "1", [visit("秦国文", "市委书记", "衡山科学城", "2021-07-30")]))
        a.add(*page("衡阳日报", "2020-03-02", "2", [Article(
            headline="市领导调研", paragraphs=["市领导到园区调研。"],
            events=[Event("调研", "调研", None, None, None, ["秦国文"], [], [])])]))
    return db


def test_bad_db_paths_get_one_line(tmp_path, archive_file):
    folder = tmp_path / "archive.db"
    folder.mkdir()
    for args in (["search", "调研", "--db", str(folder)], ["serve", "--db", str(folder), "--port", "1"],
                 ["events", "--db", str(folder)]):
        r = cli(*args)
        assert r.returncode != 0 and "Traceback" not in r.stderr, r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and "is a folder" in lines[0] and "--db" in lines[0] and str(folder / "jianbao.db") in lines[0]
    page_file = tmp_path / "p.md"
    page_file.write_text("# 市领导到园区调研\n\n本报讯 市领导到园区调研，了解企业生产情况。\n", encoding="utf-8")
    r = cli("ingest", str(page_file), "--db", "/proc/x.db")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    line = r.stderr.strip().splitlines()[-1]
    assert "/proc/x.db" in line and "cannot create the archive file in /proc" in line and "--db" in line


def test_events_csv_and_json_have_the_same_columns(archive_file):
    r = cli("events", "--db", str(archive_file), "--csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert "issue_date" in rows[0] and {x["issue_date"] for x in rows} == {"2021-07-31", "2020-03-02"}
    assert any(x["date"] == "" and x["issue_date"] == "2020-03-02" for x in rows)   # an undated activity
    j = [json.loads(x) for x in cli("events", "--db", str(archive_file), "--json").stdout.splitlines()]
    assert set(j[0]) == set(rows[0])


def test_cli_dates_accept_a_year_or_a_month(archive_file):
    r = cli("search", "调研", "--db", str(archive_file), "--from", "2021", "--json")
    assert r.returncode == 0 and [json.loads(x)["date"] for x in r.stdout.splitlines()] == ["2021-07-31"]
    r = cli("search", "调研", "--db", str(archive_file), "--to", "2020-03", "--json")
    assert [json.loads(x)["date"] for x in r.stdout.splitlines()] == ["2020-03-02"]
    r = cli("search", "调研", "--db", str(archive_file), "--from", "2021-13")
    assert r.returncode == 2 and "a year, 2021, or a month, 2021-07" in r.stderr


def test_query_syntax(client):
    def total(**params) -> int:
        r = client.get("/api/search", params=params)
        assert r.status_code == 200, r.text
        return r.json()["total"]
    assert total(q="秦国文\t调研") == total(q="秦国文 调研") == 4             # a tab is white space
    assert total(q="调研", **{"from": "2021"}) == total(q="调研", **{"from": "2021-01-01"})
    assert total(q="调研", to="2021") == total(q="调研", to="2021-12-31")
    assert total(q="调研", **{"from": "2021-09"}, to="2021-09") == 25
    assert total(q="调研 -朱健") == total(q="调研") - 25                        # NOT
    assert total(q='调研 -"第3工业园"') == total(q="调研") - 1                  # NOT a phrase
    assert total(q='"到珠晖区调研"') == 1 and total(q='"到珠晖区 调研"') == 0    # phrases
    r = client.get("/search", params={"q": "调研", "from": "2021-13"})
    assert r.status_code == 400 and "年份（2021）、年月（2021-07）或日期（2021-07-31）" in r.text
    r = client.get("/api/search", params={"q": "调研", "from": "last year"})
    assert r.status_code == 422 and "a year (2021), a month (2021-07) or a day (2021-07-31)" in r.json()["detail"]
    r = client.get("/api/search", params={"q": "-调研"})
    assert r.status_code == 400 and "besides the excluded" in r.json()["detail"]
    html = client.get("/search").text   # the syntax is documented on the search page
    assert "搜索语法" in html and "-会议" in html and "秦國文" in html


def test_traditional_characters_fold_to_simplified(db_target):
    from fastapi.testclient import TestClient

    from jianbao.web import create_app
    with open_archive(db_target) as a:
        a.add(*page("衡阳日报", "2021-07-31", "1", [visit("秦国文", "市委书记", "衡山科学城", "2021-07-30")]))
        a.add(*page("臨江日報", "2021-08-02", "1", [Article(headline="秦國文到臨江調研",
                                                         paragraphs=["市委書記秦國文到臨江高新區調研。"],
                                                         persons=[Person("秦國文", ["市委書記"])])]))
    with TestClient(create_app(db_target)) as c:
        for q in ("秦國文", "秦国文", "临江 调研"):
            res = c.get("/api/search", params={"q": q}).json()
            assert res["total"] == (2 if q != "临江 调研" else 1), q
        hit = next(h for h in c.get("/api/search", params={"q": "秦国文"}).json()["hits"] if "國" in h["headline"])
        assert "秦國文" in [hit["snippet"][a:b] for a, b in hit["marks"]]   # marked in its own script


def test_error_pages_are_in_chinese(client):
    r = client.get("/article/99999")
    assert r.status_code == 404 and "404 · 找不到" in r.text and "本库没有编号 99999 的文章" in r.text
    assert 'title="no article 99999' in r.text   # the English stays in a title
    r = client.get("/search", params={"size": "1000"})
    assert r.status_code == 400 and "size：最大为 100" in r.text
    assert client.get("/nothing").text.count("没有这个页面") == 1
