from tag_helpers import persons, tag  # noqa: F401


def test_title_then_name_and_bare_mentions():
    a = tag(["5月18日上午，市委书记林海涛来到醴陵市调研。林海涛强调，要抓好项目建设。"])
    assert persons(a) == {"林海涛": ["市委书记"]}


def test_name_length_from_following_word():
    a = tag(["副市长周敏参加。县长郑国强以普通党员身份出席会议。"])
    assert set(persons(a)) == {"周敏", "郑国强"}


def test_group_line_shares_the_title():
    a = tag(["市领导韩立新、宋佳、欧阳明辉参加。"])
    assert persons(a) == {"韩立新": ["市领导"], "宋佳": ["市领导"], "欧阳明辉": ["市领导"]}


def test_new_title_inside_a_list():
    a = tag(["县委副书记曹文斌、蒋红、副县长段晓东、潘磊一同调研。"])
    p = persons(a)
    assert p["蒋红"] == ["县委副书记"] and p["潘磊"] == ["副县长"]


def test_idioms_and_slogans_are_not_names():
    a = tag(["他说，要在立于高远中修炼志气，在玉汝于成中磨炼骨气，方向明确。"])
    assert persons(a) == {}


def test_advertising_slogans_opening_with_a_festival_are_not_names():
    # 国 is a surname and 国庆焕 has a name's shape; 国庆 is a time word (National Day)
    a = tag(["国庆焕新季 全场家具五折起", "中秋团圆季 月饼礼盒八折", "活动时间：9月25日—10月7日"])
    assert persons(a) == {}


def test_leader_with_title_after_name():
    a = tag(["深入学习习近平总书记重要讲话精神。"])
    assert persons(a) == {"习近平": ["总书记"]}


def test_name_before_short_title_after_punctuation():
    a = tag(["会议传达了精神。邓一鸣书记的讲话站位高。"])
    assert persons(a) == {"邓一鸣": ["书记"]}


def test_surname_plus_title_is_no_person():
    a = tag(["听说县委李书记要来村里。"])
    assert persons(a) == {}


def test_reporters_from_bylines_keep_their_roles():
    a = tag(["本报讯 今天天气晴。"], byline="本报记者 谭晓雪 通讯员 曾一帆", reporters=["谭晓雪", "曾一帆"])
    assert persons(a) == {"谭晓雪": ["本报记者"], "曾一帆": ["通讯员"]}


def test_byline_role_holds_for_following_names_and_marks_are_dropped():
    a = tag(["正文。"], byline="记者 彭湘/文 龙飞/图", reporters=["彭湘", "龙飞"])
    assert persons(a) == {"彭湘": ["记者"], "龙飞": ["记者"]}
    b = tag(["正文。"], byline="黎明 文/夏雨 图")
    assert persons(b) == {"黎明": [], "夏雨": []}


def test_byline_persons_come_from_the_cut_grammar_with_their_printed_roles():
    cases = {
        "椰城网/海岸手机端记者 甲小明 通讯员 乙大方": {"甲小明": ["椰城网/海岸手机端记者"], "乙大方": ["通讯员"]},
        "宏都日报/宏都晚报 特约记者 王展 摄影 刘鑫": {"王展": ["特约记者"], "刘鑫": ["摄影"]},
        "石门县新闻办 梁海燕 刘勇锋图/文": {"梁海燕": ["石门县新闻办"], "刘勇锋": ["石门县新闻办"]},
        "来源：市政府办公室 撰稿：王成平 编辑：薛冬梅": {"王成平": ["撰稿"], "薛冬梅": ["编辑"]},
        "作者：宋仁杰来源：东岭县人大": {"宋仁杰": ["作者"]},
        "云上东岭：程文": {"程文": []},
        "来源：东岭新闻网": {},
    }
    for line, want in cases.items():
        a = tag(["正文。"], byline=line)
        assert persons(a) == want, line


def test_age_before_a_villager_name():
    a = tag(["68岁的刘桂芳和她的老伴早早来到会场。"])
    assert "刘桂芳" in persons(a)


def test_parallel_halves_of_a_slogan_are_no_person():
    a = tag(["全力营造亲商安商的良好环境。"], headline="营造亲商安商浓厚氛围 激发民营经济发展活力")
    assert not any("商" in p.name for p in a.persons)


def test_foreign_name_in_parts_after_a_title_is_one_person_with_the_title():
    a = tag(["市长会见了法国里昂市议会副议长玛蒂娜·杜瓦尔率领的代表团。", "玛蒂娜·杜瓦尔感谢主人的接待。"])
    assert persons(a)["玛蒂娜·杜瓦尔"] == ["法国里昂市议会副议长"]
    assert "杜瓦尔" not in persons(a)


def test_foreign_name_in_parts_without_a_title():
    a = tag(["会上，安德烈·彼得罗夫介绍了合作项目的进展。"])
    assert "安德烈·彼得罗夫" in persons(a)


def test_slogan_with_a_middle_dot_is_no_foreign_name():
    a = tag(["“江城有约·侨商回乡”投资恳谈会昨天举行。"])
    assert not any("·" in n for n in persons(a))


def test_name_before_daibiao_as_a_verb_keeps_its_title():
    a = tag(["副市长邓文彬与紫辰集团副总裁、华东区域总部总经理孔令超代表双方签约。"])
    assert persons(a)["孔令超"] == ["紫辰集团副总裁", "华东区域总部总经理"]


def test_title_heads_of_foreign_and_bank_posts():
    a = tag(["人民银行临江市中心支行行长葛秋云，德国驻沪总领事韦伯·施密特出席。"])
    p = persons(a)
    assert p["葛秋云"] == ["人民银行临江市中心支行行长"] and p["韦伯·施密特"] == ["德国驻沪总领事"]


def test_less_common_surnames_open_names_after_a_title():
    a = tag(["市领导翁国华、冼丽华，市人社局局长贝启明参加。"])
    assert persons(a) == {"翁国华": ["市领导"], "冼丽华": ["市领导"], "贝启明": ["市人社局局长"]}


def test_social_roles_before_names_are_their_titles():
    a = tag(["在先锋村，她与村民刘爱民、赵桂兰拉家常。", "在老党员梁怀家中，他详细询问老人身体状况。"])
    assert persons(a) == {"刘爱民": ["村民"], "赵桂兰": ["村民"], "梁怀": ["老党员"]}


def test_a_second_role_word_after_a_role_is_no_name():
    a = tag(["活动吸引众多市民游客前来打卡。"])
    assert persons(a) == {}


def test_uyghur_names_in_parts_and_no_title_inside_a_name():
    a = tag(["自治区党委常委努尔兰·阿不都热合曼深入伊宁县调研。自治州党委书记、州长阿吾提·买买提陪同调研。"])
    p = persons(a)
    assert p == {"努尔兰·阿不都热合曼": ["自治区党委常委"], "阿吾提·买买提": ["自治州党委书记", "州长"]}


def test_a_conjunction_inside_a_title_but_not_before_one():
    a = tag(["比亚迪股份有限公司副总裁、品牌及公关处总经理李云飞一行来我市考察。",
             "她与村民赵桂兰拉家常。听说县委书记李光明来了，村民们都围了上来。"])
    p = persons(a)
    assert p["李云飞"] == ["比亚迪股份有限公司副总裁", "品牌及公关处总经理"]
    assert p["赵桂兰"] == ["村民"] and p["李光明"] == ["县委书记"]


def test_names_after_a_title_that_no_surname_opens_are_read_by_the_model():
    # Tibetan and Mongolian names open with no family name; the title says a name follows, and the
    # trained model tells where it ends (the rules alone read none, or three characters)
    a = tag(["自治区人民政府主席嘎玛泽登到拉萨市调研。嘎玛泽登强调，要抓好安全生产。",
             "旗委书记乌力吉巴雅尔、旗长斯琴图雅参加活动。"])
    p = persons(a)
    assert p["嘎玛泽登"] == ["自治区人民政府主席"]
    assert p["乌力吉巴雅尔"] == ["旗委书记"] and p["斯琴图雅"] == ["旗长"]
    assert [(e.type, e.actors) for e in a.events][:1] == [("调研", ["嘎玛泽登"])]


def test_titles_after_a_name_at_a_clause_start():
    a = tag(["座谈会上，邹自景市长指出，要抓好落实。刘建华副县长参加。陈晓红局长作了汇报。宣传部部长出席。"])
    assert persons(a) == {"邹自景": ["市长"], "刘建华": ["副县长"], "陈晓红": ["局长"]}


def test_given_names_opening_with_a_character_that_also_closes_names():
    # 和, 向, 为, 之, 作 end names in "张亮和…", "…向他" but open given names as often (李和平, 王向东)
    a = tag(["县长李和平参加。副市长王向东指出，要抓好落实。省政协主席蒋作君率调研组来我市调研。",
             "书记王作了讲话。张以身作则。"])
    assert persons(a) == {"李和平": ["县长"], "王向东": ["副市长"], "蒋作君": ["省政协主席"]}
    assert [(e.type, e.actors) for e in a.events] == [("调研", ["蒋作君"])]


def test_names_closed_by_common_verbs_and_adverbs_of_reports():
    for follower in ("走进", "宣布", "专程", "随后", "高度", "叮嘱", "逐一", "督导", "第一时间", "交流",
                     "部署", "汇报", "透露", "协调", "见证", "抵达"):
        a = tag([f"县长李明{follower}有关情况。"])
        assert persons(a) == {"李明": ["县长"]}, follower


def test_a_list_of_names_is_many_names_whatever_the_given_names_mean():
    a = tag(["参加活动的县领导还有毛孝泉、朱韶伟、秦玉锦、陈楚、杨斌、吴野、卓霏。"])
    assert {"陈楚", "杨斌", "吴野", "卓霏", "毛孝泉"} <= set(persons(a))


def test_a_name_the_model_adds_to_a_list_shares_the_titles_of_the_item_before_it():
    a = tag(["县领导赵晨光、王兴、盖勇、刘又铖出席会议。"])
    p = persons(a)
    assert p.get("盖勇") == ["县领导"] and p.get("刘又铖") == ["县领导"]


def test_names_the_rules_list_after_a_titled_name_share_its_titles():
    a = tag(["县领导赵晨光、王兴、高振山、李晶出席会议。"])
    assert all(persons(a).get(n) == ["县领导"] for n in ("赵晨光", "王兴", "高振山", "李晶")), persons(a)


def test_a_name_that_opens_a_studios_name_is_no_person_of_the_article():
    a = tag(["社区成立了梁伟明戏剧工作室，邀请市民参加。"])
    assert "梁伟明" not in persons(a) and "梁伟明戏剧工作室" in a.orgs


def test_an_anonymised_name_opens_with_a_rare_surname():
    # 羊 is a rare surname the rules open no name with, but before the slot 某 it does
    a = tag(["他们与吉某平、羊某东等4人结伙作案。"])
    assert {"吉某平", "羊某东"} <= set(persons(a))


def test_a_list_closed_by_deng_and_a_title_gives_each_name_the_title():
    a = tag(["会场气氛热烈。周立新、韩铭、孙春梅等代表围绕报告发言。",
             "他看望了吴德山、钱兰英等困难群众。"])
    p = persons(a)
    assert all(p.get(n) == ["代表"] for n in ("周立新", "韩铭", "孙春梅")), p
    assert p.get("吴德山") == ["困难群众"] and p.get("钱兰英") == ["困难群众"], p


def test_a_bare_head_after_deng_adds_nothing_to_a_titled_name():
    # 等领导 restates a class of persons already titled; it is no title of theirs
    a = tag(["市长许建军、市政协主席孟海东等领导出席。"])
    p = persons(a)
    assert p.get("孟海东") == ["市政协主席"], p


def test_a_social_role_before_ordinary_words_opens_no_name():
    a = tag(["要确保困难群众安全过年，丰富群众文体活动。"])
    assert persons(a) == {}


# ---- the stated rule between the rules' persons and the model's (tag.ModelPersons, unknown.py) ----

def test_the_model_reads_the_edges_of_a_name_the_rules_cut_short_or_glued():
    # 之 closes names for the rules, 报 of 报道 opens no word they know: the model reads both names whole
    a = tag(["县委党校副校长龚正之在会上讲话。", "5月12日讯记者柯原报道：全市春耕生产全面展开。"])
    assert set(persons(a)) == {"龚正之", "柯原"}


def test_words_the_rules_read_as_a_name_go_when_the_model_reads_no_name_there():
    a = tag(["他同村委会主任商量过，认为偷梁换柱不可取。"])
    assert persons(a) == {}


def test_foreign_names_written_by_sound_are_persons_without_a_title():
    a = tag(["她身边的是男友亨特，亨特身材魁梧。队友穆勒头球破门。"])
    assert set(persons(a)) == {"亨特", "穆勒"}


def test_strong_evidence_of_the_rules_outweighs_the_models_doubt():
    # a withheld given name, a name right after a title (whatever the word also means), a list
    # that 等 closes: the model reads none of these as persons with any confidence
    a = tag(["经审理查明，被告人羊某好、符某华等人结伙殴打他人。",
             "集团董事长华山出席。县领导看望慰问了龙伟、严进速、方琪等困难群众。"])
    assert set(persons(a)) == {"羊某好", "符某华", "华山", "龙伟", "严进速", "方琪"}


def test_doubt_and_edges_are_read_only_where_the_rules_guessed():
    from jianbao.tag import persons as rules, unknown
    t = "副市长周海涛来到青石镇，周海涛说，要抓好春耕。"
    found = rules.match(t, set())
    assert found and all(unknown._edges_closed(t, m) for m in found)  # closed edges: the model is not asked
    assert unknown.person_edges(t, found) == [] and unknown.doubted_persons(t, found) == []


def test_a_title_list_joined_by_he_and_names_no_surname_opens():
    a = tag(["在回迁户周桂兰和钱立本家中，他详细询问了情况。"])
    assert persons(a)["周桂兰"] == persons(a)["钱立本"] == ["回迁户"]
    a = tag(["县领导石文涛、薄志远、罗晓川参加活动。"])
    assert persons(a)["薄志远"] == ["县领导"]


def test_a_post_after_a_name_already_read_inside_a_clause():
    a = tag(["县委书记邓文涛来到青石村调研。村民们感谢邓文涛书记的关心。"])
    assert persons(a)["邓文涛"] == ["县委书记", "书记"]
