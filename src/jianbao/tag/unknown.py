"""Where the rules and tables cannot decide: words the dictionary does not know, or knows only as
some proper name, that no rule read as a person, place or organisation. Only such a word, with
WINDOW characters around it, goes through the trained model (ner.py), so its cost stays small; a
name the model finds there is kept when it holds such a word, the model is sure of it
(THRESHOLD: the lowest marginal probability of its tags), it overlaps nothing the rules found, and
the rules have no say on it (`decided`). The thresholds were set on sentences written for the
tests; on the dev articles the additions change no figure of bench/tag.py part (a).

One more kind of evidence outweighs the rules' say: a list written with 、 of which the rules read
one item whole is a list of one kind, so its other short items go to the model too, and an item
the model reads whole as a person is one, whatever its given name means as a word (王敏、陈楚:
敏 and 楚 are ordinary words). And a person the model is sure of (SURE) need not pass `decided`
either, only `plausible_person`, the shape of a name; a surname the segmenter split off and the
dictionary tags as a name (宋|光宝) makes a word undecided too. Measured on the dev articles 021–110
(with the MSRA-trained model): person F1 0.951 → 0.956 (lists) → 0.975 (sure persons); 001–020, the
seed and the examples unchanged; cut + tag speed unchanged within noise (39 against 40 pages/s of
CPU on 100 synthetic pages).

The rules' own persons are weighed too (person_edges, doubted_persons; tag.ModelPersons), and
words only a person's name makes undecided (_person_words: 彭真, 库克, 亨特, 许立群) are read in
windows of their own, for a person only. On all 2,318 sentences of People's Daily 1998 dev (never
trained on) the article tagger's PER went 0.800 → 0.892 (sentences 500 onward 0.795 → 0.892), LOC
and ORG not lower; dev articles 021–110 person 0.989 → 0.993, 001–020 unchanged.
"""
from __future__ import annotations

import bisect
import re

from . import data, lexicon, names, ner, orgs, places, titles
from .spans import crosses_right, levels as level_chars
from .text import is_cjk, sentences

THRESHOLD = {"PER": 0.6, "LOC": 0.7, "ORG": 0.8}
SURE = 0.8  # a person the model is this sure of need not pass the rules' `decided`
GIVEN_SURE = 0.95  # nor, this sure, the test of a two-character name's given name
SURE_PLACE = 0.95  # nor a place (dev 021–110 place 0.705 → 0.707; nothing else moves)
WINDOW = 8  # characters of context on each side of an undecided word that the model reads
# (12 before. On 300 synthetic pages 281 → 219 characters a page through the model; on 335 pages,
# 6 names of some 7,000 differ, 4 gained and 2 lost; the dev figures do not move)
_RARE = 200  # a proper word of the dictionary seen more often than this is read by the rules
_RARE_GIVEN = 20  # a given name that is also a word of the dictionary seen fewer times stays possible
_PROPER = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
# jieba's parts of speech (first letter) of a character that, after a surname, is the next word, not
# a given name (王作了讲话: 作 v): verbs, prepositions, conjunctions, particles, adverbs, pronouns,
# numerals, measure words, localisers, modal particles, interjections
_NOT_GIVEN = frozenset("vpcudrmqfye")


def _walk(text: str, a: int, b: int, taken: bytearray, word_ok, split_ok,
          words: list[str] | None = None) -> list[tuple[int, int]]:
    """Spans of text[a:b] as the segmenter cuts it, touching nothing the rules found: a word of two
    or more Chinese characters `word_ok` keeps, or a one-character word `split_ok` keeps (a surname
    the segmenter split off) with the word of one or two Chinese characters after it. `words`: the
    segmenter's cut of text[a:b] when the caller has it already."""
    d = lexicon.dictionary()
    out, i = [], a
    words = ner._segment(text[a:b]) if words is None else words
    for n, w in enumerate(words):
        j = i + len(w)
        if len(w) >= 2 and all(is_cjk(c) for c in w) and not any(taken[i:j]):
            if word_ok(w, d.get(w)):
                out.append((i, j))
        elif len(w) == 1 and split_ok(w, d.get(w)) and n + 1 < len(words) and 1 <= len(words[n + 1]) <= 2 \
                and all(is_cjk(c) for c in words[n + 1]) and not any(taken[i:j + len(words[n + 1])]):
            out.append((i, j + len(words[n + 1])))
        i = j
    return out


def _undecided(text: str, a: int, b: int, taken: bytearray, words: list[str] | None = None) -> list[tuple[int, int]]:
    """Words of text[a:b] that the dictionary lacks or marks as a proper name, of two or more
    Chinese characters, touching nothing the rules found; and a surname the segmenter split off
    (宋|光宝, 周|正文), one the dictionary tags as a name (not 高 of 高|治国, an adjective first)."""
    def word_ok(w, e):
        return (e is None or e[1] in _PROPER and e[0] < _RARE) and not (
            decided(w, "PER") and decided(w, "LOC") and decided(w, "ORG"))
    return _walk(text, a, b, taken, word_ok, lambda w, e: (e or ("", ""))[1] == "nr", words)


_PERSON = frozenset({"nr", "nrt", "nrfg"})


def _sounded(w: str) -> bool:
    """Every character of `w` writes foreign names by sound (data/translit_chars.tsv: 亨特, 穆勒)."""
    trans = data.keys("translit_chars")
    return all(c in trans for c in w)


def _person_words(text: str, a: int, b: int, taken: bytearray, words: list[str] | None = None) -> list[tuple[int, int]]:
    """Words of text[a:b] that only a person's name can make undecided: a word the dictionary
    knows as a person's name however often seen (彭真, 库克); or one it lacks, knows as some other
    proper name, or seldom saw, that is written wholly by sound (亨特) or opens with a surname
    (张之路, 金正日, 许立群; not one whose rest is a function word or a verb: 向|他们); and a surname
    the segmenter split off (田|晚霞, 郑|全军): the model reads its context, for a person only (a
    place or an organisation there stays the rules' say), touching nothing the rules found."""
    d = lexicon.dictionary()

    def word_ok(w, e):
        sur = names.surname_at(w, 0)
        given = d.get(w[sur:]) if sur else None
        return e is not None and e[1] in _PERSON or (e is None or e[1] in _PROPER or e[0] < _RARE_GIVEN) and (
            _sounded(w) or len(w) <= 4 and sur and (e is not None and e[1] in _PROPER
                                                    or not (given and given[1][:1] in _NOT_GIVEN)))
    return _walk(text, a, b, taken, word_ok, lambda w, e: names.surname_at(w, 0), words)


def _surname(c: str) -> bool:
    return c in data.keys("surnames") or c in data.keys("rare_surnames")


def _no_word_across(text: str, s: int, e: int) -> bool:
    """No ordinary word of the dictionary runs across an edge of text[s:e] (学史|崇德, 马克思|主义)."""
    d = lexicon.dictionary()
    for a in range(max(0, s - 5), e):
        for b in range(max(a + 2, s + 1), min(len(text), a + 6) + 1):
            if (a < s < b or a < e < b) and a < e:
                x = d.get(text[a:b])
                if x and x[0] >= 20 and x[1] not in _PROPER:
                    return False
    return True


def plausible_person(text: str, s: int, e: int, conf: float = 0.0) -> bool:
    """A person's name the model reads need not pass the rules' tests (its given name may be an
    ordinary word: 胡伟, 陈建平), but it must have a name's shape: a name's length, no ordinary word of the dictionary
    runs across its edges (学史|崇德, 马克思|主义), two characters open with a surname, and no form of
    address follows the surname (丁老伯, data/surname_addresses.tsv). The test of a two-character
    name's given name gives way when the model's least marginal `conf` reaches GIVEN_SURE (卢亮,
    王怡: 亮 and 怡 are words too), unless a particle follows, which follows verbs (王作|了)."""
    w = text[s:e]
    if len(w) > (15 if any(c in w for c in names.JOINS) else 10 if _sounded(w) else 6):
        return False  # longer than any name (巴图吉日格勒: six; a dotted foreign name more, and
        # one written wholly by sound: 亚斯特任布斯基)
    if not _no_word_across(text, s, e):
        return False
    d = lexicon.dictionary()
    after = (d.get(text[e:e + 1]) or ("", "x"))[1][:1] if e < len(text) else "x"
    if len(w) == 2 and not _sounded(w) and (not _surname(w[0]) or (d.get(w) or ("", ""))[1] not in _PERSON and (
            conf < GIVEN_SURE or after == "u") and (d.get(w[1]) or ("", "x"))[1][:1] in _NOT_GIVEN):
        return False  # two characters: a surname, and a given name that is no verb or function word;
        # or a foreign name written by sound (亨特, 库克); a name the dictionary knows (彭真) need not
        # pass the given name's test, but it opens with a surname all the same (its tags are loose: 紫薇)
    sur = names.surname_at(w, 0) or 1
    if data.starts_with_any(w, sur, data.by_length("surname_addresses")) is not None:
        return False
    return not _opens_body(text, e)


def _opens_body(text: str, e: int) -> bool:
    """The name ending at `e` opens an organisation's name: nouns and then an organisation's ending
    follow it at once (梁伟平|戏剧工作室), as a studio or a workshop is named after its master."""
    sufs = data.by_length("org_suffixes")
    d = lexicon.dictionary()
    for end in range(e + 2, min(len(text), e + 8) + 1):
        suf = data.ends_with_any(text, end, sufs)
        if suf and len(suf) >= 2 and end - len(suf) >= e:
            between = ner._segment(text[e:end - len(suf)]) if end - len(suf) > e else []
            if all((d.get(x) or ("", ""))[1][:1] == "n" for x in between):
                return True
        if not is_cjk(text[end - 1]):
            return False
    return False


_LIST = re.compile(r"(?:[\u4e00-\u9fff·]{2,6}、)+[\u4e00-\u9fff·]{2,6}")


def _list_items(text: str, a: int, b: int, taken: bytearray) -> list[tuple[int, int]]:
    """Items of a list written with 、 ("王敏、毛孝泉、卓霏") that the rules left, when the rules read
    at least one other item of it whole: a list is of one kind, so its other items are undecided."""
    out = []
    for m in _LIST.finditer(text, a, b):
        items, k = [], m.start()
        for part in m.group().split("、"):
            items.append((k, k + len(part)))
            k += len(part) + 1
        whole = [x for x in items if all(taken[x[0]:x[1]]) and (x[0] == 0 or not taken[x[0] - 1] or text[x[0] - 1] == "、")]
        if whole:
            out += [x for x in items if not any(taken[x[0]:x[1]]) and x[1] - x[0] <= 4]
    return out


def find(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, label) the model adds in one field; `taken` are the spans the rules found
    (persons, titles, places, organisations)."""
    if not text:
        return []
    m = ner.model("ent")
    used = bytearray(len(text) + 1)
    for a, b in taken:
        used[a:b] = b"\x01" * (b - a)
    out = []
    lists = {(a, b): _list_items(text, a, b, used) for a, b in sentences(text)}
    listed = {x for items in lists.values() for x in items}
    memo: dict[str, list] = {}  # a stretch repeated word for word is read once
    cut = {(a, b): ner._segment(text[a:b]) for a, b in lists}  # segmented once, read twice
    undecided = {(a, b): _undecided(text, a, b, used, cut[a, b]) for a, b in lists}
    persons = {x for (a, b), ws in undecided.items()
               for x in set(_person_words(text, a, b, used, cut[a, b])) - set(ws)}
    alone = {k: [] for k in lists}  # a person's word is read in its own window, for a person only,
    # so the model's reading of the other words keeps its context
    for (a, b, words), only_person in [(w, False) for w in _windows(lists, used, undecided, set())] + \
            [(w, True) for w in _windows(alone, used, alone, persons)]:
        word_of = {i: (x, y) for x, y in words for i in range(x, y)}  # position → its undecided word
        sent = text[a:b]
        if sent not in memo:
            memo[sent] = m.scored(sent)  # the model reads the tables, not the rules' spans
        for s, e, lab, conf in memo[sent]:
            s, e = a + s, a + e
            if conf < THRESHOLD.get(lab, 2.0) or any(used[s:e]) or e - s < 2:
                continue
            if lab == "PER" and (s, e) in listed:
                out.append((s, e, lab))  # an item of a list of persons, read whole by the model
                continue
            if only_person and (lab != "PER" or any(x < e and s < y for x, y, _ in out)):
                continue
            if not any(i in word_of for i in range(s, e)):
                continue  # the model's span must hold a word the rules could not decide
            x, y = word_of.get(s, (s, s))
            if x <= s and e <= y and e - s < y - x and text[x:y] in lexicon.dictionary():
                continue  # nor cut a word of the dictionary ("玉汝于成", which it marks as a name)
            if not all(is_cjk(c) or c in "·•" for c in text[s:e]):
                continue
            if lab == "PER" and e - s == 3 and text[s] == text[s + 2]:
                continue  # a slogan's parallel halves ("亲商安商" read as 商安商): names are not A?A
            if lab == "LOC" and conf >= SURE_PLACE and _no_word_across(text, s, e):
                out.append((s, e, lab))  # a place the model is very sure of, no word across its edges
                continue
            if lab == "PER" and conf >= SURE and plausible_person(text, s, e, conf):
                out.append((s, e, lab))  # the model is sure, and the name has a name's shape
                continue
            if decided(text[s:e], lab) or lab == "PER" and _opens_body(text, e):
                continue
            out.append((s, e, lab))
    return out


def _windows(lists: dict[tuple[int, int], list[tuple[int, int]]], used: bytearray,
             undecided: dict[tuple[int, int], list[tuple[int, int]]],
             persons: set[tuple[int, int]]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Stretches of the text that the model reads, with the undecided words in them: each undecided
    word (`undecided`: sentence → its words), each person's word (`persons`) and each item of a
    list (`lists`: sentence → its items) with WINDOW characters around it, inside its sentence;
    overlapping stretches merged."""
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    for (a, b), items in lists.items():
        mine = {x for x in persons if a <= x[0] < b}
        if all(used[a:b]) or not (items or undecided[(a, b)] or mine):
            continue
        for s, e in sorted(set(undecided[(a, b)]) | set(items) | mine):
            lo, hi = max(a, s - WINDOW), min(b, e + WINDOW)
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi), out[-1][2] + [(s, e)])
            else:
                out.append((lo, hi, [(s, e)]))
    return out


def decided(w: str, lab: str) -> bool:
    """True when the rules and tables have a say on `w` already: an ordinary word, a name of the
    gazetteer, a name ending in a suffix the rules read, a body every place has; or, for a person,
    no surname (nor a foreign name written by sound)."""
    if lexicon.common_word(w, 5) or w[0] in data.marked("chars", "deictic"):
        return True
    g = lexicon.gazetteer()
    if w in g.full or w in g.short or w in g.world:
        return True
    sufs = data.by_length("place_suffixes") + data.by_length("org_suffixes")
    if data.ends_with_any(w, len(w), sufs) and lab != "PER" or data.ends_with_any(w, len(w), data.by_length("title_heads")):
        return True
    if lab == "PER":
        foreign = "·" in w or "•" in w or len(w) >= 3 and all(c in data.keys("translit_chars") for c in w)
        given = lexicon.dictionary().get(w[names.surname_at(w, 0):])
        if not foreign and (len(w) > 4 or not names.valid(w) or given and (
                given[1] not in ("nr", "nrfg", "nrt") and given[0] >= _RARE_GIVEN or given[0] >= 500)):
            return True  # "邓师傅", "秦巴山": a surname before an ordinary word or a place (not
            # one the dictionary has seen only a few times: 袁德福, whose 德福 is a rare place name)
        head = next((lexicon.dictionary().get(w[:k]) for k in (2, 3) if lexicon.dictionary().get(w[:k])), None)
        if head and head[1] == "t":
            return True  # a time word at its head: "国庆焕新季", "中秋佳节" are slogans, not 国庆焕
        return data.ends_with_any(w, len(w), sufs) is not None
    if lab == "ORG":
        return orgs.generic(w) or data.ends_with_any(w, len(w), data.by_length("generic_orgs")) is not None
    return False


TITLED = 0.7  # the model's least marginal for a name right after a title that opens with no surname


def after_titles(text: str, starts: dict[int, int]) -> list[tuple[int, int, int]]:
    """Names right after an official's title that the rules could not read because no surname
    opens them ("自治区人民政府主席嘎玛泽登", "旗长斯琴图雅"), or read as three characters where no
    word closes them ("旗委书记乌力吉|巴雅尔"): (head start, name start, name end) where the
    trained model reads a longer person of two to six characters starting there. `starts`: the
    rules' names, start → end. The model reads only a window around each such title."""
    m = ner.model("ent")
    out: list[tuple[int, int, int]] = []
    for hm in titles.head_re().finditer(text):
        e0 = hm.end()
        ruled = starts.get(e0)
        if ruled is not None and (names._closes(text, ruled) or ruled - e0 != 3) or e0 >= len(text) \
                or not is_cjk(text[e0]) or ruled is None and names.surname_at(text, e0) \
                or titles.head_class(hm.group()) != "official" or titles.head_re().match(text, e0):
            continue
        a = max(0, hm.start() - WINDOW)
        win = text[a:min(len(text), e0 + 10)]
        for s, e, lab, conf in m.scored(win):
            w = win[s:e]
            if lab == "PER" and a + s == e0 and conf >= TITLED and 2 <= len(w) <= 6 and all(map(is_cjk, w)) \
                    and not lexicon.common_word(w, 5) and not titles.head_re().search(w):
                end = a + e
                if ruled is not None and end <= ruled:
                    continue
                if end + 1 < len(text) and len(w) < 6 and is_cjk(text[end]) and not names._closes(text, end) \
                        and names._closes(text, end + 1):
                    end += 1  # the model stops one short before the word that closes the name ("达娃次|仁主持")
                out.append((hm.start(), e0, end))
    return out


EDGE = 0.5  # the model's organisation must be at least this sure to move a rule's left edge


def org_starts(text: str, cands: list) -> list[tuple[object, int]]:
    """Where the organisations the rules found (candidates of kind "org") start, by the model's
    reading: the rules find a name by its suffix and walk left to the clause's start, so they take
    in words before it ("会议审议提出|省十二届人大", "宾馆迎接|大庆市党政考察团"); when the model reads
    an organisation that ends where the rule's does and starts later, the name starts there.
    Not where the words before belong to the name (`owned`).
    (candidate, new start) for each one moved; the model only ever shortens a name."""
    m = ner.model("ent")
    out = []
    memo: dict[tuple[int, int], list] = {}
    spans = sentences(text)
    starts = [a for a, _ in spans]
    place_ends = {c.end for c in cands if c.kind != "org"}
    levels = set(level_chars())
    joins = set(data.marked("conjunctions", "titles"))
    sufs = data.by_length("org_suffixes")

    def owned(c, s: int) -> bool:
        """The words before `s` belong to the name: a level, a place or a body whose body it is
        ("旗|人大常委会", "市委办|…"), or a conjunction inside one ("县规划和|自然资源局") unless a
        place or an organisation ends right before it ("承德与|中冶集团") or a place or a level
        opens what follows it ("…报告和|自治区人大常委会")."""
        if text[s - 1] in levels or s in place_ends or data.ends_with_any(text, s, sufs):
            return True
        if text[s - 1] in joins:
            return not (_place_at(text[c.start:s - 1], s - 1 - c.start, end=True)
                        or _place_at(text[s:c.end], 0) or text[s] in levels
                        or any(o.end == s - 1 for o in cands if o.kind == "org"))
        return False

    d = lexicon.dictionary()
    for c in cands:
        if c.kind != "org" or c.end - c.start < 5 or text[c.start] in levels:
            continue  # a body named by its level owns what follows ("市委办机关党委", "省派…服务队")
        words = ner._segment(text[c.start:c.end])
        if (d.get(words[0]) or ("", ""))[1] in orgs.PROPER_START and not (len(words) > 1 and words[1] in joins):
            continue  # a name that opens with a place or a proper name ("承德市公安局") starts there,
            # unless a conjunction follows it ("承德与|中冶集团")
        k = bisect.bisect_right(starts, c.start) - 1
        if k < 0 or c.start >= spans[k][1]:
            continue
        sent = spans[k]
        win = (max(sent[0], c.start - WINDOW), min(sent[1], c.end + WINDOW))  # the name in its context
        if win not in memo:
            memo[win] = m.scored(text[win[0]:win[1]])
        for s, e, lab, conf in memo[win]:
            s, e = s + win[0], e + win[0]
            if lab == "ORG" and e == c.end and c.start < s and conf >= EDGE and not owned(c, s):
                out.append((c, s))
                break
    return out


NO_PLACE = 0.02  # a short form the model gives less than this chance of being (in) a place is none
SHORT_BEFORE = 4  # characters before a short form the model reads with it (WINDOW after): the phrase it
# ends shows in the few before ("健康|长寿"), the name it opens needs the words after ("河北|日报客户端").
# (8 before. Dev figures unchanged; 150 rmrb pages: 73,050 → 59,940 characters through the model, its CPU
# 3.30 → 2.72 s; 13 short forms decided otherwise, 7 better, 5 worse, 1 either way)


def denied_short_forms(text: str, cands: list) -> list:
    """The short forms of places (candidates of kind "short": 长寿, 大关, 河北) the model, reading
    them with SHORT_BEFORE characters before and WINDOW after, does not read as (part of) a place:
    a word of a phrase ("健康|长寿", "万元|大关", "绿水|青山") or the first word of an organisation's
    name ("河北日报", "华为四川大数据中心"). The gazetteer's short forms are common words too; the
    model, trained on 42,514 sentences, weighs the context the rules cannot. Not an item of a list
    whose other item the rules read as a place ("尚义、蔚县"): a list is of one kind; nor a link of an
    address, a place written right against another ("美国洛杉矶", "新疆哈密市"): places in a row name
    places."""
    m = ner.model("ent")
    kept = {(c.start, c.end) for c in cands if c.kind != "org"}
    asked = [c for c in cands if c.kind == "short" and not _listed_with_place(text, c, kept)]
    groups: list[tuple[int, int, list]] = []  # windows that overlap are read once, as one
    for c in sorted(asked, key=lambda c: c.start):
        a, b = max(0, c.start - SHORT_BEFORE), min(len(text), c.end + WINDOW)
        if groups and a < groups[-1][1] and b - groups[-1][0] <= ner.MAX_LEN:
            groups[-1] = (groups[-1][0], b, groups[-1][2] + [c])
        else:
            groups.append((a, b, [c]))
    out = []
    for a, b, cs in groups:
        sure = m.inside_all(text[a:b], [(c.start - a, c.end - a) for c in cs], "LOC")
        out += [c for c, p in zip(cs, sure) if p < NO_PLACE]
    return out


def _listed_with_place(text: str, c, places: set[tuple[int, int]]) -> bool:
    """A place candidate stands right before or after c, against it ("美国|洛杉矶") or across a
    list's separator ("尚义、蔚县")."""
    sep = 1 if text[c.end:c.end + 1] == "、" else 0
    after = any(s == c.end + sep for s, _ in places)
    sep = 1 if text[c.start - 1:c.start] == "、" else 0
    return after or any(e == c.start - sep for _, e in places)


def _place_at(text: str, at: int, end: bool = False) -> bool:
    """A place name of the gazetteer starts (`end`: ends) at `at` in `text`."""
    return any((c.end if end else c.start) == at for c in places.match(text))


EDGE_PER = 0.7  # the model's least marginal for its edges of a person to replace the rules'
EDGE_LONG = 0.9  # and to make a name longer than three characters with characters that do not write
# by sound ("赵桂兰|拉家常": 0.74)


def _edges_closed(text: str, men) -> bool:
    """Both edges of the rules' name `men` stand on strong evidence, so the model is not asked:
    before it the field's start, punctuation or its title; after it punctuation, the field's end,
    or a word of two or more characters that follows names (data/name_followers.tsv: "参加",
    "指出"). A single character that closes names ("之", "在") is weaker: it may be part of the
    name ("龚育之"), unless punctuation follows it ("甲说，") or it closes a name of three characters
    and opens no word ("邱杰新|与…"). A name of more than three characters is always asked
    ("克林顿派|代表")."""
    s, e = men.start, men.end
    if e - s > 3:
        return False  # longer than a Chinese name: a foreign or a minority name, its ends a guess
    left = s == 0 or not is_cjk(text[s - 1]) or any(b == s for _, b in men.title_spans)
    right = e >= len(text) or not is_cjk(text[e]) or data.starts_with_any(text, e, names.follow_words()) is not None \
        or text[e] in names.stop_chars() and (e + 1 >= len(text) or not is_cjk(text[e + 1])  # "甲说，"
                                               or e - s >= 3 and not lexicon.common_word(text[e:e + 2]))
    return left and right


def _glued(text: str, s: int, e: int, cut: int) -> bool:
    """The rules' name text[s:e] glued on what the model leaves out after `cut`: a word of the
    dictionary runs across its end (薛原报|道: 报道), or one character is left that the dictionary
    reads as a verb or a function word (克林顿派|代表: 派)."""
    if crosses_right(text, s, e):
        return True
    tail = lexicon.dictionary().get(text[cut:e])
    return e - cut == 1 and bool(tail) and tail[1][:1] in _NOT_GIVEN


def person_edges(text: str, found: list) -> list[tuple[object, int, int]]:
    """Where the persons the rules read (`found`, persons.Mention) start and end, by the model's
    reading when the two disagree: the rules take a fixed length after a surname or a title, so
    they cut names short (龚育|之, 谷口清|太郎) or glue the next word on (薛原报|道, 克林顿派|代表,
    荷兰人|维姆·…). The model, reading the name in its sentence, wins when it is sure of its edges
    (EDGE_PER), its name overlaps the rule's and no other name nor title, and has a name's shape
    (`plausible_person`: no word of the dictionary across its edges); a name it ends earlier must
    have glued a word on (`_glued`), and one it makes longer than three characters needs more
    sureness (EDGE_LONG) unless written by sound or dotted. A known leader's name
    (famous) stays, and so does a name whose both edges are closed (`_edges_closed`). Windows of
    WINDOW characters around the names asked about are merged and read once. (mention, start,
    end) for each one moved."""
    m = ner.model("ent")
    asked = [x for x in found if x.kind != "famous" and not _edges_closed(text, x)]
    if not asked:
        return []
    out = []
    for lo, hi, mens in _mention_windows(asked, sentences(text)):
        read = [(s + lo, e + lo, conf) for s, e, lab, conf in m.scored(text[lo:hi])
                if lab == "PER" and conf >= EDGE_PER and e - s >= 2]
        for men in mens:
            for s, e, conf in read:
                if (s, e) == (men.start, men.end) or e <= men.start or men.end <= s:
                    continue
                if any(o is not men and o.start < e and s < o.end for o in found) \
                        or any(a < e and s < b for a, b in men.title_spans):
                    continue  # the model's name runs into another of the rules' names, or a title
                if not all(is_cjk(c) or c in names.JOINS for c in text[s:e]) or not plausible_person(text, s, e):
                    continue
                if e > men.end and e - s > 3 and conf < EDGE_LONG and not _sounded(text[s:e]) \
                        and not any(c in names.JOINS for c in text[s:e]):
                    continue  # a Chinese name made longer than three characters: the model must be surer
                if e < men.end and not _glued(text, men.start, men.end, e):
                    continue
                out.append((men, s, e))
                break
    return out


def _mention_windows(mens: list, bounds: list[tuple[int, int]]) -> list[list]:
    """[lo, hi, mentions]: each mention with WINDOW characters either side, inside the stretch of
    `bounds` (sentences, or the whole text) it starts in; overlapping windows in one stretch are
    merged and read once, up to the model's longest input (ner.MAX_LEN)."""
    starts = [a for a, _ in bounds]
    groups: list[list] = []
    for men in sorted(mens, key=lambda x: x.start):
        k = bisect.bisect_right(starts, men.start) - 1
        if k < 0 or men.start >= bounds[k][1]:
            continue
        lo, hi = max(bounds[k][0], men.start - WINDOW), min(bounds[k][1], men.end + WINDOW)
        if groups and lo < groups[-1][1] and groups[-1][0] >= bounds[k][0] and hi - groups[-1][0] <= ner.MAX_LEN:
            groups[-1][1] = max(groups[-1][1], hi)
            groups[-1][2].append(men)
        else:
            groups.append([lo, hi, [men]])
    return groups


DOUBT = 0.1  # a person of the rules that the model gives less than this chance of lying inside a name
# is no person (on the first 2,318 sentences of People's Daily 1998 dev: 49 of the rules' persons
# so read, none of them right: 商量过 of 主任商量过, 梁换柱 of 偷梁换柱, 科索沃, 白宫)


def doubted_persons(text: str, found: list) -> list:
    """The persons the rules read (`found`, persons.Mention) that the model, reading each with
    WINDOW characters around it, does not read as (inside) a person's name (DOUBT): words of a
    phrase or an idiom the rules' fixed lengths read as a surname and a given name ("主任|商量过",
    "偷|梁换柱"), and places written by sound (科索沃). The rules' evidence outweighs the model's
    doubt where it is strong: a known leader's name (famous); a name before a word of speech at a
    clause's start (speech: "胡老说", where the gold of People's Daily reads 胡); an item of a list after a title
    (list), or a name listed with 、 right beside another the rules read or in a list that 等
    closes ("胡伟、严速进、方琦等"): a list is of one kind; a name whose given name a court withholds ("羊某好", data/patterns.tsv,
    anonymised); and a name right after a title (title) unless an ordinary word of the dictionary
    lies inside it ("主任|商量过", "群众|安全成"): "董事长黄山" is a person, whatever 黄山 is too.
    Only a name that reads as a word or as words is asked about: a word of the dictionary (科索沃),
    or one holding an ordinary word or with one across its edges (偷|梁换柱, 谢谢|合作), or a dotted
    foreign name."""
    m = ner.model("ent")
    asked = []
    for men in found:
        if men.kind in ("famous", "list", "speech") or names.anonymised(men.name) \
                or men.kind == "title" and not _holds_word(men.name) or _listed_beside(text, men, found):
            continue
        if men.name in lexicon.dictionary() or _holds_word(men.name) or any(c in names.JOINS for c in men.name) \
                or not _no_word_across(text, men.start, men.end):
            asked.append(men)  # only a name that reads as a word or as words is in doubt, or a
            # foreign name whose parts the rules joined by its dots ("乔治·梅森|大学")
    out = []
    for lo, hi, mens in _mention_windows(asked, [(0, len(text))]):
        sure = m.inside_all(text[lo:hi], [(x.start - lo, x.end - lo) for x in mens], "PER")
        out += [x for x, p in zip(mens, sure) if p < DOUBT]
    return out


def _holds_word(w: str) -> bool:
    """An ordinary word of the dictionary of two or more characters lies inside `w` (商量 of 商量过)."""
    return any(lexicon.common_word(w[a:b]) for a in range(len(w) - 1) for b in range(a + 2, len(w) + 1))


def _listed_beside(text: str, men, found: list) -> bool:
    """Another of the rules' names stands right before or after `men`, across a 、; or `men` is an
    item of a list written with 、 that a closing word ends (data/conjunctions.tsv, closes:
    "甲、乙、丙等困难群众"), items of a name's length."""
    if any(o is not men and (o.end == men.start - 1 and text[o.end] == "、"
                             or o.start == men.end + 1 and text[men.end] == "、") for o in found):
        return True
    closers = data.marked("conjunctions", "closes")
    k = men.end
    while k < len(text) and text[k] == "、":
        j = k + 1
        while j < len(text) and j - k <= 5 and is_cjk(text[j]) and data.starts_with_any(text, j, closers) is None:
            j += 1
        if not 3 <= j - k <= 5:
            return False  # an item of two to four characters
        k = j
    return k > men.end and data.starts_with_any(text, k, closers) is not None
