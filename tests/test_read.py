"""The reader: encodings, markup removal, offsets."""
from __future__ import annotations

import re

import pytest

from jianbao.errors import BinaryInput, EmptyInput, EncodingUnknown, TooLarge
from jianbao.read.encoding import decode
from jianbao.read.text import clean_line, clean_offsets, page_from_text, read_text_bytes
from jianbao.settings import Settings

PAGE = "临江日报 2023年5月12日 星期五\n\n# 市委书记调研科技园区\n\n本报讯 5月11日，市委书记王立新到临江科技园调研。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_decodes_simplified_encodings(encoding):
    text, used = decode(PAGE.encode(encoding))
    assert text.lstrip("\ufeff") == PAGE


def test_decodes_big5_traditional():
    trad = "臨江日報 2023年5月12日 星期五\n\n# 市委書記調研科技園區\n\n本報訊 5月11日，市委書記王立新到臨江科技園調研。\n"
    text, used = decode(trad.encode("big5"))
    assert used == "big5" and text == trad


def test_gbk_is_not_mistaken_for_big5():
    text, used = decode(PAGE.encode("gbk"))
    assert used == "gb18030"


def test_empty_and_whitespace_files_are_refused():
    for data in (b"", b"   \n\n\t"):
        with pytest.raises(EmptyInput):
            decode(data)


def test_binary_is_refused():
    with pytest.raises(BinaryInput):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_unknown_encoding_is_refused():
    # Shift-JIS Japanese: neither UTF-8 nor readable as GB18030/Big5 Chinese
    data = ("これは日本語の文章です。東京都の新聞記事を読みます。" * 5).encode("shift_jis")
    with pytest.raises(EncodingUnknown) as e:
        decode(data)
    assert "iconv" in str(e.value)


def test_too_large_is_refused_before_decoding():
    with pytest.raises(TooLarge) as e:
        read_text_bytes(b"a" * 2048, "big.md", Settings(max_bytes=1024))
    assert "--max-mb" in str(e.value)


@pytest.mark.parametrize("raw, text, heading, bold", [
    ("# 修炼志气 磨炼骨气", "修炼志气 磨炼骨气", 1, False),
    ("### 小标题", "小标题", 3, False),
    ("**本报讯** 7月30日下午，", "本报讯 7月30日下午，", 0, False),
    ("**宋建民到会指导**", "宋建民到会指导", 0, True),
    ("> 引用的一段话。", "引用的一段话。", 0, False),
    ("学党史 悟思想  ", "学党史 悟思想", 0, False),
    ("- 第一条", "第一条", 0, False),
    ("增长3\\*2倍", "增长3*2倍", 0, False),
])
def test_markup_is_removed(raw, text, heading, bold):
    got, h, b, _ = clean_line(raw)
    assert (got, h, b) == (text, heading, bold)


def test_image_lines_are_kept_whole():
    text, _, _, image = clean_line("![](images/p1-01.jpg)")
    assert image and text == "![](images/p1-01.jpg)"


def test_offsets_point_at_the_cleaned_characters():
    raw = "# **本报讯**　7月30日下午，  市委书记  "
    page = page_from_text("前言\n\n" + raw + "\n")
    b = page.blocks[1]
    offs = clean_offsets(page.text[b.start:b.end], b.start)
    got = "".join(" " if re.fullmatch(r"\s", page.text[o]) else page.text[o] for o in offs)
    assert got == b.text


def test_blocks_know_markdown_block_boundaries():
    page = page_from_text("学党史 悟思想  \n办实事 开新局\n\n# 标题\n")
    assert [b.gap_before for b in page.blocks] == [True, False, True]


def test_compatibility_ideographs_are_normalised():
    page = page_from_text("\uf98a量\n")  # 力 as a CJK compatibility ideograph
    assert page.blocks[0].text == "力量"
