"""Ranking in SQLite's full-text index: FTS5's bm25(), or the same ranking without its walk.

bm25() first counts, for each phrase of the query, every row of the index that holds it (for its IDF),
and only then scores the rows the statement reads: for 发展 that is 60,000 rows counted when a search
reads the newest thousand. jianbao_rank (store/_rank.c, compiled by the install) scores a row by the same
formula and takes those counts from the caller instead: search.rank_sql gives none for a query of one
phrase, whose IDF multiplies every score alike (the order is bm25()'s), and counts each phrase of a
query of several, as bm25() would.

The function is registered for every connection the process opens, through sqlite3_auto_extension of
the very SQLite library that Python's sqlite3 module runs on. Where that cannot be done (the extension
was not built, or that library does not export the call), AVAILABLE is False and search uses bm25().
"""
from __future__ import annotations

import ctypes
import sqlite3


def _register() -> bool:
    try:
        from . import _rank
        import _sqlite3
        entry = ctypes.CDLL(_rank.__file__).jianbao_rank_init
        # dlsym on Python's own sqlite3 module finds the SQLite it is linked with
        auto_extension = ctypes.CDLL(_sqlite3.__file__).sqlite3_auto_extension
    except (ImportError, OSError, AttributeError):
        return False
    auto_extension.argtypes = [ctypes.c_void_p]
    if auto_extension(ctypes.cast(entry, ctypes.c_void_p)) != 0:
        return False
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        con.execute("INSERT INTO probe VALUES ('a b')")
        con.execute("SELECT jianbao_rank(probe) FROM probe WHERE probe MATCH 'a'").fetchall()
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()


AVAILABLE = _register()
