"""`jianbao ingest`: pages into the archive, idempotent, replacing changed pages, robust to kills."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES
from jianbao.store import open_archive

pytestmark = pytest.mark.slow  # `jianbao ingest` end to end in subprocesses, killed with -9 and rerun


def jianbao(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jianbao", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def snapshot(target: str) -> dict:
    """What the archive holds, independent of row ids and ingestion order."""
    with open_archive(target, readonly=True) as arch:
        db = arch.db
        pages = sorted(r[0] for r in db.fetchall("SELECT sha1 FROM pages"))
        arts = sorted(tuple(map(str, r)) for r in db.fetchall(
            "SELECT uid, coalesce(headline,''), body, part FROM articles"))
        paras = db.fetchone("SELECT count(*) FROM paragraphs")[0]
        fts = len(arch.search("发展", limit=1000)) if arts else 0
    return {"pages": pages, "articles": arts, "paragraphs": paras, "fts": fts}


def test_ingest_examples_then_again_changes_nothing(db_target):
    r = jianbao("ingest", str(EXAMPLES), "--db", db_target, "--no-progress")
    assert r.returncode == 0, r.stderr
    assert "9 page(s) added" in r.stderr
    first = snapshot(db_target)
    assert len(first["pages"]) == 9 and len(first["articles"]) >= 25
    r = jianbao("ingest", str(EXAMPLES), "--db", db_target, "--no-progress")
    assert "0 page(s) added, 0 replaced, 9 unchanged" in r.stderr
    assert snapshot(db_target) == first


def test_changed_page_replaces_its_old_version(db_target, tmp_path):
    src = tmp_path / "linjiang-daily-2023-05-12-p01.md"
    text = (EXAMPLES / src.name).read_text(encoding="utf-8")
    src.write_text(text, encoding="utf-8")
    jianbao("ingest", str(src), "--db", db_target, "--no-progress")
    src.write_text(text.replace("以链式思维育集群", "以链式思维强集群"), encoding="utf-8")
    r = jianbao("ingest", str(src), "--db", db_target, "--no-progress")
    assert "1 replaced" in r.stderr
    with open_archive(db_target, readonly=True) as arch:
        assert arch.stats()["pages"] == 1
        assert arch.count("强集群") == 1 and arch.count("育集群") == 0


def test_failed_files_are_listed_and_the_rest_go_in(db_target, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.md").write_text((EXAMPLES / "tongxi-daily-2019-12-20-p03.md").read_text(encoding="utf-8"), encoding="utf-8")
    (d / "b.md").write_bytes(b"")
    (d / "c.md").write_bytes(b"\x00\x01binary")
    r = jianbao("ingest", str(d), "--db", db_target, "--no-progress")
    assert r.returncode == 1
    assert "1 page(s) added" in r.stderr and "2 file(s) failed" in r.stderr
    assert "b.md: empty" in r.stderr and "c.md: binary" in r.stderr
    assert "Traceback" not in r.stderr


def test_two_workers_store_the_same_archive_as_one(db_target, tmp_path):
    one = str(tmp_path / "one.db")
    jianbao("ingest", str(EXAMPLES), "--db", one, "--no-progress")
    r = jianbao("ingest", str(EXAMPLES), "--db", db_target, "--workers", "2", "--no-progress")
    assert r.returncode == 0, r.stderr
    assert snapshot(db_target) == snapshot(one)


@pytest.mark.parametrize("delay", [0.8, 1.6, 2.6])
def test_kill_9_mid_batch_then_rerun_equals_a_clean_run(db_target, tmp_path, delay):
    # many pages so that the kill lands mid-batch
    d = tmp_path / "pages"
    d.mkdir()
    from jianbao.synth import generate_page
    for seed in range(120):
        text, _ = generate_page(seed)
        (d / f"p{seed:03d}.md").write_text(text, encoding="utf-8")
    clean = str(tmp_path / "clean.db")
    jianbao("ingest", str(d), "--db", clean, "--no-progress", "--no-tag" if False else "--no-progress")
    proc = subprocess.Popen([sys.executable, "-m", "jianbao", "ingest", str(d), "--db", db_target, "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    r = jianbao("ingest", str(d), "--db", db_target, "--no-progress")
    assert r.returncode == 0, r.stderr
    assert snapshot(db_target) == snapshot(clean)
    if db_target.endswith(".db"):
        import sqlite3
        assert sqlite3.connect(db_target).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_page_stored_reads_its_issue_by_index(tmp_path):
    """links.link_issue runs at every page stored: it finds the issue's articles through the pages'
    issue index, never by a scan of every stored article (what made ingest slow as the archive grew)."""
    with open_archive(str(tmp_path / "a.db")) as a:
        for sql in ("SELECT a.id, a.page, a.seq, a.headline, a.continued_from, a.continued_on FROM articles a "
                    "JOIN pages p ON p.id = a.page_id WHERE p.issue_id=? ORDER BY a.id",
                    "UPDATE articles SET logical_id = id, part = 1 WHERE page_id IN "
                    "(SELECT id FROM pages WHERE issue_id=?)"):
            plan = " | ".join(r[3] for r in a.db.fetchall("EXPLAIN QUERY PLAN " + sql, (1,)))
            assert "pages_issue" in plan and "SCAN a" not in plan and "SCAN pages" not in plan, plan
