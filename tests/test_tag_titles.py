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


def test_a_date_or_a_referring_body_opens_no_title():
    a = tag(["青石机械有限公司建成新车间。该公司董事长邓立新介绍了情况。"])
    assert persons(a)["邓立新"] == ["董事长"]
    a = tag(["2019年学生宋雨桐考上了大学。"])
    assert persons(a)["宋雨桐"] == ["学生"]


def test_a_preposition_or_a_name_and_a_conjunction_opens_no_title():
    a = tag(["以青石县商会会长田启明为团长的考察团来到石桥。"])
    assert persons(a)["田启明"] == ["青石县商会会长"]
    a = tag(["县长黄志成与省劳动模范韦春生亲切交谈。"])
    assert persons(a)["韦春生"] == ["省劳动模范"]


def test_a_stop_word_that_ends_a_title_word_does_not_stop_it():
    a = tag(["会议听取了县人大常委会选举委员会主任委员、副主任何秋生所作的报告。"])
    assert persons(a)["何秋生"] == ["县人大常委会选举委员会主任委员", "副主任"]
