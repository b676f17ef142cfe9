"""What each page shows, as data: the JSON API returns it as is, the HTML pages render it."""
from __future__ import annotations

import json
from math import ceil

from ..export.markdown import body_in_order
from ..model import Article
from ..store import Archive, browse
from ..store.facets import COUNT_UP_TO, facet_counts, find, margin
from ..store.people import identities, profile
from ..store.search import Ranking
from .cache import TTLCache
from .models import (IssueArticle, IssueDay, IssueOut, IssuePageOut, PaperIssues, PaperOut,
                     ArticleOut, ArticleRef, BodyItem, Count, EventOut, FacetCount, FacetOut, Facets, FurnitureOut, HitOut,
                     MonthActivity, PageArticle, PageOut, PartOut, PersonOut, PersonRef, ProfileOut, SearchFilters,
                     SearchOut, Segment, StatsOut, TitleSpan)
from .params import MAX_RESULTS, SearchParams
from .text import owners


def search(arch: Archive, p: SearchParams, cache: TTLCache, facet_limit: int = 10,
           exact_up_to: int = COUNT_UP_TO) -> SearchOut:
    # the ranking's walk (the query's newest matches) also tells facet_counts whether it saw them all
    ranking = Ranking(arch.db, p.q, p.filters) if p.q and not p.section and p.sort == "relevance" else None
    key = ("facets", p.q, p.filters, p.section)
    fc = cache.get(key)
    if fc is None:
        fc = facet_counts(arch.db, p.q, p.filters, p.section, facet_limit, exact_up_to,
                          ranking.walked if ranking else None)
        cache.put(key, fc)
    hits = find(arch.db, p.q, p.filters, p.section, p.size, p.offset, ranking, p.sort) if p.offset < fc.total else []
    # every page the pager offers exists: the total is exact up to the MAX_RESULTS served, and an
    # estimate only above them
    pages = min(max(1, ceil(fc.total / p.size)), MAX_RESULTS // p.size)
    return SearchOut(
        query=p.q, total=fc.total, total_exact=fc.total_exact, total_margin=fc.total_margin, page=p.page,
        size=p.size, pages=pages,
        filters=SearchFilters(paper=p.paper, date_from=p.date_from, date_to=p.date_to, person=p.person,
                              place=p.place, type=p.type, section=p.section, kind=p.kind, undated=p.undated,
                              untyped=p.untyped), sort=p.sort,
        hits=[HitOut(article_id=h.logical_id, score=round(h.score, 4), paper=h.paper, date=h.date, page=h.page,
                     kicker=h.kicker, headline=h.headline, snippet=h.snippet, marks=h.marks, parts=h.parts,
                     kind=h.kind)
              for h in hits],
        facets=Facets(sample_every=fc.every, **{k: _counts(rows, fc.every) for k, rows in fc.counts.items()
                                                if k != "timeline"}),
        timeline=_counts(fc.counts.get("timeline", []), fc.every))


def _counts(rows: list[tuple[str, int]], every: int) -> list[FacetCount]:
    return [FacetCount(value=v, count=n, margin=margin(n, every)) for v, n in rows]


def facet(arch: Archive, p: SearchParams, name: str, cache: TTLCache, exact_up_to: int = COUNT_UP_TO) -> FacetOut:
    """Every value of one facet of a search (the "more" link)."""
    key = ("facet-all", p.q, p.filters, p.section)
    fc = cache.get(key)
    if fc is None:
        fc = facet_counts(arch.db, p.q, p.filters, p.section, 0, exact_up_to)
        cache.put(key, fc)
    return FacetOut(facet=name, total=fc.total, sample_every=fc.every, values=_counts(fc.counts[name], fc.every))


def _doc(arch: Archive, page_id: int) -> dict:
    return json.loads(arch.db.fetchone("SELECT doc FROM pages WHERE id=?", (page_id,))[0])


def _body(a: Article) -> list[BodyItem]:
    return [BodyItem(kind=k, text=t) for k, t in body_in_order(a)]


def logical_of(arch: Archive, article_id: int) -> int | None:
    """The logical article that a stored article (any part) belongs to."""
    row = arch.db.fetchone("SELECT logical_id FROM articles WHERE id=?", (article_id,))
    return int(row[0] or article_id) if row else None


def article(arch: Archive, logical_id: int) -> ArticleOut | None:
    rows = arch.db.fetchall("SELECT id, page_id, seq, paper, date, page FROM articles WHERE logical_id=? "
                            "ORDER BY part", (logical_id,))
    if not rows:
        return None
    docs: dict[int, dict] = {}
    parts: list[tuple[tuple, Article]] = []
    for r in rows:
        doc = docs.setdefault(r[1], _doc(arch, r[1]))
        parts.append((r, Article.from_dict(doc["articles"][r[2]])))
    first = parts[0][1]
    persons: dict[str, list[str]] = {}
    places, orgs, events = [], [], []
    for _, a in parts:
        for p in a.persons:
            persons.setdefault(p.name, [])
            persons[p.name] += [t for t in p.titles if t not in persons[p.name]]
        places += [x for x in a.places if x not in places]
        orgs += [x for x in a.orgs if x not in orgs]
        events += a.events
    head = next((a for _, a in parts if a.headline), first)
    return ArticleOut(
        article_id=logical_id, kind=first.kind, paper=rows[0][3], date=rows[0][4], pages=[r[5] or "" for r in rows],
        kicker=head.kicker, headline=head.headline, subheadline=head.subheadline, byline=first.byline,
        reporters=first.reporters, dateline=first.dateline,
        parts=[PartOut(article_id=r[0], page_id=r[1], paper=r[3], date=r[4], page=r[5], continued_from=a.continued_from,
                       continued_on=a.continued_on, body=_body(a)) for r, a in parts],
        persons=[PersonRef(name=n, titles=t) for n, t in persons.items()], places=places, orgs=orgs,
        events=[EventOut(**e.to_dict()) for e in events])


def page(arch: Archive, page_id: int, max_text: int) -> PageOut | None:
    row = arch.db.fetchone("SELECT paper, date, page, section, source, text, doc FROM pages WHERE id=?", (page_id,))
    if not row:
        return None
    doc = json.loads(row[6])
    lids = dict(arch.db.fetchall("SELECT seq, logical_id FROM articles WHERE page_id=?", (page_id,)))
    text = row[5] or ""
    arts = []
    for k, d in enumerate(doc.get("articles") or []):
        a = Article.from_dict(d)
        arts.append(PageArticle(seq=k, article_id=int(lids.get(k) or 0), kind=a.kind, kicker=a.kicker,
                                headline=a.headline, subheadline=a.subheadline, byline=a.byline, dateline=a.dateline,
                                continued_from=a.continued_from, continued_on=a.continued_on, body=_body(a)))
    shown = text[:max_text]
    return PageOut(page_id=page_id, paper=row[0], date=row[1], page=row[2], section=row[3], source=row[4],
                   articles=arts,
                   furniture=[FurnitureOut(kind=f["kind"], text=f["text"]) for f in doc.get("furniture") or []],
                   text=shown, text_truncated=len(shown) < len(text),
                   segments=[Segment(start=a, end=b, owner=o) for a, b, o in owners(doc, len(shown))])


def person(arch: Archive, name: str, cache: TTLCache, limit: int = 20) -> PersonOut | None:
    got = cache.get(("person", name))
    if got is not None:
        return got
    groups = identities(arch.db, name)
    if not groups:
        return None
    out = []
    for ids in groups:
        p = profile(arch.db, ids, limit)
        out.append(ProfileOut(
            name=p.name, papers=p.papers,
            titles=[TitleSpan(title=t, first=a, last=b, articles=n) for t, a, b, n in p.titles],
            activity=[MonthActivity(month=m, counts=c) for m, c in p.activity.items()],
            places=[Count(value=v, count=n) for v, n in p.places],
            companions=[Count(value=v, count=n) for v, n in p.companions],
            articles=[ArticleRef(article_id=i, date=d, paper=pp, headline=h) for i, d, pp, h in p.articles]))
    out.sort(key=lambda x: -sum(t.articles for t in x.titles))
    got = PersonOut(name=name, identities=out)
    cache.put(("person", name), got)
    return got


def stats(arch: Archive, cache: TTLCache) -> StatsOut:
    got = cache.get(("stats",))
    if got is None:
        got = StatsOut(**arch.stats())
        cache.put(("stats",), got)
    return got


def papers(arch: Archive, cache: TTLCache) -> list[PaperOut]:
    got = cache.get(("papers",))
    if got is None:
        got = [PaperOut(**vars(r)) for r in browse.papers(arch.db)]
        cache.put(("papers",), got)
    return got


def paper_issues(arch: Archive, name: str) -> PaperIssues | None:
    days = browse.issue_dates(arch.db, name)
    return PaperIssues(name=name, issues=[IssueDay(date=d, pages=n) for d, n in days]) if days else None


def issue(arch: Archive, name: str, day: str) -> IssueOut | None:
    got = browse.issue_pages(arch.db, name, day)
    if not got:
        return None
    return IssueOut(paper=name, date=day, pages=[
        IssuePageOut(page_id=p.page_id, page=p.page, section=p.section,
                     articles=[IssueArticle(article_id=i, headline=h, kind=k) for i, h, k in p.articles])
        for p in got])
