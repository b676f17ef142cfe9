from tag_helpers import persons, tag  # noqa: F401


def test_gazetteer_levels_are_atomic():
    a = tag(["他来到湖南省株洲市醴陵市调研。"])
    assert {"湖南省", "株洲市", "醴陵市"} <= set(a.places)


def test_short_forms_of_cities_and_provinces():
    a = tag(["建设现代化新株洲，争当新湖南的排头兵。"])
    assert {"株洲", "湖南"} <= set(a.places)


def test_zone_short_form_listed_and_linked_in_events():
    a = tag(["5月18日，市委书记林海涛赴株洲综合保税区调研。来到株洲综保区，林海涛察看了企业生产情况。"])
    assert {"株洲综合保税区", "株洲综保区"} <= set(a.places)
    ev = a.events[0]
    assert ev.places == ["株洲综合保税区"]


def test_a_city_whose_short_form_ends_like_a_port_is_a_place():
    """港 ends site names (a port), but 香港 and 贵港 are a region's and a city's short forms: read as
    such, while a county-level short form that ends so (张家港) is left to the site rules."""
    a = tag(["市长周文华率团赴香港招商，随后前往贵港参加洽谈会。"])
    assert {"香港", "贵港"} <= set(a.places)


def test_sites_by_suffix():
    a = tag(["他先后察看了云龙科学城、天元高新区和湘江产业园。"])
    assert {"云龙科学城", "湘江产业园"} <= set(a.places)


def test_kinds_of_work_are_not_places():
    a = tag(["要走正路、走新路，加快园区建设。"])
    assert a.places == []


def test_place_inside_company_name_is_not_listed():
    a = tag(["他来到湖南飞腾科技有限公司。"])
    assert "湖南" not in a.places


def test_short_form_inside_an_ordinary_word_is_no_place():
    a = tag(["全市中心工作要认真思考。"])
    assert a.places == []


def test_list_closed_by_dengdi():
    a = tag(["检查组先后察看了建设路、文化路、解放大街等地。"])
    assert {"建设路", "文化路", "解放大街"} & set(a.places)


def test_list_members_named_by_a_one_character_ending_are_places():
    # 各 inside a village name ends no list item: the list reaches back to 开放路
    a = tag(["他先后检查了开放路、北坪镇高各庄村、柳湾路等地，要求确保道路畅通。"])
    assert {"开放路", "柳湾路"} <= set(a.places)
    assert any(p.endswith("高各庄村") for p in a.places)


def test_kinds_of_place_in_a_list_are_not_places():
    a = tag(["检查组深入旅游景区、项目现场、示范村等地，督查安全生产。"])
    assert not {"旅游景区", "项目现场", "示范村"} & set(a.places)


def test_the_last_list_item_after_a_conjunction():
    a = tag(["他深入开放路、柳湾路和怀长路等地检查，又到滨江公园、人民广场和东湖湿地等处察看。"])
    assert {"开放路", "柳湾路", "怀长路", "东湖湿地"} <= set(a.places)
    assert not any("和" in p for p in a.places)  # "人民广场和东湖湿地" is two items, not one


def test_a_town_before_its_village_keeps_a_suffix_that_ends_a_word():
    # 城镇 is an ordinary word, but a village of the gazetteer right after the town says 榆城镇 is a name
    a = tag(["检查组走访了榆城镇石门坎村、枫城镇老渡口村等地。要推进城镇化建设。"])
    assert {"榆城镇", "石门坎村", "枫城镇", "老渡口村"} <= set(a.places)
    assert not any(p.startswith("城镇") or p == "化建设" for p in a.places)


def test_a_village_named_after_the_kind_of_village_it_is():
    # 荷花 is an ordinary word; after 示范村 it names the village
    a = tag(["他深入乡村振兴示范村荷花村调研。"])
    assert "荷花村" in a.places
    b = tag(["他深入荷花村调研。", "全县建成示范村12个。"])
    assert "示范村" not in b.places


def test_two_sites_written_together_are_two_places():
    # 娘娘庙 is an ordinary word, so the forest station is no candidate of its own
    a = tag(["在娘娘庙林站白马河水库，他察看了水位。在娘娘庙林站鹿溪河段，他要求加强巡查。"])
    assert {"娘娘庙林站", "白马河水库", "鹿溪河段"} <= set(a.places)
    assert not any(p.startswith("娘娘庙林站") and len(p) > 5 for p in a.places)


def test_a_place_and_a_verb_name_no_site():
    a = tag(["欢迎企业家在株洲投资项目、兴业发展。"])
    assert "株洲投资项目" not in a.places and "株洲" in a.places


def test_a_county_opening_the_name_of_its_body_is_listed_a_firm_borrowing_it_not():
    a = tag(["桃江县文旅局组织了消夏晚会。他又来到桃江县飞腾科技有限公司。"])
    assert "桃江县文旅局" in a.orgs and "桃江县" in a.places
    b = tag(["他来到桃江县飞腾科技有限公司。"])
    assert "桃江县" not in b.places


def test_a_visit_to_a_body_names_the_body_not_the_place_in_its_name():
    a = tag(["7月8日，市委书记林海涛来到桃江县文旅局调研。"])
    assert a.events and a.events[0].places == ["桃江县文旅局"]


def test_a_county_before_a_site_with_a_name_of_its_own_is_a_place_apart():
    a = tag(["他来到桃江县河松小区和桃江县现代农业园区。"])
    assert {"桃江县", "河松小区", "桃江县现代农业园区"} <= set(a.places)
    assert "桃江县河松小区" not in a.places


def test_a_unit_naming_its_committee_is_listed_at_every_level():
    a = tag(["株洲市委书记林海涛、桃江县委副书记李明出席。"])
    assert "桃江县" in a.places and "株洲市" in a.places
    b = tag(["株洲市委书记林海涛来到株洲市高新区。"])
    assert "株洲市" in b.places  # named on its own too


def test_a_verb_a_count_or_a_determiner_before_a_name_is_no_part_of_it():
    a = tag(["要加快推进株洲综保区建设，全年改造两处居民小区，南岭经开区一家电子企业生产车间投产。"])
    assert "株洲综保区" in a.places and not any(p.startswith(("推进", "两处")) for p in a.places)
    assert not any("一家" in o for o in a.orgs)
    b = tag(["各乡镇便民服务中心延长了服务时间。"])
    assert not any(o.startswith("各") for o in b.orgs)
    c = tag(["他来到前进区现代农业园区。"])  # 前进 is a verb, but 区 follows: the verb names the place
    assert "前进区现代农业园区" in c.places


def test_hotels_markets_and_old_streets_are_sites_when_their_stem_names_them():
    a = tag(["市长李明在株洲宾馆会见了客商。他还来到醴陵农贸市场和株洲老街。"])
    assert {"株洲宾馆", "醴陵农贸市场", "株洲老街"} <= set(a.places)
    b = tag(["房地产市场平稳运行，要发展市场经济。"])
    assert b.places == []


def test_a_town_of_the_gazetteer_whose_stem_is_an_ordinary_noun():
    # 青石 (bluestone) and 板桥 are words of the dictionary; 青石镇 and 板桥镇 are towns of the gazetteer
    a = tag(["县长深入青石镇、白沙乡等地走访。", "他还到板桥镇查看了春耕情况。"])
    assert {"青石镇", "白沙乡", "板桥镇"} <= set(a.places)


def test_kinds_of_town_are_no_places():
    a = tag(["要加快小城镇建设，建好示范镇。"])
    assert not {"小城镇", "示范镇"} & set(a.places)


def test_no_site_from_a_quarter_nor_from_a_walk_cut_short_inside_words():
    a = tag(["全市第一季度重大项目集中开工，主会场项目为楚天新材料有限公司年产5万吨锂电正极材料项目。"])
    assert a.places == [] and a.orgs == ["楚天新材料有限公司"]


def test_a_unit_whose_name_ends_like_a_street_is_not_cut_into_a_street():
    a = tag(["他来到芙蓉区文艺路街道韭菜园社区调研。"])
    assert {"芙蓉区", "文艺路街道", "韭菜园社区"} <= set(a.places) and "芙蓉区文艺路" not in a.places


def test_stations_and_filling_stations_visited_and_the_bare_zone_kinds():
    a = tag(["县长先后来到城关农贸市场、县客运站和金鑫加油站检查。", "市委书记深入高新区、经开区调研，来到经开区智能制造产业园。"])
    assert {"城关农贸市场", "县客运站", "金鑫加油站", "高新区", "经开区", "经开区智能制造产业园"} <= set(a.places)
    assert "智能制造产业园" not in a.places


def test_venues_of_a_place_are_sites_where_activities_happen():
    a = tag(["5月17日，市委书记柯明远在市行政中心会见了紫辰集团董事长方启文一行。",
             "招聘会在市体育中心举行，副市长冼丽华到现场察看。"], date="2024-05-18")
    assert {"市行政中心", "市体育中心"} <= set(a.places)
    assert a.events[0].places == ["市行政中心"]


def test_a_short_form_keeps_the_level_printed_after_it():
    # 海西州 for 海西蒙古族藏族自治州, 甘孜州 for 甘孜藏族自治州: the name as printed, level included
    a = tag(["援青干部在海西州调研，随后赴甘孜州雅江县考察。"])
    assert {"海西州", "甘孜州"} <= set(a.places)
    assert "海西" not in a.places
    # not where an ordinary word crosses the level ("海西区域": 区域)
    b = tag(["要推动海西区域协调发展。"])
    assert "海西区" not in b.places


def test_a_unit_in_a_document_title_is_no_place():
    a = tag(["会议表决通过了《关于批准浏阳市2023年预算调整方案的决议》。"])
    assert "浏阳市" not in a.places


def test_a_one_character_ending_inside_a_longer_site_ends_no_name():
    a = tag(["他来到城东区新华街文化小镇调研。"])
    assert "新华街文化小镇" in a.places and not any(p.endswith("新华街") for p in a.places)


def test_a_short_form_after_a_province_in_an_address():
    # 北平 crosses 河北|平泉: a place written right after a place is read all the same
    a = tag(["河北平泉举办农民丰收节"])
    assert {"河北", "平泉"} <= set(a.places)


def test_a_city_abroad_the_gazetteer_lacks_is_read_after_its_country():
    from jianbao.tag import entities
    f = entities.find([("p", "代表团一行访问了马来西亚美里市，又到日本鹿沼市考察。")], {})
    assert {"美里市", "鹿沼市"} <= set(f.places), f.places
    f = entities.find([("p", "他们到印度的股市调研。")], {})
    assert not any(p.endswith("股市") for p in f.places), f.places


def test_a_named_mountain_or_river_before_a_site_ending():
    a = tag(["考察团先后来到白龙山风景区、清溪河漂流和桃江公路沿线。"])
    assert {"白龙山风景区", "清溪河漂流", "桃江公路"} <= set(a.places)


def test_a_verb_opening_the_words_before_a_site_ending_names_no_site():
    a = tag(["要紧盯龙头企业精准招引配套项目，抓好落实。"])
    assert a.places == []


def test_a_county_named_by_one_character_and_its_level():
    a = tag(["他到沛县调研农业生产。"])
    assert "沛县" in a.places
    b = tag(["各乡镇和县直相关部门要抓好落实。"])
    assert "和县" not in b.places


def test_a_short_form_and_its_level_read_across_a_word():
    a = tag(["考察团到峨山县考察了产业园。"])
    assert "峨山县" in a.places


def test_a_unit_the_gazetteer_lacks_read_from_the_dictionary():
    a = tag(["代表团赴乌马河区参观考察。"])
    assert "乌马河区" in a.places
    b = tag(["他常到深山区走访农户。"])
    assert "深山区" not in b.places


def test_a_unit_right_before_a_quoted_honour_is_no_place():
    a = tag(["这个驿站获评2022年株洲市“十佳驿站”。"])
    assert "株洲市" not in a.places
    b = tag(["他在株洲市调研，勉励大家争当“排头兵”。"])
    assert "株洲市" in b.places


def test_a_short_form_that_is_a_common_word_is_a_place_in_a_list_of_places():
    a = tag(["调研组走访了张北、怀来、赤城三县，又到桥西、宣化、下花园座谈。"])
    assert {"张北", "怀来", "赤城", "桥西", "宣化"} <= set(a.places)
    b = tag(["要做好宣化工作，抓好教育、宣化、引导三件事。"])
    assert "宣化" not in b.places


def test_a_clause_before_a_site_is_no_part_of_its_name():
    # a verb or adverb inside the words before a site's ending ends the clause that ran into it
    a = tag(["代表团抵达长沙黄花机场时说，此行收获很大。"])
    assert not any(p.startswith("代表团") for p in a.places)
    a = tag(["我们要认真研究欧洲市场的变化。"])
    assert not any("研究" in p for p in a.places)


def test_a_project_keeps_the_deeds_in_its_name():
    a = tag(["他来到城南污水处理厂提标改造项目现场察看进度。"])
    assert not any(p.startswith("厂") for p in a.places)


def test_a_list_of_places_closed_by_a_count():
    a = tag(["暴雨中，东湾、西湾、石滩3村的群众连夜转移。"])
    assert {"东湾", "西湾", "石滩"} <= set(a.places)
    assert not any(p.startswith("暴雨") for p in a.places)


def test_a_count_of_units_that_opens_a_word_closes_no_list():
    a = tag(["书记、县长带队深入十二个市属企业调研。"])
    assert not any("书记" in p or "县长" in p for p in a.places)


def test_one_character_between_a_town_and_its_village_opens_the_village():
    a = tag(["他是青石镇东红星村人。"])  # the gazetteer holds 红星村
    assert "东红星村" in a.places


def test_no_village_named_by_a_plural_or_a_level():
    a = tag(["村民们出村要走山路。"])
    assert not any(p.endswith("出村") for p in a.places)
    a = tag(["干部们到光华镇包保户家中走访。"])
    assert not any(p.startswith("镇") for p in a.places)


def test_places_a_meeting_is_named_after_are_not_places_of_the_report():
    a = tag(["会上举行了江苏·青海对口协作工作座谈会。"])
    assert not {"江苏", "青海"} & set(a.places)


def test_a_place_where_a_meeting_is_held_stays():
    a = tag(["两国专家在东京联合举行研讨会。"])
    assert "东京" in a.places


def _fake_scored(spans):
    """A stand-in for the model's `scored`: the given (start, end, label, confidence) in the whole
    text, shifted into the window asked for (found by its text)."""
    def scored(window):
        at = _TEXT.index(window)
        return [(s - at, e - at, lab, p) for s, e, lab, p in spans if at <= s and e <= at + len(window)]
    return scored


_TEXT = "大家来到青柳港河岸边植树。"


def test_model_widens_a_rules_place_by_a_few_characters():
    from jianbao.tag.places import widened
    from jianbao.tag.spans import Cand
    c = Cand(4, 7, "青柳港", "site")
    marks = [(4, 7, "LOC")]
    assert [(x.name, s, e) for x, s, e in widened(_TEXT, [c], marks, _fake_scored([(4, 8, "LOC", 0.97)]))] \
        == [("青柳港", 4, 8)]
    # not when unsure, nor much wider, nor over another name, nor a span that does not hold the place
    assert widened(_TEXT, [c], marks, _fake_scored([(4, 8, "LOC", 0.6)])) == []
    assert widened(_TEXT, [c], marks, _fake_scored([(2, 9, "LOC", 0.99)])) == []
    assert widened(_TEXT, [c], marks + [(7, 9, "ORG")], _fake_scored([(4, 8, "LOC", 0.99)])) == []
    assert widened(_TEXT, [c], marks, _fake_scored([(5, 8, "LOC", 0.99)])) == []


def test_model_wider_place_replaces_the_piece_in_the_list(monkeypatch):
    from jianbao.tag import places
    a = tag([_TEXT])  # the shipped model reads the river whole
    assert "青柳港河" in a.places and "青柳港" not in a.places
    monkeypatch.setattr(places, "widened", lambda *args: [])
    assert tag([_TEXT]).places == ["青柳港"]  # the rules alone stop at the suffix


def test_a_town_named_by_its_stem_elsewhere_is_listed_both_ways():
    """A town read with its level and named again by its stem alone before a function word or a mark:
    the stem is listed too, as a county's short form is; not inside another name."""
    a = tag(["县委书记到柘岭镇调研。他指出，要把柘岭的产业做大做强，办好柘岭敬老院。"])
    assert {"柘岭镇", "柘岭"} <= set(a.places)
    assert "柘岭敬老院" not in a.places


def test_a_place_in_reported_speech_is_listed_but_not_in_a_slogan():
    a = tag(["村民李红说：“我是从河南赶过来的，这里工资高、订单多。”"])
    assert "河南" in a.places
    a = tag(["他提出“美丽河南、幸福家园”的目标。"])
    assert "河南" not in a.places


def test_a_listed_site_before_the_conjunction_of_the_last_item():
    a = tag(["他先后来到新安街道青岭新村、溪头新村和沧浪社区，看望困难群众。"])
    assert {"青岭新村", "溪头新村", "沧浪社区"} <= set(a.places)
