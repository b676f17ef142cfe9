"""Start-up tables kept on disk between runs: a table every process builds the same way from files
that seldom change (the gazetteer parsed from jionlp's zip, 1 s of CPU; the character table of
jieba's dictionary, 0.3 s; jieba's prefix dictionary, 0.48 s from jieba's own marshal file) is built
once and then read back from a pickle (0.15 s; 0.002 s; 0.16 s).

A cached file is used only when its key matches: the key hashes the table's name, a format number,
the Python version, the bytes of the module that builds it (a change to the code that builds a table
is a new table) and the path, size and modification time of every source file. Otherwise the table
is built as before and the file written again (atomically; a file of the same table with another key
is removed once it is a week old). Where nothing can be written (a read-only home), or with
JIANBAO_CACHE=off, tables are built every time: the cache changes when a table is built, never what
it holds.

The folder: $JIANBAO_CACHE, else $XDG_CACHE_HOME/jianbao, else ~/.cache/jianbao.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
FORMAT = 1
STALE = 7 * 86400  # seconds: a file of another key (another checkout's code) is removed after a week unread


def folder() -> Path | None:
    env = os.environ.get("JIANBAO_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "no", "false") else Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "jianbao"


def key(name: str, code: str | Path, sources: Iterable[str | Path]) -> str:
    """The hash a cached table of `name` must carry: built by the module file `code` from `sources`."""
    h = hashlib.sha256(f"{name}\0{FORMAT}\0{sys.version}\0".encode())
    h.update(Path(code).read_bytes())
    for s in sources:
        p = Path(s)
        try:
            st = p.stat()
            h.update(f"\0{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode())
        except OSError:
            h.update(f"\0{p}\0missing".encode())
    return h.hexdigest()[:24]


def cached(name: str, code: str | Path, sources: Iterable[str | Path], build: Callable[[], T]) -> T:
    """build(), or the table a previous build with the same key left on disk."""
    where = folder()
    if where is None:
        return build()
    try:
        k = key(name, code, sources)
    except OSError:
        return build()
    path = where / f"{name}-{k}.pickle"
    try:
        with open(path, "rb") as f:
            table = pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged or foreign file: build again and replace it
        pass
    else:
        try:
            os.utime(path)  # read: not stale
        except OSError:
            pass
        return table
    table = build()
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=where)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in where.glob(f"{name}-*.pickle"):  # another key's, unused for a week
            if old != path and old.stat().st_mtime < time.time() - STALE:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - nowhere to keep it, or not picklable: built each time
        pass
    return table
