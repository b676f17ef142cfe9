"""The search page and /api/search: results, facets with counts, filters, pagination, shareable URLs."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from web_helpers import client  # noqa: F401 - the fixture

# sections as the examples' headers print them; the hand-made pages say 要闻


def facet(res: dict, key: str) -> dict[str, int]:
    return {c["value"]: c["count"] for c in res["facets"][key]}


def test_api_search_hits_and_facets(client):
    res = client.get("/api/search", params={"q": "调研"}).json()
    assert res["total"] == 31 and res["page"] == 1 and res["size"] == 20 and res["pages"] == 2
    assert len(res["hits"]) == 20
    assert facet(res, "paper") == {"衡阳日报": 28, "临江日报": 2, "<b>恶意日报</b>": 1}
    assert facet(res, "year") == {"2023": 1, "2022": 2, "2021": 27, "2020": 1}
    assert facet(res, "month")["2021-09"] == 25
    assert facet(res, "type")["调研"] == 31
    assert facet(res, "person")["朱健"] == 25 and facet(res, "person")["秦国文"] == 4
    hit = res["hits"][0]
    for field in ("article_id", "headline", "kicker", "date", "paper", "page", "snippet", "marks"):
        assert field in hit
    for a, b in hit["marks"]:
        assert hit["snippet"][a:b] == "调研"


def test_filters_narrow_results_and_facets(client):
    res = client.get("/api/search", params={"q": "调研", "person": "秦国文", "paper": "衡阳日报"}).json()
    assert res["total"] == 3
    assert facet(res, "paper") == {"衡阳日报": 3}
    res = client.get("/api/search", params={"q": "调研", "from": "2021-09-01", "to": "2021-09-30"}).json()
    assert res["total"] == 25 and set(facet(res, "month")) == {"2021-09"}
    res = client.get("/api/search", params={"q": "调研", "place": "珠晖区"}).json()
    assert [h["headline"] for h in res["hits"]] == ["秦国文到珠晖区调研"]
    res = client.get("/api/search", params={"section": "要闻·综合"}).json()
    assert res["total"] == 3 and set(facet(res, "section")) == {"要闻·综合"}
    assert client.get("/api/search", params={"q": "调研", "type": "会见"}).json()["total"] == 0


def test_no_query_browses_newest_first(client):
    res = client.get("/api/search", params={"size": 5}).json()
    assert res["total"] == client.get("/api/stats").json()["articles"]
    dates = [h["date"] for h in res["hits"]]
    assert dates == sorted(dates, reverse=True)


def test_continued_article_is_one_hit(client):
    res = client.get("/api/search", params={"q": "周立衡"}).json()
    heads = [h["headline"] for h in res["hits"]]
    assert heads.count("以链式思维育集群 以开放姿态拓空间") == 1
    assert next(h for h in res["hits"] if h["headline"].startswith("以链式"))["parts"] == 2


def test_pagination_walks_all_hits_once(client):
    seen = []
    for page in (1, 2, 3, 4):
        res = client.get("/api/search", params={"q": "朱健", "size": 10, "page": page}).json()
        seen += [h["article_id"] for h in res["hits"]]
    assert len(seen) == len(set(seen)) == 25


def test_search_page_shows_results_facets_and_pager(client):
    r = client.get("/search", params={"q": "调研", "paper": "衡阳日报"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert 'value="调研"' in html and 'name="paper" value="衡阳日报"' in html   # the form keeps the query
    assert "<mark>调研</mark>" in html
    assert re.search(r'<a href="/search\?q=%E8%B0%83%E7%A0%94&amp;paper=%E8%A1%A1%E9%98%B3%E6%97%A5%E6%8A%A5'
                     r'&amp;person=%E6%9C%B1%E5%81%A5">朱健</a> <span class="n">25</span>', html)
    assert 'rel="next"' in html and "第 1 / 2 页" in html
    assert "报纸: 衡阳日报" in html   # an active filter, removable


def test_url_holds_the_whole_query(client):
    html = client.get("/search", params={"q": "调研", "person": "秦国文", "from": "2021-01-01"}).text
    nxt = re.search(r'<a href="(/search\?[^"]*)">衡阳日报</a>', html).group(1).replace("&amp;", "&")
    qs = parse_qs(urlsplit(nxt).query)
    assert qs == {"q": ["调研"], "paper": ["衡阳日报"], "from": ["2021-01-01"], "person": ["秦国文"]}
    assert client.get(nxt).status_code == 200


def test_home_page_shows_archive_and_facets(client):
    html = client.get("/").text
    assert "articles ·" in html and 'data-facet="paper"' in html and 'data-facet="person"' in html


def test_very_common_queries_show_estimated_facets(db_target):
    from fastapi.testclient import TestClient

    from jianbao.web import WebSettings, create_app
    from web_helpers import fill
    fill(db_target)
    with TestClient(create_app(db_target, WebSettings(exact_up_to=10))) as c:
        res = c.get("/api/search", params={"q": "调研"}).json()
        assert res["facets"]["sample_every"] == 4 and res["total"] == 31 and res["total_exact"]
        html = c.get("/search", params={"q": "调研"}).text
        assert "≈ 估计数" in html and re.search(r'<span class="n">≈\d+ ±\d+</span>', html)
        assert "“调研”：31 篇" in html


def test_totals_past_exact_counting_are_estimates(db_target, monkeypatch):
    """A query with more matches than are counted exactly (more than the ranking's window saw, more than
    COUNT_UP_TO) gets an estimated total, said so in JSON and shown with ≈; the results still page on."""
    import functools

    from fastapi.testclient import TestClient

    from jianbao import store
    from jianbao.store import Ranking, facets
    from jianbao.web import WebSettings, create_app
    from web_helpers import fill
    fill(db_target)
    monkeypatch.setattr(facets, "COUNT_UP_TO", 10)
    monkeypatch.setattr(store, "Ranking", functools.partial(Ranking, window=10))
    with TestClient(create_app(db_target, WebSettings(exact_up_to=10))) as c:
        res = c.get("/api/search", params={"q": "调研", "size": 10}).json()
        sqlite = res["facets"]["sample_every"] % 16 == 0   # PostgreSQL counts exactly, sampling facets only
        assert res["total_exact"] is not sqlite and len(res["hits"]) == 10
        assert res["total"] == 31 if not sqlite else res["total"] >= 11
        html = c.get("/search", params={"q": "调研", "size": 10}).text
        shown = f"≈{res['total']} ±{res['total_margin']}" if sqlite else str(res["total"])
        assert f"“调研”：{shown} 篇" in html and (res["total_margin"] > 0) is sqlite
        seen = {h["article_id"] for k in (1, 2, 3, 4) for h in
                c.get("/api/search", params={"q": "调研", "size": 10, "page": k}).json()["hits"]}
        assert len(seen) == 31


def test_a_write_while_serving_is_counted_at_once(tmp_path, monkeypatch):
    """The cache (on) and the facet columns a serving process holds are keyed by the archive's state:
    a page stored while the server runs is in the next search's total and facets, exact as before."""
    from fastapi.testclient import TestClient

    from jianbao.store import columns, open_archive
    from jianbao.web import WebSettings, create_app
    from tag_docs import page, visit
    from web_helpers import fill
    monkeypatch.setattr(columns, "SETTLE", 0.0)
    monkeypatch.setattr(columns, "REFRESH", 0.0)   # the columns read anew at once after the write
    monkeypatch.setattr(columns, "BACKGROUND", False)   # … in the asking thread
    target = str(tmp_path / "archive.db")
    fill(target)
    with TestClient(create_app(target, WebSettings(cache_ttl=600.0))) as c:
        for _ in range(4):   # asked again and again: cached, and the columns held
            before = c.get("/api/search", params={"q": "调研"}).json()
        assert before["total"] == 31 and "枫林晚报" not in facet(before, "paper")
        with open_archive(target) as w:
            w.add(*page("枫林晚报", "2024-05-06", "2", [visit("秦国文", "市委书记", "雁峰区", "2024-05-05")]))
        for _ in range(4):
            after = c.get("/api/search", params={"q": "调研"}).json()
            assert after["total"] == 32 and facet(after, "paper")["枫林晚报"] == 1
            assert facet(after, "person")["秦国文"] == facet(before, "person")["秦国文"] + 1
            assert facet(after, "year")["2024"] == 1
        # other queries (not cached): counted over the columns read anew, as the statement counts them
        got = {q: c.get("/api/search", params={"q": q}).json() for q in ("市委书记", "秦国文", "雁峰区", "调研 -秦国文")}
        assert columns.held(c.app.state.pool._all[0].db) is not None
    monkeypatch.setattr(columns, "HOLD_AFTER", 10 ** 9)   # the statement only
    with TestClient(create_app(target, WebSettings(cache_ttl=0.0))) as c:
        for q, res in got.items():
            assert res["facets"] == c.get("/api/search", params={"q": q}).json()["facets"]
        assert facet(got["秦国文"], "paper")["枫林晚报"] == 1
