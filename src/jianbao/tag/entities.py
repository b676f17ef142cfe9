"""Places and organisations of one article: candidates of places.py and orgs.py per field,
overlaps resolved (a person's name beats all; the longer name wins), list members added, then the
names written once per article in reading order."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import data, lexicon, ner
from . import orgs as _orgs
from . import places as _places
from .spans import Cand, _conj_chars, crosses, list_etc, lists, ok_for, quoted, resolve, specificity
from .spans import levels as spans_levels
from .text import is_word_char
from .titles import _in_name


@lru_cache(maxsize=1)
def home() -> frozenset[str]:
    """The home country's names: no place of a local report (data/home_country.tsv)."""
    return data.keys("home_country")


def __getattr__(name: str):
    if name == "HOME":  # read by tag/__init__.py; the table loads on first use
        return home()
    raise AttributeError(name)


@lru_cache(maxsize=1)
def _org_closers() -> tuple[str, ...]:
    """What closes a list of organisations after 等 (data/list_closers.tsv, family org)."""
    return tuple(r[0] for r in data.rows("list_closers") if r[2] == "org")


@lru_cache(maxsize=1)
def _kinds_closers() -> frozenset[str]:
    """Closers after which an item must name one place or body (data/list_closers.tsv, kinds)."""
    return frozenset(data.marked("list_closers", "kinds", 3))


@lru_cache(maxsize=1)
def _posted() -> frozenset[str]:
    """Characters that post a body inside another (data/chars.tsv, posted: 驻)."""
    return frozenset(data.marked("chars", "posted"))


@dataclass
class Found:
    places: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    by_field: dict[str, list[Cand]] = field(default_factory=dict)
    canon: dict[str, str] = field(default_factory=dict)  # short form → full form, both listed


def _SUFFIXES() -> tuple[str, ...]:
    return data.by_length("org_suffixes")


def _split_joined(text: str, raw: list[Cand]) -> None:
    """Two names written together ("娘娘庙林站白马河水库", "村党群服务中心新时代文明实践站"): when a
    candidate of the same family (place or org) ends inside a longer one that starts where it does,
    and the rest still ends in the longer one's suffix, the longer one starts after it. A county or
    larger in front of a site stays part of it ("汤原县黑木耳深加工项目"). After a firm's group, a firm
    is one name with it ("红塔集团玉溪卷烟厂") and a department is dropped ("云州公交集团调度指挥中心":
    the group is the body)."""
    g = lexicon.gazetteer().full
    departments: list[Cand] = []
    by_start: dict[int, list[Cand]] = {}
    for c in raw:
        by_start.setdefault(c.start, []).append(c)
    for c in raw:
        if c.kind not in ("site", "zone", "org"):
            continue
        for p in list(by_start.get(c.start, ())):
            if p is c or not p.end < c.end - 2:
                continue
            rest = c.name[p.end - c.start:]
            if data.mapping("org_suffixes").get(rest, "no") != "no" or rest in data.keys("place_suffixes"):
                continue
            if any(ch in _posted() for ch in p.name):
                continue  # a body posted inside another is one name ("市纪委监委驻市教育局纪检监察组")
            if p.kind == c.kind == "org" and p.name.endswith(_firms()):
                if not rest.endswith(_firms()):
                    departments.append(c)
                break  # a firm named after its group is one name ("红塔集团玉溪卷烟厂"); a department
                # of the group is no body of its own: the group is ("云州公交集团|调度指挥中心")
            if p.kind == c.kind == "org" and _department(rest):
                continue  # a department named by its field under its body is one name with it
                # ("中国检察日报社|影视部", "中央军委|法制局")
            if p.kind == c.kind == "org" and not _names_alone(rest):
                continue  # the rest is no name of its own by its suffix's rule: a body's committee
                # ("省人大|财政经济委员会": 委员会 wants a place or a name before it)
            same = (p.kind == "org") == (c.kind == "org")
            big = p.kind == "admin" and g.get(p.name, 9) <= 2 or p.kind == "short" or p.name in _openers() \
                or p.kind == "zone" and p.name in data.keys("place_suffixes")  # "经开区智能制造产业园"
            if big and c.kind == "site" and p.kind == "admin" and _own_name(rest):
                big = False  # "道里区|河松小区": the site has a name of its own, unlike "…县|商贸中心"
            if same and not big and (p.kind != "admin" or c.kind != "org"):
                c.start, c.name = p.end, rest
                if c.kind == "org":  # the rest may open with a verb ("…公安局|接|承德市公安局")
                    t = _orgs.trim_verbs(text, c)
                    c.start, c.name = t.start, t.name
                break
        else:
            if c.kind == "site":
                _split_sites(c, raw)
    for c in departments:
        raw.remove(c)


def _after_phrase_and(text: str, raw: list[Cand]) -> None:
    """An organisation's name that holds a conjunction of one character joins two short fields of
    one body ("县规划和自然资源局", "省人大农业与农村委员会", "…5G材料与器件创新中心": four characters at
    most after the level, place, body, digit or Latin letter before it). After a longer phrase
    ("…营销情况和|青禾蔬菜合作社", "…工作报告和|自治区人大常委会"), or where a place or a level opens
    what follows it ("…和|南岭市育英中学"), the conjunction joins two objects of a verb, and the name
    starts after it; a name never opens with one."""
    conj = _conj_chars()
    units = spans_levels()
    place_ends = {c.end for c in raw if c.kind != "org"}
    place_starts = {c.start for c in raw if c.kind != "org"}
    sufs = _SUFFIXES()
    for c in raw:
        if c.kind != "org":
            continue
        for i in range(c.end - 4, c.start - 1, -1):
            if text[i] not in conj or _in_name(text, i, i + 1):
                continue
            if i == c.start:
                cut = True
            else:
                j = i
                while j > c.start and not (j in place_ends or text[j - 1] in units or text[j - 1].isascii()
                                           or data.ends_with_any(text, j, sufs)):
                    j -= 1
                cut = i - j > _FIELD_MAX or i + 1 in place_starts or text[i + 1] in units
            if cut:
                c.start, c.name = i + 1, text[i + 1:c.end]
            break


_FIELD_MAX = 4  # the longest field of a body joined by a conjunction ("人力资源和社会保障局")


def _names_alone(org: str) -> bool:
    """`org` would be an organisation's name read alone: the words before its suffix are as specific
    as the suffix asks (data/org_suffixes.tsv; spans.ok_for)."""
    suf = data.ends_with_any(org, len(org), _SUFFIXES())
    if suf is None:
        return True
    stem = org[:len(org) - len(suf)]
    return ok_for(data.mapping("org_suffixes")[suf], specificity(stem), stem)


def _department(org: str) -> bool:
    """`org` names a department by its field alone: a one-character suffix (部, 局, 处 …) after
    ordinary words ("影视部", "法制局"), no place, proper name or level of its own (`specificity`), and
    no body's name the dictionary holds (nt: 外交部)."""
    suf = data.ends_with_any(org, len(org), _SUFFIXES())
    d = lexicon.dictionary()
    if any((d.get(org[-n:]) or ("", ""))[1] == "nt" for n in (3, 4)):
        return False  # a body the dictionary knows by name ("…经商|外交部")
    return suf is not None and len(suf) == 1 and org[0] not in spans_levels() \
        and specificity(org[:len(org) - 1]) is None


def _own_name(site: str) -> bool:
    """True when the words before a site's suffix name one site ("河松小区": a coined word of two
    or three characters, or a place), not a kind of site ("商贸中心", "黑木耳深加工项目"), by
    `specificity`."""
    stem = _places.site_stem(site)
    if data.ends_with_any(stem, len(stem), _places._site_sufs()):
        return False  # "工业园项目": a kind of site's part
    level = specificity(stem)
    return level == "strong" or level == "weak" and len(stem) <= 3


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Bodies whose local organs are named with their name first (data/known_orgs.tsv, scope
    "opens"): "中国共产党桃江县第十五届委员会" is one name."""
    return frozenset(k for k, v in data.mapping("known_orgs").items() if v == "opens")


def _split_sites(c: Cand, raw: list[Cand]) -> None:
    """A site whose name holds another site's whole name ("娘娘庙林站|鹿溪河段"): the first site need
    not be a candidate of its own (娘娘庙 is an ordinary word), but its suffix of two characters or
    more and a stem of two or more on each side of the cut say that two names stand together."""
    table, _ = _places._site_table()
    sufs = _places._site_sufs()
    name = c.name
    for j in range(len(name) - 3, 3, -1):  # the rest: a stem of two and a suffix of one at least
        inner = data.ends_with_any(name, j, sufs)
        if inner and len(inner) >= 2 and table[inner][0] == "site" and j - len(inner) >= 2:
            raw.append(Cand(c.start, c.start + j, name[:j], "site", rank=c.rank))
            c.start, c.name = c.start + j, name[j:]
            return


def _from_unit(raw: list[Cand]) -> None:
    """A body whose suffix restates the kind of the unit before it ("三百山镇|唐屋村委会": 村委会 opens
    with the 村 of 唐屋村) is named from that unit on; the units before it stay places of their own."""
    sufs = _SUFFIXES()
    units = {c.end: c for c in raw if c.kind == "admin" and c.name.endswith(_low_sufs())}
    for c in raw:
        if c.kind != "org":
            continue
        suf = data.ends_with_any(c.name, len(c.name), sufs)
        if not suf:
            continue
        for n in range(1, len(suf)):
            u = units.get(c.end - len(suf) + n)
            if u is not None and c.start < u.start and suf.startswith(u.name[-n:]):
                c.name, c.start = c.name[u.start - c.start:], u.start
                break


def _after_low_unit(raw: list[Cand]) -> None:
    """A body with a name of its own (a place, a proper or coined word before its suffix: "龙泉蔬菜种植
    专业合作社", "桃源小学") after the address of the town, village or community it stands in
    ("青石镇|…合作社", "…青石镇荷花村|桃源小学") is named from there on; the units of the address stay
    places. A town's own bodies, named by it and a kind ("青石镇|中心学校", "荷花村|党支部", "…村委会"),
    keep it. The gold of the 110 dev articles so names both bodies of this kind it lists (064, 110; in
    110 the gazetteer lacks the town and village, and the name stays whole) and lists no body with a
    name of its own under its town's or village's name."""
    sufs = _SUFFIXES()
    at_start: dict[int, Cand] = {}
    for c in raw:
        if c.kind in ("admin", "short") and (c.start not in at_start or c.end > at_start[c.start].end):
            at_start[c.start] = c
    for c in raw:
        if c.kind != "org":
            continue
        u, cut = at_start.get(c.start), None
        while u is not None and u.end < c.end:
            if u.kind == "admin" and u.name.endswith(_low_sufs()):
                cut = u.end
            u = at_start.get(u.end)
        if cut is None:
            continue
        rest = c.name[cut - c.start:]
        suf = data.ends_with_any(rest, len(rest), sufs)
        if suf and len(rest) - len(suf) >= 2 and specificity(rest[:len(rest) - len(suf)]):
            c.start, c.name = cut, rest


@lru_cache(maxsize=1)
def _low_sufs() -> tuple[str, ...]:
    """Suffixes of towns, villages and communities (data/levels.tsv, low)."""
    return tuple(data.marked("levels", "low"))


_BOOK = "\u300a"  # the opening mark of a title of a book or document
_HONOUR_MAX = 12  # the longest quoted honour or campaign name read so


_CLAUSE_MARKS = "，。！？；,!?;"  # marks that end a clause: a quotation holding one is reported speech


def _speech(text: str, a: int, b: int) -> bool:
    """The quotation text[a:b] is reported speech of two clauses or more, a clause mark before its last
    character ("“我是从外省赶过来的，这里…”"), not a slogan, an honour or a name ("“美丽某市、幸福家园”",
    "“某省劳动模范”"): the names in it are names of the report, a short form of a place too, even where
    its phrases are listed with "、" (spans.quoted). On the 110 dev articles the gold lists the one such
    short form (the home country aside), and 3 of the 13 inside other quotations. A quotation of one
    clause ("“某某可是老干部了。”") may name a person by a word that is also a place, as People's Daily
    1998 dev reads it there."""
    return text[a] != _BOOK and any(ch in _CLAUSE_MARKS for ch in text[a + 1:b - 2])


def _in_quotes(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^“”]{0,80}”|《[^《》]{0,60}》", text)]


def field_cands(text: str, blocked: list[tuple[int, int]]) -> list[Cand]:
    raw = _places.match(text) + _orgs.match(text)
    inside = bytearray(len(text) + 1)  # positions strictly inside a unit's name
    for c in raw:
        if c.kind == "admin" and c.end - c.start > 1:
            inside[c.start + 1:c.end] = b"\x01" * (c.end - c.start - 1)
    raw = [c for c in raw if c.kind != "site" or not inside[c.end]]  # the site's suffix is a piece of
    # a unit's name: "芙蓉区|文艺路街道", not 芙蓉区文艺路
    _from_unit(raw)
    _after_low_unit(raw)
    _split_joined(text, raw)
    _after_phrase_and(text, raw)
    raw = [c for c in raw if not (c.kind == "org" and (_names_a_session(text, c) or _orgs.generic(c.name)))]
    # (generic again: a name cut after a verb or a conjunction may be a body every place has, "…与|护林队")
    q = [(a, b) for a, b in quoted(text) if not _speech(text, a, b)]
    inq = _in_quotes(text)  # once per field: per candidate it made long fields quadratic
    slogans = [(a, b) for a, b in inq if not _speech(text, a, b)]
    raw = [c for c in raw if not (c.kind == "short" and any(a <= c.start < b for a, b in slogans))]
    kept = resolve(raw, blocked + q)
    size = len(text) + 1
    site = bytearray(size)
    for k in kept:
        if k.kind in ("site", "zone"):
            site[k.start:k.end] = b"\x01" * (k.end - k.start)
    kept_ids = {id(k) for k in kept}
    # a full administrative name inside a site keeps its own entry ("汤原县黑木耳深加工项目"), and a
    # unit of any level that opens the name of one of its bodies ("宝塔区文明办", "石门市委宣传部",
    # also after a party's name: "中国共产党桃江县…委员会"), which is not a company's ("湖南飞腾科技有限
    # 公司": a firm's name only borrows the place). The gold of the 110 dev articles lists the unit in
    # 43 of 46 such bodies, provinces and prefectures as often as counties; and a prefecture or
    # province named only by its committee or government ("石门市委书记") in 19 of 21. A zone that opens
    # a body's name is listed too ("…高新区|管委会"): one more place the gold lists on 021–110, none lost.
    openers = _openers() | frozenset(data.marked("levels", "graded"))  # also "政协|临溪县第九届委员会"
    bodies = {k.start + len(next((o for o in openers if k.name.startswith(o)), ""))
              for k in kept if k.kind == "org" and not k.name.endswith(_firms())}
    chain = _address_chain(raw, bodies)
    for c in raw:
        if id(c) not in kept_ids and (c.kind == "admin" and (all(site[c.start:c.end]) or c.start in bodies)
                                      or c.kind == "zone" and c.start in bodies  # "…工业园区|党工委"
                                      or id(c) in chain):
            kept.append(c)
            kept_ids.add(id(c))
    kept = [c for c in kept if not (c.kind == "admin" and c.start not in bodies and any(
        a < c.start and c.end < b - 1 and text[a] == _BOOK for a, b in inq))]
    honours = [(a, b) for a, b in inq if text[a] != _BOOK and b - a <= _HONOUR_MAX + 2]
    kept = [c for c in kept if not (c.kind in ("admin", "short") and c.start not in bodies and any(
        c.end == a for a, b in honours))]
    kept = [c for c in kept if not (c.kind == "short" and _names_a_meeting(text, c.end))]
    # a unit right before a short quotation ("…省“百优驿站”", "…区“…”文化节") names the scope of an
    # honour or a campaign, not a place of the report: on the 110 dev articles 2 such units, neither
    # listed by the gold. Inside the quotation ("“…省劳动模范”称号") the unit stays: the gold of the dev
    # articles leaves it out once, the People's Daily 1998 annotation marks it a place (dropping it too
    # lowered LOC on its first 300 dev sentences .697 -> .693)
    # a unit inside a document's title ("《…省…办法》", "《关于批准…市…的决议》") is the document's scope,
    # not a place of the report; unless it opens a body named there. Not in quotation marks: the
    # People's Daily 1998 annotation marks a county inside a quoted honour ("“…县十佳青年”") a place.
    owner: dict[int, Cand] = {}
    for k in kept:
        for i in range(k.start, k.end):
            owner.setdefault(i, k)
    etc = list_etc()
    for items, closer in lists(text):
        kind = "org" if closer.endswith(_org_closers()) else "site"
        for a, b in items:
            inside = {id(owner[i]): owner[i] for i in range(a, b) if i in owner}.values()
            if any(c.kind != "short" for c in inside) or b - a > 12:
                continue
            if closer[len(etc):] in _kinds_closers() and not specificity(text[a:b]) \
                    and not data.ends_with_any(text, b, _SUFFIXES()) \
                    and not _named_place(text, a, b):
                continue  # "旅游景区、项目现场等地": kinds of place, not names
            if any(x < b and a < y for x, y in blocked):
                continue
            for c in list(inside):
                kept.remove(c)
            new = Cand(a, b, text[a:b], kind, rank=1)
            kept.append(new)
            for i in range(a, b):
                owner[i] = new
    unvisited = {id(c) for c in _unvisited(text, kept)}
    kept = [c for c in kept if id(c) not in unvisited]
    kept += _listed_sites(text, kept, blocked)
    return sorted(kept, key=lambda c: (c.start, c.end))


_MEETING_REACH = 12  # how far after a short form the name of a meeting may end


@lru_cache(maxsize=1)
def _meeting_nouns() -> tuple[str, ...]:
    """Words of data/event_triggers.tsv that name a meeting or an event as a noun (three characters or
    more: 座谈会, 推进会, 文化节): the triggers of the event types data/event_types.tsv marks `named`."""
    named = set(data.marked("event_types", "named"))
    return tuple(r[0] for r in data.rows("event_triggers") if r[1] in named and len(r[0]) >= 3)


def _names_a_meeting(text: str, end: int) -> bool:
    """A short form that opens the name of a meeting or an event ("甲·乙对口支援工作座谈会", "长三角一体化
    发展座谈会"): the places the meeting is about, not places of the report. Within _MEETING_REACH
    characters, with no punctuation but a middle dot or a dash between, nor a word no name holds
    (data/stop_left.tsv: "在华盛顿|联合|举行新闻发布会" is a meeting held there)."""
    j, stops, d = end, data.by_length("stop_left"), lexicon.dictionary()
    while j < min(len(text), end + _MEETING_REACH) and (is_word_char(text[j]) or text[j] in "·—"):
        w = data.starts_with_any(text, j, stops)
        if w and not any(d.get(text[j:j + n], (0,))[0] >= 20 for n in (len(w) + 1, len(w) + 2)):
            break  # a stop word, not the head of a longer word ("对|口")
        j += 1
    return any(text.find(w, end, j) >= 0 for w in _meeting_nouns())


def _unvisited(text: str, kept: list[Cand]) -> list[Cand]:
    """Sites whose ending names a place only where an activity goes to it (data/visited_sites.tsv:
    项目, 基地) with no verb of visiting (data/visit_verbs.tsv) before it in its clause nor another
    place in the clause: a kind of work ("要多引项目、引大项目", "一批产业项目集中开工"), not a site visited
    ("先后到…项目、…项目") or placed ("…项目是…县、…市的重点项目")."""
    ends = _visited_ends()
    places = sorted((k.start, k.end) for k in kept if k.kind != "org" and not k.name.endswith(ends))
    starts = [x for x, _ in places]
    out = []
    for c in kept:
        if c.kind != "site" or not c.name.endswith(ends):
            continue
        lo = max(0, c.start - _CLAUSE_MAX)
        a = max(text.rfind(ch, lo, c.start) for ch in _CLAUSE_ENDS) + 1 or lo
        b = min((i for i in (text.find(ch, c.end, c.end + _CLAUSE_MAX) for ch in _CLAUSE_ENDS) if i >= 0),
                default=min(len(text), c.end + _CLAUSE_MAX))
        if any(v in text[a:c.start] for v in data.by_length("visit_verbs")):
            continue
        i = bisect.bisect_left(starts, a)
        while i < len(places) and places[i][0] < b:
            x, y = places[i]
            if y <= b and not (c.start <= x and y <= c.end):
                break
            i += 1
        else:
            out.append(c)
    return out


def _listed_sites(text: str, kept: list[Cand], blocked: list[tuple[int, int]]) -> list[Cand]:
    """An item of a list ("、") right after an item read as a place or a body, that ends in a site's
    ending (data/place_suffixes.tsv) though its stem is an ordinary word ("…物流公司、长途汽车站、…"): in
    a list of sites it names one. Not in a list closed by kinds of place ("旅游景区、项目现场等地",
    data/list_closers.tsv, kinds), nor over a person's name."""
    sufs = _places._site_sufs()
    ends = {k.end for k in kept}
    taken = bytearray(len(text) + 1)
    for x, y in [(k.start, k.end) for k in kept] + blocked:
        taken[x:y] = b"\x01" * (y - x)
    starts = {k.start for k in kept}
    etc = list_etc()
    kinds = {item for items, closer in lists(text) if closer[len(etc):] in _kinds_closers() for item in items}
    out: list[Cand] = []
    for m in re.finditer("、", text):
        a = m.end()
        b = next((j for j in range(a, min(len(text), a + 2 * _ITEM_MAX + 2)) if text[j] in _places.ITEM_BOUNDS),
                 None)  # (room for the item, a conjunction and the list's last item)
        if b is not None and any(taken[a:b]):
            b = _before_last_item(text, a, b, starts)
        if b is None or b - a > _ITEM_MAX or m.start() not in ends or any(taken[a:b]) or (a, b) in kinds:
            continue
        suf = data.ends_with_any(text, b, sufs)
        if suf and b - a >= len(suf) + 2:
            out.append(Cand(a, b, text[a:b], "site", rank=1))
            taken[a:b] = b"\x01" * (b - a)
    return out


_ITEM_MAX = 8  # the longest item read so: a list's items are short names


def _before_last_item(text: str, a: int, b: int, starts: set[int]) -> int | None:
    """Where the item of a list at text[a:b] ends when a conjunction joins it to the list's last item,
    a name read already ("…青岭新村、溪头新村|和|沧浪社区"): at the conjunction (None when there is none).
    On the 110 dev articles one more site the gold lists (053), none it does not."""
    conj = _conj_chars()
    j = next((j for j in range(a + 1, b) if text[j] in conj), None)
    return j if j is not None and j + 1 in starts else None


@lru_cache(maxsize=1)
def _visited_ends() -> tuple[str, ...]:
    return tuple(data.keys("visited_sites"))


_CLAUSE_ENDS = "，。；！？：,;:!?"
_CLAUSE_MAX = 60  # how far a clause is read either side of the site


@lru_cache(maxsize=1)
def _session_re() -> re.Pattern:
    return re.compile(data.pattern("session"))


def _names_a_session(text: str, c: Cand) -> bool:
    """`c` is a congress named by its term before its session ("市五届人大|三次会议", data/patterns.tsv,
    session): the words name a meeting, not a body to list."""
    return any(m.start() < c.end < m.end()
               for m in _session_re().finditer(text, max(c.start, c.end - 10), min(len(text), c.end + 6)))


def _address_chain(raw: list[Cand], bodies: set[int]) -> set[int]:
    """The short form of a province or country that opens a body's name before other places, an
    address ("新疆|哈密市|政协", "浙江|湖州|吴兴|法院"): each place of the address is listed, as the unit
    that opens a body is. Not a short form alone before a body ("河北|日报": the name borrows the
    province), and not units after a full one ("道里区|正阳河街道|办事处": the gold of the dev articles
    lists them in 107 and 110, not in 016; keeping them all raised place F1 on 021–110 by .005 and
    took 016 below its floor). The ids of the candidates to keep; `bodies` gains the starts of the
    address's units."""
    admins = {(c.start, c.end) for c in raw if c.kind == "admin"}
    at_start: dict[int, Cand] = {}
    for c in raw:
        if c.kind in ("short", "admin") and (c.start not in at_start or c.end > at_start[c.start].end):
            at_start[c.start] = c
    out: set[int] = set()
    for b in list(bodies):
        c = at_start.get(b)
        if c is None or c.kind != "short" or (c.start, c.end) in admins or c.end not in at_start:
            continue
        while c is not None:
            out.add(id(c))
            bodies.add(c.start)
            c = at_start.get(c.end)
    return out


@lru_cache(maxsize=1)
def _firms() -> tuple[str, ...]:
    """Endings of firms' names (data/firms.tsv, end): see field_cands."""
    return data.marked("firms", "end")


def _named_place(text: str, a: int, b: int) -> bool:
    """A list item that names a place by a one-character ending ("开放路、怀长路等地"), unlike the
    kinds of place the dictionary holds ("城中村", "示范村") or two-character endings ("旅游景区")."""
    suf = data.ends_with_any(text, b, data.by_length("place_suffixes"))
    return b - a >= 3 and suf is not None and len(suf) == 1 and text[a:b] not in lexicon.dictionary()


def relist(out: Found) -> None:
    """The lists of places and organisations from the candidates of every field, in reading order."""
    out.places[:], out.orgs[:] = [], []
    for cands in out.by_field.values():
        for c in cands:
            if c.name in home():
                continue
            target = out.orgs if c.kind == "org" else out.places
            if c.name not in target:
                target.append(c.name)


def _firms_short(items: list[tuple[str, str]], out: Found, blocked: dict[str, list[tuple[int, int]]]) -> None:
    """A firm's name read in full ("江西紫辰半导体科技有限公司", "湖南青禾新材料公司") and its short form
    elsewhere in the article, the opening words of its name without the suffix and maybe without the
    place ("江西紫辰总经理…", "青禾新材料专注于…"): the short form names the firm too, and the lists
    hold both (spec: a short form and its full form are both listed when both occur). Only a short form
    whose words after the place are coined or proper (spans.specificity weak: 紫辰, 青禾), not a place
    alone ("格尔木") nor ordinary words ("新闻传媒" of 临溪新闻传媒集团); nowhere another name, a person's
    or the full name itself stands (a place inside it stays a place, as in the full name). Longest
    first: one short form per mention."""
    fulls = [c.name for cands in out.by_field.values() for c in cands
             if c.kind == "org" and c.name.endswith(_firms())]
    forms = sorted({w for full in dict.fromkeys(fulls) for w in _short_forms(full)}, key=len, reverse=True)
    for k, text in items:
        cands = out.by_field[k]
        taken = bytearray(len(text) + 1)  # _NAMED: a person's or an organisation's; _INSIDE: inside a place
        for x, y in blocked.get(k, []) + [(c.start, c.end) for c in cands if c.kind == "org"]:
            taken[x:y] = _NAMED * (y - x)
        for c in cands:
            if c.kind != "org":
                taken[c.start + 1:c.end] = bytes(t or _INSIDE[0] for t in taken[c.start + 1:c.end])
        for w in forms:
            for m in re.finditer(re.escape(w), text):
                a, b = m.span()
                if not taken[a] and _NAMED[0] not in taken[a:b] and taken[b] != _INSIDE[0]:
                    cands.append(Cand(a, b, w, "org", rank=_orgs.ORG_RANK))
                    taken[a:b] = _NAMED * (b - a)
        cands.sort(key=lambda c: (c.start, c.end))


_NAMED, _INSIDE = b"\x01", b"\x02"  # the marks of _firms_short's map of a field
_SHORT_MIN = 3  # the shortest short form of a firm read so (a one-character place and two coined characters)


def _towns_short(items: list[tuple[str, str]], out: Found, blocked: dict[str, list[tuple[int, int]]]) -> None:
    """A town, village or community read with its level ("柘岭镇", "荷塘村") and named elsewhere in
    the article by its stem alone ("把柘岭的产业…", "如今的荷塘，"): the stem names it too, and the lists
    hold both, as they hold a county's short form. Only a stem of two characters or more that is no
    ordinary word, stands in no other name nor a person's, no word crosses, and that ends an item or a
    phrase: a punctuation mark or a function word follows (not "柘岭|敬老院", "荷塘村|乡", "大美柘岭”").
    The gold of the 110 dev articles lists the stem in the 3 articles where it so stands (in 066 none
    of the other rules read it), and in none of the 12 where it opens another name, a level or a
    closing quotation mark follows."""
    d = lexicon.dictionary()
    stems = {c.name[:len(c.name) - len(suf)]: c.name for cands in out.by_field.values() for c in cands
             if c.kind == "admin" and (suf := data.ends_with_any(c.name, len(c.name), _low_sufs()))}
    stems = {w: full for w, full in stems.items() if len(w) >= 2 and not lexicon.common_word(w)}
    for k, text in items:
        cands = out.by_field[k]
        taken = bytearray(len(text) + 1)
        for x, y in blocked.get(k, []) + [(c.start, c.end) for c in cands]:
            taken[x:y] = b"\x01" * (y - x)
        for w in sorted(stems, key=len, reverse=True):
            for m in re.finditer(re.escape(w), text):
                a, b = m.span()
                nxt = text[b:b + 1]
                ends = not nxt or nxt in _places.ITEM_BOUNDS or (d.get(nxt) or ("", ""))[1] in _places._FUNCTION
                if ends and not any(taken[a:b]) and not crosses(text, a, b):
                    cands.append(Cand(a, b, w, "short", full=stems[w], rank=_places.SHORT_RANK))
                    taken[a:b] = b"\x01" * (b - a)
        cands.sort(key=lambda c: (c.start, c.end))


def _short_forms(full: str) -> list[str]:
    """The short forms a firm's name may take, longest first: the opening words of its stem (its name
    less the suffix, data/org_suffixes.tsv), with or without the place that opens it, whose words after
    the place are coined or proper (specificity weak), ending where a word of the stem does."""
    suf = data.ends_with_any(full, len(full), _SUFFIXES())
    stem = full[:len(full) - len(suf)] if suf else ""
    lead = max((c.end for c in _places.match(stem) if c.start == 0 and c.kind in ("admin", "short")), default=0)
    ends, n = [], 0
    for w in ner._segment(stem):  # a short form ends where a word does ("江西紫辰", not "江西紫辰半")
        n += len(w)
        ends.append(n)
    out = {w for n in ends if n >= lead + 2 and specificity(stem[lead:n]) == "weak"
           for w in (stem[:n], stem[lead:n]) if len(w) >= _SHORT_MIN}
    return sorted(out, key=len, reverse=True)


def find(items: list[tuple[str, str]], blocked: dict[str, list[tuple[int, int]]]) -> Found:
    out = Found()
    for k, text in items:
        out.by_field[k] = field_cands(text, blocked.get(k, []))
    _firms_short(items, out, blocked)
    _towns_short(items, out, blocked)
    relist(out)
    fulls = set(out.places)
    for cands in out.by_field.values():
        for c in cands:
            if c.full and c.full in fulls:
                out.canon[c.name] = c.full
            elif c.kind == "short" and c.full and c.full in fulls:
                out.canon[c.name] = c.full
    return out
