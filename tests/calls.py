"""Work counted, not timed: how many calls a piece of code makes.

A test that says "linear" compares the calls made on an input and on one ten times longer; the
count is the same on a loaded machine and an idle one, where a stopwatch is not. The timings
themselves are printed by bench/badinput.py.
"""
from __future__ import annotations

import sys
from typing import Any, Callable


def calls(fn: Callable[[], Any]) -> tuple[int, Any]:
    """(Python and C function calls made while running fn(), what fn returned)."""
    n = 0

    def count(frame, event, arg) -> None:
        nonlocal n
        if event in ("call", "c_call"):
            n += 1

    sys.setprofile(count)
    try:
        got = fn()
    finally:
        sys.setprofile(None)
    return n, got
