"""The page facsimile in a real browser (issue 20): the page view shows the PDF page's picture with
each article's region outlined, and a click on a region opens its article; the article page shows
where it is printed. The browser, its checks (nothing fetched from elsewhere, no script errors) and
the screenshots are those of test_web_browser.py; the archive here holds a synthetic PDF page."""
from __future__ import annotations

import pytest

from test_web_browser import browser, page, pytestmark, shot  # noqa: F401 - the Chromium fixtures
from web_helpers import serve

SEED = 710_002


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from jianbao.pipeline import read_path, run_page
    from jianbao.settings import Settings
    from jianbao.store import open_archive
    from jianbao.synth.pdfpage import pdf_page
    folder = tmp_path_factory.mktemp("facsweb")
    pdf = folder / "issue-p1.pdf"
    pdf.write_bytes(pdf_page(SEED)[0])
    db = str(folder / "archive.db")
    p = read_path(pdf)
    with open_archive(db) as arch:
        arch.add(run_page(p, Settings()), p.text)
    yield from serve(db)


def test_page_view_shows_the_picture_and_a_region_opens_its_article(page, server):
    page.goto(server + "/page/1")
    facs = page.locator("section.orig svg.facs")
    assert facs.count() == 1
    # the picture is loaded (drawn from the PDF on request) and the SVG has the page's proportions
    page.wait_for_function("() => { const i = document.querySelector('svg.facs image');"
                           " return i && i.getBBox().width > 0; }")
    ok = page.evaluate("() => fetch(document.querySelector('svg.facs image').getAttribute('href'))"
                       ".then(r => r.ok && r.headers.get('content-type'))")
    assert ok == "image/png"
    regions = page.locator("svg.facs a.region")
    n = regions.count()
    assert n >= 2 and n == page.locator("article.cutart").count()
    box = facs.bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    # pointing at a region lights its article in the list beside it
    second = regions.nth(1)
    second.hover()
    assert "hot" in (page.locator("article.cutart#a1").get_attribute("class") or "")
    shot(page, "19-page-facsimile")
    headline = page.locator("article.cutart#a1 h3 a").inner_text()
    second.click()
    page.wait_for_url("**/article/*")
    assert page.locator("article.article h1").inner_text() == headline
    # the article page shows where it is printed: the picture cropped to its region
    crop = page.locator("aside svg.facs.crop")
    assert crop.count() == 1 and crop.locator("a.region rect").count() >= 1
    shot(page, "20-article-facsimile")
