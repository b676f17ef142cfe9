"""The archive keeps each place's division (schema version 7): codes stored, the region filter takes
a prefecture with its counties and townships, the exports carry the codes, each paper's home region
is recorded with its evidence, and an archive of version 6 is backfilled."""
from __future__ import annotations

import csv
import json

import pytest

from jianbao.export.archive import export_archive
from jianbao.export.archive.ninjs import to_ninjs
from jianbao.model import Article
from jianbao.store import Filters, open_archive
from jianbao.store.db import connect
from jianbao.store.schema import BASE_VERSION, create
from jianbao.store.write import write_page
from tag_docs import page, visit
from web_helpers import client_for


def fill(a) -> None:
    # invented reports of a city paper: the city, one of its counties, a town of that county, a far city
    a.add(*page("衡阳日报", "2023-03-02", "1", [visit("林海涛", "市委书记", "衡东县", "2023-03-01"),
                                             visit("周海涛", "副市长", "珠晖区", "2023-03-01")]))
    a.add(*page("衡阳日报", "2023-03-03", "1", [visit("林海涛", "市委书记", "衡阳", "2023-03-02"),
                                             visit("陈楚", "市长", "长沙市", "2023-03-02")]))


def test_codes_are_stored_and_the_region_takes_its_counties(db_target):
    with open_archive(db_target) as a:
        fill(a)
        rows = dict(a.db.fetchall("SELECT name, code FROM place_divisions"))
        assert rows == {"衡东县": "430424", "珠晖区": "430405", "衡阳": "430400", "长沙市": "430100"}
        assert a.count("调研", Filters(region="430400")) == 3       # the city and two of its counties
        assert a.count("调研", Filters(region="430424")) == 1
        assert a.count("调研", Filters(region="43")) == 4            # the province holds all four
        assert a.count("调研", Filters(region="4301")) == 1      # significant digits alike
        assert a.count("调研", Filters(region="110000")) == 0


def test_the_paper_home_region_is_recorded_with_its_evidence(db_target):
    with open_archive(db_target) as a:
        fill(a)
        for k in range(3):  # a paper whose name names no place: its articles vote
            a.add(*page("晨光报", f"2023-04-0{k + 1}", "1", [visit("王敏", "县长", "卢氏县", f"2023-04-0{k + 1}")]))
        homes = {h.paper: h for h in a.paper_homes()}
        assert (homes["衡阳日报"].code, homes["衡阳日报"].evidence) == ("430400", "name")
        assert homes["衡阳日报"].vote_code == "430400" and homes["衡阳日报"].votes == 3
        assert (homes["晨光报"].code, homes["晨光报"].evidence, homes["晨光报"].votes) == ("411200", "articles", 3)
        # once recorded, a later article's town resolves in the paper's home region
        a.add(*page("晨光报", "2023-04-09", "1", [visit("王敏", "县长", "城关镇", "2023-04-08")]))
        # (of the country's 88 towns so named, the three in the home prefecture stay)
        assert a.db.fetchone("SELECT code, reason FROM place_divisions WHERE name='城关镇'") == \
            (None, "ambiguous: 3 candidates")
        # a page replaced takes back its votes
        before = homes["衡阳日报"].voted
        doc, text = page("衡阳日报", "2023-03-03", "1", [visit("林海涛", "市委书记", "株洲市", "2023-03-02")])
        a.add(doc, text + "。")
        after = {h.paper: h for h in a.paper_homes()}["衡阳日报"].voted
        assert after == before - 1


def test_exports_carry_the_codes(tmp_path):
    with open_archive(str(tmp_path / "a.db")) as a:
        fill(a)
        export_archive(a, "csv", tmp_path / "csv")
        with open(tmp_path / "csv" / "places.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert list(rows[0]) == ["article_id", "name", "code", "level", "province", "prefecture", "county", "reason"]
        by = {r["name"]: r for r in rows}
        assert by["衡东县"]["code"] == "430424" and by["衡东县"]["prefecture"] == "衡阳市"
        la = a.logical(int(by["衡东县"]["article_id"]))
        assert to_ninjs(la)["places"] == [{"name": "衡东县", "uri": "urn:cn-division:430424"}]
        pytest.importorskip("pyarrow")
        import pyarrow.parquet as pq
        export_archive(a, "parquet", tmp_path / "pq")
        t = pq.read_table(tmp_path / "pq" / "places.parquet").to_pylist()
        assert {r["name"]: r["code"] for r in t}["珠晖区"] == "430405"


def test_an_archive_of_version_6_is_backfilled(db_target):
    db = connect(db_target)
    create(db, version=BASE_VERSION)
    doc, text = page("衡阳日报", "2023-03-02", "1", [visit("林海涛", "市委书记", "衡东县", "2023-03-01"),
                                                  Article(headline="简讯", paragraphs=["无地名。"])])
    for t in ("place_divisions", "paper_homes", "paper_regions"):   # what version 6 did not have
        assert not db.fetchall(f"SELECT 1 FROM information_schema.tables WHERE table_name='{t}'") \
            if db.dialect != "sqlite" else not db.fetchall(f"SELECT 1 FROM sqlite_master WHERE name='{t}'")
    # the version-6 writer stored pages without places' divisions: write the rows it wrote
    from jianbao.store import write as w
    saved = w.divisions
    class _Nothing:
        def __getattr__(self, name):
            return lambda *a, **k: None
    w.divisions = _Nothing()
    try:
        write_page(db, doc, text)
    finally:
        w.divisions = saved
    db.close()
    with open_archive(db_target) as a:
        assert dict(a.db.fetchall("SELECT name, code FROM place_divisions")) == {"衡东县": "430424"}
        assert a.paper_homes()[0].code == "430400"
        assert json.loads(a.db.fetchone("SELECT doc FROM pages")[0])["articles"][0]["places"] == ["衡东县"]


def test_activity_records_take_every_filter_of_search(db_target):
    """The activity records (`jianbao events`, /api/events) are filtered as search filters articles:
    by region, kind, undated and untyped too, not by paper, place, type, person and dates alone."""
    with open_archive(db_target) as a:
        fill(a)
        assert len(a.events()) == 4
        assert {e["places"][0] for e in a.events(Filters(region="430400"))} == {"衡东县", "珠晖区", "衡阳"}
        assert [e["places"] for e in a.events(Filters(region="4301"))] == [["长沙市"]]
        assert a.events(Filters(kind="photo")) == [] and len(a.events(Filters(kind="news"))) == 4
        assert a.events(Filters(undated=True)) == [] and a.events(Filters(untyped=True)) == []


def test_the_region_filter_is_shown_by_its_name(tmp_path):
    def filler(target):
        with open_archive(target) as a:
            fill(a)
    html = client_for(str(tmp_path / "a.db"), filler).get("/search", params={"q": "调研", "region": "430400"}).text
    assert "衡阳市（430400）" in html


def test_a_bad_region_code_is_refused_with_what_to_write(tmp_path):
    client = client_for(str(tmp_path / "a.db"), lambda target: open_archive(target).close())
    r = client.get("/api/search", params={"q": "调研", "region": "abc"})
    assert r.status_code in (400, 422)
    assert "region=abc is not a division code: write its digits" in r.text and "control" not in r.text
    page = client.get("/search", params={"q": "调研", "region": "衡阳"}).text
    assert "不是行政区划代码" in page and "控制字符" not in page


def test_the_page_section_filters_every_reader_alike(db_target):
    """The page section is one of the archive's filters for search, counts, activity records, career
    spells, networks and exports alike (fill's pages are all 要闻), in SQLite and PostgreSQL."""
    with open_archive(db_target) as a:
        fill(a)
        on, off = Filters(section="要闻"), Filters(section="体育")
        assert a.count("调研", on) == 4 and a.count("调研", off) == 0
        assert len(a.search("调研", on)) == 4 and a.search("调研", off) == []
        assert len(a.events(on)) == 4 and a.events(off) == []
        assert a.careers(on) and a.careers(off) == []
        assert len(list(a.logical_ids(on))) == 4 and list(a.logical_ids(off)) == []
        assert a.network(on).nodes and a.network(off).nodes == []
        assert list(a.page_docs(off)) == []
