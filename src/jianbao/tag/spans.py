"""What places and organisations share: candidates found by a suffix, the test that the words in
front of a suffix name something, coordinated lists, and overlap resolution."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import data, lexicon
from .text import is_word_char
from .titles import _in_name, extend_left


@dataclass
class Cand:
    start: int
    end: int
    name: str
    kind: str          # admin | short | zone | site | org
    full: str = ""     # for a short form: the full name it stands for
    rank: int = 0      # higher wins an overlap


@lru_cache(maxsize=1)
def generic_single() -> frozenset[str]:
    """Ordinary characters that name nothing alone (data/chars.tsv, generic; the level characters)."""
    return frozenset(data.marked("chars", "generic")) | frozenset(levels())


@lru_cache(maxsize=1)
def _strong_re() -> re.Pattern:
    """A digit, Latin letter, quotation, ordinal or numbered unit (data/patterns.tsv, strong_stem)."""
    return re.compile(data.pattern("strong_stem"))


def specificity(stem: str) -> str | None:
    """'strong' when `stem` holds a place, digit, Latin letter, quotation or ordinal; 'weak' when
    it holds a proper word of the dictionary or two characters in a row that no dictionary word
    covers (a coined name: "紫瑞", "新融创"); None when it is all ordinary words."""
    if not stem:
        return None
    if _strong_re().search(stem) or has_place(stem) or _known_org_re().search(stem):
        return "strong"
    d = lexicon.dictionary()
    generic = generic_single()
    i = run = 0
    odd = False
    while i < len(stem):
        for n in range(min(4, len(stem) - i), 0, -1):
            w = stem[i:i + n]
            e = d.get(w)
            if n > 2 and e and e[0] < 5 and (d.get(w[:2]) or ("", ""))[1] in lexicon.PROPER_TAGS:
                continue  # a rare long entry opening with a name ("华为技术", seen 3 times) is read by its parts
            if n > 1 and e:
                if e[1] in lexicon.PROPER_TAGS:
                    return "weak"
                run, odd = 0, False
                break
            if n == 1:
                run += 1
                odd = odd or w not in generic and ((d.get(w) or ("", ""))[1][:1] not in _FUNCTION_TAGS
                                                   or w in data.keys("translit_chars"))
                if run >= 2 and odd:
                    return "weak"
        i += n
    return None


_FUNCTION_TAGS = frozenset("vdpcufrmq")  # the first letter of jieba's tags of characters that make no
# coined name alone: a verb, adverb, preposition, conjunction, particle, direction, pronoun, numeral or
# measure word ("刚|出|医院", "皆|引|厂" are a clause before a kind of body)


@lru_cache(maxsize=1)
def _known_org_re() -> re.Pattern:
    """A body known by its name (data/known_orgs.tsv: 国务院, 联合国): inside a stem it is as specific
    as a place ("国务院|残疾人工作协调|委员会", "欧盟|委员会")."""
    return re.compile("|".join(re.escape(w) for w in data.by_length("known_orgs")))


def crosses(text: str, a: int, b: int, min_freq: int = 20) -> bool:
    """True when an ordinary word of the dictionary crosses an edge of text[a:b] ("上思|考",
    "全市|中心" → "思考", "中心"): the span is then no name of its own."""
    d = lexicon.dictionary()
    for s in range(max(0, a - 3), a):
        for e in range(a + 1, min(b, s + 4) + 1):
            x = d.get(text[s:e])
            if x and x[0] >= min_freq:
                return True
    for s in range(max(a, b - 3), b):
        for e in range(b + 1, min(len(text), s + 4) + 1):
            x = d.get(text[s:e])
            if x and x[0] >= min_freq:
                return True
    return False


def crosses_right(text: str, a: int, b: int) -> bool:
    """True when a dictionary word starts inside text[a:b] and runs past its end ("新局|面")."""
    d = lexicon.dictionary()
    return any(d.get(text[s:e], (0,))[0] >= 20 and text[s:e] not in _HEADS()
               for s in range(max(a, b - 3), b) for e in range(b + 1, min(len(text), s + 4) + 1))


def _HEADS() -> frozenset[str]:
    return data.keys("title_heads")


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern:
    """A count, date or quarter before a suffix (data/patterns.tsv, quantity)."""
    return re.compile(data.pattern("quantity"))


@lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    """Determiners that open the words before a suffix but no name ("各乡镇"; data/chars.tsv, determiner)."""
    return frozenset(data.marked("chars", "determiner"))


def crosses_left(text: str, a: int, b: int) -> bool:
    """True when the suffix text[a:b] is read into other words: a common word of three characters
    runs into it from the left ("中小学"), or words run across both its edges ("集中学习")."""
    d = lexicon.dictionary()
    two = False
    for s in range(max(0, a - 2), a):
        for e in range(a + 1, min(len(text), s + 4) + 1):
            x = d.get(text[s:e])
            if x and x[1] not in lexicon.PROPER_TAGS and x[0] >= 20:
                if e - s >= 3 and e <= b and not (e == b and _kind_of_suffix(text[s:a], x[1])):
                    return True
                two = True
    return two and crosses_right(text, a, b)


def _kind_of_suffix(before: str, tag: str) -> bool:
    """A word ending in a suffix is that suffix's kind, not another word run into it, when a level
    stands before the suffix and the dictionary tags the whole a short name of a body (j: "市|政协");
    not when one character of a contraction ("中|小学" of 中小学) or an ordinary noun ("市中心") holds
    it. (A word of two characters before the suffix, "师范|学院", was tried: on the 110 dev articles
    it found as many names the gold lists, 南昌师范学院, as it does not, 社区文化活动中心.)"""
    return before in levels() and tag == "j"


_QUOTED = re.compile(r"“[^“”]{0,60}、[^“”]{0,60}”")


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans inside quoted slogans made of listed phrases: no names there."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def has_place(stem: str) -> bool:
    """`stem` holds a place: a full name of the gazetteer (county or larger), or a short form that is no
    ordinary word; a short form of a prefecture or province that the dictionary also reads as a word
    ("银川", "合肥", "大连") counts where it opens the stem and words follow it ("银川|建发")."""
    g = lexicon.gazetteer()
    for i in range(len(stem)):
        for n in range(2, min(8, len(stem) - i) + 1):
            w = stem[i:i + n]
            if g.full.get(w, 9) <= 3 and len(w) >= 3 or (w in g.short and not lexicon.common_word(w)):
                return True
            if i == 0 and n <= len(stem) - 2 and w in g.short and g.full.get(g.short[w], 9) <= _OPENING_LEVEL:
                return True
    return False


_OPENING_LEVEL = 1  # the lowest level (the gazetteer's: 0 province, 1 prefecture) of a short form that is
# also a word and still reads as a place opening a stem


@lru_cache(maxsize=1)
def levels() -> str:
    """The level characters a body or unit is named by (县人民医院, 市委; data/levels.tsv, level)."""
    return "".join(data.marked("levels", "level"))


def ok_for(spec: str, level: str | None, stem: str = "") -> bool:
    """Whether a stem of specificity `level` may stand before a suffix marked `spec`; "level": the
    stem is a level word, holds a place, or ends in a level word after a coined name ("县人民医院",
    "平江县人民医院", "新桥区人民医院", not "先后建成人民医院")."""
    if spec == "level":
        units = levels()
        return level == "strong" or bool(stem) and (all(c in units for c in stem) or
                                                    stem[-1] in units and level == "weak")
    return spec == "no" or level == "strong" or (spec == "weak" and level is not None)


@lru_cache(maxsize=1)
def firm_words() -> tuple[str, ...]:
    """Verbs of data/stop_left.tsv that also stand inside firms' names ("中国电力建设集团有限公司",
    "中国建设银行"): before a firm's suffix they do not end the name (data/firms.tsv, inner)."""
    return data.marked("firms", "inner")


@lru_cache(maxsize=1)
def _firm_ends() -> tuple[str, ...]:
    """Firms' suffixes whose names may hold those words and a place in brackets (data/firms.tsv, inner_ok)."""
    return data.marked("firms", "inner_ok")


_BRACKETED = re.compile(r"[（(]([\u3400-\u9fff]{2,6})[）)]$")


def _bracketed_place(text: str, start: int, limit: int) -> int:
    """Where a firm's name starts when a place in brackets stands inside it ("博世汽车部件（滨江）有限
    公司", "华为技术（湖南）有限公司"): before the words that open the bracket."""
    m = _BRACKETED.search(text, max(0, start - 8), start)
    if not m or m.end() != start:
        return start
    outer = extend_left(text, m.start(), 0, limit, lenient=True, keep=firm_words())
    return outer if outer < m.start() else start


def suffix_cands(text: str, table: dict[str, tuple[str, str]], kind_of, rank: int,
                 suffix_re: re.Pattern, limit: int = 16, joined: bool = True, named=None,
                 verbs: int = 0, verbal: frozenset[str] = frozenset()) -> list[Cand]:
    """Candidates ending in a suffix of `table` (suffix → (kind, specific)); the name runs left to a
    clause boundary or stop word; one-character suffixes that end an ordinary word are refused.
    `joined`: the name may hold a conjunction ("…材料与装备创新中心"); without it, a name starts after
    the last one ("文化旅游和|湘商产业园"). `named(stem, spec)`: a further test that the words before
    the suffix name one place or body, read where `specificity` finds none. `verbs`: a verb or adverb
    seen this often inside the stem ends a clause before the name (0: only one that opens the stem);
    not before the suffixes of `verbal`, whose names are deeds ("…污水处理厂提标改造|项目")."""
    out = []
    for m in suffix_re.finditer(text):
        suf = m.group()
        kind, spec = table[suf]
        head = data.starts_with_any(text, m.start(), data.by_length("title_heads"))
        if head and (len(head) > len(suf) or crosses_right(text, m.start(), m.end())):
            continue  # "局" of "局长"; "委员" of "政协委员会见" (会见); not "委员" of "委员会"
        firm = suf.endswith(_firm_ends())
        start = extend_left(text, m.start(), 0, limit, lenient=True, keep=firm_words() if firm else ())
        if firm:
            start = _bracketed_place(text, start, limit)
        if start == m.start() - limit and start > 0 and is_word_char(text[start - 1]):
            continue  # the walk ran out of room inside words: no name's start found
        if not joined:
            start = _after_conjunction(text, start, m.start())
        if len(suf) == 1 and not (kind == "org" and _kind_word(text, start, m.start(), m.end())) and (
                start < m.start() - 1 and lexicon.dictionary().get(text[m.start() - 1:m.end()])
                or crosses_right(text, m.start(), m.end())):
            continue  # "正路", "新局面": the suffix character belongs to another word
        if len(suf) > 1 and crosses_left(text, m.start(), m.end()) \
                and not (kind == "org" and not suf.endswith(data.marked("firms", "end"))
                         and _kind_word(text, start, m.start(), m.end())):
            # (not a firm's: its name borrows the places before the kind, which the gold then lists
            # as places, "美国洛杉矶…总商会")
            continue  # "中小学", "集中学习": a word runs into the suffix from the left
        if text[start] in _determiners() and m.start() - start > 2:
            start += 1
        for q in _quantity_re().finditer(text, start, m.start()):
            start = q.end()  # "35家航空公司", "1953年中国科学院", "两处居民小区", "各乡镇…": a count,
            # a date or a determiner is no part of a name
        start = _after_verb(text, start, m.start(), 0 if suf in verbal else verbs)
        stem = text[start:m.start()]
        if len(stem) < (1 if spec in ("no", "level") and len(suf) > 1 else 2) and not (spec == "no" and kind == "zone"):
            continue  # a bare kind of zone ("高新区（江海区）") names the local one
        if not ok_for(spec, specificity(stem), stem) and not _body_opens(stem) and not (named and named(stem, spec)):
            continue
        e = lexicon.dictionary().get(stem)
        if spec == "no" and e and e[1] == "v" and e[0] >= 1000:
            continue  # "加强学校": a verb and its object
        out.append(Cand(start, m.end(), text[start:m.end()], kind_of(suf), rank=rank))
    return out


_KIND_WORD = 3  # the shortest dictionary word read as a suffix's kind running into it from the left
_KIND_REACH = 3  # how many characters before the suffix such a word may start


def _kind_word(text: str, start: int, a: int, b: int) -> bool:
    """The suffix text[a:b] ends a word of the dictionary of three characters or more that names a
    kind of body ("足球|队", "铁路|局", "航空|公司": 足球队, 铁路局, 航空公司), and a place, digit or
    ordinal stands before that word ("阿根廷|足球队", "德国联邦|铁路局", "阿根廷|航空公司"): the word
    is the name's ending, not another word the suffix belongs to ("格|局", "全市|中小学"). Words of
    place or number (西北部, 第一部: tags f, m) name no kind, nor rare ones (新格局), nor one opening with
    a level ("沧州|市中心"). Organisations' suffixes only: a site's ending so read takes in a kind of
    road or work ("1080米|水泥路")."""
    d = lexicon.dictionary()
    known = next((n for n in (4, 3) if b - n >= start and (d.get(text[b - n:b]) or ("", ""))[1] == "nt"), 0)
    if known and d[text[b - known:b]][0] >= 20 and not crosses_right(text, a, b) \
            and (d.get(text[b - 2:b]) or ("", ""))[1] != "f":
        return True  # the dictionary knows the words as a body's name ("中国女队", "法国队"), not a
        # part of a region it tags so ("华北|中南部": 南部 is a direction)
    for s in range(max(start + 2, a - _KIND_REACH), a):
        e = d.get(text[s:b])
        if b - s >= _KIND_WORD and e and e[0] >= 20 and e[1] not in _NO_KIND_TAGS and text[s] not in levels() \
                and not crosses_right(text, a, b) and specificity(text[start:s]) == "strong":
            return True
    return False


_NO_KIND_TAGS = frozenset({"f", "m", "v", "vn", "a", "d", "l"})  # and a word opening with a level runs
# across a unit's name ("沧州|市中心"); a phrase (l: 活动中心) is a kind of room, not of body


def _after_conjunction(text: str, start: int, end: int) -> int:
    """Where a name in text[start:end] starts when a conjunction of one character joins two phrases
    inside it ("文化旅游和|湘商产业园", "旅游及|湘商产业园"): after the last one that leaves two
    characters or more before the suffix and is part of no place name ("呼和浩特市", "和平区")."""
    for i in range(end - 3, start, -1):
        if text[i] in _conj_chars() and not _in_name(text, i, i + 1):
            return i + 1
    return start


@lru_cache(maxsize=1)
def _conj_chars() -> frozenset[str]:
    """Conjunctions of one character that join the items of a list (data/conjunctions.tsv, lists)."""
    return frozenset(w for w in data.marked("conjunctions", "lists") if len(w) == 1)


def _body_opens(stem: str) -> bool:
    """The words before a suffix open with a body named by its level ("省人大|内务司法|委员会",
    "县政协|文史|委员会"): the body's own unit is as specific as a place, whatever the suffix asks;
    two characters at least name the unit after it (not "市政协委员会")."""
    if not stem or stem[0] not in levels():
        return False
    body = data.starts_with_any(stem, 1, _level_bodies())
    return bool(body) and len(stem) - 1 - len(body) >= 2


@lru_cache(maxsize=1)
def _level_bodies() -> tuple[str, ...]:
    """Suffixes of two characters or more that a level alone names a body by (data/org_suffixes.tsv,
    specific no or level: 人大, 政协, 政府)."""
    spec = data.mapping("org_suffixes")
    return tuple(w for w in data.by_length("org_suffixes") if len(w) > 1 and spec[w] in ("no", "level"))


def _word(d: dict, w: str) -> bool:
    """`w` is a dictionary word seen often enough (20) to stand in the way of a cut ("成城" is not)."""
    e = d.get(w)
    return e is not None and e[0] >= 20


def _after_verb(text: str, start: int, end: int, verbs: int = 0) -> int:
    """Where a name starts when its stem text[start:end] opens with a common verb, after a time word
    or none ("推进|临江综保区", "今年建成|城市公园"), and goes on for two characters or more: after the
    verb, unless a place's suffix follows it ("前进区", "解放路": the verb names the place)."""
    d = lexicon.dictionary()
    i = start
    for n in (2, 3):
        e = d.get(text[i:i + n])
        if e and e[1] == "t":
            i += n
            break
    for n in (2, 3):
        e = d.get(text[i:i + n])
        if e and e[1] == "v" and e[0] >= 1000 and end - i - n >= 2 and not _word(d, text[i + n - 1:i + n + 1]) \
                and text[i + n] not in _place_ends():
            return i + n
    if verbs:
        for j in range(end - 4, start, -1):
            for n in (2, 3):
                e = d.get(text[j:j + n])
                if e and e[1] in _CLAUSE_TAGS and e[0] >= verbs and end - j - n >= 2 \
                        and not _word(d, text[j + n - 1:j + n + 1]) and text[j + n] not in _place_ends() \
                        and not any(_word(d, text[x:j + 1]) for x in range(j - 2, j)):
                    return j + n
    return start


_CLAUSE_TAGS = frozenset({"v", "vn", "ad"})  # a verb or an adverb inside a place's stem: a clause ran
# into the name ("抵达|德黑兰机场", "认真研究|欧洲市场", "要想站稳|市场")


@lru_cache(maxsize=1)
def _place_ends() -> frozenset[str]:
    return frozenset(w for w in data.keys("place_suffixes") if len(w) == 1)


@lru_cache(maxsize=1)
def _conj() -> frozenset[str]:
    """Single characters that join the items of a list (data/conjunctions.tsv, lists)."""
    return frozenset(w for w in data.marked("conjunctions", "lists") if len(w) == 1)


@lru_cache(maxsize=1)
def _also() -> tuple[str, ...]:
    """Conjunctions of two characters or more before a list's last item, also after a comma ("，以及")."""
    return tuple(w for w in data.marked("conjunctions", "lists") if len(w) > 1)


def list_etc() -> str:
    """The word that closes a list (data/conjunctions.tsv, closes)."""
    return data.marked("conjunctions", "closes")[0]


_LIST_BREAK = re.compile(r"[，。；：！？、“”《》（）()\s]")


@lru_cache(maxsize=1)
def _list_end() -> re.Pattern:
    """等 and what the list holds (data/list_closers.tsv: right after it, or within 14 characters), or
    a count of places of one level ("南圩、北圩、河口3村", data/patterns.tsv count_closer)."""
    near = "|".join(re.escape(w) for w in data.marked("list_closers", "next"))
    far = "|".join(re.escape(w) for w in data.marked("list_closers", "far"))
    return re.compile(f"{re.escape(list_etc())}(?:{near}|[^，。；、]{{0,14}}?(?:{far}))|{data.pattern('count_closer')}")


_COUNTED_ITEM_MAX = 6  # the longest item of a list closed by a count ("…、河口4村"): names of places, no clauses


def lists(text: str) -> list[tuple[list[tuple[int, int]], str]]:
    """Coordinated lists closed by "等地", "等单位", "等…景区" …: the items' spans and the word
    that closes the list."""
    out = []
    conj, also = _conj(), _also()
    for m in _list_end().finditer(text):
        items = []
        end = m.start()
        while end > 0:
            # an item after a separator runs from it ("范各庄村": 各 would stop extend_left), unless
            # a conjunction stops it ("北台路和开放路"); the first item of the list starts where its
            # own words do ("检查了青春路"), as does an item that would be too long to name a place
            # ("县长黎建华分别带队深入青石镇"). A separator is "、" or a comma and a long conjunction.
            start = extend_left(text, end, 0, 18)
            sep = max([text.rfind("、", max(0, end - 19), end)]
                      + [text.rfind("，" + w, max(0, end - 19 - len(w)), end) for w in also])
            if 0 <= sep < start - 1 and end - sep <= 13 and text[start - 1] not in conj \
                    and not _LIST_BREAK.search(text, sep + 1, end):
                start = sep + 1 + len(next((w for w in also if text.startswith("，" + w, sep)), ""))
            if start >= end:
                break
            items.insert(0, (start, end))
            after_comma = next((w for w in also if text[max(0, start - 1 - len(w)):start] == "，" + w), None)
            last_only = next((w for w in also if text[max(0, start - len(w)):start] == w), None)
            if text[start - 1:start] == "、":
                end = start - 1
            elif after_comma:
                end = start - 1 - len(after_comma)
            elif len(items) == 1 and last_only:
                end = start - len(last_only)  # only the list's last item follows a conjunction
            elif len(items) == 1 and start > 0 and text[start - 1] in conj:
                end = start - 1
            else:
                break
        counted = re.fullmatch(data.pattern("count_closer"), m.group())
        if counted and items and items[0][1] - items[0][0] > _COUNTED_ITEM_MAX:
            a, b = items[0]  # the first item after the unit it lies in ("庐北大圩区|南圩、北圩…4村")
            cut = max((i + 1 for i in range(a, b - 2) if text[i] in levels()), default=a)
            items[0] = (cut, b)
        if counted and len(items) > 1 and items[0][1] - items[0][0] > max(b - a for a, b in items[1:]) + 2:
            items = items[1:]  # the first item runs into the clause before it ("洪水漫过|东湾、…3村"):
            # the items of a count are names of one level, none much longer than the others'
        if len(items) >= 2 and (not counted or all(b - a <= _COUNTED_ITEM_MAX for a, b in items)):
            out.append((items, m.group()))
    return out


def resolve(cands: list[Cand], blocked: list[tuple[int, int]]) -> list[Cand]:
    """Keep the best of overlapping candidates: longer, then higher rank. Candidates that overlap a
    blocked span (a person's name) are dropped. Linear in the candidates' total length."""
    size = max([c.end for c in cands] + [b for _, b in blocked] + [0])
    used = bytearray(size + 1)
    for a, b in blocked:
        used[a:b] = b"\x01" * (b - a)
    kept: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.rank, c.start)):
        if any(used[c.start:c.end]):
            continue
        used[c.start:c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def word_run(text: str, start: int, end: int) -> bool:
    return all(is_word_char(c) for c in text[start:end])
