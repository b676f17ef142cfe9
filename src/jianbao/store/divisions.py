"""The archive's places with their administrative divisions (schema version 7), and each paper's
home region.

`place_divisions` holds every place of every stored article with its division's code, level and
province / prefecture / county, or no code and the reason (tag/divisions.py). A paper's home region
is read from its name (衡阳日报 → 衡阳市) and from what its articles are about: `paper_regions` counts,
per paper, the articles that name a place in each prefecture (or province, for an article that names
no smaller division), kept as pages are added and replaced; `paper_homes` records the outcome and
its evidence ("name" or "articles"). Once a paper's articles have voted, the places of its later
articles resolve against that home (a county paper whose name names no place still resolves 城关镇).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from ..model import Article, PlaceRef
from ..tag import divisions as _div
from .db import DB

DDL = (
    "CREATE TABLE IF NOT EXISTS place_divisions ("
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, seq INTEGER NOT NULL,"
    " name TEXT NOT NULL, code TEXT, level TEXT, province TEXT NOT NULL DEFAULT '',"
    " prefecture TEXT NOT NULL DEFAULT '', county TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (article_id, seq))",
    "CREATE INDEX IF NOT EXISTS place_divisions_code ON place_divisions(code)",
    "CREATE TABLE IF NOT EXISTS paper_regions (paper TEXT NOT NULL, code TEXT NOT NULL,"
    " articles INTEGER NOT NULL, PRIMARY KEY (paper, code))",
    "CREATE TABLE IF NOT EXISTS paper_homes (paper TEXT PRIMARY KEY, code TEXT, evidence TEXT NOT NULL,"
    " name_code TEXT, vote_code TEXT, votes INTEGER NOT NULL DEFAULT 0, voted INTEGER NOT NULL DEFAULT 0)",
)
MIN_VOTES = 3          # articles that must name a region before it counts as the paper's home


@dataclass(frozen=True)
class PaperHome:
    """A paper's home region: `code` (the name's when it names one, else the articles'), and both
    readings with the articles' count: `votes` of the `voted` articles that name a region."""
    paper: str
    code: str | None
    evidence: str          # name | articles | none
    name_code: str | None
    vote_code: str | None
    votes: int
    voted: int


def division_name(code: str | None) -> str | None:
    """The name of the division a code names (430400 → 衡阳市), None for a code the table lacks."""
    d = _div.by_code(code)
    return d.name if d else None


def region_prefix(code: str) -> str:
    """The leading digits every division inside `code` shares (430400 → 4304): the region filter's."""
    return _div.significant(code)


def _vote(refs: list[PlaceRef]) -> set[str]:
    """The regions one article votes for: the prefectures of its places, or their provinces."""
    codes = [_div.significant(r.code) for r in refs if r.code]
    pref = {c[:4] for c in codes if len(c) >= 4}
    return pref or {c[:2] for c in codes}


def home(db: DB, paper: str | None) -> PaperHome | None:
    if not paper:
        return None
    row = db.fetchone("SELECT paper, code, evidence, name_code, vote_code, votes, voted FROM paper_homes "
                      "WHERE paper=?", (paper,))
    return PaperHome(*row) if row else None


def homes(db: DB) -> list[PaperHome]:
    return [PaperHome(*r) for r in db.fetchall("SELECT paper, code, evidence, name_code, vote_code, votes, voted "
                                               "FROM paper_homes ORDER BY paper")]


_ASK = object()   # refs_for / write_places: the paper's home not given, read it from the archive


def refs_for(db: DB, a: Article, paper: str | None, paper_home: PaperHome | None | object = _ASK) -> list[PlaceRef]:
    """The article's places resolved: the tagger's reading, unless the archive knows the paper's home
    from its articles and the name says none; then read again against that home. `paper_home`: the
    paper's home as `home` gives it, when the caller has it (one read a page, not one an article)."""
    h = home(db, paper) if paper_home is _ASK else paper_home
    if h and h.evidence == "articles" and h.code:
        return _div.resolve_places(a.places, paper, a.dateline, _div.by_code(h.code))
    if len(a.place_refs) == len(a.places) and [r.name for r in a.place_refs] == list(a.places):
        return a.place_refs
    return _div.resolve_places(a.places, paper, a.dateline)


def write_places(db: DB, article_id: int, a: Article, paper: str | None,
                 paper_home: PaperHome | None | object = _ASK, votes: Counter | None = None) -> None:
    """Store the article's places; its votes for the paper's home are counted in `votes` when given
    (the page's, stored at once by `add_votes`), else stored now."""
    refs = refs_for(db, a, paper, paper_home)
    db.executemany("INSERT INTO place_divisions(article_id, seq, name, code, level, province, prefecture, county, "
                   "reason) VALUES (?,?,?,?,?,?,?,?,?)",
                   [(article_id, k, r.name, r.code, r.level, r.province, r.prefecture, r.county, r.reason)
                    for k, r in enumerate(refs)])
    if paper:
        mine = Counter(_vote(refs))
        if votes is None:
            add_votes(db, paper, mine)
        else:
            votes.update(mine)


def add_votes(db: DB, paper: str | None, votes: Counter) -> None:
    """Count articles' votes for regions (code → articles) to the paper, one statement for them all."""
    if paper and votes:
        db.executemany("INSERT INTO paper_regions(paper, code, articles) VALUES (?,?,?) ON CONFLICT (paper, code) "
                       "DO UPDATE SET articles = paper_regions.articles + excluded.articles",
                       [(paper, code, n) for code, n in sorted(votes.items())])


def forget_page(db: DB, page_id: int) -> None:
    """Before a page is deleted: take back its articles' votes and drop their places."""
    rows = db.fetchall("SELECT a.id, a.paper, d.code FROM place_divisions d JOIN articles a ON a.id = d.article_id "
                       "WHERE a.page_id=?", (page_id,))
    by_article: dict[int, tuple[str, list[PlaceRef]]] = {}
    for aid, paper, code in rows:
        by_article.setdefault(aid, (paper, []))[1].append(PlaceRef("", code))
    for paper, refs in by_article.values():
        if paper:
            for code in _vote(refs):
                db.execute("UPDATE paper_regions SET articles = articles - 1 WHERE paper=? AND code=?", (paper, code))
    db.execute("DELETE FROM place_divisions WHERE article_id IN (SELECT id FROM articles WHERE page_id=?)",
               (page_id,))


def update_home(db: DB, paper: str | None) -> None:
    """Record the paper's home region anew: its name's, else its articles' when one region leads."""
    if not paper:
        return
    by_name = _div.home_region(paper)
    name_code = _div.full_code(by_name.code) if by_name else None
    votes = db.fetchall("SELECT code, articles FROM paper_regions WHERE paper=? AND articles > 0 "
                        "ORDER BY articles DESC, code LIMIT 2", (paper,))
    voted = int(db.fetchone("SELECT coalesce(sum(articles), 0) FROM paper_regions WHERE paper=?", (paper,))[0])
    lead = votes[0] if votes and votes[0][1] >= MIN_VOTES and (len(votes) == 1 or votes[0][1] > votes[1][1]) else None
    vote_code = _div.full_code(lead[0]) if lead else None
    code, evidence = (name_code, "name") if name_code else (vote_code, "articles") if vote_code else (None, "none")
    db.execute("INSERT INTO paper_homes(paper, code, evidence, name_code, vote_code, votes, voted) "
               "VALUES (?,?,?,?,?,?,?) ON CONFLICT (paper) DO UPDATE SET code=excluded.code, "
               "evidence=excluded.evidence, name_code=excluded.name_code, vote_code=excluded.vote_code, "
               "votes=excluded.votes, voted=excluded.voted",
               (paper, code, evidence, name_code, vote_code, lead[1] if lead else 0, voted))


def refs_of(db: DB, article_ids: list[int]) -> list[PlaceRef]:
    """The places of these stored articles (the parts of one logical article), each name once."""
    if not article_ids:
        return []
    marks = ",".join("?" for _ in article_ids)
    out: dict[str, PlaceRef] = {}
    for row in db.fetchall(f"SELECT name, code, level, province, prefecture, county, reason FROM place_divisions "
                           f"WHERE article_id IN ({marks}) ORDER BY article_id, seq", list(article_ids)):
        out.setdefault(row[0], PlaceRef(*row))
    return list(out.values())


def backfill(db: DB) -> None:
    """Schema step 7 on an archive stored before it: every stored article's places resolved again
    from its page document (the paper's name, the dateline, the article's other places), the votes
    counted and every paper's home recorded."""
    papers: set[str] = set()
    for page_id, paper in db.fetchall("SELECT id, paper FROM pages ORDER BY id"):   # one document at a time
        arts = (json.loads(db.fetchone("SELECT doc FROM pages WHERE id=?", (page_id,))[0]).get("articles") or [])
        for aid, seq in db.fetchall("SELECT id, seq FROM articles WHERE page_id=? ORDER BY seq", (page_id,)):
            if seq < len(arts):
                a = Article.from_dict(arts[seq])
                a.place_refs = []
                write_places(db, aid, a, paper)
        if paper:
            papers.add(paper)
    for paper in sorted(papers):
        update_home(db, paper)
