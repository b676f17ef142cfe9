"""A PDF whose middle page cannot be read (blank, image-only without OCR, damaged): that page is one
line on stderr, the other pages are cut and stored, the exit status is 1, and a rerun of the ingest
stores nothing twice. Every PDF here is generated (jianbao.synth sheets, reportlab, pypdfium2)."""
from __future__ import annotations

import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from jianbao.batch import iter_path, process_paths
from jianbao.cli import main
from jianbao.errors import BlankPage, Corrupt, OcrUnavailable, Unreadable
from jianbao.read import read_pages
from jianbao.read.pdf import iter_pdf
from read_helpers import SETTINGS, need_pages

SEEDS = (910_001, 910_005)      # the sheets of pages 1 and 3


def _good_pages() -> bytes:
    from jianbao.synth.pdfpage import draw_pages, sheet
    return draw_pages([(sheet(s), False) for s in SEEDS])


def _with_middle(middle) -> bytes:
    """Pages 1 and 3 synthetic, page 2 made by `middle(doc)` (it adds one page at index 1)."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(_good_pages())
    middle(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _blank(doc) -> None:
    doc.new_page(842, 1300, index=1)


def _image_only(doc) -> None:
    """A page holding only a picture (a scan without text, or a full-page advertisement)."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    img = Image.new("L", (600, 900), 235)
    ImageDraw.Draw(img).rectangle((80, 120, 520, 780), fill=90)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(842, 1300))
    c.drawImage(ImageReader(img), 60, 60, 720, 1180)
    c.showPage()
    c.save()
    doc.import_pages(pdfium.PdfDocument(buf.getvalue()), index=1)


def _damaged() -> bytes:
    """Three pages; the page tree's entry for page 2 points to object 0, which is no page (same
    length, so the cross-reference table stays right): PDFium cannot load that page."""
    from jianbao.synth.pdfpage import draw_pages, sheet
    data = draw_pages([(sheet(SEEDS[0]), False), (sheet(910_002), False), (sheet(SEEDS[1]), False)])
    start = data.index(b"/Kids [")
    end = data.index(b"]", start) + 1
    kids = data[start:end].split()
    assert len(kids) == 12     # /Kids [ and three "N 0 R" and ]
    kids[5] = b"0" * len(kids[5])   # object 0 is never a page (it heads the free list)
    return data[:start] + b" ".join(kids) + data[end:]


def _make(kind: str) -> bytes:
    return _damaged() if kind == "damaged" else _with_middle({"blank": _blank, "image": _image_only}[kind])


EXPECTED = {"blank": (BlankPage, "blank"), "image": (OcrUnavailable, "jianbao[ocr]"),
            "damaged": (Corrupt, "cannot be loaded")}


@pytest.fixture(params=sorted(EXPECTED))
def issue(request, tmp_path, monkeypatch):
    need_pages()
    pytest.importorskip("PIL")
    from jianbao.read import image
    monkeypatch.setattr(image, "ocr_available", lambda: False)   # the image page: no OCR extra
    p = tmp_path / "issue.pdf"
    p.write_bytes(_make(request.param))
    return request.param, p


def test_the_reader_yields_the_bad_page_in_its_place(issue):
    kind, path = issue
    pages = list(iter_pdf(path, SETTINGS))
    assert len(pages) == 3
    bad = pages[1]
    assert isinstance(bad, Unreadable) and bad.source == "issue.pdf#p2"
    cls, words = EXPECTED[kind]
    assert isinstance(bad.error, cls) and words in str(bad.error)
    assert "\n" not in str(bad.error) and ":" in str(bad.error)     # one line: what, then how to fix
    assert [p.meta.source for p in (pages[0], pages[2])] == ["issue.pdf#p1", "issue.pdf#p3"]
    with pytest.raises(cls):   # the strict reader (read_pages, run_issue) still stops there
        list(read_pages(path, SETTINGS))


def test_the_batch_api_cuts_the_other_pages(issue):
    kind, path = issue
    results = list(iter_path(str(path), SETTINGS))
    assert [r.source for r in results] == ["issue.pdf#p1", "issue.pdf#p2", "issue.pdf#p3"]
    assert results[0].doc.articles and results[2].doc.articles
    assert results[1].doc is None and results[1].reason == EXPECTED[kind][0].reason


def test_cut_reports_the_page_and_goes_on(issue):
    kind, path = issue
    r = CliRunner().invoke(main, ["cut", str(path), "--no-tag"])
    assert r.exit_code == 1
    docs = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert [d["page"]["source"] for d in docs] == ["issue.pdf#p1", "issue.pdf#p3"]
    page_lines = [ln for ln in r.stderr.splitlines() if ln.startswith("jianbao: issue.pdf#p2: ")]
    assert len(page_lines) == 1, r.stderr
    assert "cut 2 page(s)" in r.stderr and "1 failed: issue.pdf#p2" in r.stderr


def test_ingest_stores_the_other_pages_once(issue, tmp_path):
    kind, path = issue
    db = tmp_path / "archive.db"
    for run in (1, 2):
        r = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), "--no-progress", "--no-tag"])
        assert r.exit_code == 1, r.output
        assert "issue.pdf#p2: " in r.stderr
        added = 2 if run == 1 else 0
        assert f"{added} page(s) added, 0 replaced, {2 - added} unchanged" in r.stderr, r.stderr
        with sqlite3.connect(db) as con:
            assert con.execute("SELECT count(*) FROM pages").fetchone()[0] == 2


def test_workers_share_a_long_pdf_and_keep_its_order(tmp_path, monkeypatch):
    """With worker processes a long PDF goes out in runs of pages; the results come back in page
    order, the bad page in its place."""
    need_pages()
    from jianbao import batch
    monkeypatch.setattr(batch, "CHUNK_PAGES", 1)
    p = tmp_path / "issue.pdf"
    p.write_bytes(_damaged())
    (files,) = list(list(f) for f in process_paths([str(p)], SETTINGS, workers=2))
    assert [r.source for r in files] == ["issue.pdf#p1", "issue.pdf#p2", "issue.pdf#p3"]
    assert files[0].doc and files[2].doc and files[1].reason == "corrupt"


def test_a_page_with_a_few_characters_is_cut_from_them(tmp_path, monkeypatch):
    """Fewer characters than a text page has (only a footer): OCR finds nothing more, so the text
    layer is the page, and the cutter reports it as furniture only, in one line."""
    need_pages()
    from reportlab.pdfgen import canvas
    from jianbao.read import image
    from jianbao.synth.pdfpage import cjk_font
    monkeypatch.setattr(image, "ocr_available", lambda: False)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(842, 1300))
    c.setFont(cjk_font(), 10)
    c.drawString(400, 40, "第 159 页")
    c.showPage()
    c.save()
    p = tmp_path / "footer.pdf"
    p.write_bytes(buf.getvalue())
    (page,) = list(iter_pdf(p, SETTINGS))
    assert not isinstance(page, Unreadable) and "第 159 页" in page.text
    (res,) = list(iter_path(str(p), SETTINGS))
    assert res.reason == "no articles" and "page_footer" in res.error


def test_continued_articles_are_linked_as_pages_stream_by(monkeypatch):
    """A page waits only while a jump of its is open, and never longer than the window."""
    from jianbao import batch
    from jianbao.batch import PageResult, _Linker
    from jianbao.model import Article, PageDoc, PageMeta

    def page(no: str, *arts: Article) -> PageResult:
        return PageResult(f"issue.pdf#p{no}", doc=PageDoc(meta=PageMeta(page=no), articles=list(arts)))

    a = Article(id="a", headline="滨江绿道全线贯通", continued_on="3", paragraphs=["正文。"])
    b = Article(id="b", headline="滨江绿道全线贯通", continued_from="1", paragraphs=["正文。"])
    lone = Article(id="z", headline="东岭镇新建养老中心", continued_on="9", paragraphs=["正文。"])
    linker = _Linker()
    assert linker.add(page("1", a)) == []                        # its jump is open: held
    assert linker.add(PageResult("issue.pdf#p2", error="damaged", reason="corrupt")) == []
    out = linker.add(page("3", b))
    assert [r.source for r in out] == ["issue.pdf#p1", "issue.pdf#p2", "issue.pdf#p3"]
    assert (a.continued_on_id, b.continued_from_id) == ("b", "a")
    monkeypatch.setattr(batch, "LINK_WINDOW", 2)
    assert linker.add(page("4", lone)) == [] and linker.add(page("5")) == []
    out = linker.add(page("6"))   # the window is full: page 4 goes unlinked, and the pages after it
    assert [r.source for r in out] == ["issue.pdf#p4", "issue.pdf#p5", "issue.pdf#p6"]
    assert linker.flush() == []
    assert lone.continued_on_id is None


@pytest.mark.ocr
def test_an_image_only_page_is_ocrd_when_the_extra_is_installed(tmp_path):
    """With the OCR extra the picture is read as today; OCR finds no text in it, and that page,
    only that page, says so."""
    need_pages()
    pytest.importorskip("rapidocr_onnxruntime")
    p = tmp_path / "issue.pdf"
    p.write_bytes(_make("image"))
    results = list(iter_path(str(p), SETTINGS))
    assert [r.reason for r in results] == [None, "no text layer", None]
    assert "OCR found no text" in results[1].error
