from tag_helpers import persons, tag  # noqa: F401


def ev(a):
    return {(e.type, tuple(e.actors), e.date) for e in a.events}


def test_survey_with_places_and_participants():
    a = tag(["5月18日上午，市委书记林海涛赴云龙科学城调研。",
             "来到云龙科学城，林海涛先后深入紫辰电子有限公司、湘北能源集团有限公司，了解生产情况。",
             "市领导韩立新、宋佳参加。"], date="2023-05-20")
    assert ev(a) == {("调研", ("林海涛",), "2023-05-18")}
    e = a.events[0]
    assert e.time_of_day == "上午" and e.participants == ["韩立新", "宋佳"]
    assert e.places == ["云龙科学城", "紫辰电子有限公司", "湘北能源集团有限公司"]


def test_meeting_then_lecture_participants_skip_the_lecture():
    a = tag(["日前，县委书记谢云峰参加所在党支部专题组织生活会并讲党课。",
             "副县长易明参加。"])
    got = {e.type: e for e in a.events}
    assert set(got) == {"会议", "党课"}
    assert got["会议"].participants == ["易明"] and got["党课"].participants == []
    assert got["会议"].date is None and got["会议"].date_text == "日前"


def test_speech_is_not_the_activity():
    a = tag(["6月1日，区长向东升到青山街道检查。他强调，要把会议精神落到实处，组织好座谈会。"],
            date="2023-06-02")
    assert ev(a) == {("督查", ("向东升",), "2023-06-01")}
    assert a.events[0].places == ["青山街道"]


def test_chair_and_attendee_roles():
    a = tag(["6月1日下午，招商推介会在市会展中心举行。",
             "市委书记严志刚致辞，市长温立主持。",
             "副市长方浩出席推介会。"], date="2023-06-02")
    e = a.events[0]
    assert e.type == "会议" and e.actors == ["严志刚", "温立"] and e.participants == ["方浩"]


def test_meeting_named_after_the_trigger_name():
    a = tag(["随后召开的座谈会上，市委书记林海涛指出，要抓落实。"])
    assert a.events and a.events[0].type == "会议" and a.events[0].name == "座谈会"


def test_no_named_official_no_event():
    a = tag(["6月1日，全县举办演讲比赛活动，群众踊跃参加。"])
    assert a.events == []


def test_means_and_plans_are_no_activities():
    a = tag(["6月1日，区长向东升到青山街道，通过座谈交流、实地察看等方式进行调研。活动期间还将举行座谈会。"],
            date="2023-06-02")
    assert {e.type for e in a.events} == {"调研"}


def test_where_a_meeting_took_place():
    a = tag(["6月1日，招商推介会在醴陵举行。市委书记严志刚致辞。"], date="2023-06-02")
    assert a.events and a.events[0].places == ["醴陵"]


def test_an_activity_named_in_quotes_keeps_its_whole_quoted_name():
    a = tag(["8月3日上午，“走进新城区、共话新变化”主题宣传活动在桃江县举行，市委常委林海涛出席。"])
    assert a.events and a.events[0].name == "“走进新城区、共话新变化”主题宣传活动"


def test_a_visiting_group_acts_through_its_head():
    a = tag(["座谈会上，桃江县经贸考察团团长、县委副书记林海涛介绍了桃江的发展情况。",
             "考察团一行先后到长沙经开区、星沙产业园等地实地考察。"])
    ev = [e for e in a.events if e.type == "考察"]
    assert ev and ev[0].actors == ["林海涛"]
    assert ev[0].places == ["长沙经开区", "星沙产业园"]


def test_a_visit_names_the_site_not_the_county_that_opens_its_name():
    a = tag(["7月8日，市委书记林海涛来到桃江县现代农业园区调研。"])
    assert a.events and a.events[0].places == ["桃江县现代农业园区"]


def test_a_lecture_alone_takes_the_roles_its_chair_takes_part():
    a = tag(["6月17日上午，市委书记林海涛在全市领导干部读书班上讲授专题党课，深入阐述了中国共产党的光辉历程。"
             "市委副书记、市长李明主持。市领导王强、赵刚参加。"])
    ev = [e for e in a.events if e.type == "党课"]
    assert ev and ev[0].actors == ["林海涛"]
    assert set(ev[0].participants) == {"李明", "王强", "赵刚"}
    assert ev[0].places == []  # 深入 before a verb is an adverb, not a visit


def test_taking_part_in_the_activities_told_above_is_no_new_activity():
    a = tag(["12月18日，县委书记林海涛来到古塘镇慰问困难群众。", "副县长李明参加上述活动。"])
    assert [e.type for e in a.events] == ["慰问"]
    assert a.events[0].actors == ["林海涛"] and a.events[0].participants == ["李明"]


def test_an_activity_told_without_names_is_done_by_the_officials_who_open_the_next_sentence():
    a = tag(["4月6日上午，春季义务植树活动在白鹭湖湿地公园举行。区委书记林海涛，区委副书记、区长李明与"
             "志愿者一起挥锹铲土。区政协主席王强陪同。"])
    ev = [e for e in a.events if e.type == "活动"]
    assert ev and ev[0].actors == ["林海涛", "李明"]
    b = tag(["春季义务植树活动在白鹭湖湿地公园举行。区政协主席王强陪同。"])
    assert not any("王强" in e.actors for e in b.events)  # a role clause does not do it


def test_guests_received_and_those_attending_after_unnamed_posts_are_participants():
    a = tag(["5月9日，市委书记钟立平在市行政中心会见了紫辰集团董事长方启文一行。",
             "副市长邓文彬，市发改委、市商务局主要负责人参加会见。"], date="2023-05-10")
    e = a.events[0]
    assert (e.type, e.actors) == ("会见", ["钟立平"])
    assert e.participants == ["方启文", "邓文彬"]


def test_a_standing_committee_meeting_is_named_whole_and_its_body_is_no_meeting():
    a = tag(["5月8日下午，省委书记钟立平主持召开省委常委会会议。",
             "省政协主席孔德明，省人大常委会、省政府有关负责同志，省法院院长列席会议。"], date="2023-05-10")
    e = a.events[0]
    assert (e.type, e.name, e.actors) == ("会议", "省委常委会会议", ["钟立平"])
    assert e.participants == ["孔德明"]


def test_a_meeting_named_before_its_word_and_a_sentence_whose_doer_is_he():
    a = tag(["前天，县委经济工作会议召开。县委书记欧阳卫东出席会议并讲话。会议传达了上级有关会议精神。",
             "元旦前夕，省委书记沈晓明来到平江县走访慰问困难群众。随后，他来到县人民医院，慰问医务人员。"],
            date="2024-12-06")
    m = next(e for e in a.events if e.type == "会议")
    assert m.name == "县委经济工作会议" and m.actors == ["欧阳卫东"] and m.date == "2024-12-04"
    w = next(e for e in a.events if e.type == "慰问")
    assert w.places == ["平江县", "县人民医院"]


def test_a_firm_head_visits_and_the_mayor_of_the_next_clause_receives_him():
    a = tag(["9日，比亚迪股份有限公司副总裁李云飞一行来我市考察，市长甘霖会见客人。"], date="2024-12-12")
    got = {e.type: (e.actors, e.date) for e in a.events}
    assert got == {"考察": (["李云飞"], "2024-12-09"), "会见": (["甘霖"], "2024-12-09")}


def test_a_study_session_is_a_meeting_and_a_posted_group_is_one_body():
    a = tag(["11月28日上午，县委理论学习中心组举行集体学习。县委书记包振华主持并讲话。",
             "市纪委监委驻市教育局纪检监察组组长赖春华作辅导。"], date="2024-12-05")
    assert [(e.type, e.actors) for e in a.events] == [("会议", ["包振华"])]
    assert "市纪委监委驻市教育局纪检监察组" in a.orgs


def test_lectures_on_theory_unveilings_and_tree_planting_are_activities():
    a = tag(["3月12日，区委书记闫海鹰到宜兴村宣讲党的二十届三中全会精神。",
             "随后，闫海鹰为宜兴村乡村振兴工作站揭牌，并参加义务植树。"], date="2024-03-14")
    assert [(e.type, e.actors) for e in a.events] == [("党课", ["闫海鹰"]), ("活动", ["闫海鹰"])]


def test_at_a_place_right_after_a_name_that_ends_in_a_word_with_zai():
    # 健在 ("alive") is a word of the dictionary, but here 伍健 ends before 在 ("at")
    a = tag(["11月28日，副省长伍健在武汉会见法国驻武汉总领事马蒂厄·布吕内一行。"], date="2024-12-01")
    e = a.events[0]
    assert (e.type, e.actors, e.participants, e.places) == ("会见", ["伍健"], ["马蒂厄·布吕内"], ["武汉"])


def test_receiving_petitioners_and_on_site_office_sessions():
    a = tag(["12月3日，县委书记阚卫东在县信访局接待来访群众。县委常委、政法委书记逯春生参加接访。",
             "11月30日，区委书记杭海峰率队到区重点项目建设现场办公。"], date="2024-12-05")
    got = {e.type: (e.actors, e.participants, e.date) for e in a.events}
    assert got == {"其他": (["阚卫东"], ["逯春生"], "2024-12-03"), "调研": (["杭海峰"], [], "2024-11-30")}


def test_a_festival_told_without_names_is_opened_by_the_officials_of_the_next_sentence():
    a = tag(["9月22日，石湾县第三届中国农民丰收节在青石镇举行。县委书记籍春来宣布开幕，县长郗文博致辞。",
             "来自高桥镇的农户带来了特色农产品。"], date="2024-09-24")
    e = a.events[0]
    assert (e.type, e.name, e.actors, e.places) == ("活动", "石湾县第三届中国农民丰收节", ["籍春来", "郗文博"], ["青石镇"])


def test_officials_taking_part_in_a_bodys_activity_are_its_doers_unless_it_points_back():
    a = tag(["12月2日，市政协开展重点项目视察活动。市政协副主席惠德明、李文涛参加。"], date="2025-12-11")
    assert [(e.type, sorted(e.actors)) for e in a.events] == [("调研", ["惠德明", "李文涛"])]
    b = tag(["3月2日，市长林海涛会见客商一行。副市长周海涛参加相关活动。"], date="2023-03-03")
    ev = {e.type: e for e in b.events}
    assert ev["会见"].actors == ["林海涛"] and "周海涛" in ev["会见"].participants


def test_a_national_leader_is_the_doer_where_a_sentence_opens_with_the_name():
    a = tag(["8日下午，习近平总书记来到临江县青石镇考察调研，看望慰问群众。"], date="2021-06-09")
    assert [(e.type, e.actors) for e in a.events] == [("调研", ["习近平"]), ("慰问", ["习近平"])]
    b = tag(["3月2日，市委书记林海涛主持召开会议。他说，习近平总书记重要讲话精神要学深悟透。"], date="2021-03-03")
    assert all("习近平" not in e.actors for e in b.events)


def test_the_head_of_a_visiting_delegation_is_the_doer_of_its_visit():
    a = tag(["24日，东岭市市长仪田光男率东岭市代表团来我市访问。",
             "在临期间，代表团参观考察了临江博物馆、青石山。"], date="2010-10-27")
    assert ("考察", ["仪田光男"]) in [(e.type, e.actors) for e in a.events]


def test_a_stay_of_several_days_dates_its_visit_but_not_what_follows():
    # the visit spans 8月19日至21日: a meeting told later happened on one of those days, not said which
    a = tag(["8月19日至21日，临江市政协副主席周海涛率考察组来我市考察。",
             "我市政协主席林海涛会见了考察组一行。"], date="2025-08-24")
    got = {e.type: e for e in a.events}
    assert got["考察"].date == "2025-08-19" and got["考察"].date_text == "8月19日至21日"
    assert got["会见"].date is None and got["会见"].date_text is None
    # a date of one day goes on dating what is told after it
    b = tag(["8月19日，临江市政协副主席周海涛率考察组来我市考察。",
             "我市政协主席林海涛会见了考察组一行。"], date="2025-08-24")
    assert {e.type: e.date for e in b.events} == {"考察": "2025-08-19", "会见": "2025-08-19"}


def test_others_named_by_what_they_are_leave_the_named_their_role():
    # "A、B及各乡镇党委书记…参加会议": the named officials attend; the others are named only by their post
    a = tag(["3月2日，县安委会召开全体会议。县长周海涛主持会议并讲话。",
             "县领导林海涛、韩立新及各乡镇党委书记、乡镇长，县直部门主要负责人，各有关企业参加会议。"],
            date="2023-03-03")
    e = next(e for e in a.events if e.type == "会议")
    assert e.actors == ["周海涛"] and e.participants == ["林海涛", "韩立新"]


def test_attendee_named_before_the_chair_is_present_not_the_doer():
    a = tag(["3月2日，县人大常委会召开第九次会议。县委书记高明远出席会议，县人大常委会主任罗志平主持会议。",
             "会议选举宋立新为副县长。"], date="2023-03-03")
    e = a.events[0]
    assert e.type == "会议" and e.actors == ["罗志平"] and "高明远" in e.participants



def test_a_seated_list_with_an_official_in_it_takes_part_whole():
    # "A、B、C在主席台就座": the names after an official in the list take part, titled or not
    a = tag(["3月2日下午，县人大会议举行第二次全体会议。会议由大会执行主席周海涛主持。县长林海涛作报告。",
             "林海涛、韩立新、宋佳在主席台就座。"], date="2023-03-03")
    e = next(e for e in a.events if e.type == "会议")
    assert "周海涛" in e.actors and e.participants == ["韩立新", "宋佳"]


def test_the_officials_a_headline_names_attend_as_doers():
    # the subheadline "林海涛 韩立新出席" names the doers of the list "县领导林海涛、韩立新、宋佳出席会议"
    a = tag(["3月2日，县安委会召开全体会议。县领导林海涛、韩立新、宋佳出席会议。"], date="2023-03-03",
            headline="县安委会召开全体会议", subheadline="林海涛 韩立新出席")
    e = a.events[0]
    assert e.actors == ["林海涛", "韩立新"] and e.participants == ["宋佳"]


def test_a_visiting_partys_head_takes_part_in_the_hosts_meeting():
    a = tag(["3月2日，临江集团总裁周海涛一行来我市考察。",
             "双方举行座谈会。市长林海涛主持会议，周海涛出席并讲话。"], date="2023-03-03")
    e = next(e for e in a.events if e.type == "会议")
    assert e.actors == ["林海涛"] and e.participants == ["周海涛"]


def test_receiving_the_guests_receives_the_visiting_head():
    a = tag(["东岭市市长仪田光男率东岭市代表团来我市访问。", "市领导林海涛、韩立新会见客人。"],
            date="2010-10-27")
    e = next(e for e in a.events if e.type == "会见")
    assert e.actors == ["林海涛", "韩立新"] and e.participants == ["仪田光男"]


def test_a_speech_told_of_is_no_part_taken():
    # "周海涛书记的讲话站位高": the speech is talked about; 周海涛 does nothing here
    a = tag(["1月5日，县委书记林海涛主持召开县委常委会。",
             "林海涛指出，周海涛书记的讲话站位高，要认真贯彻。周海涛书记的讲话体现了全会精神。"], date="2021-01-06")
    e = a.events[0]
    assert e.actors == ["林海涛"] and "周海涛" not in e.participants
    b = tag(["1月5日，在市长林海涛的陪同下，省委书记周海涛来我市调研。"], date="2021-01-06")
    assert b.events[0].actors == ["周海涛"] and b.events[0].participants == ["林海涛"]


def test_a_stay_dates_only_the_first_activity_of_its_sentence():
    a = tag(["10月10日至11日，省长周海涛率代表团在临江市考察调研，并举行对口支援座谈会。区主席林海涛主持座谈会。"],
            date="2021-10-14")
    got = {e.type: e.date for e in a.events}
    assert got == {"调研": "2021-10-10", "会议": None}


def test_a_list_of_places_goes_on_past_an_item_no_rule_read():
    a = tag(["6月1日，市长周海涛先后来到临江港、乐家铺子、湘北能源集团有限公司检查。"], date="2023-06-02")
    assert a.events[0].places[0] == "临江港" and "湘北能源集团有限公司" in a.events[0].places


def test_visits_named_as_an_activity_are_no_visit():
    a = tag(["1月25日，局长周海涛到光华镇走访慰问。", "本次走访活动林业局共走访慰问26户。"], date="2016-01-28")
    assert "林业局" not in a.events[0].places


def test_names_that_do_an_activity_before_a_role_verb_are_its_doers():
    # "A、B在临江会见了C一行并一同出席…": A and B receive; 一同 does not make them mere participants
    a = tag(["5月31日，台湾参访团一行35人来访。州委常委林海涛，副州长韩立新在凯里会见了邱海涛一行并一同出席欢迎晚宴。"],
            date="2023-06-01")
    e = next(e for e in a.events if e.type == "会见")
    assert e.actors == ["林海涛", "韩立新"]


def test_a_sentence_opened_by_a_name_holds_no_activity_for_the_next():
    # "周海涛一行实地考察了…" (a guest with no post): the host who opens the next sentence did not do it
    a = tag(["9月19日，以商会会长周海涛为团长的美国侨团一行来邵考察访问。市委副书记林海涛会见了美国侨团成员。",
             "周海涛一行实地考察了湖南和盛置业发展有限公司和市博物馆。", "林海涛向客人介绍了我市发展情况。"],
            date="2017-09-21")
    assert {e.type for e in a.events} == {"会见"}


def test_places_with_no_activity_of_their_own_go_to_the_visit_not_the_meeting():
    a = tag(["1月14日，市政协主席周海涛到临江县走访慰问。",
             "在五图街道，周海涛走访慰问服务队成员，与他们亲切座谈。",
             "在临江县养老中心，周海涛与老人们亲切交谈。"], date="2020-01-17")
    got = {e.type: e for e in a.events}
    assert "临江县养老中心" in got["慰问"].places
    assert "会议" not in got or "临江县养老中心" not in got["会议"].places


def test_a_list_item_no_rule_read_before_a_conjunction():
    a = tag(["1月20日下午，市长周海涛先后来到新安江街道焦山新村、乐家铺子和沧滩社区检查。"], date="2020-01-21")
    assert "沧滩社区" in a.events[0].places


def test_names_the_model_read_are_mentions_outside_titles():
    from jianbao.tag.events import unlisted
    text = "参加活动的县领导还有王敏、毛乙，宣传部副部长、文联主席黄丙陪同。"
    w, m, l, h = (text.index(x) for x in ("王敏", "毛乙", "文联", "黄丙"))
    spans = [(w, w + 2, "PER"), (m, m + 2, "PER"), (l, l + 2, "PER"), (l, l + 4, "TITLE"), (h, h + 2, "PER")]
    people = {"王敏": ["县领导"], "毛乙": ["县领导"], "文联": ["主席"], "黄丙": ["文联主席"]}
    assert unlisted(text, spans, people, {"毛乙": [], "黄丙": []}) == [("王敏", w, w + 2)]


def test_survey_and_supervision_in_one_word_is_supervision():
    a = tag(["3月4号，常务副市长周海涛先后到睢阳区调研督导安全生产工作。"], date="2021-03-08")
    assert [e.type for e in a.events] == ["督查"]


def test_an_activity_done_by_a_person_in_its_own_clause_waits_for_no_official():
    # "传达学习了习近平总书记考察安徽…的讲话精神" : the visit is 习近平's, not the next sentence's official's
    a = tag(["9月24日，县政协召开机关党员干部大会。",
             "会议传达学习了习近平总书记考察安徽和在合肥主持召开座谈会上的重要讲话精神以及县委书记李海涛的讲话精神。"
             "县政协党组书记、主席吴海涛为全体党员上了一堂党课。"], date="2019-09-26")
    assert "考察" not in {e.type for e in a.events}
    b = tag(["9月24日，县政协召开机关党员干部大会，学习贯彻习近平总书记考察安徽和在合肥主持召开扎实推进长三角一体化"
             "发展座谈会上的重要讲话。", "会议传达学习了有关文件。县政协主席吴海涛为全体党员上了一堂党课。"], date="2019-09-26")
    assert all("合肥" not in e.places for e in b.events)  # where 习近平's meeting was, not theirs


def test_the_place_a_clause_with_de_describes_is_the_one_visited():
    a = tag(["昨天下午，市委书记周海涛到临江代表团下榻的绍兴饭店，看望慰问了临江代表。"], date="2012-03-09")
    assert a.events[0].places == ["绍兴饭店"]


def test_guests_received_named_as_a_group_are_the_party_told_before():
    a = tag(["6月3日，华侨联合会会长卢文彬一行来我市考察。市委副书记钱立群会见了侨团成员，市政协副主席马春雷参加会见。"],
            date="2023-06-05")
    e = next(e for e in a.events if e.type == "会见")
    assert e.actors == ["钱立群"] and e.participants == ["卢文彬", "马春雷"]


def test_the_company_of_hosts_is_no_place_visited():
    a = tag(["3月2日，副市长吴海东在市应急局领导的陪同下，实地检查了鑫源达建材有限公司。"], date="2023-03-03")
    e = a.events[0]
    assert e.actors == ["吴海东"] and "市应急局" not in e.places


def test_a_meeting_word_that_names_a_post_is_no_meeting():
    a = tag(["3月5日上午，县委书记方志远等本次大会执行主席站立监誓。县委副书记冯启明主持宣誓仪式。"],
            date="2023-03-06")
    assert ev(a) == {("活动", ("冯启明",), "2023-03-05")}


def test_an_officials_own_city_is_not_a_place_visited():
    a = tag(["4月4日上午，岳阳市委副书记、市长郝宇调研查看岳阳市护林防火工作。郝宇先后来到君山林场和白杨镇。"],
            date="2023-04-05")
    e = a.events[0]
    assert e.actors == ["郝宇"] and e.places == ["君山林场", "白杨镇"]


def test_a_second_meeting_with_its_own_chair_is_its_own_event():
    a = tag(["9月22日下午，市人大常委会第12次会议闭幕。市人大常委会副主任周建新、孙立华出席会议。孙立华主持本次会议。",
             "会前，周建新主持召开市人大常委会第30次主任会议。"], date="2023-09-23")
    got = sorted((e.actors[0], e.participants, e.date) for e in a.events)
    assert got == [("周建新", [], None), ("孙立华", ["周建新"], "2023-09-22")]


def test_speakers_of_a_meeting_attended_by_all_are_its_doers():
    a = tag(["5月8日上午，平江县委书记何文军一行来我区开展对接。区委书记冯晓东、副区长石明月参加。",
             "座谈会上，双方交流了情况。", "冯晓东指出，要深化合作。"], date="2023-05-09")
    e = next(e for e in a.events if e.type == "会议")
    assert e.actors == ["冯晓东"] and set(e.participants) == {"石明月", "何文军"}


def test_a_meeting_a_role_clause_names_takes_no_doers_from_the_subject():
    a = tag(["8月19日，省政协秘书长丁思远会见考察组一行，省政协副秘书长夏雨桐参加座谈会。"], date="2023-08-20")
    got = {e.type: e for e in a.events}
    assert got["会见"].actors == ["丁思远"]
    assert "丁思远" not in (got["会议"].actors if "会议" in got else [])


def test_a_report_someone_made_makes_no_doer():
    a = tag(["市人大常委会第8次会议昨天上午召开。会议由市人大常委会副主任郑光明主持，秘书长黎文涛出席会议。",
             "会议听取了有关报告；听取了市人大常委会秘书长黎文涛所作的市人大会议筹备工作的报告。"], date="2023-01-10")
    assert [(e.actors, e.participants) for e in a.events] == [(["郑光明"], ["黎文涛"])]


def test_hosts_who_receive_a_visiting_party_take_part_in_its_visit():
    a = tag(["近日，岳阳市委宣传部副部长丁海波等考察团一行，考察平江县非遗展馆。平江县委常委、宣传部部长吴思远等接待。"])
    e = next(e for e in a.events if e.type == "考察")
    assert e.actors == ["丁海波"] and "吴思远" in e.participants


def test_an_oath_chaired_by_one_official_is_taken_by_the_one_appointed():
    """宣誓 is a ceremony (活动); the one who chairs it does it, the newly appointed official, named
    untitled after 任命, takes part; a meeting told 由…主持 is the chair's."""
    a = tag(["5月18日，县十七届人大常委会第九次会议在县行政中心举行。会议由县人大常委会主任王立军主持。",
             "会议决定任命李春华为县人民政府副县长。会后，王立军主持宪法宣誓仪式，李春华向宪法宣誓。"], date="2023-05-20")
    got = {e.type: (e.actors, e.participants) for e in a.events}
    assert got["会议"] == (["王立军"], []) and got["活动"] == (["王立军"], ["李春华"])


def test_sites_visited_run_through_the_names_the_model_alone_reads():
    a = tag(["5月18日，市委书记林海涛带队参观考察了云溪智造园、清源山、开元寺。"], date="2023-05-20")
    assert [e.places for e in a.events] == [["云溪智造园", "清源山", "开元寺"]]


def test_a_border_between_two_places_is_no_second_place_visited():
    """与 names a partner or a border ("甲与乙交界处"), not the next place of a list of visits."""
    a = tag(["5月18日，县委书记林海涛来到明湖镇与清溪镇交界处调研河道治理。"], date="2023-05-20")
    assert [e.places for e in a.events] == [["明湖镇"]]
