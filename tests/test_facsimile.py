"""The page facsimile (issue 20): the reader keeps each line's box and the page's picture, the cutter
outlines each article (cut/regions.py), the archive keeps the picture's file and the regions
(schema step 9), and the web draws the picture with the regions over it; a file gone is said so.

The PDF pages are made by jianbao.synth (pdfpage), in the test's temporary folder."""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from jianbao.model import PageImage
from jianbao.pipeline import read_path, run_page
from jianbao.settings import Settings
from jianbao.store import open_archive

pytest.importorskip("pypdfium2")

SEED = 710_001


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    from read_helpers import need_pages
    need_pages()  # skipped, as the reader's tests are, where no CJK font is installed
    from jianbao.synth.pdfpage import pdf_page
    data, _gold = pdf_page(SEED)
    path = tmp_path_factory.mktemp("facs") / "nanling-p1.pdf"
    path.write_bytes(data)
    return path


def _inside(box, outer, slack: float = 0.5) -> bool:
    return (box[0] >= outer[0] - slack and box[1] >= outer[1] - slack and box[2] <= outer[2] + slack
            and box[3] <= outer[3] + slack)


# ---- the reader --------------------------------------------------------------------------------

def test_pdf_reader_keeps_line_boxes_and_the_page_frame(pdf):
    page = read_path(pdf)
    img = page.image
    assert img is not None and (img.kind, img.unit, img.page) == ("pdf", "pt", 1)
    assert img.path == str(pdf.resolve())
    assert img.width > 500 and img.height > 700                 # an A3 page in points
    with_boxes = [b for b in page.blocks if b.boxes]
    assert len(with_boxes) == len(page.blocks)                  # every line of a PDF page is placed
    for b in with_boxes:
        assert b.box == (min(x[0] for x in b.boxes), min(x[1] for x in b.boxes),
                         max(x[2] for x in b.boxes), max(x[3] for x in b.boxes))
        assert all(0 <= x[0] < x[2] <= img.width and 0 <= x[1] < x[3] <= img.height for x in b.boxes)
    # a paragraph is several printed lines, one box each
    assert max(len(b.boxes) for b in page.blocks) >= 3


def test_markdown_page_has_no_picture_and_its_json_is_unchanged():
    from conftest import cut_text
    doc = cut_text("# 市委召开常委会议\n\n本报讯 7月30日，市委召开常委会议，研究部署下半年重点工作。\n")
    d = doc.to_dict()
    assert doc.image is None and "image" not in d
    assert all("regions" not in a for a in d["articles"])


def test_every_article_line_lies_in_its_regions(pdf):
    page = read_path(pdf)
    doc = run_page(page, Settings())
    assert doc.image == page.image
    d = doc.to_dict()
    assert d["image"] == {"kind": "pdf", "page": 1, "width": page.image.width, "height": page.image.height,
                          "unit": "pt"}                       # no file path in the page document
    assert all(a.regions for a in doc.articles)
    for a in doc.articles:
        spans = [s for v in a.spans.values() for s in v]
        for b in page.blocks:
            if any(s < b.end and b.start < e for s, e in spans):
                for x in b.boxes:
                    assert any(_inside(x, r) for r in a.regions), (a.headline, x, a.regions)


# ---- regions -----------------------------------------------------------------------------------

def _column(x0: float, y0: float, n: int, width: float = 200, h: float = 10, lead: float = 14):
    """n lines of body text set from (x0, y0), the last one short."""
    return [(x0, y0 + k * lead, x0 + (width if k < n - 1 else width / 3), y0 + k * lead + h) for k in range(n)]


def test_two_column_article_of_equal_depth_is_one_rectangle():
    from jianbao.cut.regions import regions
    head = [(60, 20, 380, 44)]                   # a headline over both columns, larger type
    lines = head + _column(20, 60, 12) + _column(240, 60, 12)
    assert regions(lines) == [(20, 20, 440, 224)]


def test_l_shaped_article_is_several_rectangles():
    from jianbao.cut.regions import regions
    head = [(20, 20, 440, 44)]                    # across both columns
    lines = head + _column(20, 60, 12) + _column(240, 60, 5)   # the second column ends early
    got = regions(lines)
    assert got == [(20, 20, 440, 44), (20, 60, 220, 224), (240, 60, 440, 126)]
    # nothing of what is printed under the short column (y > 126, x > 240) is covered
    assert not any(r[0] <= 300 <= r[2] and r[1] <= 180 <= r[3] for r in got)


def test_a_photo_gap_in_a_column_splits_it():
    from jianbao.cut.regions import regions
    lines = _column(20, 20, 6) + _column(20, 300, 4)    # the same column, a picture between
    assert len(regions(lines)) == 2


# ---- the archive and the web -------------------------------------------------------------------

@pytest.fixture
def archive_with_pdf(db_target, pdf, tmp_path):
    page = read_path(pdf)
    doc = run_page(page, Settings())
    with open_archive(db_target) as arch:
        assert arch.add(doc, page.text) == "added"
        pid = int(arch.db.fetchone("SELECT id FROM pages WHERE sha1=?", (doc.sha1,))[0])
    return db_target, pid, doc


def test_archive_keeps_the_picture_and_the_regions(archive_with_pdf, pdf):
    target, pid, doc = archive_with_pdf
    with open_archive(target, readonly=True) as arch:
        img = arch.page_image(pid)
        assert img == PageImage("pdf", str(pdf.resolve()), 1, doc.image.width, doc.image.height, "pt")
        stored = arch.page(pid).doc["articles"]     # the regions stay in the stored page document
        assert len(stored) == len(doc.articles) and all(a.regions for a in doc.articles)
        for a, d in zip(doc.articles, stored):
            assert [tuple(float(v) for v in b) for b in d["regions"]] == [tuple(float(v) for v in b) for b in a.regions]


def test_replacing_a_page_replaces_its_regions(archive_with_pdf, pdf):
    target, pid, doc = archive_with_pdf
    page = read_path(pdf)
    page.text = page.text.replace("日", "曰", 1)     # the same page (same key), new text
    doc2 = run_page(page, Settings())
    with open_archive(target) as arch:
        arch.add(doc2, page.text)
        pages = arch.db.fetchall("SELECT id FROM pages")
        assert len(pages) == 1
        stored = arch.page(int(pages[0][0])).doc["articles"]
        n_images = arch.db.fetchone("SELECT count(*) FROM page_images")[0]
    assert n_images == 1 and [d["regions"] for d in stored] == [[list(b) for b in a.regions] for a in doc2.articles]


def _client(target):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from jianbao.web import create_app
    return TestClient(create_app(target))


def test_page_view_draws_the_picture_with_linked_regions(archive_with_pdf):
    target, pid, doc = archive_with_pdf
    with _client(target) as c:
        html = c.get(f"/page/{pid}").text
        assert f'href="/page/{pid}/image"' in html and "原版" in html
        assert html.count('<a class="region') == len(doc.articles)
        api = c.get(f"/api/pages/{pid}").json()
        assert api["facsimile"]["image_url"] == f"/page/{pid}/image" and api["facsimile"]["missing"] is None
        assert all(a["regions"] for a in api["articles"])
        aid = api["articles"][0]["article_id"]
        art = c.get(f"/article/{aid}").text
        assert "原版位置" in art and f'href="/page/{pid}/image"' in art and 'class="facs crop"' in art


def test_image_route_returns_a_png(archive_with_pdf):
    target, pid, doc = archive_with_pdf
    from PIL import Image
    import io
    with _client(target) as c:
        r = c.get(f"/page/{pid}/image")
        assert r.status_code == 200 and r.headers["content-type"] == "image/png"
        img = Image.open(io.BytesIO(r.content))
        assert img.format == "PNG"
        # the same shape as the frame the regions are drawn in
        assert abs(img.width / img.height - doc.image.width / doc.image.height) < 0.01


def test_a_moved_file_is_said_clearly_not_a_500(archive_with_pdf, pdf, tmp_path):
    target, pid, doc = archive_with_pdf
    moved = tmp_path / "moved.pdf"
    shutil.move(str(pdf), moved)
    try:
        with _client(target) as c:
            page = c.get(f"/page/{pid}")
            assert page.status_code == 200 and "找不到本版原件" in page.text and "切分结果" in page.text
            r = c.get(f"/page/{pid}/image")
            assert r.status_code == 404 and "找不到本版原件" in r.text
            assert c.get(f"/api/pages/{pid}").json()["facsimile"]["missing"].startswith("the page's file")
    finally:
        shutil.move(str(moved), pdf)


def test_a_page_without_picture_answers_clearly(db_target):
    from conftest import cut_text
    doc = cut_text("# 市委召开常委会议\n\n本报讯 7月30日，市委召开常委会议，研究部署下半年重点工作。\n")
    with open_archive(db_target) as arch:
        arch.add(doc, "# 市委召开常委会议\n\n本报讯 7月30日，市委召开常委会议，研究部署下半年重点工作。\n")
        pid = int(arch.db.fetchone("SELECT id FROM pages")[0])
    with _client(db_target) as c:
        assert 'class="facs' not in c.get(f"/page/{pid}").text
        r = c.get(f"/page/{pid}/image")
        assert r.status_code == 404 and "没有原版图像" in r.text
