"""Markdown or plain text → Page of Blocks (one block per non-blank line).

What parsers put around the words is removed by `textutil.clean_line` and only there: heading marks,
bold/italic marks, block quotes, bullets, escapes, hard-break spaces. Every removed character is
non-alphanumeric, so the words and digits of a line are all in its block's text.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import TooLarge
from ..model import Block, Page, PageMeta
from ..settings import Settings
from ..textutil import clean_line, clean_offsets
from .encoding import decode

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
