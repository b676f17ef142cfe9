"""The archive as flat tables (articles, persons, mentions, events, spells), for CSV and Parquet."""
from __future__ import annotations

from ...store import SPELL_COLUMNS, Archive, Filters, LogicalArticle

ARTICLE_COLUMNS = ["article_id", "paper", "date", "pages", "kind", "kicker", "headline", "subheadline",
                   "byline", "reporters", "dateline", "text", "persons", "places", "orgs", "story_id", "printings"]
# story_id: the story (store/reprints.py) that the article is one printing of, empty if no other paper or
# page printed it; printings: how many logical articles print that story, this one included (1: none)


EVENT_COLUMNS = ["article_id", "seq", "type", "name", "date", "time_of_day", "date_text", "actors",
                 "participants", "places", "paper", "issue_date"]
PERSON_COLUMNS = ["name", "paper", "articles"]
# each place of an article with its administrative division (code: six digits down to counties, nine
# for townships), or no code and the reason
PLACE_COLUMNS = ["article_id", "name", "code", "level", "province", "prefecture", "county", "reason"]


def article_row(la: LogicalArticle) -> list:
    """One logical article (its continued parts joined) as a row of ARTICLE_COLUMNS."""
    a = la.article
    return [la.logical_id, la.paper, la.date, "、".join(p for p in la.pages if p), a.kind, a.kicker, a.headline,
            a.subheadline, a.byline, "、".join(a.reporters), a.dateline, "\n".join(a.paragraphs),
            "、".join(p.name for p in a.persons), "、".join(a.places), "、".join(a.orgs),
            la.story_id, len(la.printings) or 1]


def event_rows(la: LogicalArticle) -> list[list]:
    """Its activities as rows of EVENT_COLUMNS."""
    return [[la.logical_id, k, e.type, e.name, e.date, e.time_of_day, e.date_text, "、".join(e.actors),
             "、".join(e.participants), "、".join(e.places), la.paper, la.date] for k, e in enumerate(la.article.events)]


def rows(arch: Archive, filters: Filters = Filters()) -> dict[str, tuple[list[str], list[list]]]:
    arts, mentions, evs, places = [], [], [], []
    persons: dict[tuple[str, str], int] = {}
    for lid in arch.logical_ids(filters):
        la = arch.logical(lid)
        arts.append(article_row(la))
        for p in la.article.persons:
            key = (p.name, la.paper or "")
            persons[key] = persons.get(key, 0) + 1
            for t in p.titles or [""]:
                mentions.append([lid, p.name, la.paper, t, la.date])
        evs += event_rows(la)
        places += [[lid, r.name, r.code, r.level, r.province, r.prefecture, r.county, r.reason]
                   for r in la.article.place_refs]
    return {
        "articles": (ARTICLE_COLUMNS, arts),
        "persons": (PERSON_COLUMNS, [[n, pp, c] for (n, pp), c in sorted(persons.items())]),
        "mentions": (["article_id", "name", "paper", "title", "date"], mentions),
        "events": (EVENT_COLUMNS, evs),
        "places": (PLACE_COLUMNS, places),
        "spells": (SPELL_COLUMNS, [r for c in arch.careers(filters) for r in c.rows()]),
    }
