"""The archive as flat tables (articles, persons, mentions, events), for CSV and Parquet."""
from __future__ import annotations

from ..store import Archive, Filters

ARTICLE_COLUMNS = ["article_id", "paper", "date", "pages", "kind", "kicker", "headline", "subheadline",
                   "byline", "reporters", "dateline", "text", "persons", "places", "orgs"]


def rows(arch: Archive, filters: Filters = Filters()) -> dict[str, tuple[list[str], list[list]]]:
    arts, mentions, evs = [], [], []
    persons: dict[tuple[str, str], int] = {}
    for lid in arch.logical_ids(filters):
        la = arch.logical(lid)
        a = la.article
        arts.append([lid, la.paper, la.date, "、".join(p for p in la.pages if p), a.kind, a.kicker, a.headline,
                     a.subheadline, a.byline, "、".join(a.reporters), a.dateline, "\n".join(a.paragraphs),
                     "、".join(p.name for p in a.persons), "、".join(a.places), "、".join(a.orgs)])
        for p in a.persons:
            key = (p.name, la.paper or "")
            persons[key] = persons.get(key, 0) + 1
            for t in p.titles or [""]:
                mentions.append([lid, p.name, la.paper, t, la.date])
        for k, e in enumerate(a.events):
            evs.append([lid, k, e.type, e.name, e.date, e.time_of_day, e.date_text, "、".join(e.actors),
                        "、".join(e.participants), "、".join(e.places), la.paper, la.date])
    return {
        "articles": (ARTICLE_COLUMNS, arts),
        "persons": (["name", "paper", "articles"], [[n, pp, c] for (n, pp), c in sorted(persons.items())]),
        "mentions": (["article_id", "name", "paper", "title", "date"], mentions),
        "events": (["article_id", "seq", "type", "name", "date", "time_of_day", "date_text", "actors",
                    "participants", "places", "paper", "issue_date"], evs),
    }
