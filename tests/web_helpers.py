"""Shared by the web UI tests: an archive with real cut pages, hand-tagged visits and hostile text."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

from jianbao.model import Article, Event, Person
from jianbao.store import open_archive
from tag_docs import page, visit

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EVIL = '<script>alert("x")</script>'
EVIL_NAME = "<b>黄某</b>"
EVIL_PLACE = '<img src=x onerror="alert(1)">'


@functools.lru_cache(maxsize=None)
def cut_examples() -> tuple:
    """The linjiang front page and its page 2 (an article continued from page 1), cut and tagged once."""
    from jianbao.pipeline import read_path, run_page
    from jianbao.settings import Settings
    out = []
    for name in ("linjiang-daily-2023-05-12-p01.md", "linjiang-daily-2023-05-12-p02.md"):
        pg = read_path(str(EXAMPLES / name))
        out.append((run_page(pg, Settings()), pg.text))
    return tuple(out)


def serve(db: str):
    """The web app over `db` in a uvicorn server on a free loopback port, in a thread: yields its base
    URL, then stops it (a generator for a pytest fixture)."""
    import threading
    import time

    import uvicorn

    from conftest import free_port
    from jianbao.web import create_app
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and t.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


def evil_page():
    a = Article(headline=EVIL + "头条", kicker="引题" + EVIL, subheadline="副题<i>斜</i>", byline="本报记者 <u>某</u>",
                paragraphs=[f"正文里有{EVIL}和{EVIL_NAME}到{EVIL_PLACE}调研。"],
                persons=[Person(EVIL_NAME, ["<i>市长</i>"])], places=[EVIL_PLACE], orgs=["<em>某局</em>"],
                events=[Event("调研", "<s>调研</s>", "2022-02-01", "上午", None, [EVIL_NAME], [], [EVIL_PLACE])])
    doc, text = page("<b>恶意日报</b>", "2022-02-02", "1", [a])
    return doc, text + "\n" + EVIL


def fill(target: str) -> None:
    with open_archive(target) as a:
        for doc, text in cut_examples():
            a.add(doc, text)
        a.add(*page("衡阳日报", "2021-07-31", "1", [visit("秦国文", "市委书记", "衡山科学城", "2021-07-30", ["刘正兴", "何恩广"])]))
        a.add(*page("衡阳日报", "2021-08-20", "1", [visit("秦国文", "市委书记", "雁峰区", "2021-08-19", ["刘正兴"])]))
        a.add(*page("衡阳日报", "2020-03-02", "2", [visit("秦国文", "市长", "珠晖区", "2020-03-01")]))
        a.add(*page("临江日报", "2022-01-05", "3", [visit("秦国文", "村党支部书记", "青石村", "2022-01-04")]))
        for k in range(25):  # enough hits for three result pages of ten
            a.add(*page("衡阳日报", f"2021-09-{k + 1:02d}", "4", [visit("朱健", "市长", f"第{k}工业园", f"2021-09-{k + 1:02d}")]))
        a.add(*evil_page())


def client_for(target: str, filler):
    """A TestClient over the archive at `target`, filled by `filler(target)` (a test's own pages)."""
    import warnings
    with warnings.catch_warnings():   # starlette suggests another HTTP client package; httpx is the pinned one
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from jianbao.web import create_app
    filler(target)
    return TestClient(create_app(target))


@pytest.fixture
def client(db_target):
    """A TestClient over a filled archive, once per backend (SQLite, PostgreSQL)."""
    with client_for(db_target, fill) as c:
        yield c


def article_id(client, q: str) -> int:
    hits = client.get("/api/search", params={"q": q}).json()["hits"]
    assert hits, q
    return hits[0]["article_id"]
