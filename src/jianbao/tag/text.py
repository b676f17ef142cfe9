"""Working text: one length-preserving normal form for matching, and small character classes.

Matching runs on a copy of each field in which half-width punctuation is made full-width and
full-width letters and digits are made ASCII, so every rule sees one spelling; a space that a parser
left between two Chinese characters ("泗坪中 学") is dropped. Names are returned as they stand in the
working copy, which the scorer treats as equal to the printed text.
"""
from __future__ import annotations

import re
import unicodedata

_PUNCT = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？",
          "\u3000": " ", "\u00a0": " "}


def _char(c: str) -> str:
    if c in _PUNCT:
        return _PUNCT[c]
    o = ord(c)
    if 0xFF01 <= o <= 0xFF5E:
        k = unicodedata.normalize("NFKC", c)
        if k.isalnum():
            return k
    return c


_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff])[ \t]+(?=[\u3400-\u9fff])")


def normalize(s: str | None) -> str:
    if not s:
        return ""
    s = "".join(_char(c) for c in s) if not s.isascii() else s.translate(str.maketrans(
        {k: v for k, v in _PUNCT.items() if len(k) == 1}))
    return _CJK_SPACE.sub("", s)


def is_cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or c == "\U00020000"


def is_name_char(c: str) -> bool:
    """A character that can be part of a Chinese name (CJK ideograph or the middle dot)."""
    return "\u3400" <= c <= "\u9fff" or c in "·•"


def is_word_char(c: str) -> bool:
    """A character that can be part of a title, place or organisation name."""
    return "\u3400" <= c <= "\u9fff" or c.isascii() and c.isalnum()


SENT_END = "。！？；"
CLAUSE_END = "。！？；，：、"

_SENT = re.compile(r"[^。！？；]*[。！？；]?")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, ending punctuation included; linear in len(text)."""
    out = []
    for m in _SENT.finditer(text):
        if m.end() > m.start():
            out.append((m.start(), m.end()))
    return out
