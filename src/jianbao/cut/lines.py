"""What each line can be, judged from its own words and shape (pure functions, no context)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .tables import tables

TERMINAL = set("。！？；…!?;")
CLOSERS = set("”’」』）)】〕》\"'")
_SEP = re.compile(r"[\s/、，,：:；;（）()【】\[\]]+")
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

STRONG_ALONE = {"weekday", "lunar", "page", "issue_no", "paper", "paper_latin", "credit", "contact"}


def header_kind(text: str) -> tuple[str, frozenset[str]] | None:
    """If the line is made only of header/footer tokens: ("header" | "footer", token classes).

    "footer" when it carries editorial credits or contacts; None when some word on the line is
    not furniture. Whether the classes are enough depends on where the line stands (segment.py).
    """
    t = tables()
    s = t.t2s.convert(text)
    pos, classes = 0, set()
    n = len(s)
    while pos < n:
        if s[pos] in " \u3000·・|/,，、　-—–:：()（）[]【】\t":
            pos += 1
            continue
        for name, _strong, rx in t.header_tokens:
            m = rx.match(s, pos)
            if m and m.end() > pos:
                pos = m.end()
                classes.add(name)
                break
        else:
            return None
    if not classes:
        return None
    kind = "footer" if classes & {"credit", "contact"} else "header"
    return kind, frozenset(classes)


def jump_in(text: str) -> tuple[str, str, int, int] | None:
    """A jump marker in the line: (direction, page as printed, start, end) including its brackets."""
    for direction, rx in tables().jumps:
        m = rx.search(text)
        if m:
            a, b = m.start(), m.end()
            while a > 0 and text[a - 1] in "（([【〔<〈 ":
                a -= 1
            while b < len(text) and text[b] in "）)]】〕>〉 ":
                b += 1
            return direction, m.group("page"), a, b
    return None


def is_jump_line(text: str) -> bool:
    j = jump_in(text)
    if not j:
        return False
    rest = text[:j[2]] + text[j[3]:]
    return not any(c.isalnum() for c in rest)


def logo_shaped(text: str, loose: bool = False) -> bool:
    """A column logo: a known slogan, or short parallel phrases without punctuation.

    `loose` (a line standing above other title lines) admits phrases of up to 8 characters.
    """
    t = tables()
    flat = re.sub(r"\s+", "", text)
    if flat in t.slogans:
        return True
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
        return True
    if token[:2] in t.compound_surnames:
        return len(token) <= 4
    return token[0] in t.surnames and len(token) <= 3


@dataclass(frozen=True)
class Byline:
    text: str                  # as printed, decoration removed
    reporters: tuple[str, ...]
    has_role: bool
    decorated: bool


def _glued_names(token: str) -> list[str] | None:
    """Two names printed without a space (OCR or a narrow column): 刘嘉涛龚源耀 → 刘嘉涛, 龚源耀."""
    if not 4 <= len(token) <= 6 or not all("\u4e00" <= c <= "\u9fff" for c in token):
        return None
    for cut in (3, 2, 4):
        a, b = token[:cut], token[cut:]
        if 2 <= len(b) <= 3 and name_like(a) and name_like(b):
            return [a, b]
    return None


def parse_byline(text: str, glued: bool = False) -> Byline | None:
    """A byline line: roles and names only ("本报记者 陈润", "■王佩", "杨涛 文/李前进 图").

    `glued`: names may stand without a space between them (inside the brackets after a dateline)."""
    t = tables()
    core = strip_decoration(text)
    decorated = len(core) < len(text)
    core = core.strip()
    if not core or len(core) > 48 or ends_terminal(core):
        return None
    names: list[str] = []
    has_role = False
    editor = False
    for tok in _SEP.split(core):
        if not tok:
            continue
        while tok:
            m = t.editor_role.match(tok)
            r = t.reporter_role.match(tok)
            if r and (not m or r.end() >= m.end()) and r.end() > 0:
                has_role, editor = True, False
                tok = tok[r.end():]
                continue
            if m and m.end() > 0:
                has_role, editor = True, True
                tok = tok[m.end():]
                continue
            if name_like(tok) or (has_role and _CJK_NAME.fullmatch(tok) and len(tok) <= 4):
                if not editor:
                    names.append(tok)
                tok = ""
                continue
            # after a role, a name run into the next role (OCR drops spaces): 崔嘉通讯员叶凤卫
            k = next((k for k in (2, 3, 4) if has_role and t.reporter_role.match(tok, k)
                      and _CJK_NAME.fullmatch(tok[:k])), 0)
            if k:
                if not editor:
                    names.append(tok[:k])
                tok = tok[k:]
                continue
            pair = _glued_names(tok) if glued else None
            if pair:
                if not editor:
                    names.extend(pair)
                tok = ""
                continue
            return None
    if not names and not has_role:
        return None
    if not names and not editor:
        return None
    return Byline(core, tuple(dict.fromkeys(names)), has_role, decorated)


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


def is_caption(text: str) -> bool:
    if text[:1] in "▲△▼▽":
        return True
    return photo_credit(text) is not None and not parse_byline(text)


# ---- datelines and titles --------------------------------------------------------------------

def dateline_at(text: str) -> int:
    """Length of a dateline at the start of the line (0 if none)."""
    m = tables().dateline.match(text)
    if not m:
        return 0
    end = m.end()
    nxt = text[end:end + 1]
    own = text.startswith(("本报", "新华社", "中新社"))  # unmistakable whatever follows
    if own or nxt in ("", " ", "\u3000", "（", "(", "【", "[", "：", ":") or nxt.isdigit():
        return end
    return 0


def inline_byline_at(text: str, pos: int) -> tuple[int, int, Byline] | None:
    """An inline byline in brackets right after a dateline: 本报讯（记者 李朝民）…"""
    m = re.compile(r"\s*[（(【]([^）)】]{2,40})[）)】]").match(text, pos)
    if not m:
        return None
    b = parse_byline(m.group(1), glued=True)
    if not b or not (b.has_role or b.reporters):
        return None
    return m.start(1), m.end(1), b


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


def lead_like(text: str) -> bool:
    """Opens like a news lead (7月30日下午，… / 日前，…): body, not a title."""
    return bool(tables().lead_time.match(text)) and any(c in text for c in "，,")


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
