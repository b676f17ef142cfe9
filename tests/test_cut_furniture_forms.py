"""Page counters (第 N 页, 第N页/共M页, - 3 -) and source lines (《临江日报》（2019年02月01日 第 01 版）,
来源：临江日报 2019-02-01 第1版) are page furniture wherever they stand, never a headline or an
article; every character is kept in the furniture, and a source line gives the page's paper, date
and page number. Every page here is invented."""
from __future__ import annotations

import pytest

from conftest import cut_text
from jianbao.cut.lines import header_kind

ART1 = ("# 临江新区启动春季植树活动\n\n"
        "本报讯（记者 林晓）3月25日，临江新区组织干部群众在滨江绿道植树两千余株，新增绿地十余公顷。\n")
ART2 = ("# 东岭镇建成首个乡村养老服务中心\n\n"
        "本报讯（记者 周原）日前，东岭镇乡村养老服务中心投入使用，可为周边三个村的老人提供助餐服务。\n")


def _kept(doc, line: str) -> None:
    """The line is furniture, whole, and in no article."""
    assert line in [f.text for f in doc.furniture], [f.text for f in doc.furniture]
    for a in doc.articles:
        assert line not in (a.headline or "") and all(line not in p for p in a.paragraphs)


@pytest.mark.parametrize("footer", ["第 3 页", "第159页", "第3页/共12页", "第 3 页 共 12 页", "— 3 —", "—12—"])
def test_a_page_counter_at_the_foot_is_furniture(footer):
    doc = cut_text(ART1 + "\n" + footer + "\n", source="page.md")
    _kept(doc, footer)
    assert [a.headline for a in doc.articles] == ["临江新区启动春季植树活动"]
    assert doc.meta.page is None      # the file's page counter is not the paper's 版


@pytest.mark.parametrize("footer", ["第 3 页", "— 3 —"])
def test_a_page_counter_between_articles_is_no_headline(footer):
    doc = cut_text(ART1 + "\n" + footer + "\n\n" + ART2, source="page.md")
    _kept(doc, footer)
    assert [a.headline for a in doc.articles] == ["临江新区启动春季植树活动", "东岭镇建成首个乡村养老服务中心"]


@pytest.mark.parametrize("line, paper, date, page", [
    ("《临江日报》（2019年02月01日 第 01 版）", "临江日报", "2019-02-01", "1"),
    ("《东岭晚报》(2020年5月6日第A3版)", "东岭晚报", "2020-05-06", "3"),
    ("来源：临江日报 2019-02-01 第1版", "临江日报", "2019-02-01", "1"),
    ("来源：南岭参考 2021年7月31日 第4版", "南岭参考", "2021-07-31", "4"),
])
def test_a_source_line_is_furniture_and_gives_the_page_metadata(line, paper, date, page):
    for text in (line + "\n\n" + ART1, ART1 + "\n" + line + "\n", ART1 + "\n" + line + "\n\n" + ART2):
        doc = cut_text(text, source="page.md")
        _kept(doc, line)
        assert (doc.meta.paper, doc.meta.date, doc.meta.page) == (paper, date, page)
        assert doc.articles[0].headline == "临江新区启动春季植树活动"


def test_a_page_number_between_hyphens_is_a_page_counter():
    """(In Markdown "- 3 -" is a list item "3 -"; in a PDF's text layer the line is "- 3 -".)"""
    assert header_kind("- 3 -") == ("header", frozenset({"leaf_dashed"}))


@pytest.mark.parametrize("line", [
    "来源：新华社",                              # an article's credit: stays in the article
    "数据来源：市统计局，2019年全年",
    "《临江日报》评论员文章",
    "详见第3页",
    "2019-02-01",
    "3",
])
def test_look_alikes_are_not_page_counters_or_source_lines(line):
    kind = header_kind(line)
    assert kind is None or not kind[1] & {"source", "source_label", "leaf", "leaf_dashed"}


def test_a_credit_line_without_a_date_stays_in_the_article():
    doc = cut_text(ART1 + "来源：新华社\n", source="page.md")
    assert doc.furniture == []
    assert "来源：新华社" in (doc.articles[0].byline or "") + "".join(doc.articles[0].paragraphs)
