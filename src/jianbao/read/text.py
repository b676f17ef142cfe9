"""Markdown or plain text → Page of Blocks (one block per non-blank line).

What parsers put around the words is removed here and only here: heading marks, bold/italic
marks, block quotes, bullets, escapes, hard-break spaces. Every removed character is
non-alphanumeric, so the words and digits of a line are all in its block's text.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import TooLarge
from ..model import Block, Page, PageMeta
from ..settings import Settings
from .encoding import decode

_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_BULLET = re.compile(r"[ \t]{0,3}[-*+][ \t]+(?=\S)")
_IMAGE = re.compile(r"\s*(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)\s*$", re.I)
# inline marks: **, __, a lone * or _ that wraps words, escapes before punctuation
_INLINE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!|>~]|\*\*|__|(?<![\w*\\])\*(?=\S)|(?<=\S)\*(?![\w*])")
_SPACE = re.compile(r"[ \t\u3000\u00a0\u2002-\u200b\ufeff]+")
_HR = re.compile(r"\s*(?:[-*_]\s*){3,}$")


def read_text_path(path: Path, settings: Settings) -> Page:
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise TooLarge(f"too large ({size / 1048576:.1f} MB; the limit is "
                       f"{settings.max_bytes / 1048576:.0f} MB): split it into pages or raise --max-mb")
    return read_text_bytes(path.read_bytes(), path.name, settings)


def read_text_bytes(data: bytes, source: str, settings: Settings) -> Page:
    if len(data) > settings.max_bytes:
        raise TooLarge(f"too large ({len(data) / 1048576:.1f} MB; the limit is "
                       f"{settings.max_bytes / 1048576:.0f} MB): split it into pages or raise --max-mb")
    text, encoding = decode(data)
    return page_from_text(text, source, encoding)


def normalise(text: str) -> str:
    """NFC (CJK compatibility ideographs → unified), one kind of newline, no BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def page_from_text(text: str, source: str = "-", encoding: str = "utf-8") -> Page:
    text = normalise(text)
    blocks: list[Block] = []
    gap = True
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip() or (_HR.match(line) and not any(c.isalnum() for c in line)):
            gap = True
            continue
        clean, heading, bold, image = clean_line(line)
        if not clean:
            # a line of markup only (e.g. "**" or ">"): nothing alphanumeric in it
            gap = True
            continue
        lead = line[:len(line) - len(line.lstrip())]
        indent = "\u3000" in lead or "\t" in lead or lead.count(" ") >= 2
        blocks.append(Block(len(blocks), start, end, clean, heading, bold, gap, image, indent))
        gap = False
    return Page(text=text, blocks=blocks, meta=PageMeta(source=source), encoding=encoding)


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
