"""jianbao_rank (store/_rank.c, store/rank.py): FTS5's BM25 without its count of every matching row.
Given each phrase's count it scores every row as bm25() does; the searches that use it order their
results as bm25() would, for queries of one phrase (no counts) and of several."""
from __future__ import annotations

import random

import pytest

from jianbao.model import Article, PageDoc, PageMeta
from jianbao.store import Filters, open_archive, rank
from jianbao.store.facets import find
from jianbao.store.search import Ranking, _fts5, fts_match, parse

WORDS = ["秋收", "调研", "衡山科学城", "座谈会", "产业", "项目", "群众", "乡村振兴", "科技"]


def _archive(path, n: int = 80):
    rnd = random.Random(11)
    a = open_archive(str(path))
    for k in range(n):
        day = f"2021-{1 + k % 12:02d}-{1 + k % 28:02d}"
        arts = []
        for j in range(rnd.randint(1, 3)):
            head = "".join(rnd.sample(WORDS, rnd.randint(1, 2)))
            body = "，".join("".join(rnd.choices(WORDS, k=rnd.randint(1, 4))) for _ in range(rnd.randint(1, 12)))
            body = "，群众" * rnd.randint(1, 6) * (rnd.random() < 0.9) + body   # in most articles: a low IDF
            body += "，港口" * rnd.randint(1, 3) * (rnd.random() < 0.15)           # in few: a high one
            arts.append(Article(id=f"r{k}-{j}", headline=head, paragraphs=[body + "。"]))
        doc = PageDoc(PageMeta(rnd.choice(["衡阳日报", "临江日报"]), day, str(k), "要闻", f"r{k}.md"), arts)
        doc.sha1 = f"{k:040x}"
        a.add(doc, "\n".join(x.headline + "\n" + x.paragraphs[0] for x in arts))
    return a


QUERIES = ["秋收", "科", "乡村振兴", "调研 项目", "群众 港口", "群众 科 港口", '"产业项目"', "衡山科学城 座谈会"]


def test_the_ranking_function_is_built():
    assert rank.AVAILABLE, ("store/_rank.c was not built or cannot be registered: install a C compiler and "
                            "SQLite's headers (Debian: gcc libsqlite3-dev), then `make setup` again")


# the filter words (third column) weigh nothing in every search, and are given no counts
@pytest.mark.parametrize("weights", ["4.0, 1.0, 0.0", "0.5, 2.0, 0.0", "1.0, 1.0, 0.0"])
def test_given_the_counts_it_scores_every_row_as_bm25(tmp_path, weights):
    a = _archive(tmp_path / "a.db")
    checked = 0
    for q in QUERIES:
        for f in (Filters(), Filters(paper="衡阳日报", date_from="2021-03-01", date_to="2021-08-31")):
            terms = parse(q)
            match, _ = fts_match(a.db, terms, f)
            counts = [a.db.fetchone("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", (_fts5([t]),))[0]
                      for t in terms]
            args = "".join(f", {n}" for n in counts)
            rows = a.db.fetchall(f"SELECT rowid, bm25(article_fts, {weights}), "
                                 f"jianbao_rank(article_fts, {weights}{args}) "
                                 "FROM article_fts WHERE article_fts MATCH ?", (match,))
            for rowid, want, got in rows:
                assert got == pytest.approx(want, rel=1e-12, abs=1e-12), (q, f, rowid)
            checked += len(rows)
    assert checked > 100
    a.close()


def _bm25_order(db, q: str, f: Filters) -> list[int]:
    match, rest = fts_match(db, parse(q), f)
    assert rest == Filters()   # these filters are all words of the index
    return [r[0] for r in db.fetchall("SELECT rowid FROM article_fts WHERE article_fts MATCH ? "
                                      "ORDER BY bm25(article_fts, 4.0, 1.0, 0.0), rowid", (match,))]


def test_searches_order_their_results_as_bm25(tmp_path):
    a = _archive(tmp_path / "a.db")
    for q in QUERIES:
        for f in (Filters(), Filters(paper="临江日报")):
            want = _bm25_order(a.db, q, f)
            assert want, q
            assert [aid for aid, _, _ in Ranking(a.db, q, f).page(1000)] == want, (q, f)
            # the page-section path ranks in one statement of its own (facets.find)
            got = [h.article_id for h in find(a.db, q, f, section="要闻", limit=1000)]
            assert got == [h.article_id for h in find(a.db, q, f, limit=1000)], (q, f)
    a.close()
