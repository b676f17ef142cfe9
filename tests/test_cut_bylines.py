"""Byline and dateline grammar (cut/lines.py over cut/data/bylines.toml, datelines.toml).

Every example here is invented: outlets, places and people that do not exist as written."""
from __future__ import annotations

import pytest

from jianbao.cut import lines as L


def by(text: str, **kw) -> L.Byline:
    b = L.parse_byline(text, **kw)
    assert b is not None, text
    return b


# ---- roles, outlets, stations ----------------------------------------------------------------

@pytest.mark.parametrize("text, reporters", [
    ("本报记者 陈小川", ("陈小川",)),
    ("临川日报记者 黄立青 见习记者 朱文婷", ("黄立青", "朱文婷")),
    ("东岭日报全媒体记者 李冬冬 实习生 郑天宇", ("李冬冬", "郑天宇")),
    ("南岭日报青禾新闻记者 刘朝阳 黄飞", ("刘朝阳", "黄飞")),
    ("椰城网/海岸手机端记者 符明助 通讯员 林小燕", ("符明助", "林小燕")),
    ("商报记者 李书", ("李书",)),
    ("本报记者 苏明苗 本报石门记者站 罗旺山 文/图", ("苏明苗", "罗旺山")),
    ("宏都日报/宏都晚报/宏都新闻 特约记者 汪展鹏 记者 张晓峰 摄影 周鑫宇", ("汪展鹏", "张晓峰", "周鑫宇")),
    ("播报人：范建国 王文友", ("范建国", "王文友")),
    ("供稿：赵星辰", ("赵星辰",)),
    ("特约通讯员：潘中华", ("潘中华",)),
    ("通讯员 许小菲", ("许小菲",)),
])
def test_roles_with_outlets_and_stations(text, reporters):
    b = by(text)
    assert b.reporters == reporters and b.has_role and b.kind == "role"
    assert b.text == text


def test_a_role_after_the_names_and_marks_glued_to_a_name():
    assert by("张晓红 记者 孙伟明").reporters == ("张晓红", "孙伟明")
    assert by("石门县新闻办 梁海林 刘永丰图/文").reporters == ("梁海林", "刘永丰")
    assert by("井然摄影报道").reporters == ("井然",)
    assert by("通讯员黎明报道").reporters == ("黎明",)
    b = by("□本报记者 于江 王瀚 尤坤 巴特尔吉 乌力吉巴雅尔 摄影报道")
    assert b.reporters == ("于江", "王瀚", "尤坤", "巴特尔吉", "乌力吉巴雅尔") and b.decorated


def test_a_two_character_name_printed_with_a_space():
    assert by("崔 琳").reporters == ("崔琳",)
    assert by("陈甜雨 徐 川").reporters == ("陈甜雨", "徐川")
    b = by("通讯员 王 涛 摄")
    assert b.reporters == ("王涛",) and b.text == "通讯员 王 涛 摄"
    assert by("宁江日报记者 姜 宁 剡明远").reporters == ("姜宁", "剡明远")
    # a single-character role is never joined to a surname before it
    assert by("杨波 文/李前程 图").reporters == ("杨波", "李前程")


# ---- sources, offices, outlets alone ---------------------------------------------------------

def test_sources_are_not_reporters():
    b = by("来源：石门县人民政府网")
    assert b.kind == "source" and b.source == "石门县人民政府网" and b.reporters == () and b.has_role
    b = by("来源：市政府办公室 撰稿：王成林 编辑：薛冬梅")
    assert b.reporters == ("王成林",) and b.source == "市政府办公室"
    b = by("作者：宋仁杰来源：东岭县人大")
    assert b.reporters == ("宋仁杰",) and b.source == "东岭县人大"
    b = by("□ 据新华社")
    assert b.kind == "source" and b.source == "新华社" and b.decorated and b.text == "据新华社"
    assert by("来源：东岭政府网 记者 武海涛 董云飞").reporters == ("武海涛", "董云飞")


def test_an_office_or_a_list_of_outlets_stands_alone():
    b = by("县政府办")
    assert b.kind == "office" and b.reporters == () and not b.has_role
    b = by("宏都日报/宏都晚报/宏都新闻")
    assert b.kind == "outlet" and not b.has_role
    assert L.parse_byline("宏都日报") is None  # one outlet alone is a logo or a header, not a byline


@pytest.mark.parametrize("text", [
    "记者调查发现", "记者从市教育局获悉", "来源于群众", "据悉", "据统计", "据了解，",
    "学党史 悟思想", "来源：", "本报记者", "编辑部的故事", "网友点赞",
    "他说。", "王小明同志当选为主席。", "影像中国 文化中国", "何松林摄",
])
def test_sentences_headlines_and_bare_roles_are_not_bylines(text):
    assert L.parse_byline(text) is None


def test_editor_names_are_not_reporters():
    b = by("撰稿：韩宏瑞 编辑：包晓川 责编：阿拉坦")
    assert b.reporters == ("韩宏瑞",)
    b = by("版式设计：林 立")
    assert b.reporters == ()


# ---- datelines -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, dateline", [
    ("本报讯（记者 李朝明）", "本报讯"),
    ("本报1月16日讯 （记者 刘晓春）1月16日下午，", "本报1月16日讯"),
    ("本报石门讯 近日，", "本报石门讯"),
    ("本报北京1月31日电 （记者杜一飞）", "本报北京1月31日电"),
    ("东岭新闻网4月4日讯（记者 季芬华）4月4日上午，", "东岭新闻网4月4日讯"),
    ("江南在线01月23日讯 （江南日报记者 廖小青） 1月22日，", "江南在线01月23日讯"),
    ("桂风网-南岭日报石门1月23日讯（记者曾铁山）大年初一，", "桂风网-南岭日报石门1月23日讯"),
    ("青山网石门站5月29日讯 近日，", "青山网石门站5月29日讯"),
    ("东岭晚报网1月28日讯（记者 王五）", "东岭晚报网1月28日讯"),
    ("新东岭讯 近日，", "新东岭讯"),
    ("【东岭网】为迎接第12个植绿日，", "【东岭网】"),
    ("据石门县人民政府网 5月31日，", "据石门县人民政府网"),
])
def test_datelines(text, dateline):
    assert text[:L.dateline_at(text)] == dateline


@pytest.mark.parametrize("text", [
    "【图片新闻】", "【东岭网】", "据悉，近日", "据统计 全市", "据人民日报报道，", "本报通讯员何然",
    "通讯员王五报道", "喜讯频传", "记者从市里获悉，",
])
def test_not_datelines(text):
    assert L.dateline_at(text) == 0


# ---- inline bylines after a dateline ---------------------------------------------------------

@pytest.mark.parametrize("text, byline, reporters, rest", [
    ("本报讯（记者王丹丹通讯员何丽华）近日，", "记者王丹丹通讯员何丽华", ("王丹丹", "何丽华"), "近日，"),
    ("本报1月16日讯 （记者 刘晓春）1月16日下午，", "记者 刘晓春", ("刘晓春",), "1月16日下午，"),
    ("晨报全媒体讯（椰城网/海岸手机端记者 符明助 通讯员 林小燕）4月1日，",
     "椰城网/海岸手机端记者 符明助 通讯员 林小燕", ("符明助", "林小燕"), "4月1日，"),
    ("本报讯 记者 谢素云 22 日，副省长", "记者 谢素云", ("谢素云",), "22 日，副省长"),
    ("本报讯 通讯员黎明报道：12月5日下午，", "通讯员黎明报道", ("黎明",), "12月5日下午，"),
    ("本报讯 记者柳笛报道 近日，", "记者柳笛报道", ("柳笛",), "近日，"),
    ("东岭新闻网讯（县安监）2月1日，", "县安监", (), "2月1日，"),
])
def test_inline_bylines(text, byline, reporters, rest):
    n = L.dateline_at(text)
    assert n
    a, b, info = L.inline_byline_at(text, n)
    assert text[a:b] == byline and info.reporters == reporters
    assert text[b + 1:].lstrip() == rest  # the lead goes on after one closing character


@pytest.mark.parametrize("text", [
    "本报讯 记者从市教育局获悉，今年", "本报讯 记者日前走访了石门县，", "本报讯 近日，记者王五", "本报讯（2月3日）",
    "本报讯（图）近日，", "本报讯 张家界 近日，",
])
def test_no_inline_byline(text):
    assert L.inline_byline_at(text, L.dateline_at(text)) is None


# ---- bylines in brackets closing a paragraph -------------------------------------------------

@pytest.mark.parametrize("text, byline, reporters", [
    ("全面完成春耕。（石门县新闻办 梁海林 刘永丰图/文）", "石门县新闻办 梁海林 刘永丰图/文", ("梁海林", "刘永丰")),
    ("共送去米面油120份。（王秀芝）", "王秀芝", ("王秀芝",)),
    ("列席会议。 （陈甜雨 徐 川）", "陈甜雨 徐 川", ("陈甜雨", "徐川")),
    ("做好防汛准备。（云上东岭：程闻涛）", "云上东岭：程闻涛", ("程闻涛",)),
    ("参加座谈。（来源：东岭政府网 记者 武海涛 董云飞）", "来源：东岭政府网 记者 武海涛 董云飞", ("武海涛", "董云飞")),
    ("对转移群众妥善安置。（特约通讯员：潘中华）", "特约通讯员：潘中华", ("潘中华",)),
    ("表示肯定。（临川日报全媒体记者 李冬冬 实习生 郑天宇）", "临川日报全媒体记者 李冬冬 实习生 郑天宇",
     ("李冬冬", "郑天宇")),
])
def test_trailing_bylines(text, byline, reporters):
    a, b, info = L.trailing_byline(text)
    assert text[a:b] == byline and info.reporters == reporters
    assert text[a - 1] == "（" and text[b] == "）"


@pytest.mark.parametrize("text", [
    "会议（扩大）", "他说。（完）", "他说。（未完待续）", "参加会议的有：张三、李四。（排名不分先后）",
    "记者王五在现场看到（图）", "王五来到石门（王五系化名）", "这是他的原话（李四）",
])
def test_no_trailing_byline(text):
    assert L.trailing_byline(text) is None


# ---- bad input stays linear ------------------------------------------------------------------

def test_long_lines_parse_at_all():
    names = " ".join(["王小明"] * 6000)  # ~24,000 characters of names after a role
    for text in ("本报记者 " + names, "记者" * 10000, "网" * 20000 + "x", "（" + "网" * 20000 + "）",
                 "本报讯 " + "记者" * 10000, "本报" + "网" * 20000 + "讯", "据" + "网" * 20000 + " ",
                 "。（" + names + "）", "【" + "网" * 20000 + "】x"):
        L.parse_byline(text)
        L.parse_byline(text, glued=True, label=True, strict=True)
        L.trailing_byline(text)
        n = L.dateline_at(text)
        L.inline_byline_at(text, n)
        L.inline_byline_at(text, 0)
    for text in ("网" * 47 + "x", "记者" + "网" * 46 + "x", "来源：" + "网" * 45):  # just under the limit
        L.parse_byline(text)
