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
    story_id: int | None = Field(None, description="the story this article is a printing of (reprints), if any")
    printings: int = Field(1, description="how many articles print that story, this one included")


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


class FacsimileOut(BaseModel):
    """A PDF or scan page's picture: its URL and the frame the regions are in (y down)."""
    page_id: int
    image_url: str
    width: float
    height: float
    unit: str = Field(description="pt (a PDF's text layer) or px (the pixels OCR read)")
    missing: str | None = Field(default=None, description="why the picture cannot be shown (its file is gone)")


class PartOut(BaseModel):
    article_id: int
    page_id: int
    paper: str | None
    date: str | None
    page: str | None
    continued_from: str | None
    continued_on: str | None
    body: list[BodyItem]
    regions: list[list[float]] = Field(default=[], description="where the part is printed on its page's "
                                       "picture: [x0, y0, x1, y1] in the page's facsimile frame")
    facsimile: FacsimileOut | None = None


class PrintingOut(BaseModel):
    article_id: int = Field(description="the printing's logical article: /api/articles/{article_id}")
    paper: str | None
    date: str | None
    page: str | None
    headline: str | None


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
    story_id: int | None = Field(None, description="the story this article is a printing of (reprints), if any")
    printings: list[PrintingOut] = Field([], description="every printing of that story, this one included, "
                                                         "by date, paper and page")


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
    regions: list[list[float]] = Field(default=[], description="where it is printed: [x0, y0, x1, y1] in the "
                                       "facsimile's frame (PDF and scan pages)")


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
    facsimile: FacsimileOut | None = Field(default=None, description="the page's picture (PDF and scan pages)")


class TitleSpan(BaseModel):
    title: str
    first: str | None
    last: str | None
    articles: int


class SpellOut(BaseModel):
    title: str
    body: str = Field(description="the organisation or place the title belongs to (衡阳市委 of 衡阳市委书记)")
    post: str = Field(description="the post (书记 of 衡阳市委书记)")
    first: str | None = Field(description="first issue date with this title")
    last: str | None = Field(description="last issue date with this title")
    articles: int
    change: str = Field(description="to the next spell: promotion, moved (body changed), changed, ended, or '' "
                                    "(held at the last sighting)")
    next_title: str | None


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
    person_ids: list[int] = Field(default=[], description="the paper-scoped persons joined in this profile")
    titles: list[TitleSpan]
    spells: list[SpellOut] = Field(default=[], description="career spells: the timeline's source")
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
