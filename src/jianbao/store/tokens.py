"""Search tokens: overlapping character bigrams of every run of letters and digits.

A query is the same bigrams as a phrase, so a match is exactly a substring match (of two or more
characters) — no word segmenter to disagree with the reader about where words end. A run of one
character is indexed as itself. Between two runs stands BOUNDARY, so that a phrase never matches
across punctuation ("值可达25亿" is not in "值可达25.5亿", whose runs 值可达25 and 5亿 would otherwise
stand side by side).

Traditional characters are folded to simplified ones, in the indexed text and in the query alike, so
秦國文 finds 秦国文 and 臨江 finds 临江: one character for one (`t2s_table`), from the traditional →
simplified table of OpenCC (the `OpenCC` package, a dependency, Apache-2.0; its data ships inside the
wheel, nothing is downloaded). Folding character by character is coarser than OpenCC's phrase-aware
conversion (乾 folds to 干, in 乾隆 too), but it is the same on both sides, so a match is still a
substring match of folded text.
"""
from __future__ import annotations

import re
import unicodedata

from ..textutil import t2s_table

_RUN = re.compile(r"[^\W_]+")


def norm(text: str) -> str:
    """NFKC, lower case, traditional folded to simplified."""
    return unicodedata.normalize("NFKC", text).lower().translate(t2s_table())


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
