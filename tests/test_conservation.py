"""Nothing lost: every letter and digit of a page has exactly one owner, on any input.

Property tests over generated pages (jianbao.synth) and over arbitrary text; both also check
that cutting never raises anything but the documented NoArticles.
"""
from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings, strategies as st

from jianbao.cut.conserve import check
from jianbao.errors import NoArticles
from jianbao.model import Page, PageDoc
from jianbao.pipeline import cut
from jianbao.read.text import page_from_text
from jianbao.settings import Settings
from jianbao.synth import generate_page

S = Settings(tag=False)


def assert_conserved(text: str) -> None:
    assert_page_conserved(page_from_text(text, "prop.md"))


def assert_page_conserved(page: Page) -> PageDoc | None:
    """Cut the page and check that every letter and digit has one owner; the document, or None
    where the page holds only furniture (NoArticles, the one documented error of cutting)."""
    try:
        doc = cut(page, S)
    except NoArticles:
        # only furniture: then every alphanumeric character must be in the furniture
        return None
    lost, twice = check(page, doc)
    assert not lost, f"lost: {[page.text[i] for i in lost][:20]}"
    assert not twice, f"owned twice: {[page.text[i] for i in twice][:20]}"
    # and by the words of the output, as shared/eval/score.py counts them
    out = doc.to_dict()
    have = Counter(c for c in _strings(out["articles"]) + _strings(out["furniture"]) + _strings(out["page"])
                   if c.isalnum())
    need = Counter(c for c in page.text if c.isalnum())
    assert not (need - have), f"missing from the output text: {dict(need - have)}"
    return doc


def _strings(x) -> str:
    if isinstance(x, str):
        return x
    if isinstance(x, dict):
        return "".join(_strings(v) for k, v in x.items() if k not in ("id", "source", "kind", "date"))
    if isinstance(x, list):
        return "".join(_strings(v) for v in x)
    return ""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10**9))
def test_generated_pages_lose_nothing(seed):
    text, _gold = generate_page(seed)
    assert_conserved(text)


PIECES = st.sampled_from([
    "# ", "## ", "**", "■", "▲", "本报讯", "本报记者 ", "记者 王明", "（上接第一版）", "（下转第3版）",
    "2021年7月31日 星期六", "第2版 要闻", "责任编辑：李华", "学党史 悟思想", "办实事 开新局",
    "![](a.jpg)", "市委书记", "调研", "，", "。", "、", "——", "“", "”", "  ", "\n", "\n\n",
    "7月30日下午", "秦国文", "2.5%", "CEO", "摄", "公告", "电话：0734-8888888", "> ", "- ", "\\*",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(min_size=1, max_size=12)), max_size=60))
def test_arbitrary_text_loses_nothing_and_never_raises(parts):
    text = "".join(parts)
    if not text.strip():
        return
    assert_conserved(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_is_safe(text):
    if text.strip():
        assert_conserved(text)
