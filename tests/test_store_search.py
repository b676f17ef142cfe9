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
