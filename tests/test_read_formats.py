"""Document parsers' JSON (PP-StructureV3, MinerU, dots.ocr, Docling, OCR line lists): the format told by
content, every letter and digit kept, real samples read, synthetic pages cut as well as their PDF, and
bad input reported in one line."""
from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from jianbao.batch import expand_inputs
from jianbao.cli import main
from jianbao.errors import BadJson, EmptyInput, InputError, TooLarge, UnknownJson
from jianbao.read import PAGE_SUFFIXES, read_pages
from jianbao.read.formats import detect, read_json_bytes
from jianbao.settings import Settings
from read_helpers import SETTINGS, need_pages, score_pages

FORMATS = Path(__file__).resolve().parents[2] / "shared" / "formats"
SEEDS = range(930_000, 930_005)


def _alnum(s: str) -> Counter:
    return Counter(c for c in unicodedata.normalize("NFC", s) if c.isalnum())


def _html(s: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", " ", s or ""))


def _pages(path: Path, st: Settings = SETTINGS) -> list:
    return list(read_pages(path, st))


def _read_json(obj, name: str = "x.json") -> list:
    return list(read_json_bytes(json.dumps(obj, ensure_ascii=False).encode("utf-8"), name))


def _kept(fields: list[str], pages: list) -> None:
    """Every letter and digit of the JSON's text fields is in the pages' text."""
    want = _alnum(" ".join(fields))
    have = _alnum(" ".join(p.text for p in pages))
    missing = want - have
    assert not missing, sorted(missing.items())[:20]


# ---- real samples (../shared/formats) ------------------------------------------------------------

def _sample(rel: str) -> Path:
    p = FORMATS / rel
    if not p.exists():
        pytest.skip(f"no {rel} (../shared/formats is absent)")
    return p


def _load(rel: str, kind: str) -> tuple[Path, object, list]:
    """A sample: its path, its JSON (which must be detected as `kind`) and its pages."""
    p = _sample(rel)
    obj = json.loads(p.read_text(encoding="utf-8"))
    assert detect(obj) == kind
    return p, obj, _pages(p)


def _spans(block: dict) -> list[str]:
    out = []
    for b in block.get("blocks") or []:
        out += _spans(b)
    for ln in block.get("lines") or []:
        for s in ln.get("spans") or []:
            out.append(_html(s["html"]) if s.get("html") else s.get("content") or "")
    return out


def test_ppstructure_sample():
    _, obj, pages = _load("paddle/pp_structure_v3_demo.printed_result.json", "ppstructure")
    assert len(pages) == 1
    _kept([b["block_content"] for b in obj["res"]["parsing_res_list"]], pages)
    blocks = pages[0].blocks
    title = next(b for b in blocks if b.category == "title")
    assert title.heading == 1 and title.text == "助力双方交往搭建友谊桥梁" and title.size > 3
    assert [b.heading for b in blocks if b.category == "heading"] == [2, 2, 2]
    assert any(b.image for b in blocks) and any(b.category == "caption" for b in blocks)
    body = [b.size for b in blocks if b.category == "text"]
    assert 0.7 < sorted(body)[len(body) // 2] < 1.3
    doc = _cut(pages[0])
    assert doc.articles[0].headline == "助力双方交往搭建友谊桥梁"
    # the page's headline (over all four columns) heads the report, not the photo beside it; the
    # figure_title under the photo is the photo's caption (no ▲, no 摄: the label and the place tell)
    assert doc.articles[0].kind == "news" and len(doc.articles[0].paragraphs) > 20
    photos = [a for a in doc.articles if a.kind == "photo"]
    assert len(photos) == 1 and photos[0].headline is None
    assert photos[0].paragraphs[0].startswith("在厄立特里亚不久前举办的第六届中国风筝文化节上")


def test_mineru_content_list_sample():
    p, items, pages = _load("mineru/v2.7.6_pipeline_zh_thesis/content_list.json", "mineru_content_list")
    assert len(pages) == len({it["page_idx"] for it in items})
    assert pages[10].meta.source == f"{p.name}#p11"
    fields = []
    for it in items:
        fields += [it.get("text") or "", _html(it.get("table_body"))]
        for k, v in it.items():
            if k.endswith(("_caption", "_footnote")):
                fields += v
    _kept(fields, pages)
    furniture = [b for pg in pages for b in pg.blocks if b.zone]
    assert furniture and all(b.category in ("header", "footer") for b in furniture)
    assert any(b.zone == "header" and b.text == "北京大学硕士学位论文" for b in furniture)


@pytest.mark.parametrize("rel", ["mineru/v2.7.6_pipeline_zh_thesis/middle.json", "mineru/v0.7_test_assets/middle.json"])
def test_mineru_middle_samples(rel):
    _, obj, pages = _load(rel, "mineru_middle")
    assert len(pages) == len(obj["pdf_info"])
    fields = [s for pg in obj["pdf_info"] for b in pg["para_blocks"] + pg["discarded_blocks"] for s in _spans(b)]
    _kept(fields, pages)
    titles = [b for pg in pages for b in pg.blocks if b.category == "title"]
    if "zh_thesis" in rel:
        assert titles and all(b.heading == 1 and b.size > 0 for b in titles)


def test_mineru_middle_discarded_blocks_are_furniture():
    """Every discarded block that holds text is a header or a footer (by where it stands), and no
    body block is."""
    from jianbao.read.parsers.mineru import _block
    _, obj, pages = _load("mineru/v2.7.6_pipeline_zh_thesis/middle.json", "mineru_middle")
    for pg, page in zip(obj["pdf_info"], pages):
        discarded = [" ".join(it.text.split()) for b in pg["discarded_blocks"] for it in _block(b) if it.text.strip()]
        zoned = [" ".join(b.text.split()) for b in page.blocks if b.zone]
        assert sorted(zoned) == sorted(discarded), page.meta.source
        assert all(b.zone in ("header", "footer") for b in page.blocks if b.zone)


@pytest.mark.parametrize("rel", ["docling/2305.03393v1-pg9.json", "docling/2206.01062.json"])
def test_docling_samples(rel):
    _, doc, pages = _load(rel, "docling")
    assert len(pages) == len(doc["pages"])
    fields = [t.get("text") or "" for t in doc["texts"]]
    fields += [c.get("text") or "" for t in doc["tables"] for c in t["data"]["table_cells"]]
    _kept(fields, pages)
    heads = [b for pg in pages for b in pg.blocks if b.zone == "header"]
    assert heads and all(b.category == "header" for b in heads)
    assert all(b.box is None or (b.box[1] < b.box[3]) for pg in pages for b in pg.blocks)


# ---- synthetic pages in every format -------------------------------------------------------------

@pytest.fixture(scope="module")
def sheets():
    need_pages()
    from jianbao.synth.pdfpage import sheet
    return {s: sheet(s) for s in SEEDS}


@pytest.mark.parametrize("fmt", ["ppstructure", "mineru_content_list", "mineru_middle", "dots", "docling",
                                 "paddleocr", "rapidocr", "paddleocr3"])
def test_synthetic_pages_in_each_format_cut_well(fmt, sheets, tmp_path):
    from jianbao.synth.formats import format_page
    pairs = []
    for s, sh in sheets.items():
        data, gold = format_page(s, fmt, sh)
        obj = json.loads(data)
        assert detect(obj) == {"paddleocr3": "paddleocr"}.get(fmt, fmt)
        path = tmp_path / f"page-{s}.json"
        path.write_bytes(data)
        page = _pages(path)[0]
        pairs.append((page, gold))
        heads = {" ".join(x["text"].split()) for x in gold["furniture"] if x["kind"] == "page_header"}
        assert {" ".join(b.text.split()) for b in page.blocks if b.zone == "header"} == heads, fmt
    m = score_pages(pairs)
    assert m["char_acc"] >= 0.999, m         # nothing lost, nothing added
    assert m["article_f1"] >= 0.95, m        # measured 1.000 on these five seeds, every format
    assert m["headline_acc"] >= 0.9, m


def test_synthetic_blocks_carry_box_category_and_size(sheets):
    from jianbao.synth.formats import format_page
    s = next(iter(sheets))
    data, gold = format_page(s, "dots", sheets[s])
    page = list(read_json_bytes(data, "p.json"))[0]
    headline = next(b for b in page.blocks if b.category == "title" and b.size >= 1.5)
    assert headline.heading == 1 and headline.box and headline.gap_before
    body = [b for b in page.blocks if b.category == "text"]
    assert all(b.heading == 0 and b.zone is None for b in body)
    assert sorted(b.size for b in body)[len(body) // 2] == pytest.approx(1.0, abs=0.15)
    for b in page.blocks:
        assert page.text[b.start:b.end].endswith(b.text[-1:])


# ---- detection and bad input ---------------------------------------------------------------------

PP_PAGE = {"res": {"parsing_res_list": [
    {"block_label": "header", "block_content": "临江日报 2023年5月12日 星期五 第2版", "block_bbox": [20, 5, 900, 30], "block_order": None},
    {"block_label": "doc_title", "block_content": "市委常委会召开会议研究部署防汛工作", "block_bbox": [40, 60, 860, 120], "block_order": 1},
    {"block_label": "text", "block_content": "本报讯（记者 李华）5月11日，市委书记王立新主持召开市委常委会会议，研究部署防汛救灾工作。",
     "block_bbox": [40, 140, 440, 220], "block_order": 2},
    {"block_label": "text", "block_content": "# 会议强调，要压实各级责任，加强值班值守，确保群众生命财产安全。",
     "block_bbox": [460, 140, 860, 220], "block_order": 3},
    {"block_label": "number", "block_content": "2", "block_bbox": [440, 1180, 460, 1200], "block_order": None},
]}}


def test_detection_by_content_not_name(tmp_path):
    p = tmp_path / "page.md.json"
    p.write_text(json.dumps(PP_PAGE, ensure_ascii=False), encoding="utf-8")
    page = _pages(p)[0]
    assert [b.zone for b in page.blocks] == ["header", None, None, None, "footer"]
    assert page.blocks[1].heading == 1 and page.blocks[3].heading == 0   # "# 会议强调…" is text
    assert detect([PP_PAGE, PP_PAGE]) == "ppstructure"
    assert len(_read_json([PP_PAGE, PP_PAGE])) == 2
    assert detect([[[[1, 2], [3, 2], [3, 4], [1, 4]], ["文字", 0.9]]]) == "paddleocr"
    assert detect([[[[[1, 2], [3, 2], [3, 4], [1, 4]], ["文字", 0.9]]], None]) == "paddleocr"
    assert detect([[[[1, 2], [3, 2], [3, 4], [1, 4]], "文字", 0.9]]) == "rapidocr"
    assert detect([{"box": [[1, 2], [3, 2], [3, 4], [1, 4]], "txt": "文字", "score": 0.9}]) == "rapidocr"
    assert detect({"res": {"rec_texts": ["文字"], "rec_boxes": [[1, 2, 3, 4]]}}) == "paddleocr"
    assert detect("not json at all") == "dots_raw"


def test_json_from_another_tool_is_named():
    for obj in ({"name": "x", "version": 2}, [1, 2, 3], [{"foo": 1}], 42):
        with pytest.raises(UnknownJson) as e:
            detect(obj)
        msg = str(e.value)
        assert "\n" not in msg and "MinerU" in msg and "dots.ocr" in msg


def test_truncated_json_says_where():
    data = json.dumps(PP_PAGE, ensure_ascii=False).encode("utf-8")[:300]
    with pytest.raises(BadJson) as e:
        list(read_json_bytes(data, "p.json"))
    assert "line 1, column" in str(e.value) and "\n" not in str(e.value)


def test_dots_raw_answer_keeps_every_character():
    cells = [{"bbox": [10, 10, 600, 60], "category": "Title", "text": "# 县委召开专题会议部署秋粮收购"},
             {"bbox": [10, 80, 300, 400], "category": "Text", "text": "本报讯 9月18日，县委召开专题会议，部署秋粮收购工作。"},
             {"bbox": [310, 80, 600, 400], "category": "Text", "text": "会议要求，各乡镇要做好收购网点布局，方便农民就近售粮。"}]
    full = json.dumps(cells, ensure_ascii=False)
    cut_off = full[:full.rindex("方便") + 2]            # the model stopped in the middle of a text
    pages = _read_json(cut_off)
    assert pages[0].blocks[0].heading == 1 and pages[0].blocks[0].category == "title"
    _kept([c["text"] for c in cells[:2]] + ["会议要求，各乡镇要做好收购网点布局，方便"], pages)
    assert "bbox" not in pages[0].text and "category" not in pages[0].text
    md = _read_json("# 县委召开专题会议\n\n本报讯 9月18日，县委召开专题会议。")   # an answer in markdown
    assert md[0].blocks[0].heading == 1 and "9月18日" in md[0].text


def test_bad_boxes_keep_their_text():
    cells = [{"bbox": [-50, -20, 0, 0], "category": "Title", "text": "县委召开常委会议研究部署防汛工作"},
             {"bbox": [500, 300, 100, 60], "category": "Text", "text": "本报讯 7月2日，县委书记李明主持召开县委常委会议。"},
             {"bbox": [1e30, "x", None, 3], "category": "Text", "text": "会议要求，各级各部门要加强值班值守。"},
             {"bbox": [0, 0, 9e9, 9e9], "category": "Text", "text": "会议强调，要及时发布预警信息。"}]
    pages = _read_json(cells)
    _kept([c["text"] for c in cells], pages)
    assert [b.box for b in pages[0].blocks[:3]] == [None, None, None]
    lines = [[[[0, 0], [0, 0], [0, 0], [0, 0]], ["本报讯 县委召开常委会议", 0.9]],
             [[[10, 10], [300, 10], [300, 30], [10, 30]], ["会议要求各级各部门加强值班", 0.9]]]
    _kept(["本报讯 县委召开常委会议", "会议要求各级各部门加强值班"], _read_json(lines))


def test_a_page_with_no_text_is_empty_input():
    for obj in ({"res": {"parsing_res_list": [{"block_label": "image", "block_content": "", "block_bbox": [0, 0, 9, 9]}]}},
                [], [{"type": "text", "text": "", "page_idx": 0}], [None]):
        with pytest.raises(EmptyInput):
            _read_json(obj)


def test_a_page_document_of_jianbao_is_no_page(tmp_path):
    from jianbao.errors import OwnDocument
    with pytest.raises(OwnDocument):
        _read_json({"page": {"paper": None}, "articles": [], "furniture": []})
    # a folder of pages and their gold files reads as the pages
    (tmp_path / "p1.md").write_text("# 标题\n\n本报讯 正文。\n", encoding="utf-8")
    (tmp_path / "p1.gold.json").write_text('{"page": {}, "articles": [], "furniture": []}', encoding="utf-8")
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / "p1.md")]


def test_large_inputs_are_bounded(tmp_path):
    p = tmp_path / "big.json"
    p.write_text(json.dumps(PP_PAGE, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TooLarge):
        _pages(p, Settings(tag=False, max_bytes=100))
    from jianbao.read.parsers.ocr import MAX_LINES
    lines = [[[[0, k * 20], [200, k * 20], [200, k * 20 + 15], [0, k * 20 + 15]], ["本报讯", 0.9]]
             for k in range(MAX_LINES + 1)]
    with pytest.raises(TooLarge):
        _read_json(lines)


def parsing_res_list(n: int) -> bytes:
    """A PP-Structure JSON of n blocks in four columns (also timed by bench/badinput.py)."""
    blocks = [{"block_label": "paragraph_title" if k % 20 == 0 else "text",
               "block_content": f"第{k}段 本报讯 市委书记调研乡村振兴工作，强调要推动各项任务落地见效。",
               "block_bbox": [10 + k % 4 * 300, k // 4 % 100 * 30, 300 + k % 4 * 300, k // 4 % 100 * 30 + 25]}
              for k in range(n)]
    return json.dumps({"res": {"parsing_res_list": blocks}}, ensure_ascii=False).encode("utf-8")


def test_a_hundred_thousand_blocks_read_in_linear_time():
    """Ten times the blocks is at most about ten times the work (calls counted, tests/calls.py;
    bench/badinput.py prints the time), and all 100,000 blocks are read."""
    from calls import calls
    small, _ = calls(lambda: next(read_json_bytes(parsing_res_list(2_000), "small.json")))
    big, _ = calls(lambda: next(read_json_bytes(parsing_res_list(20_000), "big.json")))
    assert big < 12 * small, (small, big)
    page = next(read_json_bytes(parsing_res_list(100_000), "big.json"))
    assert len(page.blocks) == 100_000
    assert {b.text.split()[0] for b in page.blocks} == {f"第{k}段" for k in range(100_000)}


def test_a_folder_of_json_pages_is_a_batch(tmp_path):
    assert ".json" in PAGE_SUFFIXES
    d = tmp_path / "pages"
    d.mkdir()
    (d / "01-pp.json").write_text(json.dumps(PP_PAGE, ensure_ascii=False), encoding="utf-8")
    (d / "01-pp.gold.json").write_text(json.dumps({"page": {}, "articles": []}), encoding="utf-8")
    (d / "02-cut.json").write_text(json.dumps(PP_PAGE, ensure_ascii=False)[:200], encoding="utf-8")
    (d / "03-other.json").write_text(json.dumps({"model": "x", "boxes": []}), encoding="utf-8")
    (d / "04-empty.json").write_text("[]", encoding="utf-8")
    assert len(expand_inputs([str(d)])) == 4   # the gold file is not a page
    r = CliRunner().invoke(main, ["cut", str(d), "--no-tag"])
    assert r.exit_code == 1
    docs = [json.loads(x) for x in r.stdout.strip().splitlines() if x.startswith("{")]
    assert [x["page"]["source"] for x in docs] == ["01-pp.json"]
    assert docs[0]["articles"][0]["headline"] == "市委常委会召开会议研究部署防汛工作"
    err = r.stderr
    for name, reason in (("02-cut.json", "invalid JSON at line 1"), ("03-other.json", "another tool"),
                         ("04-empty.json", "no text")):
        line = next((x for x in err.splitlines() if name in x and "jianbao:" in x), "")
        assert reason in line, (name, err)
    assert "Traceback" not in err


def _cut(page):
    from jianbao.pipeline import cut
    return cut(page, SETTINGS)


def test_errors_are_input_errors():
    assert issubclass(BadJson, InputError) and issubclass(UnknownJson, InputError)


def test_mineru_content_list_v2_is_read():
    """MinerU 3.x content_list_v2.json: a list of items per page, text in span lists under
    `<type>_content`, a title's level, an image's caption under `image_caption`, furniture typed."""
    from jianbao.pipeline import cut
    head, byline = "青禾县召开秋粮收购工作会议", "本报记者 郑宁"
    body = ["9月18日，青禾县召开秋粮收购工作会议，部署今年秋粮收购工作。",
            "会议要求，各乡镇要做好仓容准备，确保农民售粮顺畅。"]
    caption = "9月17日，农民在青禾县粮站交售新粮。本报记者 郑宁 摄"
    def spans(t):
        return [{"type": "text", "content": t}]
    v2 = [[{"type": "page_header", "content": {"page_header_content": spans("青禾日报 2024年9月19日 第2版")},
            "bbox": [60, 20, 940, 40]},
           {"type": "title", "content": {"title_content": spans(head), "level": 1}, "bbox": [80, 60, 920, 100]},
           {"type": "paragraph", "content": {"paragraph_content": spans(byline)}, "bbox": [80, 110, 300, 125]},
           {"type": "paragraph", "content": {"paragraph_content": [
               {"type": "text", "content": body[0][:10]},
               {"type": "hyperlink", "url": "http://x.invalid/", "children": spans(body[0][10:])}]},
            "bbox": [80, 130, 480, 300]},
           {"type": "paragraph", "content": {"paragraph_content": spans(body[1])}, "bbox": [80, 310, 480, 400]},
           {"type": "image", "content": {"image_source": {"path": "images/a.jpg"}, "image_caption": spans(caption),
                                         "image_footnote": []}, "bbox": [520, 130, 920, 400]},
           {"type": "page_number", "content": {"page_number_content": spans("2")}, "bbox": [480, 960, 520, 980]}]]
    assert detect(v2) == "mineru_content_list_v2"
    (page,) = _read_json(v2, "p_content_list_v2.json")
    _kept([head, byline, *body, caption, "2"], [page])
    doc = cut(page, SETTINGS).to_dict()
    news = [a for a in doc["articles"] if a["kind"] == "news"]
    photo = [a for a in doc["articles"] if a["kind"] == "photo"]
    assert [(a["headline"], a["paragraphs"], a["reporters"]) for a in news] == [(head, body, ["郑宁"])]
    assert [(a["paragraphs"], a["reporters"]) for a in photo] == [([caption.split("本报")[0]], ["郑宁"])]
    assert any(b.zone == "header" for b in page.blocks) and any(b.zone == "footer" for b in page.blocks)
