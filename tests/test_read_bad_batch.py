"""Issue 19's bad inputs side by side in one batch: each is one line on stderr naming the file and
the reason (or, when it can be read, is read), and the rest of the batch is cut. A long PDF is read
page by page (bench/pdf_memory.py measures the memory on 1,000 pages). Every page here is invented."""
from __future__ import annotations

import io
import json
import warnings

import pytest
from click.testing import CliRunner

from jianbao.batch import iter_path
from jianbao.cli import main
from jianbao.errors import NoTextLayer, TooLarge
from jianbao.read import read_pages
from read_helpers import SETTINGS, need_pages

HEAD = "青禾县召开秋粮收购工作会议"
TEXT = ("本报讯（记者 郑宁）9月18日，青禾县召开秋粮收购工作会议，部署今年秋粮收购工作。",
        "会议要求，各乡镇要合理布局收购网点，方便农民就近售粮，严禁压级压价。")


def _pp(blocks: list[tuple[str, str, list[float]]]) -> dict:
    return {"res": {"parsing_res_list": [
        {"block_label": lab, "block_content": text, "block_bbox": box, "block_order": k + 1}
        for k, (lab, text, box) in enumerate(blocks)]}}


def _many_blocks(n: int) -> bytes:
    """A PP-StructureV3 page of n blocks in four columns."""
    blocks = [("text", f"第{k}段 {TEXT[k % 2]}", [20 + k % 4 * 250, k // 4 % 200 * 20, 260 + k % 4 * 250,
                                                  k // 4 % 200 * 20 + 18]) for k in range(n)]
    return json.dumps(_pp(blocks), ensure_ascii=False).encode("utf-8")


def _pdf_with_blank_middle() -> bytes:
    from reportlab.pdfgen import canvas
    from jianbao.synth.pdfpage import cjk_font
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(842, 1300), invariant=1)
    for page in (1, 2, 3):
        if page != 2:           # page 2: nothing drawn on it
            c.setFont(cjk_font(), 22)
            c.drawString(80, 1200, f"{HEAD}（{page}）")
            c.setFont(cjk_font(), 11)
            for k, para in enumerate(TEXT):
                c.drawString(102, 1150 - 40 * k, para[:40])
                c.drawString(80, 1133 - 40 * k, para[40:])
        c.showPage()
    c.save()
    return buf.getvalue()


def test_every_bad_input_is_one_line_and_the_rest_of_the_batch_is_cut(tmp_path):
    need_pages()
    Image = pytest.importorskip("PIL.Image")
    d = tmp_path / "in"
    d.mkdir()
    page = _pp([("doc_title", HEAD, [40, 40, 900, 90]), ("text", TEXT[0], [40, 110, 460, 200]),
                ("text", TEXT[1], [480, 110, 900, 200])])
    whole = json.dumps(page, ensure_ascii=False)
    (d / "01-page.md").write_text(f"# {HEAD}\n\n{TEXT[0]}\n\n{TEXT[1]}\n", encoding="utf-8")
    (d / "02-truncated.json").write_text(whole[: len(whole) // 2], encoding="utf-8")
    (d / "03-other-tool.json").write_text(json.dumps({"engine": "x", "regions": [[1, 2, 3, 4]]}), encoding="utf-8")
    cells = [{"bbox": [40, 40, 900, 90], "category": "Title", "text": HEAD},
             {"bbox": [40, 110, 460, 200], "category": "Text", "text": TEXT[0]},
             {"bbox": [480, 110, 900, 200], "category": "Text", "text": TEXT[1]}]
    raw = json.dumps(cells, ensure_ascii=False)
    (d / "04-dots-raw.json").write_text(json.dumps(raw[: raw.rindex("严禁")]), encoding="utf-8")
    bad_boxes = [dict(cells[0], bbox=[-90, -40, 0, 0]), dict(cells[1], bbox=[5e9, 5e9, 6e9, 6e9]),
                 dict(cells[2], bbox=[480, 200, 480, 110])]
    (d / "05-bad-boxes.json").write_text(json.dumps(bad_boxes, ensure_ascii=False), encoding="utf-8")
    (d / "06-many-blocks.json").write_bytes(_many_blocks(100_000))      # more than --max-mb (16 MB)
    (d / "07-no-text.json").write_text(json.dumps(_pp([("image", "", [0, 0, 900, 600])])), encoding="utf-8")
    Image.new("1", (20_000, 20_000), 1).save(d / "08-huge.png")
    (d / "09-issue.pdf").write_bytes(_pdf_with_blank_middle())
    r = CliRunner().invoke(main, ["cut", str(d), "--no-tag"])
    assert r.exit_code == 1
    docs = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert [x["page"]["source"] for x in docs] == ["01-page.md", "04-dots-raw.json", "05-bad-boxes.json",
                                                   "09-issue.pdf#p1", "09-issue.pdf#p3"]
    for x in docs:
        assert x["articles"][0]["headline"].startswith(HEAD), x["articles"]
    lines = r.stderr.splitlines()
    for name, reason in (("02-truncated.json", "invalid JSON at line 1"), ("03-other-tool.json", "another tool"),
                         ("06-many-blocks.json", "too large"), ("07-no-text.json", "no text"),
                         ("08-huge.png", "too many to be a page"), ("09-issue.pdf#p2", "blank")):
        said = [x for x in lines if x.startswith(f"jianbao: {name}: ") or x.startswith(f"jianbao: {d / name}: ")]
        assert len(said) == 1 and reason in said[0], (name, r.stderr)
    assert "6 failed" in r.stderr
    assert all(x.startswith("jianbao: ") for x in lines), r.stderr     # no warnings, no traceback


def test_pillows_bomb_warning_is_not_printed_and_its_error_is_one_line(tmp_path, monkeypatch):
    """Pillow warns (two lines on stderr) above its bound and refuses above twice that; jianbao has
    its own bound (read/image.py MAX_PIXELS). Both seen here on small images with a small bound."""
    Image = pytest.importorskip("PIL.Image")
    from jianbao.read import image
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 5_000)
    monkeypatch.setattr(image, "engine", lambda: pytest.fail("OCR ran on a blank page"))
    p = tmp_path / "warned.png"
    Image.new("L", (80, 80), 255).save(p)          # 6,400 pixels: above the bound, below twice it
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with pytest.raises(NoTextLayer):
            list(read_pages(p, SETTINGS))
    assert not [w for w in seen if issubclass(w.category, Image.DecompressionBombWarning)]
    q = tmp_path / "bomb.png"
    Image.new("L", (120, 120), 255).save(q)        # 14,400 pixels: refused by Pillow
    with pytest.raises(TooLarge) as e:
        list(read_pages(q, SETTINGS))
    assert "\n" not in str(e.value) and "too many to be a page" in str(e.value)


def test_a_long_pdf_is_read_a_page_at_a_time(tmp_path, monkeypatch):
    """The first page's document comes out before the second page is read, and the PDF is opened
    afresh every REOPEN_EVERY pages (PDFium keeps what it parsed while a document is open)."""
    need_pages()
    from reportlab.pdfgen import canvas
    from jianbao.read import pdf
    from jianbao.synth.pdfpage import cjk_font
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(842, 1300), invariant=1)
    for k in range(7):
        c.setFont(cjk_font(), 22)
        c.drawString(80, 1200, f"{HEAD}（{k + 1}）")
        c.setFont(cjk_font(), 11)
        c.drawString(102, 1150, TEXT[0][:40])
        c.drawString(80, 1133, TEXT[0][40:])
        c.showPage()
    c.save()
    p = tmp_path / "long.pdf"
    p.write_bytes(buf.getvalue())
    read, opened = [], []
    real_read, real_open = pdf._read_page, pdf.open_pdf
    monkeypatch.setattr(pdf, "_read_page", lambda doc, i, *a: read.append(i) or real_read(doc, i, *a))
    monkeypatch.setattr(pdf, "open_pdf", lambda src: opened.append(src) or real_open(src))
    monkeypatch.setattr(pdf, "REOPEN_EVERY", 2)
    results = iter_path(str(p), SETTINGS)
    first = next(results)
    assert first.source == "long.pdf#p1" and first.doc.articles and read == [0]
    rest = list(results)
    assert [r.source for r in rest] == [f"long.pdf#p{k}" for k in range(2, 8)]
    assert read == list(range(7)) and len(opened) == 4      # pages 1, 3, 5, 7 open it
    assert pdf.MAX_PAGES >= 1000
