"""The HTML pages: search, article, page view, person. Each renders the same data as its /api/ twin."""
from __future__ import annotations

import calendar
# what the search page's template reads: `x.url` is an attribute found at once (in a dict, only after a
# failed attribute lookup, a few hundred of them a page)
from types import SimpleNamespace as Obj

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup  # the charts: SVG built with every label escaped (charts.py)

from ..store import Archive
from . import views
from .api import archive
from .charts import activity_bars, titles_timeline
from .params import SearchParams, article_id, page_id, person_name, search_params
from .text import entity_links, entity_pieces, person_url, snippet_pieces

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
# facet → (its label, the English in its title)
FACET_LABELS = {"paper": ("报纸", "paper"), "year": ("年份", "year"), "month": ("月份", "month"),
                "section": ("版面", "section"), "type": ("活动", "activity"), "person": ("人物", "person"),
                "place": ("地点", "place")}


def render(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
    html = request.app.state.env.get_template(template).render(archive_name=request.app.state.where, **ctx)
    return HTMLResponse(html, status_code=status)


def _month_range(m: str) -> tuple[str, str]:
    last = calendar.monthrange(int(m[:4]), int(m[5:7]))[1]
    return f"{m}-01", f"{m}-{last:02d}"


def facet_groups(p: SearchParams, facets) -> list[Obj]:
    groups = []
    for key, (label, english) in FACET_LABELS.items():
        items = []
        for c in getattr(facets, key):
            v = c.value
            if key == "year":
                a, b = f"{v}-01-01", f"{v}-12-31"
                url, active = p.url(date_from=a, date_to=b, page=1), (p.date_from, p.date_to) == (a, b)
            elif key == "month":
                a, b = _month_range(v)
                url, active = p.url(date_from=a, date_to=b, page=1), (p.date_from, p.date_to) == (a, b)
            else:
                url, active = p.url(**{key: v, "page": 1}), getattr(p, key) == v
            items.append(Obj(value=v, count=c.count, margin=c.margin, url=url, active=active))
        if items:
            groups.append(Obj(key=key, label=label, english=english, items=items))
    return groups


def active_filters(p: SearchParams) -> list[Obj]:
    out = []
    names = (("paper", "报纸"), ("section", "版面"), ("person", "人物"), ("place", "地点"), ("type", "活动"))
    for key, label in names:
        if getattr(p, key):
            out.append(Obj(label=label, value=getattr(p, key), remove=p.url(**{key: None, "page": 1})))
    if p.date_from or p.date_to:
        out.append(Obj(label="日期", value=f"{p.date_from or '…'} – {p.date_to or '…'}",
                       remove=p.url(date_from=None, date_to=None, page=1)))
    return out


def pager(p: SearchParams, pages: int) -> list[Obj]:
    last = min(pages, p.page + 4) if p.page * p.size < 10_000 else p.page
    nums = sorted({1, *range(max(1, p.page - 3), last + 1)})
    return [Obj(n=n, url=p.url(page=n), current=n == p.page) for n in nums if n * p.size <= 10_000]


@router.get("/")
@router.get("/search")
def search_page(request: Request, p: SearchParams = Depends(search_params), arch: Archive = Depends(archive)):
    res = views.search(arch, p, request.app.state.cache, request.app.state.settings.facet_limit,
                        request.app.state.settings.exact_up_to)
    hits = [Obj(hit=h, pieces=snippet_pieces(h.snippet, h.marks)) for h in res.hits]
    active = active_filters(p)
    stats = views.stats(arch, request.app.state.cache) if not p.q and not active else None
    return render(request, "search.html", p=p, res=res, hits=hits, groups=facet_groups(p, res.facets),
                  active=active, pager=pager(p, res.pages), stats=stats,
                  prev=p.url(page=p.page - 1) if p.page > 1 else None,
                  next=p.url(page=p.page + 1) if p.page < res.pages and (p.page + 1) * p.size <= 10_000 else None)


@router.get("/article/{article_id}")
def article_page(request: Request, aid: int = Depends(article_id), arch: Archive = Depends(archive)):
    lid = views.logical_of(arch, aid)
    if lid is None:
        raise HTTPException(404, f"no article {aid} in this archive; find one from the search page")
    if lid != aid:
        return RedirectResponse(f"/article/{lid}", status_code=301)
    a = views.article(arch, lid)
    if a is None:
        raise HTTPException(404, f"no article {aid} in this archive")
    links = entity_links([x.name for x in a.persons], a.places, a.orgs)
    parts = [{"part": part, "items": [{"kind": b.kind, "pieces": entity_pieces(b.text, links), "dateline": None}
                                      for b in part.body]} for part in a.parts]
    first = next((it for it in parts[0]["items"] if it["kind"] == "paragraph"), None) if parts else None
    if first is not None and a.dateline:
        first["dateline"] = a.dateline   # printed at the head of the first paragraph
    return render(request, "article.html", a=a, parts=parts, person_url=person_url,
                  head=lambda s: entity_pieces(s or "", links))


@router.get("/page/{page_id}")
def page_page(request: Request, pid: int = Depends(page_id), arch: Archive = Depends(archive)):
    pg = views.page(arch, pid, request.app.state.settings.max_text)
    if pg is None:
        raise HTTPException(404, f"no page {pid} in this archive")
    pieces = [{"text": pg.text[s.start:s.end], "owner": s.owner} for s in pg.segments]
    return render(request, "page.html", pg=pg, pieces=pieces)


@router.get("/person/{name:path}")
def person_page(request: Request, name: str = Depends(person_name), arch: Archive = Depends(archive)):
    got = views.person(arch, name, request.app.state.cache)
    if got is None:
        raise HTTPException(404, f"no person called {name} in this archive; try searching for the name")
    people = []
    for prof in got.identities:
        people.append({"prof": prof,
                       "timeline": Markup(titles_timeline([(t.title, t.first, t.last, t.articles)
                                                           for t in prof.titles])),
                       "activity": Markup(activity_bars({m.month: m.counts for m in prof.activity})),
                       "more": SearchParams(person=name).url()})
    return render(request, "person.html", name=name, people=people, person_url=person_url)


@router.get("/api")
def api_index(request: Request):
    schema = request.app.openapi()
    ops = [{"path": path, "method": m.upper(), "summary": op.get("summary", ""),
            "params": [x["name"] for x in op.get("parameters", [])]}
           for path, item in schema["paths"].items() for m, op in item.items()]
    return render(request, "api.html", ops=ops)
