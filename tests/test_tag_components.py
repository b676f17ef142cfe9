"""The tagger is a pipeline of components over one article (jianbao.tag.PIPELINE): each declares
what it reads and writes, and reads only what the article gives or an earlier component wrote."""
from jianbao.model import Article
from jianbao.tag import INPUTS, PIPELINE, State, tag_article


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
