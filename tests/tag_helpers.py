"""Tag one article built from sentences written for the tag tests."""
from __future__ import annotations

from jianbao.model import Article, PageDoc, PageMeta
from jianbao.settings import Settings
from jianbao.tag import tag_doc


def tag(paragraphs, date="2023-05-20", **fields) -> Article:
    """Tag one article built from sentences written for these tests."""
    a = Article(paragraphs=list(paragraphs), **fields)
    doc = PageDoc(meta=PageMeta(date=date), articles=[a])
    tag_doc(doc, Settings())
    return doc.articles[0]


def persons(a: Article) -> dict[str, list[str]]:
    return {p.name: p.titles for p in a.persons}
