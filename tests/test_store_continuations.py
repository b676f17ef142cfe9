"""Continued articles (下转第二版 … 上接第一版) are one logical article in search and export."""
from __future__ import annotations

from jianbao.model import Article, PageDoc, PageMeta
from jianbao.pipeline import read_path, run_page
from jianbao.settings import Settings
from jianbao.store import open_archive
from conftest import EXAMPLES

P1 = EXAMPLES / "linjiang-daily-2023-05-12-p01.md"
P2 = EXAMPLES / "linjiang-daily-2023-05-12-p02.md"


def add(a, path):
    page = read_path(path, Settings())
    a.add(run_page(page, Settings()), page.text)


import pytest


@pytest.mark.parametrize("order", [(P1, P2), (P2, P1)], ids=["p1-first", "p2-first"])
def test_parts_are_linked_in_either_ingest_order(db_target, order):
    with open_archive(db_target) as a:
        for p in order:
            add(a, p)
        [hit] = a.search('"临江综保区与临江港联动"')   # words only in the part on page 2
        assert hit.parts == 2
        assert hit.headline == "以链式思维育集群 以开放姿态拓空间"   # the first part's head
        la = a.logical(hit.logical_id)
        assert la.pages == ["1", "2"]
        assert la.article.paragraphs[0].startswith("5月11日上午")
        assert any("临江综保区与临江港联动" in p for p in la.article.paragraphs)


def test_replacing_a_part_keeps_the_link(db_target, tmp_path):
    with open_archive(db_target) as a:
        add(a, P1)
        add(a, P2)
        changed = tmp_path / P2.name
        changed.write_text(P2.read_text(encoding="utf-8").replace("联动", "協同联动"), encoding="utf-8")
        add(a, changed)
        [hit] = a.search("協同联动")
        assert hit.parts == 2
        assert a.stats()["pages"] == 2


def _page(number: str, *articles: Article) -> PageDoc:
    meta = PageMeta(paper="临江日报", date="2023-06-01", page=number, source=f"p{number}.md")
    return PageDoc(meta=meta, articles=list(articles), sha1=f"sha-{number}")


def test_the_archive_pairs_by_the_cuts_rule(db_target):
    """The stored parts of an issue are paired by cut/continuations.py's rule: page numbers as
    numbers (A1 is page 1), then the part whose headline shares most with the first part's."""
    first = Article(id="a", headline="全力推进城市更新", continued_on="第3版", paragraphs=["开头。"])
    p3 = _page("3", Article(id="x", headline="乡村振兴见成效", continued_from="A1", paragraphs=["别的。"]),
               Article(id="y", headline="城市更新", continued_from="A1", paragraphs=["接着。"]))
    with open_archive(db_target) as a:
        a.add(p3, "page 3")
        a.add(_page("A1", first), "page 1")
        parts = dict(a.db.fetchall("SELECT uid, part FROM articles"))
        roots = dict(a.db.fetchall("SELECT a.uid, r.uid FROM articles a JOIN articles r ON r.id = a.logical_id"))
    assert parts == {"a": 1, "x": 1, "y": 2}
    assert roots == {"a": "a", "x": "x", "y": "a"}


def test_a_jump_from_a_page_of_no_number_joins_nothing(db_target):
    """A dated page stored without its number: its 转第3版 part cannot be told from which page it
    jumps, so no part of page 3 (one without any 上接 line least of all) becomes its continuation."""
    loose = PageDoc(meta=PageMeta(paper="临江日报", date="2023-06-01", source="loose.md"), sha1="sha-loose",
                    articles=[Article(id="a", headline="城市更新", continued_on="3", paragraphs=["开头。"])])
    with open_archive(db_target) as a:
        a.add(loose, "loose page")
        a.add(_page("3", Article(id="y", headline="城市更新", paragraphs=["另一篇。"])), "page 3")
        assert dict(a.db.fetchall("SELECT uid, part FROM articles")) == {"a": 1, "y": 1}
