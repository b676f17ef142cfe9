"""Layout analysis on hand-placed lines: columns, reading order, titles, paragraphs, bands."""
from __future__ import annotations

from jianbao.read.layout import Line, page_from_lines

S = 10.0   # body size
W = 12     # characters per column line


def col_lines(x: float, y: float, paras: list[str], width: int = W) -> list[Line]:
    """Lines of paragraphs in one column at x, from y down (indent 2, justified)."""
    out = []
    for p in paras:
        first = True
        while p:
            n = width - 2 if first else width
            chunk, p = p[:n], p[n:]
            x0 = x + (2 * S if first else 0)
            x1 = x0 + len(chunk) * S
            out.append(Line(x0, y, x1, y + S, S, chunk))
            y += 1.5 * S
            first = False
    return out


def lines_text(page) -> list[str]:
    return [b.text for b in page.blocks]


def test_two_columns_given_row_by_row_read_column_by_column():
    a = "甲" * 30 + "。"
    b = "乙" * 20 + "。"
    left = col_lines(0, 100, [a])
    right = col_lines(W * S + 20, 100, [b])
    head = [Line(50, 50, 50 + 10 * 25, 75, 25, "标题" * 5)]
    rows = sorted(left + right, key=lambda l: (l.y0, l.x0))   # as a PDF may store them
    page = page_from_lines(head + rows, 400, 600, "t.pdf")
    assert lines_text(page) == ["标题" * 5, a, b]
    assert page.blocks[0].heading == 1


def test_paragraph_runs_on_across_a_column_break():
    p = "丙" * 40 + "。"
    lines = col_lines(0, 100, [p])
    first, rest = lines[:2], lines[2:]
    for ln in rest:   # the rest of the paragraph at the top of the next column
        ln.x0 += W * S + 20
        ln.x1 += W * S + 20
        ln.y0 -= 30
        ln.y1 -= 30
    page = page_from_lines([Line(0, 40, 300, 65, 25, "一个标题在这里")] + first + rest, 400, 600, "t.pdf")
    assert lines_text(page)[1] == p


def test_header_and_footer_bands_are_zoned():
    body = col_lines(0, 120, ["丁" * 50 + "。"] * 8)
    top = [Line(0, 10, 200, 20, 10, "临江日报 2023年5月12日 星期五")]
    foot = [Line(0, 985, 200, 995, 10, "责任编辑：李明")]
    page = page_from_lines(top + body + foot, 400, 1000, "t.pdf")
    zones = [b.zone for b in page.blocks]
    assert zones[0] == "header" and zones[-1] == "footer"
    assert zones.count(None) == len(page.blocks) - 2


def test_kicker_headline_subheadline_ranked_by_size():
    head = [Line(20, 30, 220, 43, 13, "某某主持召开会议时强调——"),
            Line(0, 50, 300, 80, 30, "大标题在这里"),
            Line(20, 88, 220, 101, 13, "——副题在这里")]
    page = page_from_lines(head + col_lines(0, 130, ["戊" * 30 + "。"]), 400, 600, "t.pdf")
    assert [b.heading for b in page.blocks[:3]] == [2, 1, 2]


def test_nothing_but_nfc_and_white_space_changes():
    page = page_from_lines([Line(0, 100, 60, 110, 10, "\uf98a量　 大")], 400, 600, "t.pdf")
    assert page.blocks[0].text == "力量 大"


def test_short_lines_ending_together_are_not_the_column_edge():
    """Two short lines that end at one x (a byline, a paragraph's last line) and two full ones: the
    column ends where the full lines do, so the short last line ends its paragraph."""
    lines = [Line(0, 0, 6 * S, S, S, "记者 王明 李华"),
             Line(2 * S, 1.5 * S, W * S, 2.5 * S, S, "一月十四日由县文旅局主"),
             Line(0, 3 * S, W * S, 4 * S, S, "办的义诊活动在人民广场"),
             Line(0, 4.5 * S, 6.2 * S, 5.5 * S, S, "举行了活动。"),
             Line(3 * S, 7 * S, 9 * S, 8 * S, S, "科技赋能添动力"),
             Line(2 * S, 9.5 * S, W * S, 10.5 * S, S, "活动现场工作人员共提供")]
    texts = lines_text(page_from_lines(lines, 200, 400, "x.png"))
    assert "科技赋能添动力" in texts, texts


def test_centred_line_under_a_strip_does_not_run_on():
    """A subheading set in the middle of its column under a strip, in body type: the paragraph
    above, though its last line fills the column, does not run on into it."""
    col = col_lines(0, 200, ["会议强调，要加强统筹协调，持续深化要素保障，把好事办好、实事办实。要"])
    sub = Line(3 * S, col[-1].y1 + 1.5 * S, 9 * S, col[-1].y1 + 2.5 * S, S, "小切口撬动大治理")
    after = col_lines(0, sub.y1 + 1.5 * S, ["座谈中，他指出，要抓好督促落实，统筹推进各项任务。"])
    texts = lines_text(page_from_lines(col + [sub] + after, 200, 1000, "x.png"))
    assert "小切口撬动大治理" in texts, texts


def test_a_photo_inside_a_paragraph_running_on_into_the_next_column_follows_it():
    """A paragraph ends one column full and runs on in the next, under a photo at the top of that
    column: the paragraph stays whole and the photo's image block comes after it."""
    from jianbao.read.layout import Line, page_from_lines
    s = 10.0
    left = ["今年以来县里组织技术人员深入", "田间地头指导农户做好春耕备耕", "工作确保粮食播种面积稳定在八"]
    right = ["十万亩以上全县已调运种子化肥", "两万余吨。"]
    lines = [Line(0, 100 + 15 * k, 14 * s, 110 + 15 * k, s, t) for k, t in enumerate(left)]
    lines.append(Line(16 * s, 100, 30 * s, 200, 0.0, "![]()"))
    lines += [Line(16 * s, 210 + 15 * k, 16 * s + len(t) * s, 220 + 15 * k, s, t) for k, t in enumerate(right)]
    page = page_from_lines(lines, 400, 600, "t.png")
    assert [b.text for b in page.blocks] == ["".join(left + right), "![]()"]


def test_a_photo_between_a_finished_paragraph_and_a_new_one_stands_between_them():
    """The first column ends on a full line that ends its paragraph (。); the next column opens with a
    photo, then a new indented paragraph: the photo's block stands between the two paragraphs."""
    from jianbao.read.layout import Line, page_from_lines
    s = 10.0
    left = ["今年以来县里组织技术人员深入", "田间地头指导农户做好春耕备耕", "工作确保粮食播种面积稳定住。"]
    right = ["全县已调运种子化肥两万余吨，", "农机具检修三千余台套。"]
    lines = [Line(0, 100 + 15 * k, 14 * s, 110 + 15 * k, s, t) for k, t in enumerate(left)]
    lines.append(Line(16 * s, 100, 30 * s, 200, 0.0, "![]()"))
    lines += [Line(16 * s + (2 * s if k == 0 else 0), 210 + 15 * k, 30 * s if k == 0 else 16 * s + len(t) * s,
                   220 + 15 * k, s, t) for k, t in enumerate(right)]
    page = page_from_lines(lines, 400, 600, "t.png")
    assert [b.text for b in page.blocks] == ["".join(left), "![]()", "".join(right)]
