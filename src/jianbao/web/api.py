"""The read-only JSON API under /api/: the data behind every page (OpenAPI schema at /openapi.json)."""
from __future__ import annotations

from typing import AsyncIterator, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from ..export.archive.stream import download
from ..store import FACETS, Archive, Filters, parse
from . import views
from .models import (ArticleOut, EventOut, FacetOut, IssueOut, PageOut, PaperIssues, PaperOut, PersonOut, Problem,
                     SearchOut, StatsOut)
from .params import (SearchParams, article_id, filter_params, issue_date, page_id, paper_name, person_name,
                     search_params)

ERRORS = {400: {"model": Problem, "description": "a parameter to change (the message says which)"},
          404: {"model": Problem, "description": "nothing stored under that id or name"},
          422: {"model": Problem, "description": "a parameter out of its declared bounds"},
          503: {"model": Problem, "description": "busy, or the archive cannot be read now"}}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


async def archive(request: Request) -> AsyncIterator[Archive]:
    """Borrow a connection. Requests queue here, in the event loop, for one of the pool's slots, so a
    burst of clients never fills the worker threads with requests that wait (threads that the
    requests holding connections need in order to finish)."""
    async with request.app.state.slots:
        with request.app.state.pool.archive() as arch:
            yield arch


class Record(EventOut):
    paper: str | None
    page: str | None
    headline: str | None
    article_id: int
    issue_date: str | None


@router.get("/search", response_model=SearchOut, summary="Search with facets and pagination")
def api_search(request: Request, p: SearchParams = Depends(search_params), arch: Archive = Depends(archive)):
    return views.search(arch, p, request.app.state.cache, request.app.state.settings.facet_limit,
                        request.app.state.settings.exact_up_to)


FacetName = Literal[FACETS]  # type: ignore[valid-type]


@router.get("/facets/{name}", response_model=FacetOut, summary="Every value of one facet of a search")
def api_facet(request: Request, name: FacetName = Path(description="paper, year, month, kind, section, type, "
                                                                   "person or place"),
              p: SearchParams = Depends(search_params), arch: Archive = Depends(archive)):
    return views.facet(arch, p, name, request.app.state.cache, request.app.state.settings.exact_up_to)


@router.get("/download/{what}.{fmt}", summary="A search's articles, activities or persons as CSV or JSON lines",
            response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}},
                             "description": "every match (not only the first 10,000), streamed"}})
def api_download(request: Request, what: Literal["articles", "events", "persons"] = Path(
                     description="articles: one row per article (continued parts joined); events: its activities; "
                                 "persons: the persons named, with how many articles name them"),
                 fmt: Literal["csv", "json"] = Path(description="csv (UTF-8) or json (one object a line)"),
                 p: SearchParams = Depends(search_params)):
    if p.q:
        parse(p.q)   # a bad query is a 400 now, not an error in the middle of the download
    pool = request.app.state.pool

    def chunks():
        with pool.archive() as arch:
            yield from download(arch, what, fmt, p.q, p.filters)
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson; charset=utf-8"
    name = f"jianbao-{what}.{'csv' if fmt == 'csv' else 'jsonl'}"
    return StreamingResponse(chunks(), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/articles/{article_id}", response_model=ArticleOut, summary="One article, its continued parts joined")
def api_article(aid: int = Depends(article_id), arch: Archive = Depends(archive)):
    lid = arch.logical_of(aid)
    got = views.article(arch, lid) if lid else None
    if got is None:
        raise HTTPException(404, f"no article {aid} in this archive")
    return got


@router.get("/pages/{page_id}", response_model=PageOut, summary="One page as cut, with its original input")
def api_page(request: Request, pid: int = Depends(page_id), arch: Archive = Depends(archive)):
    got = views.page(arch, pid, request.app.state.settings.max_text)
    if got is None:
        raise HTTPException(404, f"no page {pid} in this archive")
    return got


@router.get("/persons/{name:path}", response_model=PersonOut,
            summary="A person's titles over time, activities per month, places, companions, articles")
def api_person(request: Request, name: str = Depends(person_name), arch: Archive = Depends(archive)):
    got = views.person(arch, name, request.app.state.cache)
    if got is None:
        raise HTTPException(404, f"no person called {name} in this archive")
    return got


@router.get("/events", response_model=list[Record], summary="Activity records, newest first")
def api_events(f: Filters = Depends(filter_params), limit: int = Query(100, ge=1, le=1000),
               arch: Archive = Depends(archive)):
    rows = arch.events(f, limit)
    return [Record(**r) for r in rows]


@router.get("/stats", response_model=StatsOut, summary="How much the archive holds")
def api_stats(request: Request, arch: Archive = Depends(archive)):
    return views.stats(arch, request.app.state.cache)


@router.get("/papers", response_model=list[PaperOut], summary="The papers, with their issues and pages")
def api_papers(request: Request, arch: Archive = Depends(archive)):
    return views.papers(arch, request.app.state.cache)


@router.get("/papers/{name}", response_model=PaperIssues, summary="A paper's issue dates")
def api_paper(name: str = Depends(paper_name), arch: Archive = Depends(archive)):
    got = views.paper_issues(arch, name)
    if got is None:
        raise HTTPException(404, f"no paper called {name} with dated pages in this archive; see /api/papers")
    return got


@router.get("/papers/{name}/{day}", response_model=IssueOut, summary="One issue: its pages and their articles")
def api_issue(name: str = Depends(paper_name), day: str = Depends(issue_date), arch: Archive = Depends(archive)):
    got = views.issue(arch, name, day)
    if got is None:
        raise HTTPException(404, f"no issue of {name} dated {day} in this archive; see /api/papers/{name}")
    return got
