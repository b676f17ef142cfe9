"""Continued articles across the pages of one issue: the pure linker (cut/continuations.py) on
page documents built by hand, and a generated two-page e-paper PDF whose lead story jumps from
page 1 to page 2, cut through the Python API and the command line."""
from __future__ import annotations

import json

from click.testing import CliRunner

from jianbao.cli import main
from jianbao.cut.continuations import Part, link_continuations, pair_parts
from jianbao.model import Article, PageDoc, PageMeta
from jianbao.pipeline import run_issue
from read_helpers import SETTINGS, need_pages


def art(id_: str, headline: str | None = None, on: str | None = None, frm: str | None = None) -> Article:
    return Article(id=id_, headline=headline, continued_on=on, continued_from=frm, paragraphs=["正文。"])


def page(number: str | None, *articles: Article) -> PageDoc:
    return PageDoc(meta=PageMeta(page=number), articles=list(articles))


def test_the_part_sharing_the_headline_is_chosen_over_the_first():
    a = art("a", "全力推进城市更新", on="3")
    p3 = page("3", art("x", "乡村振兴见成效", frm="1"), art("y", "城市更新", frm="1"))
    assert link_continuations([page("1", a), p3]) == 1
    assert a.continued_on_id == "y"
    assert p3.articles[1].continued_from_id == "a"
    assert p3.articles[0].continued_from_id is None


def test_ties_go_to_the_first_in_reading_order_and_each_part_is_taken_once():
    a, b = art("a", "甲", on="2"), art("b", "乙", on="2")
    p2 = page("2", art("x", frm="1"), art("y", frm="1"))
    assert link_continuations([page("1", a, b), p2]) == 2
    assert (a.continued_on_id, b.continued_on_id) == ("x", "y")


def test_no_link_when_the_pages_do_not_answer_each_other():
    a = art("a", "甲", on="3")
    wrong_page = page("2", art("x", "甲", frm="1"))        # says it comes from page 1, but is page 2
    wrong_source = page("3", art("y", "甲", frm="5"))      # on page 3, but from page 5
    assert link_continuations([page("1", a), wrong_page, wrong_source]) == 0
    assert a.continued_on_id is None
    assert not any(x.continued_from_id for d in (wrong_page, wrong_source) for x in d.articles)


def test_unnumbered_pages_are_numbered_by_their_place_and_failed_pages_keep_theirs():
    a = art("a", "甲", on="3")
    last = page(None, art("z", "甲", frm="1"))
    assert link_continuations([page(None, a), None, last]) == 1   # page 2 could not be cut
    assert a.continued_on_id == "z" and last.articles[0].continued_from_id == "a"


def test_a_chain_over_three_pages_and_ids_in_the_page_document():
    a, b, c = art("a", "甲", on="2"), art("b", "甲", on="4", frm="1"), art("c", "甲", frm="2")
    docs = [page("1", a), page("2", b), page("4", c)]
    assert link_continuations(docs) == 2
    links = (a.continued_on_id, b.continued_from_id, b.continued_on_id, c.continued_from_id)
    assert links == ("b", "a", "c", "b")
    d = docs[1].to_dict()["articles"][0]
    assert (d["continued_from"], d["continued_on"]) == ("1", "4")                  # the spec's fields
    assert (d["continued_from_id"], d["continued_on_id"]) == ("a", "c")
    assert "continued_on_id" not in page("9", art("q")).to_dict()["articles"][0]   # only where linked
    again = PageDoc.from_dict(docs[1].to_dict()).articles[0]
    assert (again.continued_from_id, again.continued_on_id) == ("a", "c")


def test_the_rule_compares_page_numbers_however_printed():
    parts = [Part("A1", "春耕", None, "第3版"), Part("3", "备耕", "1", None), Part("B03", "春耕", "A1", None)]
    assert pair_parts(parts) == [(0, 2)]                 # 第3版 = 3 = B03, A1 = 1; the headline decides


def test_a_part_on_a_page_of_no_known_number_is_not_paired():
    # the archive can store a dated page whose number was not printed: its jump answers nothing,
    # and a part on page 3 without a 上接 line never continues it
    parts = [Part(None, "甲", None, "3"), Part("3", "甲", None, None), Part("3", "乙", "", None)]
    assert pair_parts(parts) == []


def test_parts_known_to_be_linked_are_not_paired_again():
    parts = [Part("1", "甲", None, "2", has_next=True), Part("1", "乙", None, "2"),
             Part("2", "甲", "1", None, has_previous=True), Part("2", "丙", "1", None)]
    assert pair_parts(parts) == [(1, 3)]


def _issue(tmp_path, seed: int):
    need_pages()
    from jianbao.synth.issue import continued_issue
    pdf, golds = continued_issue(seed)
    path = tmp_path / f"issue-{seed}.pdf"
    path.write_bytes(pdf)
    return path, golds


def _parts(docs: list[dict]) -> tuple[dict, dict]:
    (on,) = [a for a in docs[0]["articles"] if a["continued_on"]]
    (frm,) = [a for a in docs[1]["articles"] if a["continued_from"]]
    return on, frm


def test_a_story_jumping_from_page_1_to_page_2_of_a_pdf_is_linked(tmp_path):
    for seed in (3, 11):
        path, golds = _issue(tmp_path, seed)
        docs = [d.to_dict() for d in run_issue(path, SETTINGS)]
        assert [d["page"]["page"] for d in docs] == ["1", "2"]
        assert [d["page"]["source"] for d in docs] == [f"{path.name}#p1", f"{path.name}#p2"]
        on, frm = _parts(docs)
        assert (on["continued_on"], frm["continued_from"]) == ("2", "1")
        assert on["continued_on_id"] == frm["id"] and frm["continued_from_id"] == on["id"]
        (g1,) = [a for a in golds[0]["articles"] if a["continued_on"]]
        (g2,) = [a for a in golds[1]["articles"] if a["continued_from"]]
        assert on["headline"] == g1["headline"] and frm["headline"] == g2["headline"]
        assert on["paragraphs"] == g1["paragraphs"] and frm["paragraphs"] == g2["paragraphs"]
        others = [a for d in docs for a in d["articles"] if a is not on and a is not frm]
        assert not any("continued_on_id" in a or "continued_from_id" in a for a in others)


def test_the_command_line_links_the_pages_of_one_pdf(tmp_path):
    path, _ = _issue(tmp_path, 5)
    res = CliRunner().invoke(main, ["cut", str(path), "--no-tag"])
    assert res.exit_code == 0, res.output
    docs = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert len(docs) == 2
    on, frm = _parts(docs)
    assert on["continued_on_id"] == frm["id"] and frm["continued_from_id"] == on["id"]
