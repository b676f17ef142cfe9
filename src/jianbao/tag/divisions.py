"""Places → administrative divisions: each place an article names gets its division's code, level
and province / prefecture / county, or no code and the reason.

The divisions are data/divisions.tsv (NBS codes down to townships; scripts/make_divisions.py). A
name is looked up as written and by its short forms (衡阳 of 衡阳市, 海北州 of 海北藏族自治州: the
endings and peoples of data/division_words.tsv); a name that is a chain ("湖南省衡阳市衡山县") is read
from the left, each part among the divisions of the one before. When a name has several candidates,
one general rule decides: the candidate nearest in the tree of divisions (steps up and down) to
the evidence — the paper's home region (read from its name: 衡阳日报 → 衡阳市), the dateline's
place, and the other places of the same article — wins, with the tree's root standing in when
nothing relates (so a city beats a county of the same short name). A tie is "ambiguous". Township
names repeat across the country: one with namesakes is taken only when the evidence is in its own
prefecture, and a unique one not when the evidence lies in other provinces only.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..model import PlaceRef
from . import data as _data
from . import lexicon

LEVELS = ("province", "prefecture", "county", "township")
_DIGITS = {"province": 2, "prefecture": 4, "county": 6, "township": 9}
MAX_NAME = 12       # longest key looked for when scanning a paper's name or a dateline


class Division(NamedTuple):  # a named tuple: 44,703 of them are made at load, 3x faster than a frozen dataclass
    code: str       # the table's significant digits: 2, 4, 6 or 9
    level: str
    name: str

    @property
    def depth(self) -> int:
        return LEVELS.index(self.level) + 1

    def path(self) -> tuple[str, ...]:
        """The codes of its ancestors and itself, province first."""
        return tuple(self.code[:n] for n in (2, 4, 6, 9)[:self.depth])


def full_code(code: str) -> str:
    """The code as researchers join on it: six digits down to counties (430400), nine for townships."""
    return code if len(code) == 9 else code.ljust(6, "0")


def significant(code: str) -> str:
    """The digits of a code that name its division: 430400 → 4304, 430000 → 43; the prefix every
    division inside it starts with."""
    code = code.strip()
    if len(code) == 6:
        while code.endswith("00") and len(code) > 2:
            code = code[:-2]
    return code


class Table:
    """The divisions by code, and every name and short form → its candidates."""

    def __init__(self, rows: list[tuple[str, str, str]]):
        self.by_code: dict[str, Division] = {}
        self.full: dict[str, list[Division]] = {}
        self.short: dict[str, list[Division]] = {}
        placeholders = set(_words("placeholder")) | set(_words("suffix"))
        for code, level, name in rows:
            d = Division(code, level, name)
            self.by_code[code] = d
            if name in placeholders:
                continue
            self.full.setdefault(name, []).append(d)
            if level != "township":
                for s in short_forms(name):
                    if s != name:
                        self.short.setdefault(s, []).append(d)

    def candidates(self, name: str) -> list[Division]:
        return self.full.get(name) or self.short.get(name) or []

    def named(self, code: str) -> str:
        d = self.by_code.get(code)
        return d.name if d and d.name not in _words("placeholder") and d.name not in _words("suffix") else ""

    def ref(self, name: str, d: Division) -> PlaceRef:
        p = d.path()
        return PlaceRef(name, full_code(d.code), d.level, self.named(p[0]),
                        self.named(p[1]) if len(p) > 1 else "", self.named(p[2]) if len(p) > 2 else "")


@lru_cache(maxsize=None)
def _words(kind: str) -> tuple[str, ...]:
    """The words of data/division_words.tsv of this kind, longest first (file order among equals)."""
    return tuple(sorted(_data.marked("division_words", kind), key=len, reverse=True))


@lru_cache(maxsize=None)
def _short_of(kind: str) -> dict[str, str]:
    return {r[0]: r[2] for r in _data.rows("division_words") if r[1] == kind and len(r) > 3 and r[2]}


def short_forms(name: str) -> list[str]:
    """A province's, prefecture's or county's short forms: without its ending and the peoples before
    an autonomous ending (广西 of 广西壮族自治区), and the ending's own short form after it (甘孜州)."""
    suffix = next((s for s in _words("suffix") if name.endswith(s) and len(name) - len(s) >= 2), None)
    if suffix is None:
        return []
    stem = name[:-len(suffix)]
    peoples = _words("ethnic")
    while True:
        people = next((p for p in peoples if stem.endswith(p)), None)
        if people is None:
            break
        if len(stem) - len(people) >= 2:
            stem = stem[:-len(people)]
        else:
            stem = _short_of("ethnic").get(people, stem)
            break
    out = [stem]
    if _short_of("suffix").get(suffix):
        out.append(stem + _short_of("suffix")[suffix])
    return out


@lru_cache(maxsize=1)
def table() -> Table:
    text = (_data.DATA / "divisions.tsv").read_text(encoding="utf-8")
    rows = [tuple(line.split("\t", 3)[:3]) for line in text.split("\n")
            if line.strip() and not line.startswith("#")]
    return Table(rows)


def distance(a: Division, b: Division) -> int:
    """Steps in the tree of divisions from `a` to `b` (up to their nearest common one, then down)."""
    pa, pb = a.path(), b.path()
    shared = 0
    while shared < min(len(pa), len(pb)) and pa[shared] == pb[shared]:
        shared += 1
    return len(pa) + len(pb) - 2 * shared


def _shared_levels(a: Division, b: Division) -> int:
    return (a.depth + b.depth - distance(a, b)) // 2


def pick(cands: list[Division], context: list[Division]) -> tuple[Division | None, str]:
    """The candidate nearest to the evidence, or None and the reason."""
    cands = list(dict.fromkeys(cands))
    if len(cands) == 1:  # a unique name, or the one division of a chain's part
        c = cands[0]
        if c.level == "township" and context and not any(_shared_levels(c, x) >= 1 for x in context):
            return None, "township outside the article's provinces"  # a namesake the table lacks, or renamed
        return c, ""

    def score(c: Division) -> int:
        return min([c.depth] + [distance(c, x) for x in context])
    scored = sorted(cands, key=score)
    best = score(scored[0])
    top = [c for c in scored if score(c) == best]
    if len(top) > 1:
        return None, f"ambiguous: {len(top)} candidates"
    c = top[0]
    if c.level == "township" and not any(_shared_levels(c, x) >= 2 for x in context):
        return None, f"ambiguous: {len(cands)} candidates"
    return c, ""


def _chain(name: str) -> tuple[list[Division], str] | None:
    """A name read as a chain from the left: the longest leading division, then the rest among its
    own divisions ("上海市徐汇区"). None when no division leads; otherwise the candidates of the rest
    (empty and a reason when the rest names no division in it: a site, "衡阳综合保税区")."""
    t = table()
    for n in range(len(name) - 2, 1, -1):
        head = t.candidates(name[:n])
        if not head:
            continue
        rest = name[n:]
        inner = [c for c in t.candidates(rest) if any(h.code == c.code[:len(h.code)] for h in head)]
        if not inner:
            deeper = _chain(rest)
            inner = [c for c in (deeper[0] if deeper else []) if any(h.code == c.code[:len(h.code)] for h in head)]
        return (inner, "") if inner else ([], "not a division")
    return None


def _unresolved_reason(name: str) -> str:
    if name in _data.keys("home_country"):
        return "the whole country"
    if lexicon.gazetteer().world and name in lexicon.gazetteer().world:
        return "outside China"
    if any(name.endswith(w) for w in _words("village")):
        return "not a division: below the townships"
    if _data.ends_with_any(name, len(name), _site_suffixes()):
        return "not a division"
    return "unknown"


@lru_cache(maxsize=1)
def _site_suffixes() -> tuple[str, ...]:
    """Endings of zones and sites (data/place_suffixes.tsv, kinds zone and site), longest first."""
    return tuple(sorted((r[0] for r in _data.rows("place_suffixes") if r[1] in ("zone", "site")),
                        key=lambda w: (-len(w), w)))


def candidates(name: str) -> tuple[list[Division], str]:
    """The divisions a place name may be, and a reason when there are none."""
    found = table().candidates(name)
    if found:
        return found, ""
    chained = _chain(name)
    if chained is not None and (chained[0] or chained[1]):
        return chained
    return [], _unresolved_reason(name)


def resolve(name: str, context: list[Division]) -> PlaceRef:
    cands, why = candidates(name)
    if not cands:
        return PlaceRef(name, reason=why)
    d, why = pick(cands, context)
    return table().ref(name, d) if d else PlaceRef(name, reason=why)


def scan(text: str | None) -> list[Division]:
    """The divisions a short text names (a paper's name, a dateline), each read alone: the longest
    name at each place, left to right; one that stays ambiguous is left out."""
    out: list[Division] = []
    if not text:
        return out
    t = table()
    i = 0
    while i < len(text) - 1:
        for n in range(min(MAX_NAME, len(text) - i), 1, -1):
            cands = [c for c in t.candidates(text[i:i + n]) if c.level != "township"]
            if cands:
                d, _ = pick(cands, out)
                if d:
                    out.append(d)
                i += n - 1
                break
        i += 1
    return out


@lru_cache(maxsize=4096)
def home_region(paper: str | None) -> Division | None:
    """The paper's home region as its name says it (衡阳日报 → 衡阳市); None for a national paper
    or a name that names no division."""
    found = scan(paper)
    return found[0] if found else None


def by_code(code: str | None) -> Division | None:
    return table().by_code.get(significant(code)) if code else None


def resolve_places(places: list[str], paper: str | None, dateline: str | None,
                   home: Division | None = None) -> list[PlaceRef]:
    """Every place of one article resolved against the evidence: the paper's home region (from its
    name, or `home` as the archive recorded it), the dateline, and — in a second pass — the places
    of the same article resolved in the first."""
    t = table()
    base = [d for d in (home or home_region(paper),) if d] + scan(dateline)
    first = [resolve(p, base) for p in places]
    refs = []
    for i, p in enumerate(places):
        others = [t.by_code[significant(r.code)] for j, r in enumerate(first) if r.code and places[j] != p]
        refs.append(resolve(p, base + others))
    return refs
