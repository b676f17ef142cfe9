"""End to end in a real browser: Debian's chromium, headless, driven by Playwright, against `uvicorn`
on a free loopback port. Walks search → article → person (and the page view), saving screenshots to
tests/artifacts/. Nothing may be fetched from anywhere but the server, and no script from the data runs."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from web_helpers import EVIL, fill, serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    pytestmark = [pytest.mark.browser,
                  pytest.mark.skip(reason="no chromium here; .ci/run installs Debian's chromium package")]
    if os.environ.get("CI"):
        raise RuntimeError("chromium is required in CI: .ci/run installs it (apt-get install chromium)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("web") / "archive.db")
    fill(db)
    yield from serve(db)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    pg.elsewhere, pg.errors, pg.dialogs = [], [], []
    host = urlsplit(server).netloc
    pg.on("request", lambda r: urlsplit(r.url).netloc != host and pg.elsewhere.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    ctx.close()
    assert pg.elsewhere == [], "fetched from elsewhere"
    assert pg.errors == [] and pg.dialogs == []


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def test_search_article_person_walk(page, server):
    page.goto(server + "/")
    box = page.locator("form.search input[name=q]")
    box.fill("周立衡 调研")
    box.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert "q=%E5%91%A8%E7%AB%8B%E8%A1%A1+%E8%B0%83%E7%A0%94" in page.url     # the URL holds the query
    assert page.locator("li.hit").count() >= 1 and page.locator("li.hit mark").count() >= 2
    assert page.locator('section.facet[data-facet="person"] li').count() >= 1
    shot(page, "1-search")

    page.locator("li.hit a.headline").first.click()
    page.wait_for_url("**/article/*")
    assert page.locator("article.article h1").inner_text() == "以链式思维育集群 以开放姿态拓空间"
    assert page.locator("h3.subheading").count() >= 3 and page.locator("table").count() == 1
    assert page.locator("p.jump").count() == 2          # 下转 / 上接: the two parts joined
    shot(page, "2-article")

    page.locator("article.article a.ent.per", has_text="周立衡").first.click()
    page.wait_for_url("**/person/*")
    assert page.locator("h1").inner_text() == "周立衡"
    for chart in ("figure.timeline svg", "figure.activity svg"):
        box = page.locator(chart).first.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 20
    shot(page, "3-person")

    page.go_back()
    page.locator("a.pagelink").first.click()
    page.wait_for_url("**/page/*")
    assert page.locator("article.cutart").count() == 4 and page.locator("section.furniture li").count() >= 5
    page.locator("article.cutart").first.hover()
    assert page.locator('pre.source span.hot[data-owner="article:0"]').count() >= 1   # app.js lights it up
    shot(page, "4-page")


def test_person_with_history_and_facets(page, server):
    page.goto(server + "/person/%E7%A7%A6%E5%9B%BD%E6%96%87")
    assert page.locator("section.person").count() == 2                       # namesakes apart
    assert page.locator("figure.timeline svg rect").count() >= 2
    shot(page, "5-person-namesakes")
    page.goto(server + "/search?q=%E8%B0%83%E7%A0%94")
    page.locator('section.facet[data-facet="month"] a', has_text="2021-09").click()
    page.wait_for_url("**from=2021-09-01*")
    assert "2021-09-30" in page.url and page.locator("a.chip").count() == 1
    page.locator("nav.pager a[rel=next]").click()
    page.wait_for_url("**page=2*")
    assert page.locator("li.hit").count() == 5
    shot(page, "6-search-facet-page2")


def test_hostile_text_is_shown_not_run(page, server):
    page.goto(server + "/search?q=%E5%A4%B4%E6%9D%A1")
    page.locator("li.hit a.headline").first.click()
    page.wait_for_url("**/article/*")
    assert EVIL in page.locator("article.article h1").inner_text()
    page.locator("a.pagelink").first.click()
    page.wait_for_url("**/page/*")
    assert EVIL in page.locator("pre.source").inner_text()
    shot(page, "7-escaped")


def test_person_axes_label_every_year(page, server):
    """The timeline starts at a labelled gridline left of its first mark; both axes name every year."""
    page.goto(server + "/person/%E7%A7%A6%E5%9B%BD%E6%96%87")
    svg = page.locator("section.person").first.locator("figure.timeline svg")
    first_line = min(float(x) for x in svg.locator("line").evaluate_all("els => els.map(e => e.getAttribute('x1'))"))
    first_mark = min(float(x) for x in svg.locator("rect").evaluate_all("els => els.map(e => e.getAttribute('x'))"))
    assert first_line <= first_mark
    labels = svg.locator("text[fill='#666']").evaluate_all("els => els.map(e => e.textContent)")
    assert labels[0] == "2020" and "2021" in labels
    bars = page.locator("section.person").first.locator("figure.activity svg text[fill='#666']").evaluate_all(
        "els => els.map(e => e.textContent)")
    assert {"2020", "2021"} <= {x[:4] for x in bars if x[:4].isdigit()}
    shot(page, "8-person-axes")


def test_activity_table_keeps_dates_and_times_whole(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/search?q=%E7%A7%A6%E5%9B%BD%E6%96%87+%E8%A1%A1%E5%B1%B1%E7%A7%91%E5%AD%A6%E5%9F%8E")
    page.locator("li.hit a.headline").first.click()
    page.wait_for_url("**/article/*")
    for cell in ("td.date", "td.tod"):
        el = page.locator("section.events " + cell).first
        assert el.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
        lines = el.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e); "
                            "return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }")
        assert lines == 1, cell
    assert page.locator("section.events td.date").first.inner_text() == "2021-07-30"
    shot(page, "9-article-phone")


def test_phone_shows_results_before_facets(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/search?q=%E8%B0%83%E7%A0%94")
    hit = page.locator("li.hit").first.bounding_box()
    facets = page.locator("aside.facets").bounding_box()
    assert hit["y"] < facets["y"]
    assert "篇" in page.locator("p.total").inner_text() and "article" not in page.locator("main").inner_text()
    shot(page, "10-search-phone")


def test_page_view_original_follows_the_article(page, server):
    page.set_viewport_size({"width": 1280, "height": 500})   # the original pane scrolls
    page.goto(server + "/search?q=%E5%91%A8%E7%AB%8B%E8%A1%A1")
    page.locator("li.hit a.headline").first.click()
    page.wait_for_url("**/article/*")
    page.locator("a.pagelink").first.click()
    page.wait_for_url("**/page/*")
    pre = page.locator("pre.source")
    assert pre.evaluate("e => e.scrollHeight > e.clientHeight + 50")
    last = page.locator("article.cutart").last
    owner = last.get_attribute("data-owner")
    last.scroll_into_view_if_needed()
    last.click(position={"x": 10, "y": 10})
    target = page.locator(f'pre.source [data-owner="{owner}"]').first
    assert pre.evaluate("e => e.scrollTop") > 0
    shown = page.evaluate("([p, t]) => { const a = p.getBoundingClientRect(), b = t.getBoundingClientRect(); "
                          "return b.top >= a.top - 1 && b.top < a.bottom; }", [pre.element_handle(), target.element_handle()])
    assert shown and "picked" in (target.get_attribute("class") or "")
    shot(page, "11-page-follow")


def test_error_page_in_chinese(page, server):
    page.goto(server + "/article/99999")
    assert page.locator("h1").inner_text() == "404 · 找不到" and "本库没有编号" in page.locator("p.detail").inner_text()
    shot(page, "12-error")


def test_timeline_sort_downloads_and_more(page, server):
    """Issue 20: the hits' timeline narrows the search when a bar is clicked; the sort control reorders;
    the download links and a facet's "more" list are beside the results."""
    page.goto(server + "/search?q=%E8%B0%83%E7%A0%94")
    bars = page.locator("figure.hits-timeline svg a.period")
    assert bars.count() >= 4                                     # 2020 … 2023, a bar a year
    shot(page, "13-search-timeline")
    page.locator('figure.hits-timeline a.period[data-period="2021"]').click()
    page.wait_for_url("**from=2021-01-01*")
    assert page.locator('figure.hits-timeline a.period[data-period="2021-09"]').count() == 1   # now by month
    page.locator('figure.hits-timeline a.period[data-period="2021-09"]').click()
    page.wait_for_url("**from=2021-09-01*")
    assert "25 篇" in page.locator("p.total").inner_text()
    page.locator('.tools .sort a[data-sort="oldest"]').click()
    page.wait_for_url("**sort=oldest*")
    dates = [d.split(" · ")[1] for d in page.locator("li.hit .meta").all_inner_texts()]
    assert dates == sorted(dates) and dates[0] == "2021-09-01"
    shot(page, "14-search-sorted")
    href = page.locator(".tools .downloads a", has_text="CSV").first.get_attribute("href")
    got = page.request.get(server + href)
    assert got.ok and got.text().lstrip("\ufeff").startswith("article_id,") and len(got.text().splitlines()) == 26
    page.goto(server + "/search")
    page.locator('section.facet[data-facet="place"] a.more').click()
    page.wait_for_url("**/facet/place*")
    assert page.locator("section.facet-all li").count() > 10
    shot(page, "15-facet-more")


def test_browse_paper_calendar_issue_page_article(page, server):
    page.goto(server + "/")
    page.locator("header nav a", has_text="报纸").click()
    page.wait_for_url("**/papers")
    shot(page, "16-papers")
    page.locator("table.papers a", has_text="衡阳日报").click()
    page.wait_for_url("**/paper/*")
    assert page.locator("table.month").count() >= 4 and page.locator("td.issue a").count() == 28
    shot(page, "17-paper-calendar")
    page.locator('table.month[data-month="2021-07"] td.issue a', has_text="31").click()
    page.wait_for_url("**/2021-07-31")
    shot(page, "18-issue")
    page.locator("li.issue-page ul a").first.click()
    page.wait_for_url("**/article/*")
    assert page.locator("article.article h1").inner_text() == "秦国文到衡山科学城调研"
    page.go_back()
    page.locator("a.pagelink").first.click()
    page.wait_for_url("**/page/*")
    assert page.locator("article.cutart").count() == 1


def test_api_page_tries_a_path(page, server):
    page.goto(server + "/api")
    form = page.locator('form.try[data-path="/api/search"]')
    form.locator('input[name="q"]').fill("调研")
    form.locator('select[name="sort"]').select_option("oldest")
    form.locator("button").click()
    answer = page.locator('section.op[data-path="/api/search"] pre.answer')
    page.wait_for_function("() => document.querySelector('section.op[data-path=\"/api/search\"] pre.answer')"
                           ".getAttribute('data-status') === '200'")
    assert '"sort": "oldest"' in answer.inner_text()
    shot(page, "19-api-docs")
