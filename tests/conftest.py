"""Shared test helpers: where ../shared is, the scorer, and a one-call cut."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from jianbao.model import PageDoc
from jianbao.pipeline import cut
from jianbao.read.text import page_from_text
from jianbao.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SEED = SHARED / "corpus/seed/hengyang-daily-2021-07-31-p01.md"

needs_shared = pytest.mark.skipif(not (SHARED / "eval/score.py").exists(),
                                  reason="../shared (the read-only corpus) is not beside the repo")


def load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval/score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def free_port() -> int:
    """A TCP port free on loopback now (for servers the tests start)."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cut_text(text: str, source: str = "test.md", **kw) -> PageDoc:
    settings = Settings(tag=False, **kw)
    return cut(page_from_text(text, source), settings)


def gold_of(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


# ---- archive backends: every archive test runs once per backend ------------------------------

import os  # noqa: E402
import uuid  # noqa: E402

PG_ADMIN = os.environ.get("JIANBAO_TEST_PG", "postgresql:///postgres?host=/var/run/postgresql")


def _pg_available() -> str | None:
    try:
        import psycopg
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as c:
            c.execute("select 1")
        return None
    except Exception as e:  # noqa: BLE001 - any failure means "no server here"
        return str(e).splitlines()[0] if str(e) else type(e).__name__


def _pg_url(name: str) -> str:
    from urllib.parse import urlsplit
    parts = urlsplit(PG_ADMIN)
    return f"{parts.scheme}://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_target(request, tmp_path):
    """An empty archive location: an SQLite file path, or a fresh PostgreSQL database URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "archive.db")
        return
    why = _pg_available()
    if why is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but unavailable: {why}")
        pytest.skip(f"no PostgreSQL server here ({why}); run scripts/pg_start.sh")
    import psycopg
    name = "jianbao_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' "
                  "TEMPLATE template0")
    try:
        yield _pg_url(name)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
