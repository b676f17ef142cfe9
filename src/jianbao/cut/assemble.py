"""Drafts → Articles and Furniture: field texts, paragraphs with their joins, spans, ids."""
from __future__ import annotations

import hashlib
import re

from ..model import Article, Furniture, Join, Page, PageDoc, PageMeta, Span
from ..textutil import clean_offsets
from . import lines as L
from .geometry import Geometry
from .segment import Cut, Draft, Piece
from .tables import tables

# a space inside a headline that only marks where the parser broke the line: "…副中心城市 和现代化…"
_STRAY_SPACE = re.compile(r"(?<=[的和与及在对把将为向从以于])\s+(?=\S)|(?<=\S)\s+(?=[和与及的之并而等])")


def piece_text(page: Page, p: Piece) -> str:
    return page.blocks[p.block].text[p.a:p.b]


def piece_span(page: Page, p: Piece) -> Span:
    b = page.blocks[p.block]
    if p.a == 0 and p.b >= len(b.text):
        return (b.start, b.end)
    offs = clean_offsets(page.text[b.start:b.end], b.start)
    if not offs or p.a >= len(offs):
        return (b.start, b.start)
    return (offs[p.a], offs[min(p.b, len(offs)) - 1] + 1)


def _short_runs(texts: list[str]) -> list[bool]:
    """For each line: does it stand in a run of 3 or more short lines without a sentence end (verse)?

    One pass over the lines (a page of thousands of lines must not be rescanned for each line)."""
    short = [len(t) <= 20 and not L.ends_terminal(t) for t in texts]
    out = [False] * len(texts)
    a = 0
    while a < len(short):
        b = a
        while b < len(short) and short[b]:
            b += 1
        if b - a >= 3:
            out[a:b] = [True] * (b - a)
        a = b + 1 if b == a else b
    return out


def _joinable(prev: str, nxt: str, verse: bool) -> bool:
    if verse or L.ends_terminal(prev) or not nxt:
        return False
    if " " in prev and all(c.isalnum() or c == " " for c in prev):
        return False  # a phrase standing alone (不等不靠 苦干实干), not a sentence cut short
    t = tables()
    if t.section_label.search(prev) or t.closer.search(prev) or t.figure_callout.match(prev):
        return False  # 核心阅读 / （作者为…） / 7.9%: a label, a closing note, a callout figure stand alone
    # an enumerated line (一、… / 1.… / （二）…) starts a paragraph of its own
    return not prev.endswith(("：", ":")) and not tables().numbered.match(nxt)


def paragraphs(page: Page, d: Draft, joins: list[Join], listing: bool = False,
               geo: Geometry = Geometry()) -> tuple[list[str], list[list[Span]], list[str]]:
    """Body pieces → paragraphs (column breaks joined) and subheadings.

    With `listing` (notices, ads) every line is a paragraph of its own, subheadings included.
    """
    if listing:
        d.subheadings = set()
    paras: list[list[Piece]] = []
    subs: list[str] = []
    texts = [piece_text(page, p) for p in d.body]
    verse = _short_runs(texts)
    prev_ok = False
    for k, p in enumerate(d.body):
        if p.block in d.subheadings:
            subs.append(texts[k])
            prev_ok = False
            continue
        if geo.indents:
            # indents mark paragraph starts: an unindented line runs on from the line above
            join = not page.blocks[p.block].indent
        else:
            join = _joinable(texts[k - 1], texts[k], verse[k - 1] and not
                             geo.full(page.blocks[d.body[k - 1].block])) if k else False
        if prev_ok and paras and not listing and join:
            left = paras[-1][-1].block
            reason = "column_break" if page.blocks[p.block].gap_before else "soft_wrap"
            joins.append(Join(left, p.block, reason))
            paras[-1].append(p)
        else:
            paras.append([p])
        prev_ok = True
    out, spans = [], []
    for ps in paras:
        text = ""
        for p in ps:
            t = piece_text(page, p)
            if text and text[-1].isascii() and text[-1].isalpha() and t[:1].isascii() and t[:1].isalpha() \
                    and not page.blocks[p.block].gap_before:
                text += " "
            text += t
        out.append(text)
        spans.append([piece_span(page, p) for p in ps])
    return out, spans, subs


def _kind(d: Draft, headline: str | None, paras: list[str]) -> str:
    t = tables()
    if d.kind == "photo":
        return "photo"
    if headline and t.notice_title.search(headline):
        return "notice"
    body = "".join(paras)
    cues = {m.group(0) for m in t.ad_cue.finditer(body + (headline or ""))}
    if len(cues) >= 2 and len(body) < 600 and not d.bylines and not d.dateline:
        return "ad"
    return "news"


def _unbracket(text: str) -> str:
    """A byline printed in brackets at the article's end: （本报记者 张三） → 本报记者 张三."""
    if len(text) >= 2 and text[0] in "（(【[" and text[-1] in "）)】]":
        return text[1:-1].strip()
    return text


def _head_to_copy(d: Draft) -> None:
    """An ad's or notice's head is its first line; the other head lines are its copy."""
    lines = d.head.kicker + d.head.headline + d.head.subheadline
    d.head.kicker, d.head.headline, d.head.subheadline = [], lines[:1], []
    d.body[0:0] = [Piece(i, 0, 1 << 30) for i in lines[1:]]


def build(page: Page, cut: Cut, meta: PageMeta) -> PageDoc:
    joins: list[Join] = []
    articles: list[Article] = []
    sha = page.sha1
    for d in sorted(cut.drafts, key=lambda x: x.first):
        a = Article()
        spans: dict[str, list[Span]] = {}

        def field(name: str, idx: list[int], sep: str) -> str | None:
            if not idx:
                return None
            spans[name] = [(page.blocks[i].start, page.blocks[i].end) for i in idx]
            return sep.join(page.blocks[i].text for i in idx)

        body = [piece_text(page, p) for p in d.body]
        kind = _kind(d, page.blocks[(d.head.kicker + d.head.headline or [0])[0]].text if d.has_head else None, body)
        if kind in ("ad", "notice") and d.has_head:
            _head_to_copy(d)
        a.kicker = field("kicker", d.head.kicker, "")
        headline = field("headline", d.head.headline, " ")
        a.headline = _STRAY_SPACE.sub("", headline) if headline else None
        a.subheadline = field("subheadline", d.head.subheadline, " ")
        for i in d.head.headline[1:]:
            joins.append(Join(d.head.headline[0], i, "headline_wrap"))
        if d.bylines:
            a.byline = " ".join(_unbracket(L.strip_decoration(piece_text(page, p)).strip()) for p in d.bylines)
            spans["byline"] = [piece_span(page, p) for p in d.bylines]
            a.reporters = list(dict.fromkeys(r for b in d.byline_info for r in b.reporters))
        if d.dateline:
            a.dateline = piece_text(page, d.dateline)
            spans["dateline"] = [piece_span(page, d.dateline)]
        paras, pspans, subs = paragraphs(page, d, joins, kind in ("notice", "ad"), cut.geometry)
        a.paragraphs, a.subheadings = paras, subs
        for k, s in enumerate(pspans):
            spans[f"paragraphs[{k}]"] = s
        if subs:
            spans["subheadings"] = [(page.blocks[i].start, page.blocks[i].end) for i in sorted(d.subheadings)]
        a.continued_from, a.continued_on = d.continued_from, d.continued_on
        a.kind = kind
        a.spans = spans
        a.id = hashlib.sha1(f"{sha}:{d.first}".encode()).hexdigest()[:16]
        articles.append(a)
    furniture = []
    for f in sorted(cut.furniture, key=lambda x: x.first):
        text = " ".join(piece_text(page, p) for p in f.pieces)
        furniture.append(Furniture(f.kind, text, [piece_span(page, p) for p in f.pieces]))
    return PageDoc(meta=meta, articles=articles, furniture=furniture, joins=joins, sha1=sha)
