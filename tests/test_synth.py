"""The synthetic page generator: deterministic, streaming, and its gold is exact."""
from __future__ import annotations

import importlib.util
import re
import types
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from jianbao.baseline import naive_cut
from jianbao.synth import STYLES, generate_page, generate_pages

SCORE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
SEEDS = range(0, 400, 3)


def _alnum(s: str) -> Counter:
    return Counter(ch for ch in unicodedata.normalize("NFKC", s) if ch.isalnum())


def _gold_alnum(gold: dict) -> Counter:
    parts: list[str] = []
    for a in gold["articles"]:
        parts += [a[f] for f in ("kicker", "headline", "subheadline", "byline", "dateline") if a[f]]
        parts += a["subheadings"] + a["paragraphs"]
    parts += [f["text"] for f in gold["furniture"] if f["kind"] != "image"]
    return _alnum("".join(parts))


def test_deterministic_and_streaming():
    assert generate_page(7) == generate_page(7)
    assert generate_page(7) != generate_page(8)
    it = generate_pages(5, seed=40)
    assert isinstance(it, types.GeneratorType)
    assert list(it) == [generate_page(s) for s in range(40, 45)]


@pytest.mark.parametrize("style", STYLES)
def test_every_style(style):
    text, gold = generate_page(3, style)
    assert gold["style"] == style and text.strip()
    if style == "mineru":
        assert "\n# " in "\n" + text
    with pytest.raises(ValueError):
        generate_page(3, "no-such-style")


def test_every_letter_and_digit_lands_exactly_once():
    for s in SEEDS:
        text, gold = generate_page(s)
        assert _alnum(IMAGE.sub("", text)) == _gold_alnum(gold), s


def test_breaks_are_where_gold_says():
    for s in SEEDS:
        text, gold = generate_page(s)
        lines = [IMAGE.sub("", ln).strip() for ln in text.split("\n")]
        flat = "\n".join(ln for ln in lines if ln)
        paras = [p for a in gold["articles"] for p in a["paragraphs"]]
        for before, after in gold["column_breaks"]:
            assert len(before) == 3 and len(after) == 3
            assert before + "\n" + after in flat, (s, before, after)
            assert sum(p.count(before + after) for p in paras) == 1, (s, before, after)


@pytest.mark.skipif(not SCORE.exists(), reason="../shared is absent")
def test_gold_scores_perfectly_against_itself():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for s in SEEDS:
        text, gold = generate_page(s)
        m = mod.score(gold, gold, text)
        assert m["lost_chars"] == 0, s
        assert all(v == 1.0 for k, v in m.items() if k.endswith(("_acc", "_f1", "_joined"))), (s, m)


def test_pages_cover_the_phenomena():
    seen: Counter = Counter()
    for s in range(300):
        text, gold = generate_page(s)
        seen.update(f["kind"] for f in gold["furniture"])
        for a in gold["articles"]:
            seen[a["kind"]] += 1
            seen.update(k for k in ("kicker", "subheadline", "byline", "dateline", "continued_from",
                                    "continued_on") if a[k])
            seen["subheadings"] += bool(a["subheadings"])
            seen["no headline"] += a["headline"] is None and a["kind"] == "news"
            seen["xinhua"] += (a["dateline"] or "").startswith("新华社")
        seen["breaks"] += len(gold["column_breaks"])
        seen["paper"] += bool(gold["page"]["paper"])
    for k in ("page_header", "page_footer", "column_logo", "jump", "image", "other", "photo", "notice",
              "ad", "kicker", "subheadline", "subheadings", "byline", "dateline", "continued_from",
              "continued_on", "no headline", "xinhua", "paper"):
        assert seen[k] > 0, k
    assert seen["breaks"] > 300


def test_naive_baseline():
    doc = naive_cut("第2版 要闻\n\n# 标题一\n\n**本报讯** 第一段。\n\n第二段\n\n# 标题二\n\n第三段。\n", "x.md")
    assert [a["headline"] for a in doc["articles"]] == [None, "标题一", "标题二"]
    assert doc["articles"][1]["paragraphs"] == ["本报讯 第一段。", "第二段"]
    assert doc["furniture"] == [] and doc["page"]["source"] == "x.md"
    for s in range(20):
        text, _ = generate_page(s)
        assert naive_cut(text, "p.md")["articles"]
    assert naive_cut("", "e.md")["articles"] == []
