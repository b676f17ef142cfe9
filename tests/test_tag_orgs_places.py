"""Organisations and places on invented sentences (issue 18): the changes that weigh evidence where
the rules alone read too much or too little.

- a level before a suffix that the dictionary reads as a body's short name (市政协) does not refuse it;
- the words before a suffix that open with a body named by its level are specific (省人大…委员会), and
  such a committee is one name, not two;
- a firm named after its group is one name (…集团…有限公司); a department after the group is dropped;
- a short form of a province that opens a body's name before its unit is listed (新疆|哈密市|政协);
- a short form of a place the model reads as no place is dropped (健康长寿, 万元大关, 湖北日报), unless
  it stands against another place or in a list with one (美国洛杉矶, 尚义、蔚县)."""
import pytest

from jianbao.model import Article
from jianbao.tag import entities, ner, spans, tag_article, unknown
from jianbao.tag.spans import Cand
from jianbao.tag.text import normalize


def tagged(*paragraphs: str) -> Article:
    return tag_article(Article(paragraphs=list(paragraphs)), "2024-03-15")


def names(text: str) -> list[tuple[str, str]]:
    t = normalize(text)
    return [(c.name, c.kind) for c in entities.field_cands(t, [])]


# ---- the suffix's own kind is no other word run into it ----------------------------------------

@pytest.mark.parametrize("text, name", [
    ("北岭市政协考察组一行到南川市政协学习考察。", "南川市政协"),
    ("安平县政协组织委员视察水利工程。", "安平县政协"),
])
def test_a_level_and_a_short_name_keep_the_name(text, name):
    assert (name, "org") in names(text)


@pytest.mark.parametrize("text, word", [
    ("全县中小学今天开学。", "中小学"),      # 中 is one character of a contraction
    ("游客来到沧州市中心的广场。", "市中心"),  # an ordinary noun, no short name of a body
])
def test_a_contraction_or_an_ordinary_noun_still_refuses_the_suffix(text, word):
    assert not any(n.endswith(word) for n, kind in names(text) if kind == "org")


def test_kind_of_suffix_rule():
    assert spans._kind_of_suffix("市", "j")
    assert not spans._kind_of_suffix("市", "n")
    assert not spans._kind_of_suffix("中", "j")
    assert not spans._kind_of_suffix("活动", "l")  # a word of two before the suffix: not enough


# ---- a committee of a body named by its level --------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("会议任命李青为省人大财政经济委员会副主任委员。", "省人大财政经济委员会"),
    ("市政协文化文史委员会组织委员开展调研。", "市政协文化文史委员会"),
])
def test_a_committee_of_a_level_body_is_one_name(text, name):
    got = names(text)
    assert (name, "org") in got, got
    assert (name[:3], "org") not in got


def test_body_opens_rule():
    assert spans._body_opens("省人大内务司法")
    assert not spans._body_opens("省人大")        # no words of the committee's own
    assert not spans._body_opens("财政经济")      # no body in front
    assert not entities._names_alone("财政经济委员会")
    assert entities._names_alone("新时代文明实践站")


# ---- a firm's unit named after its group ------------------------------------------------------

def split(text: str, first: int) -> str:
    """What _split_joined leaves of the candidate text when another ends at `first`."""
    p, c = Cand(0, first, text[:first], "org", rank=4), Cand(0, len(text), text, "org", rank=4)
    entities._split_joined(text, [p, c])
    return c.name


def test_a_firm_named_after_its_group_is_one_name():
    assert split("东岭集团青禾农业开发有限公司", 4) == "东岭集团青禾农业开发有限公司"


def test_a_department_after_its_group_is_dropped():
    text = "金穗集团调度指挥中心"
    p, c = Cand(0, 4, text[:4], "org", rank=4), Cand(0, len(text), text, "org", rank=4)
    raw = [p, c]
    entities._split_joined(text, raw)
    assert raw == [p]


def test_the_group_is_listed_for_its_department():
    a = tagged("随后，他来到金穗公交集团调度指挥中心，看望慰问坚守岗位的干部职工。")
    assert "金穗公交集团" in a.orgs and not any("调度指挥中心" in o for o in a.orgs), a.orgs


def test_two_bodies_written_together_are_still_split():
    """Not a firm's group in front: the older rule splits two names written together."""
    assert split("村党群服务中心新时代文明实践站", 7) == "新时代文明实践站"


# ---- short forms the model reads as no place ---------------------------------------------------

needs_model = pytest.mark.skipif(not ner.available(), reason="the NER model files are not installed")


@needs_model
@pytest.mark.parametrize("text, word", [
    ("村支书给老人们送去米面油，祝愿他们身体健康、幸福长寿。", "长寿"),
    ("今年全镇农民人均收入首次迈过万元大关。", "大关"),
    ("要守护好这里的绿水青山。", "青山"),
    ("据湖北日报客户端消息，会议在武汉召开。", "湖北"),  # a paper's name borrows the province
])
def test_a_short_form_read_as_no_place_is_dropped(text, word):
    t = normalize(text)
    cands = entities.field_cands(t, [])
    assert word in [c.name for c in cands]  # the gazetteer's short form, read by the rules
    assert word in [c.name for c in unknown.denied_short_forms(t, cands)]
    assert word not in tagged(text).places


@needs_model
@pytest.mark.parametrize("text, places", [
    ("他从湖北赶来参加会议。", ["湖北"]),
    ("考察团一行先后到湖北、安徽两省考察。", ["湖北", "安徽"]),
    ("代表团参观了长寿区的柚子基地。", ["长寿区"]),
    ("张家口辖张北、康保、沽源、尚义、蔚县等县。", ["张北", "康保", "沽源", "尚义", "蔚县"]),
])
def test_a_short_form_read_as_a_place_stays(text, places):
    got = tagged(text).places
    assert all(p in got for p in places), got


@needs_model
@pytest.mark.parametrize("text, places", [
    ("以美国洛杉矶华人总商会会长为团长的侨团一行来访。", ["美国", "洛杉矶"]),  # places in a row
])
def test_a_short_form_against_another_place_stays(text, places):
    got = tagged(text).places
    assert all(p in got for p in places), got


def test_a_short_form_opening_a_body_before_its_unit_is_listed():
    t = normalize("新疆哈密市政协副秘书长张宇带领考察组到郑州市政协学习考察。")
    got = [(c.name, c.kind) for c in entities.field_cands(t, [])]
    assert ("新疆", "short") in got and ("新疆哈密市政协", "org") in got
    t = normalize("据河北日报客户端消息")  # the short form alone before a body: the name borrows it
    assert not any(c.name == "河北" and c.kind == "admin" for c in entities.field_cands(t, []))


def test_an_address_of_short_forms_before_a_body_is_listed():
    """Places in a row, each a short form, open a court's name: "江湖" does not break the address."""
    t = normalize("浙江湖州德清法院开展巡回审判。")
    got = [c.name for c in entities.field_cands(t, []) if c.kind == "short"]
    assert got == ["浙江", "湖州", "德清"]
    assert {"浙江", "湖州", "德清"} <= set(tagged("浙江湖州德清法院开展巡回审判。").places)


def test_a_list_item_beside_a_place_is_never_asked():
    t = normalize("尚义、蔚县")
    cands = entities.field_cands(t, [])
    kept = {(c.start, c.end) for c in cands}
    assert all(unknown._listed_with_place(t, c, kept) for c in cands)


@needs_model
def test_inside_gives_a_probability():
    m = ner.model("ent")
    text = "市委书记到长沙市调研。"
    p = m.inside(text, 5, 8, "LOC")
    assert 0.0 <= p <= 1.0 and p > 0.5
    assert m.inside(text, 0, 0, "LOC") == 0.0  # an empty span is inside nothing


# ---- a conjunction inside a site's words -------------------------------------------------------

@pytest.mark.parametrize("text, site, wrong", [
    ("要加快推进文化旅游和青禾产业园建设。", "青禾产业园", "文化旅游和青禾产业园"),
    ("代表团考察了生态旅游及云岭科技园项目。", "云岭科技园项目", "生态旅游及云岭科技园项目"),
])
def test_a_site_starts_after_a_conjunction(text, site, wrong):
    got = [n for n, kind in names(text)]
    assert site in got and wrong not in got, got


# ---- a project or a base is a place where an activity goes to it (data/visited_sites.tsv) ---------

@pytest.mark.parametrize("text, site", [
    ("市长先后到青禾家电项目、紫瑞新材料项目调研。", "紫瑞新材料项目"),  # after a verb of visiting
    ("考察团察看了开发区、桂林水稻种植基地等处。", "桂林水稻种植基地"),      # beside another place
    ("他指出，紫瑞铜业深加工项目是长沙县的重点项目。", "紫瑞铜业深加工项目"),  # a place in its clause
])
def test_a_visited_project_is_a_place(text, site):
    assert site in [n for n, kind in names(text)]


@pytest.mark.parametrize("text, wrong", [
    ("要多引项目、引大项目，建设民心项目。", "引大项目"),
    ("株洲市一批产业项目集中开工。", "株洲市一批产业项目"),
    ("为建设现代农业示范基地多作贡献。", "现代农业示范基地"),
])
def test_a_project_as_a_kind_of_work_is_no_place(text, wrong):
    assert wrong not in [n for n, kind in names(text)]


def test_after_conjunction_keeps_names_that_hold_one():
    t = "呼和浩特市"
    assert spans._after_conjunction(t, 0, 4) == 0   # 和 is inside a place name
    t = "中和区"
    assert spans._after_conjunction(t, 0, 2) == 0   # no two characters would be left


@needs_model
@pytest.mark.parametrize("text, place", [
    ("代表团一行在合肥考察了新能源汽车产业。", "合肥"),
    ("大连愿意与日本各个城市加强合作。", "大连"),
])
def test_a_prefecture_the_dictionary_calls_a_common_word_is_read(text, place):
    assert place in tagged(text).places


# ---- a congress named by its term before its session -------------------------------------------

@pytest.mark.parametrize("text", [
    "青川市六届人大四次会议举行第二次全体会议。",
    "会议决定县十八届人大三次会议于下月召开。",
])
def test_a_congress_named_before_its_session_is_no_organisation(text):
    assert not any("届人大" in n for n, kind in names(text) if kind == "org"), names(text)


def test_a_standing_committee_with_its_term_is_still_one():
    assert ("县十八届人大常委会", "org") in names("县十八届人大常委会第九次会议在县会议中心举行。")


# ---- a level that opens a title after a place's short form -------------------------------------

def test_a_level_opening_a_title_leaves_the_short_form():
    got = names("大年初一清晨，百色市长梁春禄轻车简从，深入基层。")
    assert ("百色", "short") in got and ("百色市", "admin") not in got


@pytest.mark.parametrize("text, place", [
    ("湖南省长沙市长沙县", "湖南省"),     # a place follows the level
    ("队伍沿着北京市长安街行进。", "北京市"),  # a word runs across the title's end (长安)
])
def test_a_level_before_a_place_or_a_word_keeps_the_full_name(text, place):
    assert (place, "admin") in names(text)


@pytest.mark.parametrize("text, name", [
    ("这就是绍兴城市的一大特色。", "兴城市"),       # 绍兴 runs into the county's name
    ("加快建设海洋特色新兴城市。", "兴城市"),       # 新兴 does
])
def test_a_county_read_out_of_other_words_is_none(text, name):
    assert name not in [n for n, kind in names(text)]


def test_a_county_after_a_verb_is_still_read():
    assert ("兴城市", "admin") in names("代表团一行来到兴城市考察。")


# ---- a body in a title, a rank between it and the head -----------------------------------------

def test_a_rank_between_a_body_and_the_title_head():
    from jianbao.model import Person
    from jianbao.tag import _title_bodies
    assert _title_bodies([Person("郭兴", ["省消防总队副处长"])]) == ["省消防总队"]
    assert _title_bodies([Person("王一", ["县委副书记"])]) == []  # a body every place has


def test_the_body_a_title_names_is_read_one_way_for_the_lists_and_the_spans():
    from jianbao.tag import title_body
    assert title_body("省消防总队副处长") == ("省消防总队", True)    # a rank between body and head
    assert title_body("湖南省委书记") == ("湖南省委", False)          # a body every place has: spans only
    assert title_body("外交部长") == ("外交部", False)                # the head holds the body's end
    assert title_body("书记") == ("", False)


def test_a_village_committee_is_named_from_its_village():
    a = tag_article(Article(paragraphs=["调研组来到石桥镇李家村委会，召开座谈会。"]), "2023-05-20")
    assert "李家村委会" in a.orgs and "石桥镇李家村委会" not in a.orgs
    assert {"石桥镇", "李家村"} <= set(a.places), a.places


def test_a_site_with_an_ordinary_stem_in_a_list_of_sites():
    got = [n for n, kind in names("检查组先后检查了紫辰加油站、青禾物流公司、长途汽车站、百货大楼。")]
    assert "长途汽车站" in got, got
    got = [n for n, kind in names("要加强旅游景区、长途汽车站等场所的管理。")]
    assert "长途汽车站" not in got, got  # no item of the list is read as a place or a body


def test_a_zone_that_opens_a_body_is_listed_as_a_unit_is():
    got = names("青禾高新区管委会组织召开专题会议。")
    assert ("青禾高新区", "zone") in got and ("青禾高新区管委会", "org") in got, got
