"""The curated tables load, have unique keys, carry notes, and agree with each other."""
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
    assert {r[1] for r in data.rows("dates")} <= {"rel", "week", "vague", "anaphor", "tod"}
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
