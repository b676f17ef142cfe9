"""IPTC ninjs 3.1 (News in JSON): one document per logical article.

Kicker, headline and subheadline are headlines with roles; persons, places and organisations go
to people / places / organisations, each person's titles kept as `rel` (the titles the article
gives, joined with 、) and as `literal` (title and name as printed together); a place resolved to an
administrative division carries its code as `uri` (urn:cn-division:430400). An article that other
papers or pages also printed (store/reprints.py) lists those printings in `associations`, each with
rel "reprint", the printing's uri, headline, date and paper/page (`altIds`), and gives its story as an
altId with role "story" (urn:jianbao:story:N).
"""
from __future__ import annotations

from ...store import LogicalArticle


# a place's administrative division as a URI: the NBS / GB/T 2260 code (six digits down to counties, nine
# for townships, 2023 table), as a URN any reader can check offline against the table
DIVISION_URN = "urn:cn-division:"


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
        codes = {r.name: r.code for r in a.place_refs if r.code}
        d["places"] = [{"name": x, "uri": DIVISION_URN + codes[x]} if x in codes else {"name": x} for x in a.places]
    if a.orgs:
        d["organisations"] = [{"name": x} for x in a.orgs]
    if a.events:
        d["events"] = [{"id": f"{la.logical_id}-{k}", "name": e.name or e.type, "rel": e.type}
                       for k, e in enumerate(a.events)]
    if la.story_id is not None:
        d["associations"] = reprints(la, base)
    alt = [{"role": "paper", "value": la.paper}] if la.paper else []
    alt += [{"role": "page", "value": p} for p in la.pages if p]
    if la.story_id is not None:
        alt.append({"role": "story", "value": f"urn:jianbao:story:{la.story_id}"})
    if alt:
        d["altIds"] = alt
    return d


def reprints(la: LogicalArticle, base: str) -> list[dict]:
    """The story's other printings as ninjs associations."""
    out = []
    for p in la.printings:
        if p.logical_id == la.logical_id:
            continue
        item: dict = {"name": "reprint", "rel": "reprint", "type": "text", "uri": f"{base}{p.uid or p.logical_id}"}
        if p.headline:
            item["headlines"] = [{"role": "main", "value": p.headline}]
        if p.date:
            item["contentCreated"] = f"{p.date}T00:00:00+08:00"
        item["altIds"] = [{"role": r, "value": v} for r, v in (("paper", p.paper), ("page", p.page)) if v]
        out.append(item)
    return out
