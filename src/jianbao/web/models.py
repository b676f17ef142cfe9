"""The JSON API's response models: what every page shows, as data (and in the OpenAPI schema)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..store import Filters


class Count(BaseModel):
    value: str
    count: int


class FacetCount(Count):
    margin: int = Field(0, description="0: exact; else the estimate's 95% error bound (count ± margin)")


UNKNOWN = 'value "": the unknown bucket (no issue date in year and month; no activity recorded in type)'


class Facets(BaseModel):
    """Each facet's values, largest first (years and months newest first); the value "" is the
    unknown bucket (no issue date in year and month; no activity recorded in type)."""

    sample_every: int = Field(1, description="1: exact counts (always, up to 10,000 matches); k > 1: a very "
                                             "common query, counted over 1 match in k and multiplied by k "
                                             "(estimates, each with its margin)")
    paper: list[FacetCount] = []
    year: list[FacetCount] = []
    month: list[FacetCount] = []
    kind: list[FacetCount] = Field([], description="article kind: news, photo (a captioned picture), notice …")
    section: list[FacetCount] = []
    type: list[FacetCount] = Field([], description="event (activity) type")
    person: list[FacetCount] = []
    place: list[FacetCount] = []


class HitOut(BaseModel):
    article_id: int = Field(description="the logical article: /api/articles/{article_id}")
    score: float
    paper: str | None
    date: str | None
    page: str | None
    kicker: str | None
    headline: str | None
    snippet: str
    marks: list[tuple[int, int]] = Field(description="highlighted [start, end) ranges in the snippet")
    parts: int
    kind: str = Field("news", description="news, photo (a captioned picture: no headline), notice …")


class SearchOut(BaseModel):
    query: str
    filters: Filters
    total: int = Field(description="matching stored articles (a continued article's parts count apart)")
    total_exact: bool = Field(description="false: estimated (more than 10,000 matches, SQLite)")
    total_margin: int = Field(0, description="0: exact; else the estimate's 95% error bound (total ± margin)")
    page: int
    size: int
    pages: int
    sort: str = Field("relevance", description="relevance, newest or oldest")
    hits: list[HitOut]
    facets: Facets
    timeline: list[FacetCount] = Field([], description="matches per month (yyyy-mm), oldest first, every month "
                                                       "with a match; counted as the facets are")


class FacetOut(BaseModel):
    facet: str
    total: int
    sample_every: int = 1
    values: list[FacetCount] = Field(description="every value of the facet, largest first; " + UNKNOWN)


class PersonRef(BaseModel):
    name: str
    titles: list[str]


class EventOut(BaseModel):
    type: str
    name: str | None
    date: str | None
    time_of_day: str | None
    date_text: str | None
    actors: list[str]
    participants: list[str]
    places: list[str]


class BodyItem(BaseModel):
    kind: Literal["paragraph", "subheading"]
    text: str


class PartOut(BaseModel):
    article_id: int
    page_id: int
    paper: str | None
    date: str | None
    page: str | None
    continued_from: str | None
    continued_on: str | None
    body: list[BodyItem]


class ArticleOut(BaseModel):
    article_id: int = Field(description="the logical id (its continued parts joined)")
    kind: str
    paper: str | None
    date: str | None
    pages: list[str]
    kicker: str | None
    headline: str | None
    subheadline: str | None
    byline: str | None
    reporters: list[str]
    dateline: str | None
    parts: list[PartOut]
    persons: list[PersonRef]
    places: list[str]
    orgs: list[str]
    events: list[EventOut]


class PageArticle(BaseModel):
    seq: int = Field(description="reading order on the page")
    article_id: int = Field(description="the logical article: /api/articles/{article_id}")
    kind: str
    kicker: str | None
    headline: str | None
    subheadline: str | None
    byline: str | None
    dateline: str | None
    continued_from: str | None
    continued_on: str | None
    body: list[BodyItem]


class FurnitureOut(BaseModel):
    kind: str
    text: str


class Segment(BaseModel):
    start: int
    end: int
    owner: str = Field(description="'article:SEQ', 'furniture:SEQ' or 'none'")


class PageOut(BaseModel):
    page_id: int
    paper: str | None
    date: str | None
    page: str | None
    section: str | None
    source: str | None
    articles: list[PageArticle]
    furniture: list[FurnitureOut]
    text: str = Field(description="the original input (cut short past the server's limit)")
    text_truncated: bool
    segments: list[Segment] = Field(description="who owns each stretch of the original input")


class TitleSpan(BaseModel):
    title: str
    first: str | None
    last: str | None
    articles: int


class MonthActivity(BaseModel):
    month: str
    counts: dict[str, int]


class ArticleRef(BaseModel):
    article_id: int
    date: str | None
    paper: str | None
    headline: str | None


class ProfileOut(BaseModel):
    name: str
    papers: list[str]
    titles: list[TitleSpan]
    activity: list[MonthActivity]
    places: list[Count]
    companions: list[Count]
    articles: list[ArticleRef]


class PersonOut(BaseModel):
    name: str
    identities: list[ProfileOut] = Field(description="namesakes kept apart: one profile per person")


class StatsOut(BaseModel):
    papers: int
    pages: int
    articles: int
    persons: int
    events: int
    places: int
    orgs: int


class Problem(BaseModel):
    detail: str


class PaperOut(BaseModel):
    name: str
    issues: int = Field(description="dates with a page stored")
    pages: int
    first: str | None
    last: str | None


class IssueDay(BaseModel):
    date: str
    pages: int


class PaperIssues(BaseModel):
    name: str
    issues: list[IssueDay] = Field(description="the paper's issue dates, oldest first")


class IssueArticle(BaseModel):
    article_id: int = Field(description="the logical article: /api/articles/{article_id}")
    headline: str | None
    kind: str


class IssuePageOut(BaseModel):
    page_id: int = Field(description="/api/pages/{page_id}")
    page: str | None
    section: str | None
    articles: list[IssueArticle]


class IssueOut(BaseModel):
    paper: str
    date: str
    pages: list[IssuePageOut] = Field(description="in page order, each page's articles in reading order")
