"""SQLite: the columns the facets count by, held in memory by a process that counts facets again and
again (a web server), so that a query's facets are counted over its matching ids instead of by a
statement that reads every match's article row and probes its activities, persons and places.

bench/web_cpu.py: the facet statement over a word's 10,000 matches costs 10–14 ms of CPU, most of it
materialising the matches' rows once for the eight counts; the ids alone come from the full-text index
in about 1 ms and are counted here in well under one.

The counts are the same as the statement's (facets._FACET_SQL): a paper or section '' or NULL is no
value; an undated article's month is ''; activities, persons and places count each article once per
distinct type or name. The columns are a snapshot: they stand for the archive while its file (and
write-ahead log) are unchanged; after a write the statement counts until the columns are read anew,
which happens at most once every REFRESH seconds (a writer storing page after page does not make every
search read the whole archive), in a thread of its own. They are read only after the same archive state
has been asked for its facets HOLD_AFTER times, so that a command that counts once never pays for them;
a server reads them as it starts (Archive.hold_facet_columns).
"""
from __future__ import annotations

import os
import threading
import time
from typing import Any

from .db import DB

HOLD_AFTER = 3          # facet counts asked of one archive state before its columns are read
SETTLE = 1.0            # seconds an archive state stands before its columns are read (a writer storing
                        # page after page changes it sooner: the columns would be stale once read)
REFRESH = 5.0           # seconds between two readings of one archive's columns
SLOWER = 10             # and both at least this many times the last reading took (a slow writer, one scan
                        # every few seconds, must not have a large archive read again after each page)
MAX_ARTICLES = 5_000_000   # above (by the largest article id), memory per process says no
KEEP = 4                # archives whose columns a process holds at once

_lock = threading.Lock()
# archive path → its state's stamp, facet counts asked of it, columns, when last read, whether being read,
# since when the state stands
_held: dict[str, dict[str, Any]] = {}


def stamp(db: DB) -> tuple | None:
    """SQLite, a file: what changes when a writer commits (the file's and its write-ahead log's size
    and time); None where that is not known (PostgreSQL, memory)."""
    path = getattr(db, "path", None)
    if db.dialect != "sqlite" or not path or path == ":memory:":
        return None
    return _stamp(path)


def _stamp(path: str) -> tuple | None:
    out = []
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
            out.append((st.st_size, st.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out) if out[0] else None


class Columns:
    """Codes per article id (numpy arrays), and per activity type, person name and place name the
    articles that have it (CSR: ptr, codes)."""

    def __init__(self, db: DB):
        import numpy as np
        conn = db.conn   # SQLiteDB
        began = not conn.in_transaction
        if began:
            conn.execute("BEGIN")   # one consistent state for every table read
        try:
            top = int(db.fetchone("SELECT coalesce(max(id), 0) FROM articles")[0])
            if top > MAX_ARTICLES:
                raise MemoryError(f"{top} articles: more than MAX_ARTICLES")
            self.size = top + 1
            rows = db.fetchall("SELECT id, paper, coalesce(substr(date, 1, 7), ''), section, kind FROM articles")
            self.present = np.zeros(self.size, dtype=bool)
            ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
            self.present[ids] = True
            self.cols: dict[str, tuple[Any, list[str]]] = {}
            for k, name in enumerate(("paper", "month", "section", "kind"), start=1):
                skip_empty = name in ("paper", "section")   # '' and NULL are no value: code 0
                values: list[str] = [""]
                index: dict[Any, int] = {}
                codes = np.zeros(self.size, dtype=np.int32)
                got = np.empty(len(rows), dtype=np.int32)
                for j, r in enumerate(rows):
                    v = r[k]
                    if skip_empty and not v:
                        got[j] = 0
                        continue
                    c = index.get(v)
                    if c is None:
                        c = index[v] = len(values)
                        values.append(str(v))
                    got[j] = c
                codes[ids] = got
                self.cols[name] = (codes, values)
            self.lists = {
                "type": self._csr(db, "SELECT DISTINCT article_id, type FROM events ORDER BY article_id"),
                "person": self._csr(db, "SELECT DISTINCT x.article_id, p.name FROM mentions x JOIN persons p "
                                        "ON p.id = x.person_id ORDER BY x.article_id"),
                "place": self._csr(db, "SELECT DISTINCT ap.article_id, pl.name FROM article_places ap "
                                       "JOIN places pl ON pl.id = ap.place_id ORDER BY ap.article_id"),
            }
        finally:
            if began:
                conn.execute("COMMIT")

    def _csr(self, db: DB, sql: str) -> tuple[Any, Any, list[str]]:
        import numpy as np
        rows = db.fetchall(sql)
        values: list[str] = []
        index: dict[str, int] = {}
        arts = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        codes = np.empty(len(rows), dtype=np.int32)
        for j, (_, v) in enumerate(rows):
            c = index.get(v)
            if c is None:
                c = index[v] = len(values)
                values.append(str(v))
            codes[j] = c
        arts = arts[(arts >= 0) & (arts < self.size)]
        ptr = np.zeros(self.size + 1, dtype=np.int64)
        np.cumsum(np.bincount(arts, minlength=self.size), out=ptr[1:])
        return ptr, codes, values

    def counts(self, ids: str) -> list[tuple[str, str, int]] | None:
        """(facet, value, matching articles) over the articles `ids` (their digits, comma-separated),
        as facets._FACET_SQL gives them; None when an id is not in the snapshot (an article stored since:
        the statement counts)."""
        import numpy as np
        a = np.fromstring(ids, dtype=np.int64, sep=",") if ids else np.empty(0, dtype=np.int64)
        if len(a) and (a.min() < 0 or a.max() >= self.size or not self.present[a].all()):
            return None
        out: list[tuple[str, str, int]] = []
        for name, (codes, values) in self.cols.items():
            n = np.bincount(codes[a], minlength=len(values))
            first = 1 if name in ("paper", "section") else 0   # code 0: no paper, no section
            out += [(name, values[c], int(n[c])) for c in np.flatnonzero(n[first:]) + first]
        for name, (ptr, codes, values) in self.lists.items():
            starts, lens = ptr[a], ptr[a + 1] - ptr[a]
            total = int(lens.sum())
            if name == "type":
                out.append(("type", "", int((lens == 0).sum())))
            if not total:
                continue
            ends = np.cumsum(lens)
            at = np.repeat(starts - ends + lens, lens) + np.arange(total)
            n = np.bincount(codes[at], minlength=len(values))
            out += [(name, values[c], int(n[c])) for c in np.flatnonzero(n)]
        return out


def held(db: DB, eager: bool = False) -> Columns | None:
    """The archive's columns if held and current (SQLite, a file); None: count by statement. Once the
    same state has been asked for often enough, they are read in a thread of their own (over a
    connection of its own), so that no request waits for them (a second or so per million articles).
    `eager`: read them now if they are not held (a server starting), asked before or not."""
    now = stamp(db)
    if now is None:
        return None
    path = db.path
    with _lock:
        if path not in _held and len(_held) >= KEEP:   # the archive held first makes room
            del _held[next(iter(_held))]
        h = _held.setdefault(path, {"stamp": None, "asked": 0, "columns": None, "read_at": -REFRESH,
                                    "reading": False, "since": 0.0, "took": 0.0})
        if h["stamp"] != now:
            h.update(stamp=now, asked=0, columns=None, since=time.monotonic())
        h["asked"] += 1
        if h["columns"] is not None:
            return h["columns"]
        wait = SLOWER * h["took"]
        if h["reading"] or (not eager and (h["asked"] < HOLD_AFTER or time.monotonic() - h["read_at"] < max(REFRESH, wait)
                                           or time.monotonic() - h["since"] < max(SETTLE, wait))):
            return None
        h["read_at"], h["reading"] = time.monotonic(), True
    if BACKGROUND:
        threading.Thread(target=_read, args=(type(db), path, now, h), daemon=True).start()
        return None
    return _read(type(db), path, now, h)


BACKGROUND = True   # tests read them in the asking thread


def _read(kind: type, path: str, now: tuple, h: dict[str, Any]) -> Columns | None:
    cols, began = None, time.monotonic()
    try:
        db = kind(path, readonly=True)
        try:
            cols = Columns(db)
        finally:
            db.close()
    except Exception:  # noqa: BLE001 - no columns (too large, the file gone …): the statement counts
        cols = None
    with _lock:
        h["reading"], h["took"] = False, time.monotonic() - began
        if cols is not None and _stamp(path) == now and h["stamp"] == now:   # nothing written meanwhile
            h["columns"] = cols
            return cols
    return None
