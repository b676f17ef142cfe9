"""Run the web app under uvicorn, in one process or several.

With several, this process listens and accepts, and hands each new connection to the next server
process in turn (its descriptor sent over a Unix socket), so that every process holds as many of
the open keep-alive connections as the others. (Each process listening with SO_REUSEPORT left the
split to a hash of the client's address: bench/web.py's 20 connections came out 6 against 14 and 7
against 13, and the busier process's queue set the slowest answers. Sharing the one listening socket
let the process that woke first take a whole burst.) Where descriptors cannot be passed (not Unix),
the app runs in this process alone.
"""
from __future__ import annotations

import asyncio
import ctypes
import errno
import multiprocessing as mp
import os
import signal
import socket
import sys

from .app import WebSettings, create_app

UVICORN = dict(log_level="warning", access_log=False, server_header=False)
MAX_WORKERS = 8


def default_workers() -> int:
    """`jianbao serve`'s server processes: one per core (one process runs Python on one core at a time,
    bench/web.py: one process on two cores missed its p95 target, two met it), at most MAX_WORKERS."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def _socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(2048)
    return sock


def _taken(host: str, port: int) -> bool:
    """Something already listens there: said once, before any server process starts."""
    try:
        with socket.create_connection((host.strip("[]"), port), timeout=2):
            return True
    except OSError:
        return False


def _die_with_parent(parent: int) -> None:
    """Linux: this process gets SIGTERM when the serving command dies, even by SIGKILL."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):   # not Linux: the parent's own handler stops the workers
        return
    if os.getppid() != parent:   # it died before prctl took effect
        os._exit(0)


def _serve_handed(config, channel: socket.socket) -> None:
    """Run a uvicorn server that listens on nothing and serves the connections handed to it."""
    import uvicorn

    class Server(uvicorn.Server):
        async def startup(self, sockets=None):
            await super().startup(sockets=[])   # the app's lifespan, and no listener of its own
            loop = asyncio.get_running_loop()

            def protocol():
                return config.http_protocol_class(config=config, server_state=self.server_state,
                                                  app_state=self.lifespan.state)

            def take():
                try:
                    _, fds, _, _ = socket.recv_fds(channel, 64, 64)
                except (BlockingIOError, InterruptedError):
                    return
                if not fds:   # the accepting process has gone
                    loop.remove_reader(channel.fileno())
                    self.should_exit = True
                for fd in fds:
                    loop.create_task(loop.connect_accepted_socket(protocol, socket.socket(fileno=fd)))
            channel.setblocking(False)
            loop.add_reader(channel.fileno(), take)

    Server(config).run()


def _worker(target: str, settings: WebSettings, channel: socket.socket, parent: int) -> None:
    import uvicorn
    _die_with_parent(parent)
    _serve_handed(uvicorn.Config(create_app(target, settings), **UVICORN), channel)


class _Stop(Exception):
    pass


def run(target: str, settings: WebSettings, host: str, port: int, workers: int = 1, app=None) -> None:
    """Serve until interrupted. Raises OSError when the address cannot be had (port taken) and
    ArchiveError (from create_app) when the archive cannot be opened."""
    import uvicorn
    if _taken(host, port):
        raise OSError(errno.EADDRINUSE, "address already in use")
    if workers == 1 or not hasattr(socket, "send_fds"):
        uvicorn.run(app or create_app(target, settings), host=host.strip("[]"), port=port, **UVICORN)
        return
    if app is not None:
        app.state.pool.close()   # each process opens its own connections
    listener = _socket(host, port)
    ctx = mp.get_context("spawn")
    pairs = [socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET) for _ in range(workers)]
    procs = [ctx.Process(target=_worker, args=(target, settings, theirs, os.getpid()), daemon=True)
             for _, theirs in pairs]
    for p in procs:
        p.start()
    for mine, theirs in pairs:
        theirs.close()
        mine.settimeout(2.0)   # a process too busy to take a connection for so long is passed over

    def stop(*_):
        raise _Stop

    signal.signal(signal.SIGTERM, stop)
    listener.settimeout(1.0)
    turn = 0
    try:
        while any(p.is_alive() for p in procs):
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                for k in range(len(procs)):   # the next live process in turn
                    i = (turn + k) % len(procs)
                    if procs[i].is_alive():
                        try:
                            socket.send_fds(pairs[i][0], [b"c"], [conn.fileno()])
                        except OSError:
                            continue
                        turn = i + 1
                        break
    except (KeyboardInterrupt, _Stop):
        pass
    finally:
        listener.close()
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(10)
    if any(p.exitcode not in (0, -signal.SIGTERM) for p in procs):
        print("jianbao: a server process stopped with an error (see above)", file=sys.stderr)
