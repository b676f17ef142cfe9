"""The archive's tables, for both backends, and the migrations between schema versions.

A researcher can query these tables directly (README: "Querying the archive").
Version 1 was the first layout; version 2 added continuation links (articles.logical_id, part);
version 3 the sample index (SQLite), kept by every writer, which older ones would not do; version 4
the filter words of keys.py (SQLite, a third column of both full-text indexes); version 5 a boundary
between runs of letters and digits in the indexed tokens (tokens.py, both backends); version 6
traditional characters folded to simplified in the indexed tokens (tokens.py, both backends).
Versions after 6 are `STEPS`: each a list of statements that turns the schema of the version before
into its own, run after the version-6 tables on a new archive and alike when an older one migrates.
Indexes that only make reading faster (READ_INDEXES) are no part of the version: every writable
open adds those missing, so an older archive gains them the first time it is ingested into.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import divisions, facsimile, reprints
from .db import DB, ArchiveError
from .index import index_all

BASE_VERSION = 6        # the layout of _TABLES and the steps folded into it (versions 1-6)
APP = "jianbao-archive"


@dataclass(frozen=True)
class Step:
    """One schema version after BASE_VERSION: its statements ({ID}: the dialect's identity column;
    {WITHOUT_ROWID}: SQLite's clause for a table that is its primary key's b-tree, nothing in PostgreSQL),
    then `backfill(db)`, which fills what the new tables hold for pages stored before it."""
    why: str
    ddl: tuple[str, ...] = ()
    backfill: Callable[[DB], None] | None = None


STEPS: dict[int, Step] = {
    7: Step("places resolved to administrative divisions (issue 22)", divisions.DDL, divisions.backfill),
    8: Step("reprints: near-duplicate articles linked as one story (issue 22)", reprints.DDL, reprints.backfill),
    # pages stored before were kept without their file's path or line boxes: nothing to backfill (the
    # page view shows them as cut, without a picture)
    9: Step("page images for the facsimile (issue 20)", facsimile.DDL),
}
SCHEMA_VERSION = max(STEPS)

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS papers (id {ID}, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS issues (
  id {ID}, paper_id INTEGER NOT NULL REFERENCES papers(id), date TEXT NOT NULL, UNIQUE (paper_id, date));
CREATE TABLE IF NOT EXISTS pages (
  id {ID}, issue_id INTEGER REFERENCES issues(id), paper TEXT, date TEXT, page TEXT, section TEXT,
  source TEXT, page_key TEXT NOT NULL UNIQUE, sha1 TEXT NOT NULL UNIQUE, text TEXT NOT NULL,
  doc TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  id {ID}, uid TEXT NOT NULL UNIQUE, page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, kind TEXT NOT NULL, kicker TEXT, headline TEXT, subheadline TEXT, byline TEXT,
  dateline TEXT, continued_from TEXT, continued_on TEXT, body TEXT NOT NULL,
  paper TEXT, date TEXT, page TEXT, section TEXT{V2_ARTICLE_COLUMNS});
CREATE TABLE IF NOT EXISTS paragraphs (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  text TEXT NOT NULL, PRIMARY KEY (article_id, seq));
CREATE TABLE IF NOT EXISTS subheadings (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  text TEXT NOT NULL, PRIMARY KEY (article_id, seq));
CREATE TABLE IF NOT EXISTS reporters (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  name TEXT NOT NULL, PRIMARY KEY (article_id, seq));
CREATE TABLE IF NOT EXISTS persons (id {ID}, name TEXT NOT NULL, paper TEXT NOT NULL DEFAULT '',
  UNIQUE (name, paper));
CREATE TABLE IF NOT EXISTS mentions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES persons(id), title TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (article_id, person_id, title));
CREATE TABLE IF NOT EXISTS places (id {ID}, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS article_places (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  place_id INTEGER NOT NULL REFERENCES places(id), PRIMARY KEY (article_id, place_id));
CREATE TABLE IF NOT EXISTS orgs (id {ID}, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS article_orgs (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES orgs(id), PRIMARY KEY (article_id, org_id));
CREATE TABLE IF NOT EXISTS events (
  id {ID}, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  type TEXT NOT NULL, name TEXT, date TEXT, time_of_day TEXT, date_text TEXT);
CREATE TABLE IF NOT EXISTS event_roles (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, role TEXT NOT NULL,
  name TEXT NOT NULL, person_id INTEGER REFERENCES persons(id), PRIMARY KEY (event_id, role, name));
CREATE TABLE IF NOT EXISTS furniture (
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  kind TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (page_id, seq));
CREATE INDEX IF NOT EXISTS articles_page ON articles(page_id);
CREATE INDEX IF NOT EXISTS articles_paper_date ON articles(paper, date);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE INDEX IF NOT EXISTS mentions_person ON mentions(person_id);
CREATE INDEX IF NOT EXISTS article_places_place ON article_places(place_id);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date);
CREATE INDEX IF NOT EXISTS event_roles_person ON event_roles(person_id);
CREATE INDEX IF NOT EXISTS persons_name ON persons(name);
"""

V2_ARTICLE_COLUMNS = ", logical_id INTEGER, part INTEGER NOT NULL DEFAULT 1"
V2_INDEX = "CREATE INDEX IF NOT EXISTS articles_logical ON articles(logical_id);"

SEARCH = {
    "sqlite": """CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
                   head, body{V4_KEYS}, content='', tokenize='unicode61 remove_diacritics 0');""",
    "postgresql": """ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector;
                     CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING gin(tsv);""",
}


# SQLite keeps a full-text index of a fixed systematic sample of the archive (index.py: SAMPLE)
SAMPLE_INDEX = ("CREATE VIRTUAL TABLE IF NOT EXISTS article_fts_sample USING fts5("
                "head, body{V4_KEYS}, content='', tokenize='unicode61 remove_diacritics 0')")

# Version 4: both full-text indexes have a third column, `keys`, of filter words (keys.py)
V4_KEYS = ", keys"


# a narrow copy of the columns that searches filter and count by: walking 50,000 matches of a common
# word to keep one paper's reads this instead of 50,000 wide article rows (bench/web.py: 4x faster);
# kind too, since the facets count by it (without it the facet statement read every match's wide row:
# bench/web_cpu.py, facets 6.5 → 4 ms a search). An index whose columns differ is made anew.
READ_INDEXES = ("CREATE INDEX IF NOT EXISTS articles_keys ON articles(id, paper, date, section, kind, logical_id)",
                # an issue's pages: what links.link_issue reads at every page stored (without it, a scan of
                # every stored article a page: ingest slowed as the archive grew)
                "CREATE INDEX IF NOT EXISTS pages_issue ON pages(issue_id)")


def _search_ddl(dialect: str, version: int) -> list[str]:
    """The full-text index statements of a backend at a schema version."""
    keys = V4_KEYS if version >= 4 else ""
    stmts = [s.strip().replace("{V4_KEYS}", keys) for s in SEARCH[dialect].split(";") if s.strip()]
    if version >= 3 and dialect == "sqlite":
        stmts.append(SAMPLE_INDEX.replace("{V4_KEYS}", keys))
    return stmts


def _ident(db: DB) -> str:
    return "INTEGER PRIMARY KEY" if db.dialect == "sqlite" else "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"


def _steps(db: DB, after: int, upto: int, backfill: bool) -> None:
    """Run the steps of the versions after `after` up to `upto`."""
    for v in sorted(STEPS):
        if after < v <= upto:
            for stmt in STEPS[v].ddl:
                db.execute(stmt.replace("{ID}", _ident(db))
                           .replace("{WITHOUT_ROWID}", " WITHOUT ROWID" if db.dialect == "sqlite" else ""))
            if backfill and STEPS[v].backfill:
                STEPS[v].backfill(db)


def _ddl(db: DB, version: int) -> list[str]:
    """The statements of the base layout at a version up to BASE_VERSION."""
    ident = _ident(db)
    sql = _TABLES.replace("{ID}", ident).replace("{V2_ARTICLE_COLUMNS}", V2_ARTICLE_COLUMNS if version >= 2 else "")
    stmts = [s.strip() for s in sql.split(";") if s.strip()]
    if version >= 2:
        stmts.append(V2_INDEX.rstrip(";"))
        stmts += READ_INDEXES
    return stmts + _search_ddl(db.dialect, version)


def create(db: DB, version: int = SCHEMA_VERSION) -> None:
    with db.transaction():
        for stmt in _ddl(db, min(version, BASE_VERSION)):
            db.execute(stmt)
        _steps(db, BASE_VERSION, version, backfill=False)
        db.execute("INSERT INTO meta(key, value) VALUES ('app', ?) ON CONFLICT (key) DO NOTHING", (APP,))
        db.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
                   (str(version),))


def _has_table(db: DB, name: str) -> bool:
    if db.dialect == "sqlite":
        return db.fetchone("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)) is not None
    return db.fetchone("SELECT 1 FROM information_schema.tables WHERE table_name=? AND table_schema=current_schema()",
                       (name,)) is not None


def _is_empty(db: DB) -> bool:
    if db.dialect == "sqlite":
        return db.fetchone("SELECT count(*) FROM sqlite_master")[0] == 0
    return db.fetchone("SELECT count(*) FROM information_schema.tables WHERE table_schema=current_schema()")[0] == 0


def version_of(db: DB) -> int | None:
    if not _has_table(db, "meta"):
        return None
    row = db.fetchone("SELECT value FROM meta WHERE key='schema_version'")
    app = db.fetchone("SELECT value FROM meta WHERE key='app'")
    if not row or not app or app[0] != APP:
        return None
    return int(row[0])


def ensure(db: DB, where: str) -> int:
    """Create a new archive, migrate an older one, or refuse what is not an archive."""
    version = version_of(db)
    if version is None:
        if not _is_empty(db):
            raise ArchiveError(f"{where}: not a jianbao archive (it holds other tables); give another --db")
        if db.readonly:
            raise ArchiveError(f"{where}: empty and read-only; build an archive with `jianbao ingest`")
        create(db)
        return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise ArchiveError(f"{where}: archive schema {version} is newer than this jianbao knows "
                           f"({SCHEMA_VERSION}); upgrade jianbao")
    if version < SCHEMA_VERSION:
        if db.readonly:
            raise ArchiveError(f"{where}: archive schema {version} is older than {SCHEMA_VERSION}; migrate it by "
                               f"opening it once with write access: `jianbao ingest PAGES --db {where}` (any "
                               "page, even one stored already)")
        migrate(db, version)
    elif not db.readonly and not all(_index_current(db, stmt) for stmt in READ_INDEXES):
        with db.transaction():
            _add_read_indexes(db)
    return SCHEMA_VERSION


def _index_current(db: DB, stmt: str) -> bool:
    """The index of a READ_INDEXES statement exists with the statement's columns."""
    name = stmt.split()[5]
    if db.dialect == "sqlite":
        have = ",".join(r[2] for r in db.fetchall(f"PRAGMA index_info({name})"))
    else:
        row = db.fetchone("SELECT indexdef FROM pg_indexes WHERE indexname=? AND schemaname=current_schema()", (name,))
        have = row[0][row[0].rindex("(") + 1:].rstrip(")") if row else ""
    return have.replace(" ", "") == stmt[stmt.rindex("(") + 1:].rstrip(")").replace(" ", "")


def _add_read_indexes(db: DB) -> None:
    for stmt in READ_INDEXES:
        if not _index_current(db, stmt):
            db.execute(f"DROP INDEX IF EXISTS {stmt.split()[5]}")
            db.execute(stmt)


def migrate(db: DB, version: int) -> None:
    with db.transaction():
        if version < 2:
            db.execute("ALTER TABLE articles ADD COLUMN logical_id INTEGER")
            db.execute("ALTER TABLE articles ADD COLUMN part INTEGER NOT NULL DEFAULT 1")
            db.execute("UPDATE articles SET logical_id = id")
            db.execute(V2_INDEX.rstrip(";"))
        _add_read_indexes(db)
        if version < 6:   # v4: the keys column (SQLite); v5: BOUNDARY between runs; v6: traditional folded
            # to simplified (tokens.py): indexes anew
            if db.dialect == "sqlite":
                db.execute("DROP TABLE IF EXISTS article_fts")
                db.execute("DROP TABLE IF EXISTS article_fts_sample")
                for stmt in _search_ddl("sqlite", BASE_VERSION):
                    db.execute(stmt)
            index_all(db)
        _steps(db, max(version, BASE_VERSION), SCHEMA_VERSION, backfill=True)
        db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
