"""The page view and /api/pages: articles in reading order, furniture apart, the original input beside."""
from __future__ import annotations

import re

from web_helpers import article_id, client  # noqa: F401 - the fixture


def front_page(client) -> int:
    aid = article_id(client, "以链式思维育集群 以开放姿态拓空间")
    return client.get(f"/api/articles/{aid}").json()["parts"][0]["page_id"]


def test_api_page_articles_furniture_and_input(client):
    pg = client.get(f"/api/pages/{front_page(client)}").json()
    assert pg["paper"] == "临江日报" and pg["date"] == "2023-05-12" and pg["page"] == "1"
    assert [a["seq"] for a in pg["articles"]] == list(range(len(pg["articles"])))
    assert pg["articles"][0]["headline"] == "以链式思维育集群 以开放姿态拓空间"
    assert {"kind": "page_header", "text": "臨江日報"} in pg["furniture"]
    assert pg["text"].startswith("# 臨江日報") and not pg["text_truncated"]
    segs = pg["segments"]
    assert segs[0]["start"] == 0 and segs[-1]["end"] == len(pg["text"])
    assert all(a["end"] == b["start"] for a, b in zip(segs, segs[1:]))    # the whole input, in order
    owned = {s["owner"].split(":")[0] for s in segs}
    assert owned >= {"article", "furniture"}
    # the headline's stretch of the input belongs to article 0
    at = pg["text"].index("以链式思维育集群")
    assert next(s for s in segs if s["start"] <= at < s["end"])["owner"] == "article:0"


def test_page_view_shows_cut_and_original_side_by_side(client):
    html = client.get(f"/page/{front_page(client)}").text
    cut, orig = html.index('class="cut"'), html.index('class="orig"')
    assert cut < orig
    heads = re.findall(r'<h3><a href="/article/\d+">([^<]+)</a></h3>', html)
    assert heads[0] == "以链式思维育集群 以开放姿态拓空间" and "（无标题）" in heads
    assert 'class="furniture"' in html and '<span class="fkind">page_header</span> 臨江日報' in html
    assert '<pre class="source">' in html and 'data-owner="article:0"' in html
    assert "LINJIANG DAILY" in html[orig:]


def test_missing_page_is_404(client):
    assert client.get("/page/424242").status_code == 404
    assert client.get("/api/pages/424242").json() == {"detail": "no page 424242 in this archive"}
