"""Bad or oversized parameters: 4xx with a message saying what to change, never a 5xx."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from web_helpers import client  # noqa: F401 - the fixture

BAD = [
    ("/search", {"q": "x" * 201}, "200"),
    ("/search", {"q": '""'}, "no letters or digits"),
    ("/search", {"q": "a\x00b"}, "q"),
    ("/search", {"from": "2021-02-30"}, "is not a date"),
    ("/search", {"from": "yesterday"}, "from"),
    ("/search", {"from": "2022-01-01", "to": "2021-01-01"}, "swap them"),
    ("/search", {"page": "0"}, "page"),
    ("/search", {"page": "abc"}, "page"),
    ("/search", {"size": "1000"}, "size"),
    ("/search", {"page": "200", "size": "100"}, "10,000"),
    ("/search", {"type": "打麻将"}, "type"),
    ("/search", {"paper": "报" * 65}, "paper"),
    ("/article/abc", {}, "article_id"),
    ("/article/0", {}, "article_id"),
    ("/article/99999999999999999999999", {}, "article_id"),
    ("/page/-1", {}, "page_id"),
    ("/person/" + "张" * 65, {}, "name"),
]


@pytest.mark.parametrize("path,params,says", BAD)
def test_bad_parameters_get_4xx_with_a_message(client, path, params, says):
    r = client.get(path, params=params)
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html"), (r.status_code, r.text[:200])
    assert says in r.text
    api = client.get("/api" + path.replace("/article/", "/articles/").replace("/page/", "/pages/")
                     .replace("/person/", "/persons/"), params=params)
    assert api.status_code in (400, 422) and says in api.json()["detail"]


def test_unknown_paths_are_404(client):
    assert client.get("/nothing/here").status_code == 404
    assert client.get("/api/nothing").json()["detail"].startswith("no such page")


def test_writes_are_refused(client):
    assert client.post("/api/search").status_code == 405
    assert client.delete("/api/articles/1").status_code == 405


text = st.text(st.characters(codec="utf-8"), max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(q=text, paper=text, person=text, page=st.integers(-5, 10**6) | st.none(), frm=text)
def test_pages_never_fail_on_any_input(client, q, paper, person, page, frm):
    params = {"q": q, "paper": paper, "person": person, "from": frm}
    if page is not None:
        params["page"] = page
    for path in ("/search", "/person/" + quote(person or "x", safe="")):
        r = client.get(path, params=params)
        assert r.status_code < 500, (path, params, r.text[:300])
