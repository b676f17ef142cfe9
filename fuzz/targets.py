"""Fuzz targets: every reader and the cutter, fed arbitrary bytes.

A target passes an input when it returns, or raises one of the documented errors (InputError and
its kinds), within TIME_LIMIT seconds, and — for the cutter — loses no letter or digit.
Used by fuzz/run.py (atheris, coverage-guided) and by tests/test_hostile.py (hypothesis).
"""
from __future__ import annotations

import os
import signal
import tempfile
from contextlib import contextmanager

from jianbao.cut.conserve import check
from jianbao.errors import InputError
from jianbao.pipeline import cut
from jianbao.read import read_pages
from jianbao.read.text import page_from_text, read_text_bytes
from jianbao.settings import Settings

TIME_LIMIT = 10
S = Settings(tag=False, max_bytes=2 * 1024 * 1024)


class Hang(Exception):
    """An input took longer than TIME_LIMIT seconds."""


@contextmanager
def time_limit(seconds: int = TIME_LIMIT):
    def alarm(signum, frame):
        raise Hang(f"no answer within {seconds} s")
    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def text_reader(data: bytes) -> None:
    with time_limit():
        try:
            read_text_bytes(data, "fuzz.md", S)
        except InputError:
            pass


def cutter(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    if not text.strip():
        return
    with time_limit():
        page = page_from_text(text, "fuzz.md")
        try:
            doc = cut(page, S)
        except InputError:
            return
    lost, twice = check(page, doc)
    if lost or twice:
        raise AssertionError(f"conservation broken: lost {len(lost)}, owned twice {len(twice)}")


def _file_reader(data: bytes, suffix: str) -> None:
    fd, path = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        with time_limit():
            try:
                for page in read_pages(__import__("pathlib").Path(path), S):
                    try:
                        cut(page, S)
                    except InputError:
                        pass
            except InputError:
                pass
    finally:
        os.unlink(path)


def pdf_reader(data: bytes) -> None:
    _file_reader(data, ".pdf")


def image_reader(data: bytes) -> None:
    _file_reader(data, ".png")


TARGETS = {"text": text_reader, "cut": cutter, "pdf": pdf_reader, "image": image_reader}
