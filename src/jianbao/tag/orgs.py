"""Organisations: names ending in a suffix of data/org_suffixes.tsv (companies, schools, hospitals,
centres, party and government bodies with a name of their own), less the bodies every place has
(data/generic_orgs.tsv: 县委, 县政府 …)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import data, lexicon, ner
from .spans import Cand, crosses_right, levels, suffix_cands

ORG_RANK = 4


@lru_cache(maxsize=1)
def _levels() -> tuple[str, str, tuple[str, ...]]:
    """(the level characters and the grade mark, the bodies named by a graded level run together,
    the grade marks): data/levels.tsv."""
    grade = data.marked("levels", "grade")
    return levels() + "".join(grade), "".join(data.marked("levels", "graded")), grade


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    t = {r[0]: ("org", r[1]) for r in data.rows("org_suffixes")}
    return t, re.compile("|".join(re.escape(s) for s in sorted(t, key=len, reverse=True)))


def generic(name: str) -> bool:
    """True for bodies named only by their level ("县委", "区政府", "市级人大")."""
    units, graded, grade = _levels()
    core = name.lstrip(units)
    return not core or core in data.keys("generic_orgs") or name.rstrip(graded).endswith(grade)


@lru_cache(maxsize=1)
def _known_re() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in data.by_length("known_orgs")))


# jieba's parts of speech (first letter) of a word that opens no organisation's name when a place,
# a proper name or a level follows it: verbs, prepositions, conjunctions, adverbs, particles
_NOT_OPENING = frozenset("vpcdu")
PROPER_START = frozenset({"ns", "nt", "nz", "nr", "nrt", "j"})


def trim_verbs(text: str, c: Cand) -> Cand:
    """An organisation's name does not open with a verb or a function word before a place or a
    proper name ("接|承德市公安局", "与|中国宝安集团", "审议|自治区人大常委会"): the name starts after
    them, when what follows them opens with a place, a proper name or a level."""
    d = lexicon.dictionary()
    units = _levels()[0]
    start = c.start
    words = ner._segment(text[c.start:c.end])
    k = 0
    while k + 1 < len(words):
        tag = (d.get(words[k]) or ("", ""))[1]
        nxt = words[k + 1]
        nxt_tag = (d.get(nxt) or ("", ""))[1]
        if tag[:1] not in _NOT_OPENING or not (nxt_tag in PROPER_START or nxt[0] in units):
            break
        start += len(words[k])
        k += 1
    if start == c.start and len(words) > 2 and (d.get(words[0]) or ("", ""))[1] not in PROPER_START \
            and words[0][0] not in units:
        start = _after_inner_verb(c.start, words, d, units)
    if start == c.start or c.end - start < 3:
        return c
    return Cand(start, c.end, text[start:c.end], c.kind, c.full, c.rank)


def _after_inner_verb(start: int, words: list[str], d: dict, units: str) -> int:
    """Where a name starts whose words hold a verb of two characters or more further in, and a place
    or a level after it ("开创新时代|临溪县政协"): at that place, the verb's object. trim_verbs calls
    it only when the name opens with no place or level ("湖南省促进…专题调研组": there the verb is
    part of the body's name)."""
    pos = [start]
    for w in words:
        pos.append(pos[-1] + len(w))
    last_verb = -1
    for k, w in enumerate(words[:-1]):
        tag = (d.get(w) or ("", ""))[1]
        if tag == "v" and len(w) > 1:
            last_verb = k
        elif last_verb >= 0 and (tag in PROPER_START or w[0] in units):
            return pos[k]
    return start


def match(text: str) -> list[Cand]:
    t, rx = _table()
    out = [trim_verbs(text, c) for c in suffix_cands(text, t, lambda s: "org", ORG_RANK, rx, 24)
           if not generic(c.name)]
    out += [Cand(m.start(), m.end(), m.group(), "org", rank=ORG_RANK) for m in _known_re().finditer(text)
            if not crosses_right(text, m.start(), m.end()) and not generic(m.group())]
    return out
