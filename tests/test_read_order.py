"""Reading order and bands on hand-placed lines: which head a column goes with, photos side by
side, a boxed module beside a head, and page bands that are really an article's top or foot."""
from __future__ import annotations

from jianbao.pipeline import cut
from jianbao.read.layout import Line, page_from_lines
from jianbao.settings import Settings

S = 10.0        # body size
W = 12          # characters per column line


def col(k: int) -> float:
    """Left edge of column k (0-based): 120 wide, gutters of 20."""
    return k * (W * S + 20)


def flow(cols: list[int], y: float, text: str, rows: int) -> list[Line]:
    """One paragraph set in full lines down the given columns, `rows` lines to a column."""
    out, k = [], 0
    while text:
        x = col(cols[k // rows])
        chunk, text = text[:W], text[W:]
        top = y + (k % rows) * 1.5 * S
        out.append(Line(x, top, x + len(chunk) * S, top + S, S, chunk))
        k += 1
    return out


def title(cx: float, y: float, text: str, size: float) -> Line:
    """A title centred on cx."""
    w = len(text) * size
    return Line(cx - w / 2, y, cx + w / 2, y + size, size, text)


def texts(lines: list[Line], height: float = 1000) -> list[str]:
    return [b.text for b in page_from_lines(lines, 700, height, "t.pdf").blocks]


def test_a_head_centred_over_four_columns_heads_the_fourth_beside_the_next_module():
    a_text = "甲" * (W * 4 * 5 - 1) + "。"      # 5 full lines in each of 4 columns
    b_text = "乙" * (W * 5 - 1) + "。"
    a_head = title((col(0) + col(3) + W * S) / 2, 50, "甲标题短", 25)   # spans columns 2–3 only
    b_head = title(col(4) + W * S / 2, 50, "乙标题", 25)                 # level with it, over column 5
    lines = [a_head, b_head] + flow([0, 1, 2, 3], 100, a_text, 5) + flow([4], 100, b_text, 5)
    assert texts(sorted(lines, key=lambda l: (l.y0, l.x0))) == ["甲标题短", a_text, "乙标题", b_text]


def test_a_head_narrower_than_its_module_does_not_take_the_column_beside_it():
    a_text = "甲" * (W * 5 - 1) + "。"
    b_text = "乙" * (W * 3 * 5 - 1) + "。"
    a_head = title(col(0) + W * S / 2, 50, "甲标题", 25)
    b_head = title((col(1) + col(3) + W * S) / 2, 50, "乙标", 25)       # over column 3 only
    lines = [a_head, b_head] + flow([0], 100, a_text, 5) + flow([1, 2, 3], 100, b_text, 5)
    assert texts(lines) == ["甲标题", a_text, "乙标", b_text]


def test_two_photos_side_by_side_are_read_photo_by_photo():
    left = [Line(0, 100, 260, 360, 0.0, "![]()"), Line(0, 370, 200, 380, 9.5, "左图说明文字在这里")]
    right = [title(420, 105, "右图标题", 13), Line(290, 125, 550, 320, 0.0, "![]()"),
             Line(290, 330, 500, 340, 9.5, "右图说明文字在这里")]
    body = flow([0, 1, 2, 3], 420, "丙" * (W * 4 * 6), 6)    # the page's body text below
    assert texts(left + right + body)[:5] == ["![]()", "左图说明文字在这里", "右图标题", "![]()",
                                              "右图说明文字在这里"]


def test_a_module_ending_beside_a_head_does_not_cut_the_head_from_its_body():
    a_text = "甲" * (W * 3 * 6 - 1) + "。"
    head = [title((col(0) + col(2) + W * S) / 2, 100, "甲的大标题在这里", 25),
            title((col(0) + col(2) + W * S) / 2, 130, "——甲的副题", 13)]
    ad = [title(col(3) + W * S / 2, 95, "乙广告", 16),
          Line(col(3), 125, col(3) + 100, 135, S, "地址：某路1号"),
          Line(col(3), 140, col(3) + 110, 150, S, "电话：1234567")]
    lines = head + ad + flow([0, 1, 2], 166, a_text, 6)
    assert texts(lines) == ["甲的大标题在这里", "——甲的副题", a_text, "乙广告", "地址：某路1号", "电话：1234567"]


def test_an_article_at_the_foot_of_the_page_is_not_the_footer():
    above = flow([0, 1, 2, 3], 100, "丁" * (W * 4 * 10 - 1) + "。", 10)
    head = title(col(1) + W * S, 870, "戊标题在页脚上方", 25)
    foot = flow([0, 1, 2, 3], 920, "戊" * (W * 4 * 3 - 1) + "。", 3)   # three rows in the bottom tenth
    page = page_from_lines(above + [head] + foot, 700, 1000, "t.pdf")
    assert not any(b.zone for b in page.blocks)
    assert [b.text for b in page.blocks][-2:] == ["戊标题在页脚上方", "戊" * (W * 4 * 3 - 1) + "。"]


def test_running_text_at_the_top_of_the_page_is_not_the_header():
    top = "己，" * (W * 2 * 3 // 2 - 1) + "己。"              # a continued story's first rows, no header
    lines = flow([0, 1], 10, top, 3) + [title(col(2), 80, "庚标题在这里", 25)] + \
        flow([0, 1, 2, 3], 120, "庚" * (W * 4 * 8 - 1) + "。", 8)
    page = page_from_lines(lines, 700, 1000, "t.pdf")
    assert not any(b.zone for b in page.blocks)
    assert page.blocks[0].text == top


def test_type_sizes_reach_the_cutter_and_a_headline_after_subheadings_starts_an_article():
    """A headline-sized title after an article with subheadings and no byline is a new article,
    not one more subheading; the subheadings stay subheadings."""
    lines = [title(300, 20, "甲县召开乡村振兴推进会", 25)]
    y = 60.0
    for kind, text in (("p", "会议听取了各单位工作汇报，研究了有关事项。" * 3), ("h", "一、强化组织领导"),
                       ("p", "会议要求，要提高政治站位，抓好各项任务落实。" * 3), ("t", "乙镇开展文明实践"),
                       ("p", "各村志愿者走进农户家中，宣讲有关政策措施。" * 3)):
        if kind == "p":
            ls = flow([0], y, text, 99)
            lines += ls
            y = ls[-1].y1 + 20
        else:
            lines.append(title(W * S / 2, y, text, 11.5 if kind == "h" else 20))
            y += 40
    page = page_from_lines(lines, 700, 1000, "t.pdf")
    assert {b.text: b.size for b in page.blocks}["乙镇开展文明实践"] == 2.0
    doc = cut(page, Settings(tag=False)).to_dict()
    assert [a["headline"] for a in doc["articles"]] == ["甲县召开乡村振兴推进会", "乙镇开展文明实践"]
    assert doc["articles"][0]["subheadings"] == ["一、强化组织领导"]


def test_a_column_logo_wider_than_its_column_does_not_hide_the_gutter():
    a1, a2 = "甲" * (W * 6 - 1) + "。", "丁" * (W * 6 - 1) + "。"
    b_text = "乙" * (W * 2 * 5 - 1) + "。"
    logo = Line(5, 30, 5 + 15 * 9, 39, 9, "奋进新征程 建功新时代")        # crosses the first gutter
    a = [title(W * S / 2, 50, "甲标题", 20)] + flow([0], 90, a1, 99) + \
        [title(W * S / 2, 185, "一、小标题", 11.5)] + flow([0], 206, a2, 99)
    b = [title((col(1) + col(2) + W * S) / 2, 35, "乙的标题在这里", 25)] + flow([1, 2], 90, b_text, 5)
    assert texts(sorted([logo] + a + b, key=lambda l: (l.y0, l.x0))) == [
        "奋进新征程 建功新时代", "甲标题", a1, "一、小标题", a2, "乙的标题在这里", b_text]


def test_two_titles_one_under_the_other_but_side_by_side_are_not_one_wrapped_title():
    from jianbao.read.layout import Params, render_boxed
    a = Line(300, 100, 500, 125, 25, "夏季送清凉活动热闹开场")
    b = Line(20, 128, 220, 153, 25, "锚定目标任务")           # just under it, but further left
    c = Line(20, 156, 220, 181, 25, "下好先手棋")             # wraps under b
    out = [t for t, _, _ in render_boxed([[a, b, c]], S, Params())]
    assert out == ["# 夏季送清凉活动热闹开场", "# 锚定目标任务 下好先手棋"]   # a couplet: a space


def test_ocr_boxes_running_into_a_gutter_still_leave_it_a_gutter():
    """OCR boxes are loose: a line of the left column may reach past where the right one starts."""
    from jianbao.read.ocrlines import OCR_PARAMS
    a, b = "甲" * (W * 6 - 3) + "。", "乙" * (W * 6 - 3) + "。"     # last lines short: paragraphs end
    left, right = flow([0], 100, a, 99), flow([1], 100, b, 99)
    left[2].x1 = col(1) - 6                    # a box running most of the way across the gutter
    right[3].x0 = col(1) - 8                   # … and one reaching back past it
    lines = sorted([title(col(1), 50, "甲乙两栏的标题", 25)] + left + right, key=lambda l: (l.y0, l.x0))
    page = page_from_lines(lines, 700, 1000, "t.png", OCR_PARAMS)
    assert [b.text for b in page.blocks] == ["甲乙两栏的标题", a, b]


def test_a_logo_level_with_a_headline_comes_first_and_the_column_under_it_after_the_headline():
    """A column logo (Line.kind) at the top left of a module, its headline level with it on the
    right; the first column starts under the logo before the headline's foot. The gutter beside
    that column would part it from its headline: the logo and the headline come first, then the
    columns in order, the logo a block of its own with category "logo"."""
    logo = Line(0, 100, 4 * 20, 120, 20, "田园新风", "logo")
    head = Line(col(1), 96, col(1) + 10 * 30, 126, 30, "山区小县大棚蔬菜喜获丰收")
    a = "甲" * (W * 4 - 6) + "。"         # its last line short: it ends there
    b = "乙" * (W * 4 - 6) + "。"
    lines = [logo, head] + flow([0], 124, a, 99) + flow([1], 140, b, 99)
    page = page_from_lines(sorted(lines, key=lambda l: (l.y0, l.x0)), 700, 1000, "t.png")
    assert [bl.text for bl in page.blocks] == ["田园新风", "山区小县大棚蔬菜喜获丰收", a, b]
    assert [bl.category for bl in page.blocks] == ["logo", None, None, None]
