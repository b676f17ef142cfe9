"""IPTC ninjs 3.1 (News in JSON): one document per logical article.

Kicker, headline and subheadline are headlines with roles; persons, places and organisations go
to people / places / organisations, each person's titles kept as `rel` (the titles the article
gives, joined with 、) and as `literal` (title and name as printed together).
"""
from __future__ import annotations

from ...store import LogicalArticle


def to_ninjs(la: LogicalArticle, base: str = "urn:jianbao:article:") -> dict:
    a = la.article
    d: dict = {"uri": f"{base}{a.id or la.logical_id}", "type": "text", "language": "zh-Hans",
               "representationType": "full", "profile": "jianbao-article"}
    if la.date:
        d["contentCreated"] = f"{la.date}T00:00:00+08:00"
    heads = [{"role": r, "value": v} for r, v in (("kicker", a.kicker), ("main", a.headline),
                                                   ("subhead", a.subheadline)) if v]
    if heads:
        d["headlines"] = heads
        d["title"] = a.headline or heads[0]["value"]
    body = "\n\n".join(a.paragraphs)
    d["bodies"] = [{"role": "main", "contentType": "text/plain", "value": body, "charCount": len(body)}]
    if a.byline:
        d["by"] = a.byline
    if a.dateline:
        d["located"] = a.dateline
    people = []
    for p in a.persons:
        item = {"name": p.name}
        if p.titles:
            item["rel"] = "、".join(p.titles)
            item["literal"] = "、".join(p.titles) + p.name
        people.append(item)
    if people:
        d["people"] = people
    if a.places:
        d["places"] = [{"name": x} for x in a.places]
    if a.orgs:
        d["organisations"] = [{"name": x} for x in a.orgs]
    if a.events:
        d["events"] = [{"id": f"{la.logical_id}-{k}", "name": e.name or e.type, "rel": e.type}
                       for k, e in enumerate(a.events)]
    alt = [{"role": "paper", "value": la.paper}] if la.paper else []
    alt += [{"role": "page", "value": p} for p in la.pages if p]
    if alt:
        d["altIds"] = alt
    return d
