"""Query parameters: declared with their limits (so the OpenAPI schema states them) and checked.

Anything out of bounds is the client's mistake: 400 or 422 with a message saying what to change.
The dependencies are `async def`: checked in the event loop, not each sent to a worker thread.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Path, Query

from ..store import MAX_QUERY, NAME_MAX, SORTS, TEXT, FilterParam, Filters, QueryError, date_bound, filter_fields

QUERY = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"   # a query may hold tabs and line ends: white space
MAX_PAGE = 500
MAX_RESULTS = 10_000
MAX_SIZE = 100
MAX_ID = 2 ** 62
Sort = Literal[SORTS]  # type: ignore[valid-type]


def bad(detail: str) -> HTTPException:
    return HTTPException(status_code=400, detail=detail)


def _date(name: str, value: str | None, end: bool = False) -> str | None:
    try:
        return date_bound(value, end, name)
    except QueryError as e:
        raise bad(str(e)) from None


@dataclass(frozen=True)
class SearchParams:
    """A search as the pages and the API take it: the query, the archive's one Filters, the pager."""
    q: str = ""
    filters: Filters = Filters()
    page: int = 1
    size: int = 20
    sort: str = "relevance"
    collapse: bool = False        # one hit per story (a reprint's printings shown once)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def url(self, path: str = "/search", **change) -> str:
        """This search as a shareable URL, with some parameters changed (None removes one): a filter's
        by its Filters name (paper=…, date_from=…), the others by theirs (q, page, size, sort)."""
        pairs = [_pair(k, change[k]) if k in change else q for k, q in self._pairs.items()]
        pairs = [x for x in pairs if x]
        return path + ("?" + "&".join(pairs) if pairs else "")

    @cached_property
    def _pairs(self) -> dict[str, str]:
        """Each parameter as it stands in a URL, "" where it is left out: quoted once, not once a link
        (a search page has some 80 links)."""
        return {name: _pair(name, getattr(self.filters if name in FILTER_NAMES else self, name)) for name in URL_ORDER}


PUBLIC = {name: p.name for name, p in filter_fields()}   # a filter's name in a URL (date_from: from)
FILTER_NAMES = frozenset(PUBLIC)
# the order of a search URL's parameters (as it has always been: links and bookmarks stay the same)
URL_ORDER = ("q", "paper", "date_from", "date_to", "person", "place", "type", "section", "page", "size", "sort",
             "kind", "undated", "untyped", "region", "collapse")
assert set(URL_ORDER) == FILTER_NAMES | {"q", "page", "size", "sort", "collapse"}


@lru_cache(maxsize=8192)
def _pair(name: str, value) -> str:
    """One parameter as it stands in a URL ("" where left out); remembered, since a search page links
    the same papers, months and people again and again."""
    if value in (None, "", False) or (name == "page" and value == 1) or (name == "size" and value == 20) \
            or (name == "sort" and value == "relevance"):
        return ""
    if value is True:
        value = 1
    return urlencode([(PUBLIC.get(name, name), value)])


def _query(name: str, p: FilterParam) -> inspect.Parameter:
    """A filter as a query parameter, from its declaration (store/filters.py): its name in the URL, its
    limits and help, so that the OpenAPI schema states them and FastAPI checks them (422)."""
    v = p.value
    if v.flag:
        return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=bool,
                                 default=Query(False, alias=p.name, description=p.help))
    kind = Literal[v.choices] if v.choices else str   # type: ignore[valid-type]
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind | None,
                             default=Query(None, alias=p.name, max_length=v.max_length, pattern=v.pattern,
                                           description=p.help))


async def filter_params(**given) -> Filters:
    """The archive's one Filters from a URL's query (every field of Filters, declared in store/filters.py):
    empty values left out, dates made days (a year or month: its first or last day), from ≤ to."""
    for name, p in filter_fields():
        if p.value.date:
            given[name] = _date(p.name, given[name], end=p.end)
        elif not p.value.flag:
            given[name] = given[name] or None
    f = Filters(**given)
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise bad(f"from={f.date_from} is after to={f.date_to}: swap them")
    return f


filter_params.__signature__ = inspect.Signature(   # type: ignore[attr-defined]
    [_query(name, p) for name, p in filter_fields()], return_annotation=Filters)


async def search_params(
    q: str = Query("", max_length=MAX_QUERY, pattern=QUERY,
                   description='Chinese words, names or numbers (all must match); "quotes" make a phrase; '
                               "-word leaves out the articles that hold it; traditional characters match "
                               "simplified ones. Empty: every article, newest first."),
    page: int = Query(1, ge=1, le=MAX_PAGE, description="result page, from 1"),
    size: int = Query(20, ge=1, le=MAX_SIZE, description="results per page"),
    sort: Sort = Query("relevance", description="relevance: best matches first (no query: newest first); "
                                                "newest or oldest: by issue date, undated last"),
    collapse: bool = Query(False, description="one hit per story: an article that several papers or pages "
                                               "printed (a reprint) is shown once, with its number of printings"),
    f: Filters = Depends(filter_params),
) -> SearchParams:
    p = SearchParams(" ".join(q.split()), f, page, size, sort, collapse)
    if p.page * p.size > MAX_RESULTS:
        raise bad(f"only the first {MAX_RESULTS:,} results are served (page × size); narrow the search")
    return p


async def article_id(article_id: int = Path(ge=1, le=MAX_ID, description="a logical article id")) -> int:
    return article_id


async def page_id(page_id: int = Path(ge=1, le=MAX_ID, description="a stored page id")) -> int:
    return page_id


async def person_name(name: str = Path(min_length=1, max_length=NAME_MAX, pattern=TEXT,
                                       description="a person's name as printed, e.g. 秦国文")) -> str:
    if not name.strip():
        raise bad("give a person's name, e.g. /person/秦国文")
    return name.strip()


async def paper_name(name: str = Path(min_length=1, max_length=NAME_MAX, pattern=TEXT,
                                      description="a paper's name as stored, e.g. 衡阳日报")) -> str:
    if not name.strip():
        raise bad("give a paper's name, e.g. /paper/衡阳日报; the papers are listed at /papers")
    return name.strip()


async def issue_date(day: str = Path(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                     description="an issue date, yyyy-mm-dd")) -> str:
    return _date("date", day) or day
