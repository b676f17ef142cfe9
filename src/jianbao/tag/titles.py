"""Job titles: find where a title stands (`match`), given the position where its head word ends.

A title is a head word from data/title_heads.tsv ("书记", "组长", "CEO") plus the words before it
back to a clause boundary: punctuation, a word of data/stop_left.tsv, or the end of a name. Chains
("市委副书记、市长", "董事长兼首席执行官") are read right to left from the title next to the name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import data, lexicon
from .text import is_word_char

MAX_TITLE = 32


@lru_cache(maxsize=1)
def head_re() -> re.Pattern:
    return re.compile("|".join(re.escape(h) for h in data.by_length("title_heads")))


@lru_cache(maxsize=1)
def _stops() -> tuple[str, ...]:
    return data.by_length("stop_left")


def head_class(head: str) -> str:
    return data.mapping("title_heads").get(head, "other")


@lru_cache(maxsize=1)
def _weak() -> frozenset[str]:
    """Conjunctions that end a title's or name's extension only after a whole one (data/conjunctions.tsv,
    titles)."""
    return frozenset(data.marked("conjunctions", "titles"))


@lru_cache(maxsize=1)
def _chain_seps() -> str:
    """What stands between chained titles: the enumeration comma, a comma, and data/chars.tsv, joins_titles."""
    return "、" + "".join(data.marked("chars", "joins_titles")) + "，"


# title classes whose holders carry out activities: officials, and the heads of firms who visit, sign
# and are received ("比亚迪股份有限公司副总裁李云飞一行来我市考察", "邹自景市长指出")
DOERS = ("official", "business")


def extend_left(text: str, pos: int, floor: int = 0, limit: int = MAX_TITLE,
                lenient: bool = False, keep: tuple[str, ...] = (), conj: bool = False) -> int:
    """Start of the name or title whose last part begins at `pos`: walk left over word characters
    until punctuation, a stop word (unless it ends a longer title word: 主|任 of "主任委员"), `floor`
    (the end of something already read) or `limit`. With `lenient`, "和/与/及" stop only when a
    complete name ends before them ("A公司和B公司", but "…材料与装备创新中心" is one name). Stop words in `keep` do not stop the walk. With `conj`,
    "和/与/及" alone are read so (a title: "品牌及公关处总经理", but "市长和|副市长")."""
    stops, weak = _stops(), _weak()
    i, passed = pos, -1
    while i > floor and pos - i < limit and is_word_char(text[i - 1]):
        w = data.ends_with_any(text, i, stops) or (lenient and _function_word(text, i))
        if w and w not in keep and not data.starts_with_any(text, i - len(w), _kinds()) \
                and len(head_ending_at(text, i) or "") <= len(w) and not _in_name(text, i - len(w), i):
            opens = i - len(w) == 0 or not is_word_char(text[i - len(w) - 1])  # "，与驻村工作队…"
            if not ((lenient or conj) and w in weak and not opens and not data.ends_with_any(text, i - 1, _kinds_all())
                    and not (conj and any(head_ending_at(text, i - len(w) - k) and text[i - len(w) - k:i - len(w)].isalpha()
                                          for k in range(1, 5)))):
                break  # (a title and a name before the conjunction: "人大代表乌日娜和|旗级人大代表")
            if conj and w in weak:
                passed = i
        i -= 1
    if passed >= 0 and passed - i <= 1:
        i = passed  # the walk stopped at once after the conjunction ("她与|村民"): it does not open the title
    return i


_FUNCTION_TAGS = frozenset({"p", "c", "r", "d", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e"})


def _function_word(text: str, i: int) -> str | None:
    """A function word of the dictionary (preposition, conjunction, pronoun, adverb, particle, time
    word) ending at text[i]: no organisation or place name runs across one ("此案经|海口市…")."""
    d = lexicon.dictionary()
    for n in (3, 2):
        if n <= i:
            e = d.get(text[i - n:i])
            if e and e[1] in _FUNCTION_TAGS and e[0] >= 200:
                if any(text[i - n:i + k] in d for k in (1, 2)):
                    return None  # "高新|技术" is one word: no boundary here
                return text[i - n:i]
    return None


def _in_name(text: str, a: int, b: int) -> bool:
    """True when the stop word text[a:b] is part of a place name or proper word that crosses its
    edges ("同江", "汤原县", "和平区")."""
    g, d = lexicon.gazetteer(), lexicon.dictionary()
    for s in range(max(0, a - 3), a + 1):
        for e in range(b, min(len(text), b + 3) + 1):
            if (s < a or e > b) and e - s >= 2:
                w = text[s:e]
                if w in g.short or g.full.get(w, 9) <= 3:
                    return True
                x = d.get(w)
                if x and (x[1] == "ns" or x[1] in ("nt", "nz", "nr") and 100 <= x[0] and len(w) == 2 and s < a):
                    return True  # also a known two-character name that the stop word ends ("华为")
    return False


@lru_cache(maxsize=1)
def _kinds_all() -> tuple[str, ...]:
    ws = data.keys("org_suffixes") | data.keys("title_heads") | data.keys("place_suffixes")
    return tuple(sorted(ws, key=len, reverse=True))


@lru_cache(maxsize=1)
def _kinds() -> tuple[str, ...]:
    """Words that name a kind of body or post; a stop word that opens one of them ("考察团",
    "调研组") is part of the name, not a verb before it."""
    ws = {w for w in data.keys("org_suffixes") | data.keys("title_heads") if len(w) > 1}
    return tuple(sorted(ws, key=len, reverse=True))


def head_ending_at(text: str, end: int) -> str | None:
    return data.ends_with_any(text, end, data.by_length("title_heads"))


def title_ending_at(text: str, end: int, floor: int = 0) -> tuple[int, str] | None:
    """(start, head) of a title whose head ends exactly at `end`, or None."""
    head = head_ending_at(text, end)
    if not head:
        return None
    start = extend_left(text, end - len(head), floor, conj=True)
    return trim_start(text, start, end - len(head)), head


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern:
    """A count or date (data/patterns.tsv, quantity)."""
    return re.compile(data.pattern("quantity"))


@lru_cache(maxsize=1)
def _body_kinds() -> tuple[str, ...]:
    """Words that name a kind of body or unit: the ends of organisations' names and the levels."""
    ws = data.keys("org_suffixes") | set(data.marked("levels", "level") + data.marked("levels", "low"))
    return tuple(sorted(ws, key=len, reverse=True))


def trim_start(text: str, start: int, head_start: int) -> int:
    """Where a title read from `start` to a head word at `head_start` begins. A count or date in the
    words before the head is no part of the title, as it is none of a name ("2014年|学生"); nor is a
    preposition of the dictionary that opens the clause ("以|某某商会会长甲为团长"); the kind of body
    right after a deictic word (data/chars.tsv, deictic) refers back to a body named before and is no
    part of it either ("该|公司|董事长", "该|苏木|某嘎查牧民"), as stop_left.tsv's 该县 is."""
    for q in _quantity_re().finditer(text, start, head_start):
        start = q.end()
    d = lexicon.dictionary()
    e = d.get(text[start]) if start < head_start else None
    if e and e[1] == "p" and e[0] >= 200 and text[start:start + 2] not in d and text[start:start + 3] not in d:
        start += 1  # a preposition alone, not the first character of a word ("对外联络部部长")
    if start > 0 and text[start - 1] in data.marked("chars", "deictic"):
        kind = data.starts_with_any(text, start, _body_kinds())
        if kind and start + len(kind) <= head_start:
            start += len(kind)
    return start


def chain(text: str, start: int, floor: int = 0) -> list[tuple[int, int]]:
    """Titles chained to the left of a title that begins at `start` ("A、B" or "A兼B"), nearest
    last; the list excludes the title at `start` itself."""
    out: list[tuple[int, int]] = []
    while start - 1 > floor:
        sep = text[start - 1]
        if sep not in _chain_seps():
            break
        t = title_ending_at(text, start - 1, floor)
        if not t or t[0] >= start - 1:
            break
        if sep == "，" and not clause_start(text, t[0]):
            break
        out.insert(0, (t[0], start - 1))
        start = t[0]
    return out


def clause_start(text: str, start: int) -> bool:
    """True when nothing but a clause-opening time phrase stands between `start` and the sentence's
    beginning (used for appositive titles: "X团团长，Y书记陈楠")."""
    i = start
    return i == 0 or text[i - 1] in "。！？；\n"
