"""Chinese full-text search: words of any length, phrases in quotes, ranked, with snippets.

Every term is a substring query over bigram tokens (tokens.py); terms are ANDed. Ranking is
BM25 in SQLite (FTS5, headline fields weighted 4:1 over the body) and ts_rank_cd in PostgreSQL.
User text never reaches the full-text engine's own syntax: tokens are letters and digits only.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Sequence

from ..errors import JianbaoError
from .db import DB
from .tokens import bigrams, runs

MAX_QUERY = 200


class QueryError(JianbaoError):
    """A query that cannot be searched; the message says what to change."""


@dataclass(frozen=True)
class Filters:
    paper: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    person: str | None = None
    place: str | None = None
    type: str | None = None


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


def parse(query: str) -> list[list[str]]:
    """Query → terms, each term a list of runs that must stand in sequence ("a phrase")."""
    if len(query) > MAX_QUERY:
        raise QueryError(f"the query is {len(query)} characters long; the limit is {MAX_QUERY}")
    terms: list[list[str]] = []
    for m in re.finditer(r'"([^"]*)"?|“([^”]*)”?|(\S+)', query):
        phrase, cphrase, word = m.groups()
        if word is not None:
            terms.extend([r] for r in runs(word))   # punctuation inside a word splits it
        else:
            rs = runs(phrase if phrase is not None else cphrase)
            if rs:
                terms.append(rs)
    if not terms:
        raise QueryError("the query has no letters or digits to search for: "
                         "give Chinese words, names or numbers, e.g. 调研 or \"衡山科学城\"")
    return terms


def _fts5(terms: list[list[str]]) -> str:
    parts = []
    for term in terms:
        toks = [t for r in term for t in bigrams(r)]
        if len(toks) == 1 and len(toks[0]) == 1:
            parts.append(f'"{toks[0]}"*')  # one character: any bigram starting with it
        else:
            parts.append('"' + " ".join(toks) + '"')
    return " AND ".join(parts)


def _tsquery(terms: list[list[str]]) -> str:
    parts = []
    for term in terms:
        toks = [t for r in term for t in bigrams(r)]
        if len(toks) == 1 and len(toks[0]) == 1:
            parts.append(f"{toks[0]}:*")
        else:
            parts.append("(" + " <-> ".join(toks) + ")")
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
    return ("".join(" AND " + s for s in sql), args)


# A word found in more articles than this is ranked (BM25 in SQLite, ts_rank_cd in PostgreSQL) among
# its WINDOW newest matches, then the older ones follow newest first: ranking every one of 60,000
# matches of 发展 costs more than a user waits, and for so common a word the newest reports are what a
# reader wants first. (5,000 until bench/web.py showed that ranking so many is most of a search page's
# cost.)
WINDOW = 1000


def match_ids(db: DB, query: str, filters: Filters = Filters(), limit: int = 20, offset: int = 0,
              window: int = WINDOW) -> list[tuple[int, int, float]]:
    """(article id, logical id, score) best first; score: higher is better. The newest `window`
    matches (after filters) are ranked, the older ones follow newest first with score 0."""
    terms = parse(query)
    where, args = _filters(filters)
    if db.dialect == "sqlite":
        join = articles_join(db) if where else ""
        ident, score = "article_fts.rowid", "-bm25(article_fts, 4.0, 1.0)"
        base, args = f"FROM article_fts{join} WHERE article_fts MATCH ?{where}", [_fts5(terms), *args]
    else:
        ident, score = "a.id", "ts_rank_cd(a.tsv, q)"
        base, args = f"FROM articles a, to_tsquery('simple', ?) q WHERE a.tsv @@ q{where}", [_tsquery(terms), *args]
    # one walk over the newest window + 1 matches (every filter applied), scored as they come
    newest = db.fetchall(f"SELECT {ident}, {score} {base} ORDER BY {ident} DESC LIMIT ?", [*args, window + 1])
    rows = sorted(newest[:window], key=lambda r: (-r[1], r[0]))[offset:offset + limit]
    if len(newest) > window and len(rows) < limit:   # then the older matches, newest first
        rows += db.fetchall(f"SELECT {ident}, 0.0 {base} AND {ident} < ? ORDER BY {ident} DESC LIMIT ? OFFSET ?",
                            [*args, newest[window - 1][0], limit - len(rows), max(0, offset - window)])
    if not rows:
        return []
    ids = [int(r[0]) for r in rows]
    marks = ",".join("?" for _ in ids)
    logical = dict(db.fetchall(f"SELECT id, logical_id FROM articles WHERE id IN ({marks})", ids))
    return [(int(r[0]), int(logical.get(r[0]) or r[0]), float(r[1])) for r in rows]


def articles_join(db: DB) -> str:
    """SQLite: the join from the full-text index to the articles it matched. The index drives (left
    to itself the planner may walk a paper's 10,000 articles and probe the index for each), and the
    narrow index articles_keys stands in for the wide article rows where the archive has it."""
    keys = getattr(db, "_has_articles_keys", None)
    if keys is None:
        keys = db._has_articles_keys = db.fetchone(
            "SELECT 1 FROM sqlite_master WHERE type='index' AND name='articles_keys'") is not None
    return f" CROSS JOIN articles a{' INDEXED BY articles_keys' if keys else ''} ON a.id = article_fts.rowid"


def count(db: DB, query: str, filters: Filters = Filters()) -> int:
    terms = parse(query)
    where, args = _filters(filters)
    if db.dialect == "sqlite":
        return db.fetchone(f"SELECT count(*) FROM article_fts{articles_join(db)} WHERE article_fts MATCH ?" + where,
                           [_fts5(terms), *args])[0]
    return db.fetchone("SELECT count(*) FROM articles a WHERE a.tsv @@ to_tsquery('simple', ?)" + where,
                       [_tsquery(terms), *args])[0]


def search(db: DB, query: str, filters: Filters = Filters(), limit: int = 20, offset: int = 0) -> list[Hit]:
    """Ranked hits, one per logical article (continued parts joined), with highlighted snippets."""
    terms = parse(query)
    hits: list[Hit] = []
    seen: set[int] = set()
    batch = max(limit * 2, 20)
    pos = offset
    while len(hits) < limit:
        rows = match_ids(db, query, filters, batch, pos)
        if not rows:
            break
        pos += len(rows)
        for aid, lid, score in rows:
            if lid in seen:
                continue
            seen.add(lid)
            hits.append(_hit(db, aid, lid, score, terms))
            if len(hits) >= limit:
                break
    return hits


def _hit(db: DB, aid: int, lid: int, score: float, terms: list[list[str]]) -> Hit:
    parts = db.fetchall("SELECT id, paper, date, page, kicker, headline, body FROM articles "
                        "WHERE logical_id = ? ORDER BY part", (lid,))
    first = parts[0]
    head = next((p for p in parts if p[5]), first)
    body = "\n".join(p[6] for p in parts)
    text = "\n".join(x for x in (head[4], head[5], body) if x)
    snippet, marks = make_snippet(text, terms)
    return Hit(aid, lid, score, first[1], first[2], first[3], head[4], head[5], snippet, marks, len(parts))


class _Fold(dict):
    """Code point → the character NFKC-normalised and lower-cased, computed on first sight (a table
    for str.translate)."""

    def __missing__(self, cp: int) -> str:
        got = self[cp] = unicodedata.normalize("NFKC", chr(cp)).lower()
        return got


_FOLD = _Fold()


def _normalised_with_map(text: str) -> tuple[str, Sequence[int]]:
    """The text with every character NFKC-normalised and lower-cased, and for each character of the
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
    suffix = "…" if b < len(text) else ""
    shifted = [(x + len(prefix), y + len(prefix)) for x, y in merged]
    return prefix + window.replace("\n", " ") + suffix, shifted
