"""Continued articles (下转第二版 … 上接第一版) are one logical article in search and export."""
from __future__ import annotations

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
