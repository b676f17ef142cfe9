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
        assert not est.total_exact and est.total % 2 == 0
        browse = facet_counts(a.db, None, exact_up_to=1)
        assert browse.every == 4 and browse.total == 4
