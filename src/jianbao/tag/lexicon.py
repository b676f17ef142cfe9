"""Large word lists that ship inside installed packages, read lazily (never at import time).

- the gazetteer: jionlp's `dictionary/china_location.zip` (province → city → county → town → village,
  with the official short names of provinces, cities and counties), Apache-2.0;
- the general dictionary: jieba's `dict.txt` (word, frequency, part of speech), MIT;
- the days of the lunar New Year 1900–2100: the `CHINESE_NEW_YEAR` table in jionlp's
  `gadget/lunar_solar_date.py`, read as text, Apache-2.0.

Only the data files are read; neither package's code is imported. If a package is missing, the list
is empty and the rules still run.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import startcache


def _package_dir(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


@dataclass
class Gazetteer:
    full: dict[str, int] = field(default_factory=dict)    # full name → level (0 province … 4 village)
    short: dict[str, str] = field(default_factory=dict)   # short name → full name (levels 0-2)
    parent: dict[str, str] = field(default_factory=dict)  # full name → full name of its parent
    world: set[str] = field(default_factory=set)          # countries, capitals, large cities

    def level(self, name: str) -> int | None:
        return self.full.get(name)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built from jionlp's files once and then read from the start-up cache
    (startcache.py: 1 s of parsing → 0.15 s)."""
    d = _package_dir("jionlp")
    files = [d / "dictionary" / "china_location.zip", d / "dictionary" / "world_location.txt"] if d else []
    return startcache.cached("gazetteer", __file__, files, _build_gazetteer)


def _build_gazetteer() -> Gazetteer:
    g = Gazetteer()
    d = _package_dir("jionlp")
    path = d / "dictionary" / "china_location.zip" if d else None
    if path is None or not path.exists():
        return g
    with zipfile.ZipFile(path) as z:
        text = z.read("china_location.txt").decode("utf-8")
    stack = [""] * 6
    for line in text.split("\n"):
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        name = parts[0]
        if depth > 4:
            continue
        stack[depth] = name
        # some town/village rows repeat their parents' names as a prefix; keep the own part too
        own = name
        for anc in stack[:depth]:
            if anc and own.startswith(anc) and len(own) > len(anc) + 1:
                own = own[len(anc):]
        for n in {name, own}:
            if n not in g.full or g.full[n] > depth:
                g.full[n] = depth
        if depth:
            g.parent.setdefault(own, stack[depth - 1])
        if len(parts) > 2 and len(parts[2]) >= 2:
            g.short.setdefault(parts[2], name)
    world = d / "dictionary" / "world_location.txt"
    if world.exists():  # countries, their full names, capitals and large cities
        for line in world.read_text(encoding="utf-8").splitlines():
            if "\t" not in line:
                continue
            for part in line.split("\t"):
                for w in part.split("/"):
                    w = w.strip()
                    if len(w) >= 2:
                        g.short.setdefault(w, w)
                        g.world.add(w)
    return g


@lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[int, str]]:
    """jieba's general dictionary: word → (frequency, part of speech)."""
    d = _package_dir("jieba")
    out: dict[str, tuple[int, str]] = {}
    path = d / "dict.txt" if d else None
    if path is None or not path.exists():
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) >= 3:
                out[p[0]] = (int(p[1]), p[2])
    return out


PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})


def common_word(w: str, min_freq: int = 20) -> bool:
    """True when `w` is an ordinary word of the dictionary (not a proper name)."""
    e = dictionary().get(w)
    return bool(e) and e[0] >= min_freq and e[1] not in PROPER_TAGS


@lru_cache(maxsize=1)
def new_years() -> dict[int, dt.date]:
    """Year → the day of its lunar New Year (春节), from the dates (YYYYMMDD) of jionlp's
    CHINESE_NEW_YEAR list."""
    d = _package_dir("jionlp")
    path = d / "gadget" / "lunar_solar_date.py" if d else None
    if path is None or not path.exists():
        return {}
    m = re.search(r"CHINESE_NEW_YEAR\s*=\s*\[([^\]]*)\]", path.read_text(encoding="utf-8"))
    days = [dt.date(int(x[:4]), int(x[4:6]), int(x[6:])) for x in re.findall(r"\d{8}", m.group(1))] if m else []
    return {day.year: day for day in days}
