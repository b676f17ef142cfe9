"""A trained character-level sequence tagger (linear-chain CRF, python-crfsuite) for the cases the
rules and tables cannot decide: names without a title or surname cue, organisations without a
suffix, places missing from the gazetteer.

Each character is described by `features`: the characters and character pairs around it, the word
jieba's segmenter puts it in (position in the word, the dictionary's part of speech, the tags of the
words two before and after), every proper name of jieba's dictionary that covers it (person, foreign
person, place, organisation), how the character itself stands in those names (`_char_dist`), runs of
characters written by sound, how far ahead an organisation or place suffix closes the clause,
membership in the project's lists (surnames, title heads, place and organisation suffixes, the
gazetteer), one-character short forms of countries and provinces where news pairs them (中美,
访华: `_abbrevs`), a bare surname standing for a person (汤局长, 老于: `_bare_surnames`), and the
words, tags and name probabilities of a pretrained neural tagger (lac.py), which knows names no list
holds; the title model also reads the PER/LOC/ORG model's own reading (`ent_reading`: a title
follows the organisation it serves and stands before the person's name). The rule tagger's own
decision (sentence.rule_spans) can be a feature too (USE_RULES); it is
off, since the models trained on MSRA score the same without it. The weights were fitted by scripts/train_ner.py
on the corpora named in data/README.md; the model files ship in data/ and load lazily, on first
use. Nothing is downloaded; without python-crfsuite or the files, tagging stops with a one-line
ModelError that names the file and how to rebuild it.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from .. import startcache
from ..errors import ModelError

from . import data, lac, lexicon

DATA = Path(__file__).with_name("data")
MODELS = {"ent": "ner_ent.crfsuite", "title": "ner_title.crfsuite"}
FEATURES_VERSION = 10
USE_RULES = False  # the rule tagger's spans are not features: measured equal without them (see data/README.md)
# the models that read the pretrained neural tagger's words and tags (lac.py) as features: by 5-fold
# on People's Daily PER 0.821 → 0.871, LOC 0.864 → 0.872, ORG 0.729 → 0.749; the title model not
# (CLUENER position 0.772 → 0.763 on the held-back tenth; its name probabilities, lac.read, in a first
# form without the "at least" steps, lowered it too: 0.745 → 0.730 on CLUENER lines i % 10 == 5, a tenth
# of the title model's training part)
LAC_KINDS = frozenset({"ent"})
# the models that read the marks of country short forms and bare surnames (`_abbrevs`,
# `_bare_surnames`): by 5-fold on People's Daily LOC 0.878 → 0.882, PER 0.897 → 0.900; not the title
# model (CLUENER lines i % 10 == 5: 0.745 without them, 0.732 with them)
CUE_KINDS = frozenset({"ent"})
# the models that read the PER/LOC/ORG model's reading (`ent_reading`) as features, a stacked model:
# that model was trained on MSRA alone, so it never saw the title model's training text and reads it
# as it reads any text. Title model on CLUENER lines i % 10 == 5 (trained without them): 0.721 →
# 0.727 with the tag at the character and its neighbours, 0.730 with the marginal probabilities of
# PER, LOC and ORG at the character in four steps too (used), 0.727 with the pair of the neighbours'
# tags as well
STACK_KINDS = frozenset({"title"})
MAX_LEN = 400  # sentences are cut into pieces of at most this many characters before tagging


# ---------------------------------------------------------------- lists the features read
@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Place name → class: 'p0'…'p4' (gazetteer level), 's' (short form), 'w' (world), 'g' (geo)."""
    g = lexicon.gazetteer()
    out: dict[str, str] = {}
    for w, lv in g.full.items():
        if len(w) >= 2:
            out[w] = f"p{lv}"
    for w in g.short:
        if len(w) >= 2 and w not in out:
            out[w] = "w" if w in g.world else "s"
    for w in data.model_keys("geo_names"):  # the rows the models were trained with (data.model_rows)
        out.setdefault(w, "g")
    return out


@lru_cache(maxsize=1)
def _place_heads() -> dict[str, int]:
    """First two characters of a place name → the longest such name's length (a cheap filter)."""
    out: dict[str, int] = {}
    for w in _places():
        k = w[:2]
        if len(w) > out.get(k, 0):
            out[k] = len(w)
    return out


@lru_cache(maxsize=1)
def _given_chars() -> frozenset[str]:
    """Characters often seen in given names: those standing second or third in at least 15 of
    the three-character person names (tag nr) of jieba's dictionary that open with a surname."""
    sur = data.keys("surnames")
    c: Counter[str] = Counter()
    for w, (_, pos) in lexicon.dictionary().items():
        if pos == "nr" and len(w) == 3 and w[0] in sur:
            c.update(w[1:])
    return frozenset(k for k, v in c.items() if v >= 15)


_GROUPS = {"nr": "r", "nrt": "f", "nrfg": "f", "ns": "s", "nt": "t", "nz": "z"}


@lru_cache(maxsize=1)
def _proper_index() -> tuple[dict[str, tuple[int, ...]], dict[str, str]]:
    """The dictionary's proper names of 2 to 8 characters as features() reads them: first two
    characters → the lengths of such names starting so (longest first), and name → its kind
    (_GROUPS): features() looks up only those lengths instead of every length at every character."""
    lengths: dict[str, set[int]] = {}
    kind: dict[str, str] = {}
    for w, (_, tag) in lexicon.dictionary().items():
        if 2 <= len(w) <= 8 and tag in _GROUPS:
            lengths.setdefault(w[:2], set()).add(len(w))
            kind[w] = _GROUPS[tag]
    return {k: tuple(sorted(ls, reverse=True)) for k, ls in lengths.items()}, kind


_CHAR_ATTRS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}


def _char_attrs(c: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The features of `_char_dist` a character gives: as the character itself ("cd="), as the one
    before (its E and M attributes, "cd-1=") and as the one after (B and M, "cd+1="); memoised."""
    got = _CHAR_ATTRS.get(c)
    if got is None:
        xs = _char_dist().get(c, ())
        got = (tuple("cd=" + x for x in xs), tuple("cd-1=" + x for x in xs if x[1] == "E" or x[1] == "M"),
               tuple("cd+1=" + x for x in xs if x[1] == "B" or x[1] == "M"))
        _CHAR_ATTRS[c] = got
    return got


@lru_cache(maxsize=1)
def _char_dist() -> dict[str, tuple[str, ...]]:
    """`_build_char_dist`, read from the start-up cache after its first build (startcache.py:
    0.3 s → 0.001 s)."""
    d = lexicon._package_dir("jieba")
    return startcache.cached("char_dist", __file__, [d / "dict.txt"] if d else [], _build_char_dist)


def _build_char_dist() -> dict[str, tuple[str, ...]]:
    """Character → how it stands in the dictionary's proper names: for each kind of name (r person,
    f foreign person, s place, t organisation, z other) and place in the word (B first, M inside,
    E last), the share of the dictionary's words with the character there that are of that kind,
    in four steps. Lets the model read a character it never saw in training like those it did."""
    cnt: dict = defaultdict(lambda: defaultdict(int))
    for w, (_, pos) in lexicon.dictionary().items():
        L = len(w)
        if L < 2:
            continue
        g = _GROUPS.get(pos, "o")
        for k, c in enumerate(w):
            p = "B" if k == 0 else "E" if k == L - 1 else "M"
            cnt[c][p] += 1
            cnt[c][p + g] += 1
    out: dict[str, tuple[str, ...]] = {}
    for c, m in cnt.items():
        attrs = []
        for p in "BME":
            tot = m.get(p, 0)
            if tot < 5:
                continue
            for g in "rfstz":
                r = m.get(p + g, 0) / tot
                if r >= 0.05:
                    attrs.append(f"{g}{p}{1 if r < 0.15 else 2 if r < 0.35 else 3 if r < 0.6 else 4}")
        if attrs:
            out[c] = tuple(attrs)
    return out


LIST_KEYS = ("psuf", "osuf", "head", "korg", "famous")
# every table the features read (data.rows names): a change to any of them is a change to what the
# models were trained on (train_ner.probe_sha256 hashes their rows with the probe's features)
FEATURE_TABLES = ("surnames", "place_suffixes", "org_suffixes", "title_heads", "known_orgs", "famous",
                  "translit_chars", "geo_names", "place_abbrevs", "surname_addresses", "abbrev_context", "chars")


@lru_cache(maxsize=1)
def _sets() -> dict:
    sur = data.keys("surnames")
    words: dict[str, list[str]] = {}
    for key, table in zip(LIST_KEYS, ("place_suffixes", "org_suffixes", "title_heads", "known_orgs", "famous")):
        for w in data.model_keys(table):
            words.setdefault(w, []).append(key)
    by_last2: dict[str, set[int]] = {}
    for w in words:
        if len(w) > 1:
            by_last2.setdefault(w[-2:], set()).add(len(w))
    return {
        "sur1": frozenset(s for s in sur if len(s) == 1),
        "sur2": tuple(s for s in data.by_length("surnames") if len(s) > 1),
        "trans": data.keys("translit_chars"),
        "words": {w: tuple(ks) for w, ks in words.items()},
        "sur2_first": frozenset(s[0] for s in sur if len(s) > 1),
        # last two characters → the lengths of the list words ending so, longest first, and the words
        # of one character: features() looks up only words that may end at a character
        "by_last2": {k: tuple(sorted(ls, reverse=True)) for k, ls in by_last2.items()},
        "ones": frozenset(w for w in words if len(w) == 1),
    }


_TOKENIZER = None
_LOCK = threading.RLock()


def _load_tokenizer():
    """jieba's segmenter over jieba's own dictionary: from jieba_fast (the same algorithm, its
    dictionary walk and HMM in C; about half the time) when installed, else from jieba. jieba_fast
    follows jieba 0.39, whose pattern of word characters lacks the "-" that 0.42 added; it is given
    0.42's, and then the two cut alike (10,746 of CLUENER's 10,748 lines; the other two differ on a
    tie between equally likely cuts of "买买买" and on a character the HMM never saw)."""
    import jieba
    jieba.setLogLevel(logging.CRITICAL)
    try:
        import jieba_fast
    except ImportError:
        jieba.initialize()
        return jieba.dt
    jieba_fast.setLogLevel(logging.CRITICAL)
    jieba_fast.re_han_default = jieba.re_han_default  # module-wide: only this project cuts with it
    t = jieba_fast.Tokenizer(dictionary=os.path.join(os.path.dirname(jieba.__file__), "dict.txt"))
    # its prefix dictionary, as initialize() builds it (gen_pfdict), from the start-up cache: a pickle
    # reads in a third of the time of the marshal file jieba keeps (0.16 s against 0.48 s)
    t.FREQ, t.total = startcache.cached("jieba_prefix", __file__, [t.dictionary, jieba_fast.__file__],
                                        lambda: t.gen_pfdict(t.get_dict_file()))
    t.initialized = True
    return t


def _segment(text: str) -> list[str]:
    global _TOKENIZER
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                _TOKENIZER = _load_tokenizer()
    return list(_TOKENIZER.cut(text, HMM=True))


def _ctype(c: str) -> str:
    if "\u3400" <= c <= "\u9fff":
        return "h"
    if c.isdigit():
        return "d"
    if c.isascii() and c.isalpha():
        return "a"
    if c in "·•":
        return "m"
    if c.isspace():
        return "s"
    return "p"


def features(text: str, rules: list[tuple[int, int, str]] | None = None,
             neural: tuple[list[str], list[list[str]]] | None = None, cues: bool = True,
             ents: tuple[list[str], list[str]] | None = None) -> list[list[str]]:
    """One list of attribute strings per character of `text`; deterministic (same text and rule
    spans, same features). `rules` are the rule tagger's (start, end, label) spans, if any;
    `neural` the pretrained tagger's reading (lac.read), if any: its label of each character and
    the kinds of name likely there. `cues`: the marks of
    country short forms and bare surnames (CUE_KINDS). `ents`: the PER/LOC/ORG model's reading
    (ent_reading), if any (STACK_KINDS)."""
    n = len(text)
    if not n:
        return []
    sets = _sets()
    d = lexicon.dictionary()
    places = _places()
    # words: BMES position, part of speech, length
    wpos = [""] * n
    wtag = [""] * n
    wlen = [0] * n
    wstr = [""] * n
    widx = [0] * n
    seg = _segment(text)
    i = 0
    for j, w in enumerate(seg):
        L = len(w)
        e = d.get(w)
        tag = e[1] if e else ("oov" if L > 1 else "oov1")
        for k in range(L):
            wpos[i + k] = "S" if L == 1 else ("B" if k == 0 else "E" if k == L - 1 else "M")
            wtag[i + k] = tag
            wlen[i + k] = min(L, 5)
            wstr[i + k] = w if L <= 4 else ""
            widx[i + k] = j
        i += L
    short = [w if len(w) <= 4 else "#" for w in seg]
    tags2 = [(d.get(w) or ("", "oov"))[1] for w in seg]
    # gazetteer: the longest place name starting at each character, marked B/I/E
    gz = [""] * n
    heads = _place_heads()
    i = 0
    while i < n:
        hit = 0
        for L in range(min(8, n - i, heads.get(text[i:i + 2], 0)), 1, -1):
            cls = places.get(text[i:i + L])
            if cls:
                hit = L
                for k in range(L):
                    gz[i + k] = ("B-" if k == 0 else "E-" if k == L - 1 else "I-") + cls
                break
        i += hit or 1
    # list words ending / starting at each position
    ends: dict[int, list[str]] = {}
    words, by_last2, ones = sets["words"], sets["by_last2"], sets["ones"]
    for e in range(1, n + 1):
        lengths = by_last2.get(text[e - 2:e], ()) if e >= 2 else ()  # longest first
        if text[e - 1] in ones:
            lengths += (1,)
        if not lengths:
            continue
        seen: set[str] = set()
        for L in lengths:
            if L > e:
                continue
            for key in words.get(text[e - L:e], ()):
                if key in seen:
                    continue  # the longest word of each list only
                seen.add(key)
                ends.setdefault(e - 1, []).append(f"{key}{min(L, 3)}")
                if key in ("korg", "famous"):
                    for k in range(e - L, e - 1):
                        ends.setdefault(k, []).append(f"{key}in")
    sur2 = sets["sur2"]
    rtag = [""] * n
    for a, b, lab in rules or ():
        for k in range(a, min(b, n)):
            rtag[k] = ("B-" if k == a else "I-") + lab
    # name shapes: a surname followed by one or two characters common in given names
    gch = _given_chars()
    shape = [""] * n
    for i in range(n):
        if text[i] in sets["sur1"] and i + 1 < n and text[i + 1] in gch:
            L = 3 if i + 2 < n and text[i + 2] in gch else 2
            for k in range(L):
                if not shape[i + k]:
                    shape[i + k] = f"{L}{k}"
    # every proper name of the dictionary (up to 8 characters) over each character, by kind
    dm: list[set[str]] = [set() for _ in range(n)]
    proper, pkind = _proper_index()
    for i in range(n - 1):
        for L in proper.get(text[i:i + 2], ()):   # only lengths some proper name starting so has
            if L > n - i:
                continue
            g = pkind.get(text[i:i + L])
            if g:
                for k in range(L):
                    dm[i + k].add(g + ("B" if k == 0 else "E" if k == L - 1 else "M") + ("3" if L >= 3 else "2"))
    # runs of characters written by sound (foreign names), three or more long
    trun = [""] * n
    i = 0
    while i < n:
        j = i
        while j < n and (text[j] in sets["trans"] or text[j] in "·•" and j > i):
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                trun[k] = str(min(j - i, 6)) + ("B" if k == i else "E" if k == j - 1 else "M")
        i = max(j, i + 1)
    # how far ahead (within the clause) the nearest organisation or place suffix ends
    ahead = [""] * n
    nxt: dict[str, int] = {}
    for i in range(n - 1, -1, -1):
        if _ctype(text[i]) in "ps":
            nxt = {}
        for x in ends.get(i, ()):
            if x[:4] in ("osuf", "psuf", "korg"):
                nxt[x[:4]] = i
        if nxt:
            ahead[i] = "".join(f"{k[0]}{_dist(v - i)}" for k, v in sorted(nxt.items()) if v - i <= 12)
    if neural is not None:
        neural, likely = neural
    ab = _abbrevs(text) if cues else [""] * n
    bare = _bare_surnames(text, sets, d) if cues else [""] * n
    pad = ["^", "^"] + list(text) + ["$", "$"]
    ty = ["^"] + [_ctype(c) for c in text] + ["$"]
    sur1, trans, sur2_first = sets["sur1"], sets["trans"], sets["sur2_first"]
    starts_with_any = data.starts_with_any
    nothing: tuple = ()
    at = [ends.get(k, nothing) for k in range(-1, n + 1)]  # at[i + 1]: the list words ending at i
    attrs = [_char_attrs(c) for c in pad[1:-1]]  # attrs[i + 1]: those of text[i]
    nseg = len(short)
    # the features every character has, column by column (the characters around, their types, the word)
    base = [["b", "c=" + c, "c-1=" + p1, "c+1=" + n1, "c-2=" + p2, "c+2=" + n2, "b-1=" + p1 + c,
             "b+1=" + c + n1, "b-2=" + p2 + p1, "b+2=" + n1 + n2, "t-1+1=" + p1 + n1, "ty=" + t0 + t1 + t2,
             "wp=" + wp + wt, "wl=" + wp + str(wl), "wt-1=" + wt0, "wt+1=" + wt2]
            for p2, p1, c, n1, n2, t0, t1, t2, wp, wt, wl, wt0, wt2
            in zip(pad, pad[1:], text, pad[3:], pad[4:], ty, ty[1:], ty[2:], wpos, wtag, wlen,
                   ["^"] + wtag, wtag[1:] + ["$"])]
    out = []
    for i in range(n):
        c = text[i]
        wp = wpos[i]
        f = base[i]
        if wstr[i]:
            f.append("w=" + wstr[i])
        j = widx[i]
        f.append("w-1=" + (short[j - 1] if j else "^"))
        f.append("w+1=" + (short[j + 1] if j + 1 < nseg else "$"))
        f.append("cp=" + c + wp)
        if i and wp in "BS":
            f.append("pw=" + wtag[i - 1] + "|" + wtag[i])
        if gz[i]:
            f.append("gz=" + gz[i])
        f.append("gz-1+1=" + (gz[i - 1][:1] if i else "^") + (gz[i + 1][:1] if i + 1 < n else "$"))
        if c in sur1:
            f.append("sur1")
        if c in sur2_first and starts_with_any(text, i, sur2):
            f.append("sur2")
        if shape[i]:
            f.append("nm=" + shape[i])
        if c in gch:
            f.append("gc")
        if c in trans:
            f.append("tr")
        for x in at[i + 1]:
            f.append("e:" + x)
        for x in at[i]:
            f.append("e-1:" + x)
        for x in at[i + 2]:
            f.append("e+1:" + x)
        if dm[i]:
            for x in sorted(dm[i]):
                f.append("dm=" + x)
        f += attrs[i + 1][0]
        f += attrs[i][1]
        f += attrs[i + 2][2]
        if trun[i]:
            f.append("tru=" + trun[i])
        if ab[i]:
            f.append("ab=" + ab[i])
        if bare[i]:
            f.append("bs=" + bare[i])
        if ahead[i]:
            f.append("ah=" + ahead[i])
        f.append("wt-2=" + (tags2[j - 2] if j >= 2 else "^"))
        f.append("wt+2=" + (tags2[j + 2] if j + 2 < len(tags2) else "$"))
        if rules is not None:
            f.append("r=" + (rtag[i] or "O"))
            f.append("r-1+1=" + ((rtag[i - 1] or "O")[:1] if i else "^") + ((rtag[i + 1] or "O")[:1] if i + 1 < n else "$"))
        if neural is not None:
            for x in likely[i]:
                f.append("lq=" + x)
            lt = neural[i]
            f.append("lac=" + lt)
            f.append("lac-1=" + (neural[i - 1] if i else "^"))
            f.append("lac+1=" + (neural[i + 1] if i + 1 < n else "$"))
            if lt[2:] in ("PER", "LOC", "ORG"):
                f.append("lacc=" + lt[:1] + lt[2:] + c)
        if ents is not None:
            et, steps = ents
            f.append("en=" + et[i])
            f.append("en-1=" + (et[i - 1] if i else "^"))
            f.append("en+1=" + (et[i + 1] if i + 1 < n else "$"))
            for lab, x in zip(ENT_LABELS, steps[i]):
                f.append(f"m{lab[0]}={x}")
        out.append(f)
    return out


ENT_LABELS = ("PER", "LOC", "ORG")


def ent_reading(text: str) -> tuple[list[str], list[str]]:
    """The shipped PER/LOC/ORG model's reading of `text`, read whole (pass a piece of at most
    MAX_LEN characters), as features of the models of STACK_KINDS: its BIOES tag of each character,
    and for each character the marginal probability of PER, LOC and ORG (their tags summed) in four
    steps, one digit each (below 0.1, 0.5, 0.9, above)."""
    m = model("ent")
    with _LOCK:
        tags = m.tagger.tag(features(text, None, lac.read(text) if m.uses_lac else None, m.uses_cues))
        by = [[t for t in m.tagger.labels() if t.endswith("-" + lab)] for lab in ENT_LABELS]
        steps = ["".join(_step(sum(m.tagger.marginal(t, k) for t in ts)) for ts in by) for k in range(len(text))]
    return tags, steps


def _step(p: float) -> str:
    return "0" if p < 0.1 else "1" if p < 0.5 else "2" if p < 0.9 else "3"


@lru_cache(maxsize=1)
def _ab_context() -> tuple[tuple[str, ...], frozenset[str]]:
    """Words after a short form and verbs of travel before it (data/abbrev_context.tsv)."""
    return tuple(data.marked("abbrev_context", "after")), frozenset(data.marked("abbrev_context", "before"))


@lru_cache(maxsize=1)
def _address_before() -> frozenset[str]:
    return frozenset(data.marked("chars", "address_before"))


def _abbrevs(text: str) -> list[str]:
    """One-character short forms of countries and provinces (data/place_abbrevs.tsv) where news
    uses them: in pairs (中美, 京津冀: P), in lists (中、阿: L), before a word of relations (美方,
    中美关系: F) and after a verb of travel (访华, 赴沪: V)."""
    a = data.keys("place_abbrevs")
    after, verbs = _ab_context()
    n = len(text)
    out = [""] * n
    for i, c in enumerate(text):
        if c not in a:
            continue
        if i + 1 < n and text[i + 1] in a or i and text[i - 1] in a:
            out[i] = "P"
        elif i + 2 < n and text[i + 1] == "、" and text[i + 2] in a or i > 1 and text[i - 1] == "、" and text[i - 2] in a:
            out[i] = "L"
        elif text.startswith(after, i + 1):
            out[i] = "F"
        elif i and text[i - 1] in verbs:
            out[i] = "V"
    return out


def _bare_surnames(text: str, sets: dict, d: dict) -> list[str]:
    """A single surname standing for a person (胡老, 汤局长: A, before an address or a job title;
    老于, 小李: O, after 老 or 小), where it ends no dictionary word with the character before it."""
    n = len(text)
    out = [""] * n
    for i, c in enumerate(text):
        if c not in sets["sur1"] or i and text[i - 1:i + 1] in d:
            continue
        if any(_addresses(text[i + 1:i + 1 + k]) for k in (1, 2, 3, 4) if i + 1 + k <= n) and text[i:i + 2] not in d:
            out[i] = "A"
        elif i and text[i - 1] in _address_before() and text[i:i + 2] not in d:
            out[i] = "O"
    return out


def _dist(k: int) -> str:
    return "0" if k == 0 else "1" if k <= 2 else "2" if k <= 5 else "3" if k <= 9 else "4"


def pieces(text: str, limit: int = MAX_LEN) -> list[tuple[int, int]]:
    """Cut a long text at sentence ends (else hard) into spans of at most `limit` characters, so
    that tagging time stays linear in the text's length."""
    out, start, n = [], 0, len(text)
    while start < n:
        end = min(n, start + limit)
        if end < n:
            cut = max(text.rfind(p, start, end) for p in "。！？；\n")
            if cut <= start:
                cut = max(text.rfind(p, start, end) for p in "，、：")
            if cut > start:
                end = cut + 1
        out.append((start, end))
        start = end
    return out


def to_bioes(tags: list[str]) -> list[str]:
    """BIO → BIOES (the models are trained on BIOES: a span's last character and single-character
    spans get tags of their own)."""
    out = []
    for i, t in enumerate(tags):
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        cont = nxt.startswith("I-") and nxt[2:] == t[2:]
        if t.startswith("B-"):
            out.append(t if cont else "S-" + t[2:])
        elif t.startswith("I-"):
            out.append(t if cont else "E-" + t[2:])
        else:
            out.append(t)
    return out


NAME_JOINS = frozenset("·•‧—－-")  # marks between the parts of a foreign name (马克思·卢布里克, 约翰—格伦)


def join_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Persons as the model reads them, mended in two ways. A long foreign name read as several
    persons (格雷特|施莱格, 马克思·|卢布里克): persons that touch, or stand apart by one of
    NAME_JOINS only, are one person. A bare surname with the word that addresses it (胡老, 郑某,
    陈小姐, 常副局长; data/surname_addresses.tsv and title_heads.tsv): the person is the surname."""
    out: list[tuple[int, int, str]] = []
    for s, e, lab in spans:
        if out and lab == "PER" == out[-1][2] and (
                out[-1][1] == s or out[-1][1] + 1 == s and text[s - 1] in NAME_JOINS):
            out[-1] = (out[-1][0], e, lab)
        else:
            out.append((s, e, lab))
    sur1 = _sets()["sur1"]
    for k, (s, e, lab) in enumerate(out):
        if lab == "PER" and text[s] in sur1 and _addresses(text[s + 1:e]):
            out[k] = (s, s + 1, lab)
    return out


PAIRED = {"《": "》", "“": "”", "‘": "’", "（": "）", "(": ")", "「": "」", "『": "』"}
_OPENS = {v: k for k, v in PAIRED.items()}


def _stray(text: str, s: int, e: int) -> tuple[int, str] | None:
    """The first mark of text[s:e] without its partner inside: (position, mark) of a closing one,
    else (-1, mark) of an opening one left open; None when all pair."""
    depth: dict[str, int] = {}
    for k in range(s, e):
        c = text[k]
        if c in PAIRED:
            depth[c] = depth.get(c, 0) + 1
        elif c in _OPENS:
            if depth.get(_OPENS[c]):
                depth[_OPENS[c]] -= 1
            else:
                return k, c
    open_ = next((c for c, v in depth.items() if v), None)
    return (-1, open_) if open_ else None


def balance_marks(text: str, s: int, e: int) -> tuple[int, int] | None:
    """A span whose quotation marks or brackets do not pair, mended: a mark whose partner stands
    just outside takes the partner in (美国《新英格兰医学杂志 → …杂志》, 时代潮》杂志 → 《时代潮》杂志);
    one at the span's edge with no partner near is dropped (天津日报》 → 天津日报). A span that is a
    title in marks and nothing else loses them (《天津日报》 → 天津日报), as the People's Daily
    annotators wrote it. None if nothing is left."""
    for _ in range(3):
        if e <= s:
            return None
        stray = _stray(text, s, e)
        if stray is None:
            break
        k, c = stray
        if k >= 0:  # a closing mark without its opening one
            if s > 0 and text[s - 1] == _OPENS[c]:
                s -= 1
            elif k == e - 1:
                e -= 1
            elif k == s:
                s += 1
            else:
                return s, e
        elif e < len(text) and text[e] == PAIRED[c]:
            e += 1
        elif text[e - 1] == c:
            e -= 1
        elif text[s] == c:
            s += 1
        else:
            return s, e
    if e <= s:
        return None
    if e - s > 2 and PAIRED.get(text[s]) == text[e - 1] and _stray(text, s + 1, e - 1) is None:
        return s + 1, e - 1
    return s, e


def _addresses(w: str) -> bool:
    """`w` may follow a bare surname to refer to a person: an address (老, 某, 小姐;
    data/surname_addresses.tsv) or a job title's last word (副局长; title_heads.tsv)."""
    return w in data.keys("surname_addresses") or "head" in _sets()["words"].get(w, ())


def decode(tags: list[str], offset: int = 0) -> list[tuple[int, int, str]]:
    """BIO or BIOES tags → (start, end, label) spans."""
    out, start, lab = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if start is not None and not (t[:2] in ("I-", "E-") and t[2:] == lab):
            out.append((offset + start, offset + i, lab))
            start = None
        if t[:2] in ("B-", "S-") or (t[:2] in ("I-", "E-") and start is None):
            start, lab = i, t[2:]
        if t[:2] in ("E-", "S-") and start is not None:
            out.append((offset + start, offset + i + 1, lab))
            start = None
    return out


# ---------------------------------------------------------------- the models
class Model:
    """One trained CRF: `spans(text, rules)` → (start, end, label)."""

    def __init__(self, path: Path | str, kind: str = "ent"):
        import pycrfsuite
        self.path = str(path)
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(self.path)
        self.uses_rules = USE_RULES
        self.uses_lac = kind in LAC_KINDS
        self.uses_cues = kind in CUE_KINDS
        self.uses_ents = kind in STACK_KINDS

    def spans(self, text: str, rules: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int, str]]:
        return [s[:3] for s in self.scored(text, rules, False)]

    def scored(self, text: str, rules: list[tuple[int, int, str]] | None = None,
               confidence: bool = True) -> list[tuple[int, int, str, float]]:
        """(start, end, label, confidence): the confidence is the lowest marginal probability of the
        span's tags (1.0 when not asked for)."""
        out = []
        for a, b in pieces(text):
            sub = [(max(s, a) - a, min(e, b) - a, lab) for s, e, lab in rules or () if s < b and a < e]
            with _LOCK:  # one tagger object holds one sequence at a time
                piece = text[a:b]
                tags = self.tagger.tag(features(piece, sub if self.uses_rules else None,
                                                lac.read(piece) if self.uses_lac else None, self.uses_cues,
                                                ent_reading(piece) if self.uses_ents else None))
                for s, e, lab in join_names(piece, decode(tags)):
                    mended = balance_marks(piece, s, e)
                    if mended is None:
                        continue
                    s, e = mended
                    conf = min(self.tagger.marginal(tags[k], k) for k in range(s, e)) if confidence else 1.0
                    out.append((a + s, a + e, lab, conf))
        return out


    def inside(self, text: str, s: int, e: int, label: str) -> float:
        """How sure the model is that text[s:e] lies inside a name of `label` (LOC, ORG, PER): the
        lowest, over its characters, of the summed marginal probabilities of the label's tags.
        `text` is read whole: pass a short window (at most MAX_LEN characters)."""
        return self.inside_all(text, [(s, e)], label)[0]

    def inside_all(self, text: str, spans: list[tuple[int, int]], label: str) -> list[float]:
        """`inside` for several spans of one window, read once."""
        tags = [t for t in self.tagger.labels() if t.endswith("-" + label)]
        with _LOCK:
            self.tagger.set(features(text, None, lac.read(text) if self.uses_lac else None, self.uses_cues,
                                     ent_reading(text) if self.uses_ents else None))
            return [min((sum(self.tagger.marginal(t, k) for t in tags) for k in range(s, e)), default=0.0)
                    for s, e in spans]


_LOADED: dict[str, Model | None] = {}


REBUILD = "rebuild it with `python scripts/train_ner.py --write` (needs ../shared/corpus/ner), or reinstall jianbao"


def model(kind: str) -> Model:
    """The shipped model of `kind` ('ent' or 'title'), loaded on first use. A missing or
    unreadable file raises ModelError: one line naming the file and how to rebuild it."""
    if kind not in _LOADED:
        with _LOCK:
            if kind not in _LOADED:
                _LOADED[kind] = _load(DATA / MODELS[kind], kind)
    got = _LOADED[kind]
    if isinstance(got, ModelError):
        raise got
    return got


def _load(path: Path, kind: str) -> "Model | ModelError":
    if not path.is_file():
        return ModelError(f"model file {path} is missing: {REBUILD}")
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        return ModelError(f"python-crfsuite is not installed, which reads {path}: run `make setup`")
    try:
        m = Model(path, kind)
        m.tagger.tag([["probe"]])  # a corrupt file may open and fail on first use
        return m
    except Exception as e:
        return ModelError(f"model file {path} is unreadable ({type(e).__name__}): {REBUILD}")


def available() -> bool:
    """True when the shipped models load (False instead of ModelError)."""
    try:
        return model("ent") is not None and model("title") is not None
    except ModelError:
        return False
