"""Scanned pages: a synthetic broadsheet page rendered at 200 dpi, read by OCR (RapidOCR), cut and
scored against its exact gold. One page only: OCR of a broadsheet takes seconds."""
from __future__ import annotations

import pytest

from jianbao.read import read_pages
from read_helpers import SETTINGS, need_pages, score_pages

SEED = 910_007


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    need_pages()
    pytest.importorskip("rapidocr_onnxruntime")
    from jianbao.synth.pdfpage import pdf_page, png_page
    pdf, gold = pdf_page(SEED)
    p = tmp_path_factory.mktemp("img") / "page.png"
    p.write_bytes(png_page(pdf, 200))
    return p, gold


def test_scanned_page_scores_above_floors(scan):
    path, gold = scan
    page = next(read_pages(path, SETTINGS))
    assert page.meta.source == "page.png"
    m = score_pages([(page, gold)])
    assert m["char_acc"] >= 0.97, m
    assert m["article_f1"] >= 0.75, m
    assert m["headline_acc"] >= 0.5, m
    heads = [b for b in page.blocks if b.zone == "header"]
    assert heads, "the header band above the rule is page furniture"


def test_boxes_listed_down_the_page_are_regrouped_by_column():
    """OCR lists boxes row by row across the page; the layout puts each column's lines together."""
    from jianbao.read.layout import Line, page_from_lines
    a, b = "左栏的文字一直写到这一栏的末尾。", "右栏是另外一篇文章的正文内容。"
    boxes = []
    for k in range(3):
        y = 100 + 45 * k
        last = k == 2   # a paragraph's last line stops short of the column edge
        boxes.append(Line(0, y, 300 if last else 500, y + 34, 34, a[k * 6:(k + 1) * 6]))
        boxes.append(Line(560, y, 860 if last else 1060, y + 34, 34, b[k * 6:(k + 1) * 6]))
    page = page_from_lines(boxes, 1100, 1600, "x.png")
    assert [bl.text for bl in page.blocks] == [a, b]


def test_multi_frame_tiff_gives_a_page_per_frame(tmp_path, monkeypatch):
    pil = pytest.importorskip("PIL.Image")
    from jianbao.read import image
    from jianbao.read.layout import Line
    monkeypatch.setattr(image, "ocr_lines",
                        lambda gray: [Line(10, 10, 200, 40, 30, "一行字在这里。")])
    frames = [pil.new("L", (300, 400), 255) for _ in range(3)]
    p = tmp_path / "scan.tif"
    frames[0].save(p, save_all=True, append_images=frames[1:])
    pages = list(read_pages(p, SETTINGS))
    assert [pg.meta.source for pg in pages] == ["scan.tif#p1", "scan.tif#p2", "scan.tif#p3"]
