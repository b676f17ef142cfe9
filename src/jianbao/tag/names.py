"""Person names: is there a Chinese name at this position, and how long is it?

A name is a surname (data/surnames.tsv, compound ones first) and a given name of one or two
characters. Which length: a character that never ends a given name (single-character rows of
data/name_followers.tsv) or a following word such as "参加" closes the name; a name the article
already uses decides; else three characters. Ordinary words of the general dictionary ("高远",
"方向") are no names unless the context is a byline.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import data, lexicon, titles
from .ner import _char_dist
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


def follow_words() -> tuple[str, ...]:
    """Words of two or more characters that follow names ("参加", "指出"; data/name_followers.tsv)."""
    return _follow_words()


def famous() -> frozenset[str]:
    return data.keys("famous")


def surname_at(text: str, pos: int) -> int:
    """Length of the surname opening text[pos:], 0 if none."""
    c = data.starts_with_any(text, pos, _compound())
    if c:
        return len(c)
    return 1 if pos < len(text) and text[pos] in _single() else 0


def _given_ok(text: str, i: int) -> bool:
    return i < len(text) and is_name_char(text[i]) and text[i] not in stop_chars() and text[i] not in JOINS


def name_at(text: str, pos: int, known: set[str] | frozenset[str] = frozenset(),
            need_surname: bool = True) -> int:
    """Length of the person name starting at text[pos] (0 if there is none)."""
    best = 0
    for k in known:  # a name already read in this article wins
        if len(k) > best and text.startswith(k, pos):
            best = len(k)
    if best:
        return best
    f = foreign_at(text, pos)
    if f:
        return f
    s = surname_at(text, pos) or _anonymised_at(text, pos)
    if not s:
        if need_surname or not (pos < len(text) and is_name_char(text[pos])):
            return 0
        s = 1
    short, long_ = s + 1, s + 2
    if not _given_ok(text, pos + s):
        # a word-closing character may open a given name of two, when a closing word follows it
        # ("蒋作君率", "李和平参加", "王向东指出"), never stand alone ("王作了讲话")
        if text[pos + s:pos + s + 1] not in _first_given() or not _given_ok(text, pos + s + 1) \
                or not _closes(text, pos + long_):
            return 0
        n = long_
    elif not _given_ok(text, pos + s + 1) or _closes(text, pos + short):
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


def _anonymised_at(text: str, pos: int) -> int:
    """1 when a surname of the rare list stands before the slot that withholds a name ("符某林",
    data/patterns.tsv, anonymised): no word reads so, it opens a name."""
    return int(text[pos:pos + 1] in _rare() and _anonymised().match(text, pos + 1) is not None)


def anonymised(name: str) -> bool:
    """`name` is a surname and the slot that withholds a given name ("羊某好")."""
    s = surname_at(name, 0) or _anonymised_at(name, 0)
    return bool(s) and _anonymised().match(name, s) is not None


@lru_cache(maxsize=1)
def _anonymised() -> re.Pattern:
    return re.compile(data.pattern("anonymised"))


@lru_cache(maxsize=1)
def _rare() -> frozenset[str]:
    return frozenset(s for s in data.keys("rare_surnames") if len(s) == 1)


@lru_cache(maxsize=1)
def _first_given() -> frozenset[str]:
    """Closing characters that often open a given name (data/chars.tsv, first_given)."""
    return frozenset(data.marked("chars", "first_given"))


JOINS = "·•‧"  # the dot between the parts of a foreign name (罗兰·魏斯曼)


@lru_cache(maxsize=1)
def sound_chars() -> frozenset[str]:
    """Characters that write foreign names by sound: data/translit_chars.tsv and the characters
    that stand in the foreign person names of jieba's dictionary (tag nrt/nrfg) often enough."""
    return data.keys("translit_chars") | _sound_words() | frozenset(
        c for c, attrs in _char_dist().items() if any(a[0] == "f" for a in attrs))


@lru_cache(maxsize=1)
def _sound_words() -> frozenset[str]:
    """Function words that Uyghur names also use by sound (阿不都热合曼, 阿不都拉; data/chars.tsv,
    sound): read so inside a dotted foreign name only, not in the tables that the trained model reads."""
    return frozenset(data.marked("chars", "sound"))


def dot_near(text: str, pos: int, first_max: int = 8) -> bool:
    """A dot that could join the parts of a foreign name starting at `pos` stands within reach."""
    end = pos + first_max + 1
    for d in JOINS:
        if text.find(d, pos, end) >= 0:
            return True
    return False


def foreign_at(text: str, pos: int, first_max: int = 8, min_sound: float = 0.4) -> int:
    """Length of a foreign name written in parts joined by a dot ("罗兰·魏斯曼", "穆罕默德·本·萨勒曼")
    that starts at text[pos], 0 if none. The parts before a dot run up to it (at most `first_max`
    characters); the last part ends before a word that follows names or a title word, and after
    its second character takes only characters that write foreign names by sound. At least
    `min_sound` of all its characters write by sound (not "圣城有约·儒商回家", a slogan)."""
    if not dot_near(text, pos, first_max):
        return 0  # the common case, decided without a walk
    i, n = pos, len(text)
    parts = 0
    while True:
        j = i
        while j < n and "\u3400" <= text[j] <= "\u9fff" and j - i <= first_max:
            j += 1
        if j == i or j - i > first_max:
            if not parts:
                return 0
            break
        if j < n and text[j] in JOINS and parts < 4:
            parts += 1
            i = j + 1
            continue
        break
    if not parts or titles.head_re().search(text, pos, i):
        return 0  # no title inside its first parts ("、州长阿吾提·买买提": the name follows 州长)
    j, sound = i, sound_chars()
    function_sound = _sound_words()
    while j < n and "\u3400" <= text[j] <= "\u9fff" and j - i < 6:
        c = text[j]
        if j > i and (c in stop_chars() and c not in function_sound or titles.head_re().match(text, j)):
            break  # a character that closes names (…·魏斯曼和…, …·普京在…), or a title
        if j > i and c not in sound and (j - i >= 2 or _closes(text, j)):
            break
        j += 1
    if j == i:
        return 0
    chars = [c for c in text[pos:j] if c not in JOINS]
    return j - pos if sum(c in sound for c in chars) >= min_sound * len(chars) else 0


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