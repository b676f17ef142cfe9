"""What each page shows, as data: the JSON API returns it as is, the HTML pages render it."""
from __future__ import annotations

from math import ceil

from ..export.pages.markdown import body_in_order
from ..model import Article
from ..store import COUNT_UP_TO, Archive, margin
from .cache import TTLCache
from .models import (SpellOut, IssueArticle, IssueDay, IssueOut, IssuePageOut, PaperIssues, PaperOut,
                     ArticleOut, ArticleRef, BodyItem, Count, EventOut, FacetCount, FacsimileOut, FacetOut, Facets, FurnitureOut, HitOut,
                     MonthActivity, PageArticle, PageOut, PartOut, PersonOut, PersonRef, PrintingOut, ProfileOut,
                     SearchOut, Segment, StatsOut, TitleSpan)
from .params import MAX_RESULTS, SearchParams
from .facsimile import missing
from .text import owners


def search(arch: Archive, p: SearchParams, cache: TTLCache, facet_limit: int = 10,
           exact_up_to: int = COUNT_UP_TO) -> SearchOut:
    # the ranking's walk (the query's newest matches) also tells facet_counts whether it saw them all
    ranking = arch.ranking(p.q, p.filters) if p.q and not p.filters.section and p.sort == "relevance" else None
    key = ("facets", arch.version(), p.q, p.filters)   # the archive as it is now: a write counts at once
    fc = cache.get(key)
    if fc is None:
        fc = arch.facets(p.q, p.filters, facet_limit, exact_up_to, ranking.walked if ranking else None)
        cache.put(key, fc)
    hits = arch.find(p.q, p.filters, p.size, p.offset, ranking, p.sort, p.collapse) if p.offset < fc.total else []
    # every page the pager offers exists: the total is exact up to the MAX_RESULTS served, and an
    # estimate only above them
    pages = min(max(1, ceil(fc.total / p.size)), MAX_RESULTS // p.size)
    return SearchOut(
        query=p.q, total=fc.total, total_exact=fc.total_exact, total_margin=fc.total_margin, page=p.page,
        size=p.size, pages=pages,
        filters=p.filters, sort=p.sort,
        hits=[HitOut(article_id=h.logical_id, score=round(h.score, 4), paper=h.paper, date=h.date, page=h.page,
                     kicker=h.kicker, headline=h.headline, snippet=h.snippet, marks=h.marks, parts=h.parts,
                     kind=h.kind, story_id=h.story_id, printings=h.printings)
              for h in hits],
        facets=Facets(sample_every=fc.every, **{k: _counts(rows, fc.every) for k, rows in fc.counts.items()
                                                if k != "timeline"}),
        timeline=_counts(fc.counts.get("timeline", []), fc.every))


def _counts(rows: list[tuple[str, int]], every: int) -> list[FacetCount]:
    return [FacetCount(value=v, count=n, margin=margin(n, every)) for v, n in rows]


def facet(arch: Archive, p: SearchParams, name: str, cache: TTLCache, exact_up_to: int = COUNT_UP_TO) -> FacetOut:
    """Every value of one facet of a search (the "more" link)."""
    key = ("facet-all", arch.version(), p.q, p.filters)
    fc = cache.get(key)
    if fc is None:
        fc = arch.facets(p.q, p.filters, 0, exact_up_to)
        cache.put(key, fc)
    return FacetOut(facet=name, total=fc.total, sample_every=fc.every, values=_counts(fc.counts[name], fc.every))


def _body(a: Article) -> list[BodyItem]:
    return [BodyItem(kind=k, text=t) for k, t in body_in_order(a)]


def article(arch: Archive, logical_id: int) -> ArticleOut | None:
    la = arch.logical(logical_id)
    if la is None:
        return None
    a = la.article   # the parts joined (store.merge_parts)
    return ArticleOut(
        article_id=logical_id, kind=a.kind, paper=la.paper, date=la.date, pages=la.pages,
        kicker=a.kicker, headline=a.headline, subheadline=a.subheadline, byline=a.byline,
        reporters=a.reporters, dateline=a.dateline,
        parts=[PartOut(article_id=x.article_id, page_id=x.page_id, paper=x.paper, date=x.date, page=x.page,
                       continued_from=x.article.continued_from, continued_on=x.article.continued_on,
                       body=_body(x.article), regions=[list(r) for r in x.article.regions],
                       facsimile=facsimile(arch, x.page_id)) for x in la.parts],
        persons=[PersonRef(name=x.name, titles=x.titles) for x in a.persons], places=a.places, orgs=a.orgs,
        events=[EventOut(**e.to_dict()) for e in a.events], story_id=la.story_id,
        printings=[PrintingOut(article_id=x.logical_id, paper=x.paper, date=x.date, page=x.page, headline=x.headline)
                   for x in la.printings])


def page(arch: Archive, page_id: int, max_text: int) -> PageOut | None:
    got = arch.page(page_id)
    if got is None:
        return None
    doc, text = got.doc, got.text
    arts = []
    for k, d in enumerate(doc.get("articles") or []):
        a = Article.from_dict(d)
        arts.append(PageArticle(seq=k, article_id=got.logical_ids.get(k, 0), kind=a.kind, kicker=a.kicker,
                                headline=a.headline, subheadline=a.subheadline, byline=a.byline, dateline=a.dateline,
                                continued_from=a.continued_from, continued_on=a.continued_on, body=_body(a),
                                regions=[list(r) for r in a.regions]))
    shown = text[:max_text]
    return PageOut(page_id=page_id, **got.meta.to_dict(), articles=arts,
                   furniture=[FurnitureOut(kind=f["kind"], text=f["text"]) for f in doc.get("furniture") or []],
                   text=shown, text_truncated=len(shown) < len(text),
                   segments=[Segment(start=a, end=b, owner=o) for a, b, o in owners(doc, len(shown))],
                   facsimile=facsimile(arch, page_id))


def facsimile(arch: Archive, page_id: int) -> FacsimileOut | None:
    """The page's picture, or None when it was not read from a PDF or scan; a file gone is said."""
    image = arch.page_image(page_id)
    if image is None:
        return None
    gone = missing(image)
    return FacsimileOut(page_id=page_id, image_url=f"/page/{page_id}/image", width=image.width,
                        height=image.height, unit=image.unit, missing=str(gone) if gone else None)


def person(arch: Archive, name: str, cache: TTLCache, limit: int = 20) -> PersonOut | None:
    key = ("person", arch.version(), name)
    got = cache.get(key)
    if got is not None:
        return got
    profiles = arch.people(name, limit)
    if not profiles:
        return None
    out = []
    for p in profiles:
        career = arch.careers(person_ids=p.person_ids)
        out.append(ProfileOut(
            name=p.name, papers=p.papers, person_ids=p.person_ids,
            spells=[SpellOut(**vars(s)) for c in career for s in c.spells],
            titles=[TitleSpan(title=t, first=a, last=b, articles=n) for t, a, b, n in p.titles],
            activity=[MonthActivity(month=m, counts=c) for m, c in p.activity.items()],
            places=[Count(value=v, count=n) for v, n in p.places],
            companions=[Count(value=v, count=n) for v, n in p.companions],
            articles=[ArticleRef(article_id=i, date=d, paper=pp, headline=h) for i, d, pp, h in p.articles]))
    out.sort(key=lambda x: -sum(t.articles for t in x.titles))
    got = PersonOut(name=name, identities=out)
    cache.put(key, got)
    return got


def stats(arch: Archive, cache: TTLCache) -> StatsOut:
    key = ("stats", arch.version())
    got = cache.get(key)
    if got is None:
        got = StatsOut(**arch.stats())
        cache.put(key, got)
    return got


def papers(arch: Archive, cache: TTLCache) -> list[PaperOut]:
    key = ("papers", arch.version())
    got = cache.get(key)
    if got is None:
        got = [PaperOut(**vars(r)) for r in arch.papers()]
        cache.put(key, got)
    return got


def paper_issues(arch: Archive, name: str) -> PaperIssues | None:
    days = arch.issue_dates(name)
    return PaperIssues(name=name, issues=[IssueDay(date=d, pages=n) for d, n in days]) if days else None


def issue(arch: Archive, name: str, day: str) -> IssueOut | None:
    got = arch.issue_pages(name, day)
    if not got:
        return None
    return IssueOut(paper=name, date=day, pages=[
        IssuePageOut(page_id=p.page_id, page=p.page, section=p.section,
                     articles=[IssueArticle(article_id=i, headline=h, kind=k) for i, h, k in p.articles])
        for p in got])
