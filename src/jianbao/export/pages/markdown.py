"""Clean Markdown: one section per article, furniture listed at the end."""
from __future__ import annotations

from ...model import Article, PageDoc


def _page_line(doc: PageDoc) -> str:
    m = doc.meta
    parts = [m.paper or "", m.date or "", f"第{m.page}版" if m.page else "", m.section or ""]
    return " ".join(p for p in parts if p) or (m.source or "")


def body_in_order(a: Article) -> list[tuple[str, str]]:
    """Paragraphs and subheadings interleaved as printed (by their spans; else subheadings last)."""
    items: list[tuple[int, str, str]] = []
    for k, p in enumerate(a.paragraphs):
        sp = a.spans.get(f"paragraphs[{k}]")
        items.append((sp[0][0] if sp else k, "paragraph", p))
    sub_spans = a.spans.get("subheadings") or []
    for k, s in enumerate(a.subheadings):
        at = sub_spans[k][0] if k < len(sub_spans) else 1 << 60
        items.append((at, "subheading", s))
    if not a.spans:
        return [(kind, text) for _, kind, text in items]
    return [(kind, text) for _, kind, text in sorted(items, key=lambda x: x[0])]


def article_markdown(a: Article) -> str:
    out: list[str] = []
    if a.kicker:
        out.append(f"*{a.kicker}*\n")
    out.append(f"# {a.headline or '（无标题）'}\n")
    if a.subheadline:
        out.append(f"## {a.subheadline}\n")
    meta = [x for x in (a.byline, a.dateline) if x]
    if a.continued_from:
        meta.append(f"上接第{a.continued_from}版")
    if meta:
        out.append("**" + " · ".join(meta) + "**\n")
    for kind, text in body_in_order(a):
        out.append(f"### {text}\n" if kind == "subheading" else text + "\n")
    if a.continued_on:
        out.append(f"*下转第{a.continued_on}版*\n")
    return "\n".join(out)


def to_markdown(doc: PageDoc) -> str:
    out = [f"<!-- {_page_line(doc)} -->\n"]
    for a in doc.articles:
        out.append(article_markdown(a))
        out.append("---\n")
    if doc.furniture:
        out.append("<!-- page furniture -->\n")
        out.extend(f"- {f.kind}: {f.text}" for f in doc.furniture)
        out.append("")
    return "\n".join(out)
