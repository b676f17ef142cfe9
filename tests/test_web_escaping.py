"""Everything from the archive is text: a page whose text holds <script> shows it, never runs it."""
from __future__ import annotations

from urllib.parse import quote

from jianbao.web.charts import activity_bars, titles_timeline
from web_helpers import EVIL, EVIL_NAME, EVIL_PLACE, article_id, client  # noqa: F401 - the fixture

ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"


def no_markup_from_data(html: str) -> None:
    assert "<script>alert" not in html and "<b>黄某" not in html and "<img src=x" not in html
    assert "<i>市长" not in html and "<em>某局" not in html and "<u>某" not in html and "<s>调研" not in html
    assert html.count("<script") == html.count('<script src="/static/app.js" defer></script>')


def test_article_page_escapes_every_field(client):
    aid = article_id(client, "头条")
    html = client.get(f"/article/{aid}").text
    no_markup_from_data(html)
    assert ESCAPED in html and "&lt;b&gt;黄某&lt;/b&gt;" in html and "副题&lt;i&gt;斜&lt;/i&gt;" in html
    # the hostile name is still linked, with its URL quoted
    assert f'href="/person/{quote(EVIL_NAME, safe="")}"' in html


def test_search_page_escapes_snippets_and_facets(client):
    html = client.get("/search", params={"q": "正文"}).text
    no_markup_from_data(html)
    assert ESCAPED in html and "&lt;b&gt;恶意日报&lt;/b&gt;" in html
    html = client.get("/search", params={"q": "alert", "paper": "<b>恶意日报</b>"}).text
    no_markup_from_data(html)
    assert "<mark>alert</mark>" in html


def test_page_view_shows_the_input_as_text(client):
    aid = article_id(client, "头条")
    pid = client.get(f"/api/articles/{aid}").json()["parts"][0]["page_id"]
    html = client.get(f"/page/{pid}").text
    no_markup_from_data(html)
    assert html.count(ESCAPED) >= 3   # as cut, and twice in the original input


def test_person_page_and_charts_escape(client):
    html = client.get("/person/" + quote(EVIL_NAME, safe="")).text
    no_markup_from_data(html)
    assert "&lt;i&gt;市长&lt;/i&gt;" in html
    svg = titles_timeline([("<i>市长</i>", "2022-02-02", "2022-02-02", 1)]) + activity_bars({"2022-02": {"<x>": 1}})
    assert "<i>" not in svg and "<x>" not in svg and "&lt;i&gt;市长" in svg


def test_api_returns_the_text_as_data(client):
    aid = article_id(client, "头条")
    a = client.get(f"/api/articles/{aid}").json()
    assert a["headline"] == EVIL + "头条" and a["places"] == [EVIL_PLACE]
    r = client.get(f"/api/articles/{aid}")
    assert r.headers["content-type"] == "application/json"


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "http" not in r.text.split("<body>")[0]   # nothing loaded from elsewhere


def test_every_response_carries_the_security_headers(db_target):
    """Pages, JSON, errors and static files alike; a Host the server does not answer to gets 400."""
    from fastapi.testclient import TestClient

    from jianbao.web import WebSettings, create_app
    from web_helpers import fill
    fill(db_target)
    with TestClient(create_app(db_target, WebSettings(allowed_hosts=("testserver",)))) as c:
        for url, status in (("/", 200), ("/api/search?q=调研", 200), ("/no/such/page", 404), ("/api/articles/0", 422),
                            ("/static/style.css", 200)):
            r = c.get(url)
            assert r.status_code == status and r.headers["x-frame-options"] == "DENY", url
            assert "default-src 'self'" in r.headers["content-security-policy"], url
        r = c.get("/", headers={"Host": "evil.example"})
        assert r.status_code == 400 and "its own address" in r.json()["detail"] and r.headers["x-frame-options"] == "DENY"
