"""store.facets: facet counts over a search (or the whole archive), and search with a section filter."""
from __future__ import annotations

from jianbao.store import Filters, open_archive
from jianbao.store.facets import count, facet_counts, find
from tag_docs import page, visit


def fill(target: str) -> None:
    with open_archive(target) as a:
        a.add(*page("衡阳日报", "2021-07-31", "1", [visit("秦国文", "市委书记", "衡山科学城", "2021-07-30", ["刘正兴"]),
                                                  visit("朱健", "市长", "雁峰区", "2021-07-30")]))
        a.add(*page("衡阳日报", "2021-08-02", "1", [visit("秦国文", "市委书记", "雁峰区", "2021-08-01")]))
        a.add(*page("临江日报", "2022-03-15", "2", [visit("周立衡", "市委书记", "临江高新区", "2022-03-14")]))


def test_facets_count_matching_articles(db_target):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        f = facet_counts(a.db, "调研").counts
        assert f["paper"] == [("衡阳日报", 3), ("临江日报", 1)]
        assert f["year"] == [("2022", 1), ("2021", 3)]
        assert f["month"] == [("2022-03", 1), ("2021-08", 1), ("2021-07", 2)]
        assert f["section"] == [("要闻", 4)] and f["type"] == [("调研", 4)]
        assert f["person"][0] == ("秦国文", 2) and ("刘正兴", 1) in f["person"]
        assert f["place"][0] == ("雁峰区", 2)
        f = facet_counts(a.db, "秦国文", Filters(date_from="2021-08-01")).counts
        assert f["paper"] == [("衡阳日报", 1)] and f["person"] == [("秦国文", 1)]
        assert facet_counts(a.db, None).counts["paper"] == [("衡阳日报", 3), ("临江日报", 1)]   # no query: all
        assert facet_counts(a.db, "无此词").counts["paper"] == [] and facet_counts(a.db, "无此词").total == 0
        assert len(facet_counts(a.db, "调研", limit=1).counts["person"]) == 1


def test_find_and_count_with_section_and_without_query(db_target):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        assert count(a.db, "调研") == a.count("调研") == 4
        assert count(a.db, "调研", section="要闻") == 4 and count(a.db, "调研", section="副刊") == 0
        for q in ("雁峰区", "调研", "秦国文 市委", '"到雁峰区"'):   # the same hits and snippets as store.search
            assert [(h.headline, h.snippet, h.marks) for h in find(a.db, q)] == \
                [(h.headline, h.snippet, h.marks) for h in a.search(q)]
        newest = find(a.db, "", limit=2)
        assert [h.date for h in newest] == ["2022-03-15", "2021-08-02"]
        assert find(a.db, None, Filters(paper="临江日报"))[0].headline == "周立衡到临江高新区调研"
        assert [h.headline for h in find(a.db, None, limit=1, offset=3)] and find(a.db, None, offset=4) == []


def test_very_common_queries_are_counted_over_a_sample(db_target):
    fill(db_target)
    with open_archive(db_target, readonly=True) as a:
        exact = facet_counts(a.db, "调研")
        assert (exact.total, exact.total_exact, exact.every) == (4, True, 1)
        est = facet_counts(a.db, "调研", exact_up_to=2)
        assert est.every == 2 and est.total == 4 and est.total_exact      # unfiltered: the total stays exact
        assert all(n % 2 == 0 for rows in est.counts.values() for _, n in rows)   # scaled samples
        assert sum(n for _, n in est.counts["paper"]) in (0, 2, 4, 6, 8)
        est = facet_counts(a.db, "调研", Filters(paper="衡阳日报"), exact_up_to=2)
        assert est.total_exact and est.total == 3 and est.every == 2   # a filtered total is counted too
        browse = facet_counts(a.db, None, exact_up_to=1)
        assert browse.every == 4 and browse.total == 4


def fill_common(target: str, n: int = 48) -> None:
    """n articles saying 调研 over three papers and four months, tagged (visits)."""
    with open_archive(target) as a:
        for k in range(0, n, 6):
            arts = [visit(f"人物{(k + j) % 5}", "市长", f"第{(k + j) % 7}区", f"2021-0{(k + j) % 4 + 1}-10") for j in range(6)]
            a.add(*page(("衡阳日报", "临江日报", "枫林日报")[k % 3], f"2021-0{k % 4 + 1}-{k // 6 + 1:02d}", "1", arts))


def test_common_words_are_counted_over_the_sample_index(db_target, monkeypatch):
    """Past COUNT_UP_TO matches the total is estimated (not exact), over the same systematic sample
    whichever index is read: SQLite's sample index holds exactly the sampled articles."""
    from jianbao.store import facets
    from jianbao.store.index import SAMPLE, in_sample
    fill_common(db_target)
    with open_archive(db_target, readonly=True) as a:
        ids = [r[0] for r in a.db.fetchall("SELECT id FROM articles")]
        if a.db.dialect == "sqlite":   # the sample index holds the sampled articles, and only them
            got = {r[0] for r in a.db.fetchall("SELECT rowid FROM article_fts_sample WHERE article_fts_sample MATCH ?",
                                               ('"调研"',))}
            assert got == {i for i in ids if in_sample(i)} and got
        exact = facet_counts(a.db, "调研", exact_up_to=4)
        assert (exact.total, exact.total_exact) == (48, True)    # within COUNT_UP_TO: exact
        monkeypatch.setattr(facets, "COUNT_UP_TO", 10)
        est = facet_counts(a.db, "调研", exact_up_to=4)
        sampled = sum(in_sample(i) for i in ids)
        if a.db.dialect == "sqlite":
            assert est.every == SAMPLE and not est.total_exact and est.total == sampled * SAMPLE
            assert sum(n for _, n in est.counts["paper"]) == sampled * SAMPLE
            frm, args, _ = facets.matching(a.db, "调研", every=SAMPLE)
            from_sample = sorted(a.db.fetchall("SELECT a.id " + frm, args))
            a.db.__dict__.setdefault("_has", {})["article_fts_sample"] = False   # as if it had none: the main index
            frm, args, _ = facets.matching(a.db, "调研", every=SAMPLE)
            assert "article_fts_sample" not in frm and sorted(a.db.fetchall("SELECT a.id " + frm, args)) == from_sample
        else:   # PostgreSQL counts exactly (no sample index)
            assert est.total == 48 and est.total_exact
        # every page is 衡阳日报's; without a sample index (as set above) the total is counted on
        filtered = facet_counts(a.db, "调研", Filters(paper="衡阳日报"), exact_up_to=4)
        assert filtered.total_exact and filtered.total == 48 and filtered.total_margin == 0


def test_a_walk_already_made_spares_counting(db_target):
    """facet_counts takes what a Ranking's walk saw (all matches, or more than its window) instead of
    counting the matches again, with the same result."""
    from jianbao.store.search import Ranking
    fill_common(db_target, 12)
    with open_archive(db_target, readonly=True) as a:
        r = Ranking(a.db, "调研")
        assert r.walked == (12, True) and Ranking(a.db, "调研", window=5).walked == (6, False)
        assert facet_counts(a.db, "调研", walked=r.walked) == facet_counts(a.db, "调研")
        f = Filters(paper="衡阳日报")   # a filtered walk serves the filtered facets
        assert facet_counts(a.db, "调研", f, walked=Ranking(a.db, "调研", f).walked) == facet_counts(a.db, "调研", f)
        assert [h.article_id for h in find(a.db, "调研", ranking=r)] == [h.article_id for h in find(a.db, "调研")]


def test_held_columns_count_as_the_statement_does(tmp_path, monkeypatch):
    """A serving process holds the facet columns (columns.py) once an archive state is asked for often
    enough: the counts are the statement's, for every filter and sample, and a write is counted at once
    (the statement counts until the columns are read anew)."""
    from jianbao.store import columns, facets
    target = str(tmp_path / "archive.db")
    fill_common(target, 36)
    fill(target)
    monkeypatch.setattr(columns, "SETTLE", 0.0)
    monkeypatch.setattr(columns, "REFRESH", 0.0)
    monkeypatch.setattr(columns, "BACKGROUND", False)   # read in the asking thread, at once
    asks = [("调研", Filters(), 1), ("调研", Filters(paper="临江日报"), 1), ("市长", Filters(date_from="2021-02-01"), 2),
            ("调研", Filters(type="调研"), 16), ("秦国文", Filters(), 1), ("无此词", Filters(), 1)]

    def both(a):
        monkeypatch.setattr(columns, "HOLD_AFTER", 10 ** 9)   # the statement only
        by_sql = [facets._facets(a.db, q, f, None, k, 0) for q, f, k in asks]
        monkeypatch.setattr(columns, "HOLD_AFTER", 1)
        held = [facets._facets(a.db, q, f, None, k, 0) for q, f, k in asks]
        return by_sql, held

    with open_archive(target, readonly=True) as a:
        by_sql, held = both(a)
        assert columns.held(a.db) is not None and held == by_sql
        assert dict(held[0]["person"])["秦国文"] == 2 and dict(held[0]["type"])["调研"] == 40
        with open_archive(target) as w:   # a write: its article is counted at once
            w.add(*page("枫林日报", "2023-01-05", "3", [visit("秦国文", "市委书记", "雁峰区", "2023-01-04")]))
        by_sql2, held2 = both(a)
        assert held2 == by_sql2 != by_sql and dict(held2[4]["paper"])["枫林日报"] == 1


def test_held_columns_are_read_in_a_thread_of_their_own(tmp_path, monkeypatch):
    """No request waits for the columns: they are read in the background, and counted with once there."""
    import time

    from jianbao.store import columns, facets
    target = str(tmp_path / "archive.db")
    fill(target)
    monkeypatch.setattr(columns, "HOLD_AFTER", 2)
    with open_archive(target, readonly=True) as a:
        by_sql = facet_counts(a.db, "调研")
        assert columns.held(a.db) is None   # the second ask: reading starts, the statement counts
        for _ in range(200):
            if columns.held(a.db) is not None:
                break
            time.sleep(0.05)
        assert columns.held(a.db) is not None and facet_counts(a.db, "调研") == by_sql
        assert facets._held_counts(a.db, "调研", Filters(), None, 1) is not None
