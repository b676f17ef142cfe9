"""Career spells: each person's titles as spells (title, body, post, first and last seen, articles) and
the change from one spell to the next (promotion, moved, changed, ended).

A person is who people.py says (a name within a paper, namesakes in other papers joined when their
titles overlap). A spell is one title as the articles print it, from the first issue that gives it to
the last. The titles an article gives a person at once (a title chain, "市委副书记、市长") are
concurrent posts, so each title is a spell of its own and spells may overlap: alternating mentions of
市委副书记 and 市长 are two spells held together, never a flip-flop.

A title is split into its body (the organisation or place it belongs to) and its post, the longest
ending of the title that is a title head (tag/data/title_heads.tsv) or a ranked post
(data/post_ranks.tsv): 衡阳市委书记 → 衡阳市委 + 书记, 常务副市长 → 常务 + 副市长, 市长 → "" + 市长.

The change of a spell looks at the spells that start after it ends (its successors: the earliest,
one on a compatible body first, then the highest ranked):
- promotion: the next post ranks higher (post_ranks.tsv) on a compatible body: the same body, one
  body ending the other (衡阳市委, 市委), or no body printed (市长 → 市委书记);
- moved: the body changed (县委书记 → 市委副书记);
- changed: another post on the same body, not ranked higher;
- ended: no later title, though the person is seen after it ends;
- "" (empty): held at the person's last sighting.
Undated mentions count in `articles` but give no dates, and take no part in the changes.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..tag.data import keys as tag_keys
from .db import DB
from .filters import Filters
from .people import group_by_titles
from .search import _filters

RANKS_FILE = Path(__file__).with_name("data") / "post_ranks.tsv"
SPELL_COLUMNS = ["person", "papers", "person_ids", "title", "body", "post", "first_seen", "last_seen",
                 "articles", "change", "next_title"]


@dataclass
class Spell:
    title: str
    body: str
    post: str
    first: str | None
    last: str | None
    articles: int
    change: str = ""               # promotion | moved | changed | ended | "" (held at the last sighting)
    next_title: str | None = None  # the successor's title, when there is one


@dataclass
class Career:
    """One person (people.py's identity) and their spells, by first seen."""
    name: str
    papers: list[str]
    person_ids: list[int]
    spells: list[Spell]

    def rows(self) -> list[list]:
        """The spells as rows of SPELL_COLUMNS."""
        return [[self.name, "、".join(self.papers), ";".join(map(str, self.person_ids)), s.title, s.body, s.post,
                 s.first, s.last, s.articles, s.change, s.next_title] for s in self.spells]


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def ranks() -> dict[str, int]:
    """post → rank, from data/post_ranks.tsv."""
    return {r[0]: int(r[1]) for r in _rows(RANKS_FILE)}


@lru_cache(maxsize=1)
def _posts() -> tuple[str, ...]:
    return tuple(sorted(set(tag_keys("title_heads")) | set(ranks()), key=len, reverse=True))


@lru_cache(maxsize=4096)
def split_title(title: str) -> tuple[str, str]:
    """(body, post): the post is the longest ending of the title that is a known post."""
    for post in _posts():
        if title.endswith(post):
            return title[:-len(post)], post
    return "", title


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a.endswith(b) or b.endswith(a)


def _change(s: Spell, nxt: Spell) -> str:
    if not _compatible(s.body, nxt.body):
        return "moved"
    r, rn = ranks().get(s.post), ranks().get(nxt.post)
    return "promotion" if r is not None and rn is not None and rn > r else "changed"


def spells_of(mentions: list[tuple[str, str | None, int]]) -> list[Spell]:
    """One person's mentions (title, issue date, logical article) → spells with their changes."""
    dates: dict[str, list[str]] = defaultdict(list)
    arts: dict[str, set[int]] = defaultdict(set)
    for title, day, lid in mentions:
        arts[title].add(lid)
        if day:
            dates[title].append(day)
    out = []
    for title in arts:
        body, post = split_title(title)
        ds = dates[title]
        out.append(Spell(title, body, post, min(ds) if ds else None, max(ds) if ds else None, len(arts[title])))
    out.sort(key=lambda s: (s.first or "9999", -ranks().get(s.post, 0), s.title))
    seen_last = max((s.last for s in out if s.last), default=None)
    for s in out:
        if not s.last:
            continue
        later = [t for t in out if t.first and t.first > s.last]
        if not later:
            s.change = "ended" if seen_last and s.last < seen_last else ""
            continue
        first = min(t.first for t in later)
        nxt = min((t for t in later if t.first == first),
                  key=lambda t: (not _compatible(s.body, t.body), -ranks().get(t.post, 0), t.title))
        s.change, s.next_title = _change(s, nxt), nxt.title
    return out


def careers(db: DB, filters: Filters = Filters(), person_ids: list[int] | None = None) -> list[Career]:
    """The spells of every person with a title in the articles that pass the filters (or of the one
    person whose ids are given), by name then paper."""
    where, args = _filters(filters)
    sql = ("SELECT m.person_id, p.name, p.paper, m.title, a.date, a.logical_id FROM mentions m "
           "JOIN persons p ON p.id = m.person_id JOIN articles a ON a.id = m.article_id WHERE m.title <> ''" + where)
    if person_ids:
        sql += f" AND m.person_id IN ({','.join('?' for _ in person_ids)})"
        args = [*args, *person_ids]
    by_name: dict[str, dict[int, tuple[str, list]]] = defaultdict(dict)
    for pid, name, paper, title, day, lid in db.fetchall(sql + " ORDER BY p.name, p.paper, m.person_id", args):
        by_name[name].setdefault(int(pid), (paper or "", []))[1].append((title, day, int(lid or 0)))
    out = []
    for name, persons in by_name.items():
        groups = [list(persons)] if person_ids else \
            group_by_titles([(pid, {t for t, _, _ in ms}) for pid, (_, ms) in persons.items()])
        for ids in groups:
            mentions = [m for pid in ids for m in persons[pid][1]]
            papers = sorted({persons[pid][0] for pid in ids if persons[pid][0]})
            out.append(Career(name, papers, ids, spells_of(mentions)))
    return out
