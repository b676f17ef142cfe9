"""What a reader of the archive narrows it by: the one filter type of the search, the facets, the
people's events, the exports, the web pages and the commands."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Filters:
    paper: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    person: str | None = None
    place: str | None = None
    type: str | None = None       # an activity type (model.EVENT_TYPES)
    section: str | None = None    # the page section (版名)
    kind: str | None = None       # article kind (model.ARTICLE_KINDS: news, photo, notice …)
    undated: bool = False         # only articles with no issue date
    untyped: bool = False         # only articles with no activity (event) recorded
    region: str | None = None     # a division's code (430400): articles naming a place inside it
