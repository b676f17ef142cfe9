"""Text helpers shared by the reader and the cutter (below both in the layers: tests/test_layers.py).

`clean_line` removes a parser's markup from one line (heading marks, bold/italic marks, block
quotes, bullets, escapes, hard-break spaces; only non-alphanumeric characters are ever removed) and
`clean_offsets` maps what is left back to offsets into the page: the reader makes a line's block
with the one, the cutter gives every field its spans with the other, so both see the same text.
`common_chars` is the list of common Chinese characters (simplified and traditional) that tells
encodings apart. `t2s_table` folds traditional characters to simplified ones, one for one, so that
offsets stay valid: the cutter reads its tables over it (本報訊 → 本报讯), the archive indexes with it
(秦國文 finds 秦国文). `jump_in` finds a jump marker (上接第一版, 下转第3版; the table data/jumps.toml)
and `is_jump_line` says a line is one and nothing more: the reader keeps such a line a paragraph of
its own, the cutter makes it the jump of its article.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

import opencc

_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_BULLET = re.compile(r"[ \t]{0,3}[-*+][ \t]+(?=\S)")
_IMAGE = re.compile(r"\s*(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)\s*$", re.I)
# inline marks: **, __, a lone * or _ that wraps words, escapes before punctuation
_INLINE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!|>~]|\*\*|__|(?<![\w*\\])\*(?=\S)|(?<=\S)\*(?![\w*])")
_SPACE = re.compile(r"[ \t\u3000\u00a0\u2002-\u200b\ufeff]+")

@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    text = resources.files("jianbao.data").joinpath("common_chars.txt").read_text(encoding="utf-8")
    return frozenset(text.strip())


# the CJK blocks whose characters OpenCC may simplify: Extension A, the Unified Ideographs
_CJK = (range(0x3400, 0x4DC0), range(0x4E00, 0xA000))


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Code point of a traditional character → its simplified form, where OpenCC's t2s gives exactly
    one character (so folding keeps every offset). Built once, in about 0.1 s; for str.translate."""
    conv = opencc.OpenCC("t2s")
    table = {}
    for block in _CJK:
        for cp in block:
            s = conv.convert(chr(cp))
            if len(s) == 1 and s != chr(cp):
                table[cp] = s
    return table


def clean_line(line: str) -> tuple[str, int, bool, bool]:
    """Return (text, heading level, whole line bold, is an image) for one raw line."""
    kept = _segments(line)
    text = "".join(line[a:b] for a, b in kept)
    text = _SPACE.sub(" ", text).strip()
    m = _HEADING.match(line)
    heading = len(m.group(1)) if m else 0
    body = line[m.end():] if m else line
    bold = bool(re.fullmatch(r"\s*(\*\*|__).+\1\s*", _QUOTE.sub("", body, count=1)))
    image = bool(_IMAGE.match(line))
    return text, heading, bold, image


def _segments(line: str) -> list[tuple[int, int]]:
    """Ranges of `line` kept after markup is removed (images are kept whole)."""
    if _IMAGE.match(line):
        s = line.strip()
        a = line.index(s)
        return [(a, a + len(s))]
    start = 0
    for rx in (_QUOTE, _HEADING, _BULLET):
        m = rx.match(line, start)
        if m and m.end() > start:
            start = m.end()
    kept, pos = [], start
    for m in _INLINE.finditer(line, start):
        if m.start() > pos:
            kept.append((pos, m.start()))
        # an escape (\*) drops the backslash and keeps the character after it
        pos = m.start() + 1 if m.group(0)[0] == "\\" else m.end()
    if pos < len(line):
        kept.append((pos, len(line)))
    return kept


def clean_offsets(line: str, line_start: int) -> list[int]:
    """For each character of clean_line(line)'s text, its offset in Page.text.

    White space is folded the same way: a run becomes one space (mapped to the run's first
    character), and leading and trailing runs are dropped.
    """
    pairs = [(line[i], line_start + i) for a, b in _segments(line) for i in range(a, b)]
    out: list[int] = []
    pending: int | None = None
    for c, off in pairs:
        if _SPACE.fullmatch(c):
            if out and pending is None:
                pending = off
            continue
        if pending is not None:
            out.append(pending)
            pending = None
        out.append(off)
    return out


@lru_cache(maxsize=1)
def jumps() -> tuple[tuple[str, re.Pattern], ...]:
    """(direction, pattern) of every entry of data/jumps.toml, in order: "from" (上接第一版) or "on"
    (下转第3版); each pattern names the page as printed (`page`)."""
    with resources.files("jianbao.data").joinpath("jumps.toml").open("rb") as f:
        data = tomllib.load(f)
    return tuple((it.get("direction", ""), re.compile(it.get("pattern") or re.escape(it.get("text", ""))))
                 for items in data.values() if isinstance(items, list) for it in items)


def jump_in(text: str) -> tuple[str, str, int, int] | None:
    """A jump marker in the line: (direction, page as printed, start, end) including its brackets."""
    for direction, rx in jumps():
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
    """Is the line a jump marker and nothing more (（下转第三版）, ▶上接1版)?"""
    j = jump_in(text)
    if not j:
        return False
    rest = text[:j[2]] + text[j[3]:]
    return not any(c.isalnum() for c in rest)
