"""The person page and /api/persons: titles over time, activities per month, places, companions, articles."""
from __future__ import annotations

import re

from jianbao.web.charts import activity_bars, titles_timeline
from web_helpers import client  # noqa: F401 - the fixture


def test_api_person_profiles_namesakes_apart(client):
    got = client.get("/api/persons/秦国文").json()
    assert got["name"] == "秦国文" and len(got["identities"]) == 2
    hy = next(p for p in got["identities"] if p["papers"] == ["衡阳日报"])
    assert [(t["title"], t["first"], t["last"]) for t in hy["titles"]] == [
        ("市长", "2020-03-02", "2020-03-02"), ("市委书记", "2021-07-31", "2021-08-20")]
    assert {m["month"]: m["counts"] for m in hy["activity"]} == {
        "2020-03": {"调研": 1}, "2021-07": {"调研": 1}, "2021-08": {"调研": 1}}
    assert {c["value"] for c in hy["places"]} == {"衡山科学城", "雁峰区", "珠晖区"}
    assert hy["companions"][0] == {"value": "刘正兴", "count": 2}
    assert len(hy["articles"]) == 3


def test_person_page_charts_and_lists(client):
    html = client.get("/person/秦国文").text
    assert "2 人同名" in html
    assert html.count('aria-label="职务时间线"') == 2 and html.count('aria-label="每月活动"') == 2
    assert "<svg" in html and "市委书记" in html and "市长" in html
    assert '<a class="ent per" href="/person/%E5%88%98%E6%AD%A3%E5%85%B4">刘正兴</a> <span class="n">2</span>' in html
    assert re.search(r'<a href="/search\?place=[^"]+">衡山科学城</a>', html)
    arts = re.findall(r'<a href="(/article/\d+)">秦国文到', html)
    assert len(arts) == 4 and client.get(arts[0]).status_code == 200
    assert 'href="/search?person=%E7%A7%A6%E5%9B%BD%E6%96%87"' in html


def test_unknown_person_is_404(client):
    r = client.get("/person/无此人")
    assert r.status_code == 404 and "no person called 无此人" in r.text
    assert client.get("/api/persons/无此人").status_code == 404


def test_charts_draw_spans_and_every_month():
    svg = titles_timeline([("市长", "2020-03-02", "2020-03-02", 1), ("市委书记", "2021-07-31", "2021-08-20", 2)])
    assert svg.startswith("<svg") and svg.count("<rect") == 2 and ">2021<" in svg
    svg = activity_bars({"2021-01": {"调研": 2}, "2021-04": {"会议": 1, "调研": 1}})
    assert svg.count("<rect") == 2 + 3    # legend squares, then bars (months 2-3 are empty)
    assert "2021-04 会议：1" in svg
    assert "没有带日期" in titles_timeline([]) and "没有带日期" in activity_bars({"?": {"调研": 1}})
