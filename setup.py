"""The one compiled part, store/_rank.c: BM25 for SQLite's full-text index without the walk over
every match that FTS5's own bm25() makes (see store/rank.py). Optional: where it cannot be built (no C
compiler, no sqlite3ext.h) the install goes on and search ranks with bm25(). Everything else about the
package is in pyproject.toml."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("jianbao.store._rank", ["src/jianbao/store/_rank.c"], libraries=["m"], optional=True)])
