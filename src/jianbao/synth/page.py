"""One synthetic page: plan the articles and furniture (gold first), then print them in a style."""
from __future__ import annotations

import datetime as _dt
import random

from . import text as T
from . import vocab as V
from .layout import STYLES, _STYLE_WEIGHTS, Builder, _jump_from, _jump_to, _title_lines

_EPOCH = _dt.date(2012, 1, 1).toordinal()
_SPAN_DAYS = 14 * 365
_COUNTS = (1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6)
_DECOR = ("■", "■", "■", "□", "●", "◆")


def generate_page(seed: int, style: str | None = None) -> tuple[str, dict]:
    """Page text as a parser would emit it, and its gold page document (with "column_breaks")."""
    rng = random.Random(seed)
    if style is None:
        style = rng.choices(STYLES, _STYLE_WEIGHTS)[0]
    elif style not in STYLES:
        raise ValueError(f"unknown style {style!r}; one of {', '.join(STYLES)}")
    issue = _dt.date.fromordinal(_EPOCH + rng.randrange(_SPAN_DAYS))
    c = T.Ctx(rng, issue)
    page_no = 1 if rng.random() < 0.3 else rng.randint(2, 16)
    paper = c.city_root + c.pick(V.PAPER_SUFFIX)
    section = c.pick(V.SECTIONS)
    items = _plan(c, page_no, paper)
    b = Builder(c, style)
    b.body = "\n".join(p for kind, g, _ in items if kind != "logo" for p in g["paragraphs"])
    meta = _header(b, paper, section, page_no)
    for kind, gold, how in items:
        if kind == "logo":
            b.furn("column_logo", gold["lines"], markup=True)
        elif kind == "photo":
            _print_photo(b, gold, how)
        else:
            _print_article(b, gold, how)
    _footer(b, paper)
    sep = {"hardbreak": "  \n", "txt": "\n", "wrapped": "\n"}.get(style, "\n\n")
    text = sep.join(b.blocks) + "\n"
    meta["source"] = f"synth-{seed:06d}.md"
    doc = {"page": meta, "articles": [g for kind, g, _ in items if kind != "logo"],
           "furniture": b.furniture, "column_breaks": b.breaks, "style": style}
    return text, doc


def generate_pages(n: int, seed: int = 0):
    """Lazily yield `n` pages (text, gold) for seeds seed, seed+1, …"""
    for i in range(n):
        yield generate_page(seed + i)


# --- planning: gold first -----------------------------------------------------------------------

def _article(kind: str, **kw) -> dict:
    a = {"kind": kind, "kicker": None, "headline": None, "subheadline": None, "subheadings": [],
         "byline": None, "reporters": [], "dateline": None, "continued_from": None, "continued_on": None,
         "paragraphs": []}
    a.update(kw)
    return a


def _plan(c: T.Ctx, page_no: int, paper: str) -> list[tuple[str, dict, dict]]:
    n = c.pick(_COUNTS)
    items: list[tuple[str, dict, dict]] = []
    for i in range(n):
        last = i == n - 1
        if i and c.chance(0.22):
            logo = c.pick(V.LOGOS)
            lines = [logo, c.pick(V.LOGOS)] if c.chance(0.3) else logo.split(" ") if " " in logo and c.chance(0.3) else [logo]
            items.append(("logo", {"lines": lines}, {}))
        r = c.rng.random()
        if i and r < 0.15:
            p = T.photo(c)
            g = _article("photo", headline=p["title"], byline=p["credit"], reporters=p["reporters"],
                         paragraphs=[p["caption"]])
            items.append(("photo", g, {"image_first": c.chance(0.85), "paren": c.chance(0.25),
                                       "sep": c.pick((" ", "\u3000", "")), "tri": c.chance(0.8)}))
        elif last and i and page_no > 1 and r < 0.35:
            x = T.notice(c) if c.chance(0.5) else T.ad(c)
            kind = "notice" if "声明" in x["headline"] or "公告" in x["headline"] or "分类" in x["headline"] else "ad"
            items.append((kind, _article(kind, headline=x["headline"], paragraphs=x["paras"]), {}))
        else:
            items.append(_plan_news(c, i, page_no, paper))
    return items


def _plan_news(c: T.Ctx, i: int, page_no: int, paper: str) -> tuple[str, dict, dict]:
    content = c.pick(T.KINDS)(c)
    paras = content["paras"]
    how: dict = {}
    g = _article("news")
    cont_from = page_no > 1 and i == 0 and c.chance(0.35)
    if cont_from:
        # the story began on an earlier page: start in its middle, often mid-sentence
        paras = paras[1:] if len(paras) > 2 else paras
        commas = [k + 1 for k, ch in enumerate(paras[0]) if ch == "，" and 6 < k < len(paras[0]) - 8]
        if commas and c.chance(0.5):
            paras[0] = paras[0][c.pick(commas):]
        src = 1 if c.chance(0.8) else c.rng.randint(1, page_no - 1)
        g["continued_from"] = str(src)
        how["from"] = (_jump_from(c, src), c.pick(("before", "after", "after", "inline")))
        if c.chance(0.7):
            g["headline"] = T.headline(c, content)
    else:
        if i == 0 and c.chance(0.05):
            pass  # a page that starts with body text and has no headline at all
        else:
            g["headline"] = T.headline(c, content)
        if g["headline"] and c.chance(0.4):
            g["kicker"] = T.kicker(c, content)
            if " " not in g["headline"]:  # a sentence kicker goes with a couplet headline
                g["headline"] = T.headline(c, content, couplet=True)
        if g["headline"] and c.chance(0.2):
            g["subheadline"] = T.subheadline(c, content)
    # body, with in-article subheadings now and then
    body: list[tuple[str, str]] = [("p", p) for p in paras]
    if len(paras) >= 5 and c.chance(0.2):
        n = min(c.rng.randint(2, 3), (len(paras) - 1) // 2)
        if c.chance(0.3):
            heads = [f"{V.CN_DIGITS[k + 1]}、{h}" for k, h in enumerate(c.rng.sample(V.NUMBERED_HEADS, n))]
        else:
            heads = c.rng.sample(V.SUBHEADINGS, n)
        slots = sorted(c.rng.sample(range(1, len(paras) - 1, 2), min(n, len(range(1, len(paras) - 1, 2)))))
        for k, s in reversed(list(enumerate(slots))):
            body.insert(s, ("h", heads[k]))
        g["subheadings"] = [t for k, t in body if k == "h"]
    # byline and dateline
    r = c.rng.random()
    where = None if cont_from and r < 0.6 else "end" if cont_from else \
        "top" if r < 0.45 else "inline" if r < 0.65 else "end" if r < 0.8 else None
    if not cont_from and (where == "inline" or c.chance(0.6)):
        g["dateline"] = T.dateline(c, paper)
        how["dl_sep"] = c.pick((" ", " ", "\u3000", ""))
    if where == "top":
        g["byline"], g["reporters"] = T.byline_top(c)
        how["decor"] = c.pick(_DECOR) if c.chance(0.6) else ""
    elif where == "inline":
        g["byline"], g["reporters"] = T.byline_inline(c)
    elif where == "end":
        how["end"], g["byline"], g["reporters"] = T.byline_end(c)
    how["byline"] = where
    # jump to a later page: the article stops here, mid-paragraph or at a paragraph end
    if page_no == 1 and c.chance(0.25) and where != "end":
        dest = c.rng.randint(2, 8)
        g["continued_on"] = str(dest)
        last = body[-1][1]
        commas = [k + 1 for k, ch in enumerate(last) if ch == "，" and 8 < k < len(last) - 4]
        inline = c.chance(0.5)
        if commas and c.chance(0.6):
            body[-1] = ("p", last[:c.pick(commas)])
        how["to"] = (_jump_to(c, dest), inline)
    g["paragraphs"] = [t for k, t in body if k == "p"]
    how["body"] = body
    return "news", g, how


# --- printing -----------------------------------------------------------------------------------

def _print_article(b: Builder, g: dict, how: dict) -> None:
    c = b.c
    jf = how.get("from")
    if jf and jf[1] == "before":
        b.furn("jump", [jf[0]])
    if g["kicker"]:
        for ln in _title_lines(c, g["kicker"], 0.12):
            b.title(ln, "kicker")
    if g["headline"]:
        for ln in _title_lines(c, g["headline"], 0.18 if g["kind"] == "news" else 0):
            b.title(ln, "headline")
    if g["subheadline"]:
        b.title(g["subheadline"], "subheadline")
    if how.get("byline") == "top":
        line = how["decor"] + g["byline"]
        b._line(f"**{line}**" if b.style == "bold" and c.chance(0.3) else line)
    if jf and jf[1] == "after":
        b.furn("jump", [jf[0]])
    body = how.get("body") or [("p", p) for p in g["paragraphs"]]
    first = True
    to = how.get("to")
    last_p = max((k for k, (kind, _) in enumerate(body) if kind == "p"), default=-1)
    for k, (kind, t) in enumerate(body):
        if kind == "h":
            b.title(t, "subheading")
            continue
        prefix = suffix = ""
        if first:
            if g["dateline"]:
                dl = g["dateline"]
                if how["byline"] == "inline":
                    dl += f"（{g['byline']}）"
                bold = b.style in ("mineru", "bold", "heads") and c.chance(0.6)
                prefix = (f"**{dl}**" if bold else dl) + how["dl_sep"]
            if jf and jf[1] == "inline":
                prefix += jf[0]
                b.furniture.append({"kind": "jump", "text": jf[0]})
            first = False
        if to and to[1] and k == last_p:
            suffix = to[0]
        b.para(prefix, t, suffix)
        if to and to[1] and k == last_p:
            b.furniture.append({"kind": "jump", "text": to[0]})
    if to and not to[1]:
        b.furn("jump", [to[0]])
    if how.get("byline") == "end":
        b._line(how["end"])


def _print_photo(b: Builder, g: dict, how: dict) -> None:
    c = b.c
    if g["headline"]:
        b.title(g["headline"], "headline")
    img = f"![](img/{c.rng.randint(100, 9999)}.jpg)"
    if how["paren"]:
        cap = g["paragraphs"][0] + f"（{g['byline']}）"
    else:
        cap = g["paragraphs"][0] + how["sep"] + g["byline"]
    if how["tri"]:
        cap = "▲" + cap
    if how["image_first"]:
        b._line(img)
        b.furniture.append({"kind": "image", "text": img})
        b._line(cap)
    else:
        b._line(cap)
        b._line(img)
        b.furniture.append({"kind": "image", "text": img})


def _header(b: Builder, paper: str, section: str, page_no: int) -> dict:
    c, d = b.c, b.c.issue
    meta = {"paper": None, "date": None, "page": None, "section": None}
    date_s = f"{d.year}年{d.month}月{d.day}日 星期{V.WEEKDAYS[d.weekday()]}"
    shown = paper.translate(V.TRAD) if c.chance(0.15) else paper
    form = c.rng.randint(0, 6)
    if form == 0:
        return meta
    if form in (1, 5):
        b.furn("page_header", [f"第{page_no}版 {section}"], markup=True)
        meta.update(page=str(page_no), section=section)
    if form in (2, 5):
        b.furn("page_header", [shown], markup=True)
        b.furn("page_header", [date_s])
        meta.update(paper=paper, date=d.isoformat())
    if form == 3:
        b.furn("page_header", [f"{shown} {date_s} 第{page_no}版"])
        meta.update(paper=paper, date=d.isoformat(), page=str(page_no))
    if form == 4:
        b.furn("page_header", [f"{date_s}\u3000第{page_no}版\u3000{section}"], gold=f"{date_s} 第{page_no}版 {section}")
        meta.update(date=d.isoformat(), page=str(page_no), section=section)
    if form == 6:
        b.furn("page_header", [date_s])
        meta.update(date=d.isoformat())
    return meta


def _footer(b: Builder, paper: str) -> None:
    c = b.c
    if c.chance(0.1):
        site = "".join(c.pick("abcdefghjklmnpqrstwxyz") for _ in range(c.rng.randint(3, 6)))
        b.furn("other", [c.pick((f"更多精彩内容请下载{paper}客户端", f"本报网址：www.{site}.com.cn",
                                 f"扫码关注{paper}微信公众号"))])
    r = c.rng.random()
    if r < 0.35:
        return
    x, y, z = c.name(), c.name(), c.name()
    b.furn("page_footer", [c.pick((f"责任编辑：{x} 版式：{y} 校对：{z}", f"本版编辑：{x} 美编：{y}",
                                   f"责任编辑 {x} 美术编辑 {y} 校对 {z}", f"责任编辑：{x}\u3000版式：{y}"))])
    if r > 0.8:
        mail = "".join(c.pick("abcdefghjklmnpqrstwxyz") for _ in range(4)) + str(c.rng.randint(10, 99))
        b.furn("page_footer", [f"电话：{c.pick(V.PHONES)}-{c.rng.randint(2000000, 8999999)} "
                               f"E-mail：{mail}@{c.pick(V.EMAIL_HOSTS)}"])
