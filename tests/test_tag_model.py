"""The trained sequence models: they ship, load lazily, tag text written for these tests, and the
feature function the training script uses is deterministic."""
import importlib.util
import json
from pathlib import Path

import pytest

from jianbao.tag import lac, ner
from jianbao.tag.sentence import rule_spans, spans

ROOT = Path(__file__).resolve().parents[1]


def _train_script():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_model_files_ship_small_with_manifest():
    man = json.loads((ner.DATA / "ner_model.json").read_text(encoding="utf-8"))
    for kind, fn in ner.MODELS.items():
        p = ner.DATA / fn
        assert p.exists() and p.stat().st_size < 50_000_000, fn  # the bound for the repository
        assert man["models"][kind]["file"] == fn and man["models"][kind]["trained_on"]
    assert man["features_version"] == ner.FEATURES_VERSION
    assert "ner_ent.crfsuite" in (ner.DATA / "README.md").read_text(encoding="utf-8")


def test_the_models_were_trained_on_todays_features():
    """The rules, the tables and the feature code feed the models: when what they give on the probe
    sentences changes, the shipped models no longer match it until they are retrained."""
    man = json.loads((ner.DATA / "ner_model.json").read_text(encoding="utf-8"))
    assert man["features_sha256"] == _train_script().probe_sha256(), (
        "the models' features changed since they were trained: run scripts/train_ner.py --write")
    names = {e["file"] for m in man["models"].values() for e in m["trained_on"]}
    assert not names & {"peoples-daily-1998.dev.bio", "test.bio", "resume/test.bio"}  # scored there


def test_models_load_and_tag_a_sentence():
    pytest.importorskip("pycrfsuite")
    assert ner.available() and ner.model("title") is not None
    s = "记者从市发展改革委获悉，副市长周海涛昨天在兰溪县青石镇主持召开座谈会。"
    got = {(s[a:b], lab) for a, b, lab in spans(s)}
    assert ("周海涛", "PER") in got
    assert any(lab == "LOC" and "青石镇" in w for w, lab in got)
    assert any(lab == "TITLE" and w.endswith("副市长") for w, lab in got)


def test_features_are_deterministic_and_script_uses_them():
    s = "张明华在绿原科技有限公司表示，长江以南地区将迎来降雨。"
    neural = lac.read(s) if "ent" in ner.LAC_KINDS else None
    rules = rule_spans(s) if ner.USE_RULES else None
    a = ner.features(s, rules, neural)
    b = ner.features(s, rules, neural)
    assert a == b and len(a) == len(s) and all(f and isinstance(f[0], str) for f in a)
    mod = _train_script()
    (x, tags), = mod.featurize([(s, ["O"] * len(s))])
    assert x == a and tags == ["O"] * len(s)


def test_decode_and_pieces():
    assert ner.decode(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]
    text = ("甲乙丙。" * 300) + "丁" * 900
    ps = ner.pieces(text, 400)
    assert ps[0][0] == 0 and ps[-1][1] == len(text)
    assert all(b - a <= 400 for a, b in ps) and all(ps[i][1] == ps[i + 1][0] for i in range(len(ps) - 1))


def test_long_text_is_tagged_in_pieces():
    pytest.importorskip("pycrfsuite")
    m = ner.model("ent")
    out = m.spans("王" * 1000)
    assert all(0 <= a < b <= 1000 for a, b, _ in out)


def test_article_tagger_asks_the_model_only_where_rules_cannot_decide():
    pytest.importorskip("pycrfsuite")
    from jianbao.model import Article, PageDoc, PageMeta
    from jianbao.settings import Settings
    from jianbao.tag import tag_doc, unknown
    s = "现场观众纷纷为邬佳琪鼓掌喝彩。"
    assert not [x for x in rule_spans(s) if x[2] == "PER"]  # no title, no cue: the rules pass
    a = Article(paragraphs=[s, "市委书记林海涛来到醴陵市调研。"])
    tag_doc(PageDoc(meta=PageMeta(date="2023-05-20"), articles=[a]), Settings())
    assert {p.name for p in a.persons} == {"邬佳琪", "林海涛"}
    # ordinary words, gazetteer names and bodies every place has are the rules' to decide
    assert unknown.decided("城市", "LOC") and unknown.decided("醴陵市", "LOC") and unknown.decided("镇党委", "ORG")
    assert unknown.decided("邓师傅", "PER") and not unknown.decided("邬佳琪", "PER")


def test_training_never_sees_the_scored_lines(tmp_path):
    """The title model's training lines and bench/tag.py's held-back tenth are disjoint and cover
    the file; the K-fold split puts sentence i in fold i mod K."""
    import sys
    mod = _train_script()
    lines = [json.dumps({"text": f"第{i}行的经理", "label": {"position": {"经理": [[len(str(i)) + 3, len(str(i)) + 4]]}}},
                        ensure_ascii=False) for i in range(260)]
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    train = {t for t, _ in mod.read_cluener(p, {"position": "TITLE"})}
    held = {t for t, _ in mod.read_cluener(p, {"position": "TITLE"}, train=False)}
    assert not train & held and len(train) + len(held) == 260
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("bench_tag", ROOT / "bench" / "tag.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert {t for t, _ in bench.read_cluener(p)} == held
    tags = [("B-TITLE" if k == 0 else "I-TITLE") for k in range(2)]
    assert mod.read_cluener(p, {"position": "TITLE"})[0][1][-2:] == tags


def test_model_persons_are_mended_foreign_parts_joined_addresses_dropped():
    t = "会长格雷特施莱格和马克思·卢布里克会见了胡老、常副局长和陈小姐。"
    at = t.index
    parts = [(at("格雷特"), at("施莱格"), "PER"), (at("施莱格"), at("和马"), "PER"),
             (at("马克思"), at("·卢"), "PER"), (at("卢布"), at("会见"), "PER"),
             (at("胡老"), at("胡老") + 2, "PER"), (at("常副"), at("常副") + 4, "PER"),
             (at("陈小姐"), at("陈小姐") + 3, "PER"), (at("会见"), at("会见") + 2, "ORG")]
    got = [(t[a:b], lab) for a, b, lab in ner.join_names(t, parts)]
    assert got == [("格雷特施莱格", "PER"), ("马克思·卢布里克", "PER"), ("胡", "PER"), ("常", "PER"),
                   ("陈", "PER"), ("会见", "ORG")]
    # a person beside another kind of span, or apart by a comma, stays as it is
    u = "李明，王强"
    assert ner.join_names(u, [(0, 2, "PER"), (3, 5, "PER")]) == [(0, 2, "PER"), (3, 5, "PER")]


def test_segmenter_is_the_compiled_one_and_cuts_chinese_as_jieba_does():
    import jieba
    ner._segment("预热")
    assert type(ner._TOKENIZER).__module__.startswith("jieba_fast"), "jieba_fast is pinned in pyproject.toml"
    ref = jieba.Tokenizer()
    lines = ["兰溪县委副书记、县长周海涛昨天到青石镇调研农村供水工作。",
             "阿卜杜勒·萨马德在座谈会上说，双方将在高新区共建智能制造产业园。",
             "市委办机关党委第一党支部开展主题党日活动，重温了入党誓词。",
             "据悉，该项目总投资12.5亿元，预计2024年底建成投产。",
             "热线电话：0731-8888-1234 --本报记者 e-mail: news@example.cn"]
    for s in lines:
        assert ner._segment(s) == list(ref.cut(s, HMM=True)), s


def test_country_short_forms_are_marked_only_where_news_pairs_them():
    def marks(s):
        return {s[i]: x[3:] for i, f in enumerate(ner.features(s)) for x in f if x.startswith("ab=")}
    assert marks("双方认为，中美合作符合两国利益。") == {"中": "P", "美": "P"}
    assert marks("他说，中、阿建交以来，双边贸易增长。") == {"中": "L", "阿": "L"}
    assert marks("遭到巴方拒绝") == {"巴": "F"}
    assert marks("总统去年访美后表示") == {"美": "V"}
    assert marks("中国人民银行在美丽乡村举办活动。") == {}  # alone, the characters are ordinary


def test_a_bare_surname_before_an_address_or_title_is_marked():
    def marks(s):
        return [s[i] + x[3:] for i, f in enumerate(ner.features(s)) for x in f if x.startswith("bs=")]
    assert marks("针对这些弊端，常副局长表示") == ["常A"]
    assert marks("胡老说，老于的女儿考上了大学。") == ["胡A", "于O"]
    assert marks("公安局长到小时候住过的村子。") == []  # 安 ends 公安, 时 begins 小时


def test_spans_with_unpaired_marks_are_mended():
    t = "据英国《海洋医学杂志》报道，《滨江晚报》和“远帆”号科考船"
    s = t.index("英国")
    assert ner.balance_marks(t, s, t.index("》")) == (s, t.index("》") + 1)  # the partner just outside
    a = t.index("滨江")
    assert ner.balance_marks(t, a, t.index("晚报") + 3) == (a, a + 4)  # a stray closing mark at the edge
    assert ner.balance_marks(t, a - 1, a + 5) == (a, a + 4)  # a title in marks and nothing else
    b = t.index("远帆")
    assert ner.balance_marks(t, b, len(t)) == (b - 1, len(t))  # the opening mark just before
    assert ner.balance_marks(t, s, s + 2) == (s, s + 2)  # nothing to mend
    assert ner.balance_marks(t, t.index("》"), t.index("》") + 1) is None
    # a run of titles cut inside the first and the last: mended without looping (the first version
    # recursed without end on such a span)
    u = "他读过《春江水暖》《秋山行旅》《远帆归来》等书。"
    a, b = u.index("春江"), u.index("归来") + 2
    assert ner.balance_marks(u, a, b) == (a - 1, b + 1)
    assert ner.balance_marks("《《》", 0, 3) is not None


def test_mark_pairing_ends_and_stays_inside_the_text_on_any_span():
    import random
    rnd = random.Random(3)
    pieces = ["《甲乙》", "“丙”", "（丁）", "戊", "己", "《", "》", "“", "”"]  # titles, quotes, strays
    for _ in range(3000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8)))
        s = rnd.randrange(len(t))
        e = rnd.randint(s + 1, len(t))
        got = ner.balance_marks(t, s, e)
        assert got is None or 0 <= got[0] < got[1] <= len(t)


def test_a_name_whose_given_part_is_a_rare_dictionary_word_is_read_by_the_model():
    # 德福 is in jieba's dictionary as a rare place name (seen twice): it no longer rules the name out
    from jianbao.tag import unknown
    assert not unknown.decided("袁德福", "PER")
    assert unknown.decided("邓师傅", "PER")


def test_a_missing_or_corrupt_model_file_is_one_line_naming_it(tmp_path, monkeypatch):
    """Never a traceback: the CLI says which file and how to rebuild it, and exits non-zero."""
    import subprocess
    import sys
    from jianbao.errors import ModelError
    page = tmp_path / "p.md"
    page.write_text("# 临江新区启动植树活动\n\n本报讯 3月25日，副市长周海涛在临江新区参加植树活动。\n", encoding="utf-8")
    for name, content in (("missing", None), ("corrupt", b"not a crfsuite model")):
        d = tmp_path / name
        d.mkdir()
        for fn in ner.MODELS.values():
            if content is not None:
                (d / fn).write_bytes(content)
        monkeypatch.setattr(ner, "DATA", d)
        monkeypatch.setattr(ner, "_LOADED", {})
        with pytest.raises(ModelError, match=r"ner_ent\.crfsuite.*train_ner\.py --write"):
            ner.model("ent")
        assert not ner.available()
    code = ("import sys; from jianbao.tag import ner; from pathlib import Path; ner.DATA = Path(sys.argv[1]); "
            "from jianbao.cli import main; sys.argv = ['jianbao', 'cut', sys.argv[2]]; main()")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "corrupt"), str(page)],
                       capture_output=True, text=True)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "ner_ent.crfsuite" in lines[0] and "unreadable" in lines[0]
