"""sentence.spans as a named-entity tagger: the article pipeline's mentions, one span per stretch
of text, with the article lists' conventions left to the lists (jianbao.tag.tag_spans).
Every sentence here is written for the test."""
from jianbao.tag import addresses, outermost
from jianbao.tag.sentence import spans


def read(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], lab) for a, b, lab in spans(text)]


def test_a_dateline_is_read_apart_from_the_sentence_after_it():
    got = read("本报长沙5月9日电国务院副总理李明今天在京会见了客人。")
    assert ("长沙", "LOC") in got  # the dateline's place is a mention, though no list takes it
    assert ("国务院", "ORG") in got and not any(w.startswith("电") for w, _ in got)


def test_the_home_country_is_a_place_mention():
    assert ("中国", "LOC") in read("他说，中国始终是一个负责任的大国。")


def test_an_address_before_a_body_is_places_then_the_body():
    got = read("代表团参观了湘潭市雨湖区青山镇供销社。")
    assert got == [("湘潭市", "LOC"), ("雨湖区", "LOC"), ("青山镇供销社", "ORG")]
    assert read("湘潭市公安局通报了案情。") == [("湘潭市公安局", "ORG")]  # one unit is part of the name


def test_one_span_per_stretch_the_outer_one_stands():
    assert outermost({(0, 3, "LOC"), (0, 6, "ORG"), (7, 9, "PER"), (0, 8, "TITLE")}) == \
        [(0, 6, "ORG"), (0, 8, "TITLE"), (7, 9, "PER")]  # titles are a layer of their own
    assert outermost({(0, 2, "LOC"), (0, 2, "ORG")}) == [(0, 2, "LOC"), (0, 2, "ORG")]  # same stretch


def test_addresses_split_only_before_two_units_or_more():
    t = "湘潭市雨湖区人民法院"
    assert addresses(t, {(0, 10, "ORG")}) == {(0, 3, "LOC"), (3, 10, "ORG")}
    assert addresses("湘潭市公安局", {(0, 6, "ORG")}) == {(0, 6, "ORG")}


def test_spans_are_sorted_and_inside_the_text():
    t = "新华社北京5月7日电外交部长王海今天会见了来访的客人，中国和美国代表参加。"
    got = spans(t)
    assert got == sorted(got) and all(0 <= a < b <= len(t) for a, b, _ in got)


def test_the_body_a_title_names_is_an_organisation_mention():
    assert read("四月二日，市委书记王建华主持会议。") == [("市委", "ORG"), ("市委书记", "TITLE"), ("王建华", "PER")]
    got = read("湖南省委书记王建华讲话。")
    assert ("湖南省委", "ORG") in got and ("湖南省", "LOC") not in got  # the outer span stands
    assert ("外交部", "ORG") in read("外交部长王建华今天会见了客人。")  # the head opens with the suffix


def test_a_place_a_word_runs_across_is_read_in_context():
    assert read("美国政府认为这项法案不公平。") == [("美国", "LOC")]  # 国政
    assert ("中国", "LOC") in read("任何干涉中国内政的行为都是徒劳的。")  # 国内
    assert read("他出生在法兰西。") == [] or ("兰西", "LOC") not in read("他出生在法兰西。")  # not a piece of a name


def test_a_title_as_a_mention_is_the_post_after_its_body():
    from jianbao.tag import title_posts
    # trimmed after an organisation marked inside or across its start, when the model reads no post there
    assert title_posts({(0, 6, "ORG"), (2, 8, "TITLE")}, set()) == {(0, 6, "ORG"), (6, 8, "TITLE")}
    assert title_posts({(0, 3, "LOC"), (0, 6, "TITLE")}, set()) == {(0, 3, "LOC"), (3, 6, "TITLE")}
    # the model's start stands when it reads a post ending where the title ends
    assert title_posts({(0, 3, "ORG"), (0, 8, "TITLE")}, {(3, 8, "TITLE")}) == {(0, 3, "ORG"), (3, 8, "TITLE")}
    assert title_posts({(0, 9, "TITLE")}, {(6, 9, "TITLE")}) == {(6, 9, "TITLE")}


def test_posts_without_a_person_are_read_by_the_title_model():
    from jianbao.tag import unnamed_titles
    read = {(0, 5, "TITLE"), (10, 12, "TITLE"), (20, 23, "TITLE")}
    marks = {(0, 3, "ORG"), (11, 14, "ORG"), (19, 22, "PER")}
    # a department wholly inside the post is part of it; a name or an org across its edge is not
    assert unnamed_titles(marks, read) == {(0, 5, "TITLE")}


def test_a_sentence_with_a_post_and_no_name_has_its_title():
    got = read("公司副总经理负责全面工作，股东大会已经召开。")
    assert any(lab == "TITLE" and "副总经理" in w for w, lab in got)
