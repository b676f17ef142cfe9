"""Cutting pages shaped like People's Daily website text rendered as a parser's markdown (issue 17).

Every page here is invented. Each test pins one general kind of error found on the dev pages:
a title line swallowed as the rest of a bracketed closing line or of a line in other markup, the
page's markup convention (bold or `#` on every title part, or on headlines only) telling column
logos from kickers, a bold sentence over a bold headline being a kicker, a callout figure (7.9%)
being body, and an author's note with brackets inside it closing its article.
"""
from __future__ import annotations

from jianbao.cut.tables import tables

from cut_helpers import PARA, doc_of, segmenter


def heads(doc) -> list[tuple[str | None, str | None, str | None]]:
    return [(a.kicker, a.headline, a.subheadline) for a in doc.articles]


BOLD_PAGE = f"""2020年3月5日 星期四

第6版

**青溪县举办春季招聘会**

{PARA}

{PARA}

（新华社青溪3月4日电 记者方远山、林晓禾）

**河湾村修好了一条致富路**

{PARA}

{PARA}

（作者为某某大学（某某研究院）研究员）

乡村振兴一线行

**石桥镇引来清水进万家**

{PARA}
"""


def test_a_bold_title_after_a_bracketed_closing_line_starts_an_article():
    doc = doc_of(BOLD_PAGE)
    assert [a.headline for a in doc.articles] == ["青溪县举办春季招聘会", "河湾村修好了一条致富路", "石桥镇引来清水进万家"]


def test_an_unmarked_line_over_a_bold_head_on_a_bold_page_is_a_logo():
    doc = doc_of(BOLD_PAGE)
    last = doc.articles[-1]
    assert last.kicker is None and last.headline == "石桥镇引来清水进万家"
    assert any(f.kind == "column_logo" and f.text == "乡村振兴一线行" for f in doc.furniture)


def test_the_page_markup_convention_is_read_from_its_heads():
    alike = segmenter(f"**某某县委召开全体会议，部署全年工作**\n\n**推动高质量发展**\n\n{PARA}\n\n"
                      f"**河湾村修好新路**\n\n{PARA}\n")
    assert alike.parts_alike is True
    # two parallel halves of one headline say nothing of how kicker and subheadline are marked
    halves = segmenter(f"# 推动政策红利直达\n\n# 服务企业零距离\n\n{PARA}\n\n# 河湾村修好新路\n\n{PARA}\n")
    assert halves.parts_alike is None
    heads_only = segmenter(f"# 某某县召开全会\n\n——记某某县的发展\n\n{PARA}\n\n# 河湾村修好新路\n\n{PARA}\n")
    assert heads_only.parts_alike is False
    # one article's two marked lines may be one headline on two lines: a page of one head says nothing
    one = segmenter(f"某某县委书记走访慰问困难群众\n\n# 用心用情办实事\n\n# 把温暖送到千家万户\n\n{PARA}\n")
    assert one.parts_alike is None


def test_a_bold_sentence_over_a_bold_headline_is_its_kicker():
    page = f"""第10版

**3月1日起，某某市社保服务中心提供新版参保证明查询服务**

**你的参保证明升级了**

{PARA}

{PARA}

**雨雪过后抓紧田管**

{PARA}
"""
    doc = doc_of(page)
    assert heads(doc)[0] == ("3月1日起，某某市社保服务中心提供新版参保证明查询服务", "你的参保证明升级了", None)
    assert len(doc.articles) == 2


def test_a_callout_figure_is_body_not_a_subheadline():
    page = f"""# 奋力书写高质量发展新篇章

——某某省推进产业升级纪实

8.6%

{PARA}

2300多亿元

{PARA}
"""
    doc = doc_of(page)
    a = doc.articles[0]
    assert a.subheadline == "——某某省推进产业升级纪实"
    assert "8.6%" in a.paragraphs and "2300多亿元" in a.paragraphs  # each a paragraph of its own
    assert len(doc.articles) == 1


def test_callout_table_entry():
    rx = tables().figure_callout
    assert rx.match("7.9%") and rx.match("51万") and rx.match("2700多亿元")
    assert not rx.match("91.9亿美元 1月境内投资者对外投资") and not rx.match("2020年")


def test_an_authors_note_with_brackets_inside_closes_its_article():
    assert tables().closer.search("（作者为某某大学（某某研究院）研究员）")
    doc = doc_of(BOLD_PAGE)
    assert doc.articles[1].paragraphs[-1] == "（作者为某某大学（某某研究院）研究员）"


def test_a_bold_line_never_continues_a_plain_paragraph():
    page = f"""**某某镇开展春耕生产**

{PARA}

一些群众说起这两年村里的变化，纷纷竖起大拇指，说路宽了、灯亮了、日子越过越

**某某村的笑声更多了**

{PARA}
"""
    doc = doc_of(page)
    assert [a.headline for a in doc.articles] == ["某某镇开展春耕生产", "某某村的笑声更多了"]


def test_long_runs_stay_linear_and_lose_nothing():
    page = "\n\n".join(["**标题行**", "一段正文没有结束", "（括号里的一行）"] * 2000)
    doc = doc_of(page)
    text = "".join(p for a in doc.articles for p in a.paragraphs) + "".join(
        (a.headline or "") + (a.kicker or "") + (a.subheadline or "") for a in doc.articles) + "".join(
        f.text for f in doc.furniture)
    assert text.count("括号里的一行") == 2000


def test_plain_lines_under_the_head_on_a_page_marked_alike_are_body():
    """On a page that marks every title part (`#` on kicker and headline), a composite report's
    plain part titles under its marked headline are in-article subheadings, not a new head."""
    page = f"""# 某某省委召开全体会议，部署全年工作

# 奋力开创发展新局面

{PARA}

# 关注地方两会

东 江

报告起草听取网友意见

本报记者 林某某

{PARA}

西 岭

学生走进会场观摩

本报记者 周某某

{PARA}

# 某某市推进农村公路建设，通达率逐年提高

# 新修的路通到了家门口

{PARA}
"""
    doc = doc_of(page)
    assert [a.headline for a in doc.articles] == ["奋力开创发展新局面", "关注地方两会", "新修的路通到了家门口"]
    report = doc.articles[1]
    assert report.kicker is None and report.subheadline is None
    assert report.subheadings == ["东 江", "报告起草听取网友意见", "西 岭", "学生走进会场观摩"]


def test_a_picture_credit_closes_its_article():
    rx = tables().closer
    assert rx.search("图片由某市天文台研究员王某提供") and rx.search("本版图片均由某县文化馆提供")
    assert not rx.search("这些照片由志愿者提供，记录了村里的变化")


def test_a_headline_ending_in_a_verb_is_no_notice():
    rx = tables().notice_title
    assert rx.search("遗失声明") and rx.search("关于停水的通知") and rx.search("更正")
    assert not rx.search("错误路牌要及时更正") and not rx.search("有情况要及时通知")


def test_a_kicker_reporting_a_document_issued():
    rx = tables().kicker_end
    assert rx.search("某某工作领导小组印发通知") and rx.search("省政府办公厅发布意见")
    assert not rx.search("关于印发某某方案的通知")
