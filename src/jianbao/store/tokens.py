"""Search tokens: overlapping character bigrams of every run of letters and digits.

A query is the same bigrams as a phrase, so a match is exactly a substring match (of two or more
characters) — no word segmenter to disagree with the reader about where words end. A run of one
character is indexed as itself.
"""
from __future__ import annotations

import re
import unicodedata

_RUN = re.compile(r"[^\W_]+")


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def runs(text: str) -> list[str]:
    return _RUN.findall(norm(text))


def bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)]


def tokens(text: str) -> str:
    """The text as a space-separated token string for the full-text index."""
    return " ".join(t for r in runs(text) for t in bigrams(r))
