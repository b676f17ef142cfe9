"""A readable terminal view of a page: each article as a panel, the furniture below."""
from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from ...model import Article, PageDoc
from .markdown import body_in_order


def _article(a: Article, n: int) -> Panel:
    parts: list[Text] = []
    if a.kicker:
        parts.append(Text(a.kicker, style="italic cyan"))
    parts.append(Text(a.headline or "（无标题）", style="bold"))
    if a.subheadline:
        parts.append(Text(a.subheadline, style="cyan"))
    meta = " · ".join(x for x in (a.byline, a.dateline,
                                  f"上接第{a.continued_from}版" if a.continued_from else None) if x)
    if meta:
        parts.append(Text(meta, style="dim"))
    parts.append(Text(""))
    for kind, p in body_in_order(a):
        parts.append(Text(p, style="bold magenta") if kind == "subheading" else Text("　　" + p))
    if a.continued_on:
        parts.append(Text(f"（下转第{a.continued_on}版）", style="dim"))
    people = ", ".join(p.name + (f"（{'、'.join(p.titles)}）" if p.titles else "") for p in a.persons)
    if people:
        parts.append(Text("人物: " + people, style="green"))
    for e in a.events:
        parts.append(Text(f"活动: {e.type}·{e.name} {e.date or e.date_text or ''} "
                          f"{'、'.join(e.actors)}", style="yellow"))
    title = f"[{n}] {a.kind}"
    return Panel(Group(*parts), title=title, title_align="left")


def to_text(doc: PageDoc, width: int = 100, color: bool = False) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, color_system="auto" if color else None)
    m = doc.meta
    console.print(Text(f"{m.source or ''}  {m.paper or '?'} {m.date or '?'} 第{m.page or '?'}版 "
                       f"{m.section or ''}  {len(doc.articles)} articles", style="bold reverse"))
    for n, a in enumerate(doc.articles, 1):
        console.print(_article(a, n))
    for f in doc.furniture:
        console.print(Text(f"  {f.kind:12s} {f.text}", style="dim"))
    for w in doc.warnings:
        console.print(Text(f"  warning: {w}", style="yellow"))
    return buf.getvalue()
