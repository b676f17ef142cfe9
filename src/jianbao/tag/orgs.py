"""Organisations: names ending in a suffix of data/org_suffixes.tsv (companies, schools, hospitals,
centres, party and government bodies with a name of their own), less the bodies every place has
(data/generic_orgs.tsv: 县委, 县政府 …)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import data, lexicon, ner
from .spans import Cand, crosses_right, levels, specificity, suffix_cands
from .titles import extend_left

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
    """True for bodies named only by their level ("县委", "区政府", "市级人大"), and for a body every
    place has after ordinary words ("检验|义务消防队", "与|护林队"): the words name no place of it."""
    units, graded, grade = _levels()
    core = name.lstrip(units)
    return not core or core in data.keys("generic_orgs") or name.rstrip(graded).endswith(grade) \
        or _ordinary_before(name, data.by_length("generic_orgs"), _GENERIC_MIN)


_GENERIC_MIN = 3  # the shortest generic body read after ordinary words ("义务消防队"; not "委", "党委",
# which end named bodies' names: "市农委")


def _ordinary_before(name: str, ends: tuple[str, ...], shortest: int = 1) -> bool:
    """`name` ends in one of `ends` (`shortest` characters or more) after words that hold no level
    character, numeral, place, proper name or coined word (spans.specificity): a clause's words before a
    kind of body ("贡献|政协", "检验|义务消防队"), not a body's name ("县政协", "哈密市政协")."""
    end = data.ends_with_any(name, len(name), ends)
    stem = name[:len(name) - len(end)] if end and len(end) >= shortest else ""
    return bool(stem) and not any(c in _levels()[0] or c in data.keys("numerals") for c in stem) \
        and specificity(stem) is None  # (a numeral names a term: "六届|人大常委会")


def _many_places(name: str) -> bool:
    """A body named by its level after two level characters or more ("县区|人大常委会", "乡镇|人大"):
    the bodies of many places, none named. (The gold of the 110 dev articles lists no body whose name
    opens with two level characters.)"""
    end = data.ends_with_any(name, len(name), _graded())
    stem = name[:len(name) - len(end)] if end else ""
    return len(stem) >= 2 and all(c in _levels()[0] for c in stem)


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
    if start == c.start:
        start = _before_known(c.start, c.end, words, d, units)
    if start == c.start or c.end - start < 3:
        return c
    return Cand(start, c.end, text[start:c.end], c.kind, c.full, c.rank)


_KNOWN_MIN = 3  # the shortest word the dictionary tags an organisation's name (nt) read so


def _before_known(start: int, end: int, words: list[str], d: dict, units: str) -> int:
    """Where a name starts that ends in a word the dictionary tags an organisation's name (nt: 国务院,
    新华社) after single characters that are no place, proper name or level ("电|国务院" of a dateline's
    …电, "讯|新华社"): at that word. The single characters belong to the clause before."""
    last = words[-1]
    if len(words) < 2 or len(last) < _KNOWN_MIN or (d.get(last) or ("", ""))[1] != "nt":
        return start
    if all(len(w) == 1 and w not in units and (d.get(w) or ("", ""))[1] not in PROPER_START for w in words[:-1]):
        return end - len(last)
    return start


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


def _by_level_body(stem: str, spec: str) -> bool:
    """The words before a suffix that asks for a name of its own (spec weak: 考察团, 慰问团) are a body
    named by its level ("省政府|慰问团", "市人大|考察团"): the body that sends it names it as a place
    would. The gold of the 110 dev articles lists each such group it names (035, 041, 090)."""
    units, _, _ = _levels()
    core = stem.lstrip(units)
    return spec == "weak" and core != stem and (generic(stem) or core in _level_bodies())


@lru_cache(maxsize=1)
def _graded() -> tuple[str, ...]:
    """The bodies named by a graded level (data/levels.tsv, graded: 人大, 政协), the suffixes that
    open with one (人大常委会), longest first: a level, a place or a proper name names one of them;
    ordinary words before one are the clause's ("两地|政协", "贡献|政协"). (Courts were tried too:
    "国际刑事|法院", "总|检察院" of People's Daily 1998 are named by ordinary words.)"""
    bodies = data.marked("levels", "graded")
    return tuple(w for w in data.by_length("org_suffixes") if w.startswith(bodies))


@lru_cache(maxsize=1)
def _groups() -> tuple[str, ...]:
    """The last characters of groups' names (data/event_words.tsv, group: 团, 组)."""
    return tuple(data.marked("event_words", "group"))


@lru_cache(maxsize=1)
def _level_bodies() -> frozenset[str]:
    """Bodies a level alone names (data/org_suffixes.tsv, specific no, two characters or more: 人大, 政协)."""
    spec = data.mapping("org_suffixes")
    return frozenset(w for w in data.keys("org_suffixes") if len(w) > 1 and spec[w] == "no"
                     and not w.endswith(_groups()))


def _joint_senders(text: str, c: Cand) -> Cand:
    """A group sent by two bodies named by their level, listed with "、" ("省委、|省政府慰问团"): the
    name opens with the first body (and the place before it: "浙江省委、省政府慰问团")."""
    j = c.start - 1
    units = _levels()[0]
    if j < 2 or text[j] != "、" or text[c.start] not in units or not c.name.endswith(_groups()):
        return c
    k = extend_left(text, j, 0, 8, lenient=True)
    body = text[k:j]
    end = data.ends_with_any(body, len(body), data.by_length("generic_orgs"))
    if not end or len(body) == len(end) or body[-len(end) - 1] not in units:
        return c
    return Cand(k, c.end, text[k:c.end], c.kind, c.full, c.rank)


_QUOTE = re.compile(r"“[^“”]{1,12}”")


def _quoted_names(text: str) -> list[Cand]:
    """A quotation right before a group's suffix of two characters or more (data/event_words.tsv, group:
    …团, …组) names the group ("“银发乐”艺术团", "“送温暖”慰问团", "“新春走基层”采访组"; the walk left
    of suffix_cands stops at the quotation mark). Not before other suffixes: "“双一流”大学", "“智慧”
    医院" name kinds of school and hospital. The name takes in what stands before the quotation when it
    holds a place or a proper name ("湖南日报|“新春走基层”采访组") or is two bodies named by their level
    or more, which send the group ("省委省政府|“送温暖”慰问团", "省委、省政府|…"); not one level-named
    scope ("市直|“银发乐”艺术团"), nor ordinary words. The gold of the 110 dev articles lists all three
    such groups (039, 086, 097), each so."""
    out = []
    for m in _QUOTE.finditer(text):
        suf = data.starts_with_any(text, m.end(), data.by_length("org_suffixes"))
        if not suf or len(suf) < 2 or not suf.endswith(_groups()) \
                or crosses_right(text, m.end(), m.end() + len(suf)):
            continue
        start = extend_left(text, m.start(), 0, 12, lenient=True)
        while start >= 2 and text[start - 1] == "、" and _level_run(text[start:m.start()]):
            start = extend_left(text, start - 1, 0, 12, lenient=True)  # "省委、|省政府"
        before = text[start:m.start()]
        if not (specificity(before) or _level_run(before) >= 2):
            start = m.start()
        out.append(Cand(start, m.end() + len(suf), text[start:m.end() + len(suf)], "org", rank=ORG_RANK))
    return out


def _level_run(words: str) -> int:
    """How many bodies named by their level alone `words` holds when it holds nothing else ("省委省政府",
    "省委、省政府": 2; "市直": 1; "组织": 0)."""
    units, n, i = _levels()[0], 0, len(words)
    ends = data.by_length("generic_orgs")
    while i > 0:
        if words[i - 1] == "、" and n:
            i -= 1
            continue
        end = data.ends_with_any(words, i, ends)
        if not end or i - len(end) < 1 or words[i - len(end) - 1] not in units:
            return 0
        i -= len(end) + 1
        n += 1
    return n


def match(text: str) -> list[Cand]:
    t, rx = _table()
    out = [trim_verbs(text, c) for c in suffix_cands(text, t, lambda s: "org", ORG_RANK, rx, 24,
                                                     named=_by_level_body)
           if not generic(c.name)]
    out = [c for c in out if not _ordinary_before(c.name, _graded()) and not _many_places(c.name)]
    out = [_joint_senders(text, c) for c in out]
    out += _quoted_names(text)
    out += [Cand(m.start(), m.end(), m.group(), "org", rank=ORG_RANK) for m in _known_re().finditer(text)
            if not crosses_right(text, m.start(), m.end()) and not generic(m.group())]
    return out
