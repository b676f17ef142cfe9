"""The article-start model (cut/boundary.py) on invented pages: evidence weighed, not rules in order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from jianbao.cut.boundary import DATA, FEATURES, default_model
from jianbao.cut.segment import Segmenter
from jianbao.pipeline import cut, read_bytes
from jianbao.settings import Settings

S = Settings(tag=False)
from cut_helpers import train_script

ROOT = Path(__file__).resolve().parents[1]
PARA = "这是正文的一段话，讲述了当地推进工作的做法和成效，群众反映良好，各方面评价很高。" * 3


def doc_of(text: str):
    return cut(read_bytes(text.encode("utf-8"), "t.md", S), S)


def test_shipped_model_matches_the_features_and_records_its_origin():
    d = json.loads(DATA.read_text(encoding="utf-8"))
    assert tuple(d["features"]) == FEATURES
    assert len(d["weights"]) == len(FEATURES)
    assert d["origin"] and d["terms"]
    m = default_model()
    assert 0.0 <= m.prob([1.0] + [0.0] * (len(FEATURES) - 1)) <= 1.0


def test_articles_without_bylines_after_one_with_subheadings_are_cut():
    """A page of commentary: the first article has bulleted subheadings; the next headline is
    marked as the first one, with an author's note closing the article above it."""
    page = "\n\n".join([
        "# 让乡村振兴的底色更亮", PARA, "●产业兴旺是基础", PARA, "●人才振兴是关键", PARA,
        "（作者为某大学农业经济学院教授）",
        "# 以实干托起发展新高度", PARA, PARA,
    ])
    doc = doc_of(page)
    heads = [a.headline for a in doc.articles]
    assert heads == ["让乡村振兴的底色更亮", "以实干托起发展新高度"]
    first = doc.articles[0]
    assert first.subheadings == ["●产业兴旺是基础", "●人才振兴是关键"]  # as printed
    assert first.paragraphs[-1] == "（作者为某大学农业经济学院教授）"


def test_a_section_label_stays_in_the_article():
    page = "\n\n".join(["# 稳就业的新路径", "核心阅读", "今年以来，某市多措并举稳就业。" * 4, PARA])
    doc = doc_of(page)
    assert len(doc.articles) == 1
    a = doc.articles[0]
    assert a.subheadline is None and a.byline is None
    assert a.paragraphs[0] == "核心阅读"


def test_a_byline_inside_a_composite_report_does_not_split_it():
    page = "\n\n".join([
        "# 新春走基层 万家团圆时", PARA, "**山村里的年味**", "本报记者 王小川", PARA,
        "**车间里的坚守**", "本报记者 李青禾", PARA,
    ])
    doc = doc_of(page)
    assert len(doc.articles) == 1
    assert "本报记者 李青禾" in doc.articles[0].paragraphs


def test_the_oracle_records_one_decision_per_run_after_body():
    page = "\n\n".join(["# 甲地新闻标题一则", PARA, "# 乙地另一条新闻标题", PARA, "小标题在这里", PARA])
    p = read_bytes(page.encode("utf-8"), "t.md", S)
    seg = Segmenter(p, oracle=lambda run: p.blocks[run[0]].text.startswith("乙地"))
    cut_ = seg.run()
    assert [y for _, y in seg.decisions] == [True, False]
    assert all(len(x) == len(FEATURES) for x, _ in seg.decisions)
    assert len(cut_.drafts) == 2


def test_a_section_far_longer_than_the_articles_earlier_ones_is_weighed():
    """section_over_mean fires for the title line after a part many times as long as the article's
    earlier parts under subheadings, and not after a part of their size (the model weighs it)."""
    short = "这是一段较短的正文，说明了基本情况。"
    page = "\n\n".join([
        "# 某县推进乡村振兴的做法", short, "小标题之一", short, "小标题之二", short,
        "小标题之三", PARA, PARA, PARA, PARA, "另一个标题在这里", short,
        "小标题之四", short,
    ])
    p = read_bytes(page.encode("utf-8"), "t.md", S)
    seg = Segmenter(p, oracle=lambda run: False)
    seg.run()
    k = FEATURES.index("section_over_mean")
    got = [x[k] for x, _ in seg.decisions]
    # decisions: 小标题之一 (no subheading yet), 之二, 之三, 另一个标题 (after the long part), 之四
    assert got == [0.0, 0.0, 0.0, 1.0, 0.0]


def test_short_labels_heading_the_parts_of_one_report_are_siblings():
    """sibling_runs fires for a run of a short label over a subheading when another run nearby has
    as many lines and a label as long (措施更精细 / … , 沟通更顺畅 / …), not for a column's name
    printed over two articles, nor for a run of one line."""
    page = "\n\n".join([
        "某市社区治理见实效", PARA, "措施更精细", "满足居民多样需求", PARA, "沟通更顺畅", "搭建交流议事平台", PARA,
        "人民论坛", "某某工作要久久为功", PARA, "人民论坛", "另一件事也要抓实", PARA,
    ])
    p = read_bytes(page.encode("utf-8"), "t.md", S)
    seg = Segmenter(p, oracle=lambda run: False)
    seg.run()
    k = FEATURES.index("sibling_runs")
    got = {p.blocks[i].text: x[k] for (x, _), i in zip(seg.decisions, [i for i, b in enumerate(p.blocks)
                                                                       if b.text in ("措施更精细", "沟通更顺畅", "人民论坛")])}
    assert got == {"措施更精细": 1.0, "沟通更顺畅": 1.0, "人民论坛": 0.0}


def test_a_graphic_credit_under_a_short_title_reads_as_a_picture_story():
    """photo_below fires for a short title over a line of caption closed by a graphic's credit
    (制图：某某), as for a photographer's (某某摄); not for a title over a long report."""
    page = "\n\n".join([
        "# 某县举办新春文化活动", PARA, PARA,
        "# 年味渐浓", "春节临近，某地街头张灯结彩。", "制图：王某某",
        "# 另一个标题在这里", PARA, PARA, PARA,
    ])
    p = read_bytes(page.encode("utf-8"), "t.md", S)
    seg = Segmenter(p, oracle=lambda run: True)
    seg.run()
    k = FEATURES.index("photo_below")
    assert [x[k] for x, _ in seg.decisions] == [1.0, 0.0]


@pytest.mark.skipif(not (ROOT.parent / "shared" / "corpus").exists(), reason="../shared (the gold pages) is absent")
def test_the_shipped_weights_are_what_the_training_script_fits():
    """scripts/train_cut.py --write reproduces data/boundary.json (issue 18). The decisions it learns
    from are taken by today's cutter (its tables, features and head model), so a change to any of
    them changes the decisions as surely as a change to the start features does: refit then (and
    refit heads.json after, as the head model learns from the runs this model cuts)."""
    d = json.loads(DATA.read_text(encoding="utf-8"))
    mod = train_script("train_cut")
    model, decs, digest = mod.fit_all(mod.gold_pages(d["pages"]["synthetic"]), S)
    assert digest == d["decisions_sha256"] and sum(len(y) for _, y in decs) == d["decisions"], (
        "the decisions the start model learns from changed since boundary.json was fitted (the cutter "
        "moved under it): run scripts/train_cut.py --write, then scripts/train_heads.py --write")
    off = max(abs(a - b) for a, b in zip(model.weights, d["weights"]))
    assert off < 1e-3, f"boundary.json is not what scripts/train_cut.py fits (a weight off by {off:.4f})"
