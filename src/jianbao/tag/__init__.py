"""Article → persons, titles, places, orgs, dates, events.

Each module is a pure find step (`match`) over the article's normalised fields; this module writes
what they found into the article (`persons`, `places`, `orgs`, `events`) and leaves every cut field
as it was. Word lists load lazily on first use: importing the package is cheap.
"""
from __future__ import annotations

from ..errors import JianbaoError
from ..model import Article, PageDoc, Person
from ..settings import Settings
from . import byline as _byline
from . import dates as _dates
from . import entities as _entities
from . import events as _events
from . import names as _names
from . import titles as _titles
from . import unknown as _unknown
from . import persons as _persons
from .text import normalize


class Fields:
    """The article's text fields, normalised, as (field name, text) pairs in reading order."""

    def __init__(self, a: Article):
        parts = [("kicker", a.kicker), ("headline", a.headline), ("subheadline", a.subheadline)]
        parts += [(f"paragraphs[{i}]", p) for i, p in enumerate(a.paragraphs or [])]
        self.items = [(k, normalize(v)) for k, v in parts if isinstance(v, str) and v.strip()]

    @property
    def body(self) -> list[tuple[str, str]]:
        return [(k, t) for k, t in self.items if k.startswith("paragraphs")]


def find_persons(a: Article, f: Fields) -> tuple[dict[str, list[str]], dict[str, list]]:
    """name → titles, and name → mentions (field, start, end), for one article."""
    known: set[str] = set()
    people: dict[str, list[str]] = {}

    def put(name: str, ts: list[str]) -> None:
        got = people.setdefault(name, [])
        got += [t for t in ts if t and t not in got]

    for name, role in _byline.match(a.byline, a.reporters):
        put(name, [role] if role else [])
        known.add(name)
    found: list[tuple[str, _persons.Mention]] = []
    for _ in range(2):  # a second pass lets names read later help earlier fields
        found = [(k, m) for k, t in f.items for m in _persons.match(t, known)]
    for k, t in f.items:  # names after a title that no surname opens, read by the model
        starts = {m.start: m.end for kk, m in found if kk == k}
        for hs, s, e in _unknown.after_titles(t, starts):
            ts, chain = _persons.title_chain(t, hs, s)
            old = next((m for kk, m in found if kk == k and m.start == s), None)
            if old is not None:  # the rules' three-character guess gives way to the longer name
                found.remove((k, old))
                known.discard(old.name)
            found.append((k, _persons.Mention(t[s:e], s, e, ts, "title", chain)))
            known.add(t[s:e])
    for _, m in found:
        put(m.name, m.titles)
    mentions: dict[str, list] = {}
    for k, t in f.items:
        for m in _persons.bare(t, known):
            if m.name not in people:
                put(m.name, [])
            mentions.setdefault(m.name, []).append((k, m.start, m.end))
    return people, mentions


def tag_article(a: Article, issue_date: str | None) -> Article:
    f = Fields(a)
    people, mentions = find_persons(a, f)
    a.persons = [Person(n, ts) for n, ts in people.items()]
    blocked: dict[str, list[tuple[int, int]]] = {}
    for ms in mentions.values():
        for k, s, e in ms:
            blocked.setdefault(k, []).append((s, e))
    found = _entities.find(f.items, blocked)
    a.places, a.orgs = found.places, found.orgs
    _add_unknown(a, f, blocked, found)
    for body in _title_bodies(a.persons):
        if body not in a.orgs:
            a.orgs.append(body)
    body = f.body
    dates, last = {}, None
    for k, t in body:
        dates[k] = _dates.match(t, issue_date, last)
        last = next((d.date for d in reversed(dates[k]) if d.date), last)
    officials = {n for n, ts in people.items() if n not in _names.famous()
                 if any(_titles.head_class(_titles.head_ending_at(t, len(t)) or "") in _titles.DOERS for t in ts)}
    bymention = {k: [(n, s, e) for n, ms in mentions.items() for kk, s, e in ms if kk == k] for k, _ in body}
    acts, roles = _events.match(body, bymention, officials, found.by_field, found.canon, dates,
                                _events.group_heads(people))
    a.events = _events.write(acts, roles)
    return a


def _title_bodies(persons: list[Person]) -> list[str]:
    """The bodies named in persons' titles ("市人大常委会" of 市人大常委会主任, "州委组织部" of 州委组织部
    副部长): what stands before the title's head word, when it ends in an organisation's suffix
    (data/org_suffixes.tsv), holds more than the suffix, and is no body every place has (县委,
    市政府: data/generic_orgs.tsv). The gold of the 110 dev articles lists 68 of the 71 bodies so
    read."""
    from . import data, orgs
    sufs = data.by_length("org_suffixes")
    out: list[str] = []
    names = [p.name for p in persons]
    for p in persons:
        for t in p.titles:
            if any(n in t for n in names):
                continue  # a title read across a name is no title to take a body from
            head = _titles.head_ending_at(t, len(t))
            body = t[:len(t) - len(head)] if head else ""
            suf = data.ends_with_any(body, len(body), sufs)
            if suf and len(body) > len(suf) and not orgs.generic(body) and body not in out \
                    and all("\u4e00" <= c <= "\u9fff" for c in body):
                out.append(body)
    return out


def _add_unknown(a: Article, f: Fields, blocked: dict[str, list[tuple[int, int]]], found) -> None:
    """Names the rules left undecided, from the trained model (unknown.py): persons without a
    title, places the gazetteer lacks, organisations without a suffix. They join the lists only."""
    from . import unknown
    names = {p.name for p in a.persons}
    for k, text in f.items:
        taken = list(blocked.get(k, [])) + [(c.start, c.end) for c in found.by_field.get(k, [])]
        for s, e, lab in unknown.find(text, taken):
            w = text[s:e]
            if lab == "PER":
                if w not in names and not any(w in n or n in w for n in names):
                    a.persons.append(Person(w, []))
                    names.add(w)
            elif lab == "LOC":
                if w not in a.places and w not in _entities.HOME:
                    a.places.append(w)
            elif not any(w in x for x in a.orgs):  # nor a piece of one listed ("…股份有限" of "…股份有限公司")
                a.orgs.append(w)


def tag_doc(doc: PageDoc, settings: Settings) -> PageDoc:
    """Fill persons, places, orgs and events of every article; the cut fields stay as they are.
    A failure inside one article leaves that article untagged and is reported in `doc.warnings`."""
    date = settings.date or doc.meta.date
    for i, a in enumerate(doc.articles):
        try:
            tag_article(a, date)
        except JianbaoError:
            raise  # a missing model file stops the run with its own message, not one page's warning
        except Exception as e:  # a tagging bug must not lose the cut page
            a.persons, a.places, a.orgs, a.events = [], [], [], []
            doc.warnings.append(f"tag: article {i}: {type(e).__name__}: {e}")
    return doc
