"""Places: administrative units from the gazetteer (full names and the official short names of
provinces, cities and counties), towns and villages by their suffix, zones and sites by theirs
(data/place_suffixes.tsv), and the members of lists closed by "等地". `match` finds candidates in
one field; `write` picks the names to list (atomic, once per article, short and full forms both)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import data, lexicon
from .spans import Cand, crosses, crosses_right, suffix_cands, word_run
from .text import is_cjk
from .titles import extend_left

ADMIN_RANK, SHORT_RANK, SITE_RANK = 2, 1, 3


@lru_cache(maxsize=1)
def _low() -> frozenset[str]:
    """Suffixes of towns, villages and communities the gazetteer may lack (data/levels.tsv, low)."""
    return frozenset(data.marked("levels", "low"))


@lru_cache(maxsize=1)
def _admin_re() -> re.Pattern:
    sufs = [r[0] for r in data.rows("place_suffixes") if r[1] == "admin"]
    return re.compile("|".join(re.escape(s) for s in sorted(sufs, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _site_table() -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    t = {r[0]: (r[1], r[2]) for r in data.rows("place_suffixes") if r[1] != "admin"}
    return t, re.compile("|".join(re.escape(s) for s in sorted(t, key=len, reverse=True)))


def _zoneish(name: str) -> bool:
    """Gazetteer units named after a zone ("经济技术开发区", "高新区", "浦东新区": each ends in a zone or site
    suffix of data/place_suffixes.tsv): left to the zone rules."""
    return data.ends_with_any(name, len(name), _site_sufs()) is not None


@lru_cache(maxsize=1)
def _site_sufs() -> tuple[str, ...]:
    return tuple(sorted(_site_table()[0], key=len, reverse=True))


@lru_cache(maxsize=1)
def _short_index() -> dict[str, tuple[str, ...]]:
    """Short forms and geographic names by their first two characters, longest first. A short form
    the dictionary reads as a common word is left out below the prefectures (富民, 和平, 全州); a
    prefecture's or a country's stays (合肥, 大连, 百色: jieba tags them n or d) and is weighed in its
    context by the trained model (unknown.denied_short_forms), as every short form is. Counties too
    were tried: 4 places the gold lists on 021–110 and 1 it does not on 001–020 (全州, "the whole
    prefecture", which the model reads as a place). A short form that ends in a site suffix is left to
    the site rules (_zoneish) below the prefectures (张家港, 上街, 海港) and wherever its full name is a
    zone's; a province's or a prefecture's stays (香港, 贵港, 连云港: People's Daily 1998 dev LOC
    0.798 -> 0.806, the dev articles unchanged)."""
    idx: dict[str, list[str]] = {}
    d = lexicon.dictionary()
    for w in lexicon.gazetteer().short:
        e = d.get(w)
        level = 0 if w in lexicon.gazetteer().world else lexicon.gazetteer().full.get(lexicon.gazetteer().short[w], 9)
        if len(w) < 2 or (lexicon.common_word(w) or e and e[0] >= 300 and e[1] != "ns") and level >= 2 \
                or _zoneish(w) and (level >= 2 or _zoneish(lexicon.gazetteer().short.get(w, w))) \
                or e and e[0] >= 800 and level >= 2:
            continue
        idx.setdefault(w[:2], []).append(w)
    for w in data.keys("geo_names"):
        if len(w) >= 2 and w not in idx.get(w[:2], []):
            idx.setdefault(w[:2], []).append(w)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in idx.items()}


def _split(name: str) -> list[tuple[int, int]]:
    """An administrative name made of two gazetteer names ("四平市铁东区") split into atoms."""
    g = lexicon.gazetteer().full
    for k in range(3, len(name) - 1):
        if name[:k] in g and name[k:] in g and g[name[:k]] < g[name[k:]]:
            return [(0, k)] + [(k + a, k + b) for a, b in _split(name[k:])]
    return [(0, len(name))]


def _word_into(text: str, start: int, end: int) -> bool:
    """A word of the dictionary (seen 20 times or more) runs from before `start` into the name
    text[start:end] and ends inside it ("绍兴|城市", "新兴|城市" over 兴城市): the name is read out of
    other words."""
    d = lexicon.dictionary()
    return any(d.get(text[s:e], (0,))[0] >= 20
               for s in range(max(0, start - 3), start) for e in range(start + 1, min(end, s + 4)))


def _admin(text: str) -> list[Cand]:
    g = lexicon.gazetteer().full
    out = []
    heads = data.by_length("title_heads")
    for m in _admin_re().finditer(text):
        end, suf = m.end(), m.group()
        head = data.starts_with_any(text, m.start(), heads)
        if head and len(head) > len(suf) and not _place_follows(text, m.end(), _short_index()) \
                and not crosses_right(text, m.start(), m.start() + len(head)):
            continue  # "百色|市长梁春禄": the level opens a title; the place is its short form (not
            # where a place or a word follows the level: "湖南省|长沙市", "北京市|长安街")
        found = 0
        for n in range(min(12, end), len(suf), -1):
            w = text[end - n:end]
            if w in g and word_run(text, end - n, end) and (n >= 3 or g[w] <= 2) and not _zoneish(w) \
                    and not (g[w] >= 2 and _word_into(text, end - n, end)) \
                    and (n > len(suf) + 1 or _one_char_stem(text, end - n, end)):
                found = n
                break
        if not found and suf in _low():  # a town or village the gazetteer lacks
            found = _unlisted(text, m.start(), end, _unit_follows(text, end))
        if not found and suf in _abroad_levels():
            found = _abroad(text, m.start(), end)
        if not found:
            found = _dictionary_unit(text, end, len(suf))
        if not found:
            continue
        start = end - found
        if suf in _low() and start >= 2 and is_cjk(text[start - 1]) and text[start - 1] not in _not_in_name() \
                and data.ends_with_any(text, start - 1, data.marked("levels", "before_village")) is not None:
            start -= 1  # one character between a village and the town it lies in opens the village's name
            # ("高庄镇|东杏峪村": the gazetteer holds 杏峪村)
        w = text[start:end]
        if suf in _low() and lexicon.common_word(w[:-len(suf)], 5) and not _after_place(text, start) \
                and not _listed_town(w, text, start):
            continue  # "示范村", "贫困村": a kind of village, not its name
        for a, b in _split(w):
            out.append(Cand(start + a, start + b, w[a:b], "admin", rank=ADMIN_RANK))
    return out


def _dictionary_unit(text: str, end: int, n_suf: int) -> int:
    """Length of a unit the gazetteer lacks (renamed or merged since: "乌马河区") that the dictionary
    lists as a place name with its level, three to six characters, no word across its left edge and
    no ordinary word in its stem ("深山|区", "文明城|市", "各县|区", "内陆|地区" are kinds of place)."""
    d = lexicon.dictionary()
    never = _not_in_name()
    for n in range(min(6, end), n_suf + 1, -1):
        w = text[end - n:end]
        e, stem = d.get(w), w[:-n_suf]
        if not (e and e[1] == "ns" and word_run(text, end - n, end)) or _zoneish(w) or crosses(text, end - n, end):
            continue
        if stem[0] in never or any(d[stem[i:j]][1] not in lexicon.PROPER_TAGS or d[stem[i:j]][0] >= 300
                                   for i in range(len(stem)) for j in range(i + 2, len(stem) + 1) if stem[i:j] in d):
            continue  # a word seen 300 times or more is an ordinary one, whatever its tag (深山, 文明), as
            # in _short_index
        return n
    return 0


def _one_char_stem(text: str, start: int, end: int) -> bool:
    """A unit named by one character and its level ("歙县", "沛县"): the dictionary reads the two as
    a place name and no word crosses either edge ("和县" is not read out of "…和|县…")."""
    d = lexicon.dictionary()
    e, first = d.get(text[start:end]), d.get(text[start])
    return bool(e) and e[1] == "ns" and not (first and first[1] in _FUNCTION) and not crosses(text, start, end)


_FUNCTION = frozenset({"c", "p", "r", "d", "u", "uj", "ul", "f"})  # a conjunction or other function word
# is no unit's name ("各乡镇和|县直部门")


@lru_cache(maxsize=1)
def _abroad_levels() -> frozenset[str]:
    """Levels a unit abroad is written with (data/levels.tsv, abroad)."""
    return frozenset(data.marked("levels", "abroad"))


def _abroad(text: str, s: int, end: int) -> int:
    """Length of a unit abroad the gazetteer lacks, written right after its country ("日本|浦添市",
    "马来西亚|诗巫市"): the two to six characters between a foreign name of the gazetteer and the
    level, no ordinary word among them nor across the level."""
    g, d = lexicon.gazetteer(), lexicon.dictionary()
    if crosses_right(text, s, end) or d.get(text[s - 1:end]):
        return 0  # "日本|大米市场", "印度的股市"
    never = _not_in_name()
    for a in range(max(0, s - 6), s - 1):
        stem = text[a:s]
        if any(c in never or not is_cjk(c) for c in stem) or any(
                lexicon.common_word(w) or d.get(w, (0,))[0] >= 1000
                for w in (stem[i:j] for i in range(len(stem)) for j in range(i + 2, len(stem) + 1))):
            continue  # ordinary or frequent words ("美国|西北部塔科马市") are no sounds of a foreign name
        if any(text[b:a] in g.world and text[b:a] not in g.full and g.short.get(text[b:a]) not in g.full
               for b in range(max(0, a - 8), a - 1)):
            return end - a
    return 0


@lru_cache(maxsize=1)
def _not_in_name() -> frozenset[str]:
    """Characters never inside the name of a town or village (data/chars.tsv, not_in_name)."""
    return frozenset(data.marked("chars", "not_in_name"))


def _unlisted(text: str, s: int, end: int, chained: bool = False) -> int:
    """Length of a town or village name the gazetteer lacks ("湖㳇镇"): the longest stem of two to
    four characters that holds no ordinary word and starts at no word's middle. `chained`: a
    village of the gazetteer follows at once ("榆城镇石门坎村"), so the suffix ends a name even
    where it would end an ordinary word too (城镇)."""
    d = lexicon.dictionary()
    if not chained and (lexicon.dictionary().get(text[s - 1:end]) or crosses(text, s, end)):
        return 0  # "城乡", "农村": the suffix belongs to a word
    start = extend_left(text, s, 0, 4)
    never = _not_in_name()
    for a in range(start, s - 1):
        stem = text[a:s]
        if any(c in never or not is_cjk(c) or c in _low() for c in stem):
            continue  # nor a level of one character: "光华镇|包保村", "义合镇|街镇" are no names
        if any(d[stem[i:j]][1] not in lexicon.PROPER_TAGS for i in range(len(stem))
               for j in range(i + 2, len(stem) + 1) if stem[i:j] in d):
            continue
        if a > 0 and any(d.get(text[x:a + 1]) for x in range(max(0, a - 3), a)):
            continue
        return end - a
    return 0


_NOUNS = frozenset({"n", "s", "nr", "ns", "nz", "ng"})
_NAMING = _NOUNS | {"b", "nrt", "nt"}  # parts of speech of a rare word that opens a site's name


def _listed_town(w: str, text: str, start: int) -> bool:
    """A town or township of the gazetteer whose stem is an ordinary word: named when the stem is a
    noun and the whole is no ordinary word ("青石镇", "板桥镇"; not "小城镇", "中心镇"), or when a
    verb of visiting stands before it ("深入团结乡")."""
    g, d = lexicon.gazetteer().full, lexicon.dictionary()
    if g.get(w) != 3:
        return False
    if data.ends_with_any(text, start, data.by_length("visit_verbs")):
        return True
    stem, whole = d.get(w[:-1]) or d.get(w[:-2]), d.get(w)
    return bool(stem) and stem[1] in _NOUNS and not (whole and whole[1] != "ns")


def _after_place(text: str, start: int) -> bool:
    """A village named right after its town or county, or after the kind of village it is
    ("示范村荷花村"): then a stem that is an ordinary word (荷花) is its name."""
    return start > 0 and data.ends_with_any(text, start, data.marked("levels", "before_village")) is not None


def _unit_follows(text: str, end: int) -> bool:
    """A village or community of the gazetteer (three characters or more) starts at `end`."""
    g = lexicon.gazetteer().full
    return any(g.get(text[end:end + n], 0) >= 4 for n in range(3, min(8, len(text) - end) + 1))


def _place_follows(text: str, end: int, idx: dict[str, tuple[str, ...]]) -> bool:
    """A short form or a county-or-larger name of the gazetteer starts at `end`: places written in a
    row, an address ("浙江湖州", "新疆哈密市")."""
    if any(text.startswith(w, end) for w in idx.get(text[end:end + 2], ())):
        return True
    g = lexicon.gazetteer().full
    return any(g.get(text[end:end + n], 9) <= 2 for n in range(2, min(7, len(text) - end) + 1))


def _short(text: str) -> list[Cand]:
    idx, g = _short_index(), lexicon.gazetteer()
    out = []
    ends: set[int] = set()  # where a short form read so far ends
    unit = _after_short()
    for i in range(len(text) - 1):
        for w in idx.get(text[i:i + 2], ()):
            if not text.startswith(w, i):
                continue
            end = i + len(w)
            crossed = crosses(text[i:end + 3], 0, end - i) if i in ends else crosses(text, i, end)
            if crossed and end < len(text) and text[end] in unit and g.short.get(w) in g.full \
                    and (lexicon.dictionary().get(text[end - 1:end + 1]) or ("", ""))[1] == "ns" \
                    and not crosses(text, i, end + 1):
                crossed = False  # the level printed after it ends the word across its edge, a place name
                # itself ("峨山|县": 山县 is read out of the county's name; not "阳城|区": 城区)
            if crossed and not _place_follows(text, end, idx):
                continue  # "江湖" crosses "浙江", but not in an address: "浙江|湖州|吴兴法院"; a
                # word across the left edge of a short form right after another ("河北|平泉": 北平)
                # is read out of the two places
            # the level printed after a short form of a division is part of its name as printed ("海西州")
            if end < len(text) and text[end] in unit and g.short.get(w) in g.full and not crosses(text, i, end + 1):
                end += 1
            out.append(Cand(i, end, text[i:end], "short", full=g.short.get(w, w), rank=SHORT_RANK))
            ends.add(end)
            break
    return out + _listed_words(text, out)


ITEM_BOUNDS = "、，。；（）()"  # what bounds an item of a list (also entities._listed_sites)


@lru_cache(maxsize=1)
def _word_shorts() -> dict[str, str]:
    """Short forms of counties and districts that _short_index leaves out as common words (宣化,
    怀来): short form → full name."""
    g, idx = lexicon.gazetteer(), _short_index()
    return {w: f for w, f in g.short.items() if len(w) >= 2 and w not in idx.get(w[:2], ())
            and w not in g.world and not _zoneish(w) and g.full.get(f, 9) == 2}


def _listed_words(text: str, found: list[Cand]) -> list[Cand]:
    """A short form that is also a common word, as a whole item of a list ("、") beside an item read
    as a place ("怀安、怀来、涿鹿", "桥西、宣化、下花园"): in a list of places it names the place."""
    ws = _word_shorts()
    by_end = {c.end: c for c in found}
    by_start = {c.start: c for c in found}
    out: list[Cand] = []
    for m in re.finditer("、", text):
        for a, b in ((m.end(), None), (None, m.start())):  # the item after and before the separator
            if a is not None:
                b = next((j for j in range(a, min(len(text), a + 5)) if text[j] in ITEM_BOUNDS), None)
            else:
                a = next((j + 1 for j in range(b - 1, max(-1, b - 6), -1) if text[j] in ITEM_BOUNDS), None)
            if a is None or b is None or text[a:b] not in ws or a in by_start:
                continue
            if (a - 1 in by_end and text[a - 1] == "、" or b + 1 in by_start and text[b] == "、"):
                c = Cand(a, b, text[a:b], "short", full=ws[text[a:b]], rank=SHORT_RANK)
                out.append(c)
                by_start[a] = by_end[b] = c
    return out


@lru_cache(maxsize=1)
def _after_short() -> frozenset[str]:
    """Level characters that may follow a short form as part of its printed name (data/levels.tsv,
    after_short)."""
    return frozenset(data.marked("levels", "after_short"))


def _sites(text: str) -> list[Cand]:
    table, rx = _site_table()
    short = dict(data.mapping("place_short"))
    out = [c for c in suffix_cands(text, table, lambda s: table[s][0], SITE_RANK, rx, 14, joined=False,
                                     named=named_stem, verbs=_VERB_FREQ,
                                     verbal=frozenset(data.keys("visited_sites"))) if not _place_verb(c.name)]
    out = [c for c in out if not (data.ends_with_any(c.name, len(c.name), _site_sufs()) in _one_char_sufs() and any(
        d.start < c.end < d.end - 1 for d in out))]  # "城东区新华街|文化小镇": a one-character
    # suffix inside a longer site's name, not at its end, ends no name
    for c in out:
        for s, f in short.items():
            if c.name.endswith(s) and len(c.name) > len(s):
                c.full = c.name[:-len(s)] + f
    return out


_VERB_FREQ = 100  # a verb or adverb seen this often inside a site's stem ends a clause before the name


def named_stem(stem: str, spec: str) -> bool:
    """Words before a site's ending that name one place though the dictionary reads them as ordinary
    words or not at all: a mountain, river or lake by its natural feature ("三百山|风景区", "榆江|公路":
    two characters or more ending in a data/chars.tsv geo_feature, no dictionary word as a whole nor at
    its end), or, before an ending that wants a name (weak), a name opening with a word the dictionary
    has seen under ten times ("五营|国家|森林公园") that no frequent verb follows."""
    d = lexicon.dictionary()
    if len(stem) >= 2 and stem[-1] in _features() and not d.get(stem) and not lexicon.common_word(stem[-2:]) \
            and spec in ("weak", "strong"):
        return True
    if spec != "weak" or len(stem) < 3:
        return False
    e = next((d[stem[:n]] for n in (4, 3, 2) if stem[:n] in d and n < len(stem)), None)  # its longest word
    if not e or e[0] >= 10 or e[1] not in _NAMING:
        return False  # a noun, not a verb ("紧盯…项目") nor an abbreviation ("港航|产业项目")
    return not any((d.get(stem[i:j]) or (0, ""))[1] in ("v", "vn") and d[stem[i:j]][0] >= 1000
                   for i in range(2, len(stem)) for j in range(i + 2, min(len(stem), i + 4) + 1))


@lru_cache(maxsize=1)
def _features() -> frozenset[str]:
    """Characters that end the name of a natural feature (data/chars.tsv, geo_feature)."""
    return frozenset(data.marked("chars", "geo_feature"))


@lru_cache(maxsize=1)
def _one_char_sufs() -> frozenset[str]:
    return frozenset(s for s in _site_sufs() if len(s) == 1)


def site_stem(name: str) -> str:
    """The words of a site's name before its (longest) suffix; "" when it has none."""
    suf = data.ends_with_any(name, len(name), _site_sufs())
    return name[:len(name) - len(suf)] if suf else ""


def _place_verb(name: str) -> bool:
    """A site name that is a place and a common verb before the suffix ("在株洲投资项目": to invest
    in projects at Zhuzhou) names no site."""
    stem = site_stem(name)
    g, d = lexicon.gazetteer(), lexicon.dictionary()
    for k in (2, 3):
        e = d.get(stem[-k:])
        head = stem[:-k]
        if len(stem) > k and e and e[1] in ("v", "vn") and e[0] >= 1000 and (
                head in g.full or head in g.short or head in g.world):
            return True
    return False


def match(text: str) -> list[Cand]:
    return _admin(text) + _short(text) + _sites(text)


WIDEN_SURE = 0.8  # the model's least marginal of a place it reads wider than the rules' (.95 on the dev
# articles alike; on People's Daily 1998 dev .95 -> .8 two more places whole: 沙特|阿拉伯, 杭州|植物园)
WIDEN_REACH = 3  # characters it may add to the rules' place, both sides together (4 adds "西连煤都|大同")
WIDEN_CONTEXT = 8  # characters of context on each side of a rules' place that the model reads (as
# unknown.WINDOW; 6 or 4 read "白石|天河" short again, or "宜川路街道|社区" long)
WIDEN_SHUT_FREQ = 100  # a word seen this often that names nothing shuts the side it stands on


def widened(text: str, cands: list[Cand], marks, scored) -> list[tuple[Cand, int, int]]:
    """The rules' places that the trained model, sure (WIDEN_SURE), reads as part of a longer place
    of a few characters more (WIDEN_REACH): "白石|天河", "张圩港|河", "东|杏峪村", "百色|城" — a
    river, a village or a town whose name holds a gazetteer's name, or a stem the suffix rules
    stopped short of. (cand, start, end) of the longer name, when it overlaps no other name marked
    (`marks`: (start, end, label) of the field) and is all Chinese characters. `scored(window)`:
    the model's (start, end, label, confidence) in a window of the text. On the dev articles 021–110
    place .838 -> .845 (4 names whole, 3 pieces gone), 001–020 unchanged; People's Daily 1998 dev
    LOC .794 -> .798 (8 names whole, 1 wrong: "安康|铁路")."""
    places = sorted((c for c in cands if c.kind != "org"), key=lambda c: c.start)
    taken = bytearray(len(text) + 1)
    for x, y, _ in marks:
        taken[x:y] = b"\x01" * (y - x)
    windows: list[tuple[int, int]] = []
    for c in places:
        if not (_open_side(text, taken, c.start, True) or _open_side(text, taken, c.end, False)):
            continue  # nothing it could grow into on either side: the model is not asked
        a, b = max(0, c.start - WIDEN_CONTEXT), min(len(text), c.end + WIDEN_CONTEXT)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        else:
            windows.append((a, b))
    out: list[tuple[Cand, int, int]] = []
    for a, b in windows:
        for s, e, lab, conf in scored(text[a:b]):
            s, e = a + s, a + e
            if lab != "LOC" or conf < WIDEN_SURE or not all(is_cjk(ch) for ch in text[s:e]):
                continue
            over = [x for x in marks if x[0] < e and s < x[1]]
            if len(over) != 1 or over[0][2] != "LOC":
                continue
            x, y = over[0][:2]
            if not (s <= x and y <= e and (s, e) != (x, y) and (x - s) + (e - y) <= WIDEN_REACH):
                continue
            c = next((c for c in places if (c.start, c.end) == (x, y)), None)
            if c is not None and all(d is not c for d, _, _ in out):
                out.append((c, s, e))
    return out


def _open_side(text: str, taken: bytearray, at: int, left: bool) -> bool:
    """A name may grow across `at` on one side (`left`: the characters before it): a Chinese character
    stands there, in no name marked, and the longest word of the dictionary (up to four characters)
    that ends (`left`) or starts at `at` is a naming word or seen under WIDEN_SHUT_FREQ times — not a
    verb nor a function word ("在|株洲|调研"). On the 110 dev articles the model reads 3,459
    characters for widened() instead of 10,839, and no place it widens changes, there or on People's
    Daily 1998 dev."""
    i = at - 1 if left else at
    if not (0 <= i < len(text)) or not is_cjk(text[i]) or taken[i]:
        return False
    d = lexicon.dictionary()
    ws = (text[at - n:at] if left else text[at:at + n] for n in (4, 3, 2, 1)
          if (n <= at if left else at + n <= len(text)))
    w = next((w for w in ws if w in d), None)
    return w is None or d[w][1] in _NAMING or d[w][0] < WIDEN_SHUT_FREQ
