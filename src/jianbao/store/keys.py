"""SQLite: the search filters as words in the full-text index, so that a filtered search walks only
the matches that pass its filters.

Each article's row in the full-text index has a third column, `keys`, next to head and body: one word
per filterable value it has (its paper, year, month, page section, the persons it names, its places,
its activity types). A filter then joins the query inside the index (`… AND {keys}: kp…`), which
intersects two posting lists, instead of the query's every match being looked up in `articles`
(bench/web_cpu.py: a common word filtered by a small paper walked 30,000 matches for 0 to 200 hits).

The words are ASCII letters and digits: a fixed two-letter prefix, then a hash of the value (or the
year and month themselves), so they never equal a query's tokens (a bigram is two characters; a
one-character query is asked of head and body only: search._fts5) and carry no punctuation the
tokenizer would split. The keys of a row are sorted and unique: a contentless index deletes a row by
being given its words again, so they must come out the same every time (write.py).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date
from hashlib import blake2b
from typing import Iterable

from .filters import Filters

PREFIX = {"paper": "kp", "section": "ks", "person": "kn", "place": "kl", "type": "kt"}
_ISO = re.compile(r"^(\d{4})-(\d{2})")
MAX_DATE_WORDS = 40   # a longer date range (in years and months) is checked in SQL alone


def key(kind: str, value: str) -> str:
    """The index word for one filter value (kind: paper, section, person, place, type)."""
    return PREFIX[kind] + blake2b(value.encode("utf-8"), digest_size=10).hexdigest()


def year_key(year: int) -> str:
    return f"ky{year:04d}"


def month_key(year: int, month: int) -> str:
    return f"km{year:04d}{month:02d}"


def keys_text(paper: str | None, day: str | None, section: str | None, persons: Iterable[str],
              places: Iterable[str], types: Iterable[str]) -> str:
    """The `keys` column of one article's row: its words, sorted, each once."""
    words = set()
    for kind, value in (("paper", paper), ("section", section)):
        if value:
            words.add(key(kind, value))
    m = _ISO.match(day or "")
    if m:
        words |= {year_key(int(m[1])), month_key(int(m[1]), int(m[2]))}
    for kind, values in (("person", persons), ("place", places), ("type", types)):
        words |= {key(kind, v) for v in values if v}
    return " ".join(sorted(words))


def _months(lo: date, hi: date, limit: int = MAX_DATE_WORDS) -> list[str]:
    """Words for the months from lo's to hi's: a whole year as its year word; [] past `limit` words
    (from=0001-01-01 would otherwise count 24,000 months before giving up)."""
    out, y, m = [], lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        if len(out) >= limit:
            return []
        if m == 1 and (hi.year > y or hi.month == 12):
            out.append(year_key(y))
            y += 1
            continue
        out.append(month_key(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def narrow(f: Filters, section: str | None = None,
           bounds: tuple[str | None, str | None] = (None, None)) -> tuple[str, Filters]:
    """(an FTS5 expression over `keys` that the filters' matches satisfy, the filters that SQL must
    still check). Paper, person, place, type and section (the page section) are exact as words, so
    they leave SQL; a date range becomes its months (whole years as years) and stays in
    SQL only where it starts or ends inside a month. `bounds`: the archive's first and last date, for
    a range open at one end."""
    parts = []
    for kind, value in (("paper", f.paper), ("person", f.person), ("place", f.place), ("type", f.type),
                        ("section", section)):
        if value:
            parts.append(key(kind, value))
    rest = replace(f, paper=None, person=None, place=None, type=None, section=None)
    if f.date_from or f.date_to:
        try:
            lo = date.fromisoformat(f.date_from or bounds[0] or "")
            hi = date.fromisoformat(f.date_to or bounds[1] or "")
        except ValueError:
            lo = hi = None
        words = _months(lo, hi) if lo and hi and lo <= hi else []
        if lo and hi and lo > hi:
            words = ["kynone"]   # an empty range: nothing can match
        if words:
            parts.append("(" + " OR ".join(words) + ")")
            whole = lo.day == 1 and hi.day == calendar.monthrange(hi.year, hi.month)[1]
            if whole:
                rest = replace(rest, date_from=None, date_to=None)
    return " AND ".join("{keys} : " + p for p in parts), rest
