"""Two backends behind one small interface: an SQLite file (default) and a PostgreSQL server.

SQL is written once with `?` placeholders; the PostgreSQL connection rewrites them to `%s`.
Each backend knows its own dialect for the few things that differ (ids, full-text search).
"""
from __future__ import annotations

import os
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import JianbaoError
from . import rank  # noqa: F401  (registers jianbao_rank before any connection is opened)


class ArchiveError(JianbaoError):
    """The archive cannot be opened or used; the message says how to fix it."""


def is_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


class DB:
    dialect = ""
    readonly = False

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any: ...
    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None: ...
    def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]: ...
    def fetchone(self, sql: str, params: Iterable[Any] = ()) -> tuple | None: ...
    def insert(self, sql: str, params: Iterable[Any] = ()) -> int: ...
    def close(self) -> None: ...

    _depth = 0
    begin_sql = "BEGIN"
    rollbacks = 0     # how many transactions this connection rolled back: what it cached may be gone

    def others_wrote(self) -> bool:
        """Whether another connection may have changed the archive since this was last asked (SQLite:
        its data_version); True when it cannot tell. What a cache of stored rows checks."""
        return True

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.execute(self.begin_sql)
        self._depth = 1
        try:
            yield
        except BaseException:
            self.rollbacks += 1
            self.execute("ROLLBACK")
            raise
        else:
            self.execute("COMMIT")
        finally:
            self._depth = 0


MMAP_BYTES = 1 << 30   # address space, not memory: pages are shared with the OS cache
CACHE_KIB = 32 * 1024  # per connection


class SQLiteDB(DB):
    dialect = "sqlite"
    begin_sql = "BEGIN IMMEDIATE"  # take the write lock at once: no deadlock between two writers

    def __init__(self, path: str, readonly: bool = False):
        self.path = path
        p = Path(path)
        if p.is_dir():
            raise ArchiveError(f"{path}: is a folder; give the archive's file, e.g. --db {p / 'jianbao.db'}")
        try:
            self._open(p, readonly)
        except sqlite3.Error as e:   # what SQLite says ("unable to open database file"), made readable
            raise ArchiveError(_open_error(path, p, e)) from None

    def _open(self, p: Path, readonly: bool) -> None:
        path = self.path
        if readonly or (p.exists() and not os.access(p, os.W_OK)):
            if not p.exists():
                raise ArchiveError(f"{path}: no such archive; build one with `jianbao ingest PAGES --db {path}`")
            immutable = "&immutable=1" if not os.access(p.parent, os.W_OK) or not os.access(p, os.W_OK) else ""
            self.conn = sqlite3.connect(f"file:{p.resolve()}?mode=ro{immutable}", uri=True,
                                        isolation_level=None, check_same_thread=False)
            self.readonly = True
        else:
            if p.parent and not p.parent.exists():
                raise ArchiveError(f"{path}: the folder {p.parent} does not exist")
            self.conn = sqlite3.connect(str(p), isolation_level=None, check_same_thread=False, timeout=30)
        try:
            self.conn.execute("PRAGMA foreign_keys=ON")
            if not self.readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=30000")
            # reads through a memory map and a larger page cache: a search touches thousands of index
            # pages, and copying each through read() cost a third of a search page's time (bench/web.py)
            self.conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as e:
            self.conn.close()
            if "not a database" in str(e) or "malformed" in str(e):
                raise ArchiveError(f"{path}: not a jianbao archive (not an SQLite database: {e}); "
                                   "give another --db path") from None
            raise ArchiveError(f"{path}: cannot open the archive ({e})") from None

    def execute(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, tuple(params))

    _data_version = None

    def others_wrote(self) -> bool:
        seen, self._data_version = self._data_version, self.conn.execute("PRAGMA data_version").fetchone()[0]
        return seen != self._data_version

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            self.conn.executemany(sql, rows)

    def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        return self.conn.execute(sql, tuple(params)).fetchall()

    def fetchone(self, sql: str, params: Iterable[Any] = ()) -> tuple | None:
        return self.conn.execute(sql, tuple(params)).fetchone()

    def insert(self, sql: str, params: Iterable[Any] = ()) -> int:
        cur = self.conn.execute(sql, tuple(params))
        return int(cur.lastrowid)

    def close(self) -> None:
        self.conn.close()


def _open_error(path: str, p: Path, e: Exception) -> str:
    """One line for an SQLite file that cannot be opened: what is wrong and what to do."""
    folder = p.resolve().parent
    if not p.exists():
        return (f"{path}: cannot create the archive file in {folder} ({e}); "
                "give --db a file in a folder you can write, e.g. --db ./jianbao.db")
    if p.exists() and not os.access(p, os.R_OK):
        return f"{path}: cannot read the archive (no permission); give --db a file you can read"
    return f"{path}: cannot open the archive ({e}); check that --db names a jianbao archive file"


class PostgresDB(DB):
    dialect = "postgresql"

    def __init__(self, url: str, readonly: bool = False):
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise ArchiveError("PostgreSQL needs the psycopg package: pip install 'psycopg[binary]'") from None
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else "connection failed"
            raise ArchiveError(f"cannot connect to {redact(url)}: {first}; is the server running?") from None
        self.readonly = readonly
        if readonly:
            self.conn.execute("SET default_transaction_read_only = on")
        enc = self.conn.execute("SHOW server_encoding").fetchone()[0]
        if enc.upper() not in ("UTF8", "UTF-8"):
            raise ArchiveError(f"{redact(url)}: the database encoding is {enc}; create it with ENCODING 'UTF8'")

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        return self.conn.execute(self._sql(sql), tuple(params)).fetchall()

    def fetchone(self, sql: str, params: Iterable[Any] = ()) -> tuple | None:
        return self.conn.execute(self._sql(sql), tuple(params)).fetchone()

    def insert(self, sql: str, params: Iterable[Any] = ()) -> int:
        row = self.conn.execute(self._sql(sql + " RETURNING id"), tuple(params)).fetchone()
        return int(row[0])

    def close(self) -> None:
        self.conn.close()


def redact(url: str) -> str:
    """A URL fit for a message: the password hidden."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def connect(target: str, readonly: bool = False) -> DB:
    if is_url(target):
        return PostgresDB(target, readonly)
    return SQLiteDB(target, readonly)
