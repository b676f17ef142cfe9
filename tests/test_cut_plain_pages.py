"""Page furniture and article starts on pages without markup (issue 17, People's Daily style).

Every page and name here is invented. Each test pins one general mechanism: a name with a middle dot
is judged by its characters (a column's name is no byline), a one-character author mark run into
more words is no role, a line ending in a colon leads into what follows (no byline), a letter's
salutation is body, a bracketed note between an article and the next head closes the article above,
a closing credit breaks a run of short lines (no verse), a column name printed over each of its
articles is a logo, and on a page without markup a title line is weighed by the words it shares with
the article above and the text below.
"""
from __future__ import annotations

from jianbao.cut.lines import logo_shaped, name_like, parse_byline
from jianbao.cut.tables import tables

from cut_helpers import PARA, doc_of, segmenter


def test_a_name_with_a_middle_dot_is_judged_by_its_characters():
    assert name_like("菲利普·方汉勒米尔斯") and name_like("阿不来提·阿不都热西提") and name_like("特蕾莎·梅")
    for column in ("新春走基层·脱贫攻坚一线见闻", "倾听·关注基层治理", "解码·文化权益", "暖相册·春运故事"):
        assert not name_like(column), column
        assert parse_byline(column) is None, column
    b = parse_byline("记者 阿不来提·阿不都热西提")
    assert b is not None and b.reporters == ("阿不来提·阿不都热西提",)


def test_the_sound_characters_are_the_cutters_own_table():
    sound = tables().sound_chars
    assert {"菲", "利", "普", "阿", "不", "都"} <= sound
    assert not {"春", "走", "层", "听", "关", "注"} & sound


def test_a_one_character_mark_run_into_more_words_is_no_role():
    assert parse_byline("文化脉动") is None      # a section's name, not 文 + 化脉动
    assert parse_byline("图说天下") is None
    b = parse_byline("文/张三 图/李四")
    assert b is not None and b.reporters == ("张三", "李四")


def test_a_name_ending_in_a_colon_leads_into_the_headline():
    assert parse_byline("钟锐：") is None
    page = f"""2020年1月22日 星期三

第15版

**何大勇：**

**临危不惧 保护乘客**

据新华社电 （记者黄某某）{PARA}

{PARA}
"""
    doc = doc_of(page)
    assert [(a.kicker, a.headline) for a in doc.articles] == [("何大勇：", "临危不惧 保护乘客")]
    assert not doc.articles[0].byline


def test_a_salutation_opens_the_body():
    assert tables().salutation.search("编辑同志：")
    s = segmenter(f"读者来信\n\n小区门牌号更新了\n\n编辑同志：\n\n{PARA}\n\n{PARA}\n")
    k = next(i for i, b in enumerate(s.blocks) if b.text == "编辑同志：")
    assert not s.title(k)


def test_a_bracketed_note_between_an_article_and_the_next_head_closes_the_article_above():
    page = f"""2020年1月24日 星期五

第4版

各地加强节日市场供应

{PARA}

{PARA}

（综合本报记者甲乙丙、丁戊己报道）

新型冠状病毒感染的肺炎

诊疗方案发布第二版

{PARA}

{PARA}
"""
    doc = doc_of(page)
    assert len(doc.articles) == 2
    first, second = doc.articles
    assert first.paragraphs[-1] == "（综合本报记者甲乙丙、丁戊己报道）"
    assert (second.kicker, second.headline) == ("新型冠状病毒感染的肺炎", "诊疗方案发布第二版")


def test_a_closing_credit_breaks_a_run_of_short_lines():
    """漫画 / its credit / a column logo / kicker / headline are five short lines, but no verse: the
    credit closes the cartoon, and the lines after it are a head."""
    page = f"""2019年2月13日 星期三

第9版

伟大觉醒让我们赶上时代

{PARA}

{PARA}

漫画

某某某作（新华社发）

有的放矢

责任书不能成为一纸空文

落实责任书需要责任心

{PARA}

{PARA}
"""
    doc = doc_of(page)
    heads = [a.headline for a in doc.articles]
    assert "落实责任书需要责任心" in heads or "责任书不能成为一纸空文" in heads


def test_a_column_name_printed_over_each_article_is_a_logo():
    body = f"据新华社电 （记者某某）{PARA}\n\n{PARA}"
    page = f"""2019年2月11日 星期一

第12版

英雄谱·平凡的岗位

**赵某某：拼斗疆场 豪气冲天**

{body}

英雄谱·平凡的岗位

**钱某某：靠前指挥 战斗到底**

{body}

英雄谱·平凡的岗位

**孙某某：远征驰援 抗日英烈**

{body}
"""
    s = segmenter(page)
    logo_lines = [i for i, b in enumerate(s.blocks) if b.text == "英雄谱·平凡的岗位"]
    assert set(logo_lines) <= s.recurring and len(logo_lines) == 3
    doc = doc_of(page)
    assert [a.kicker for a in doc.articles] == [None, None, None]
    assert sum(f.kind == "column_logo" for f in doc.furniture) == 3


def test_a_standing_column_name_is_a_logo():
    assert logo_shaped("人民论坛") and logo_shaped("民生观")
    assert not logo_shaped("科学规划")  # a subheading has the same shape; only the name tells


def test_on_a_plain_page_the_words_a_title_shares_with_its_article_count():
    """Lexical cohesion: a subheading speaks of its article's matter, a new headline of another."""
    farm = "石桥镇的果园今年引进了新品种柑橘，果农们学习嫁接和修剪技术，柑橘产量明显提高。" * 3
    page = f"""石桥镇柑橘喜获丰收

{farm}

柑橘嫁接技术推广

{farm}

城区新建三座体育公园

市民在新建的体育公园里锻炼身体，体育公园配有步道、球场和健身器材，周末人气很旺。
"""
    s = segmenter(page)
    seen: dict[str, tuple[float, float]] = {}
    original = s.features

    def features(i, j):
        x = original(i, j)
        cur = s.cur
        text = "".join(s.blocks[k].text for k in range(i, j))
        seen[text] = s._shared_words(cur, text, s.next_content(j))
        return x
    s.features = features
    s.run()
    sub_above, _ = seen["柑橘嫁接技术推广"]
    new_above, new_below = seen["城区新建三座体育公园"]
    assert sub_above > new_above
    assert new_below > 0.3


def test_a_sentence_ending_in_a_colon_over_body_text_is_body():
    page = f"""记者走访了几个村子

{PARA}

这次走访，记者又获知了这样的消息：

{PARA}

{PARA}
"""
    s = segmenter(page)
    k = next(i for i, b in enumerate(s.blocks) if b.text.startswith("这次走访"))
    assert not s.title(k)
    # over a title line the same shape is a kicker's
    s = segmenter(f"{PARA}\n\n某某在调研时，强调：\n\n抓好春耕备耕\n\n{PARA}\n")
    k = next(i for i, b in enumerate(s.blocks) if b.text.startswith("某某在调研时"))
    assert s.title(k)


def test_on_a_plain_page_a_headline_of_two_short_clauses_is_a_title():
    """Where no line is marked, a line of two short clauses (up to PLAIN_CLAUSES characters) may be a
    headline; on a page that marks its titles, an unmarked line of that shape is body."""
    page = f"""第4版

解读某某会议精神③

守好干部好作风，同心协力奔小康

{PARA}

{PARA}
"""
    s = segmenter(page)
    k = next(i for i, b in enumerate(s.blocks) if b.text.startswith("守好干部好作风"))
    assert not s._plain_sentence(k)
    doc = doc_of(page)
    assert [a.headline for a in doc.articles] == ["守好干部好作风，同心协力奔小康"]
    marked = page.replace("解读某某会议精神③", "# 解读某某会议精神③")
    s = segmenter(marked)
    assert s._plain_sentence(next(i for i, b in enumerate(s.blocks) if b.text.startswith("守好干部好作风")))


def test_a_line_that_stops_inside_a_number_is_a_paragraph_cut_short():
    page = f"""{PARA}

在某某乡，某某看望了有着5

2年党龄的老党员，感谢他为家乡发展作出的贡献。
"""
    s = segmenter(page)
    k = next(i for i, b in enumerate(s.blocks) if b.text.startswith("在某某乡"))
    assert s._plain_sentence(k)


def test_a_dash_right_under_a_title_line_opens_its_subheadline():
    page = f"""第4版

高擎旗帜，众志成城保供应

——面对困难，企业在加班加点（下）

{PARA}

{PARA}
"""
    doc = doc_of(page)
    assert [(a.headline, a.subheadline) for a in doc.articles] == \
        [("高擎旗帜，众志成城保供应", "——面对困难，企业在加班加点（下）")]
    # a quotation's attribution under a quoted sentence is body however it opens
    s = segmenter(f"{PARA}\n\n“某某工作需要耐心。”\n\n——某某委员日前在座谈会上说，某某工作\n\n要持之以恒。\n")
    k = next(i for i, b in enumerate(s.blocks) if b.text.startswith("——某某委员"))
    assert s._plain_sentence(k)


def test_a_lead_taken_from_the_wire_is_no_title():
    """据新华社电 （记者某某）…: a lead however short the parser cut it (the rest on the next line)."""
    page = f"""某某：

临危不惧 保护乘客

据新华社电 （记者黄某某）面对持刀的歹徒，他

{PARA}
"""
    s = segmenter(page)
    k = next(i for i, b in enumerate(s.blocks) if b.text.startswith("据新华社电"))
    assert not s.title(k)
    doc = doc_of(page)
    assert [(a.kicker, a.headline) for a in doc.articles] == [("某某：", "临危不惧 保护乘客")]


def test_three_lines_in_a_row_opening_with_a_caption_mark_are_a_list():
    items = ["▲正确使用各种家用电器，不私拉乱接电线。", "▲不要在家中存放易燃易爆物品。",
             "▲家中要配备必要的灭火器材并学会使用。"]
    page = "\n\n".join(["某某部门提醒公众", "冬季要消除火灾隐患", PARA, *items, PARA])
    doc = doc_of(page)
    assert len(doc.articles) == 1
    assert all(any(x[1:] in p for p in doc.articles[0].paragraphs) for x in items)
    # one mark under a photo is its caption
    s = segmenter("\n\n".join(["某某部门提醒公众", PARA, "![](p.jpg)", "▲某地的消防演练现场。", PARA]))
    assert not s.listed


def test_two_clauses_is_a_headlines_shape_and_a_cut_paragraph_is_not():
    from jianbao.cut.lines import two_clauses
    for title in ("守好干部好作风，同心协力奔小康", "某大学：以红色文化育时代新人", "矛盾升级，两国关系现“裂痕”"):
        assert two_clauses(title), title
    for cut_short in ("市政协主席某某，市委常委、常务", "“以前办事要跑好几趟，现在在家门", "一是抓落实，二是抓创新，三是"):
        assert not two_clauses(cut_short), cut_short
