"""The shared vocabulary: plain dataclasses that every stage reads and writes.

The page owns the text. A `Block` is one input line, located by offsets into `Page.text`; every
field of an `Article` and every piece of `Furniture` is made of `Span`s into that same text, so
that "nothing lost" can be checked by offsets rather than by trust. A column-break join is a
recorded `Join` between two blocks, not a rewrite of the text.

Flow: read/ makes a `Page` (blocks, metadata) → cut/ makes a `PageDoc` (articles, furniture,
joins) → tag/ fills persons, places, orgs, events → store/ and export/ consume the `PageDoc`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]  # [start, end) offsets into Page.text

ARTICLE_KINDS = ("news", "photo", "notice", "ad", "other")
FURNITURE_KINDS = ("page_header", "page_footer", "column_logo", "jump", "image", "other")
EVENT_TYPES = ("调研", "会议", "会见", "党课", "督查", "慰问", "考察", "活动", "其他")


@dataclass(frozen=True)
class Block:
    """One line of the input page.

    `text` is the line with parser markup (`#`, `**`, `>`, list marks, trailing hard-break spaces)
    and decoration (■ ● ◆ …) removed and white space folded; only non-alphanumeric characters are
    ever removed, so every letter and digit of `Page.text[start:end]` is in `text`.
    """
    index: int
    start: int              # offset of the line in Page.text
    end: int                # offset just past the line (newline excluded)
    text: str               # cleaned text of the line
    heading: int = 0        # markdown heading level (1-6) the parser gave, 0 if none
    bold: bool = False      # the whole line was bold (**…**)
    gap_before: bool = True  # a blank line (markdown block boundary) precedes this line
    image: bool = False     # the line is an image reference (![](…) or <img>)
    indent: bool = False    # the line starts with an indent (　　 or spaces): a paragraph start in OCR text
    zone: str | None = None  # "header" / "footer" when a layout reader placed the line in that band
    size: float = 0.0       # type size over the body text size, as a layout reader measured it; 0: unknown
    # where the block is printed: x0, y0, x1, y1, y down, in the JSON's page units (a parser's JSON,
    # read/formats.py) or in Page.image's unit (PDF and scan pages: the union of `boxes`); None for markdown
    box: tuple[float, float, float, float] | None = None
    category: str | None = None   # the parser's label, normalised (read/parsers/base.py CATEGORIES)
    # PDF and scan pages: the box of each printed line the block was made of (a paragraph may run on
    # into the next column), in Page.image's unit; the cutter outlines articles with them (cut/regions.py)
    boxes: tuple[tuple[float, float, float, float], ...] = ()


@dataclass(frozen=True)
class PageMeta:
    paper: str | None = None
    date: str | None = None      # ISO date of the issue
    page: str | None = None      # 版次, digits
    section: str | None = None   # 版名
    source: str | None = None    # file name, or "-" for standard input

    def to_dict(self) -> dict[str, Any]:
        return {"paper": self.paper, "date": self.date, "page": self.page,
                "section": self.section, "source": self.source}


Box = tuple[float, float, float, float]   # x0, y0, x1, y1, y down


@dataclass(frozen=True)
class PageImage:
    """The picture of a PDF or scanned page and the frame its boxes are in: `width` × `height` in
    `unit` ("pt": a PDF's text layer; "px": the pixels OCR read). `path` (absolute) and `page` (1-based
    page of the PDF, frame of the TIFF) say where to find it again; `kind` is "pdf" or "image"."""
    kind: str
    path: str
    page: int
    width: float
    height: float
    unit: str

    def to_dict(self) -> dict[str, Any]:
        # the path stays out of the page document: the same file gives the same document wherever it lies
        return {"kind": self.kind, "page": self.page, "width": self.width, "height": self.height,
                "unit": self.unit}


@dataclass
class Page:
    """A page as read: the decoded text, its lines as blocks, and what the reader learned."""
    text: str
    blocks: list[Block]
    meta: PageMeta = field(default_factory=PageMeta)
    encoding: str = "utf-8"
    image: PageImage | None = None   # PDF and scan pages: the page's picture and its frame

    def span_text(self, span: Span) -> str:
        return self.text[span[0]:span[1]]

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


@dataclass
class Join:
    """A recorded edit: block `right` continues the text of block `left` (same paragraph or title)."""
    left: int
    right: int
    reason: str  # column_break | soft_wrap | headline_wrap | furniture_wrap


@dataclass
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)  # where the article mentions the person

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "titles": list(self.titles)}


@dataclass
class Event:
    type: str
    name: str
    date: str | None = None
    time_of_day: str | None = None
    date_text: str | None = None
    actors: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "name": self.name, "date": self.date,
                "time_of_day": self.time_of_day, "date_text": self.date_text,
                "actors": list(self.actors), "participants": list(self.participants),
                "places": list(self.places)}


@dataclass
class PlaceRef:
    """One place the article names, resolved to an administrative division (tag/divisions.py): its
    code (six digits down to counties, GB/T 2260; nine for townships), level and the names of its
    province, prefecture and county; or no code, and `reason` says why ("unknown", "ambiguous: 3
    candidates", "not a division" …)."""
    name: str
    code: str | None = None
    level: str | None = None      # province | prefecture | county | township
    province: str = ""
    prefecture: str = ""
    county: str = ""
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "code": self.code, "level": self.level, "province": self.province,
                "prefecture": self.prefecture, "county": self.county, "reason": self.reason}


TEXT_FIELDS = ("kicker", "headline", "subheadline", "byline", "dateline")


@dataclass
class Article:
    id: str = ""
    kind: str = "news"
    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    subheadings: list[str] = field(default_factory=list)
    byline: str | None = None
    reporters: list[str] = field(default_factory=list)
    dateline: str | None = None
    continued_from: str | None = None
    continued_on: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    # the id of the part on the other page, when the pages of one issue were cut together
    continued_from_id: str | None = None
    continued_on_id: str | None = None
    persons: list[Person] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    place_refs: list[PlaceRef] = field(default_factory=list)  # `places` resolved to divisions
    # provenance: field name ("headline", "paragraphs[3]", "byline" …) → spans into Page.text
    spans: dict[str, list[Span]] = field(default_factory=dict)
    # where it is printed (PDF and scan pages): rectangles in PageDoc.image's frame (cut/regions.py)
    regions: list[Box] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def to_dict(self, with_spans: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "kicker": self.kicker, "headline": self.headline,
            "subheadline": self.subheadline, "subheadings": list(self.subheadings),
            "byline": self.byline, "reporters": list(self.reporters), "dateline": self.dateline,
            "continued_from": self.continued_from, "continued_on": self.continued_on,
            "paragraphs": list(self.paragraphs),
            "persons": [p.to_dict() for p in self.persons], "places": list(self.places),
            "orgs": list(self.orgs), "events": [e.to_dict() for e in self.events],
        }
        # the links between parts are added only where there are some (keys the spec allows)
        for k in ("continued_from_id", "continued_on_id"):
            if getattr(self, k):
                d[k] = getattr(self, k)
        if self.place_refs:
            d["place_refs"] = [r.to_dict() for r in self.place_refs]
        if self.regions:
            d["regions"] = [list(r) for r in self.regions]
        if with_spans:
            d["spans"] = {k: [list(s) for s in v] for k, v in self.spans.items()}
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        return cls(
            id=d.get("id") or "", kind=d.get("kind") or "news", kicker=d.get("kicker"),
            headline=d.get("headline"), subheadline=d.get("subheadline"),
            subheadings=list(d.get("subheadings") or []), byline=d.get("byline"),
            reporters=list(d.get("reporters") or []), dateline=d.get("dateline"),
            continued_from=d.get("continued_from"), continued_on=d.get("continued_on"),
            paragraphs=list(d.get("paragraphs") or []),
            continued_from_id=d.get("continued_from_id"), continued_on_id=d.get("continued_on_id"),
            persons=[Person(p["name"], list(p.get("titles") or [])) for p in d.get("persons") or []],
            places=list(d.get("places") or []), orgs=list(d.get("orgs") or []),
            events=[Event(**{k: e.get(k) for k in Event.__dataclass_fields__ if k in e})
                    for e in d.get("events") or []],
            spans={k: [tuple(s) for s in v] for k, v in (d.get("spans") or {}).items()},
            regions=[tuple(r) for r in d.get("regions") or []],
            place_refs=[PlaceRef(**{k: r.get(k) for k in PlaceRef.__dataclass_fields__ if k in r})
                        for r in d.get("place_refs") or []],
        )


@dataclass
class Furniture:
    kind: str
    text: str
    spans: list[Span] = field(default_factory=list)

    def to_dict(self, with_spans: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if with_spans:
            d["spans"] = [list(s) for s in self.spans]
        return d


@dataclass
class PageDoc:
    """The page document of shared/spec/page-json.md."""
    meta: PageMeta
    articles: list[Article] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sha1: str = ""
    image: PageImage | None = None   # PDF and scan pages: the picture the articles' regions are on

    def to_dict(self, with_spans: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "page": self.meta.to_dict(),
            "articles": [a.to_dict(with_spans) for a in self.articles],
            "furniture": [f.to_dict(with_spans) for f in self.furniture],
        }
        if with_spans:
            d["joins"] = [{"left": j.left, "right": j.right, "reason": j.reason} for j in self.joins]
        if self.warnings:
            d["warnings"] = list(self.warnings)
        if self.sha1:
            d["sha1"] = self.sha1
        if self.image:
            d["image"] = self.image.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PageDoc":
        p = d.get("page") or {}
        meta = PageMeta(p.get("paper"), p.get("date"), p.get("page"), p.get("section"), p.get("source"))
        return cls(
            meta=meta,
            articles=[Article.from_dict(a) for a in d.get("articles") or []],
            furniture=[Furniture(f["kind"], f["text"], [tuple(s) for s in f.get("spans") or []])
                       for f in d.get("furniture") or []],
            joins=[Join(j["left"], j["right"], j["reason"]) for j in d.get("joins") or []],
            warnings=list(d.get("warnings") or []), sha1=d.get("sha1") or "",
            image=PageImage(**{"path": "", **d["image"]}) if d.get("image") else None,
        )
