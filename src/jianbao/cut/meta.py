"""Page metadata: from the user's flags, else the page's own header and footer, else the file name."""
from __future__ import annotations

import re
import unicodedata

from ..model import Furniture, PageMeta
from ..settings import Settings
from .lines import free_word
from .segment import digits
from .tables import tables

_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
                   r"|(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
_LETTER = re.compile(r"^[A-Za-z]+(?=\d)")
_FILE = re.compile(r"(?P<paper>.+?)[-_](?P<y>(?:19|20)\d{2})-?(?P<m>\d{2})-?(?P<d>\d{2})(?:[-_]p?(?P<page>[A-Za-z]?\d{1,3}))?$", re.I)


def page_number(printed: str) -> str:
    """The spec's 版次, digits: 第三版 → "3", 第12版 → "12"; a lettered page (A02, 第A2版, A2版, B03)
    is its number without the section letter, "2" / "2" / "2" / "3", as the gold files have it."""
    s = re.sub(r"[第版\s]", "", unicodedata.normalize("NFKC", printed))
    return digits(_LETTER.sub("", s))


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
            d = iso(*(g for g in m.groups() if g))
            if d:
                found["date"] = d
        m = names["page"].search(s) or names["page_code"].search(s)
        if m and "page" not in found:
            found["page"] = page_number(m.group(0))
            rest = s[m.end():].strip(" ·|/：:")
            sec = names["section"].match(rest)
            sec = sec.group(0).strip() if sec else (free_word(rest) if s[m.end():].lstrip()[:1] in ":：" else None)
            if sec and "section" not in found:
                found["section"] = sec
        m = names["paper"].search(s)
        if m and "paper" not in found:
            found["paper"] = m.group(0)
        label = names["source_label"].match(s.lstrip())   # 来源：经济参考报 …: the name after the label
        free = free_word(s.lstrip()[label.end():] if label else s)
        if free and "paper" not in found and _DATE.search(s) and not names["page"].match(free):
            found["paper"] = free  # a name no table knows before the date (新京报, 延吉新闻网)
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
        out["page"] = page_number(m.group("page"))
    return out


def page_meta(source: str | None, furniture: list[Furniture], settings: Settings) -> PageMeta:
    page = from_furniture(furniture)
    name = from_filename(source)

    def pick(key: str, flag: str | None) -> str | None:
        return flag or page.get(key) or name.get(key)

    return PageMeta(paper=pick("paper", settings.paper), date=pick("date", settings.date),
                    page=pick("page", settings.page), section=page.get("section"), source=source)
