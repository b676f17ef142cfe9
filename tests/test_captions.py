"""Photo captions as OCR gives them: credits with the spaces dropped, a caption (▲) printed right
under the last full line of an article in the same column."""
from __future__ import annotations

from jianbao.cut import lines as L
from jianbao.pipeline import cut, read_bytes
from jianbao.read.layout import Line, page_from_lines
from jianbao.settings import Settings

ST = Settings(tag=False)


def test_a_credit_without_spaces_names_every_photographer():
    text = "11月1日，新桥区的荷花竞相开放。本报记者崔嘉通讯员叶凤卫摄"
    start, by = L.photo_credit(text)
    assert text[start:] == "本报记者崔嘉通讯员叶凤卫摄"
    assert by.reporters == ("崔嘉", "叶凤卫")
    assert L.parse_byline("本报记者崔嘉通讯员叶凤卫").reporters == ("崔嘉", "叶凤卫")
    assert L.parse_byline("本报记者 崔嘉 通讯员 叶凤卫").reporters == ("崔嘉", "叶凤卫")


def test_the_caption_keeps_only_its_words_and_the_credit_is_its_byline():
    page = ("# 乡村振兴见成效\n\n本报讯 5月29日，全市乡村振兴推进会召开，会议听取了各地工作汇报。\n\n"
            "会议要求，要抓好各项任务落实。\n\n![](a.jpg)\n\n"
            "5月30日，孩子们在石门乡体验非遗技艺。本报记者崔嘉通讯员叶凤卫摄\n")
    doc = cut(read_bytes(page.encode(), "p.md", ST), ST).to_dict()
    photo = [a for a in doc["articles"] if a["kind"] == "photo"]
    assert [(a["paragraphs"], a["reporters"]) for a in photo] == [
        (["5月30日，孩子们在石门乡体验非遗技艺。"], ["崔嘉", "叶凤卫"])]


def test_a_caption_line_under_a_full_line_is_not_run_on_into_it():
    s = 10.0
    body = ["会议要求要抓好各项任务落实确保取得实效会议", "强调要提高政治站位全面提升工作水平推进落实"]
    lines = [Line(20, 100, 20 + 21 * s, 110, s, body[0][:21]), Line(0, 115, 22 * s, 125, s, body[1][:22]),
             Line(0, 130, 22 * s, 140, s, "▲5月30日，孩子们体验非遗技艺。通讯员袁怀正摄")]
    page = page_from_lines(lines, 400, 600, "t.png")
    assert [b.text for b in page.blocks][-1] == "▲5月30日，孩子们体验非遗技艺。通讯员袁怀正摄"
