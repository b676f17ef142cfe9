"""The cutter weighs the parsers' block categories (read/parsers: caption, aside, footnote) with the text:
a block labelled caption right under a picture is the photo's caption even with no ▲ and no credit; a
page's headline beside a photo is not the photo's title; a caption label over a reporter's byline is a
title line the tool mislabelled; an aside shaped as a column's name is a column logo; a footnote stays in
its article. The pages are written here (synthetic text), in the tools' own JSON shapes."""
from __future__ import annotations

import json

from jianbao.pipeline import cut
from jianbao.read.formats import read_json_bytes
from jianbao.settings import Settings

ST = Settings(tag=False)

BODY = ["5月12日，东岭县召开春耕生产推进会，总结前期工作，部署下一阶段任务。会议要求各乡镇抓好农资供应。",
        "会议指出，要压实责任，加强田间管理，确保粮食播种面积稳定，为全年丰收打下坚实基础。",
        "会议强调，要做好防灾减灾准备，及时发布农业气象信息，帮助群众科学安排农事活动。"]
CAPTION = "5月11日，石门乡农民在田间移栽秧苗，机械化插秧让春耕进度明显加快"


def _doc(obj) -> dict:
    page = next(read_json_bytes(json.dumps(obj, ensure_ascii=False).encode(), "t.json"))
    return cut(page, ST).to_dict()


def _pp(blocks: list[tuple[str, list[int], str]]) -> dict:
    return {"parsing_res_list": [{"block_label": label, "block_bbox": box, "block_content": text,
                                  "block_order": None if label in ("image", "figure_title") else k}
                                 for k, (label, box, text) in enumerate(blocks)]}


def _photos(doc: dict) -> list[dict]:
    return [a for a in doc["articles"] if a["kind"] == "photo"]


def test_a_caption_under_a_photo_without_mark_or_credit_is_the_photo_s():
    # no byline under the headline (the sample's, 本报记者 and three names run together, is not read as one)
    doc = _doc(_pp([("doc_title", [100, 30, 1400, 110], "东岭县部署春耕生产工作"),
                    ("image", [780, 180, 1400, 600], ""),
                    ("figure_title", [790, 610, 1390, 650], CAPTION),
                    ("text", [10, 180, 360, 330], BODY[0]),
                    ("text", [10, 340, 360, 470], BODY[1]),
                    ("text", [390, 180, 740, 320], BODY[2])]))
    news = [a for a in doc["articles"] if a["kind"] == "news"]
    assert [a["headline"] for a in news] == ["东岭县部署春耕生产工作"]   # not taken as the photo's title
    assert news[0]["paragraphs"] == BODY
    assert [a["paragraphs"] for a in _photos(doc)] == [[CAPTION]]


def test_a_title_over_its_photo_stays_the_photo_s_title():
    doc = _doc(_pp([("doc_title", [800, 130, 1300, 170], "田间地头春意浓"),
                    ("image", [780, 180, 1400, 600], ""),
                    ("figure_title", [790, 610, 1390, 650], CAPTION),
                    ("doc_title", [10, 30, 700, 110], "东岭县部署春耕生产工作"),
                    ("text", [10, 130, 360, 150], "本报记者 林晓东"),
                    ("text", [10, 180, 360, 330], BODY[0]),
                    ("text", [10, 340, 360, 470], BODY[1])]))
    assert [(a["headline"], a["paragraphs"]) for a in _photos(doc)] == [("田间地头春意浓", [CAPTION])]


def test_a_caption_in_two_blocks_is_one_caption_and_side_by_side_captions_are_two():
    first, rest = CAPTION[:20], CAPTION[20:]
    one = [{"bbox": [100, 30, 1400, 110], "category": "Title", "text": "东岭县部署春耕生产工作"},
           {"bbox": [10, 130, 360, 150], "category": "Text", "text": "本报记者 林晓东"},
           {"bbox": [10, 180, 360, 330], "category": "Text", "text": BODY[0]},
           {"bbox": [400, 180, 1000, 600], "category": "Picture"},
           {"bbox": [400, 610, 1000, 640], "category": "Caption", "text": first},
           {"bbox": [400, 645, 800, 675], "category": "Caption", "text": rest},
           {"bbox": [10, 340, 360, 470], "category": "Text", "text": BODY[1]}]
    assert [a["paragraphs"] for a in _photos(_doc(one))] == [[CAPTION]]
    two = one[:3] + [{"bbox": [400, 180, 690, 600], "category": "Picture"},
                     {"bbox": [720, 180, 1000, 600], "category": "Picture"},
                     {"bbox": [400, 610, 690, 640], "category": "Caption", "text": "左图：石门乡农民移栽秧苗"},
                     {"bbox": [720, 610, 1000, 640], "category": "Caption", "text": "右图：农技人员检查秧苗长势"}]
    assert [a["paragraphs"] for a in _photos(_doc(two))] == [["左图：石门乡农民移栽秧苗"], ["右图：农技人员检查秧苗长势"]]


def test_a_caption_label_over_a_reporters_byline_is_no_caption():
    doc = _doc(_pp([("doc_title", [10, 30, 700, 110], "东岭县部署春耕生产工作"),
                    ("text", [10, 130, 360, 150], "本报记者 林晓东"),
                    ("text", [10, 180, 360, 330], BODY[0]),
                    ("image", [400, 180, 1000, 600], ""),
                    ("figure_title", [400, 620, 1000, 680], "石门乡新建冷链仓库投入使用"),
                    ("text", [400, 700, 700, 720], "本报记者 韩雪梅"),
                    ("text", [400, 730, 1000, 900], BODY[2])]))
    assert not _photos(doc)   # a title line (which article's head is the boundary model's call)
    assert any("石门乡新建冷链仓库投入使用" in [a["headline"], *a["subheadings"]] for a in doc["articles"])


def test_a_mineru_caption_without_box_goes_with_its_picture():
    items = [{"type": "text", "text": "东岭县部署春耕生产工作", "text_level": 1, "bbox": [50, 20, 950, 60], "page_idx": 0},
             {"type": "text", "text": "本报记者 林晓东", "bbox": [50, 70, 300, 85], "page_idx": 0},
             {"type": "text", "text": BODY[0], "bbox": [50, 100, 480, 300], "page_idx": 0},
             {"type": "image", "img_path": "images/a.jpg", "image_caption": [CAPTION], "bbox": [520, 100, 950, 400],
              "page_idx": 0},
             {"type": "text", "text": BODY[1], "bbox": [50, 310, 480, 500], "page_idx": 0}]
    doc = _doc(items)
    assert [a["paragraphs"] for a in _photos(doc)] == [[CAPTION]]
    assert [a["paragraphs"] for a in doc["articles"] if a["kind"] == "news"] == [BODY[:2]]


def test_a_middle_json_caption_printed_above_its_picture_still_follows_it():
    def block(typ, box, text=None):
        b = {"type": typ, "bbox": box}
        if text is not None:
            b["lines"] = [{"bbox": box, "spans": [{"bbox": box, "type": "text", "content": text}]}]
        return b
    page = {"page_idx": 0, "page_size": [600, 800], "discarded_blocks": [], "para_blocks": [
        block("title", [30, 20, 570, 50], "东岭县部署春耕生产工作"),
        block("text", [30, 60, 200, 72], "本报记者 林晓东"),
        block("text", [30, 80, 280, 300], BODY[0]),
        {"type": "image", "bbox": [300, 80, 570, 330], "blocks": [
            block("image_caption", [300, 80, 570, 100], CAPTION),
            {"type": "image_body", "bbox": [300, 105, 570, 330], "lines": []}]},
        block("text", [30, 310, 280, 500], BODY[1])]}
    doc = _doc({"pdf_info": [page], "_backend": "pipeline"})
    assert [a["paragraphs"] for a in _photos(doc)] == [[CAPTION]]


def test_an_aside_shaped_as_a_column_name_is_a_column_logo_and_a_footnote_stays_in_its_article():
    doc = _doc(_pp([("aside_text", [1450, 200, 1490, 600], "乡村振兴 春耕进行时"),
                    ("doc_title", [10, 30, 700, 110], "东岭县部署春耕生产工作"),
                    ("text", [10, 130, 360, 150], "本报记者 林晓东"),
                    ("text", [10, 180, 360, 330], BODY[0]),
                    ("text", [10, 340, 360, 470], BODY[1]),
                    ("footnote", [10, 480, 360, 500], "春耕生产指导意见全文")]))
    assert [(f["kind"], f["text"]) for f in doc["furniture"]] == [("column_logo", "乡村振兴 春耕进行时")]
    assert len(doc["articles"]) == 1
    assert doc["articles"][0]["paragraphs"][-1] == "春耕生产指导意见全文"


def test_a_page_number_is_furniture_and_a_footnote_that_reads_as_furniture_is_furniture():
    doc = _doc(_pp([("header", [10, 5, 700, 20], "东岭日报 2025年5月13日 星期二"),
                    ("doc_title", [10, 30, 700, 110], "东岭县部署春耕生产工作"),
                    ("text", [10, 130, 360, 150], "本报记者 林晓东"),
                    ("text", [10, 180, 360, 330], BODY[0]),
                    ("footnote", [10, 480, 360, 500], "本版编辑：张小红 美编：王大明"),
                    ("number", [700, 980, 720, 1000], "3")]))
    assert [a["paragraphs"] for a in doc["articles"]] == [BODY[:1]]
    assert [(f["kind"], f["text"]) for f in doc["furniture"]] == [
        ("page_header", "东岭日报 2025年5月13日 星期二"), ("page_footer", "本版编辑：张小红 美编：王大明"),
        ("page_footer", "3")]
