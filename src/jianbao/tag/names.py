"""Person names: is there a Chinese name at this position, and how long is it?

A name is a surname (data/surnames.tsv, compound ones first) and a given name of one or two
characters. Which length: a character that never ends a given name (single-character rows of
data/name_followers.tsv) or a following word such as "参加" closes the name; a name the article
already uses decides; else three characters. Ordinary words of the general dictionary ("高远",
"方向") are no names unless the context is a byline.
"""
from __future__ import annotations

from functools import lru_cache

from . import data, lexicon
from .text import is_name_char


@lru_cache(maxsize=1)
def _compound() -> tuple[str, ...]:
    return tuple(s for s in data.by_length("surnames") if len(s) > 1)


@lru_cache(maxsize=1)
def _single() -> frozenset[str]:
    return frozenset(s for s in data.keys("surnames") if len(s) == 1)


@lru_cache(maxsize=1)
def stop_chars() -> frozenset[str]:
    return frozenset(w for w in data.keys("name_followers") if len(w) == 1)


@lru_cache(maxsize=1)
def _follow_words() -> tuple[str, ...]:
    return tuple(w for w in data.by_length("name_followers") if len(w) > 1)


def famous() -> frozenset[str]:
    return data.keys("famous")


def surname_at(text: str, pos: int) -> int:
    """Length of the surname opening text[pos:], 0 if none."""
    c = data.starts_with_any(text, pos, _compound())
    if c:
        return len(c)
    return 1 if pos < len(text) and text[pos] in _single() else 0


def _given_ok(text: str, i: int) -> bool:
    return i < len(text) and is_name_char(text[i]) and text[i] not in stop_chars()


def name_at(text: str, pos: int, known: set[str] | frozenset[str] = frozenset(),
            need_surname: bool = True) -> int:
    """Length of the person name starting at text[pos] (0 if there is none)."""
    best = 0
    for k in known:  # a name already read in this article wins
        if len(k) > best and text.startswith(k, pos):
            best = len(k)
    if best:
        return best
    s = surname_at(text, pos)
    if not s:
        if need_surname or not (pos < len(text) and is_name_char(text[pos])):
            return 0
        s = 1
    if not _given_ok(text, pos + s):
        return 0
    short, long_ = s + 1, s + 2
    if not _given_ok(text, pos + s + 1) or _closes(text, pos + short):
        n = short
    else:
        n = long_
    cand = text[pos:pos + n]
    if cand in famous():
        return n
    if _place_or_org(cand):
        return 0
    if lexicon.common_word(cand) or (n == long_ and lexicon.common_word(text[pos + 1:pos + n], 2000)
                                     and not _closes(text, pos + n)):
        return 0
    return n


def _closes(text: str, i: int) -> bool:
    """True when text[i:] begins with a word that follows names ("参加", "指出")."""
    if i >= len(text):
        return True
    if not is_name_char(text[i]) or text[i] in stop_chars():
        return True
    return data.starts_with_any(text, i, _follow_words()) is not None


def valid(cand: str, known: set[str] | frozenset[str] = frozenset()) -> bool:
    """True when `cand` as a whole reads as a person name (used where the length is given)."""
    if cand in known or cand in famous():
        return True
    s = surname_at(cand, 0)
    if not s or not 1 <= len(cand) - s <= 2:
        return False
    if not all(_given_ok(cand, i) for i in range(s, len(cand))):
        return False
    return not lexicon.common_word(cand) and not _place_or_org(cand)


def _place_or_org(w: str) -> bool:
    """A word the dictionary knows as a place or organisation ("国务院", "黄山" stays possible: the
    dictionary marks it as a place, but titles before it decide)."""
    e = lexicon.dictionary().get(w)
    return bool(e) and e[1] in ("nt",) or w in lexicon.gazetteer().world