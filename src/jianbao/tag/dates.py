"""Dates: find date phrases in a field (`match`) and resolve them against the issue date.

"7月30日下午" → 2021-07-30 with 下午; "12日9时" → the issue's month (or the month before); "昨天",
"上周五" → counted from the issue date; a month-day later than a month after the issue belongs to
the year before (an issue of 2021-01-02 saying "12月30日" means 2020-12-30); "日前", "近日" stay
unresolved with their words kept. Named days and slogans ("七一", "三高四新") match no pattern.
The word lists are in data/dates.tsv.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import data

_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN["零"] = 0
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_TOD = r"(?:上午|下午|晚上|晚间|早上|早晨|清晨|凌晨|中午|傍晚|夜间|晚|夜)?"
_CLOCK = r"(?:\d{1,2}(?:时|点|:\d{2}|：\d{2}))?"
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}


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
    if not s or any(c not in "〇零一二三四五六七八九十" for c in s):
        return None
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN.get(a, 1) if a else 1) * 10 + (_CN.get(b, 0) if b else 0)
    n = 0
    for c in s:
        n = n * 10 + _CN[c]
    return n


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    rel = "|".join(re.escape(r[0]) for r in data.rows("dates") if r[1] in ("rel", "anaphor", "vague"))
    week = "|".join(re.escape(r[0][:-1]) for r in data.rows("dates") if r[1] == "week" and len(r[0]) == 2
                    and r[0].endswith("周"))
    return re.compile(
        rf"(?P<abs>(?:(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})年|(?P<yw>今年|去年))?(?P<m>{_NUM})月(?P<d>{_NUM})[日号]"
        rf"(?:[至到—-](?:{_NUM}月)?{_NUM}[日号])?)(?P<t1>{_TOD}{_CLOCK})"
        rf"|(?P<mw>本月|上月)(?P<md>{_NUM})[日号](?:[至到—-]{_NUM}[日号])?(?P<t5>{_TOD}{_CLOCK})"
        rf"|(?<![\d月年第])(?P<day>\d{{1,2}})日(?P<t2>(?:上午|下午|晚上|早上|中午|凌晨|傍晚|晚|\d{{1,2}}时)[^，。]{{0,0}})"
        rf"|(?:^|(?<=[，。；：）\s]))(?P<day2>\d{{1,2}})日(?:[至到—-]\d{{1,2}}日)?(?=[，,])"
        rf"|(?P<week>(?:{week})?(?:周|星期)[一二三四五六日天末])(?P<t3>{_TOD})"
        rf"|(?P<rel>{rel})(?P<t4>{_TOD})"
        rf"|(?<![\w])(?P<tod>上午|下午|晚上|傍晚)(?=\d|，)")


def tod_of(s: str) -> str | None:
    table = {r[0]: (r[2] if len(r) > 2 else "") for r in data.rows("dates") if r[1] == "tod"}
    for w in sorted(table, key=len, reverse=True):
        if w in s:
            return table[w] or None
    m = re.search(r"(\d{1,2})(?:时|点|:|：)", s)
    if m:
        h = int(m.group(1))
        return "上午" if h < 12 else "下午" if h < 18 else "晚上"
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
                y = day0.year - (g["yw"] == "去年")
            mo, d = cn_number(g["m"]), cn_number(g["d"])
            if mo and d and 1 <= mo <= 12:
                date = resolve_md(mo, d, day0, y)
        elif g["mw"]:  # "本月10日", "上月20日"
            kind, d = "abs", cn_number(g["md"])
            if day0 and d:
                mo, y = day0.month, day0.year
                if g["mw"] == "上月":
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
            off = int(values.get(w[0] + "周", 0) or 0) if w[0] in "上本这下" else 0
            if day0:
                base = day0 - dt.timedelta(days=day0.weekday()) + dt.timedelta(weeks=off)
                day = base + dt.timedelta(days=_WEEKDAY[w[-1]])
                if w[0] not in "上本这下" and day > day0:
                    day -= dt.timedelta(weeks=1)  # a bare weekday in a report is the last one
                date = day.isoformat()
        elif g["rel"]:
            w = g["rel"]
            kind = kinds[w]
            if kind == "rel" and day0:
                date = (day0 + dt.timedelta(days=int(values[w]))).isoformat()
            elif kind == "anaphor":
                date = last
        else:
            kind = "tod"
        if date:
            last = date
        tail = g["t1"] or g["t2"] or g["t3"] or g["t4"] or g["t5"] or g["tod"] or ""
        out.append(DateMention(m.start(), m.end(), m.group(), date, tod_of(tail), kind))
    return out
