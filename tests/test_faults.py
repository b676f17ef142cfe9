"""Faults: SIGKILL at random points, a full disk, a read-only file system, searching while ingesting.

Each test is bounded in time; the archive must stay consistent (PRAGMA integrity_check) and a rerun
must leave it equal to a clean run.
"""
from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from jianbao.pipeline import read_bytes, run_page
from jianbao.settings import Settings
from jianbao.store import ArchiveError, open_archive
from jianbao.synth import generate_page
from test_store_ingest import jianbao, snapshot

pytestmark = pytest.mark.slow  # processes killed at random points, faults injected into writes

S = Settings(tag=False)


def pages_dir(tmp: Path, n: int, start: int = 0) -> Path:
    d = tmp / f"pages{start}"
    d.mkdir()
    for k in range(start, start + n):
        (d / f"p{k:04d}.md").write_text(generate_page(k)[0], encoding="utf-8")
    return d


def stored(path: str) -> int:
    if not Path(path).exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        return con.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.Error:
        return 0


def integrity(path: str) -> str:
    try:
        return sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.OperationalError:  # on a read-only file system
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        return con.execute("PRAGMA integrity_check").fetchone()[0]


def test_sigkill_at_twenty_random_points_then_rerun_equals_clean(tmp_path):
    d = pages_dir(tmp_path, 60)
    clean = str(tmp_path / "clean.db")
    assert jianbao("ingest", str(d), "--db", clean, "--no-progress", "--no-tag").returncode == 0
    want = snapshot(clean)
    rnd = random.Random(2024)
    killed_mid = 0
    for trial in range(20):
        target = str(tmp_path / f"t{trial}.db")
        proc = subprocess.Popen([sys.executable, "-m", "jianbao", "ingest", str(d), "--db", target,
                                 "--no-progress", "--no-tag"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        at = rnd.randrange(0, 59)   # kill once this many pages are stored (0: during start-up)
        while proc.poll() is None and stored(target) < at:
            time.sleep(0.005)
        time.sleep(rnd.uniform(0, 0.05))
        if proc.poll() is None and stored(target) < 60:
            killed_mid += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if Path(target).exists():
            assert integrity(target) == "ok"
        r = jianbao("ingest", str(d), "--db", target, "--no-progress", "--no-tag")
        assert r.returncode == 0, r.stderr
        assert snapshot(target) == want, f"trial {trial}"
    assert killed_mid >= 15, "most kills must land mid-batch; make the batch longer"


@pytest.fixture
def small_fs(tmp_path):
    """A real 2 MB file system (tmpfs), so the disk fills up for real."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {r.stderr.decode().strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)])


def test_disk_full_is_a_clear_error_and_the_archive_stays_consistent(small_fs):
    target = str(small_fs / "archive.db")
    stored = 0
    with open_archive(target) as a, pytest.raises(ArchiveError, match="disk is full"):
        for seed in range(10_000):
            text = generate_page(seed)[0]
            a.add(run_page(read_bytes(text.encode(), f"p{seed}.md", S), S), text)
            stored += 1
    assert stored > 3
    assert integrity(target) == "ok"
    with open_archive(target, readonly=True) as a:
        assert a.stats()["pages"] == stored   # every page before the failure is whole; none after
        assert a.search("会议", limit=5)


def test_read_only_file_system_refuses_ingest_clearly_and_search_works(small_fs, tmp_path):
    target = small_fs / "archive.db"
    assert jianbao("ingest", str(pages_dir(tmp_path, 3)), "--db", str(target), "--no-progress",
                   "--no-tag").returncode == 0
    with open_archive(str(target)) as a:
        a.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], check=True)
    r = jianbao("ingest", str(pages_dir(tmp_path, 2, start=100)), "--db", str(target), "--no-progress", "--no-tag")
    assert r.returncode == 1 and "read-only" in r.stderr and "Traceback" not in r.stderr
    r = jianbao("search", "会议", "--db", str(target), "--json")
    assert r.returncode == 0 and r.stdout.strip()
    assert integrity(str(target)) == "ok"


def test_searching_while_ingesting_sees_no_errors_and_no_torn_articles(db_target, tmp_path):
    d = pages_dir(tmp_path, 80)
    with open_archive(db_target):
        pass
    proc = subprocess.Popen([sys.executable, "-m", "jianbao", "ingest", str(d), "--db", db_target,
                             "--no-progress", "--no-tag"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    errors: list[str] = []
    counts: list[int] = []
    checked = 0

    def reader():
        nonlocal checked
        with open_archive(db_target, readonly=True) as a:
            while proc.poll() is None:
                try:
                    n = a.count("会议")
                    counts.append(n)
                    for hit in a.search("会议", limit=5):
                        la = a.logical(hit.logical_id)
                        n_paras = a.db.fetchone("SELECT count(*) FROM paragraphs WHERE article_id IN "
                                                "(SELECT id FROM articles WHERE logical_id=?)", (hit.logical_id,))[0]
                        if la is None or len(la.article.paragraphs) != n_paras:
                            errors.append(f"torn article {hit.logical_id}")
                        checked += 1
                except Exception as e:  # noqa: BLE001 - any error fails the test
                    errors.append(repr(e))
    t = threading.Thread(target=reader)
    t.start()
    proc.wait(timeout=300)
    t.join(timeout=60)
    assert proc.returncode == 0, proc.stderr.read()
    assert not errors, errors[:5]
    assert checked > 10
    assert counts == sorted(counts), "a committed page disappeared from a later read"
