"""The head-split model (cut/heads.py, data/heads.json): its weights match the code's features,
and on invented heads it splits kicker, headline and subheadline as a reader would."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from jianbao.cut import heads
from jianbao.cut.heads import DATA, FEATURES, HeadModel, assign_head, candidates, default_model
from jianbao.model import Block
from jianbao.settings import Settings

from cut_helpers import train_script

ROOT = Path(__file__).resolve().parents[1]


def blocks(*lines: str, mark: tuple[int, ...] = ()) -> list[Block]:
    return [Block(i, 0, 0, t, heading=(mark[i] if i < len(mark) else 0)) for i, t in enumerate(lines)]


def texts(bs, idx):
    return [bs[i].text for i in idx]


def test_shipped_weights_name_the_code_features():
    d = json.loads(DATA.read_text(encoding="utf-8"))
    assert tuple(d["features"]) == FEATURES
    assert len(d["weights"]) == len(FEATURES)
    assert d["what"] and d["origin"] and "Apache-2.0" in d["terms"]
    assert len(default_model().weights) == len(FEATURES)


def test_every_candidate_has_one_value_per_feature():
    bs = blocks("某某栏目", "某某市召开推进会时强调", "以实干担当推动发展", "——来自一线的报道")
    cands = candidates(bs, [0, 1, 2, 3])
    assert cands and all(len(x) == len(FEATURES) for _, x in cands)


def test_a_speech_line_over_a_headline_is_a_kicker():
    bs = blocks("王某某在青溪县调研乡村振兴工作时强调", "把产业做强 让群众增收")
    h = assign_head(bs, [0, 1])
    assert texts(bs, h.kicker) == ["王某某在青溪县调研乡村振兴工作时强调"]
    assert texts(bs, h.headline) == ["把产业做强 让群众增收"]
    assert not h.subheadline


def test_a_dash_line_under_a_headline_is_a_subheadline():
    bs = blocks("一位乡村教师的三十年", "——记某某县优秀教师李某")
    h = assign_head(bs, [0, 1])
    assert texts(bs, h.headline) == ["一位乡村教师的三十年"]
    assert texts(bs, h.subheadline) == ["——记某某县优秀教师李某"]


def test_a_lower_marked_column_name_is_a_logo():
    bs = blocks("基层新气象", "小山村里的新生活", mark=(2, 1))
    h = assign_head(bs, [0, 1])
    assert [texts(bs, g) for g in h.logos] == [["基层新气象"]]
    assert texts(bs, h.headline) == ["小山村里的新生活"]


def test_one_line_is_the_headline():
    bs = blocks("某某县新建三座便民桥")
    h = assign_head(bs, [0])
    assert texts(bs, h.headline) == ["某某县新建三座便民桥"] and not h.kicker and not h.subheadline


def test_a_model_can_be_given_and_overrides_the_shipped_one():
    bs = blocks("第一行标题文字", "第二行标题文字")
    # a model that only likes kickers: the first line becomes one
    w = [0.0] * len(FEATURES)
    w[FEATURES.index("kicker_lines")] = 5.0
    model = HeadModel(tuple(w))
    assert texts(bs, assign_head(bs, [0, 1], model).kicker) == ["第一行标题文字"]
    record: list = []
    with heads.using(model, record):
        h = assign_head(bs, [0, 1])
    assert texts(bs, h.kicker) == ["第一行标题文字"]
    assert len(record) == 1 and record[0][1] == [0, 1]


@pytest.mark.parametrize("first, second", [
    # 就… has no subject of its own: the line above is the headline it carries on, not a kicker
    ("张某某主持召开部分市人大代表座谈会", "就市政府工作报告征求意见稿听取意见建议"),
    # a line reporting a thing done is the headline, not a kicker
    ("青溪县智慧农业服务平台上线", "农户在手机上就能预约农机和专家"),
])
def test_headline_and_subheadline_not_kicker_and_headline(first, second):
    bs = blocks(first, second)
    h = assign_head(bs, [0, 1])
    assert not h.kicker
    assert texts(bs, h.headline) == [first]
    assert texts(bs, h.subheadline) == [second]


def test_continuation_and_report_features_read_the_tables():
    i = {f: k for k, f in enumerate(FEATURES)}
    bs = blocks("某某会议在青溪召开", "决定下次会议于三月举行")
    for split, x in candidates(bs, [0, 1]):
        if split.kicker:
            assert x[i["kicker_report"]] == 1 and x[i["head_continues"]] == 1
        elif split.subheadline:
            assert x[i["head_report"]] == 1 and x[i["sub_continues"]] == 1
    # a speech's date in brackets under its title reads as carrying on the title
    bs = blocks("在全县新年茶话会上的讲话", "（2023年1月18日）")
    assert any(x[i["sub_continues"]] == 1 for split, x in candidates(bs, [0, 1]) if split.subheadline)


@pytest.mark.skipif(not (ROOT.parent / "shared" / "corpus").exists(), reason="../shared (the gold pages) is absent")
def test_the_shipped_weights_are_what_the_training_script_fits():
    """scripts/train_heads.py --write reproduces data/heads.json (issue 18). The runs it learns from
    are cut by today's cutter, so a change to the cutter's tables, features or article-start model
    changes them as surely as a change to the head features does: refit then."""
    d = json.loads(DATA.read_text(encoding="utf-8"))
    mod = train_script("train_heads")
    model, data, digest = mod.fit_all(mod.gold_pages(d["pages"]["synthetic"]), Settings(tag=False))
    assert digest == d["runs_sha256"] and sum(map(len, data)) == d["runs"], (
        "the runs the head model learns from changed since heads.json was fitted (the cutter moved "
        "under it): run scripts/train_heads.py --write")
    off = max(abs(a - b) for a, b in zip(model.weights, d["weights"]))
    assert off < 1e-3, f"heads.json is not what scripts/train_heads.py fits (a weight off by {off:.4f})"
