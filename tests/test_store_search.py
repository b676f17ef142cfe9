"""`jianbao search`: substring-exact Chinese search, ranking, filters, snippets, bad queries."""
from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from jianbao.store import Filters, QueryError, open_archive
from jianbao.store.search import match_ids, parse
from jianbao.store.tokens import norm
from tag_docs import page, visit


@pytest.fixture
def arch(db_target):
    a = open_archive(db_target)
    docs = [
        page("衡阳日报", "2021-07-31", "1", [visit("秦国文", "市委书记", "衡山科学城", "2021-07-30", ["刘正兴"]),
                                          visit("朱健", "市长", "衡阳综合保税区", "2021-07-30")]),
        page("衡阳日报", "2021-08-02", "1", [visit("秦国文", "市委书记", "雁峰区", "2021-08-01"),
                                          visit("何恩广", "副市长", "衡山科学城", "2021-08-01",
                                                headline="何恩广调研科学城5G产业园")]),
        page("临江日报", "2022-03-15", "2", [visit("周立强", "市委书记", "临江高新区", "2022-03-14")]),
    ]
    for doc, text in docs:
        a.add(doc, text)
    yield a
    a.close()


def headlines(hits):
    return [h.headline for h in hits]


def test_words_of_any_length(arch):
    assert len(arch.search("调研")) == 5
    assert set(headlines(arch.search("衡山科学城"))) == {"秦国文到衡山科学城调研", "何恩广调研科学城5G产业园"}
    assert arch.count("衡") == 3  # one character: 衡山 ×2, 衡阳
    assert arch.count("5g") == 1 and arch.count("5G产业") == 1  # Latin letters fold case


def test_all_words_must_match(arch):
    assert headlines(arch.search("秦国文 衡山")) == ["秦国文到衡山科学城调研"]
    assert arch.search("秦国文 临江") == []


def test_phrases_in_quotes(arch):
    assert arch.count('"衡山科学城"') == 2
    assert arch.count('"科学城 5G"') == 0  # a phrase is consecutive


def test_ranking_prefers_the_headline(arch):
    from jianbao.model import Article
    body = "今年全县种植面积稳中有增，农技人员深入田间指导。" * 3
    arch.add(*page("临江日报", "2022-05-01", "3", [
        Article(headline="春耕生产忙", paragraphs=["全县早稻插秧进度过半，水稻长势良好。" + body]),
        Article(headline="水稻丰收在望", paragraphs=["各地抢抓农时，田间一派繁忙景象。" + body])]))
    hits = arch.search("水稻")
    assert [h.headline for h in hits] == ["水稻丰收在望", "春耕生产忙"]
    assert hits[0].score > hits[1].score


def test_filters(arch):
    assert arch.count("调研", Filters(paper="临江日报")) == 1
    assert arch.count("调研", Filters(date_from="2021-08-01")) == 3
    assert arch.count("调研", Filters(date_to="2021-07-31")) == 2
    assert arch.count("调研", Filters(person="秦国文")) == 2
    assert arch.count("调研", Filters(place="衡山科学城")) == 2
    assert arch.count("调研", Filters(type="会见")) == 0


def test_a_phrase_never_matches_across_punctuation(db_target):
    """Substring-exact: 25亿 is not in "25.5亿", nor 北京城 in "北京，京城" (their runs used to stand side
    by side in the index)."""
    from jianbao.model import Article
    a = open_archive(db_target)
    a.add(*page("衡阳日报", "2021-07-31", "1", [Article(headline="产值", paragraphs=["预计年产值可达25.5亿元。北京，京城。"])]))
    assert a.count("25亿") == 0 and a.count("北京城") == 0 and a.count("亿元北京") == 0
    assert a.count("25") == 1 and a.count('"25.5亿"') == 1 and a.count("可达25") == 1 and a.count("北京 京城") == 1
    a.close()


def test_snippets_mark_every_match(arch):
    [hit] = arch.search("雁峰区")
    assert all(hit.snippet[a:b] == "雁峰区" for a, b in hit.marks) and len(hit.marks) >= 2


def test_search_agrees_with_exact_substring_matching(db_target):
    from jianbao.synth import generate_page
    from jianbao.pipeline import read_bytes, run_page
    a = open_archive(db_target)
    bodies = []
    for seed in range(40):
        text, _ = generate_page(seed)
        doc = run_page(read_bytes(text.encode(), f"s{seed}.md"))
        a.add(doc, text)
    rows = a.db.fetchall("SELECT id, kicker, headline, subheadline, body FROM articles")
    for aid, k, h, s, body in rows:
        sub = a.db.fetchall("SELECT text FROM subheadings WHERE article_id=?", (aid,))
        bodies.append((aid, norm("\n".join(x for x in (k, h, s, body, *[r[0] for r in sub]) if x))))
    rnd = random.Random(7)
    for _ in range(60):
        aid, text = rnd.choice(bodies)
        n = rnd.randint(2, 6)
        i = rnd.randrange(0, max(1, len(text) - n))
        q = text[i:i + n]
        if not q.isalnum():
            continue
        want = {x for x, t in bodies if q in t}
        got = {x for x, _, _ in match_ids(a.db, q, limit=10000)}
        assert got == want, q
    a.close()


@pytest.mark.parametrize("query, message", [
    ("", "no letters or digits"), ("，。！？……", "no letters or digits"), ("调" * 10000, "limit is 200"),
])
def test_bad_queries_get_a_clear_message(query, message):
    with pytest.raises(QueryError, match=message):
        parse(query)


@pytest.mark.parametrize("query", ['AND OR NEAR(', '"衡山科学城', 'title:调研', '调研*', "NOT 调研", '"" ""x'])
def test_fts_syntax_is_searched_as_text_never_an_error(arch, query):
    arch.search(query)  # no exception from the engine


def test_cli_search_messages_and_json(db_target, arch):
    run = lambda *a: subprocess.run([sys.executable, "-m", "jianbao", "search", *a, "--db", db_target],  # noqa: E731
                                    capture_output=True, text=True)
    r = run("，，，")
    assert r.returncode == 2 and "no letters or digits" in r.stderr and "Traceback" not in r.stderr
    r = run("AND OR NEAR(")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    r = run("5G产业园", "--json", "--limit", "1")
    hit = json.loads(r.stdout)
    assert hit["headline"] == "何恩广调研科学城5G产业园" and hit["marks"] and hit["paper"] == "衡阳日报"


def test_common_words_are_ranked_among_their_newest_matches(db_target):
    """Past the window, a word's newest matches come first, ranked; then the older ones, newest first,
    with the same filters and without a gap or a repeat at the window's edge."""
    from jianbao.model import Article
    a = open_archive(db_target)
    # page k (stored in order) has one article; the headline says 水稻 in articles 1 and 4 only
    for k in range(6):
        head = "水稻丰收" if k in (1, 4) else f"秋收进度{k}"
        paper = "临江日报" if k % 2 else "衡阳日报"
        a.add(*page(paper, f"2022-05-0{k + 1}", "1", [Article(headline=head, paragraphs=[f"今年水稻长势好。第{k}篇。"])]))
    ids = [r[0] for r in a.db.fetchall("SELECT id FROM articles ORDER BY id")]
    got = [r[0] for r in match_ids(a.db, "水稻", Filters(), 10, 0, window=3)]
    # newest three (5, 4, 3) ranked: 4 has the word in its headline; then 2, 1, 0 newest first
    assert got[0] == ids[4] and set(got[:3]) == {ids[5], ids[4], ids[3]} and got[3:] == [ids[2], ids[1], ids[0]]
    pages = [r[0] for off in range(0, 6, 2) for r in match_ids(a.db, "水稻", Filters(), 2, off, window=3)]
    assert pages == got
    # filtered: 临江日报 holds 1, 3, 5; the window is its own newest three
    got = [r[0] for r in match_ids(a.db, "水稻", Filters(paper="临江日报"), 10, 0, window=2)]
    assert set(got[:2]) == {ids[5], ids[3]} and got[2:] == [ids[1]]
    # no more matches than the window: every one ranked
    got = [r[0] for r in match_ids(a.db, "水稻", Filters(), 10, 0, window=50)]
    assert set(got[:2]) == {ids[1], ids[4]} and len(got) == 6
    a.close()


def test_filtered_search_is_driven_by_the_index(tmp_path):
    """A rare word in a paper: every statement walks the word's matches first, not the paper's
    rows (probing the index once per row of the paper took 500 ms for a word found twice)."""
    from jianbao.model import Article
    from jianbao.store.facets import facet_counts, find
    a = open_archive(str(tmp_path / "p.db"))
    for k in range(120):   # 40 papers: a paper looks selective to the planner
        a.add(*page("衡阳日报" if k < 3 else f"第{k % 40}日报", f"2021-0{k % 9 + 1}-1{k % 10}", str(k), [
            Article(headline=f"第{k}篇", paragraphs=[f"秋收进度过半，第{k}号。" + ("秦国文到衡山调研。" if k == 1 else "")])]))
    a.db.execute("ANALYZE")
    seen = []
    for name in ("fetchall", "fetchone"):
        real = getattr(a.db, name)
        setattr(a.db, name, lambda sql, params=(), real=real: (seen.append((sql, list(params))), real(sql, params))[1])
    filters = Filters(paper="衡阳日报", date_from="2021-01-01")
    assert [h.headline for h in find(a.db, "秦国文", filters)] == ["第1篇"]
    assert facet_counts(a.db, "秦国文", filters).total == 1 and a.count("秦国文", filters) == 1
    assert len(match_ids(a.db, "秦国文", filters)) == 1
    joined = [(s, p) for s, p in seen if "MATCH" in s and "articles a" in s]
    assert len(joined) >= 4
    for sql, params in joined:
        plan = [r[3] for r in a.db.conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
        first = next(p for p in plan if p.startswith(("SCAN", "SEARCH")))
        assert "article_fts VIRTUAL TABLE" in first, (sql, plan)
    a.close()


def test_snippets_find_words_written_in_full_width_forms():
    from jianbao.store.search import make_snippet
    text = "会上，ＡＢＣ公司负责人介绍了５Ｇ基站和½的进度；abc公司随后发言。"
    snippet, marks = make_snippet(text, [["abc公司"]])
    assert [snippet[x:y] for x, y in marks] == ["ＡＢＣ公司", "abc公司"]
    snippet, marks = make_snippet(text, [["5g基站"]])
    assert [snippet[x:y] for x, y in marks] == ["５Ｇ基站"]


def test_snippets_of_long_articles_normalise_only_what_they_show():
    """A snippet reads the text only up to a little past its window; it is the same as from the whole
    text, and a match written in full-width forms early still comes before one written plainly later."""
    from jianbao.store.search import _normalised_with_map, make_snippet

    def whole(text, terms, width=60):   # the snippet as computed over the whole text
        norm, where = _normalised_with_map(text)
        k = min(norm.find(r) for t in terms for r in t if norm.find(r) >= 0)
        a = max(0, where[k] - width // 2)
        return ("…" if a else "") + text[a:a + 2 * width].replace("\n", " ") + ("…" if a + 2 * width < len(text) else "")

    text = "前言。" * 30 + "５Ｇ基站建成。" + "正文\n" * 400 + "5G基站又建成。" + "结尾" * 300
    for terms in ([["5g基站"]], [["正文"]], [["结尾"]], [["前言"], ["5g"]]):
        snippet, marks = make_snippet(text, terms)
        assert snippet == whole(text, terms), terms
        marked = [snippet[x:y].lower().replace("５", "5").replace("ｇ", "g") for x, y in marks]
        assert marked and all(any(m.startswith(r) for t in terms for r in t) for m in marked)   # (touching ones merged)
    snippet, marks = make_snippet(text, [["5g基站"]])
    assert snippet[marks[0][0]:marks[0][1]] == "５Ｇ基站" and snippet.endswith("…")
    assert make_snippet(text, [["无此词"]]) == (text[:120].replace("\n", " "), [])
