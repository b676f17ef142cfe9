"""`jianbao serve`: clear help, loopback by default, read-only, a useful message for a bad --db."""
from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import free_port

from jianbao.store import ArchiveError
from jianbao.web import create_app
from web_helpers import fill

pytestmark = pytest.mark.slow  # `jianbao serve` started in subprocesses, with worker processes


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jianbao", *args], capture_output=True, text=True, timeout=120)


def test_help_says_how_to_use_it():
    r = cli("serve", "--help")
    assert r.returncode == 0
    for words in ("--db", "--host", "127.0.0.1", "--port", "8000", "read-only", "/api/", "--workers"):
        assert words in r.stdout


def test_bad_archive_is_a_message_not_a_trace(tmp_path):
    r = cli("serve", "--db", str(tmp_path / "missing.db"))
    assert r.returncode == 1 and "no such archive" in r.stderr and "Traceback" not in r.stderr
    r = cli("serve", "--port", "0")
    assert r.returncode == 2 and "--port" in r.stderr


def test_archive_is_opened_read_only(db_target):
    fill(db_target)
    app = create_app(db_target)
    with app.state.pool.archive() as arch:
        assert arch.db.readonly
        with pytest.raises(ArchiveError):
            arch.add(None, "")
        with pytest.raises(Exception):
            arch.db.execute("DELETE FROM furniture")
    app.state.pool.close()


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_listens_on_loopback_and_changes_nothing(tmp_path, workers):
    db = tmp_path / "archive.db"
    fill(str(db))
    before = hashlib.sha1(db.read_bytes()).hexdigest()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "jianbao", "serve", "--db", str(db), "--port", str(port),
                             "--workers", str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                r = httpx.get(url + "/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["articles"] > 30
        assert httpx.get(url + "/search", params={"q": "调研"}).status_code == 200
        # bound to loopback, and answering only to loopback names (no DNS rebinding)
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout
        if listening:   # ss (iproute2) is there: the local address is loopback
            assert listening.split()[3] == f"127.0.0.1:{port}"
        assert httpx.get(url + "/", headers={"Host": "evil.example"}).status_code == 400
        if workers > 1:   # that many server processes under the command's own
            serving = [k for k in children(proc.pid) if "spawn_main" in Path(f"/proc/{k}/cmdline").read_text()]
            assert len(serving) == workers
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in err
    assert hashlib.sha1(db.read_bytes()).hexdigest() == before
    assert not Path(str(db) + "-wal").exists() or Path(str(db) + "-wal").stat().st_size == 0


def test_workers_share_the_port_and_stop_with_the_command(tmp_path):
    """Two processes serve one port; a second command on that port is refused with a message; when
    the command is killed outright (SIGKILL), its server processes go too."""
    import signal
    db = tmp_path / "archive.db"
    fill(str(db))
    port = free_port()
    cmd = [sys.executable, "-m", "jianbao", "serve", "--db", str(db), "--port", str(port), "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/api/stats"
        for _ in range(300):
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        # several connections, each answered (by either process)
        assert all(httpx.get(url, timeout=5).status_code == 200 for _ in range(8))
        second = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        assert second.returncode == 1 and "cannot listen" in second.stderr and "in use" in second.stderr
        workers = children(proc.pid)
        assert len([k for k in workers if "spawn_main" in Path(f"/proc/{k}/cmdline").read_text()]) == 2
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(20)
    for _ in range(100):
        alive = [k for k in workers if Path(f"/proc/{k}").exists()
                 and Path(f"/proc/{k}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
        if not alive:
            break
        time.sleep(0.1)
    assert not alive
    with pytest.raises(httpx.TransportError):
        httpx.get(url, timeout=2)


@pytest.mark.skipif(subprocess.run(["sh", "-c", "command -v ss"], capture_output=True).returncode != 0,
                    reason="needs ss (iproute2) to see which process holds a connection")
def test_workers_hold_equal_shares_of_the_open_connections(tmp_path):
    """Keep-alive connections are handed to the server processes in turn: 8 connections, 4 each
    (a hash of the client's port, as SO_REUSEPORT splits them, gave 6 against 14 of 20)."""
    import re
    import socket
    db = tmp_path / "archive.db"
    fill(str(db))
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "jianbao", "serve", "--db", str(db), "--port", str(port),
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    conns = []
    try:
        for _ in range(300):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        for _ in range(8):
            c = socket.create_connection(("127.0.0.1", port), timeout=10)
            c.sendall(f"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            assert c.recv(12).startswith(b"HTTP/1.1 200")   # answered, and kept open
            conns.append(c)
        held = subprocess.run(["ss", "-tnpH", "state", "established", f"( sport = :{port} )"],
                              capture_output=True, text=True).stdout
        owners = re.findall(r"pid=(\d+)", held)
        assert len(owners) == 8 and sorted({o: owners.count(o) for o in owners}.values()) == [4, 4], held
    finally:
        for c in conns:
            c.close()
        proc.terminate()
        proc.communicate(timeout=20)
