"""The article page and /api/articles: the article as a reader wants it, continued parts joined."""
from __future__ import annotations

import re

from web_helpers import article_id, client  # noqa: F401 - the fixture

HEAD = "以链式思维育集群 以开放姿态拓空间"


def test_api_article_fields_and_joined_parts(client):
    a = client.get(f"/api/articles/{article_id(client, HEAD)}").json()
    assert a["headline"] == HEAD and a["kicker"].startswith("市委书记周立衡")
    assert a["byline"] == "本报记者 杨帆" and a["dateline"] == "本报讯"
    assert a["pages"] == ["1", "2"] and len(a["parts"]) == 2
    first, second = a["parts"]
    assert first["continued_on"] == "2" and second["continued_from"] == "1"
    assert [b["text"] for b in first["body"] if b["kind"] == "subheading"][:2] == [
        "聚焦产业链 做强主引擎", "扩大高水平开放 跑出外贸加速度"]
    assert first["body"][0]["kind"] == "paragraph" and first["body"][1]["kind"] == "subheading"  # in place
    assert second["body"][-1]["text"] == "市领导刘思远、何建英、郑凯参加。"
    assert "周立衡" in {p["name"] for p in a["persons"]} and "临江高新区" in a["places"]
    assert {e["type"] for e in a["events"]} == {"调研", "会议"}


def test_article_page_reads_like_the_paper(client):
    aid = article_id(client, HEAD)
    html = client.get(f"/article/{aid}").text
    assert f"<h1>{HEAD}</h1>" in html
    assert '<span class="dateline">本报讯</span>' in html and "本报记者 杨帆" in html
    order = [html.index(s) for s in ("聚焦产业链 做强主引擎", "首先来到", "扩大高水平开放", "（下转第2版）",
                                     "（上接第1版", "参加。")]
    assert order == sorted(order)                        # subheadings in place, page 2 after page 1
    assert '<h3 class="subheading">' in html
    # persons, places, organisations highlighted and linked
    assert '<a class="ent per" href="/person/%E5%91%A8%E7%AB%8B%E8%A1%A1">周立衡</a>' in html
    assert re.search(r'<a class="ent loc" href="/search\?place=[^"]+">临江高新区</a>', html)
    assert re.search(r'<a class="ent org" href="/search\?q=[^"]+">芯跃半导体有限公司</a>', html)
    # events as a table, whole pages linked
    assert "<table>" in html and "<td>座谈会</td>" in html
    pages = re.findall(r'class="pagelink" href="(/page/\d+)"', html)
    assert len(pages) == 2 and all(client.get(p).status_code == 200 for p in pages)


def test_a_part_leads_to_its_whole_article(client):
    aid = article_id(client, HEAD)
    part = client.get(f"/api/articles/{aid}").json()["parts"][1]["article_id"]
    assert part != aid
    r = client.get(f"/article/{part}", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == f"/article/{aid}"
    assert client.get(f"/api/articles/{part}").json()["article_id"] == aid


def test_missing_article_is_404_with_a_message(client):
    r = client.get("/article/999999")
    assert r.status_code == 404 and "no article 999999" in r.text
    r = client.get("/api/articles/999999")
    assert r.status_code == 404 and r.json() == {"detail": "no article 999999 in this archive"}
