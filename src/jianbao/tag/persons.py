"""Persons and their titles in one article.

`match` finds mentions, field by field: a title and the name after it ("市委书记秦国文"), with the
titles chained before it ("市委副书记、市长朱健") and the names listed after it sharing them
("市领导刘正兴、何恩广、张亮"); a name and a title after it ("习近平总书记"); a name after an
age ("75岁的王富卢"); a known leader's name; a name before a word of speech ("张三说"). Later bare
mentions of the same names are found by string. `write` turns the mentions into model.Person.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from . import data, lexicon, names, titles
from .spans import crosses_right
from .text import is_name_char

PUNCT_BEFORE = "。！？；，：、“”‘’「」《》（）()—…\n "


@dataclass
class Mention:
    name: str
    start: int
    end: int
    titles: list[str] = field(default_factory=list)
    kind: str = "title"
    title_spans: list[tuple[int, int]] = field(default_factory=list)  # title | post | age | famous | speech | list | byline | bare


@lru_cache(maxsize=1)
def _age_re() -> re.Pattern:
    """An age before a name ("75岁的王富卢"; data/patterns.tsv, age)."""
    return re.compile(data.pattern("age"))


@lru_cache(maxsize=1)
def _post_words() -> tuple[str, ...]:
    """Words read after a leader's name (data/post_words.tsv: post and address), in file order."""
    return data.marked("post_words", "post") + data.marked("post_words", "address")


@lru_cache(maxsize=1)
def _addresses() -> frozenset[str]:
    """Words after a name that close it but are no title ("同志")."""
    return frozenset(data.marked("post_words", "address"))


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Title heads that right after a name are a verb ("代表双方")."""
    return frozenset(data.marked("post_words", "verb"))


@lru_cache(maxsize=1)
def _speech_re() -> re.Pattern:
    """Verbs of speech after which a name at a clause's start is a person (speech_verbs.toml, "name")."""
    return re.compile("|".join(re.escape(w) for w in data.by_length("speech_names")))


def _title_absorbs(text: str, pos: int) -> bool:
    """True when the words at `pos` open a title (so a name candidate before them is part of it)."""
    m = titles.head_re().search(text, pos, min(len(text), pos + 16))
    if not m:
        return False
    if m.start() == pos and m.group() in _verbs():
        return False  # "赵东升代表双方签约": 代表 right after a name is the verb, on behalf of
    between = text[pos:m.start()]
    if any(c in PUNCT_BEFORE for c in between):
        return False
    return titles.extend_left(text, m.start()) <= pos


def match(text: str, known: set[str]) -> list[Mention]:
    """Person mentions in one field; `known` (names read so far in the article) grows."""
    out: list[Mention] = []
    taken: set[int] = set()

    def add(m: Mention) -> None:
        if m.start in taken:
            for o in out:
                if o.start == m.start:
                    o.titles += [t for t in m.titles if t not in o.titles]
            return
        taken.add(m.start)
        known.add(m.name)
        out.append(m)

    # 1. title + name, chains before, list after
    for hm in titles.head_re().finditer(text):
        end = hm.end()
        if end in taken:
            continue
        n = names.name_at(text, end, known)
        if not n or (_title_absorbs(text, end + n) or titles.head_re().match(text, end)) \
                and text[end:end + n] not in known:
            continue  # nor a second role word ("众多市民游客前来": 游客 is no name)
        if hm.group() in _verbs() and text[end:end + n] not in known and not names.surname_at(text, end):
            continue
        if titles.head_class(hm.group()) == "other" and text[end:end + n] not in known \
                and crosses_right(text, end, end + n):
            continue  # a social role before words, not a name ("困难群众安全过|年", "群众文体活|动")
        ts, chain = title_chain(text, hm.start(), end)
        add(Mention(text[end:end + n], end, end + n, ts, "title", chain))
        k = end + n
        while k < len(text) and text[k] in _list_joins():
            n2 = names.name_at(text, k + 1, known) or _listed_name(text, k + 1, known)
            if not n2 or _title_absorbs(text, k + 1 + n2):
                break
            add(Mention(text[k + 1:k + 1 + n2], k + 1, k + 1 + n2, list(ts), "list"))
            if text[k] != "、":
                break  # the conjunction joins the list's last name ("回迁户甲和乙")
            k = k + 1 + n2
    # 2. name + title after it ("习近平总书记", "赵革书记"; inside a clause, a name already read)
    addresses = _addresses()
    for f in sorted(names.famous()):  # a set: sorted, so that the output does not hang on hashing
        for a, b in _occurrences(f, text):
            post = data.starts_with_any(text, b, _post_words())
            add(Mention(f, a, b, [post] if post and post not in addresses else [], "famous",
                        [(b, b + len(post))] if post and post not in addresses else []))
    for hm in titles.head_re().finditer(text):
        if hm.group() not in _post_heads():
            continue
        for n in (3, 2, 4):
            p = hm.start() - n
            if p < 0 or (p > 0 and text[p - 1] not in PUNCT_BEFORE) and text[p:hm.start()] not in known:
                continue  # inside a clause ("感谢王某某书记"), only a name already read
            cand = text[p:hm.start()]
            if names.valid(cand, known) and not titles.head_ending_at(text, hm.start()) \
                    and not data.ends_with_any(cand, len(cand), _suffixes()):  # "宣传部|部长"
                add(Mention(cand, p, hm.start(), [hm.group()] if hm.group() not in addresses else [], "post",
                            [(hm.start(), hm.end())] if hm.group() not in addresses else []))
                break
    # 3. age + name; name before a word of speech at a clause start
    for m in _age_re().finditer(text):
        n = names.name_at(text, m.end(), known)
        if n:
            add(Mention(text[m.end():m.end() + n], m.end(), m.end() + n, [], "age"))
    for m in _speech_re().finditer(text):
        for n in (3, 2):
            p = m.start() - n
            if p < 0 or (p > 0 and text[p - 1] not in PUNCT_BEFORE):
                continue
            if names.name_at(text, p, known) == n and not _title_absorbs(text, p):
                add(Mention(text[p:m.start()], p, m.start(), [], "speech"))
                break
    _loose(text, known, add)
    return out


def _listed_name(text: str, pos: int, known: set[str]) -> int:
    """Length of a name in a list after a title that no listed surname opens ("市领导甲、薄某、乙",
    "旗政协领导甲、奇某在…"): the list's place says it is a name, when it is the length of a name
    and the enumeration comma or a word that follows names closes it."""
    n = names.name_at(text, pos, known, need_surname=False)
    if not 2 <= n <= 3 or titles.head_re().search(text, pos, pos + n):
        return 0  # nor a title that opens the list's next item ("甲、副县长乙")
    return n if text[pos + n:pos + n + 1] == "、" or names._closes(text, pos + n) else 0


def title_chain(text: str, head_start: int, end: int) -> tuple[list[str], list[tuple[int, int]]]:
    """The titles that stand before a name starting at `end`, whose last title's head word starts
    at `head_start`: that title, and the ones chained before it ("市委副书记、市长")."""
    start = titles.trim_start(text, titles.extend_left(text, head_start, conj=True), head_start)
    n = names.name_at(text, start)
    if n and text[start + n:start + n + 1] in titles._weak() and start + n + 1 < head_start:
        start += n + 1  # a name and a conjunction open the clause, not the title ("甲与|全国劳动模范乙")
    chain = titles.chain(text, start) + [(start, end)]
    return [text[a:b] for a, b in chain], chain


@lru_cache(maxsize=1)
def _post_heads() -> frozenset[str]:
    """Title words that may follow a name at a clause's start ("邹自景市长指出", "刘建华副县长参加"):
    the official and business heads, less those that after a name say something else (代表 as a
    verb, 领导, 委员: data/post_words.tsv)."""
    heads = {h for h in data.keys("title_heads") if titles.head_class(h) in titles.DOERS and len(h) > 1}
    return frozenset(heads - set(data.marked("post_words", "no_post") + data.marked("post_words", "verb"))) \
        | frozenset(_post_words())


def _occurrences(word: str, text: str):
    """(start, end) of every occurrence of `word` in `text`, left to right, not overlapping (as
    re.finditer of the escaped word finds them, without compiling a pattern per word)."""
    k = text.find(word) if word else -1
    while k >= 0:
        yield k, k + len(word)
        k = text.find(word, k + len(word))


def bare(text: str, known: set[str]) -> list[Mention]:
    """Every occurrence of a known name (longest first, no overlaps), plus names listed next to
    one ("王富卢、李留性")."""
    out: list[Mention] = []
    used = [False] * len(text)
    for k in sorted(known, key=lambda w: (-len(w), w)):  # longest first, then a fixed order
        for a, b in _occurrences(k, text):
            if any(used[a:b]):
                continue
            if b < len(text) and is_name_char(text[b]) and len(k) == 2 and \
                    names.name_at(text, a, frozenset()) == 3:
                continue  # 2-char known name inside a longer name
            for i in range(a, b):
                used[i] = True
            out.append(Mention(k, a, b, [], "bare"))
    for m in list(out):
        k = m.end
        if k < len(text) and text[k] in _list_joins():
            n = names.name_at(text, k + 1, known)
            if n and not any(used[k + 1:k + 1 + n]) and not _title_absorbs(text, k + 1 + n):
                out.append(Mention(text[k + 1:k + 1 + n], k + 1, k + 1 + n, [], "list"))
                known.add(text[k + 1:k + 1 + n])
    return sorted(out, key=lambda m: m.start)


def title_after_list(text: str, end: int) -> str | None:
    """The title a list of names closed by 等 carries, when the name ending at `end` is its last
    ("甲、乙、丙等代表发言", "甲等困难群众"): the title must begin right after the closer (data/conjunctions.tsv,
    closes) and its head must not open a longer body's name ("甲等代表团成员")."""
    closer = data.starts_with_any(text, end, data.marked("conjunctions", "closes"))
    if not closer:
        return None
    a = end + len(closer)
    m = titles.head_re().search(text, a, min(len(text), a + titles.MAX_TITLE))
    if not m or any(c in PUNCT_BEFORE for c in text[a:m.start()]):
        return None
    if titles.extend_left(text, m.start(), a, conj=True) != a:
        return None
    body = data.starts_with_any(text, m.start(), _org_suffixes())
    if body and len(body) > len(m.group()):
        return None
    return text[a:m.end()]


@lru_cache(maxsize=1)
def _org_suffixes() -> tuple[str, ...]:
    return data.by_length("org_suffixes")


@lru_cache(maxsize=1)
def _list_joins() -> str:
    """What joins a further name to a known one: the enumeration comma and data/conjunctions.tsv, names."""
    return "、" + "".join(data.marked("conjunctions", "names"))


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    ws = data.keys("place_suffixes") | data.keys("org_suffixes")
    return tuple(sorted(ws, key=len, reverse=True))


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Function words after which a name may open a clause (data/chars.tsv, opener)."""
    return frozenset(data.marked("chars", "opener"))


def _opens_clause(text: str, i: int) -> bool:
    """text[i] opens a clause: the text's start, punctuation or a function word before it."""
    return i == 0 or text[i - 1] in PUNCT_BEFORE or text[i - 1] in _openers()


def _loose(text: str, known: set[str], add) -> None:
    """Names without a title: a word the general dictionary marks as a person ("杨尚昆", or a
    foreign name written by sound, "叶利钦"), or a surname and given name standing between a
    clause boundary and a word that follows names ("……，李长云说")."""
    d = lexicon.dictionary()
    sur = data.keys("surnames")
    trans = data.keys("translit_chars")
    i, n_text = 0, len(text)
    dots = any(d in text for d in names.JOINS)  # dotted foreign names are looked for only then
    while i < n_text:
        c = text[i]
        if i and text[i - 1] in names.JOINS:  # a part of a foreign name that starts further left
            i += 1
            continue
        f = names.foreign_at(text, i, 6, 0.5) if dots and names.dot_near(text, i, 6) and _opens_clause(text, i) else 0
        if f:
            add(Mention(text[i:i + f], i, i + f, [], "loose"))
            i += f
            continue
        if c not in sur and c not in trans:
            i += 1
            continue
        hit = 0
        for n in (4, 3):
            w = text[i:i + n]
            e = d.get(w)
            if len(w) == n and e and e[1] in ("nr", "nrfg", "nrt") and e[0] < 1000 and \
                    (n == 3 and names.surname_at(text, i) or all(x in trans for x in w)) and \
                    names._closes(text, i + n) and not crosses_right(text, i, i + n):
                hit = n
                break
        if not hit and _opens_clause(text, i):
            n = names.name_at(text, i, known)
            if n >= 2 and text[i:i + n] not in d and names._closes(text, i + n) and \
                    not _title_absorbs(text, i + n) and names.valid(text[i:i + n], known):
                hit = n
        if hit:
            w = text[i:i + hit]
            s = names.surname_at(w, 0)
            foreign = all(x in trans for x in w) and hit >= 3
            tail = re.match(r"[^，。、；：（）“”\s]{0,4}", text[i + hit:]).group()
            if data.ends_with_any(w, len(w), _suffixes()) or any(
                    data.ends_with_any(tail, j, _suffixes()) for j in range(1, len(tail) + 1)) or not foreign and (
                    w[s:] in d or w[:2] in d or w[1:] in d):
                hit = 0
        if hit:
            add(Mention(text[i:i + hit], i, i + hit, [], "loose"))
            i += hit
        else:
            i += 1
