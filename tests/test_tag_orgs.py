from tag_helpers import persons, tag  # noqa: F401


def test_companies_and_schools():
    a = tag(["他先后来到紫辰电子有限公司、长岭中学和湘北能源集团有限公司。"])
    assert {"紫辰电子有限公司", "长岭中学", "湘北能源集团有限公司"} <= set(a.orgs)


def test_specific_party_bodies_listed_generic_ones_not():
    a = tag(["县委、县政府高度重视。市委办机关党委第二党支部开展活动，县教育局参加。"])
    assert "市委办机关党委第二党支部" in a.orgs and "县教育局" in a.orgs
    assert "县委" not in a.orgs and "县政府" not in a.orgs


def test_generic_centres_are_no_orgs():
    a = tag(["打造加工制造中心、研发设计中心和物流分拨中心。"])
    assert a.orgs == []


def test_two_orgs_written_together_are_split():
    a = tag(["村民来到村党群服务中心新时代文明实践站。"])
    assert "村党群服务中心" in a.orgs and "新时代文明实践站" in a.orgs


def test_org_with_yu_inside_its_name():
    a = tag(["他察看了长沙理工5G材料与器件创新中心的生产情况。"])
    assert a.orgs == ["长沙理工5G材料与器件创新中心"]


def test_words_ending_in_ju_are_no_bureaus():
    a = tag(["要形成良好工作格局，开创新局面。"])
    assert a.orgs == []


def test_a_committee_is_named_though_its_suffix_opens_with_a_title_word():
    # 委员会 opens with the title word 委员; a party's local committee is one name
    a = tag(["会议同意提请中国共产党桃江县第十五届委员会第三次全体会议审议。"])
    assert "中国共产党桃江县第十五届委员会" in a.orgs and "中国共产党" not in a.orgs
    b = tag(["共青团长沙市委员会召开全会。"])
    assert "共青团长沙市委员会" in b.orgs


def test_a_member_meeting_someone_is_no_committee():
    a = tag(["桃江县政协委员会见了来访的客商。"])
    assert not any(o.endswith("委员会") for o in a.orgs)


def test_firm_names_holding_a_verb_or_a_place_in_brackets():
    a = tag(["我市与中国电力建设集团有限公司签署协议，博世汽车部件（临江）有限公司参加。"])
    assert {"中国电力建设集团有限公司", "博世汽车部件（临江）有限公司"} <= set(a.orgs)


def test_inspection_groups_and_firms_called_on():
    a = tag(["省委第三巡视组进驻。代表团拜访了紫辰电子股份有限公司。"])
    assert {"省委第三巡视组", "紫辰电子股份有限公司"} <= set(a.orgs)
    assert not any(o.startswith("拜访") for o in a.orgs)


def test_central_bodies_open_their_organs_names_and_hospitals_of_a_level():
    a = tag(["中共中央政治局委员、省委书记到县人民医院看望医务人员，先后建成人民医院新院区。",
             "他走进村党群服务中心，与驻村工作队队员座谈。"])
    assert {"中共中央政治局", "县人民医院"} <= set(a.orgs)
    assert not {"中共中央", "政治局"} & set(a.orgs)
    assert not any(o.startswith(("先后", "与")) for o in a.orgs)


def test_zone_committees_and_a_firm_whose_name_ends_in_a_stop_word():
    # 为 ends clauses ("为…讲党课") but not inside the firm name 华为, a name of jieba's dictionary
    a = tag(["湖南湘江新区管委会与华为技术有限公司签署协议。华为公司副总裁马悦出席。"])
    assert {"湖南湘江新区管委会", "华为技术有限公司", "华为公司"} <= set(a.orgs)
    assert persons(a)["马悦"] == ["华为公司副总裁"]


def test_police_stations_and_where_a_person_lives_is_no_part_of_a_place():
    a = tag(["城东派出所接到报警。老人家住河西街道幸福里小区。"])
    assert "城东派出所" in a.orgs
    assert {"河西街道", "幸福里小区"} <= set(a.places) and not any(p.startswith("家住") for p in a.places)


def test_township_offices_need_a_place_before_them():
    a = tag(["青石镇供电所开展上门服务。近年来，先后建成供电所新营业厅3个。"])
    assert "青石镇供电所" in a.orgs and not any(o.startswith("先后") for o in a.orgs)


def test_numbered_units_name_a_firm_and_spokespersons_are_titled():
    a = tag(["该项目由中铁十一局集团有限公司承建。市公安局副局长、新闻发言人龚建新介绍了案情。"])
    assert "中铁十一局集团有限公司" in a.orgs
    assert persons(a)["龚建新"] == ["市公安局副局长", "新闻发言人"]


def test_party_schools_and_numbered_middle_schools():
    a = tag(["县委党校常务副校长缪青作辅导报告。他曾在县一中任教。"])
    assert {"县委党校", "县一中"} <= set(a.orgs)


def test_named_bodies_in_titles_are_organisations_generic_ones_are_not():
    a = tag(["市人大常委会主任王立新、州委组织部副部长刘一鸣，县委书记张力出席。"])
    assert "市人大常委会" in a.orgs and "州委组织部" in a.orgs
    assert "县委" not in a.orgs
    b = tag(["宣传部部长李华出席。"])
    assert "宣传部" not in b.orgs  # the bare suffix names no body


def test_a_verb_or_conjunction_before_a_place_opens_no_organisation():
    a = tag(["民警迅速对接承德市公安局，并与中国宝安集团签约。"])
    assert "承德市公安局" in a.orgs and "中国宝安集团" in a.orgs
    assert not any(o.startswith(("接", "与")) for o in a.orgs)


def test_the_model_says_where_a_rule_found_organisation_starts():
    # the rules walk left from the suffix to the clause's start; the model reads where the name begins
    a = tag(["平安县公安局接承德市公安局转来的协查通报后，立即部署。"])
    assert "承德市公安局" in a.orgs and "平安县公安局" in a.orgs
    assert not any(o.startswith("接") for o in a.orgs)
    # but the words before stay when they own the body: a level, or a body named by its level
    b = tag(["听取人大代表对旗人大常委会工作的意见。市委办机关党委第二党支部开展活动。"])
    assert "旗人大常委会" in b.orgs and "市委办机关党委第二党支部" in b.orgs


def test_a_conjunction_after_a_phrase_starts_the_name():
    a = tag(["代表们围绕年度工作报告和自治区人大常委会工作报告发言，他还察看了冬储蔬菜营销情况和青禾蔬菜产销专业合作社。"])
    assert "冬储蔬菜营销情况和青禾蔬菜产销专业合作社" not in a.orgs
    assert not any(o.startswith(("年度工作报告", "报告和")) for o in a.orgs)
    a = tag(["他察看了县规划和自然资源局，也去了市人力资源和社会保障局。"])
    assert "县规划和自然资源局" in a.orgs and "市人力资源和社会保障局" in a.orgs


def test_a_verb_before_a_place_opens_no_body():
    a = tag(["会议要求，不断开创新时代临溪县政协工作新局面。"])
    assert "开创新时代临溪县政协" not in a.orgs


def test_the_party_centre_is_no_body_to_list():
    a = tag(["全面贯彻落实党中央决策部署，县委高度重视。"])
    assert "党中央" not in a.orgs


def test_a_kind_word_after_a_place_ends_the_name():
    # 足球队, 铁路局: the suffix's character belongs to a dictionary word naming its kind
    a = tag(["乌拉圭足球队昨天抵达，德国联邦铁路局一位官员表示欢迎。全市中小学已开学。"])
    assert {"乌拉圭足球队", "德国联邦铁路局"} <= set(a.orgs)
    assert not any("中小学" in o for o in a.orgs)


def test_a_body_the_dictionary_knows_starts_after_a_dateline():
    a = tag(["新华社北京3月9日电国务院今天召开常务会议。"])
    assert "国务院" in a.orgs and not any(o.startswith("电") for o in a.orgs)


def test_a_department_under_its_body_is_one_name():
    a = tag(["该片由西岭日报社影视部摄制。"])
    assert "西岭日报社影视部" in a.orgs and "影视部" not in a.orgs


def test_a_group_sent_by_bodies_named_by_their_level():
    a = tag(["副省长率领的省委、省政府慰问团来到北坡镇，市人大考察团同行。"])
    assert {"省委、省政府慰问团", "市人大考察团"} <= set(a.orgs)


def test_factories_and_provincial_departments():
    a = tag(["他先后走访了湘潭纺纱厂和省公安厅，在会议大厅座谈。"])
    assert {"湘潭纺纱厂", "省公安厅"} <= set(a.orgs)
    assert not any(o.endswith("大厅") for o in a.orgs)


def test_a_clause_before_a_kind_of_body_names_no_body():
    a = tag(["他刚出医院就回到岗位。"])
    assert a.orgs == []


def test_ordinary_words_before_a_body_every_place_has_name_none():
    # a clause's words before 政协 or before a body every place has name no body; nor two levels
    a = tag(["两地政协要加强交流，为协作贡献政协力量。临溪县政协主席出席。"])
    assert "临溪县政协" in a.orgs and not any(o.endswith("政协") and o != "临溪县政协" for o in a.orgs)
    b = tag(["演练旨在检验义务消防队的反应能力，村干部与护林队队员握手。"])
    assert b.orgs == []
    c = tag(["各县区人大常委会负责同志列席，平江县人民法院参加。"])
    assert c.orgs == ["平江县人民法院"]


def test_embassies_and_brigades_are_bodies():
    a = tag(["法国大使馆将给予支持，雨花区消防救援大队到场处置。"])
    assert {"法国大使馆", "雨花区消防救援大队"} <= set(a.orgs)


def test_a_quotation_before_a_suffix_names_the_body():
    a = tag(["省委、省政府“送温暖”慰问团来到我市。上场的是市直“银发乐”艺术团。"])
    assert {"省委、省政府“送温暖”慰问团", "“银发乐”艺术团"} <= set(a.orgs)
    assert "市直“银发乐”艺术团" not in a.orgs
    b = tag(["推进“双一流”大学建设。"])
    assert b.orgs == []  # a quotation before another suffix names a kind of school


def test_a_body_with_a_name_of_its_own_starts_after_its_town():
    a = tag(["调研组来到青石镇龙泉蔬菜种植专业合作社，又到白沙镇中心学校。"])
    assert "龙泉蔬菜种植专业合作社" in a.orgs and "青石镇" in a.places
    assert "白沙镇中心学校" in a.orgs  # a town's own school keeps its town


def test_a_firms_short_form_is_listed_with_its_full_name():
    a = tag(["江西紫辰半导体科技有限公司投产。“订单饱满。”紫辰半导体总经理说。"])
    assert {"江西紫辰半导体科技有限公司", "紫辰半导体"} <= set(a.orgs)
