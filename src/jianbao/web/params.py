"""Query parameters: declared with their limits (so the OpenAPI schema states them) and checked.

Anything out of bounds is the client's mistake: 400 or 422 with a message saying what to change.
The dependencies are `async def`: checked in the event loop, not each sent to a worker thread.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import cached_property, lru_cache
from typing import Literal
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Path, Query

from ..model import ARTICLE_KINDS, EVENT_TYPES
from ..store import MAX_QUERY, SORTS, Filters, QueryError, date_bound

TEXT = r"^[^\x00-\x1f\x7f]*$"   # no control characters
QUERY = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"   # a query may hold tabs and line ends: white space
DATE = r"^[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?$"   # a year, a month or a day (date_bound)
NAME_MAX = 64
MAX_PAGE = 500
MAX_RESULTS = 10_000
MAX_SIZE = 100
MAX_ID = 2 ** 62
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Kind = Literal[ARTICLE_KINDS]  # type: ignore[valid-type]
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


FILTER_NAMES = frozenset(f.name for f in fields(Filters))
# the order of a search URL's parameters (as it has always been: links and bookmarks stay the same)
URL_ORDER = ("q", "paper", "date_from", "date_to", "person", "place", "type", "section", "page", "size", "sort",
             "kind", "undated", "untyped")
assert set(URL_ORDER) == FILTER_NAMES | {"q", "page", "size", "sort"}


@lru_cache(maxsize=8192)
def _pair(name: str, value) -> str:
    """One parameter as it stands in a URL ("" where left out); remembered, since a search page links
    the same papers, months and people again and again."""
    if value in (None, "", False) or (name == "page" and value == 1) or (name == "size" and value == 20) \
            or (name == "sort" and value == "relevance"):
        return ""
    if value is True:
        value = 1
    return urlencode([({"date_from": "from", "date_to": "to"}.get(name, name), value)])


def _text(max_len: int = NAME_MAX, desc: str = ""):
    return Query(None, max_length=max_len, pattern=TEXT, description=desc)


async def filter_params(
    paper: str | None = _text(desc="only this paper"),
    date_from: str | None = Query(None, alias="from", max_length=10, pattern=DATE,
                                  description="from this issue date: a year (2021: from its first day), "
                                              "a month (2021-07) or a day (2021-07-31)"),
    date_to: str | None = Query(None, alias="to", max_length=10, pattern=DATE,
                                description="to this issue date: a year (2021: to its last day), "
                                            "a month (2021-07) or a day (2021-07-31)"),
    person: str | None = _text(desc="only articles naming this person"),
    place: str | None = _text(desc="only articles naming this place"),
    type: EventType | None = Query(None, description="only articles with an activity of this type"),
    kind: Kind | None = Query(None, description="only articles of this kind (news, photo: a captioned picture, "
                                                "notice …)"),
    undated: bool = Query(False, description="only articles with no issue date (the date facet's unknown bucket)"),
    untyped: bool = Query(False, description="only articles with no activity recorded (the activity facet's "
                                             "unknown bucket)"),
) -> Filters:
    f = Filters(paper=paper or None, date_from=_date("from", date_from), date_to=_date("to", date_to, end=True),
                person=person or None, place=place or None, type=type or None, kind=kind or None, undated=undated,
                untyped=untyped)
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise bad(f"from={f.date_from} is after to={f.date_to}: swap them")
    return f


async def search_params(
    q: str = Query("", max_length=MAX_QUERY, pattern=QUERY,
                   description='Chinese words, names or numbers (all must match); "quotes" make a phrase; '
                               "-word leaves out the articles that hold it; traditional characters match "
                               "simplified ones. Empty: every article, newest first."),
    section: str | None = _text(desc="only this page section (版名)"),
    page: int = Query(1, ge=1, le=MAX_PAGE, description="result page, from 1"),
    size: int = Query(20, ge=1, le=MAX_SIZE, description="results per page"),
    sort: Sort = Query("relevance", description="relevance: best matches first (no query: newest first); "
                                                "newest or oldest: by issue date, undated last"),
    f: Filters = Depends(filter_params),
) -> SearchParams:
    p = SearchParams(" ".join(q.split()), replace(f, section=section or None), page, size, sort)
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
