"""The naive baseline cutter that jianbao is measured against.

One article per markdown `#` heading: the heading text is the headline, every following non-empty
line is a paragraph; lines before the first heading form one article with no headline. No furniture,
no kickers, bylines or datelines, no column-break repair. Output is a page document
(shared/spec/page-json.md).
"""
from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MARKUP = re.compile(r"\*\*|__")


def _clean(line: str) -> str:
    return _MARKUP.sub("", line).strip()


def _new(i: int, headline: str | None) -> dict:
    return {"id": f"naive-{i}", "kind": "news", "kicker": None, "headline": headline, "subheadline": None,
            "subheadings": [], "byline": None, "reporters": [], "dateline": None,
            "continued_from": None, "continued_on": None, "paragraphs": []}


def naive_cut(text: str, source: str = "-") -> dict:
    """Cut `text` the naive way; returns a page document."""
    articles: list[dict] = []
    cur: dict | None = None
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _HEADING.match(line)
        if m:
            cur = _new(len(articles), _clean(m.group(2)) or None)
            articles.append(cur)
            continue
        if cur is None:
            cur = _new(len(articles), None)
            articles.append(cur)
        s = _clean(line)
        if s:
            cur["paragraphs"].append(s)
    return {"page": {"paper": None, "date": None, "page": None, "section": None, "source": source},
            "articles": articles, "furniture": []}
