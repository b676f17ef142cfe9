"""The start-up cache (startcache.py): a table read back from disk is the table built, and a change to
its sources or its code, a damaged file or a folder that cannot be written makes it built again."""
from __future__ import annotations

import os
import pickle

import pytest

from jianbao import startcache


@pytest.fixture
def where(tmp_path, monkeypatch):
    monkeypatch.setenv("JIANBAO_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _source(tmp_path, text="甲乙丙"):
    src = tmp_path / "words.txt"
    src.write_text(text, encoding="utf-8")
    code = tmp_path / "builder.py"
    if not code.exists():
        code.write_text("# builds the table\n", encoding="utf-8")
    return src, code


def test_built_once_then_read(where, tmp_path):
    src, code = _source(tmp_path)
    calls = []

    def build():
        calls.append(1)
        return {"甲": (1, "n"), "乙": (2, "v")}
    first = startcache.cached("t", code, [src], build)
    again = startcache.cached("t", code, [src], build)
    assert first == again == {"甲": (1, "n"), "乙": (2, "v")}
    assert list(again) == list(first)  # order kept
    assert len(calls) == 1
    assert len(list(where.glob("t-*.pickle"))) == 1


def test_source_or_code_changed_builds_again(where, tmp_path):
    src, code = _source(tmp_path)
    got = []
    assert startcache.cached("t", code, [src], lambda: got.append(1) or "one") == "one"
    src.write_text("甲乙丙丁", encoding="utf-8")   # new size (and time): a new key
    assert startcache.cached("t", code, [src], lambda: got.append(2) or "two") == "two"
    code.write_text("# builds it otherwise\n", encoding="utf-8")
    assert startcache.cached("t", code, [src], lambda: got.append(3) or "three") == "three"
    assert got == [1, 2, 3]


def test_damaged_file_is_built_again(where, tmp_path):
    src, code = _source(tmp_path)
    startcache.cached("t", code, [src], lambda: [1, 2])
    (path,) = where.glob("t-*.pickle")
    path.write_bytes(b"not a pickle")
    assert startcache.cached("t", code, [src], lambda: [1, 2, 3]) == [1, 2, 3]
    assert pickle.loads(path.read_bytes()) == [1, 2, 3]


def test_off_and_unwritable(tmp_path, monkeypatch):
    src, code = _source(tmp_path)
    monkeypatch.setenv("JIANBAO_CACHE", "off")
    assert startcache.folder() is None
    assert startcache.cached("t", code, [src], lambda: 5) == 5
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("JIANBAO_CACHE", str(blocked / "cache"))  # cannot be made: built each time
    assert startcache.cached("t", code, [src], lambda: 6) == 6
    assert startcache.cached("t", code, [src], lambda: 7) == 7


def test_stale_files_of_other_keys_go_after_a_week(where, tmp_path):
    src, code = _source(tmp_path)
    where.mkdir(parents=True)
    old, recent = where / "t-old.pickle", where / "t-recent.pickle"
    for p in (old, recent):
        p.write_bytes(pickle.dumps(0))
    week = startcache.STALE + 60
    os.utime(old, (os.path.getmtime(old) - week,) * 2)
    startcache.cached("t", code, [src], lambda: 1)
    assert not old.exists() and recent.exists()


def test_cached_tables_equal_their_builds(where):
    """What the tagger and the archive read through the cache is what they built before it."""
    from jianbao.tag import lexicon, ner
    ner._char_dist.cache_clear()
    try:
        assert ner._char_dist() == ner._build_char_dist()      # written
        ner._char_dist.cache_clear()
        assert ner._char_dist() == ner._build_char_dist()      # read back
    finally:
        ner._char_dist.cache_clear()
    lexicon.gazetteer.cache_clear()
    try:
        built = lexicon._build_gazetteer()
        for _ in range(2):             # written, then read back
            lexicon.gazetteer.cache_clear()
            g = lexicon.gazetteer()
            assert (g.full, g.short, g.parent, g.world) == (built.full, built.short, built.parent, built.world)
            assert list(g.full) == list(built.full) and list(g.short) == list(built.short)
    finally:
        lexicon.gazetteer.cache_clear()


def test_cached_jieba_prefix_dictionary_is_jiebas(where):
    """The segmenter's prefix dictionary read from the cache is the one jieba_fast builds itself."""
    jieba_fast = pytest.importorskip("jieba_fast")
    from jianbao.tag import ner
    for _ in range(2):                 # written, then read back
        ours = ner._load_tokenizer()
        theirs = jieba_fast.Tokenizer(dictionary=ours.dictionary)
        theirs.initialize()
        assert ours.initialized and ours.total == theirs.total and ours.FREQ == theirs.FREQ
        text = "河北日报客户端记者从省政府新闻办获悉，全省高速公路网总里程突破八千公里"
        assert list(ours.cut(text, HMM=True)) == list(theirs.cut(text, HMM=True))
