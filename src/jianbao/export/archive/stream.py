"""Downloads of a search: its articles, their activities or the persons they name, as CSV or JSON
lines, streamed: rows are made a batch of matches at a time, so a download of 100,000 articles
holds a few hundred in memory (and, for persons, one counter per person).

    for chunk in download(arch, "events", "csv", "调研", Filters(paper="衡阳日报")): out.write(chunk)
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterator

from ...store import Archive, Filters
from .tables import ARTICLE_COLUMNS, EVENT_COLUMNS, PERSON_COLUMNS, article_row, event_rows

WHAT = {"articles": ARTICLE_COLUMNS, "events": EVENT_COLUMNS, "persons": PERSON_COLUMNS}
FORMATS = ("csv", "json")


def _rows(arch: Archive, what: str, query: str | None, filters: Filters) -> Iterator[list]:
    persons: dict[tuple[str, str], int] = {}
    for batch in arch.iter_logical(query, filters):
        for lid in batch:
            la = arch.logical(lid)
            if la is None:
                continue
            if what == "articles":
                yield article_row(la)
            elif what == "events":
                yield from event_rows(la)
            else:
                for p in la.article.persons:
                    key = (p.name, la.paper or "")
                    persons[key] = persons.get(key, 0) + 1
    for (name, paper), n in sorted(persons.items(), key=lambda x: (-x[1], x[0])):
        yield [name, paper, n]


def download(arch: Archive, what: str, fmt: str, query: str | None = None, filters: Filters = Filters(),
             rows_at_once: int = 200) -> Iterator[str]:
    """The text of the download, in chunks: CSV with a header row (UTF-8 with a BOM, for spreadsheets),
    or JSON lines (one object per row, keys as the CSV's header)."""
    columns = WHAT[what]
    buf = io.StringIO()
    w = csv.writer(buf)
    if fmt == "csv":
        buf.write("\ufeff")
        w.writerow(columns)
    n = 0
    for row in _rows(arch, what, query, filters):
        if fmt == "csv":
            w.writerow(row)
        else:
            buf.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
        n += 1
        if n % rows_at_once == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()
