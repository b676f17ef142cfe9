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
