"""Page numbers (版次) as the spec wants them, digits: a lettered page printed A02, 第A02版, A2版 or
B03 is page "2" / "2" / "2" / "3", as the gold files record 第A1版 / 第A06版 (shared/spec/page-json.md).
Every page header here is invented."""
from __future__ import annotations

import pytest

from conftest import cut_text
from jianbao.cut.continuations import link_continuations
from jianbao.cut.meta import page_number
from jianbao.model import Article, PageDoc, PageMeta

BODY = "\n\n# 临江新区启动春季植树活动\n\n本报讯（记者 林晓）3月25日，临江新区组织干部群众在滨江绿道植树两千余株。\n"


@pytest.mark.parametrize("printed, number", [
    ("A02", "2"), ("第A02版", "2"), ("A2版", "2"), ("B03", "3"), ("第 B 12 版", "12"), ("Ａ０２", "2"),
    ("c7", "7"), ("第三版", "3"), ("第十二版", "12"), ("第12版", "12"), ("05", "5"), ("1", "1"),
])
def test_page_number_drops_the_section_letter(printed, number):
    assert page_number(printed) == number


@pytest.mark.parametrize("header, page, date, section", [
    ("临江日报 2024年3月26日 星期二 第A02版 要闻", "2", "2024-03-26", "要闻"),
    ("2023年5月12日 A2版 综合", "2", "2023-05-12", "综合"),
    ("B03 体育 2021年9月18日 星期六", "3", "2021-09-18", "体育"),
    ("2016-10-09 A1版 时政", "1", "2016-10-09", "时政"),
    ("2022年08月15日 第B4版：综合", "4", "2022-08-15", "综合"),
    ("第十二版 2020年11月6日", "12", "2020-11-06", None),
])
def test_lettered_pages_in_a_header(header, page, date, section):
    doc = cut_text(header + BODY, source="page.md")
    assert [f.kind for f in doc.furniture] == ["page_header"]
    assert (doc.meta.page, doc.meta.date, doc.meta.section) == (page, date, section)
    assert doc.articles[0].headline == "临江新区启动春季植树活动"


def test_a_lettered_page_in_the_file_name():
    doc = cut_text(BODY.strip() + "\n", source="linjiang-daily-2023-05-12-pA03.md")
    assert (doc.meta.page, doc.meta.date) == ("3", "2023-05-12")


def test_a_bare_page_code_in_the_body_is_not_furniture():
    text = BODY + "\n据统计，B03地块今年将新增绿地四千平方米。\n"
    doc = cut_text(text, source="page.md")
    assert doc.furniture == [] and doc.meta.page is None


def test_a_jump_to_a_lettered_page_links_to_its_number():
    """转A3版 names page "A3" as printed; the page it lands on reads 第A03版 and is page "3"."""
    a = Article(id="a", headline="滨江绿道全线贯通", continued_on="A3", paragraphs=["正文。"])
    b = Article(id="b", headline="滨江绿道全线贯通", continued_from="A1", paragraphs=["正文。"])
    docs = [PageDoc(meta=PageMeta(page=page_number("第A01版")), articles=[a]),
            PageDoc(meta=PageMeta(page=page_number("第A03版")), articles=[b])]
    assert link_continuations(docs) == 1
    assert (a.continued_on_id, b.continued_from_id) == ("b", "a")


@pytest.mark.parametrize("header, paper, page, date, section", [
    ("临江快报 2024年3月26日 星期二", "临江快报", None, "2024-03-26", None),
    ("东岭新闻网 2019年4月4日 星期四", "东岭新闻网", None, "2019-04-04", None),
    ("《南岭日报》（2017年1月17日） 01版", "南岭日报", "1", "2017-01-17", None),
    ("第9版：都市小区 2021-12-06", None, "9", "2021-12-06", "都市小区"),
    ("第A06版：看临江", None, "6", None, "看临江"),
    ("临江日报 2014年06月09日 星期一 00015版：人文·社会万象", "临江日报", "15", "2014-06-09", "人文·社会万象"),
])
def test_a_masthead_line_with_words_no_table_knows(header, paper, page, date, section):
    """A header line at the page's top may hold the paper's name or the section in words no table
    lists, beside a full date or a page number: it is still furniture, and the words are read."""
    doc = cut_text(header + BODY, source="page.md")
    assert [f.kind for f in doc.furniture] == ["page_header"]
    assert (doc.meta.paper, doc.meta.page, doc.meta.date, doc.meta.section) == (paper, page, date, section)
    assert doc.articles[0].kicker is None and doc.articles[0].headline == "临江新区启动春季植树活动"


def test_a_date_inside_a_sentence_is_no_masthead():
    doc = cut_text(BODY + "\n会议定于2024年3月26日召开\n", source="page.md")
    assert doc.furniture == [] and doc.meta.date is None
