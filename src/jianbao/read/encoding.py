"""Decode a page's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5.

GB18030 accepts most byte strings, so a legacy file is decoded both ways and the reading whose
Chinese characters are more often common ones wins (common_chars.txt: simplified and traditional).
"""
from __future__ import annotations

import codecs

from ..errors import BinaryInput, EmptyInput, EncodingUnknown
from ..textutil import common_chars

LEGACY = ("gb18030", "big5")
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def _common_ratio(text: str) -> float:
    cjk = [c for c in text if "\u3400" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    common = common_chars()
    return sum(c in common for c in cjk) / len(cjk)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if c < " " and c not in _CONTROL_OK)
    return bad / len(text)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise EmptyInput / BinaryInput / EncodingUnknown."""
    if not data.strip():
        raise EmptyInput("empty file: there is no text to cut")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name), name
            except UnicodeDecodeError as e:
                raise EncodingUnknown(f"starts with a {name} byte-order mark but byte {e.start} "
                                      f"is invalid: re-save the file as UTF-8") from None
    if b"\x00" in data[:65536]:
        raise BinaryInput("binary file (NUL bytes): give the page as markdown or text")
    try:
        return _checked(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e.start
    readings = []
    for name in LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        readings.append((_common_ratio(text), name, text))
    if not readings:
        raise EncodingUnknown(f"not UTF-8 (bad byte at {utf8_error}), GB18030 or Big5: "
                              "convert it to UTF-8, e.g. iconv -f ENCODING -t UTF-8")
    ratio, name, text = max(readings)
    if ratio < 0.6:
        raise EncodingUnknown(f"not UTF-8 (bad byte at {utf8_error}) and not readable Chinese as "
                              "GB18030 or Big5: convert it to UTF-8, e.g. iconv -f ENCODING -t UTF-8")
    return _checked(text, name), name


def _checked(text: str, name: str) -> str:
    if _control_ratio(text[:65536]) > 0.01:
        raise BinaryInput(f"binary file (control characters after decoding as {name}): "
                          "give the page as markdown or text")
    return text
