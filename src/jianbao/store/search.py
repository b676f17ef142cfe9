"""Chinese full-text search: words of any length, phrases in quotes, ranked, with snippets.

Every term is a substring query over bigram tokens (tokens.py); terms are ANDed. Ranking is
BM25 in SQLite (FTS5, headline fields weighted 4:1 over the body; rank.py) and ts_rank_cd in PostgreSQL.
User text never reaches the full-text engine's own syntax: tokens are letters and digits only.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from operator import itemgetter
from datetime import date
from typing import Callable, Sequence

from ..errors import JianbaoError
from .db import DB
from .divisions import region_prefix
from .filters import Filters
from .keys import narrow
from .rank import AVAILABLE
from .reprints import grouper, printing_counts
from .tokens import norm, run_tokens, runs

MAX_QUERY = 200


class QueryError(JianbaoError):
    """A query that cannot be searched; the message says what to change."""


@dataclass
class Hit:
    article_id: int
    logical_id: int
    score: float
    paper: str | None
    date: str | None
    page: str | None
    kicker: str | None
    headline: str | None
    snippet: str
    marks: list[tuple[int, int]] = field(default_factory=list)  # highlighted ranges in snippet
    parts: int = 1
    kind: str = "news"            # model.ARTICLE_KINDS: a photo's caption has no headline
    story_id: int | None = None   # reprints.py: the story this article is a printing of, if any
    printings: int = 1            # how many logical articles print that story (this one included)


class Terms(list):
    """The terms a query asks for (each a list of runs that stand in sequence: a phrase), with the
    terms it excludes (`-word`, `-"a phrase"`) in `minus`."""

    def __init__(self, terms=(), minus=()):
        super().__init__(terms)
        self.minus: list[list[str]] = list(minus)


# a word, "a phrase" or “a phrase”, each with a leading - (or －) to exclude it
_PART = re.compile(r'([-－]?)(?:"([^"]*)"?|“([^”]*)”?|(\S+))')


def parse(query: str) -> Terms:
    """Query → terms, each term a list of runs that must stand in sequence ("a phrase"); the excluded
    terms in `.minus`. Words are separated by any white space (a tab too)."""
    if len(query) > MAX_QUERY:
        raise QueryError(f"the query is {len(query)} characters long; the limit is {MAX_QUERY}")
    terms = Terms()
    for m in _PART.finditer(query):
        minus, phrase, cphrase, word = m.groups()
        into = terms.minus if minus else terms
        if word is not None:
            into.extend([r] for r in runs(word))   # punctuation inside a word splits it
        else:
            rs = runs(phrase if phrase is not None else cphrase)
            if rs:
                into.append(rs)
    if not terms:
        raise QueryError("the query has no letters or digits to search for"
                         + (" besides the excluded (-word) ones" if terms.minus else "")
                         + ': give Chinese words, names or numbers, e.g. 调研 or "衡山科学城"')
    return terms


def date_bound(value: str | None, end: bool = False, name: str = "date") -> str | None:
    """A from/to date as the user may write it: a year (2021), a month (2021-07) or a day (2021-07-31);
    as a day, the first of the span (from) or its last (to, `end`). QueryError says what is accepted."""
    if not value:
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-12-31" if end else f"{text}-01-01"
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
            y, mo = int(m[1]), int(m[2])
            last = calendar.monthrange(y, mo)[1]
            return f"{y:04d}-{mo:02d}-{last if end else 1:02d}"
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise QueryError(f"{name}={value} is not a date: write a year (2021), a month (2021-07) "
                     "or a day (2021-07-31)")


def _fts5_term(term: list[str]) -> str:
    toks = run_tokens(term)   # a phrase's runs keep the boundary between them
    if len(toks) == 1 and len(toks[0]) == 1:
        # one character: any bigram starting with it, in the text (not the filter words of keys.py)
        return f'{{head body}} : "{toks[0]}"*'
    return '"' + " ".join(toks) + '"'


def _fts5(terms: list[list[str]]) -> str:
    """FTS5: every term, and none of the excluded ones (`Terms.minus`)."""
    got = "(" + " AND ".join(_fts5_term(t) for t in terms) + ")"
    minus = getattr(terms, "minus", [])
    return f"({got}{''.join(' NOT ' + _fts5_term(t) for t in minus)})" if minus else got


# BM25 over the index's columns (head, body, keys): headline fields weighted 4:1 over the body; the
# filter words of keys.py weigh nothing
WEIGHTS = "4.0, 1.0, 0.0"


def rank_sql(db: DB, index: str, terms: list[list[str]]) -> str:
    """SQLite: the BM25 of a row of `index` that matches `terms` (lower is better, as FTS5's bm25()).
    jianbao_rank where it is built (rank.py), with the phrases' counts only where the query has several:
    the same order as bm25() without its count of every matching row; bm25() otherwise."""
    if not AVAILABLE:
        return f"bm25({index}, {WEIGHTS})"
    counts = ""
    if len(terms) > 1:
        counts = "".join(", %d" % db.fetchone(f"SELECT count(*) FROM {index} WHERE {index} MATCH ?", (_fts5([t]),))[0]
                         for t in terms)
    return f"jianbao_rank({index}, {WEIGHTS}{counts})"


def fts_match(db: DB, terms: list[list[str]], filters: Filters = Filters(),
              section: str | None = None) -> tuple[str, Filters]:
    """SQLite: (the MATCH expression: the query's terms and the filters the index can check as words
    (keys.py), the filters left for SQL). The page section is always checked in the index."""
    bounds: tuple[str | None, str | None] = (None, None)
    if bool(filters.date_from) != bool(filters.date_to):   # a range open at one end: the archive's ends
        bounds = tuple(db.fetchone("SELECT min(date), max(date) FROM articles"))  # type: ignore[assignment]
    words, rest = narrow(filters, section or filters.section, bounds)
    match = _fts5(terms)
    return (f"{match} AND {words}" if words else match), rest


def _tsquery_term(term: list[str]) -> str:
    toks = run_tokens(term)   # a phrase's runs keep the boundary between them
    if len(toks) == 1 and len(toks[0]) == 1:
        return f"{toks[0]}:*"
    return "(" + " <-> ".join(toks) + ")"


def _tsquery(terms: list[list[str]]) -> str:
    """PostgreSQL: every term, and none of the excluded ones (`Terms.minus`)."""
    parts = [_tsquery_term(t) for t in terms] + ["!" + _tsquery_term(t) for t in getattr(terms, "minus", [])]
    return " & ".join(parts)


def _filters(f: Filters) -> tuple[str, list]:
    sql, args = [], []
    if f.paper:
        sql.append("a.paper = ?"); args.append(f.paper)
    if f.date_from:
        sql.append("a.date >= ?"); args.append(f.date_from)
    if f.date_to:
        sql.append("a.date <= ?"); args.append(f.date_to)
    if f.person:
        sql.append("EXISTS (SELECT 1 FROM mentions m JOIN persons p ON p.id = m.person_id "
                   "WHERE m.article_id = a.id AND p.name = ?)"); args.append(f.person)
    if f.place:
        sql.append("EXISTS (SELECT 1 FROM article_places ap JOIN places pl ON pl.id = ap.place_id "
                   "WHERE ap.article_id = a.id AND pl.name = ?)"); args.append(f.place)
    if f.type:
        sql.append("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.type = ?)"); args.append(f.type)
    if f.section:
        sql.append("a.section = ?"); args.append(f.section)
    if f.kind:
        sql.append("a.kind = ?"); args.append(f.kind)
    if f.undated:
        sql.append("(a.date IS NULL OR a.date = '')")
    if f.untyped:
        sql.append("NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id)")
    if f.region:  # a division and every one inside it: its code's significant digits as a prefix
        sql.append("EXISTS (SELECT 1 FROM place_divisions pd WHERE pd.article_id = a.id AND pd.code LIKE ?)")
        args.append(region_prefix(f.region) + "%")
    return ("".join(" AND " + s for s in sql), args)


# A word found in more articles than this is ranked (BM25 in SQLite, ts_rank_cd in PostgreSQL) among
# its WINDOW newest matches, then the older ones follow newest first: ranking every one of 60,000
# matches of 发展 costs more than a user waits, and for so common a word the newest reports are what a
# reader wants first. (5,000 until bench/web.py showed that ranking so many is most of a search page's
# cost.)
WINDOW = 1000


class Ranking:
    """The matches of a query, best first: one walk over the newest `window` + 1 matches (after filters)
    ranks the newest `window`; the older ones follow newest first with score 0. Pages are cut from it
    without walking again."""

    def __init__(self, db: DB, query: str, filters: Filters = Filters(), window: int = WINDOW):
        terms = parse(query)
        if db.dialect == "sqlite":
            match, rest = fts_match(db, terms, filters)
            where, args = _filters(rest)
            join = articles_join(db) if where else ""
            ident, score = "article_fts.rowid", "-" + rank_sql(db, "article_fts", terms)
            base, args = f"FROM article_fts{join} WHERE article_fts MATCH ?{where}", [match, *args]
        else:
            where, args = _filters(filters)
            ident, score = "a.id", "ts_rank_cd(a.tsv, q)"
            base, args = f"FROM articles a, to_tsquery('simple', ?) q WHERE a.tsv @@ q{where}", [_tsquery(terms), *args]
        self.db, self.window = db, window
        newest = db.fetchall(f"SELECT {ident}, {score} {base} ORDER BY {ident} DESC LIMIT ?", [*args, window + 1])
        # best first, ties oldest first: the walk came newest first, and a reversed sort keeps ties in order
        self.ranked = sorted(newest[:window][::-1], key=itemgetter(1), reverse=True)
        self.more = len(newest) > window   # older matches follow
        self.walked = (len(newest), not self.more)   # (matches seen, whether that is all of them)
        self._older = (f"SELECT {ident}, 0.0 {base} AND {ident} < ? ORDER BY {ident} DESC LIMIT ? OFFSET ?",
                       [*args, newest[window - 1][0]] if self.more else [])

    def page(self, limit: int, offset: int = 0) -> list[tuple[int, int, float]]:
        """(article id, logical id, score), from the `offset`-th match on; score: higher is better."""
        rows = self.ranked[offset:offset + limit]
        if self.more and len(rows) < limit:
            sql, args = self._older
            rows += self.db.fetchall(sql, [*args, limit - len(rows), max(0, offset - self.window)])
        if not rows:
            return []
        ids = [int(r[0]) for r in rows]
        marks = ",".join("?" for _ in ids)
        logical = dict(self.db.fetchall(f"SELECT id, logical_id FROM articles WHERE id IN ({marks})", ids))
        return [(int(r[0]), int(logical.get(r[0]) or r[0]), float(r[1])) for r in rows]


def match_ids(db: DB, query: str, filters: Filters = Filters(), limit: int = 20, offset: int = 0,
              window: int = WINDOW) -> list[tuple[int, int, float]]:
    """(article id, logical id, score) best first; score: higher is better. The newest `window`
    matches (after filters) are ranked, the older ones follow newest first with score 0."""
    return Ranking(db, query, filters, window).page(limit, offset)


def has(db: DB, name: str) -> bool:
    """SQLite: whether the archive has this table or index (asked once per connection)."""
    known = db.__dict__.setdefault("_has", {})
    if name not in known:
        known[name] = db.fetchone("SELECT 1 FROM sqlite_master WHERE name=?", (name,)) is not None
    return known[name]


def articles_join(db: DB, index: str = "article_fts") -> str:
    """SQLite: the join from a full-text index to the articles it matched. The index drives (left
    to itself the planner may walk a paper's 10,000 articles and probe the index for each), and the
    narrow index articles_keys stands in for the wide article rows where the archive has it."""
    keys = " INDEXED BY articles_keys" if has(db, "articles_keys") else ""
    return f" CROSS JOIN articles a{keys} ON a.id = {index}.rowid"


def count(db: DB, query: str, filters: Filters = Filters()) -> int:
    terms = parse(query)
    if db.dialect == "sqlite":
        match, rest = fts_match(db, terms, filters)
        where, args = _filters(rest)
        join = articles_join(db) if where else ""
        return db.fetchone(f"SELECT count(*) FROM article_fts{join} WHERE article_fts MATCH ?" + where,
                           [match, *args])[0]
    where, args = _filters(filters)
    return db.fetchone("SELECT count(*) FROM articles a WHERE a.tsv @@ to_tsquery('simple', ?)" + where,
                       [_tsquery(terms), *args])[0]


def search(db: DB, query: str, filters: Filters = Filters(), limit: int = 20, offset: int = 0,
           collapse: bool = False) -> list[Hit]:
    """Ranked hits, one per logical article (continued parts joined), with highlighted snippets;
    `collapse`: one per story (reprints.py), the best printing standing for the others."""
    terms = parse(query)
    group = grouper(db) if collapse else None
    return hits(db, one_per_article(Ranking(db, query, filters).page, limit, offset, group), terms)


def one_per_article(pages: Callable[[int, int], list[tuple]], limit: int, offset: int = 0,
                    group: Callable[[list[int]], dict[int, int]] | None = None) -> list[tuple[int, int, float]]:
    """The first `limit` logical articles (article id, logical id, score), from the stored articles that
    `pages(n, offset)` gives best first: a continued article's parts count once. `group`: logical ids →
    a key that printings of one story share (reprints.story_keys), so that a story counts once too."""
    picked: list[tuple[int, int, float]] = []
    seen: set[int] = set()
    batch, pos = max(limit * 2, 20), offset
    while len(picked) < limit:
        rows = pages(batch, pos)
        if not rows:
            break
        pos += len(rows)
        keys = group([int(lid or aid) for aid, lid, _ in rows]) if group else {}
        for aid, lid, score in rows:
            lid = int(lid or aid)
            key = keys.get(lid, lid)
            if key not in seen:
                seen.add(key)
                picked.append((int(aid), lid, float(score)))
                if len(picked) >= limit:
                    break
    return picked


def hits(db: DB, picked: list[tuple[int, int, float]], terms: list[list[str]]) -> list[Hit]:
    """The hits for (article id, logical id, score), their parts read in one statement."""
    if not picked:
        return []
    lids = [lid for _, lid, _ in picked]
    parts: dict[int, list[tuple]] = {}
    for row in db.fetchall("SELECT logical_id, id, paper, date, page, kicker, headline, body, kind FROM articles "
                           f"WHERE logical_id IN ({','.join('?' for _ in lids)}) ORDER BY logical_id, part", lids):
        parts.setdefault(int(row[0]), []).append(row[1:])
    out = []
    stories = printing_counts(db, lids)
    for aid, lid, score in picked:
        if lid not in parts:
            continue
        first = parts[lid][0]
        head = next((p for p in parts[lid] if p[5]), first)
        text = "\n".join(x for x in (head[4], head[5], "\n".join(p[6] for p in parts[lid])) if x)
        snippet, marks = make_snippet(text, terms)
        out.append(Hit(aid, lid, score, first[1], first[2], first[3], head[4], head[5], snippet, marks,
                       len(parts[lid]), first[7] or "news", *stories.get(lid, (None, 1))))
    return out


class _Fold(dict):
    """Code point → the character NFKC-normalised, lower-cased and simplified (tokens.norm), computed
    on first sight (a table for str.translate)."""

    def __missing__(self, cp: int) -> str:
        got = self[cp] = norm(chr(cp))
        return got


_FOLD = _Fold()


def _normalised_with_map(text: str) -> tuple[str, Sequence[int]]:
    """The text with every character folded as tokens.norm folds it, and for each character of the
    result the index of the character of `text` it came from."""
    folded = text.translate(_FOLD)
    if len(folded) == len(text):   # no character grows or vanishes: one to one (the common case)
        return folded, range(len(text))
    out, where = [], []
    for i, c in enumerate(text):
        n = _FOLD[ord(c)]
        out.append(n)
        where.extend([i] * len(n))
    return "".join(out), where


def make_snippet(text: str, terms: list[list[str]], width: int = 60) -> tuple[str, list[tuple[int, int]]]:
    """A window of the text around the first match, and the ranges of every match inside it."""
    if not terms:
        return text[:width * 2].replace("\n", " "), []
    # only the text up to a little past the window can matter: the first match in the normalised text
    # is no later than the first one found as it is (which spares normalising a long article)
    found = [k for k in (text.lower().find(r) for t in terms for r in t) if k >= 0]
    full, text = text, text[:min(found) + 2 * width + 64] if found else text
    norm, where = _normalised_with_map(text)
    flat = norm
    spans: list[tuple[int, int]] = []
    for term in terms:
        for r in term:
            start = 0
            while (k := flat.find(r, start)) >= 0:
                spans.append((where[k], where[k + len(r) - 1] + 1))
                start = k + 1
    spans.sort()
    if not spans:
        s = text[:width * 2].replace("\n", " ")
        return s, []
    a = max(0, spans[0][0] - width // 2)
    b = min(len(text), a + width * 2)
    window = text[a:b]
    marks = [(x - a, y - a) for x, y in spans if x >= a and y <= b]
    merged: list[tuple[int, int]] = []
    for x, y in marks:
        if merged and x <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], y))
        else:
            merged.append((x, y))
    prefix = "…" if a > 0 else ""
    suffix = "…" if b < len(full) else ""
    shifted = [(x + len(prefix), y + len(prefix)) for x, y in merged]
    return prefix + window.replace("\n", " ") + suffix, shifted
