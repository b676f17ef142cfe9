"""The curated tables load, have unique keys, carry notes, and agree with each other; the rows with
examples and counter-examples do what they say."""
import re

from jianbao.model import EVENT_TYPES
from jianbao.tag import data


def test_every_table_loads_with_notes_and_unique_keys():
    for name in data.TABLES:
        rows = data.rows(name)
        assert rows, name
        ks = [r[0] for r in rows]
        assert len(ks) == len(set(ks)), (name, [k for k in ks if ks.count(k) > 1])
        assert all(len(r) >= 2 and r[-1].strip() for r in rows), name


def test_readme_lists_every_table():
    text = (data.DATA / "README.md").read_text(encoding="utf-8")
    for name in data.TABLES:
        assert f"{name}.tsv" in text or name in ("surnames", "rare_surnames") and "surnames.toml" in text \
            or name in data.SPEECH and "speech_verbs.toml" in text, name


def test_columns_hold_known_values():
    assert {r[1] for r in data.rows("title_heads")} <= {"official", "business", "press", "other"}
    assert {r[1] for r in data.rows("event_triggers")} <= set(EVENT_TYPES)
    assert {r[1] for r in data.rows("place_suffixes")} <= {"admin", "zone", "site"}
    assert {r[2] for r in data.rows("place_suffixes")} <= {"strong", "weak", "no", "level"}
    assert {r[1] for r in data.rows("org_suffixes")} <= {"strong", "weak", "no", "level"}
    assert {r[1] for r in data.rows("roles_in_events")} <= {"participant", "actor", "actor_if_none"}
    assert {r[1] for r in data.rows("dates")} <= {"rel", "week", "vague", "anaphor", "tod", "weekday", "year",
                                                  "month", "hour", "newyear"}
    assert {r[1] for r in data.rows("known_orgs")} <= {"opens", "whole"}


def test_tables_agree():
    # a short zone form and its full form are both place suffixes
    sufs = data.keys("place_suffixes")
    for short, full in data.mapping("place_short").items():
        assert short in sufs, short
    # surnames are one or two characters; famous names open with a listed surname
    assert all(1 <= len(s) <= 2 for s in data.keys("surnames"))
    singles = {s for s in data.keys("surnames") if len(s) == 1}
    assert all(n[0] in singles for n in data.keys("famous"))
    # no word is both a place suffix and an organisation suffix
    assert not sufs & data.keys("org_suffixes")
    # an address after a bare surname is no surname itself, nor a title head (read from that table)
    addr = data.keys("surname_addresses")
    assert not addr & data.keys("surnames") and not addr & data.keys("title_heads")
    # the two strengths of the one surname list do not overlap
    assert not data.keys("surnames") & data.keys("rare_surnames")


def test_package_word_lists_are_found_offline():
    from jianbao.tag import lexicon
    g = lexicon.gazetteer()
    assert g.full.get("湖南省") == 0 and g.short.get("株洲") == "株洲市"
    assert lexicon.dictionary().get("中心")


def test_the_one_speech_verb_list_is_consistent():
    import tomllib
    from importlib import resources
    with resources.files("jianbao.data").joinpath("speech_verbs.toml").open("rb") as f:
        verbs = tomllib.load(f)["verb"]
    texts = [v["text"] for v in verbs]
    assert len(texts) == len(set(texts))
    for v in verbs:
        assert v["where"] and set(v["where"]) <= {"events", "name", "title"}, v["text"]
        assert all(v["text"] in e for e in v["examples"]), v["text"]
    assert data.keys("speech_verbs") == {v["text"] for v in verbs if "events" in v["where"]}


MARKS = {
    "chars": {"generic", "determiner", "not_in_name", "first_given", "sound", "opener", "joins_titles", "posted",
              "deictic", "address_before", "geo_feature"},
    "abbrev_context": {"after", "before"},
    "levels": {"level", "low", "before_village", "after_short", "abroad", "grade", "graded"},
    "conjunctions": {"names", "lists", "titles", "events", "visits", "others", "closes"},
    "firms": {"end", "inner_ok", "inner"},
    "event_words": {"noun_end", "group", "head", "leads", "count", "from", "at", "named_by_next", "said", "modifies", "plan", "back",
                    "referred", "people", "title_link", "name_stop", "name_end", "name_whole", "name_bare", "continues",
                    "owned", "under", "visiting", "guest", "aspect", "appoint_before", "appoint_after", "by", "during"},
    "event_types": {"guests", "sit", "lecture", "generic", "longest", "headed", "hosted", "named", "chaired"},
}


def test_marks_are_known():
    for name, known in MARKS.items():
        for r in data.rows(name):
            assert r[1].split() and set(r[1].split()) <= known, (name, r[0], r[1])
    for r in data.rows("list_closers"):
        assert r[1] in ("next", "far") and r[2] in ("org", "site") and set(r[3].split()) <= {"kinds", "events"}, r
    assert {r[1] for r in data.rows("post_words")} <= {"post", "address", "no_post", "verb"}


def test_small_tables_agree():
    # character classes hold single characters; the level characters too (they are joined into a string)
    assert all(len(c) == 1 for c in data.keys("chars"))
    assert all(len(c) == 1 for c in data.marked("levels", "level"))
    # the numerals: the ten digits 0-9 (two for zero) and one ten
    values = sorted(int(v) for v in data.mapping("numerals").values())
    assert set(values) == set(range(11)) and values.count(10) == 1
    # one word closes a list; the words that stand inside firms' names are stop words there
    assert len(data.marked("conjunctions", "closes")) == 1
    assert set(data.marked("firms", "inner")) <= data.keys("stop_left")
    assert set(data.marked("firms", "inner_ok")) <= set(data.marked("firms", "end"))
    assert set(data.keys("event_types")) <= set(EVENT_TYPES)
    # the group characters make nouns of triggers; a continued word opens with a name's last character
    ev = data.marked
    assert set(ev("event_words", "group")) <= set(ev("event_words", "noun_end"))
    assert all(w[0] in ev("event_words", "name_end") for w in ev("event_words", "continues"))
    # dates: every clock hour maps to a time of day that the words map to; weekdays are one character
    tods = {r[2] for r in data.rows("dates") if r[1] == "tod"}
    hours = {r[0]: r[2] for r in data.rows("dates") if r[1] == "hour"}
    assert "0" in hours and set(hours.values()) <= tods
    assert all(len(r[0]) == 1 and 0 <= int(r[2]) <= 6 for r in data.rows("dates") if r[1] == "weekday")
    # 新区 and the other zone kinds end gazetteer units that the zone rules read (places._zoneish)
    assert data.mapping("place_suffixes").get("新区") == "zone"


def test_patterns_match_their_examples_and_not_their_counter_examples():
    from jianbao.tag import dates
    for name, (ex, counter) in data.examples("patterns").items():
        rx = dates._pattern() if name == "date" else re.compile(data.pattern(name))
        assert not re.search(r"\{[a-z_]+\}", rx.pattern), name  # every placeholder filled
        assert ex, name
        for e in ex:
            assert any(m.group() for m in rx.finditer(e)), (name, e)
        for e in counter:
            assert not any(m.group() for m in rx.finditer(e)), (name, e)


def test_word_examples_hold_the_word():
    for name in data.EXAMPLED:
        if name == "patterns":
            continue
        for k, (ex, counter) in data.examples(name).items():
            assert all(k in e for e in ex + counter), (name, k)


def test_list_closers_close_their_examples():
    from jianbao.tag import entities, spans
    for k, (ex, counter) in data.examples("list_closers").items():
        assert ex, k
        for e in ex:  # a list of two items or more, closed by 等 and this word
            assert any(len(items) >= 2 and closer.endswith(k) for items, closer in spans.lists(e)), (k, e)
        for e in counter:  # the items are kinds of place: nothing is listed
            assert not entities.field_cands(e, []), (k, e)


def test_firms_names_hold_their_inner_words():
    from jianbao.tag import entities
    for k, (ex, counter) in data.examples("firms").items():
        marks = data.mapping("firms")[k].split()
        if "inner" in marks or "inner_ok" in marks:
            for e in ex:  # read as one organisation, the inner word and a bracketed place inside
                assert [(c.name, c.kind) for c in entities.field_cands(e, [])] == [(e, "org")], (k, e)
        for e in counter:  # the inner word is a verb: no organisation holds it
            assert not any(c.kind == "org" and k in c.name for c in entities.field_cands(e, [])), (k, e)


def test_post_words_read_as_their_use_says():
    from jianbao.tag import persons
    for k, (ex, counter) in data.examples("post_words").items():
        use = data.mapping("post_words")[k]
        assert ex, k
        for e in ex:
            ms = persons.match(e, set())
            if use == "post":
                assert any(k in m.titles for m in ms), (k, e)
            elif use == "address":
                assert any(e.startswith(k, m.end) and k not in m.titles for m in ms), (k, e)
            else:
                assert not any(t.endswith(k) for m in ms for t in m.titles), (k, e)
        for e in counter:
            assert any(t.endswith(k) for m in persons.match(e, set()) for t in m.titles), (k, e)


def test_title_links_give_the_list_its_title():
    from tag_helpers import tag
    for k in data.marked("event_words", "title_link"):
        ex, counter = data.examples("event_words")[k]
        for e in ex:  # every name of the list after the linking word has the title before it
            a = tag([e + "。"])
            title = e[:e.index(k)][-3:]
            assert a.persons and all(title in " ".join(p.titles) for p in a.persons), (k, e, a.persons)
        for e in counter:  # no list of names follows: nobody is read
            assert not tag([e + "。"]).persons, (k, e)


def test_rules_only_rows_stand_in_the_feature_tables_they_name():
    from jianbao.tag import ner
    for r in data.rows("rules_only"):
        for table in r[1].split():
            assert table in ner.FEATURE_TABLES and r[0] in data.keys(table), r
            assert r[0] not in data.model_keys(table), r
