from tag_helpers import persons, tag  # noqa: F401


def test_title_chain_with_comma_and_dun():
    a = tag(["市委副书记、市长贺建华主持会议。"])
    assert persons(a) == {"贺建华": ["市委副书记", "市长"]}


def test_chain_with_jian_is_split():
    a = tag(["湘江机械股份有限公司董事长兼总经理尹志远介绍了情况。"])
    assert persons(a)["尹志远"] == ["湘江机械股份有限公司董事长", "总经理"]


def test_long_body_title():
    a = tag(["省委乡村振兴第三督导组组长龚立平到会指导。"])
    assert persons(a) == {"龚立平": ["省委乡村振兴第三督导组组长"]}


def test_title_stops_at_a_verb_before_it():
    a = tag(["调研组走访联系省级人大代表罗永华时，听取了意见。"])
    assert persons(a) == {"罗永华": ["省级人大代表"]}


def test_appositive_title_before_a_comma_at_sentence_start():
    a = tag(["考察团团长，区工商联主席江文涛在座谈中表示感谢。"])
    assert persons(a)["江文涛"] == ["考察团团长", "区工商联主席"]


def test_titles_accumulate_over_mentions():
    a = tag(["县领导黄志成参加。县长黄志成对考察团表示欢迎。"])
    assert persons(a)["黄志成"] == ["县领导", "县长"]


def test_a_portrait_subheadline_opens_with_ji_which_is_no_part_of_the_title():
    a = tag(["龙德明在青冈村工作了三十年。"], subheadline="——记石桥县青冈村党支部书记龙德明")
    assert persons(a)["龙德明"] == ["石桥县青冈村党支部书记"]
