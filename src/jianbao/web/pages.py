"""The HTML pages: search, article, page view, person. Each renders the same data as its /api/ twin."""
from __future__ import annotations

import calendar
# what the search page's template reads: `x.url` is an attribute found at once (in a dict, only after a
# failed attribute lookup, a few hundred of them a page)
from types import SimpleNamespace as Obj

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup  # the charts: SVG built with every label escaped (charts.py)

from ..export.archive.networks import WRITERS as NETWORK_WRITERS
from ..store import Archive, Filters
from . import views
from .facsimile import Missing, picture
from .api import archive
from .charts import _months, activity_bars, hits_timeline, titles_timeline
from .egoview import ego_svg, shown
from .params import SearchParams, article_id, issue_date, page_id, paper_name, person_name, search_params
from .messages import chinese
from .text import entity_links, entity_pieces, person_url, snippet_pieces

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
# facet → (its label, the English in its title)
FACET_LABELS = {"paper": ("报纸", "paper"), "year": ("年份", "year"), "month": ("月份", "month"),
                "kind": ("体裁", "kind"), "section": ("版面", "section"), "type": ("活动", "activity"),
                "person": ("人物", "person"), "place": ("地点", "place")}
KIND_LABELS = {"news": "新闻", "photo": "图片", "notice": "公告", "ad": "广告", "other": "其他"}
# the unknown bucket ('') of a facet: its label, and the filter that narrows the search to it
UNKNOWN = {"year": ("日期不详", "undated"), "month": ("日期不详", "undated"), "type": ("无活动记录", "untyped")}
SORT_LABELS = (("relevance", "相关度", "relevance"), ("newest", "最新", "newest first"),
               ("oldest", "最早", "oldest first"))
DOWNLOADS = (("articles", "文章"), ("events", "活动"), ("persons", "人物"))
TIMELINE_MONTHS = 36   # a timeline over more months than this shows years


def render(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
    html = request.app.state.env.get_template(template).render(archive_name=request.app.state.where, **ctx)
    return HTMLResponse(html, status_code=status)


def _month_range(m: str) -> tuple[str, str]:
    last = calendar.monthrange(int(m[:4]), int(m[5:7]))[1]
    return f"{m}-01", f"{m}-{last:02d}"


def facet_item(p: SearchParams, key: str, c) -> Obj:
    """One value of a facet: its label, count and the search narrowed to it."""
    v = c.value
    if not v and key in UNKNOWN:
        label, flag = UNKNOWN[key]
        drop = {"date_from": None, "date_to": None} if flag == "undated" else {"type": None}
        url, active = p.url(**{flag: True, "page": 1, **drop}), getattr(p.filters, flag)
        return Obj(value=label, count=c.count, margin=c.margin, url=url, active=active, unknown=True)
    if key == "year":
        a, b = f"{v}-01-01", f"{v}-12-31"
        url = p.url(date_from=a, date_to=b, undated=None, page=1)
        active = (p.filters.date_from, p.filters.date_to) == (a, b)
    elif key == "month":
        a, b = _month_range(v)
        url = p.url(date_from=a, date_to=b, undated=None, page=1)
        active = (p.filters.date_from, p.filters.date_to) == (a, b)
    else:
        url, active = p.url(**{key: v, "page": 1}), getattr(p.filters, key) == v
    return Obj(value=KIND_LABELS.get(v, v) if key == "kind" else v, count=c.count, margin=c.margin, url=url,
               active=active, unknown=False)


def facet_groups(p: SearchParams, facets, limit: int = 10) -> list[Obj]:
    groups = []
    for key, (label, english) in FACET_LABELS.items():
        values = getattr(facets, key)
        items = [facet_item(p, key, c) for c in values]
        # the "more" link: a facet cut at its limit (months: at twice it) has more values to show
        full = limit * 2 if key == "month" else limit
        more = p.url(f"/facet/{key}", page=None) if key != "year" and len([c for c in values if c.value]) >= full \
            else None
        if items:
            groups.append(Obj(key=key, label=label, english=english, items=items, more=more))
    return groups


def timeline_chart(p: SearchParams, months: list) -> Markup:
    """The hits over time: a bar per month, or per year over a longer span; a bar narrows the search."""
    if not months:
        return Markup("")
    counts = {c.value: (c.count, c.margin) for c in months}
    span = _months(months[0].value, months[-1].value)
    if len(span) <= TIMELINE_MONTHS:
        bars = [(m, *counts.get(m, (0, 0)), p.url(date_from=_month_range(m)[0], date_to=_month_range(m)[1],
                                                   undated=None, page=1)) for m in span]
    else:
        years: dict[str, list[int]] = {str(y): [0, 0] for y in range(int(span[0][:4]), int(span[-1][:4]) + 1)}
        for m, (n, e) in counts.items():
            years[m[:4]][0] += n
            years[m[:4]][1] += e
        bars = [(y, n, e, p.url(date_from=f"{y}-01-01", date_to=f"{y}-12-31", undated=None, page=1))
                for y, (n, e) in years.items()]
    return Markup(hits_timeline(bars))


def active_filters(p: SearchParams) -> list[Obj]:
    out = []
    names = (("paper", "报纸"), ("section", "版面"), ("person", "人物"), ("place", "地点"), ("type", "活动"),
             ("kind", "体裁"))
    for key, label in names:
        if getattr(p.filters, key):
            value = KIND_LABELS.get(p.filters.kind, p.filters.kind) if key == "kind" else getattr(p.filters, key)
            out.append(Obj(label=label, value=value, remove=p.url(**{key: None, "page": 1})))
    for flag, (label, value) in (("undated", ("日期", "不详")), ("untyped", ("活动", "无记录"))):
        if getattr(p.filters, flag):
            out.append(Obj(label=label, value=value, remove=p.url(**{flag: None, "page": 1})))
    if p.filters.region:
        name = Archive.division_name(p.filters.region)
        out.append(Obj(label="地区", value=f"{name}（{p.filters.region}）" if name else p.filters.region,
                       remove=p.url(region=None, page=1)))
    if p.filters.date_from or p.filters.date_to:
        out.append(Obj(label="日期", value=f"{p.filters.date_from or '…'} – {p.filters.date_to or '…'}",
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
    limit = request.app.state.settings.facet_limit
    return render(request, "search.html", p=p, res=res, hits=hits, groups=facet_groups(p, res.facets, limit),
                  active=active, pager=pager(p, res.pages), stats=stats, timeline=timeline_chart(p, res.timeline),
                  sorts=[Obj(key=k, label=lab, english=en, url=p.url(sort=k, page=1), on=p.sort == k)
                         for k, lab, en in SORT_LABELS],
                  downloads=[Obj(label=lab, csv=p.url(f"/api/download/{k}.csv", page=None, size=None, sort=None),
                                 json=p.url(f"/api/download/{k}.json", page=None, size=None, sort=None))
                             for k, lab in DOWNLOADS], kinds=KIND_LABELS,
                  prev=p.url(page=p.page - 1) if p.page > 1 else None,
                  next=p.url(page=p.page + 1) if p.page < res.pages and (p.page + 1) * p.size <= 10_000 else None)


@router.get("/article/{article_id}")
def article_page(request: Request, aid: int = Depends(article_id), arch: Archive = Depends(archive)):
    lid = arch.logical_of(aid)
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
    for pt in parts:
        f = pt["part"].facsimile
        pt["crop"] = crop_view(pt["part"].regions, f.width, f.height) if f else None
        pt["regions"] = [Obj(seq=0, article_id=a.article_id, title=a.headline or "（无标题）",
                             boxes=pt["part"].regions)]
    return render(request, "article.html", a=a, parts=parts, person_url=person_url, zh=chinese,
                  head=lambda s: entity_pieces(s or "", links))


@router.get("/page/{page_id}")
def page_page(request: Request, pid: int = Depends(page_id), arch: Archive = Depends(archive)):
    pg = views.page(arch, pid, request.app.state.settings.max_text)
    if pg is None:
        raise HTTPException(404, f"no page {pid} in this archive")
    pieces = [{"text": pg.text[s.start:s.end], "owner": s.owner} for s in pg.segments]
    regions = [Obj(seq=a.seq, article_id=a.article_id, title=a.headline or "（无标题）", boxes=a.regions)
               for a in pg.articles if a.regions]
    return render(request, "page.html", pg=pg, pieces=pieces, zh=chinese, regions=regions)


def crop_view(boxes: list[list[float]], width: float, height: float, pad: float = 0.02) -> str | None:
    """An SVG viewBox around an article's rectangles (a margin of `pad` of the page's width)."""
    if not boxes:
        return None
    m = pad * width
    x0, y0 = max(0.0, min(b[0] for b in boxes) - m), max(0.0, min(b[1] for b in boxes) - m)
    x1, y1 = min(width, max(b[2] for b in boxes) + m), min(height, max(b[3] for b in boxes) + m)
    return f"{x0:g} {y0:g} {x1 - x0:g} {y1 - y0:g}"


@router.get("/page/{page_id}/image")
def page_image(pid: int = Depends(page_id), arch: Archive = Depends(archive)):
    """The page's picture (PNG, or the scan as it is): 404 with a message when the page has none or
    its file is gone."""
    image = arch.page_image(pid)
    if image is None:
        raise HTTPException(404, f"page {pid} has no picture (only pages read from a PDF or a scan have one)")
    try:
        data, media = picture(image)
    except Missing as e:
        raise HTTPException(404, str(e)) from None
    return Response(data, media_type=media, headers={"Cache-Control": "private, max-age=3600"})


# a spell's change to the next (store/spells.py), as the person page says it
CHANGE_LABELS = {"promotion": "升任", "moved": "调任", "changed": "改任", "ended": "卸任", "": "至末见仍任"}
# the ego network's downloads: format → (media type, file suffix)
NETWORK_FILES = {"graphml": ("application/graphml+xml", "graphml"), "gexf": ("application/gexf+xml", "gexf"),
                 "edges": ("text/csv; charset=utf-8", "csv")}


def _ego(arch: Archive, name: str, ids: str | None) -> list[int]:
    """The person ids of the ego network: one identity of `name` (`ids`, as the person page links
    it: "3,17"), or every person of that name."""
    own = [i for ids in arch.identities(name) for i in ids]
    if not own:
        raise HTTPException(404, f"no person called {name} in this archive; try searching for the name")
    if not ids:
        return own
    try:
        want = [int(x) for x in ids.split(",") if x.strip()]
    except ValueError:
        raise HTTPException(400, f"ids={ids} is not a list of person ids: write them as on the person page, "
                                 "e.g. 3,17") from None
    got = [i for i in want if i in own]
    if not got:
        raise HTTPException(404, f"no person called {name} has the ids {ids}; follow the link on /person/{name}")
    return got


@router.get("/person/{name:path}/network.{fmt}")
def person_network_file(fmt: str, name: str = Depends(person_name), ids: str | None = None,
                        arch: Archive = Depends(archive)):
    if fmt not in NETWORK_FILES:
        raise HTTPException(404, f"no network format {fmt}; one of {', '.join(NETWORK_FILES)}")
    net = arch.network(ego=_ego(arch, name, ids))
    media, suffix = NETWORK_FILES[fmt]
    return Response(NETWORK_WRITERS[fmt](net), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="network.{suffix}"'})


@router.get("/person/{name:path}/network")
def person_network_page(request: Request, name: str = Depends(person_name), ids: str | None = None,
                        arch: Archive = Depends(archive)):
    ego = _ego(arch, name, ids)
    net = arch.network(ego=ego)
    nodes = {n.id: n for n in net.nodes}
    ties = sorted((e for e in net.edges if (e.source in ego) != (e.target in ego)), key=lambda e: (-e.weight, e.source))
    rows = [Obj(node=nodes[e.target if e.source in ego else e.source], edge=e) for e in ties]
    return render(request, "network.html", name=name, svg=Markup(ego_svg(net, ego)), rows=rows,
                  drawn=len(shown(net, ego)), query=f"?ids={','.join(map(str, ego))}", formats=NETWORK_FILES,
                  person_url=person_url)


@router.get("/person/{name:path}")
def person_page(request: Request, name: str = Depends(person_name), arch: Archive = Depends(archive)):
    got = views.person(arch, name, request.app.state.cache)
    if got is None:
        raise HTTPException(404, f"no person called {name} in this archive; try searching for the name")
    people = []
    for prof in got.identities:
        people.append({"prof": prof,
                       # the timeline drawn from the career spells (store/spells.py), shown as a table below it
                       "timeline": Markup(titles_timeline([(s.title, s.first, s.last, s.articles)
                                                           for s in prof.spells])),
                       "network": f"{person_url(name)}/network?ids={','.join(map(str, prof.person_ids))}",
                       "activity": Markup(activity_bars({m.month: m.counts for m in prof.activity})),
                       "more": SearchParams(filters=Filters(person=name)).url()})
    return render(request, "person.html", name=name, people=people, person_url=person_url, changes=CHANGE_LABELS)


@router.get("/api")
@router.get("/api/docs")
def api_index(request: Request):
    """The API's paths from /openapi.json, each with a form to try it (static/api.js: no CDN)."""
    schema = request.app.openapi()
    ops = [{"path": path, "method": m.upper(), "summary": op.get("summary", ""),
            "params": [{"name": x["name"], "in": x["in"], "required": x.get("required", False),
                        "description": x.get("description") or x.get("schema", {}).get("description", ""),
                        "choices": x.get("schema", {}).get("enum") or
                        next((y.get("enum") for y in x.get("schema", {}).get("anyOf", []) if y.get("enum")), None)}
                       for x in op.get("parameters", [])]}
           for path, item in schema["paths"].items() for m, op in item.items()]
    return render(request, "api.html", ops=ops)


@router.get("/facet/{name}")
def facet_page(request: Request, name: str, p: SearchParams = Depends(search_params),
               arch: Archive = Depends(archive)):
    if name not in FACET_LABELS:
        raise HTTPException(404, f"no facet called {name}; one of {', '.join(FACET_LABELS)}")
    got = views.facet(arch, p, name, request.app.state.cache, request.app.state.settings.exact_up_to)
    label, english = FACET_LABELS[name]
    return render(request, "facet.html", p=p, label=label, english=english, got=got,
                  items=[facet_item(p, name, c) for c in got.values], back=p.url(page=None))


@router.get("/papers")
def papers_page(request: Request, arch: Archive = Depends(archive)):
    return render(request, "papers.html", papers=views.papers(arch, request.app.state.cache),
                  unnamed=arch.unnamed_pages())


@router.get("/paper/{name}")
def paper_page(request: Request, name: str = Depends(paper_name), arch: Archive = Depends(archive)):
    got = views.paper_issues(arch, name)
    if got is None:
        raise HTTPException(404, f"no paper called {name} with dated pages in this archive; see /papers")
    return render(request, "paper.html", name=name, got=got, months=issue_calendar([d.date for d in got.issues]))


@router.get("/paper/{name}/{day}")
def issue_page(request: Request, name: str = Depends(paper_name), day: str = Depends(issue_date),
               arch: Archive = Depends(archive)):
    got = views.issue(arch, name, day)
    if got is None:
        raise HTTPException(404, f"no issue of {name} dated {day} in this archive; see /paper/{name}")
    return render(request, "issue.html", got=got, kinds=KIND_LABELS)


def issue_calendar(days: list[str]) -> list[Obj]:
    """Months that have issues, newest first, each as weeks (Monday first) of days: 0 outside the
    month, else (day, whether an issue has that date)."""
    have = set(days)
    out = []
    for month in sorted({d[:7] for d in days}, reverse=True):
        y, m = int(month[:4]), int(month[5:])
        weeks = [[(d, f"{month}-{d:02d}" in have) if d else (0, False) for d in week]
                 for week in calendar.Calendar(0).monthdayscalendar(y, m)]
        out.append(Obj(month=month, label=f"{y}年{m}月", weeks=weeks, count=sum(1 for d in have if d[:7] == month)))
    return out
