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


def _photo_page(credit: str):
    """A column of two articles with a photo between them: the caption under the photo carries no ▲
    and no credit; the credit is printed on its own line, at the right, under the caption."""
    s, w = 10.0, 26
    lines = [Line(0, 10, 16 * s * 1.6, 10 + 16, 16, "石门乡非遗工坊开门迎客")]
    body = ("本报讯近日石门乡非遗工坊正式开门迎客来自周边村镇的二十多位手艺人带着竹编剪纸和木雕作品进驻"
            "工坊游客可以现场观看制作过程并亲手体验乡里还组织了技艺培训班吸引不少年轻人报名参加工坊"
            "负责人说今后将定期举办展销活动让更多人了解家乡的传统技艺。")
    y = 40.0
    for k in range(0, len(body), w):
        lines.append(Line(0, y, len(body[k:k + w]) * s, y + s, s, body[k:k + w]))
        y += 13
    lines.append(Line(8, y + 6, 250, y + 156, 0.0, "![]()"))          # the photo, inside the column
    y += 160
    cap = "5月30日，孩子们在石门乡非遗工坊学习竹编技艺，一位老手艺人在旁边耐心指导他们编织"
    lines.append(Line(2, y, 2 + w * s, y + s, s, cap[:w]))
    lines.append(Line(2, y + 13, 2 + len(cap[w:]) * s, y + 13 + s, s, cap[w:]))
    lines.append(Line(150, y + 26, 150 + len(credit) * s, y + 26 + s, s, credit))
    y += 60
    lines.append(Line(0, y, 14 * 16 * 1.6, y + 16, 16, "东岭县召开春耕生产推进会"))
    body2 = ("本报讯3月2日东岭县召开春耕生产推进会会议总结了去年农业生产情况安排部署今年春耕备耕工作会议"
             "要求各乡镇抓好种子化肥等农资储备确保春耕生产顺利开展。")
    y += 30
    for k in range(0, len(body2), w):
        lines.append(Line(0, y, len(body2[k:k + w]) * s, y + s, s, body2[k:k + w]))
        y += 13
    return page_from_lines(lines, 600, y + 40, "p.png")


def _articles(page):
    return [(a["kind"], a["headline"], a["reporters"], a["paragraphs"])
            for a in cut(page, ST).to_dict()["articles"]]


def test_a_caption_under_a_photo_is_a_photo_article_with_its_credit_on_its_own_line():
    arts = _articles(_photo_page("本报记者 甲乙丙 摄"))
    assert [(k, h) for k, h, _, _ in arts] == [
        ("news", "石门乡非遗工坊开门迎客"), ("photo", None), ("news", "东岭县召开春耕生产推进会")]
    _, _, reporters, paras = arts[1]
    assert reporters == ["甲乙丙"]
    assert paras == ["5月30日，孩子们在石门乡非遗工坊学习竹编技艺，一位老手艺人在旁边耐心指导他们编织"]
    assert all("孩子们" not in p for p in arts[0][3])


def test_a_credit_whose_mark_ocr_misread_is_still_the_photo_credit_under_its_caption():
    arts = _articles(_photo_page("新华社记者 甲乙丙 播"))
    assert [(k, r) for k, _, r, _ in arts] == [("news", []), ("photo", ["甲乙丙"]), ("news", [])]


def test_a_line_under_a_photo_wider_than_the_photo_is_no_caption():
    s = 10.0
    lines = [Line(0, 10, 16 * 16 * 1.6, 26, 16, "石门乡非遗工坊开门迎客"),
             Line(0, 40, 26 * s, 40 + s, s, "本报讯近日石门乡非遗工坊正式开门迎客来自周边村"),
             Line(300, 40, 300 + 20 * s, 40 + s, s, "镇的二十多位手艺人带着竹编剪纸和木雕作品进驻。"),
             Line(8, 60, 120, 200, 0.0, "![]()"),
             Line(0, 203, 26 * s, 203 + s, s, "工坊游客可以现场观看制作过程并亲手体验乡里还组")]
    page = page_from_lines(lines, 600, 400, "p.png")
    assert [k for k, _, _, _ in _articles(page)] == ["news"]
