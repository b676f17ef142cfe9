"""What a reader of the archive narrows it by: the one filter type of the search, the facets, the
people's events, the exports, the web pages and the commands.

Each field is declared once, here, with how a reader gives it (`FilterParam`, in the field's metadata):
its public name (?from=… in a URL, --from on the command line), its help and the kind of value it takes
with that value's check. The web's query parameters (web/params.py) and the commands' options
(cli_archive.py) are built from it; this module stays plain data (no fastapi, no click: store is below
them)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..model import ARTICLE_KINDS, EVENT_TYPES

NAME_MAX = 64
TEXT = r"^[^\x00-\x1f\x7f]*$"   # no control characters
DATE = r"^[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?$"   # a year, a month or a day (search.date_bound)


@dataclass(frozen=True)
class Value:
    """A kind of filter value and its check: the value (when given) is at most `max_length` characters,
    matches `pattern` as a whole, is one of `choices`; a flag is on or off; a date is a year, a month or
    a day, made the first day of the span (from) or its last (to). A value that fails is refused with
    "'…' is not {what}: {hint}" on the command line, with the web's 422/400 message in a URL."""
    what: str
    hint: str
    metavar: str = "TEXT"
    max_length: int | None = None
    pattern: str | None = None
    choices: tuple[str, ...] = ()
    flag: bool = False
    date: bool = False
    zh: str = ""        # the refusal in Chinese, for the web's error pages ("" where TEXT's is meant)


NAME = Value("a name", f"at most {NAME_MAX} characters, without control characters", "TEXT", NAME_MAX, TEXT)
DAY = Value("a date", "write YYYY-MM-DD (or a year, 2021, or a month, 2021-07)", "DATE", 10, DATE, date=True)
EVENT_TYPE = Value("an activity type", "one of " + ", ".join(EVENT_TYPES), "TYPE", choices=EVENT_TYPES)
ARTICLE_KIND = Value("an article kind", "one of " + ", ".join(ARTICLE_KINDS), "KIND", choices=ARTICLE_KINDS)
FLAG = Value("on or off", "give the flag alone", flag=True)
DIVISION = Value("a division code", "write its digits (430400 for 衡阳市, 43 for 湖南省)", "CODE", 9,
                 r"^[0-9]{2,9}$", zh="不是行政区划代码：请写 2 至 9 位数字（如 430400 衡阳市，43 湖南省）")


@dataclass(frozen=True)
class FilterParam:
    """How a reader gives one filter: `name` in a URL (?name=…) and on the command line (--name)."""
    name: str
    help: str
    value: Value
    end: bool = False   # a date: the last day of a year or month given (to), not its first (from)


def _given(name: str, help: str, value: Value, end: bool = False):
    return field(default=False if value.flag else None, metadata={"param": FilterParam(name, help, value, end)})


@dataclass(frozen=True)
class Filters:
    paper: str | None = _given("paper", "only this paper (e.g. 衡阳日报)", NAME)
    date_from: str | None = _given("from", "from this issue date: a year (2021: from its first day), a month "
                                           "(2021-07) or a day (2021-07-31)", DAY)
    date_to: str | None = _given("to", "to this issue date: a year (2021: to its last day), a month (2021-07) "
                                       "or a day (2021-07-31)", DAY, end=True)
    person: str | None = _given("person", "only articles naming this person", NAME)
    place: str | None = _given("place", "only articles naming this place", NAME)
    type: str | None = _given("type", "only articles with an activity of this type", EVENT_TYPE)
    section: str | None = _given("section", "only this page section (版名)", NAME)
    kind: str | None = _given("kind", "only articles of this kind (news, photo: a captioned picture, notice …)",
                              ARTICLE_KIND)
    undated: bool = _given("undated", "only articles with no issue date (the date facet's unknown bucket)", FLAG)
    untyped: bool = _given("untyped", "only articles with no activity recorded (the activity facet's unknown "
                                      "bucket)", FLAG)
    region: str | None = _given("region", "only articles naming a place inside this administrative division, by "
                                          "its code (430400: 衡阳市 with its counties and townships; 43: 湖南省)",
                                DIVISION)


def filter_fields() -> list[tuple[str, FilterParam]]:
    """Each filter as (its field's name, how a reader gives it), in the fields' order."""
    return [(f.name, f.metadata["param"]) for f in fields(Filters)]
