"""Issue 20, what researchers expect, on the API (SQLite and PostgreSQL): sorting, the timeline of hits,
browsing by paper → issue → page → article, downloads of a search, facets with a "more" list, an unknown
bucket and article kinds, photo captions as photos, and the API page. Counts are checked against SQL."""
from __future__ import annotations

import csv
import io
import json

from jianbao.model import Article
from jianbao.store import open_archive
from tag_docs import page
from web_helpers import client  # noqa: F401  (the fixture)


def sql(client, statement: str, args: tuple = ()) -> list[tuple]:
    with client.app.state.pool.archive() as a:
        return a.db.fetchall(statement, args)


def test_sort_newest_oldest_relevance(client):
    got = {s: client.get("/api/search", params={"q": "调研", "sort": s, "size": 100}).json() for s in
           ("newest", "oldest", "relevance")}
    dated = [h["date"] for h in got["newest"]["hits"] if h["date"]]
    assert dated == sorted(dated, reverse=True) and len(dated) > 20
    assert [h["date"] for h in got["oldest"]["hits"] if h["date"]] == sorted(dated)
    assert {h["article_id"] for h in got["relevance"]["hits"]} == {h["article_id"] for h in got["newest"]["hits"]}
    assert got["oldest"]["sort"] == "oldest" and got["oldest"]["total"] == got["relevance"]["total"]
    assert client.get("/api/search", params={"q": "调研", "sort": "best"}).status_code == 422


def test_cli_search_sorts(client, db_target):
    from click.testing import CliRunner
    from jianbao.cli import main
    out = CliRunner().invoke(main, ["search", "调研", "--db", db_target, "--sort", "oldest", "--json", "--limit", "3"])
    assert out.exit_code == 0, out.output
    dates = [json.loads(x)["date"] for x in out.output.splitlines()]
    assert dates == sorted(dates) and dates[0] == "2020-03-02"


def test_timeline_counts_are_sql_counts(client):
    res = client.get("/api/search", params={"q": "调研"}).json()
    months = {c["value"]: c["count"] for c in res["timeline"]}
    want = dict(sql(client, "SELECT substr(a.date, 1, 7), count(*) FROM articles a WHERE a.body LIKE '%调研%' "
                            "AND a.date IS NOT NULL GROUP BY 1"))
    assert months == {k: int(v) for k, v in want.items()}
    assert list(months) == sorted(months)           # oldest first
    html = client.get("/search", params={"q": "调研"}).text      # 2020-03 … 2023-05: a bar a year
    assert 'class="period" data-period="2021"' in html and "from=2021-01-01&amp;to=2021-12-31" in html
    assert "2021：27 篇" in html                                    # its exact count, in its tooltip
    html = client.get("/search", params={"q": "调研", "from": "2021"}).text   # one year: a bar a month
    assert 'class="period" data-period="2021-09"' in html and "from=2021-09-01&amp;to=2021-09-30" in html
    assert 'data-period="2021-08"' in html and "2021-08：1 篇" in html


def test_facet_more_and_unknown_buckets(db_target):
    with open_archive(db_target) as a:
        for k in range(14):    # 14 papers: more than the 10 a facet shows
            a.add(*page(f"第{k}日报", "2021-03-01", "1", [Article(headline=f"开幕第{k}", paragraphs=["大会开幕。"])]))
        a.add(*page("", "", "", [Article(headline="无日期的开幕", paragraphs=["大会开幕。"])], source="x.md"))
        a.add(*page("图片日报", "2021-03-02", "1", [Article(kind="photo", paragraphs=["图为大会开幕现场。"])]))
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from jianbao.web import create_app
    with TestClient(create_app(db_target)) as c:
        res = c.get("/api/search", params={"q": "开幕"}).json()
        assert res["total"] == 16 and len(res["facets"]["paper"]) == 10
        assert {"value": "", "count": 1, "margin": 0} in res["facets"]["year"]          # undated
        assert {"value": "", "count": 16, "margin": 0} in res["facets"]["type"]         # no activity
        assert {x["value"]: x["count"] for x in res["facets"]["kind"]} == {"news": 15, "photo": 1}
        every = c.get("/api/facets/paper", params={"q": "开幕"}).json()
        assert len(every["values"]) == 15 and sum(x["count"] for x in every["values"]) == 15
        html = c.get("/search", params={"q": "开幕"}).text
        assert 'href="/facet/paper?q=' in html and "日期不详" in html and "无活动记录" in html
        assert "图片说明" in html and '<span class="kind">图片</span>' in html
        assert "（无标题）" not in html
        assert len(c.get("/facet/paper", params={"q": "开幕"}).text.split('<li class="')) == 16
        assert c.get("/api/search", params={"q": "开幕", "undated": 1}).json()["total"] == 1
        assert c.get("/api/search", params={"q": "开幕", "kind": "photo"}).json()["total"] == 1
        assert c.get("/api/search", params={"q": "开幕", "untyped": 1}).json()["total"] == 16


def test_browse_paper_calendar_issue_page(client):
    papers = client.get("/api/papers").json()
    hy = next(p for p in papers if p["name"] == "衡阳日报")
    want = sql(client, "SELECT count(DISTINCT date), count(*) FROM pages WHERE paper=?", ("衡阳日报",))[0]
    assert (hy["issues"], hy["pages"]) == tuple(int(x) for x in want)
    days = client.get("/api/papers/衡阳日报").json()["issues"]
    assert days[0]["date"] == "2020-03-02" and len(days) == hy["issues"]
    issue = client.get("/api/papers/衡阳日报/2021-07-31").json()
    [pg] = issue["pages"]
    assert pg["page"] == "1" and pg["articles"][0]["headline"] == "秦国文到衡山科学城调研"
    html = client.get("/paper/衡阳日报").text
    assert 'href="/paper/%E8%A1%A1%E9%98%B3%E6%97%A5%E6%8A%A5/2021-07-31"' in html and "2021年7月" in html
    assert f'href="/page/{pg["page_id"]}"' in client.get("/paper/衡阳日报/2021-07-31").text
    assert "衡阳日报" in client.get("/papers").text
    assert client.get("/api/papers/无此报").status_code == 404
    assert client.get("/paper/衡阳日报/2021-07-32").status_code == 400
    assert client.get("/paper/衡阳日报/1999-01-01").status_code == 404


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_downloads_follow_the_search(client):
    q = {"q": "调研", "paper": "衡阳日报"}
    total = client.get("/api/search", params=q).json()["total"]
    r = client.get("/api/download/articles.csv", params=q)
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    rows = _csv(r.text)
    assert len(rows) == total == 28 and all(x["paper"] == "衡阳日报" for x in rows)
    lines = client.get("/api/download/articles.json", params=q).text.splitlines()
    assert [json.loads(x)["article_id"] for x in lines] == [int(x["article_id"]) for x in rows]
    events = _csv(client.get("/api/download/events.csv", params=q).text)
    assert len(events) == 28 and {e["type"] for e in events} == {"调研"} and all(e["issue_date"] for e in events)
    persons = [json.loads(x) for x in client.get("/api/download/persons.json", params=q).text.splitlines()]
    assert persons[0] == {"name": "朱健", "paper": "衡阳日报", "articles": 25}
    assert client.get("/api/download/articles.csv", params={"q": "-调研"}).status_code == 400
    assert client.get("/api/download/everything.csv").status_code == 422
    html = client.get("/search", params=q).text
    assert 'href="/api/download/events.csv?q=%E8%B0%83%E7%A0%94&amp;paper=' in html


def test_download_streams_in_batches(client, monkeypatch):
    """Rows are made a batch of matches at a time (iter_logical), not all at once."""
    from jianbao.store import Archive
    seen = []
    real = Archive.iter_logical

    def spy(*a, **kw):
        for batch in real(*a, **{**kw, "batch": 5}):
            seen.append(len(batch))
            yield batch
    monkeypatch.setattr(Archive, "iter_logical", spy)
    assert len(_csv(client.get("/api/download/articles.csv", params={"q": "调研"}).text)) == 31
    assert len(seen) >= 6 and max(seen) <= 5


def test_api_page_lists_every_path_with_a_form(client):
    html = client.get("/api").text
    paths = client.get("/openapi.json").json()["paths"]
    for path in paths:
        assert f'data-path="{path}"' in html
    assert 'form class="try"' in html and "/static/app.js" in html
    assert "http://" not in html and "https://" not in html   # nothing from a CDN
    assert client.get("/api/docs").status_code == 200
