"""Load the cutter's data tables (cut/data/*.toml) and compile them once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import opencc

from ..textutil import t2s_table


@dataclass(frozen=True)
class Entry:
    table: str
    pattern: str
    why: str
    examples: tuple[str, ...] = ()
    not_: tuple[str, ...] = ()
    name: str = ""
    strong: bool = True
    direction: str = ""


def _load(package: str, name: str) -> dict:
    with resources.files(package).joinpath(name).open("rb") as f:
        return tomllib.load(f)


# tables the reader uses too, kept below both stages in jianbao/data (textutil.py reads them there)
SHARED = {"jumps.toml"}


@lru_cache(maxsize=None)
def entries(filename: str) -> tuple[Entry, ...]:
    """Every entry of one table file, in order, as Entry records."""
    data = _load("jianbao.data" if filename in SHARED else "jianbao.cut.data", filename)
    out = []
    for table, items in data.items():
        if not isinstance(items, list):
            continue
        for it in items:
            pattern = it.get("pattern") or re.escape(it.get("text", ""))
            out.append(Entry(table, pattern, it.get("why", ""), tuple(it.get("examples", ())),
                             tuple(it.get("not", ())), it.get("name", ""), it.get("strong", True),
                             it.get("direction", "")))
    return tuple(out)


def union(filename: str, table: str) -> str:
    return "|".join(f"(?:{e.pattern})" for e in entries(filename) if e.table == table)


class T:
    """Compiled tables (built on first use)."""

    def __init__(self) -> None:
        fur = [e for e in entries("furniture.toml") if e.table == "token"]
        self.header_tokens = [(e.name, e.strong, re.compile(e.pattern)) for e in fur]
        # a role is outlet names (临川日报/天眼新闻) then a role word: 临川日报全媒体记者
        outlet = union("bylines.toml", "outlet")
        self.outlet = re.compile(f"(?:{outlet})(?:[-—·]?(?:{outlet})){{0,2}}")
        self.reporter_role = re.compile(f"(?:(?:{outlet})[-—·]?){{0,3}}"
                                        f"(?:{union('bylines.toml', 'reporter_role')})")
        self.author_mark = re.compile(union("bylines.toml", "author_mark"))
        self.photo_mark = re.compile(union("bylines.toml", "photo_mark"))
        self.graphic_credit = re.compile(union("bylines.toml", "graphic_credit"))
        self.source_role = re.compile(union("bylines.toml", "source_role"))
        self.source_prefix = re.compile(union("bylines.toml", "source_prefix"))
        self.office = re.compile(union("bylines.toml", "office"))
        # characters that write names by sound: one class, read as a set (lines.name_like)
        self.sound_chars = frozenset("".join(e.pattern.strip("[]") for e in entries("bylines.toml")
                                             if e.table == "sound_char"))
        self.editor_role = re.compile(union("bylines.toml", "editor_role"))
        self.decoration = re.compile(union("bylines.toml", "decoration"))
        self.photo_credit = re.compile(union("bylines.toml", "photo_credit"))
        self.dateline = re.compile(f"(?:{union('datelines.toml', 'dateline')})")
        self.datelines = tuple(re.compile(e.pattern) for e in entries("datelines.toml")
                               if e.table == "dateline")
        self.slogans = frozenset(re.sub(r"\s+", "", e.pattern.replace("\\", ""))
                                 for e in entries("logos.toml"))
        # a known banner with its series after a dash or dot (…指引下——新时代新作为新篇章)
        self.slogan_series = re.compile("(?:%s)[—·]" % "|".join(
            re.escape(x) for x in sorted(self.slogans, key=len, reverse=True)))
        self.kicker_end = re.compile(union("titles.toml", "kicker_end"))
        self.sub_start = re.compile(union("titles.toml", "subheadline_start"))
        self.sub_end = re.compile(union("titles.toml", "subheadline_end"))
        self.sub_continue = re.compile(union("titles.toml", "subheadline_continue"))
        self.report_end = re.compile(union("titles.toml", "report_end"))
        speech = _load("jianbao.data", "speech_verbs.toml")["verb"]
        self.speech_end = re.compile("(?:%s)$" % "|".join(re.escape(v["text"]) for v in speech if "title" in v["where"]))
        self.place_end = re.compile(union("titles.toml", "place_end"))
        self.numbered = re.compile(union("titles.toml", "numbered"))
        self.lead_time = re.compile(union("titles.toml", "lead_time"))
        self.wire_lead = re.compile(union("titles.toml", "wire_lead"))
        self.figure_callout = re.compile(union("titles.toml", "figure_callout"))
        self.activity = re.compile(union("titles.toml", "activity"))
        self.closer = re.compile(union("titles.toml", "closer"))
        self.section_label = re.compile(union("titles.toml", "section_label"))
        self.salutation = re.compile(union("titles.toml", "salutation"))
        self.notice_title = re.compile(union("notices.toml", "notice_title"))
        self.ad_cue = re.compile(union("notices.toml", "ad_cue"))
        self.contact_line = re.compile(union("notices.toml", "contact_line"))
        sur = _load("jianbao.data", "surnames.toml")
        self.surnames = frozenset("".join((sur["single"] + sur["rare"]).split()))
        self.compound_surnames = frozenset(sur["compound"] + sur["rare_compound"])
        self.t2s = opencc.OpenCC("t2s")
        self.simplify = t2s_table()  # one for one, offsets kept (本報訊 → 本报讯)


@lru_cache(maxsize=1)
def tables() -> T:
    return T()
