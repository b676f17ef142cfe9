"""Page metadata: from the user's flags, else the page's own header and footer, else the file name."""
from __future__ import annotations

import re

from ..model import Furniture, PageMeta
from ..settings import Settings
from .segment import digits
from .tables import tables

_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_FILE = re.compile(r"(?P<paper>.+?)[-_](?P<y>(?:19|20)\d{2})-?(?P<m>\d{2})-?(?P<d>\d{2})(?:[-_]p?(?P<page>[A-Za-z]?\d{1,3}))?$", re.I)


def iso(y: str, m: str, d: str) -> str | None:
    y_, m_, d_ = int(y), int(m), int(d)
    if not (1 <= m_ <= 12 and 1 <= d_ <= 31):
        return None
    return f"{y_:04d}-{m_:02d}-{d_:02d}"


def from_furniture(furniture: list[Furniture]) -> dict[str, str]:
    t = tables()
    found: dict[str, str] = {}
    names = {name: rx for name, _, rx in t.header_tokens}
    for f in furniture:
        if f.kind not in ("page_header", "page_footer"):
            continue
        s = t.t2s.convert(f.text)
        m = _DATE.search(s)
        if m and "date" not in found:
            d = iso(*m.groups())
            if d:
                found["date"] = d
        m = names["page"].search(s)
        if m and "page" not in found:
            num = re.sub(r"[第版\s]", "", m.group(0))
            found["page"] = digits(num)
            rest = s[m.end():].strip(" ·|/")
            sec = names["section"].match(rest)
            if sec and "section" not in found:
                found["section"] = sec.group(0).strip()
        m = names["paper"].search(s)
        if m and "paper" not in found:
            found["paper"] = m.group(0)
        if "section" not in found:
            sec = names["section"].fullmatch(s.strip())
            if sec:
                found["section"] = sec.group(0)
    return found


def from_filename(source: str | None) -> dict[str, str]:
    if not source or source == "-":
        return {}
    stem = re.sub(r"\.[A-Za-z0-9]{1,8}$", "", source.rsplit("/", 1)[-1])
    m = _FILE.match(stem)
    if not m:
        return {}
    out = {"paper": m.group("paper")}
    d = iso(m.group("y"), m.group("m"), m.group("d"))
    if d:
        out["date"] = d
    if m.group("page"):
        out["page"] = digits(m.group("page"))
    return out


def page_meta(source: str | None, furniture: list[Furniture], settings: Settings) -> PageMeta:
    page = from_furniture(furniture)
    name = from_filename(source)

    def pick(key: str, flag: str | None) -> str | None:
        return flag or page.get(key) or name.get(key)

    return PageMeta(paper=pick("paper", settings.paper), date=pick("date", settings.date),
                    page=pick("page", settings.page), section=page.get("section"), source=source)
