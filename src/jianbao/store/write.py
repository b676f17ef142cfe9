"""Write one page document into the archive, in one transaction.

Idempotent: a page whose text was stored before (same SHA-1) is skipped; a page with the same
identity (paper, date, page — or its source path) but new text replaces the old version.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone

from ..model import Article, PageDoc
from . import divisions, facsimile, reprints
from .db import DB
from .index import fts_rows, index_all, indexes, set_tsv
from .keys import keys_text
from .links import link_ids, link_issue
from .tokens import tokens


def page_key(doc: PageDoc) -> str:
    m = doc.meta
    if m.paper and m.date and m.page:
        return f"{m.paper}|{m.date}|{m.page}"
    return f"source:{m.source}"


def head_text(a: Article) -> str:
    return "\n".join(x for x in (a.kicker, a.headline, a.subheadline) if x)


def body_text(a: Article) -> str:
    return "\n".join(list(a.paragraphs) + list(a.subheadings))


def _id(db: DB, table: str, column: str, value: str, extra: dict | None = None) -> int:
    cols = {column: value, **(extra or {})}
    where = " AND ".join(f"{k}=?" for k in cols)
    row = db.fetchone(f"SELECT id FROM {table} WHERE {where}", tuple(cols.values()))
    if row:
        return int(row[0])
    names = ", ".join(cols)
    marks = ", ".join("?" for _ in cols)
    return db.insert(f"INSERT INTO {table}({names}) VALUES ({marks})", tuple(cols.values()))


def delete_page(db: DB, page_id: int) -> None:
    if db.dialect == "sqlite":
        for aid, a_head, a_body, a_keys in fts_rows(db, "page_id=?", (page_id,)):
            for index in indexes(aid):
                db.execute(f"INSERT INTO {index}({index}, rowid, head, body, keys) VALUES ('delete', ?, ?, ?, ?)",
                           (aid, a_head, a_body, a_keys))
    db.execute("DELETE FROM event_roles WHERE event_id IN (SELECT e.id FROM events e JOIN articles a "
               "ON a.id = e.article_id WHERE a.page_id=?)", (page_id,))
    divisions.forget_page(db, page_id)
    for table in ("events", "mentions", "article_places", "article_orgs", "paragraphs", "subheadings", "reporters"):
        db.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM articles WHERE page_id=?)", (page_id,))
    db.execute("UPDATE articles SET logical_id = id, part = 1 WHERE logical_id IN "
               "(SELECT id FROM articles WHERE page_id=?) AND page_id<>?", (page_id, page_id))
    facsimile.delete_page(db, page_id)
    reprints.forget(db, page_id)
    db.execute("DELETE FROM articles WHERE page_id=?", (page_id,))
    db.execute("DELETE FROM furniture WHERE page_id=?", (page_id,))
    db.execute("DELETE FROM pages WHERE id=?", (page_id,))


def write_page(db: DB, doc: PageDoc, text: str) -> str:
    """Store one page; returns "added", "replaced" or "unchanged"."""
    with db.transaction():
        if db.fetchone("SELECT 1 FROM pages WHERE sha1=?", (doc.sha1,)):
            return "unchanged"
        key = page_key(doc)
        old = db.fetchone("SELECT id FROM pages WHERE page_key=?", (key,))
        if old:
            delete_page(db, int(old[0]))
        m = doc.meta
        issue_id = None
        if m.paper and m.date:
            paper_id = _id(db, "papers", "name", m.paper)
            issue_id = _id(db, "issues", "paper_id", paper_id, {"date": m.date})
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        page_id = db.insert(
            "INSERT INTO pages(issue_id, paper, date, page, section, source, page_key, sha1, text, doc, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (issue_id, m.paper, m.date, m.page, m.section, m.source, key, doc.sha1, text,
             json.dumps(doc.to_dict(with_spans=True), ensure_ascii=False), now))
        db.executemany("INSERT INTO furniture(page_id, seq, kind, text) VALUES (?,?,?,?)",
                       [(page_id, k, f.kind, f.text) for k, f in enumerate(doc.furniture)])
        facsimile.write_image(db, page_id, doc.image)
        home, votes = divisions.home(db, m.paper), Counter()   # read once a page; the votes stored at once
        for seq, a in enumerate(doc.articles):
            _write_article(db, page_id, seq, a, doc, home, votes)
        divisions.add_votes(db, m.paper, votes)
        if issue_id is not None:
            link_issue(db, issue_id)
        link_ids(db, doc)
        divisions.update_home(db, m.paper)
        reprints.link_page(db, page_id)   # after the continued parts are joined
        return "replaced" if old else "added"


def _write_article(db: DB, page_id: int, seq: int, a: Article, doc: PageDoc,
                   home: divisions.PaperHome | None, votes: Counter) -> None:
    m = doc.meta
    aid = db.insert(
        "INSERT INTO articles(uid, page_id, seq, kind, kicker, headline, subheadline, byline, dateline, "
        "continued_from, continued_on, body, paper, date, page, section, part) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)",
        (a.id, page_id, seq, a.kind, a.kicker, a.headline, a.subheadline, a.byline, a.dateline,
         a.continued_from, a.continued_on, "\n".join(a.paragraphs), m.paper, m.date, m.page, m.section))
    db.execute("UPDATE articles SET logical_id=? WHERE id=?", (aid, aid))
    head, body = tokens(head_text(a)), tokens(body_text(a))
    if db.dialect == "sqlite":
        words = keys_text(m.paper, m.date, m.section, [p.name for p in a.persons], a.places,
                          [e.type for e in a.events])
        for index in indexes(aid):
            db.execute(f"INSERT INTO {index}(rowid, head, body, keys) VALUES (?,?,?,?)", (aid, head, body, words))
    else:
        set_tsv(db, aid, head, body)
    db.executemany("INSERT INTO paragraphs(article_id, seq, text) VALUES (?,?,?)",
                   [(aid, k, p) for k, p in enumerate(a.paragraphs)])
    db.executemany("INSERT INTO subheadings(article_id, seq, text) VALUES (?,?,?)",
                   [(aid, k, s) for k, s in enumerate(a.subheadings)])
    db.executemany("INSERT INTO reporters(article_id, seq, name) VALUES (?,?,?)",
                   [(aid, k, r) for k, r in enumerate(a.reporters)])
    person_ids: dict[str, int] = {}
    mentions = []   # each table's rows in one statement, in the order the per-row inserts had
    for p in a.persons:
        pid = _id(db, "persons", "name", p.name, {"paper": m.paper or ""})
        person_ids[p.name] = pid
        mentions += [(aid, pid, title) for title in (p.titles or [""])]
    db.executemany("INSERT INTO mentions(article_id, person_id, title) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                   mentions)
    db.executemany("INSERT INTO article_places(article_id, place_id) VALUES (?,?) ON CONFLICT DO NOTHING",
                   [(aid, _id(db, "places", "name", name)) for name in dict.fromkeys(a.places)])
    divisions.write_places(db, aid, a, m.paper, home, votes)
    db.executemany("INSERT INTO article_orgs(article_id, org_id) VALUES (?,?) ON CONFLICT DO NOTHING",
                   [(aid, _id(db, "orgs", "name", name)) for name in dict.fromkeys(a.orgs)])
    for k, e in enumerate(a.events):
        eid = db.insert("INSERT INTO events(article_id, seq, type, name, date, time_of_day, date_text) "
                        "VALUES (?,?,?,?,?,?,?)", (aid, k, e.type, e.name, e.date, e.time_of_day, e.date_text))
        roles = [("actor", x) for x in e.actors] + [("participant", x) for x in e.participants] + \
                [("place", x) for x in e.places]
        db.executemany("INSERT INTO event_roles(event_id, role, name, person_id) VALUES (?,?,?,?) "
                       "ON CONFLICT DO NOTHING",
                       [(eid, role, name, person_ids.get(name) if role != "place" else None)
                        for role, name in roles])
