"""The full-text index rows of stored articles, and the sample of the archive that SQLite indexes apart.

What a writer puts in the index (write.py) and what a migration rebuilds (schema.py) are made here,
by the same function: a contentless index deletes a row only when given the very words it was given.
"""
from __future__ import annotations

from .db import DB
from .keys import keys_text
from .tokens import tokens

# A fixed systematic sample of the archive: the articles whose scrambled id is a multiple of SAMPLE.
# SQLite keeps a full-text index of them alone, so that a statement over a sample of a common word's
# matches (facets.py) walks a sixteenth of its postings instead of all of them.
SAMPLE = 16


def scrambled(ident: str) -> str:
    """SQL: the id scrambled to 0 … 65535 (Knuth's multiplicative hash, its high bits: the low ones
    would be the id's own), so that the ids whose scrambled value is a multiple of k form an even
    sample of any set of articles, whatever the pattern of ids (four articles a page, say)."""
    return f"((({ident} * 2654435761) % 4294967296) / 65536)"


def in_sample(article_id: int) -> bool:
    return (article_id * 2654435761) % 4294967296 // 65536 % SAMPLE == 0


def fts_rows(db: DB, where: str, args: tuple = ()) -> list[tuple[int, str, str, str]]:
    """(id, head tokens, body tokens, filter words) of the stored articles that `where` selects, as
    indexed: a contentless index deletes a row only when given the very words it was given."""
    rows = db.fetchall(f"SELECT id, kicker, headline, subheadline, paper, date, section FROM articles WHERE {where}", args)
    out = []
    for aid, k, h, s, paper, day, section in rows:
        paras = [r[0] for r in db.fetchall("SELECT text FROM paragraphs WHERE article_id=? ORDER BY seq", (aid,))]
        subs = [r[0] for r in db.fetchall("SELECT text FROM subheadings WHERE article_id=? ORDER BY seq", (aid,))]
        persons = [r[0] for r in db.fetchall("SELECT p.name FROM mentions m JOIN persons p ON p.id = m.person_id "
                                             "WHERE m.article_id=?", (aid,))]
        places = [r[0] for r in db.fetchall("SELECT pl.name FROM article_places ap JOIN places pl "
                                            "ON pl.id = ap.place_id WHERE ap.article_id=?", (aid,))]
        types = [r[0] for r in db.fetchall("SELECT type FROM events WHERE article_id=?", (aid,))]
        head = "\n".join(x for x in (k, h, s) if x)
        out.append((aid, tokens(head), tokens("\n".join(paras + subs)),
                    keys_text(paper, day, section, persons, places, types)))
    return out


def indexes(article_id: int) -> list[str]:
    """SQLite: the full-text indexes an article is in: every article's, and the sample's if sampled."""
    return ["article_fts", "article_fts_sample"] if in_sample(article_id) else ["article_fts"]


def index_all(db: DB, batch: int = 1000) -> None:
    """Index every stored article anew (a migrated archive; in SQLite both indexes are empty), a
    batch of articles at a time, so that memory stays flat whatever the archive's size."""
    last = 0
    while rows := fts_rows(db, f"id > ? ORDER BY id LIMIT {int(batch)}", (last,)):
        for row in rows:
            if db.dialect == "sqlite":
                for index in indexes(row[0]):
                    db.execute(f"INSERT INTO {index}(rowid, head, body, keys) VALUES (?,?,?,?)", row)
            else:
                set_tsv(db, row[0], row[1], row[2])
        last = rows[-1][0]


def set_tsv(db: DB, article_id: int, head: str, body: str) -> None:
    """PostgreSQL: the article's search vector, head tokens weighted A and body tokens B."""
    db.execute("UPDATE articles SET tsv = setweight(to_tsvector('simple', ?), 'A') || "
               "setweight(to_tsvector('simple', ?), 'B') WHERE id=?", (head, body, article_id))
