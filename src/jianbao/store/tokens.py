"""Search tokens: overlapping character bigrams of every run of letters and digits.

A query is the same bigrams as a phrase, so a match is exactly a substring match (of two or more
characters) — no word segmenter to disagree with the reader about where words end. A run of one
character is indexed as itself. Between two runs stands BOUNDARY, so that a phrase never matches
across punctuation ("值可达25亿" is not in "值可达25.5亿", whose runs 值可达25 and 5亿 would otherwise
stand side by side).
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


# A fullwidth letter: a token character to both full-text engines, and never in a query or an indexed
# run, which are NFKC-normalised (ｚ becomes z)
BOUNDARY = "\uff5a"


def run_tokens(rs: list[str]) -> list[str]:
    """The bigrams of consecutive runs, BOUNDARY between one run's and the next's."""
    out: list[str] = []
    for k, r in enumerate(rs):
        if k:
            out.append(BOUNDARY)
        out += bigrams(r)
    return out


def tokens(text: str) -> str:
    """The text as a space-separated token string for the full-text index."""
    return " ".join(run_tokens(runs(text)))
