"""The tagger is a pipeline of components over one article (jianbao.tag.PIPELINE): each declares
what it reads and writes, and reads only what the article gives or an earlier component wrote.
Each component also gets a direct test: the components before it run on an invented article, then
it runs, and what it wrote is checked (and that it wrote nothing it does not declare)."""
import re
import sys

import pytest

from jianbao.model import Article
from jianbao.tag import (INPUTS, PIPELINE, BylinePersons, Component, DatelineMentions, Dates, Events, ListTitles, Mentions,
                         ModelEdges, ModelEntities, ModelPersons, ModelPlaceEdges, ModelShortForms, NamesAfterTitles, PlacesOrgs, State,
                         TitleBodies, TitledPersons,
                         tag_article)


def test_every_read_is_an_input_or_written_before():
    have = set(INPUTS)
    for c in PIPELINE:
        missing = set(c.reads) - have
        assert not missing, (type(c).__name__, missing)
        have |= set(c.writes)


def test_declared_attributes_exist_on_the_state():
    st = State(Article(paragraphs=["正文。"]), None)
    for c in PIPELINE:
        for name in c.reads + c.writes:
            assert hasattr(st, name), (type(c).__name__, name)


def test_a_component_writes_only_what_it_declares():
    a = Article(headline="市委书记林海涛调研春耕", byline="本报记者 甲小明",
                paragraphs=["3月2日，市委书记林海涛来到醴陵市青石镇调研春耕，副市长周海涛陪同。"])
    st = State(a, "2023-03-03")
    for c in PIPELINE:
        before = {k: repr(v) for k, v in vars(st).items()}
        c(st)
        changed = {k for k, v in vars(st).items() if repr(v) != before.get(k)}
        assert changed <= set(c.writes), (type(c).__name__, changed - set(c.writes))
    tag_article(a, "2023-03-03")
    assert {p.name for p in a.persons} >= {"林海涛", "周海涛", "甲小明"} and a.events


@pytest.mark.slow  # three interpreters, each loading the models
def test_the_output_does_not_hang_on_string_hashing(tmp_path):
    """Same input, same output: two interpreters with different hash seeds tag a page alike (the
    persons' order once followed a set's)."""
    import os
    import subprocess
    import sys
    page = tmp_path / "p.md"
    page.write_text("# 习近平李克强栗战书汪洋王沪宁赵乐际韩正出席\n\n本报北京3月5日电 习近平、李克强、栗战书、汪洋、"
                    "王沪宁、赵乐际、韩正等出席会议。市委书记林海涛、副市长周海涛和王敏、陈楚参加。\n", encoding="utf-8")
    code = ("import sys, json; from jianbao.pipeline import run_path; "
            "print(json.dumps(run_path(sys.argv[1]).to_dict(), ensure_ascii=False))")
    outs = {subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1


# ---- each component on its own: the components before it run, then it, and what it wrote -------

ISSUE = "2023-03-15"
VISIT = Article(  # an invented report: a visit, a meeting, a list of names, one name no rule reads
    headline="林海涛在青石镇调研春耕生产", byline="本报记者 周明远 通讯员 陈晓雨", reporters=["周明远", "陈晓雨"],
    paragraphs=["3月14日上午，市委书记、市长林海涛来到青石镇调研春耕生产，副市长欧阳晓东陪同。林海涛强调，要抓好粮食生产。",
                "当天下午，林海涛一行察看了紫辰电子有限公司，市领导苏晨光、盖勇、刘又铖参加。",
                "现场观众纷纷为邬佳琪鼓掌喝彩。"])


def ready(kind: type[Component], a: Article = VISIT, date: str | None = ISSUE) -> tuple[State, Component]:
    """A fresh state of the article with every component before `kind` run on it."""
    st = State(a, date)
    for c in PIPELINE:
        if isinstance(c, kind):
            return st, c
        c(st)
    raise AssertionError(f"{kind.__name__} is not in PIPELINE")


def run(kind: type[Component], a: Article = VISIT, date: str | None = ISSUE,
        declared: bool = True) -> tuple[State, set[str]]:
    """Run the component after the ones before it: the state, and the attributes it changed
    (which must be among those it declares, unless `declared` is False)."""
    st, c = ready(kind, a, date)
    before = snapshot(st)
    c(st)
    after = snapshot(st)
    changed = {k for k in after if after[k] != before[k]}
    if declared:
        assert changed <= set(c.writes), (kind.__name__, changed - set(c.writes))
    return st, changed


def snapshot(st: State) -> dict[str, str]:
    """The state's attributes as text. `entities` by what PlacesOrgs and ModelEdges write there
    alone: its `places` and `orgs` lists are the state's own (PlacesOrgs makes them one), so a
    component that adds to `orgs` is not counted as writing `entities` too."""
    got = {k: repr(v) for k, v in vars(st).items()}
    if st.entities is not None:
        got["entities"] = repr((st.entities.by_field, st.entities.canon))
    return got


def field_text(st: State, k: str) -> str:
    return dict(st.fields)[k]


def test_every_component_has_a_direct_test():
    tests = [n for n in vars(sys.modules[__name__]) if n.startswith("test_")]
    for c in PIPELINE:
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", type(c).__name__).lower()
        assert any(n.startswith(f"test_{snake}_") for n in tests), snake


def test_byline_persons_reads_the_names_and_roles_of_the_byline():
    st, changed = run(BylinePersons)
    assert st.people == {"周明远": ["本报记者"], "陈晓雨": ["通讯员"]}
    assert st.known == {"周明远", "陈晓雨"} and changed == {"people", "known"}


def test_titled_persons_reads_names_by_their_titles_and_speech():
    st, changed = run(TitledPersons)
    got = [(k, m.name, m.titles, m.kind) for k, m in st.found]
    assert ("paragraphs[0]", "林海涛", ["市委书记", "市长"], "title") in got
    assert ("paragraphs[0]", "欧阳晓东", ["副市长"], "title") in got  # a two-character surname
    assert ("paragraphs[0]", "林海涛", [], "speech") in got  # 林海涛强调
    assert ("paragraphs[1]", "苏晨光", ["市领导"], "title") in got
    for k, m in st.found:  # each mention's offsets and title spans are into its normalised field
        t = field_text(st, k)
        assert t[m.start:m.end] == m.name and all(t[a:b] in "".join(m.titles) for a, b in m.title_spans)
    assert {"林海涛", "欧阳晓东", "苏晨光"} <= st.known and {"周明远", "陈晓雨"} <= st.known
    assert changed == {"found", "known"}


def test_names_after_titles_lets_the_model_read_a_name_no_surname_opens():
    a = Article(paragraphs=["盟长其木格主持会议，自治区人民政府副主席白玛次仁讲话。"])
    st, c = ready(NamesAfterTitles, a)
    assert ("白玛次", ["自治区人民政府副主席"]) in [(m.name, m.titles) for _, m in st.found]  # the rules' guess
    st, changed = run(NamesAfterTitles, a)
    got = {m.name: m.titles for _, m in st.found}
    assert got.get("白玛次仁") == ["自治区人民政府副主席"] and "白玛次" not in got  # the longer name replaces it
    assert "白玛次仁" in st.known and "白玛次" not in st.known
    assert changed == {"found", "known"}
    # where the rules read a name whole, the model has nothing to add
    st, changed = run(NamesAfterTitles)
    assert changed == set()


def test_model_persons_moves_edges_the_model_reads_and_drops_names_it_reads_none_in():
    a = Article(paragraphs=["县委党校副校长龚正之在会上讲话，他同村委会主任商量过此事。"])
    st, _ = ready(ModelPersons, a)
    assert {m.name for _, m in st.found} == {"龚正", "商量过"}  # the rules' fixed lengths
    st, changed = run(ModelPersons, a)
    assert [(m.name, m.titles) for _, m in st.found] == [("龚正之", ["县委党校副校长"])]
    t = field_text(st, "paragraphs[0]")
    assert all(t[m.start:m.end] == m.name for _, m in st.found)
    assert st.known == {"龚正之"} and changed == {"found", "known"}
    st, changed = run(ModelPersons)  # names the rules read whole stay as they are
    assert changed == set()


def test_mentions_lists_the_persons_and_every_mention_of_them():
    st, changed = run(Mentions, declared=False)  # it also adds listed names to `known`: see below
    # 盖勇 opens with no listed surname: the list after a title says it is a name (persons._listed_name)
    assert [p.name for p in st.persons] == ["周明远", "陈晓雨", "林海涛", "欧阳晓东", "苏晨光", "盖勇"]
    assert st.people["林海涛"] == ["市委书记", "市长"]
    # every mention of a name read anywhere, in the headline too
    assert [k for k, _, _ in st.mentions["林海涛"]] == ["headline", "paragraphs[0]", "paragraphs[0]", "paragraphs[1]"]
    for name, ms in st.mentions.items():
        assert all(field_text(st, k)[s:e] == name for k, s, e in ms)
        assert all((s, e) in st.blocked[k] for k, s, e in ms)
    spans = st.spans["paragraphs[0]"]
    t = field_text(st, "paragraphs[0]")
    assert {t[s:e] for s, e, lab in spans if lab == "TITLE"} == {"市委书记", "市长", "副市长"}
    assert {t[s:e] for s, e, lab in spans if lab == "PER"} == {"林海涛", "欧阳晓东"}
    assert changed - {"known"} <= set(Mentions.writes)


def test_mentions_declares_that_it_adds_listed_names_to_known():
    a = Article(paragraphs=["盟长其木格主持会议，旗委副书记阿拉坦仓、苏木达乌日娜参加。"])
    st, c = ready(Mentions, a)
    assert "苏木达" not in st.known  # listed beside the name the model read (阿拉坦仓)
    st, changed = run(Mentions, a, declared=False)
    assert "苏木达" in st.people and "苏木达" in st.known
    assert changed <= set(Mentions.writes)


def test_places_orgs_reads_places_and_organisations_around_the_persons():
    st, changed = run(PlacesOrgs)
    assert st.places == ["青石镇"] and st.orgs == ["紫辰电子有限公司"]
    assert st.entities is not None and st.entities.places == st.places
    t = field_text(st, "headline")
    assert [(t[s:e], lab) for s, e, lab in st.spans["headline"] if lab != "PER"] == [("青石镇", "LOC")]
    # a person's name is never part of a place or an organisation
    for k, cands in st.entities.by_field.items():
        assert not any(c.start < e and s < c.end for c in cands for s, e in st.blocked.get(k, []))
    assert changed == {"entities", "places", "orgs", "spans"}


def test_dateline_mentions_marks_the_dateline_places_and_lists_none():
    a = Article(dateline="本报长沙5月9日电", paragraphs=["市委书记林海涛来到紫辰电子有限公司调研。"])
    st, _ = ready(DatelineMentions, a)
    st, changed = run(DatelineMentions, a)
    t = "本报长沙5月9日电"
    assert [(t[s:e], lab) for s, e, lab in st.spans["dateline"]] == [("长沙", "LOC")]
    assert "长沙" not in st.places and changed == {"spans"}
    assert DatelineMentions.mentions_only  # tag_article skips it: no list reads the marks
    st, changed = run(DatelineMentions)  # no dateline: nothing marked
    assert changed == set()


def test_model_edges_moves_where_an_organisation_starts():
    # 宁远 without its 县 is no place the rules know, so they cannot start the name there
    a = Article(paragraphs=["酒店迎接宁远党政考察团一行。"])
    st, _ = ready(ModelEdges, a)
    assert st.orgs == ["酒店迎接宁远党政考察团"]  # the rules walk left to the clause's start
    st, changed = run(ModelEdges, a)
    assert st.orgs == ["宁远党政考察团"]
    assert (4, 11, "ORG") in st.spans["paragraphs[0]"] and (0, 11, "ORG") not in st.spans["paragraphs[0]"]
    assert changed == {"entities", "orgs", "spans"}
    st, changed = run(ModelEdges)  # names that start where they should stay as they are
    assert changed == set()


def test_model_short_forms_drops_a_short_form_the_model_reads_as_no_place():
    a = Article(paragraphs=["据湖北日报客户端消息，会议在武汉召开，祝愿老人们幸福长寿。"])
    st, _ = ready(ModelShortForms, a)
    assert st.places == ["湖北", "武汉", "长寿"]  # the gazetteer's short forms
    st, changed = run(ModelShortForms, a)
    assert st.places == ["武汉"]
    assert (1, 3, "LOC") not in st.spans["paragraphs[0]"]
    assert changed == {"entities", "places", "spans"}
    st, changed = run(ModelShortForms)  # places the model reads as places stay
    assert changed == set()


def test_model_place_edges_widens_a_place_the_model_reads_longer():
    a = Article(paragraphs=["大家来到青柳港河岸边植树。"])
    st, _ = ready(ModelPlaceEdges, a)
    assert st.places == ["青柳港"]  # the rules stop at the site's suffix
    st, changed = run(ModelPlaceEdges, a)
    assert st.places == ["青柳港河"] and (4, 8, "LOC") in st.spans["paragraphs[0]"]
    assert changed == {"entities", "places", "spans"}
    st, changed = run(ModelPlaceEdges)  # places the model reads with the rules' edges stay
    assert changed == set()


def test_model_entities_adds_the_names_the_rules_left_undecided():
    st, _ = ready(ModelEntities)
    assert "邬佳琪" not in {p.name for p in st.persons}
    st, changed = run(ModelEntities)
    got = {p.name: p.titles for p in st.persons}
    assert got["邬佳琪"] == []  # no title printed before it
    assert got["刘又铖"] == []  # a list's item no rule reads; ListTitles gives it the list's titles
    assert got["盖勇"] == ["市领导"]  # the rules read it in the list (persons._listed_name)
    t = field_text(st, "paragraphs[2]")
    assert ("邬佳琪", "PER") in [(t[s:e], lab) for s, e, lab in st.spans["paragraphs[2]"]]
    assert "persons" in changed and "spans" in changed


def test_list_titles_shares_the_titles_of_a_list_opened_by_a_title():
    st, changed = run(ListTitles)
    got = {p.name: p.titles for p in st.persons}
    assert got["苏晨光"] == got["盖勇"] == got["刘又铖"] == ["市领导"]
    assert got["邬佳琪"] == []  # in no list
    assert changed == {"persons"}
    # a list's first name shares only titles printed right before it, not its titles from elsewhere
    a = Article(paragraphs=["副市长欧阳晓东主持。", "欧阳晓东、盖勇、刘又铖等参加。"])
    st, _ = run(ListTitles, a)
    got = {p.name: p.titles for p in st.persons}
    assert got["欧阳晓东"] == ["副市长"] and got.get("盖勇", []) == [] and got.get("刘又铖", []) == []


def test_title_bodies_adds_the_bodies_named_in_titles():
    a = Article(byline="县融媒体中心记者 王春燕", reporters=["王春燕"], paragraphs=["3月14日，青石镇召开春耕生产推进会。"])
    st, _ = ready(TitleBodies, a)
    assert "县融媒体中心" not in st.orgs  # the byline is read for its names, not searched for bodies
    st, changed = run(TitleBodies, a)
    assert "县融媒体中心" in st.orgs and changed == {"orgs"}
    # a body every place has (市委 of 市委书记) is no organisation of the article
    st, changed = run(TitleBodies)
    assert changed == set() and "市委" not in st.orgs


def test_dates_resolves_each_paragraph_against_the_issue_and_the_day_last_named():
    st, changed = run(Dates)
    assert set(st.dates) == {"paragraphs[0]", "paragraphs[1]", "paragraphs[2]"}  # the body only
    (first,), (then,) = st.dates["paragraphs[0]"], st.dates["paragraphs[1]"]
    assert (first.text, first.date, first.tod) == ("3月14日上午", "2023-03-14", "上午")
    assert (then.text, then.date, then.tod) == ("当天下午", "2023-03-14", "下午")  # 当天: the day last named
    assert st.dates["paragraphs[2]"] == [] and changed == {"dates"}
    st, _ = run(Dates, date=None)  # without an issue date, nothing is resolved
    assert all(d.date is None for ds in st.dates.values() for d in ds)


def test_events_records_the_officials_activities():
    st, changed = run(Events)
    assert changed == {"events"}
    visit = next(e for e in st.events if e.type == "调研")
    assert visit.actors == ["林海涛"] and "欧阳晓东" in visit.participants
    assert visit.date == "2023-03-14" and visit.time_of_day == "上午" and visit.date_text == "3月14日上午"
    assert "青石镇" in visit.places
    assert all(e.type in ("调研", "会议", "会见", "党课", "督查", "慰问", "考察", "活动", "其他") for e in st.events)
    # the reporters of the byline carry out nothing
    assert not {"周明远", "陈晓雨"} & {n for e in st.events for n in e.actors + e.participants}


def test_divisions_annotates_the_places_found_and_changes_no_list():
    from jianbao.tag import Divisions
    st, changed = run(Divisions)
    assert changed <= {"place_refs"} and [r.name for r in st.place_refs] == st.places
    assert all(r.code or r.reason for r in st.place_refs)
