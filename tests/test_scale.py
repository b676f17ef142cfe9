"""Scale-out on a real Dask cluster: same archive as a local run; a worker killed mid-batch loses nothing."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, free_port
from test_store_ingest import jianbao, snapshot

pytestmark = pytest.mark.cluster  # a local Dask cluster, worker processes started and killed

BIN = Path(sys.executable).parent


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two workers started as separate processes with the `dask` command, on loopback."""
    port = free_port()
    addr = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    sched = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                              "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    workers = [subprocess.Popen([str(BIN / "dask"), "worker", addr, "--nthreads", "1", "--no-dashboard",
                                 "--local-directory", str(tmp_path / f"w{k}")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
               for k in range(2)]
    from distributed import Client
    deadline = time.monotonic() + 60
    while True:
        try:
            with Client(addr, timeout=5) as c:
                if len(c.scheduler_info()["workers"]) == 2:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("the Dask cluster did not come up")
        time.sleep(0.5)
    yield addr, workers
    for p in workers + [sched]:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM) if p in workers else p.terminate()
    for p in workers + [sched]:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


def pages_dir(tmp_path: Path, n: int) -> Path:
    from jianbao.synth import generate_page
    d = tmp_path / "pages"
    d.mkdir()
    for seed in range(n):
        (d / f"p{seed:03d}.md").write_text(generate_page(seed)[0], encoding="utf-8")
    return d


def test_local_cluster_gives_the_same_archive_as_a_local_run(db_target, tmp_path):
    local = str(tmp_path / "local.db")
    assert jianbao("ingest", str(EXAMPLES), "--db", local, "--no-progress").returncode == 0
    r = jianbao("ingest", str(EXAMPLES), "--db", db_target, "--dask", "local:2", "--no-progress")
    assert r.returncode == 0, r.stderr
    assert "9 page(s) added" in r.stderr
    assert snapshot(db_target) == snapshot(local)


def test_scheduler_and_two_worker_processes(cluster, tmp_path):
    addr, _ = cluster
    d = pages_dir(tmp_path, 30)
    local, remote = str(tmp_path / "local.db"), str(tmp_path / "remote.db")
    assert jianbao("ingest", str(d), "--db", local, "--no-progress", "--no-tag").returncode == 0
    r = jianbao("ingest", str(d), "--db", remote, "--dask", addr, "--no-progress", "--no-tag")
    assert r.returncode == 0, r.stderr
    assert snapshot(remote) == snapshot(local)


def test_parquet_dataset_written_by_workers_equals_a_local_one(cluster, tmp_path):
    import pandas as pd
    addr, _ = cluster
    d = pages_dir(tmp_path, 20)
    a, b = tmp_path / "a", tmp_path / "b"
    assert jianbao("ingest", str(d), "--parquet", str(a), "--no-progress", "--no-tag").returncode == 0
    r = jianbao("ingest", str(d), "--parquet", str(b), "--dask", addr, "--no-progress", "--no-tag")
    assert r.returncode == 0, r.stderr
    files = lambda p: sorted(str(f.relative_to(p)) for f in p.rglob("*.parquet"))  # noqa: E731
    assert files(a) == files(b) and len(files(a)) == 20
    key = ["article_id"]
    da = pd.read_parquet(a / "articles").sort_values(key).reset_index(drop=True)
    db_ = pd.read_parquet(b / "articles").sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(da, db_)
    # a rerun overwrites, never duplicates
    jianbao("ingest", str(d), "--parquet", str(b), "--dask", addr, "--no-progress", "--no-tag")
    assert files(b) == files(a)


def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(cluster, tmp_path):
    addr, workers = cluster
    d = pages_dir(tmp_path, 200)
    clean, target = str(tmp_path / "clean.db"), str(tmp_path / "target.db")
    assert jianbao("ingest", str(d), "--db", clean, "--no-progress", "--no-tag").returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "jianbao", "ingest", str(d), "--db", target, "--dask", addr,
                             "--no-progress", "--no-tag"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    from test_faults import stored
    deadline = time.monotonic() + 120
    while stored(target) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None and stored(target) < 200, "the batch ended before the kill: give it more pages"
    os.killpg(workers[0].pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert snapshot(target) == snapshot(clean)
