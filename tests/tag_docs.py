"""Hand-made tagged page documents for archive tests (independent of the tagger's accuracy)."""
from __future__ import annotations

from jianbao.model import Article, Event, PageDoc, PageMeta, Person


def page(paper: str, date: str, page_no: str, articles: list[Article], source: str | None = None) -> tuple[PageDoc, str]:
    text = "\n\n".join("\n".join(filter(None, [a.headline, *a.paragraphs])) for a in articles)
    import hashlib
    doc = PageDoc(PageMeta(paper, date, page_no, "要闻", source or f"{paper}-{date}-p{page_no}.md"), articles)
    doc.sha1 = hashlib.sha1(text.encode()).hexdigest()
    for k, a in enumerate(articles):
        a.id = a.id or f"{doc.sha1[:8]}-{k}"
    return doc, text


def visit(name: str, title: str, where: str, date: str, others: list[str] = (), headline: str | None = None,
          tod: str = "上午") -> Article:
    body = f"{date[5:7].lstrip('0')}月{date[8:].lstrip('0')}日{tod}，{title}{name}到{where}调研。" + \
           ("".join(f"{o}参加。" for o in others))
    return Article(
        headline=headline or f"{name}到{where}调研", paragraphs=[body],
        persons=[Person(name, [title])] + [Person(o, ["市领导"]) for o in others],
        places=[where], events=[Event("调研", "调研", date, tod, None, [name], list(others), [where])])
