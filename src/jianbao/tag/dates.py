"""Dates: find date phrases in a field (`match`) and resolve them against the issue date.

"7月30日下午" → 2021-07-30 with 下午; "12日9时" → the issue's month (or the month before); "昨天",
"上周五" → counted from the issue date; a month-day later than a month after the issue belongs to
the year before (an issue of 2021-01-02 saying "12月30日" means 2020-12-30); "日前", "近日" stay
unresolved with their words kept. Named days and slogans ("七一", "三高四新") match no pattern.
The word lists are in data/dates.tsv and data/numerals.tsv, the pattern in data/patterns.tsv (date).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import data, lexicon


@lru_cache(maxsize=1)
def _numerals() -> tuple[dict[str, int], str]:
    """(digit → value, the numeral for ten): data/numerals.tsv."""
    values = {c: int(v) for c, v in data.mapping("numerals").items()}
    return {c: v for c, v in values.items() if v < 10}, next(c for c, v in values.items() if v == 10)


@lru_cache(maxsize=None)
def _kind(kind: str) -> dict[str, str]:
    """Phrase → value of the rows of data/dates.tsv of one kind, in file order."""
    return {r[0]: (r[2] if len(r) > 2 else "") for r in data.rows("dates") if r[1] == kind}


@lru_cache(maxsize=1)
def _week_offsets() -> dict[str, int]:
    """The word before a week's word → weeks from the issue's ("上" of "上周" → -1): the week rows of
    two characters that end in a week row of one."""
    week = _kind("week")
    return {w[:-1]: int(v or 0) for w, v in week.items() if len(w) == 2 and w[-1] in week}


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: str | None        # ISO, or None when unresolved
    tod: str | None         # 上午 | 下午 | 晚上 | None
    kind: str               # abs | day | rel | week | anaphor | vague | tod


def cn_number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    digits, ten = _numerals()
    if not s or any(c not in digits and c != ten for c in s):
        return None
    if ten in s:
        a, _, b = s.partition(ten)
        return (digits.get(a, 1) if a else 1) * 10 + (digits.get(b, 0) if b else 0)
    n = 0
    for c in s:
        n = n * 10 + digits[c]
    return n


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    rel = "|".join(re.escape(r[0]) for r in sorted(data.rows("dates"), key=lambda r: -len(r[0]))
                   if r[1] in ("rel", "anaphor", "vague", "newyear"))
    words = {k: "|".join(map(re.escape, _kind(k))) for k in ("year", "month")}
    return re.compile(data.fill(data.pattern("date"), {
        "rel": rel, "week": "|".join(map(re.escape, _week_offsets())), "weekday": "".join(_kind("weekday")),
        "tod": "(?:" + "|".join(map(re.escape, _kind("tod"))) + ")?", **words}))


@lru_cache(maxsize=1)
def _tods() -> tuple[tuple[tuple[str, str], ...], re.Pattern, tuple[tuple[int, str], ...]]:
    """(time-of-day words longest first with the time each maps to, the clock hour's pattern, clock
    hours from which on a time of day holds, latest first): data/dates.tsv and data/patterns.tsv."""
    table = _kind("tod")
    hours = sorted(((int(h), t) for h, t in _kind("hour").items()), reverse=True)
    return (tuple((w, table[w]) for w in sorted(table, key=len, reverse=True)),
            re.compile(data.pattern("clock_hour")), tuple(hours))


def tod_of(s: str) -> str | None:
    words, clock, hours = _tods()
    for w, t in words:
        if w in s:
            return t or None
    m = clock.search(s)
    if m:
        h = int(m.group(1))
        return next(t for start, t in hours if h >= start)
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def resolve_md(m: int, d: int, issue: dt.date | None, y: int | None = None) -> str | None:
    if y:
        return _iso(y, m, d)
    if not issue:
        return None
    iso = _iso(issue.year, m, d)
    if iso and dt.date.fromisoformat(iso) > issue + dt.timedelta(days=31):
        iso = _iso(issue.year - 1, m, d)
    return iso


def _new_year_day(issue: dt.date, offset: int) -> str | None:
    """The day `offset` days after the lunar New Year (data/dates.tsv, newyear) that an issue of `issue`
    reports: this year's, unless it falls more than a month after the issue (then last year's)."""
    table = lexicon.new_years()
    for y in (issue.year, issue.year - 1):
        if y in table and table[y] + dt.timedelta(days=offset) <= issue + dt.timedelta(days=31):
            return (table[y] + dt.timedelta(days=offset)).isoformat()
    return None


def match(text: str, issue: str | None, last: str | None = None) -> list[DateMention]:
    """Date phrases of one field, in order; `last` is the date last named before this field."""
    try:
        day0 = dt.date.fromisoformat(issue) if issue else None
    except ValueError:
        day0 = None
    kinds = data.mapping("dates")
    values = data.mapping("dates", 2)
    out: list[DateMention] = []
    for m in _pattern().finditer(text):
        g = m.groupdict()
        date, kind = None, ""
        if g["abs"]:
            kind = "abs"
            y = cn_number(g["y"]) if g["y"] else None
            if g["yw"] and day0:  # "今年3月5日", "去年12月5日"
                y = day0.year + int(_kind("year")[g["yw"]])
            mo, d = cn_number(g["m"]), cn_number(g["d"])
            if mo and d and 1 <= mo <= 12:
                date = resolve_md(mo, d, day0, y)
        elif g["mw"]:  # "本月10日", "上月20日"
            kind, d = "abs", cn_number(g["md"])
            if day0 and d:
                mo, y = day0.month, day0.year
                for _ in range(-int(_kind("month")[g["mw"]])):  # "上月": the month before
                    mo, y = (mo - 1, y) if mo > 1 else (12, y - 1)
                date = _iso(y, mo, d)
        elif g["day"] or g["day2"]:  # "12日9时"; a bare day opening a clause ("9日，…")
            kind, d = "day", int(g["day"] or g["day2"])
            if day0 and 1 <= d <= 31:
                mo, y = day0.month, day0.year
                if d > day0.day + 1:
                    mo, y = (mo - 1, y) if mo > 1 else (12, y - 1)
                date = _iso(y, mo, d)
        elif g["week"]:
            kind, w = "week", g["week"]
            offsets = _week_offsets()
            off = offsets.get(w[0], 0)
            if day0:
                base = day0 - dt.timedelta(days=day0.weekday()) + dt.timedelta(weeks=off)
                day = base + dt.timedelta(days=int(_kind("weekday")[w[-1]]))
                if w[0] not in offsets and day > day0:
                    day -= dt.timedelta(weeks=1)  # a bare weekday in a report is the last one
                date = day.isoformat()
        elif g["rel"]:
            w = g["rel"]
            kind = kinds[w]
            if kind == "rel" and day0:
                date = (day0 + dt.timedelta(days=int(values[w]))).isoformat()
            elif kind == "anaphor":
                date = last
            elif kind == "newyear" and day0:  # "大年初一": the lunar New Year of the issue's year, or the year before's
                date = _new_year_day(day0, int(values[w]))
        else:
            kind = "tod"
        if date:
            last = date
        tail = g["t1"] or g["t2"] or g["t3"] or g["t4"] or g["t5"] or g["tod"] or ""
        out.append(DateMention(m.start(), m.end(), m.group(), date, tod_of(tail), kind))
    return out
