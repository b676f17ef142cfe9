"""Text cut into marked pieces for the templates, which escape every piece (nothing here builds HTML).

- `entity_pieces`: an article's text with persons, places and organisations marked and linked.
- `snippet_pieces`: a search snippet with the matched ranges marked.
- `owners`: who owns each stretch of a page's original input (which article, furniture, nobody).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class Piece:
    text: str
    kind: str = ""   # "", "per", "loc", "org", "mark"
    href: str = ""


def person_url(name: str) -> str:
    return "/person/" + quote(name, safe="")


def entity_links(persons: list[str], places: list[str], orgs: list[str]) -> dict[str, tuple[str, str]]:
    """name → (kind, href); a name tagged twice keeps its first kind (person, then place, then org)."""
    out: dict[str, tuple[str, str]] = {}
    for name in orgs:
        out[name] = ("org", "/search?" + urlencode({"q": f'"{name}"'}))
    for name in places:
        out[name] = ("loc", "/search?" + urlencode({"place": name}))
    for name in persons:
        out[name] = ("per", person_url(name))
    return {k: v for k, v in out.items() if k.strip()}


def entity_pieces(text: str, links: dict[str, tuple[str, str]]) -> list[Piece]:
    if not links or not text:
        return [Piece(text)]
    names = sorted(links, key=len, reverse=True)   # longest first: 衡阳市委 before 衡阳
    rx = re.compile("|".join(re.escape(n) for n in names))
    out: list[Piece] = []
    at = 0
    for m in rx.finditer(text):
        if m.start() > at:
            out.append(Piece(text[at:m.start()]))
        kind, href = links[m.group()]
        out.append(Piece(m.group(), kind, href))
        at = m.end()
    if at < len(text):
        out.append(Piece(text[at:]))
    return out


def snippet_pieces(snippet: str, marks: list[tuple[int, int]]) -> list[Piece]:
    out: list[Piece] = []
    at = 0
    for a, b in sorted(marks):
        a, b = max(a, at), min(b, len(snippet))
        if a >= b:
            continue
        if a > at:
            out.append(Piece(snippet[at:a]))
        out.append(Piece(snippet[a:b], "mark"))
        at = b
    if at < len(snippet):
        out.append(Piece(snippet[at:]))
    return out


def owners(doc: dict, length: int) -> list[tuple[int, int, str]]:
    """[start, end) stretches of the page text covering 0..length, each with its owner:
    'article:SEQ', 'furniture:SEQ' or 'none' (blank lines, removed markup)."""
    marks: list[tuple[int, int, str]] = []
    for k, a in enumerate(doc.get("articles") or []):
        for spans in (a.get("spans") or {}).values():
            marks += [(int(s[0]), int(s[1]), f"article:{k}") for s in spans]
    for k, f in enumerate(doc.get("furniture") or []):
        marks += [(int(s[0]), int(s[1]), f"furniture:{k}") for s in f.get("spans") or []]
    marks = sorted((max(0, a), min(b, length), o) for a, b, o in marks if a < length and b > a)
    out: list[tuple[int, int, str]] = []
    at = 0
    for a, b, o in marks:
        a = max(a, at)
        if a >= b:
            continue
        if a > at:
            out.append((at, a, "none"))
        if out and out[-1][2] == o and out[-1][1] == a:
            out[-1] = (out[-1][0], b, o)
        else:
            out.append((a, b, o))
        at = b
    if at < length:
        out.append((at, length, "none"))
    # a gap of white space between two stretches of one owner belongs to it
    merged: list[tuple[int, int, str]] = []
    for s in out:
        if (len(merged) >= 2 and merged[-1][2] == "none" and merged[-2][2] == s[2]
                and merged[-1][1] - merged[-1][0] < 4):
            gap = merged.pop()
            prev = merged.pop()
            merged.append((prev[0], s[1], s[2]) if gap else prev)
        else:
            merged.append(s)
    return merged
