"""cut/segment.py on its own: who owns each line of small invented pages.

The segmenter's public surface is `segment(page, model)` (→ `Cut`: drafts of articles, furniture,
the page's geometry), the `Segmenter` it runs (its per-line judgements, `features`, the oracle
used in training) and `digits` (a 版次 as digits). These tests call them directly on pages written
for them, so a change in who owns a line shows up here before it moves a golden score.
"""
from __future__ import annotations

from jianbao.cut.boundary import FEATURES, Model
from jianbao.cut.segment import Cut, Draft, Piece, Segmenter, digits, segment, whole
from jianbao.model import Page
from jianbao.read.text import page_from_text

FRONT = """临江日报 2023年3月15日 星期三 第1版

学思想 强党性 重实践 建新功

# 林海涛在青石镇调研时强调——

# 抓好春耕生产 确保粮食丰收

本报记者 周明远 通讯员 陈晓雨

本报讯 3月14日上午，市委书记林海涛来到青石镇调研春耕生产工作，实地察看了高标准农田建设和育秧工厂运行情况。

林海涛强调，各级各部门要把粮食生产摆在突出位置，层层压实责任，确保全年粮食播种面积稳定在三百万亩以上。

**推进机械化育秧**

在青石镇育秧中心，林海涛详细了解了机械化育秧的推广情况，要求加大农机购置补贴力度。（下转第3版）

# 我市开通首条城乡公交环线

本报讯（记者 王春燕）3月13日，我市首条城乡公交环线正式开通运营，线路全长四十二公里，沿途设站二十六个，惠及沿线群众八万余人。

据了解，该环线采用新能源纯电动公交车，票价统一为二元。

▲3月13日，市民在城乡公交环线首发站乘车。 本报记者 李向东 摄

责任编辑：张丽 版式设计：刘强
"""

INSIDE = """（上接第1版）要求各级各部门加大农机购置补贴力度，推动机械化育秧全覆盖。

春风吹绿江南岸

细雨滋润万亩田

农机轰鸣春耕忙

育秧大棚满目新

稻花香里说丰年

一首小诗，道出了青石镇干部群众抢抓农时的干劲。

# 城东街道开展义诊活动

本报讯 3月12日，城东街道联合市人民医院在社区广场开展义诊活动，为居民免费测量血压血糖。

活动共接待群众三百余人次。（通讯员 陈晓雨）

综合新闻 第3版
"""

# one printed line per text line, wrapped at the column width (the way many OCR tools write)
WRAPPED = """　　本报讯 3月14日上午，市委书记林海涛来到
青石镇调研春耕生产工作，实地察看了高标准农
田建设和育秧工厂运行情况。林海涛指出，今年
全面推进乡村振兴战略实施加快建设农业强市要
把粮食生产摆在突出位置，层层压实工作责任，
确保全年粮食播种面积稳定在三百万亩以上。
　　林海涛强调，各级各部门要加大农机购置补
贴力度，推动机械化育秧全覆盖，同时抓好农资
供应和价格监管，让农民群众种上放心粮、安心
粮。他要求，要抓住当前有利天气抢抓农时，确
保春耕生产各项工作顺利推进。
"""


def page(text: str) -> Page:
    return page_from_text(text, "t.md")


def texts(p: Page, pieces: list[Piece]) -> list[str]:
    return [p.blocks[x.block].text[x.a:x.b] for x in pieces]


def lines(p: Page, idx: list[int]) -> list[str]:
    return [p.blocks[k].text for k in idx]


def furniture(p: Page, cut: Cut) -> list[tuple[str, list[str]]]:
    return [(f.kind, texts(p, f.pieces)) for f in cut.furniture]


def test_a_front_page_is_cut_into_its_articles_and_furniture():
    p = page(FRONT)
    cut = segment(p)
    assert [d.kind for d in cut.drafts] == ["news", "news", "photo"]
    first, second, photo = cut.drafts

    assert lines(p, first.head.kicker) == ["林海涛在青石镇调研时强调——"]
    assert lines(p, first.head.headline) == ["抓好春耕生产 确保粮食丰收"]
    assert texts(p, first.bylines) == ["本报记者 周明远 通讯员 陈晓雨"]
    assert first.byline_info[0].reporters == ("周明远", "陈晓雨")
    assert texts(p, [first.dateline]) == ["本报讯"]
    body = texts(p, first.body)
    assert body[0].startswith("3月14日上午，市委书记林海涛") and len(body) == 4
    assert body[-1].endswith("补贴力度。")  # the jump is cut off the paragraph
    assert lines(p, sorted(first.subheadings)) == ["推进机械化育秧"]
    assert first.continued_on == "3" and first.closed  # the rest is on page 3

    assert lines(p, second.head.headline) == ["我市开通首条城乡公交环线"]
    assert texts(p, [second.dateline]) == ["本报讯"]
    assert texts(p, second.bylines) == ["记者 王春燕"]  # inside 本报讯（…）
    assert texts(p, second.body)[0].startswith("3月13日，我市首条城乡公交环线")
    assert second.continued_from is None and second.continued_on is None

    assert texts(p, photo.body) == ["3月13日，市民在城乡公交环线首发站乘车。"]
    assert texts(p, photo.bylines) == ["本报记者 李向东 摄"]

    assert furniture(p, cut) == [
        ("page_header", ["临江日报 2023年3月15日 星期三 第1版"]),
        ("column_logo", ["学思想 强党性 重实践 建新功"]),
        ("jump", ["（下转第3版）"]),
        ("page_footer", ["责任编辑：张丽 版式设计：刘强"]),
    ]


def test_a_continued_part_verse_and_a_closing_byline():
    p = page(INSIDE)
    cut = segment(p)
    assert len(cut.drafts) == 2
    rest, clinic = cut.drafts
    # the part continued from page 1 has no head of its own
    assert rest.continued_from == "1" and not rest.has_head
    # five short lines in a row are verse inside the article, not five heads
    body = texts(p, rest.body)
    assert body[1:6] == ["春风吹绿江南岸", "细雨滋润万亩田", "农机轰鸣春耕忙", "育秧大棚满目新", "稻花香里说丰年"]
    assert not rest.subheadings
    assert lines(p, clinic.head.headline) == ["城东街道开展义诊活动"]
    # a bracketed credit at the end of the last paragraph closes the article
    assert texts(p, clinic.bylines) == ["通讯员 陈晓雨"]
    assert texts(p, clinic.body)[-1] == "活动共接待群众三百余人次。"
    assert clinic.closed
    # a header line below the last article is the page's footer
    assert furniture(p, cut) == [("jump", ["（上接第1版）"]), ("page_footer", ["综合新闻 第3版"])]


def test_every_letter_and_digit_has_one_owner():
    """At this stage, nothing lost means: every alphanumeric character of every line is in a
    piece of an article or furniture, or in a head line, and in only one."""
    for text in (FRONT, INSIDE, WRAPPED):
        p = page(text)
        cut = segment(p)
        owned: dict[int, list[tuple[int, int]]] = {}
        for d in cut.drafts:
            heads = d.head.kicker + d.head.headline + d.head.subheadline
            pieces = d.bylines + d.body + ([d.dateline] if d.dateline else [])
            for x in pieces + [whole(p.blocks, k) for k in heads]:
                owned.setdefault(x.block, []).append((x.a, x.b))
        for f in cut.furniture:
            for x in f.pieces:
                owned.setdefault(x.block, []).append((x.a, x.b))
        for b in p.blocks:
            for c, ch in enumerate(b.text):
                n = sum(a <= c < e for a, e in owned.get(b.index, []))
                assert n == 1 if ch.isalnum() else n <= 1, (b.text, c, ch, n)


def test_wrapped_ocr_text_keeps_a_title_shaped_line_in_its_paragraph():
    p = page(WRAPPED)
    s = Segmenter(p)
    assert s.geo.column == 21.0  # the width the lines wrap at, measured
    i = next(b.index for b in p.blocks if b.text.startswith("全面推进乡村振兴"))
    assert s.title(i)  # on its own, it reads like a title …
    cut = s.run()
    assert len(cut.drafts) == 1 and not cut.drafts[0].has_head  # … but it continues the line above
    assert len(cut.drafts[0].body) == len(p.blocks)
    assert texts(p, [cut.drafts[0].dateline]) == ["本报讯"]


def test_per_line_judgements():
    p = page(FRONT)
    s = Segmenter(p)
    by_text = {b.text: b.index for b in p.blocks}
    assert s.fkind[by_text["临江日报 2023年3月15日 星期三 第1版"]] == "page_header"
    assert s.fkind[by_text["责任编辑：张丽 版式设计：刘强"]] == "page_footer"
    byline = s.byl[by_text["本报记者 周明远 通讯员 陈晓雨"]]
    assert byline is not None and byline.has_role
    assert s.title(by_text["我市开通首条城乡公交环线"])
    assert not s.title(by_text["本报记者 周明远 通讯员 陈晓雨"])  # a byline is no title
    lead = next(b.index for b in p.blocks if b.text.startswith("据了解"))
    assert not s.title(lead)
    assert s.next_content(0) == 1  # past the page header
    assert s.last_body_block() is None  # nothing read yet


def test_the_model_decides_whether_a_run_of_titles_starts_an_article():
    """A run of title lines after body text: the model's answer makes it a new article or a
    subheading of the one in progress (a run after a closed article starts one regardless)."""
    p = page(FRONT)
    bias = FEATURES.index("bias")
    always = Model(tuple(100.0 if k == bias else 0.0 for k in range(len(FEATURES))))
    never = Model(tuple(-100.0 if k == bias else 0.0 for k in range(len(FEATURES))))

    kept = segment(p, never)
    assert [d.kind for d in kept.drafts] == ["news", "news", "photo"]
    assert lines(p, sorted(kept.drafts[0].subheadings)) == ["推进机械化育秧"]

    split = segment(p, always)
    heads = [lines(p, d.head.headline) for d in split.drafts if d.has_head]
    assert ["推进机械化育秧"] in heads and not split.drafts[0].subheadings


def test_the_oracle_answers_in_training_and_the_features_are_kept():
    p = page(FRONT)
    asked: list[list[int]] = []

    def oracle(run: list[int]) -> bool:
        asked.append(run)
        return False

    s = Segmenter(p, oracle=oracle)
    assert s.model is None
    s.run()
    sub = next(b.index for b in p.blocks if b.text == "推进机械化育秧")
    assert asked == [[sub]]  # the only run after body text of an open article
    (x, y), = s.decisions
    assert y is False and len(x) == len(FEATURES)
    f = dict(zip(FEATURES, x))
    assert f["bias"] == 1.0 and f["byline_follows"] == 0.0 and f["short"] == 1.0
    assert f["rank_below_headline"] == 1.0  # bold (7), under a headline marked # (1)
    assert 0.0 < f["body_long"] <= 1.5


def test_features_of_a_headline_with_a_byline_below():
    text = "\n\n".join([
        "# 抓好春耕生产 确保粮食丰收",
        "本报讯 3月14日，市委书记林海涛来到青石镇调研春耕生产工作，察看育秧工厂运行情况",
        "# 我市开通首条城乡公交环线", "本报记者 王春燕",
        "3月13日，我市首条城乡公交环线正式开通运营，惠及沿线群众八万余人。",
    ])
    p = page(text)
    s = Segmenter(p, oracle=lambda run: True)
    s.run()
    (x, _), = s.decisions
    f = dict(zip(FEATURES, x))
    assert f["byline_follows"] == 1.0 and f["prev_unterminated"] == 1.0
    assert f["rank_as_headline"] == 1.0 and f["lead_below"] == 1.0 and f["style_as_page_head"] == 1.0
    assert f["lines_2"] == 0.0 and f["first_of_page"] == 0.0
    # and the shipped model starts an article there
    assert [lines(p, d.head.headline) for d in segment(p).drafts] == [
        ["抓好春耕生产 确保粮食丰收"], ["我市开通首条城乡公交环线"]]


def test_a_lone_logo_with_nothing_under_it_is_furniture():
    text = "# 我市开通首条城乡公交环线\n\n本报讯 3月13日，我市首条城乡公交环线正式开通运营。（通讯员 陈晓雨）\n\n" \
           "文明城市 共建共享\n"  # below a closed article, at the page's foot
    p = page(text)
    cut = segment(p)
    assert len(cut.drafts) == 1
    assert ("column_logo", ["文明城市 共建共享"]) in furniture(p, cut)


def test_a_page_of_furniture_only_has_no_drafts():
    p = page("临江日报 2023年3月15日 星期三 第1版\n\n责任编辑：张丽\n")
    cut = segment(p)
    assert cut.drafts == [] and {f.kind for f in cut.furniture} <= {"page_header", "page_footer"}


def test_drafts_and_pieces():
    d = Draft(3)
    assert not d.has_head and d.kind == "news" and not d.closed
    d.head.kicker.append(3)
    assert d.has_head
    p = page("本报讯 正文。\n")
    assert whole(p.blocks, 0) == Piece(0, 0, len(p.blocks[0].text))


def test_digits_of_a_page_number():
    assert digits("3") == "3"
    assert digits("03") == "3"
    assert digits("０３") == "3"
    assert digits("三") == "3"
    assert digits("十") == "10"
    assert digits("十二") == "12"
    assert digits("二十") == "20"
    assert digits("二十三") == "23"
    assert digits("A3") == "A3"
    assert digits("0") == "0"


# a paragraph cut by a column break: its first part is short and unfinished, like a subheading
CUT_SHORT = """# 南湖区推进老旧小区改造

本报讯 5月6日，南湖区召开老旧小区改造推进会，部署今年的改造任务，明确完成时限和责任单位。

**完善配套设施**

据统计，今年全区将改造小区四十二个，惠及居民一万余户，改造内容涵盖管网、道路和绿化。

据了解，南湖区住建局下

一步将加快施工进度，确保年底前全部完工。

“我们盼了好多年，这回总

算盼到了。”居民张大妈说。

区领导刘文、赵

![](img/1.jpg)

明参加会议。
"""


def test_a_paragraph_cut_short_by_a_column_break_is_body_not_a_subheading():
    from jianbao.cut.lines import cut_short
    p = page(CUT_SHORT)
    (d,) = segment(p).drafts
    # the marked subheading stays one; the three cut lines are body, joined to their other halves
    assert lines(p, sorted(d.subheadings)) == ["完善配套设施"]
    assert cut_short("据了解，南湖区住建局下") and cut_short("“我们盼了好多年，这回总")
    assert cut_short("随后召开的座谈", "，会上")  # the line under it only continues a sentence
    assert cut_short("来到青石镇卫生", "院，林海涛实地查看了药品供应情况，叮嘱做好保障。")  # a one-character clause
    assert cut_short("市人大常委会主", "任周明参加。")  # one short sentence: the rest of one cut
    assert not cut_short("完善配套设施", "会上，林海涛要求各级各部门加大力度。")
    assert not cut_short("一、完善配套设施") and not cut_short("完善配套设施", "据统计，今年")
    assert not cut_short("王玉金：23年守护残疾婆婆传孝道")  # a colon heads a subheading


def test_a_cut_short_line_joins_its_other_half_in_the_article():
    from jianbao.cut import cut_page
    from jianbao.settings import Settings
    doc = cut_page(page(CUT_SHORT), Settings(tag=False))
    (a,) = doc.articles
    assert a.subheadings == ["完善配套设施"]
    assert "据了解，南湖区住建局下一步将加快施工进度，确保年底前全部完工。" in a.paragraphs
    assert "“我们盼了好多年，这回总算盼到了。”居民张大妈说。" in a.paragraphs
    assert "区领导刘文、赵明参加会议。" in a.paragraphs
