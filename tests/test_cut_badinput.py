"""Bad pages for the cutter: huge or degenerate shapes a parser can emit. Each page goes through
`read_bytes` and `cut` as a file would; it must come back (the sizes are ones a pass that is
quadratic in lines or characters would not finish in a test run), raise nothing but NoArticles on a
page of furniture only, and lose no letter or digit (the conservation check of test_conservation).
tests/test_hostile.py feeds arbitrary small bytes; these are few, large and shaped. All text invented.
"""
from __future__ import annotations

import pytest

from jianbao.errors import NoArticles
from jianbao.pipeline import cut, read_bytes
from test_conservation import S, assert_page_conserved

NAMES = ["林晓", "王芳", "陈润", "张亮", "欧阳丽", "赵一鸣", "周立衡", "何恩"]
SENTENCE = "临江新区推进城市更新，老旧小区改造惠及居民三千余户，"


def cut_bytes(text: str):
    """The page document of `text` read as a markdown file, its characters all accounted for."""
    doc = assert_page_conserved(read_bytes(text.encode("utf-8"), "bad.md", S))
    assert doc is not None, "a page with body text gave NoArticles"
    return doc


def test_one_line_of_200000_characters():
    text = (SENTENCE * (200_000 // len(SENTENCE) + 1))[:200_000]
    doc = cut_bytes(text)
    assert sum(len(p) for a in doc.articles for p in a.paragraphs) >= 190_000


def test_one_line_of_200000_characters_without_punctuation():
    cut_bytes("临江新区推进城市更新" * 20_000 + "\n")


def test_a_page_of_only_title_lines():
    text = "".join(f"# 临江新区第{i}项重点工作开工\n\n" for i in range(3000))
    doc = cut_bytes(text)
    assert doc.articles


@pytest.mark.parametrize("count", [500, 4000])
def test_title_lines_in_a_row_between_paragraphs(count):
    titles = "".join(f"# 滨江绿道第{i}段贯通\n" for i in range(count))
    doc = cut_bytes(f"# 开篇\n\n本报讯 正文第一段。\n\n{titles}\n正文最后一段。\n")
    assert doc.articles


@pytest.mark.parametrize("sep", [" ", "、", ""])
def test_a_byline_of_2000_characters(sep):
    names = sep.join(NAMES[i % len(NAMES)] + (str(i) if not sep else "") for i in range(700))
    line = ("本报记者 " + names)[:2000]
    doc = cut_bytes(f"# 全市召开防汛调度会\n\n{line}\n\n本报讯 会议部署了汛期各项工作。\n")
    assert doc.articles


def test_a_dateline_with_2000_characters_of_reporters():
    names = "、".join(NAMES[i % len(NAMES)] for i in range(700))[:1990]
    cut_bytes(f"# 全市召开防汛调度会\n\n本报讯（记者 {names}）会议部署了汛期各项工作。\n")


@pytest.mark.parametrize("line", ["短句{i}。", "短句{i}", "{i}"])
def test_a_page_of_20000_short_lines(line):
    """2,000 lines is the issue's size; 20,000 keeps the test fast only if every pass is linear."""
    text = "# 标题\n\n" + "".join(line.format(i=i) + "\n" for i in range(20_000))
    cut_bytes(text)


def test_2000_short_lines_with_blank_lines_between():
    cut_bytes("# 标题\n\n" + "".join(f"短句{i}\n\n" for i in range(2000)))


def test_a_page_of_only_page_headers_is_no_articles():
    text = "".join(f"临江日报 2024年3月{i % 28 + 1}日 星期二 第A0{i % 9 + 1}版\n" for i in range(2000))
    with pytest.raises(NoArticles):
        cut(read_bytes(text.encode("utf-8"), "bad.md", S), S)
