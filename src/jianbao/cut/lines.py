"""What each line can be, judged from its own words and shape (pure functions, no context)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..textutil import is_jump_line, jump_in  # noqa: F401  (shared with the reader: textutil.py; L.jump_in in segment.py)
from .tables import tables

TERMINAL = set("。！？；…!?;")
CLOSERS = set("”’」』）)】〕》\"'")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")
_COUPLET = re.compile(r"\S{3,} \S{3,}")


def strip_decoration(text: str) -> str:
    t = tables()
    i = 0
    while i < len(text) and (t.decoration.match(text, i) or text[i] in " \u3000"):
        i += 1
    return text[i:]


def ends_terminal(text: str) -> bool:
    """Does the line end a sentence (。！？；… possibly followed by closing quotes/brackets)?"""
    s = text.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return bool(s) and (s[-1] in TERMINAL or s.endswith("：") and len(s) > 30)


def is_couplet(text: str) -> bool:
    return bool(_COUPLET.search(text))


# ---- furniture -------------------------------------------------------------------------------

_FREE_WORD = re.compile(r"《(?P<quoted>[\u4e00-\u9fff·]{2,12})》"
                        r"|(?P<word>[\u4e00-\u9fff][\u4e00-\u9fff·]{1,11})(?=[\s:：·|/（(《]|$)")


def free_word(s: str) -> str | None:
    """The words no table knows that open a masthead line's part (新京报, 《东岭日报》 → 东岭日报,
    都市小区), as header_kind reads them; None when none opens `s`."""
    m = _FREE_WORD.match(s.lstrip())
    return (m.group("quoted") or m.group("word")) if m else None
STRONG_ALONE = {"weekday", "lunar", "page", "issue_no", "paper", "paper_latin", "credit", "contact",
                "source", "source_label", "leaf", "leaf_dashed"}
_SEPARATORS = " \u3000·・|/,，、　-—–:：()（）[]【】\t"


def header_kind(text: str) -> tuple[str, frozenset[str]] | None:
    """If the line is made only of header/footer tokens: ("header" | "footer", token classes).

    "footer" when it carries editorial credits or contacts; None when some word on the line is
    not furniture. Whether the classes are enough depends on where the line stands (segment.py).
    """
    t = tables()
    s = t.t2s.convert(text)
    pos, classes = 0, set()
    n = len(s)
    last = ""  # the class of the token read last
    while pos < n:
        for name, _strong, rx in t.header_tokens:   # (a token may open with a separator: - 3 -)
            m = rx.match(s, pos)
            if m and m.end() > pos:
                pos = m.end()
                classes.add(name)
                last = name
                break
        else:
            if s[pos] in _SEPARATORS:
                pos += 1
                continue
            # words no table knows: the paper's name opening the line (新京报, 《东岭日报》,
            # 延吉新闻网) or the section after the page number and a colon (第9版：都市小区); only
            # beside a full date or a page number (checked below), and only at the page's edge (segment.py)
            m = _FREE_WORD.match(s, pos)
            opening = not classes and m
            section = last in ("page", "page_code") and m and s[:pos].rstrip()[-1:] in ":："
            named = classes == {"source_label"} and m   # 来源：经济参考报 2019-02-01: the paper, any name
            if not (opening or section or named) or "free" in classes and opening:
                return None
            pos = m.end()
            last = "source_label" if named else "free"
            classes.add(last)
    if not classes or "free" in classes and (not classes & {"date", "page"} or n > 48):
        return None
    kind = "footer" if classes & {"credit", "contact"} else "header"
    return kind, frozenset(classes)


def logo_shaped(text: str, loose: bool = False) -> bool:
    """A column logo: a known slogan, or short parallel phrases without punctuation.

    `loose` (a line standing above other title lines) admits phrases of up to 8 characters.
    """
    t = tables()
    flat = re.sub(r"\s+", "", text)
    if flat in t.slogans or t.slogan_series.match(flat):
        return True  # (a known banner, or one with its series after a dash or dot: …指引下——新时代新作为新篇章)
    if any(not (c.isalnum() or c in " ·") for c in text):
        return False
    parts = text.split()
    if len(parts) >= 2 and all(2 <= len(p) <= (8 if loose else 6) for p in parts):
        lens = [len(p) for p in parts]
        return max(lens) - min(lens) <= 1 and not all(name_like(p) for p in parts)
    return False


# ---- bylines ---------------------------------------------------------------------------------

def name_like(token: str) -> bool:
    t = tables()
    if not _CJK_NAME.fullmatch(token):
        return False
    if "·" in token:
        return all(_sound_part(p, t.sound_chars) for p in token.split("·"))
    if token[:2] in t.compound_surnames:
        return len(token) <= 4
    return token[0] in t.surnames and len(token) <= 3


def _sound_part(part: str, sound: frozenset[str]) -> bool:
    """One part of a name printed with a middle dot, written by sound (菲利普, 阿不都热合曼): made of
    the characters that transliterate (bylines.toml sound_char), one other allowed in a part of three
    or more (方汉勒米尔斯). A column name's words (新春走基层·脱贫攻坚一线见闻, 倾听·关注基层治理) are not."""
    other = sum(c not in sound for c in part)
    return bool(part) and (other == 0 or other == 1 and len(part) >= 3)


@dataclass(frozen=True)
class Byline:
    text: str                  # as printed, decoration removed
    reporters: tuple[str, ...]
    has_role: bool             # a role word (记者, 通讯员, 摄, 编辑, 来源 …) stands on the line
    decorated: bool            # a mark (■ □ ●) stands before it
    kind: str = "names"        # names | role | source | office | outlet: what the line is made of
    source: str | None = None  # the outlet or office a repost names: 来源：X, 据X → X
    people: tuple[tuple[str, str | None], ...] = ()  # every name with the role printed before it
    # (editors too: 编辑：包晓峰 → (包晓峰, 编辑)); a role holds until the next one


_TOKEN = re.compile(r"[^\s/、，,：:；;（）()【】\[\]]+")
_COLONS = ("：", ":")


def _cjk(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" for c in s)


def _role_at(tok: str, pos: int = 0) -> tuple[str, int] | None:
    """The longest role at `pos`: ("reporter" | "editor" | "source", its end)."""
    t = tables()
    best = None
    for kind, rx in (("reporter", t.reporter_role), ("editor", t.editor_role), ("source", t.source_role)):
        m = rx.match(tok, pos)
        if m and m.end() > pos and (best is None or m.end() > best[1]):
            best = (kind, m.end())
    return best


def _spaced_name(tok: str, after: str, nxt: str | None) -> bool:
    """A two-character name printed with a space inside (a narrow column): 王 伟, 崔 璐."""
    if nxt is None or len(tok) != 1 or len(nxt) != 1 or after not in " \u3000" or not _cjk(nxt):
        return False
    if tok not in tables().surnames:
        return False
    r = _role_at(nxt)
    return not (r and r[1] == 1)


def _outlet_name(tok: str) -> bool:
    return bool(tables().outlet.fullmatch(tok)) and not name_like(tok)


def _glued_names(token: str) -> list[str] | None:
    """Two names printed without a space (OCR or a narrow column): 刘嘉涛龚源耀 → 刘嘉涛, 龚源耀."""
    if not 4 <= len(token) <= 6 or not all("\u4e00" <= c <= "\u9fff" for c in token):
        return None
    for cut in (3, 2, 4):
        a, b = token[:cut], token[cut:]
        if 2 <= len(b) <= 3 and name_like(a) and name_like(b):
            return [a, b]
    return None


def parse_byline(text: str, glued: bool = False, label: bool = False,
                 strict: bool = False) -> Byline | None:
    """A byline line: roles and names only ("本报记者 陈润", "■王佩", "杨涛 文/李前进 图",
    "来源：东岭新闻网", "临川日报全媒体记者 甲乙 实习生 丙丁", "县政府办").

    `glued`: names may stand without a space between them (inside the brackets after a dateline).
    `label`: the first word may be an unknown label before a colon (云上东岭：王五), as printed in
    brackets at an article's end. `strict`: every name must be name-shaped (starts with a
    surname): for a byline printed without brackets in the lead."""
    t = tables()
    core = strip_decoration(text)
    decorated = len(core) < len(text)
    core = core.strip()
    if not core or len(core) > 48 or ends_terminal(core) or core.endswith(_COLONS):
        return None  # (a line ending in a colon leads into what follows: 钟锐： / 临危不惧…, a kicker)
    toks = [(m.group(), core[m.end():m.end() + 1], core[m.start() - 1:m.start()] if m.start() else "")
            for m in _TOKEN.finditer(core)]
    names: list[str] = []
    has_role = editor = False
    kinds: set[str] = set()
    source: str | None = None
    want_source = ""   # "any": a value follows 来源：; "outlet": an outlet follows 据
    outlets = 0
    i = 0
    role: str | None = None    # the role printed before the names that follow, as printed
    outlet_before = ""         # an outlet joined to the next role by a slash: 椰城网/海岸手机端记者
    people: list[tuple[str, str | None]] = []

    def add(name: str) -> None:
        people.append((name, role))
        if not editor:
            names.append(name)

    while i < len(toks):
        tok, after, before = toks[i]
        first = i == 0
        i += 1
        nxt = toks[i][0] if i < len(toks) else None
        if want_source:
            ok = len(tok) <= 20 and (want_source == "any" or _outlet_name(tok))
            if not ok:
                return None
            source, want_source = tok, ""
            kinds.add("source")
            continue
        if _spaced_name(tok, after, nxt):
            add(tok + nxt)
            i += 1
            continue
        while tok:
            r = _role_at(tok)
            if r and r[1] == len(tok):
                kind, end = r
            elif name_like(tok):
                add(tok)
                break
            elif first and t.source_prefix.match(tok):
                rest = tok[t.source_prefix.match(tok).end():]
                if rest and _outlet_name(rest):
                    source, has_role = rest, True
                    kinds.add("source")
                    break
                if not rest:
                    want_source, has_role = "outlet", True
                    break
                return None
            elif r and r[1] > 1:
                kind, end = r
            else:
                kind, end = "", 0  # a one-character mark run into more words (文化脉动) is no role
            if kind:
                if kind == "source":
                    if end != len(tok) or after not in _COLONS:
                        return None  # 来源 in prose (来源于…) is no credit
                    want_source = "any"
                elif not t.author_mark.fullmatch(tok, 0, end) or end > 1 and end == len(tok) and (
                        after in _COLONS or after in " \u3000" and nxt is not None):
                    # a mark after a name (杨涛 文/, 周小丁/文, 徐亮 摄) is no role; 摄影 before a
                    # name (摄影 刘鑫, 摄影：张志豪) is
                    role = outlet_before + tok[:end]
                outlet_before = ""
                has_role, editor = True, kind == "editor"
                tok = tok[end:]
                continue
            # a name run into an author mark: 刘海图 / 井然摄影报道 / 黎明报道
            k = next((k for k in range(2, min(len(tok), 5)) if t.author_mark.fullmatch(tok, k)
                      and (has_role or not t.photo_mark.fullmatch(tok, k))
                      and (name_like(tok[:k]) or has_role and not strict and _cjk(tok[:k]))), 0)
            if k:
                add(tok[:k])
                has_role = True
                break
            # a name run into the next role (OCR drops spaces): 崔嘉通讯员叶凤卫, 宋仁杰来源
            k = next((k for k in (2, 3, 4) if has_role and _role_at(tok, k) and _CJK_NAME.fullmatch(tok[:k])
                      and (not strict or name_like(tok[:k]))), 0)
            if k:
                add(tok[:k])
                tok = tok[k:]
                continue
            if _outlet_name(tok):
                outlets += 1
                kinds.add("outlet")
                outlet_before = tok + "/" if after in "/／" else ""
                break
            if t.office.fullmatch(tok):
                kinds.add("office")
                role = tok  # an office before the writers' names: 石门县新闻办 甲 乙图/文
                break
            if has_role and not strict and (_CJK_NAME.fullmatch(tok) and len(tok) <= 3 or
                                            _cjk(tok) and 4 <= len(tok) <= 6 and len(names) >= 2
                                            and before in " \u3000" and after in " \u3000"):
                add(tok)  # after a role any short name: 剡明远; a long one in a list (乌力吉巴雅尔)
                break
            if label and first and after in _COLONS and _cjk(tok) and len(tok) <= 10:
                kinds.add("label")
                break
            pair = _glued_names(tok) if glued else None
            if pair:
                for p in pair:
                    add(p)
                break
            return None
    if want_source:
        return None
    if names:
        kind = "role" if has_role else "names"
    elif source is not None:
        kind = "source"
    elif editor:
        kind = "role"
    elif kinds == {"office"} and not has_role:
        kind = "office"
    elif kinds == {"outlet"} and outlets >= 2 and not has_role:
        kind = "outlet"
    else:
        return None
    first: dict[str, str | None] = {}
    for name, r in people:
        first.setdefault(name, r)
    return Byline(core, tuple(dict.fromkeys(names)), has_role, decorated, kind, source, tuple(first.items()))


def trailing_byline(text: str) -> tuple[int, int, Byline] | None:
    """A byline in brackets closing a paragraph: …全面完成春耕。（东岭县新闻办 甲乙 丙丁图/文）.

    Returns the span inside the brackets and the byline; the text before the brackets must end
    a sentence (or be empty)."""
    s = text.rstrip()
    if len(s) < 4 or s[-1] not in "）)":
        return None
    end = len(s) - 1
    lo = max(0, end - 50)
    start = max(s.rfind("（", lo, end), s.rfind("(", lo, end))
    if start < 0 or end - start < 3:
        return None
    inner = s[start + 1:end]
    if any(c in inner for c in "（）()"):
        return None
    before = s[:start].rstrip()
    if before and not (ends_terminal(before) or before[-1] in CLOSERS):
        return None
    b = parse_byline(inner, glued=True, label=True)
    if not b or not (b.reporters or b.kind in ("office", "source")):
        return None
    return start + 1, end, b


def photo_credit(text: str) -> tuple[int, Byline] | None:
    """A photographer's credit at the end of a caption: (offset where it starts, its byline)."""
    tail = text.rstrip()
    tail = tail[:-1].rstrip() if tail[-1:] in "）)" else tail
    if not tail.endswith(("摄", "摄影")):
        return None  # the pattern ends so; searching it through a long paragraph costs much more
    m = tables().photo_credit.search(text)
    if not m:
        return None
    credit = m.group(0).strip()
    inner = credit.strip("（）() ")
    core = re.sub(r"\s*摄影?$", "", inner)
    b = parse_byline(core)
    if not b or not b.reporters:
        return None
    return m.start(), Byline(inner, b.reporters, True, False)


def photo_signed(text: str) -> str | None:
    """A line that ends in a photographer's mark (某某摄; 某 某摄（影像中国）: a note in brackets after it
    aside): the line without that note; else None."""
    s = text.strip()
    if s[-1:] in "）)":
        s = s[:max(s.rfind("（"), s.rfind("("))].rstrip()
    m = tables().photo_mark.search(s, max(0, len(s) - 2))
    return s if m is not None and m.end() == len(s) else None


CAPTION_MARKS = "▲△▼▽"  # printed before a photo's caption (the photo above, below)


def is_caption(text: str) -> bool:
    if text[:1] in CAPTION_MARKS:
        return True
    return photo_credit(text) is not None and not parse_byline(text)


# ---- datelines and titles --------------------------------------------------------------------

def dateline_at(text: str) -> int:
    """Length of a dateline at the start of the line (0 if none): the longest entry that fits."""
    best = 0
    own = text.startswith(("本报", "新华社", "中新社"))  # unmistakable whatever follows
    for rx in tables().datelines:
        m = rx.match(text)
        if not m or m.end() <= best:
            continue
        end = m.end()
        nxt = text[end:end + 1]
        if own or text[end - 1] in "】]" or nxt in ("", " ", "\u3000", "（", "(", "【", "[", "：", ":") \
                or nxt.isdigit():
            best = end
    return best


_BRACKETED = re.compile(r"\s*[（(【]([^）)】（(【]{2,48})[）)】]")
_LEAD_END = " \u3000：:，,"


def inline_byline_at(text: str, pos: int) -> tuple[int, int, Byline] | None:
    """An inline byline right after a dateline: (start, end, byline); the lead goes on after
    one more character (the closing bracket, or the space or colon that ends the byline).

    In brackets: 本报讯（记者 李朝民）…, 东岭新闻网4月4日讯（记者 甲乙）, （县安监）.
    Without brackets it must open with a role and end at a space or colon:
    本报讯 记者 甲乙 22日，…, 本报讯 通讯员丙丁报道：12月5日…"""
    m = _BRACKETED.match(text, pos)
    if m:
        b = parse_byline(m.group(1), glued=True, label=True)
        if not b or not (b.has_role or b.reporters or b.kind == "office"):
            return None
        return m.start(1), m.end(1), b
    s = pos
    while s < len(text) and text[s] in " \u3000":
        s += 1
    r = _role_at(text[s:s + 30])
    if r is None or r[0] != "reporter":
        return None
    ends = [e for e in range(s + r[1], min(len(text), s + 41)) if text[e] in _LEAD_END]
    for e in reversed(ends):
        b = parse_byline(text[s:e], strict=True)
        if b and b.has_role and b.reporters:
            return s, e, b
    return None


def title_like(text: str, heading: int) -> bool:
    """Could this line be a kicker, headline, subheadline or subheading?"""
    n = len(text)
    if heading:
        return n <= 80
    if n > 48 or ends_terminal(text) or text.endswith(("，", ",", "、")):
        return False  # a line ending in a comma is a paragraph cut short, never a title
    if "。" in text or "；" in text or text.count("，") > 2:
        return False
    return True


def sentence_like(text: str) -> bool:
    """Reads as part of a sentence (commas, enumeration marks) rather than a title phrase."""
    t = tables()
    return len(text) > 12 and any(c in text for c in "，,、：:；") and not t.kicker_end.search(text)


def two_clauses(text: str) -> bool:
    """Two phrases joined by one comma or colon, every quotation and bracket closed (弘扬好作风，同心
    协力奔小康 / 川大：以红色文化育新人): a headline's shape; a paragraph cut short by a column break
    lists (、), runs on (a second comma) or leaves a quotation open (“以前办事要跑好几趟，现在在家门)."""
    if sum(text.count(c) for c in "，,：:") != 1 or any(c in text for c in "、；;"):
        return False
    return all(text.count(a) == text.count(b) for a, b in ("“”", "（）", "()", "《》", "‘’"))


CUT_TAIL = 16  # a paragraph under a subheading is longer than this; a cut sentence's rest often is not


def cut_short(text: str, following: str = "") -> bool:
    """A paragraph cut short by a column break rather than an in-article subheading, for an unmarked
    line that no new article starts at: it leaves a quotation or bracket open (“我们会把意见建议带), it
    lists or runs on past a comma (据了解，某某局下一 / 市领导某某、某某、朱; an enumeration's own mark,
    一、, aside), or the line under it only finishes a sentence: it opens with a mark that continues
    one (，/、/。), with a clause of one character (院，某某实地查看…), or it is one short sentence
    (主任某某参加。) where a subheading heads a paragraph."""
    t = tables().numbered.sub("", text, count=1)
    if any(t.count(a) > t.count(b) for a, b in ("“”", "‘’", "（）", "()", "《》")):
        return True
    nxt = following.strip()
    return (any(c in t for c in "，,、") or nxt[:1] in ("，", ",", "、", "。", "；", "：", "）", "”")
            or nxt[1:2] in ("，", ",") or len(nxt) <= CUT_TAIL and nxt.endswith("。"))


def lead_like(text: str) -> bool:
    """Opens like a news lead (7月30日下午，… / 日前，… / 据新华社电 …): body, not a title."""
    t = tables()
    return bool(t.lead_time.match(text)) and any(c in text for c in "，,") or bool(t.wire_lead.match(text))


def activity_headline(text: str) -> bool:
    return len(text) >= 12 and bool(tables().activity.search(text))


_NAME_ACTS = re.compile(r"(?:在|赴|到|深入|主持|会见|会谈|调研|出席|带队|率队|看望|慰问|参加|考察|督导|督查|检查|"
                        r"走访|视察|宣讲|讲授|讲党课|与|一行|陪同|暗访|召开|听取|接待)")


def leading_name(text: str) -> str | None:
    """The official a news headline opens with: 钟铭晨深入南岭区… → 钟铭晨 (None if none)."""
    t = tables()
    for n in (3, 2, 4):
        cand = text[:n]
        if name_like(cand) and _NAME_ACTS.match(text, n):
            return cand
    return None
