"""Places resolved to administrative divisions (tag/divisions.py): the table loads, short forms and
chains are read, and the evidence — the paper's home region, the dateline, the article's other
places — decides between namesakes by one rule; what stays unresolved says why."""
from __future__ import annotations

from pathlib import Path

import pytest

from jianbao.model import Article, PageDoc, PageMeta, PlaceRef
from jianbao.settings import Settings
from jianbao.tag import data, divisions as D, tag_doc

SHARED_TABLE = Path(__file__).resolve().parents[2] / "shared/data/admin-divisions/divisions.tsv"


def codes(places, paper=None, dateline=None):
    return [r.code for r in D.resolve_places(places, paper, dateline)]


def test_the_table_loads_every_level():
    t = D.table()
    assert len(t.by_code) == 44703
    assert {d.level for d in t.by_code.values()} == {"province", "prefecture", "county", "township"}
    assert t.by_code["4304"].name == "衡阳市" and t.by_code["430421"].name == "衡阳县"


def test_the_shipped_table_is_the_shared_one():
    if not SHARED_TABLE.exists():
        pytest.skip("../shared is not here")
    shipped = [ln for ln in (data.DATA / "divisions.tsv").read_text(encoding="utf-8").splitlines()
               if not ln.startswith("#")]
    shared = ["\t".join(ln.split("\t")[:3]) for ln in SHARED_TABLE.read_text(encoding="utf-8").splitlines()[1:]]
    assert shipped == shared


def test_the_data_readme_gives_origin_and_terms():
    text = (data.DATA / "README.md").read_text(encoding="utf-8")
    entry = next(ln for ln in text.splitlines() if ln.startswith("| `divisions.tsv`"))
    assert "WTFPL" in entry and "scripts/make_divisions.py" in entry and "2023" in entry
    assert "`division_words.tsv`" in text


def test_a_full_name_and_its_short_forms():
    r = D.resolve("衡阳市", [])
    assert (r.code, r.level, r.province, r.prefecture) == ("430400", "prefecture", "湖南省", "衡阳市")
    assert D.resolve("衡阳", []).code == "430400"          # the city, nearer the root than 衡阳县
    assert D.resolve("衡阳县", []).code == "430421"
    assert D.resolve("广西", []).code == "450000"           # 广西壮族自治区 without its people
    assert D.resolve("甘孜州", []).code == "513300"         # 甘孜藏族自治州
    assert D.resolve("东乡县", []).code == "622926"         # 东乡族自治县


def test_a_chain_is_read_from_the_left():
    r = D.resolve("湖南省衡阳市衡东县", [])
    assert (r.code, r.county, r.prefecture) == ("430424", "衡东县", "衡阳市")
    assert D.resolve("上海市徐汇区", []).code == "310104"
    assert D.resolve("衡阳综合保税区", []) == PlaceRef("衡阳综合保税区", reason="not a division")


def test_the_paper_home_region_is_read_from_its_name():
    assert D.home_region("衡阳日报").code == "4304"
    assert D.home_region("重庆日报").code == "50"
    assert D.home_region("人民日报") is None


def test_the_paper_decides_between_namesakes():
    assert codes(["江北区"]) == [None]
    assert D.resolve_places(["江北区"], None, None)[0].reason == "ambiguous: 2 candidates"
    assert codes(["江北区"], "重庆日报") == ["500105"]
    assert codes(["江北区"], "宁波日报") == ["330205"]


def test_a_township_resolves_in_the_county_the_article_is_about():
    # an invented report: a county's town named as hundreds of towns are
    assert codes(["城关镇"]) == [None]
    assert codes(["卢氏县", "城关镇"]) == ["411224", "411224100"]
    assert codes(["城关镇"], dateline="本报卢氏讯") == ["411224100"]


def test_a_township_needs_evidence_in_its_own_prefecture():
    # the paper's province alone does not pick one of a name's many towns
    got = D.resolve_places(["城关镇"], "河南日报", None)[0]
    assert got.code is None and got.reason.startswith("ambiguous")


def test_what_stays_unresolved_says_why():
    assert D.resolve("新西兰", []).reason in ("outside China", "unknown")
    assert D.resolve("中国", []).reason == "the whole country"
    assert D.resolve("柳泉村", []).reason == "not a division: below the townships"
    assert D.resolve("云湖创业林", []).reason == "unknown"


def test_region_codes_and_their_prefix():
    assert D.full_code("4304") == "430400" and D.full_code("43") == "430000"
    assert D.significant("430400") == "4304" and D.significant("430000") == "43"
    assert D.significant("430421100") == "430421100"


def test_the_tagger_annotates_each_place_and_changes_no_list():
    a = Article(headline="市委书记林海涛到衡东县调研", dateline="本报衡阳3月2日电",
                paragraphs=["3月1日，市委书记林海涛来到衡东县城关镇、新塘镇调研春耕生产。"])
    doc = tag_doc(PageDoc(PageMeta("衡阳日报", "2023-03-02", "1"), [a]), Settings())
    refs = {r.name: r for r in doc.articles[0].place_refs}
    assert list(refs) == doc.articles[0].places
    assert refs["衡东县"].code == "430424"
    out = doc.to_dict()["articles"][0]
    assert out["place_refs"][0]["name"] == doc.articles[0].places[0]
    assert "place_refs" not in Article().to_dict()     # no key where there is nothing to say
    assert Article.from_dict(out).place_refs == doc.articles[0].place_refs
