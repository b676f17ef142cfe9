"""Run the web app under uvicorn, in one process or several.

Several processes each open their own listening socket on the same address with SO_REUSEPORT, so
the kernel spreads new connections over them. (Sharing one socket, as uvicorn's own `workers` does,
let the process that woke first accept every keep-alive connection of a burst: bench/web.py saw one
of two processes serve all 600 requests.) Linux and the BSDs have SO_REUSEPORT; elsewhere, and for
one process, the app runs in this process.
"""
from __future__ import annotations

import errno
import multiprocessing as mp
import os
import signal
import socket
import sys

from .app import WebSettings, create_app

UVICORN = dict(log_level="warning", access_log=False, server_header=False)


def _socket(host: str, port: int, listen: bool) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host.strip("[]"), port))
    if listen:
        sock.listen(2048)
        sock.set_inheritable(True)
    return sock


def _taken(host: str, port: int) -> bool:
    """Something already listens there. (SO_REUSEPORT would let a second `jianbao serve` of the same
    user join the first one's port and share its traffic unseen.)"""
    try:
        with socket.create_connection((host.strip("[]"), port), timeout=2):
            return True
    except OSError:
        return False


def _die_with_parent(parent: int) -> None:
    """Linux: this process gets SIGTERM when the serving command dies, even by SIGKILL."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):   # not Linux: the parent's own handler stops the workers
        return
    if os.getppid() != parent:   # it died before prctl took effect
        os._exit(0)


def _worker(target: str, settings: WebSettings, host: str, port: int, parent: int) -> None:
    import uvicorn
    _die_with_parent(parent)
    sock = _socket(host, port, listen=True)
    server = uvicorn.Server(uvicorn.Config(create_app(target, settings), **UVICORN))
    server.run(sockets=[sock])


def run(target: str, settings: WebSettings, host: str, port: int, workers: int = 1, app=None) -> None:
    """Serve until interrupted. Raises OSError when the address cannot be had (port taken) and
    ArchiveError (from create_app) when the archive cannot be opened."""
    import uvicorn
    if _taken(host, port):
        raise OSError(errno.EADDRINUSE, "address already in use")
    if workers == 1 or not hasattr(socket, "SO_REUSEPORT"):
        uvicorn.run(app or create_app(target, settings), host=host.strip("[]"), port=port, **UVICORN)
        return
    if app is not None:
        app.state.pool.close()   # each process opens its own connections
    probe = _socket(host, port, listen=False)  # fail here, not in N processes
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_worker, args=(target, settings, host, port, os.getpid()),
                         daemon=True) for _ in range(workers)]
    for p in procs:
        p.start()
    probe.close()

    def stop(*_):
        for p in procs:
            if p.is_alive():
                p.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        for p in procs:
            p.join()
    except KeyboardInterrupt:
        stop()
        for p in procs:
            p.join(10)
    if any(p.exitcode not in (0, -signal.SIGTERM) for p in procs):
        print("jianbao: a server process stopped with an error (see above)", file=sys.stderr)
