"""Article → persons, titles, places, orgs, dates, events.

Each module is a pure find step (`match`) over the article's normalised fields; this module writes
what they found into the article (`persons`, `places`, `orgs`, `events`) and leaves every cut field
as it was. Word lists load lazily on first use: importing the package is cheap.
"""
from __future__ import annotations

from ..cut.lines import dateline_at
from ..errors import JianbaoError
from ..model import Article, PageDoc, Person, PlaceRef
from ..settings import Settings
from . import byline as _byline
from . import data as _data
from . import orgs as _orgs
from . import dates as _dates
from . import divisions as _divisions
from . import entities as _entities
from . import events as _events
from . import names as _names
from . import titles as _titles
from . import unknown as _unknown
from . import persons as _persons
from . import places as _places
from . import ner as _ner
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


class State:
    """One article as the components see it: its inputs, and what each component writes."""

    def __init__(self, a: Article, issue_date: str | None, paper: str | None = None):
        f = Fields(a)
        self.fields = f.items                       # input: (field, normalised text), reading order
        self.body = f.body                          # input: the paragraphs alone
        self.byline, self.reporters = a.byline, a.reporters
        self.issue_date = issue_date
        self.paper, self.dateline = paper, a.dateline  # inputs: the evidence of where places are
        self.known: set[str] = set()                # names read so far
        self.people: dict[str, list[str]] = {}      # name → titles
        self.found: list[tuple[str, _persons.Mention]] = []  # (field, mention) with titles
        self.mentions: dict[str, list] = {}         # name → (field, start, end) of every mention
        self.blocked: dict[str, list[tuple[int, int]]] = {}  # field → spans taken by persons
        self.entities: _entities.Found | None = None
        self.persons: list[Person] = []
        self.places: list[str] = []
        self.orgs: list[str] = []
        self.dates: dict[str, list] = {}
        self.events: list = []
        self.place_refs: list[PlaceRef] = []
        self.spans: dict[str, list[tuple[int, int, str]]] = {}  # field → (start, end, label) decided

    def mark(self, k: str, s: int, e: int, lab: str) -> None:
        self.spans.setdefault(k, []).append((s, e, lab))

    def put(self, name: str, ts: list[str]) -> None:
        got = self.people.setdefault(name, [])
        got += [t for t in ts if t and t not in got]


class Component:
    """One step of the tagger: it reads some of State's attributes and writes others (declared,
    and checked by tests/test_tag_components.py against the pipeline's order)."""
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    mentions_only = False  # True: it marks mentions for the span layer alone (tag_spans), no list
    # reads them, and tag_article skips it

    def __call__(self, st: State) -> None:
        raise NotImplementedError


class BylinePersons(Component):
    """The byline's names with their printed roles (byline.py, the cutter's grammar)."""
    reads, writes = ("byline", "reporters"), ("people", "known")

    def __call__(self, st: State) -> None:
        for name, role in _byline.match(st.byline, st.reporters):
            st.put(name, [role] if role else [])
            st.known.add(name)


class TitledPersons(Component):
    """Rules: a title and the name after it, names before a title or after an age, names before
    a word of speech, known leaders (persons.py); twice, so names read later help earlier fields."""
    reads, writes = ("fields", "known"), ("found", "known")

    def __call__(self, st: State) -> None:
        for _ in range(2):
            st.found = [(k, m) for k, t in st.fields for m in _persons.match(t, st.known)]


class NamesAfterTitles(Component):
    """Model: a name right after an official's title that no listed surname opens, or longer than
    the rules' three characters (unknown.after_titles): the model's name replaces the rules'."""
    reads, writes = ("fields", "found", "known"), ("found", "known")

    def __call__(self, st: State) -> None:
        for k, t in st.fields:
            starts = {m.start: m.end for kk, m in st.found if kk == k}
            for hs, s, e in _unknown.after_titles(t, starts):
                ts, chain = _persons.title_chain(t, hs, s)
                old = next((m for kk, m in st.found if kk == k and m.start == s), None)
                if old is not None:  # the rules' three-character guess gives way to the longer name
                    st.found.remove((k, old))
                    st.known.discard(old.name)
                st.found.append((k, _persons.Mention(t[s:e], s, e, ts, "title", chain)))
                st.known.add(t[s:e])


class ModelPersons(Component):
    """Model: the rules' persons weighed against the model's reading. Where the model reads a
    person's edges otherwise and is sure, they move (unknown.person_edges: "龚育之" not 龚育, "薛原"
    not 薛原报 of 报道); a rule's person inside another is dropped ("谢列兹尼奥夫" holds 尼奥夫); a
    person the model reads no name in at all is dropped (unknown.doubted_persons: 主任|商量过)."""
    reads, writes = ("fields", "found", "known", "people"), ("found", "known")

    def __call__(self, st: State) -> None:
        dropped: set[str] = set()
        for k, t in st.fields:
            mine = [m for kk, m in st.found if kk == k]
            for m, s, e in _unknown.person_edges(t, mine):
                st.known.discard(m.name)
                m.name, m.start, m.end = t[s:e], s, e
                st.known.add(m.name)
            inside = [m for m in mine if any(o is not m and o.start <= m.start and m.end <= o.end
                                             and o.end - o.start > m.end - m.start for o in mine)]
            for m in inside + _unknown.doubted_persons(t, [m for m in mine if m not in inside]):
                st.found.remove((k, m))
                dropped.add(m.name)
        st.known -= dropped - {m.name for _, m in st.found} - set(st.people)  # not the byline's


class Mentions(Component):
    """Every later mention of a name read so far, and names listed beside one (persons.bare);
    the persons' list in reading order of first finding."""
    reads, writes = (("fields", "found", "known", "people"),
                     ("people", "known", "mentions", "blocked", "persons", "spans"))

    def __call__(self, st: State) -> None:
        for _, m in st.found:
            st.put(m.name, m.titles)
        for k, t in st.fields:
            for m in _persons.bare(t, st.known):
                if m.name not in st.people:
                    st.put(m.name, [])
                st.mentions.setdefault(m.name, []).append((k, m.start, m.end))
        st.persons = [Person(n, ts) for n, ts in st.people.items()]
        for k, m in st.found:
            st.mark(k, m.start, m.end, "PER")
            for a, b in m.title_spans:
                st.mark(k, a, b, "TITLE")
        for ms in st.mentions.values():
            for k, s, e in ms:
                st.mark(k, s, e, "PER")
        for ms in st.mentions.values():
            for k, s, e in ms:
                st.blocked.setdefault(k, []).append((s, e))


class PlacesOrgs(Component):
    """Rules: places and organisations by gazetteer, suffixes and lists (entities.py); a person's
    name beats any of them."""
    reads, writes = ("fields", "blocked", "spans"), ("entities", "places", "orgs", "spans")

    def __call__(self, st: State) -> None:
        st.entities = _entities.find(st.fields, st.blocked)
        st.places, st.orgs = st.entities.places, st.entities.orgs
        for k, cands in st.entities.by_field.items():
            for c in cands:
                st.mark(k, c.start, c.end, "ORG" if c.kind == "org" else "LOC")


class DatelineMentions(Component):
    """The places and outlets a dateline names ("…香港6月9日电"), as mentions only: the rules'
    places and organisations in it (entities.field_cands), and where they read none, what the
    model reads there as sure as it must be to add a name (unknown.THRESHOLD). The lists take no
    name from the dateline (it is evidence for resolving places: Divisions); the span layer marks
    them, as a named-entity tagger marks every mention."""
    reads, writes = ("dateline",), ("spans",)
    mentions_only = True

    def __call__(self, st: State) -> None:
        text = normalize(st.dateline) if isinstance(st.dateline, str) else ""
        if not text.strip():
            return
        ruled = [(c.start, c.end, "ORG" if c.kind == "org" else "LOC") for c in _entities.field_cands(text, [])]
        model = _ner.model("ent")
        read = [(s, e, lab) for s, e, lab, conf in model.scored(text)
                if lab in ("LOC", "ORG") and conf >= _unknown.THRESHOLD[lab]
                and not any(a < e and s < b for a, b, _ in ruled)]
        for s, e, lab in ruled + read:
            st.mark(DATELINE, s, e, lab)


DATELINE = "dateline"  # the key of the dateline's marks in State.spans (no field of the article's)


class ModelEdges(Component):
    """Model: where the rules' organisations start (unknown.org_starts). The rules find a name by
    its suffix; the model, trained on 42,514 sentences, reads where it begins, and a name it reads
    shorter on the left starts where it says ("审议|自治区人大常委会")."""
    reads, writes = ("fields", "entities", "spans"), ("entities", "orgs", "spans")

    def __call__(self, st: State) -> None:
        moved = False
        for k, text in st.fields:
            for c, s in _unknown.org_starts(text, st.entities.by_field.get(k, [])):
                marks = st.spans.get(k, [])
                if (c.start, c.end, "ORG") in marks:
                    marks[marks.index((c.start, c.end, "ORG"))] = (s, c.end, "ORG")
                c.start, c.name = s, text[s:c.end]
                moved = True
        if moved:
            _entities.relist(st.entities)
            st.orgs = st.entities.orgs


class ModelShortForms(Component):
    """Model: a short form of a place the rules read (长寿, 大关, 河北) stays only where the model
    reads a place there (unknown.denied_short_forms): not in a phrase ("健康长寿") nor opening an
    organisation's name ("河北日报")."""
    reads, writes = ("fields", "entities", "spans"), ("entities", "places", "spans")

    def __call__(self, st: State) -> None:
        dropped = False
        for k, text in st.fields:
            cands = st.entities.by_field.get(k, [])
            for c in _unknown.denied_short_forms(text, cands):
                cands.remove(c)
                marks = st.spans.get(k, [])
                if (c.start, c.end, "LOC") in marks:
                    marks.remove((c.start, c.end, "LOC"))
                dropped = True
        if dropped:
            _entities.relist(st.entities)
            st.places = st.entities.places


class ModelPlaceEdges(Component):
    """Model: a place the rules read that the model, sure, reads as part of a longer place a few
    characters wider (places.widened: "白石|天河", "张圩港|河") stands with the model's edges."""
    reads, writes = ("fields", "entities", "spans"), ("entities", "places", "spans")

    def __call__(self, st: State) -> None:
        moved = False
        for k, text in st.fields:
            marks = st.spans.get(k, [])
            for c, s, e in _places.widened(text, st.entities.by_field.get(k, []), marks, _ner.model("ent").scored):
                marks[marks.index((c.start, c.end, "LOC"))] = (s, e, "LOC")
                c.start, c.end, c.name, c.full = s, e, text[s:e], ""
                moved = True
        if moved:
            _entities.relist(st.entities)
            st.places = st.entities.places


class ModelEntities(Component):
    """Model: the names the rules left undecided (unknown.find), added to the lists only."""
    reads, writes = (("fields", "blocked", "entities", "persons", "places", "orgs", "spans"),
                     ("persons", "places", "orgs", "spans"))

    def __call__(self, st: State) -> None:
        _add_unknown(st)


class ListTitles(Component):
    """A person listed right after a titled one (、), with no title of its own, shares its titles,
    as the rules' lists after a title do ("县领导甲、乙、丙"), whoever read the names: the rules'
    title reading, a later mention, or the model."""
    reads, writes = ("fields", "spans", "persons", "people"), ("persons", "people")

    def __call__(self, st: State) -> None:
        by_name = {p.name: p for p in st.persons}
        for k, t in st.fields:
            prev = None  # (end, the list's titles) of the name before, in a list opened by a title
            for s, e, lab in sorted({x for x in st.spans.get(k, ()) if x[2] == "PER"}):
                p = by_name.get(t[s:e])
                if p is None:
                    prev = None
                elif prev is not None and prev[0] == s - 1 and t[s - 1] == "、":
                    if not p.titles:
                        p.titles.extend(prev[1])  # the same list as st.people's, for the rules' names
                    prev = (e, prev[1])
                else:  # a list's first name shares only titles printed right before it, here
                    if not p.titles and t[e:e + 1] == "、":
                        p.titles.extend(_linked_titles(t, s))  # "县领导还有|甲、乙"
                    prev = (e, p.titles) if p.titles and (
                        _titles.head_ending_at(t, s) or _link_before(t, s)) else None
            run: list[tuple[int, Person]] = []  # the names of a list closed by 等 and a title (persons.title_after_list)
            for s, e, lab in sorted({x for x in st.spans.get(k, ()) if x[2] == "PER"}):
                p = by_name.get(t[s:e])
                if p is None or run and not (run[-1][0] == s - 1 and t[s - 1] in _persons._list_joins()):
                    run = []
                if p is None:
                    continue
                run.append((e, p))
                tt = _persons.title_after_list(t, e)
                for _, q in run if tt else ():  # a bare head (等领导, 等记者) names only the untitled
                    if tt not in q.titles and (not q.titles or not _titles.head_re().fullmatch(tt)):
                        q.titles.append(tt)


def _link_before(text: str, s: int) -> str | None:
    """A word that links a title to the list of names after it ends at `s` (data/event_words.tsv,
    title_link: "还有", "分别是")."""
    return _data.ends_with_any(text, s, _data.marked("event_words", "title_link"))


def _linked_titles(text: str, s: int) -> list[str]:
    """The titles before a linking word before the name at `s` ("参加活动的县领导还有|王敏、…")."""
    link = _link_before(text, s)
    if not link:
        return []
    at = s - len(link)
    head = _titles.head_ending_at(text, at)
    return _persons.title_chain(text, at - len(head), at)[0] if head else []


class TitleBodies(Component):
    """The named bodies in persons' titles are organisations (市人大常委会 of 市人大常委会主任)."""
    reads, writes = ("persons", "orgs"), ("orgs",)

    def __call__(self, st: State) -> None:
        for body in _title_bodies(st.persons):
            if body not in st.orgs:
                st.orgs.append(body)


class Dates(Component):
    """Date phrases of every paragraph, resolved against the issue date and the last date read."""
    reads, writes = ("body", "issue_date"), ("dates",)

    def __call__(self, st: State) -> None:
        last = None
        for k, t in st.body:
            st.dates[k] = _dates.match(t, st.issue_date, last)
            last = next((d.date for d in reversed(st.dates[k]) if d.date), last)


class Events(Component):
    """Officials' activities (events.py): triggers, the officials who carry them out, the others
    present, places visited, dates."""
    reads, writes = (("body", "people", "persons", "mentions", "spans", "entities", "places", "orgs", "dates"),
                     ("events",))

    def __call__(self, st: State) -> None:
        people = st.people | {p.name: p.titles for p in st.persons if p.name not in st.people}  # and the model's
        officials = {n for n, ts in people.items() if n not in _names.famous() or _acts_in_own_sentence(n, st)
                     if any(_titles.head_class(_titles.head_ending_at(t, len(t)) or "") in _titles.DOERS for t in ts)}
        bymention = {k: [(n, s, e) for n, ms in st.mentions.items() for kk, s, e in ms if kk == k]
                     + _events.unlisted(t, st.spans.get(k, []), people, st.mentions) for k, t in st.body}
        officials |= _events.appointed(st.body, bymention)
        found = st.entities
        heads = _events.led_groups(st.body, bymention) | _events.group_heads(st.people)  # a title's word wins
        above = {n for n, ms in st.mentions.items() for k, _, _ in ms if k in ("kicker", "headline", "subheadline")}
        cands = {k: found.by_field.get(k, []) + _listed_cands(st, k, t) for k, t in st.body}
        acts, roles = _events.match(st.body, bymention, officials, cands, found.canon, st.dates, heads, above)
        st.events = _events.write(acts, roles)


def _listed_cands(st: State, k: str, text: str) -> list[_entities.Cand]:
    """Every other mention in a field of the article's listed places and organisations, where no rule's
    candidate stands (longest first), as candidates too, so that a list of sites visited runs through them:
    the names the model alone read (ModelEntities lists them; "参观考察了甲、清源山、开元寺", "一行到中瑞铝业
    一期…现场"), and the rules' names read elsewhere. Not a short form (龙城 of 龙城区: inside "龙城遗址" it
    names no place), which the rules read only where it stands alone."""
    taken = bytearray(len(text) + 1)  # the characters a candidate holds (one pass: a long field stays linear)
    for c in st.entities.by_field.get(k, []):
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    short = {c.name for cs in st.entities.by_field.values() for c in cs if c.kind == "short"}
    out = []
    for name, kind in sorted([(w, "site") for w in st.places if w not in short] + [(w, "org") for w in st.orgs],
                             key=lambda x: -len(x[0])):
        i = text.find(name)
        while i >= 0:
            if not any(taken[i:i + len(name)]):
                out.append(_entities.Cand(i, i + len(name), name, kind))
                taken[i:i + len(name)] = b"\x01" * len(name)
            i = text.find(name, i + 1)
    return sorted(out, key=lambda c: c.start)


def _acts_in_own_sentence(name: str, st: State) -> bool:
    """A national leader named without a title in front (data/famous.tsv) is an official of the
    article's activities only where a sentence opens with the name, or a date and a comma do
    ("8日下午，习近平总书记来到…", "。习近平来到…"); not inside a phrase ("学习习近平总书记重要讲话精神")
    nor after a clause of speech ("他说，习近平总书记…")."""
    for k, t in st.body:
        opens = {0} | {i + 1 for i, c in enumerate(t) if c in _SENTENCE_ENDS}
        opens |= {d.end + 1 for d in st.dates.get(k, []) if t[d.end:d.end + 1] in _COMMAS}
        if any(t.startswith(name, i) for i in opens):
            return True
    return False


_SENTENCE_ENDS = "。！？；"
_COMMAS = "，,"


class Divisions(Component):
    """The places found, resolved to administrative divisions (divisions.py) by the paper's home
    region, the dateline and the article's other places; it finds no place and drops none."""
    reads, writes = ("places", "paper", "dateline"), ("place_refs",)

    def __call__(self, st: State) -> None:
        st.place_refs = _divisions.resolve_places(st.places, st.paper, st.dateline)


# The tagger, in order. The stated rule between rules and model: the rules' places and
# organisations stand, and the model's spans never overlap them; the model names a person right
# after an official's title (NamesAfterTitles); where the rules guessed a person's length and the
# model, sure, reads its edges otherwise, the model's edges stand, and a person of the rules that
# reads as a word and that the model reads no name in goes, unless the rules' evidence is strong
# (a title before it, a list, a withheld given name: ModelPersons); elsewhere the model adds names
# around the words the rules could not decide (ModelEntities, unknown.find): a person when it is
# sure and the name has a name's shape (a surname, or characters that write by sound), or an item
# of a list the rules read another item of; a place or an organisation only where the rules have
# no say on its words.
PIPELINE: tuple[Component, ...] = (BylinePersons(), TitledPersons(), NamesAfterTitles(), ModelPersons(), Mentions(),
                                   PlacesOrgs(), DatelineMentions(), ModelEdges(), ModelShortForms(), ModelPlaceEdges(),
                                   ModelEntities(),
                                   ListTitles(),
                                   TitleBodies(), Dates(),
                                   Events(), Divisions())
INPUTS = ("fields", "body", "byline", "reporters", "issue_date", "paper", "dateline")


def tag_spans(text: str) -> list[tuple[int, int, str]]:
    """The same pipeline over one paragraph: (start, end, label) of the persons (PER), their titles
    (TITLE), places (LOC) and organisations (ORG) it read, offsets into `text` normalised.

    The paragraph is read as the cutter reads an article's first line: a dateline it opens with
    (cut.lines.dateline_at: "本报香港6月9日电") is the article's dateline, the rest its paragraph;
    so no name runs across the dateline's end ("…电|国务院") and the dateline's place is marked
    (DatelineMentions). The spans are the components' mentions as a named-entity tagger gives them
    (`outermost`): the lists' conventions (the home country left out, the unit that opens a body's
    name listed beside the body) shape st.places and st.orgs, not these spans."""
    cut = _dateline_end(text)
    st = State(Article(paragraphs=[text[cut:]], dateline=text[:cut] or None), None)
    for c in PIPELINE:
        if isinstance(c, (Dates, Events, TitleBodies, ListTitles, Divisions)):
            continue  # they decide no span
        c(st)
    at = {DATELINE: 0, "paragraphs[0]": cut}
    marks = {(s + at[k], e + at[k], lab) for k, xs in st.spans.items() for s, e, lab in xs}
    marks = addresses(text, marks) | unlisted_places(text, marks) | title_bodies(text, marks)
    model = _ner.model("title")
    read = {x for x in model.spans(text) if x[2] == "TITLE"}
    return outermost(title_posts(marks, read) | unnamed_titles(marks, read))


def title_posts(marks, read) -> set[tuple[int, int, str]]:
    """A person's title as a mention is the post: where the title model (trained on corpora that
    mark posts: CLUENER, Resume) reads a post ending where the title ends and inside it, the
    model's start stands ("北京紫砂艺术馆|馆长", "著名|导演", "公司|财务部经理"); else the title starts
    after a place or an organisation marked at or across its start ("湖南省委|书记", "中国人民银行
    宁波市中心支行|行长"), mentions of their own (title_bodies). The article's lists keep the title
    whole."""
    ents = [(s, e) for s, e, lab in marks if lab in ENTITIES]
    out = set()
    for s, e, lab in marks:
        if lab == "TITLE":
            same = [x for x, y, _ in read if y == e and s <= x]
            s = min(same) if same else max([s] + [y for x, y in ents if x <= s < y < e or s <= x and y < e])
        out.add((s, e, lab))
    return out


def unnamed_titles(marks, read) -> set[tuple[int, int, str]]:
    """Titles the trained title model reads where no person stands with them ("股东", "公司副总经理
    负责…", "记者了解到"): mentions of a post all the same, which the article's lists leave out (a
    list holds the titles of persons). Not where a person, a place, an organisation or a title the
    pipeline read overlaps, but for an organisation or place the model's title holds whole (a
    department in a post: "财务部经理", as Resume marks it)."""
    taken = [(s, e, lab) for s, e, lab in marks if lab in ENTITIES or lab == "TITLE"]
    return {x for x in read if not any(x[0] < y and a < x[1] and (lab in ("PER", "TITLE") or a < x[0] or y > x[1])
                                       for a, y, lab in taken)}


def title_bodies(text: str, marks) -> set[tuple[int, int, str]]:
    """The bodies persons' titles name (title_body: "湖南省委" of 湖南省委书记, "市委" of 市委书记): a
    mention of an organisation, a body every place has too (the lists leave those out:
    _title_bodies); not where the rules or the model read an organisation already."""
    orgs = [(a, b) for a, b, lab in marks if lab == "ORG"]
    out = set()
    for a, b, lab in marks:
        body = title_body(text[a:b])[0] if lab == "TITLE" else ""
        if body and not any(x < a + len(body) and a < y for x, y in orgs):
            out.add((a, a + len(body), "ORG"))
    return out


def title_body(title: str) -> tuple[str, bool]:
    """(the body a title names before its head word or "", whether the body ends in an organisation's
    suffix): what stands before the head when it ends in a suffix (data/org_suffixes.tsv; one
    character between the body and the head ranks the title: "省消防总队|副|处长"), in the name of a
    body every place has (data/generic_orgs.tsv: "市委" of 市委书记, "湖南省委" of 湖南省委书记), or
    where a head that opens with a suffix's character holds the body's end ("外交|部|长": 外交部);
    more than that ending, all Chinese characters."""
    head = _titles.head_ending_at(title, len(title))
    if not head:
        return "", False
    sufs, end = _data.by_length("org_suffixes"), len(title) - len(head)
    suf = _data.ends_with_any(title, end, sufs)
    if not suf and end > 2 and _data.ends_with_any(title, end - 1, sufs):
        end -= 1
        suf = _data.ends_with_any(title, end, sufs)
    named = bool(suf)
    suf = suf or _data.ends_with_any(title, end, _data.by_length("generic_orgs"))
    if not suf and end >= 2 and head[0] in sufs:
        end, suf = end + 1, head[0]
    ok = suf and end > len(suf) and all("\u4e00" <= c <= "\u9fff" for c in title[:end])
    return (title[:end], named) if ok else ("", False)


def unlisted_places(text: str, marks) -> set[tuple[int, int, str]]:
    """Places places.py reads (administrative units and short forms) that the article's lists leave
    out by convention — a place inside a quotation or a document's title, the places a meeting's
    name is about, a unit of an honour's scope — and that touch no person, place or organisation
    marked: they are mentions of places all the same. Not a short form the model reads as no place
    there (unknown.denied_short_forms, as ModelShortForms). Then the places a word runs across
    (_crossed_places). On People's Daily 1998 dev (2,318 sentences) LOC .730 -> .745 with the
    first, -> .793 with the second."""
    taken = bytearray(len(text) + 1)
    for s, e, lab in marks:
        if lab in ENTITIES:
            taken[s:e] = b"\x01" * (e - s)
    found: dict[int, object] = {}
    for c in _places.match(text):
        if c.kind in ("admin", "short") and not any(taken[c.start:c.end]) \
                and (c.start not in found or c.end > found[c.start].end):
            found[c.start] = c
    cands, reach = [], -1
    for at in sorted(found):  # the longest at each start, none inside another
        if found[at].start >= reach:
            cands.append(found[at])
            reach = found[at].end
    denied = {id(c) for c in _unknown.denied_short_forms(text, cands)}
    out = {(c.start, c.end, "LOC") for c in cands if id(c) not in denied}
    return out | _crossed_places(text, taken, out)


CROSSED_SURE = 0.5  # the model's least marginal of a place inside a crossed name (.5 and .8 read alike on PD98 dev)


def _crossed_places(text: str, taken: bytearray, found) -> set[tuple[int, int, str]]:
    """Names of the gazetteer places.py leaves unread because a word runs across an edge
    ("美国|政府": 国政, "中国|人民": 国人), that the model, reading them in context, reads as
    places: at least CROSSED_SURE inside a place at every character, and less on the characters
    either side (not a piece of a longer place: "法|兰西", "朝鲜|半岛")."""
    idx = _places._short_index()
    cover = bytearray(len(text) + 1)
    for s, e, _ in found:
        cover[s:e] = b"\x01" * (e - s)
    cands = []
    i = 0
    while i < len(text) - 1:
        w = next((w for w in idx.get(text[i:i + 2], ()) if text.startswith(w, i)), None)
        if w and not any(taken[i:i + len(w)]) and not any(cover[i:i + len(w)]):
            cands.append((i, i + len(w)))
            i += len(w)
        else:
            i += 1
    if not cands:
        return set()
    model = _ner.model("ent")
    out = set()
    for s, e in cands:
        a, b = max(0, s - _unknown.SHORT_BEFORE), min(len(text), e + _unknown.WINDOW)
        edges = [(x - a, x - a + 1) for x in (s - 1, e) if a <= x < b]
        inside, *across = model.inside_all(text[a:b], [(s - a, e - a)] + edges, "LOC")
        if inside >= CROSSED_SURE and all(p < CROSSED_SURE for p in across):
            out.add((s, e, "LOC"))
    return out


def addresses(text: str, spans) -> set[tuple[int, int, str]]:
    """An organisation whose name opens with an address of two administrative units or more, one
    after the other as places.py reads them, each with its level printed ("山东省|平度市|崔马镇供销社",
    "河南省|郑州市|…学校"): the body's own name starts at the last of them, and the units before it
    are places of their own, as named-entity corpora mark them. One unit before a body's name
    belongs to the name ("湘乡市公安局"), and so do short forms of countries and provinces ("德国科隆
    大学医院", "贵州裕华实业公司": on People's Daily 1998 dev such names are marked whole as often as not)."""
    out = set(spans)
    for s, e, lab in spans:
        if lab != "ORG":
            continue
        longest: dict[int, int] = {}
        for c in _places.match(text[s:e]):
            if c.kind == "admin" and c.end > longest.get(c.start, 0):
                longest[c.start] = c.end
        chain, at = [], 0
        while at in longest and longest[at] < e - s:
            chain.append((at, longest[at]))
            at = longest[at]
        if len(chain) >= 2:
            out.discard((s, e, lab))
            out.add((s + chain[-1][0], e, lab))
            out |= {(s + a, s + b, "LOC") for a, b in chain[:-1]}
    return out


def _dateline_end(text: str) -> int:
    """Where a dateline that opens `text` ends (0: none), when both parts keep their lengths as
    normalised (the offsets then hold)."""
    n = dateline_at(text)
    if n and len(normalize(text[:n])) == n and len(normalize(text[n:])) == len(text) - n:
        return n
    return 0


ENTITIES = ("PER", "LOC", "ORG")


def outermost(spans) -> list[tuple[int, int, str]]:
    """One span per stretch of text, as named-entity corpora mark it: a person, place or
    organisation that lies inside a longer one is dropped ("山西省" inside 山西省残联, "长江" inside
    长江中下游), the outer one stands. The article's lists keep both (a unit that opens a body's name
    is listed as a place too); titles (TITLE) are a layer of their own and keep theirs."""
    ents = sorted({x for x in spans if x[2] in ENTITIES}, key=lambda x: (x[0], -x[1]))
    out, reach = [], -1  # reach: the end of the longest span opened so far
    for x in ents:
        if x[1] <= reach and not (out and out[-1][:2] == x[:2]):
            continue  # inside a longer one (a span of the same stretch but another label stays)
        out.append(x)
        reach = max(reach, x[1])
    return sorted(out + [x for x in set(spans) if x[2] not in ENTITIES])


def tag_article(a: Article, issue_date: str | None, paper: str | None = None) -> Article:
    st = State(a, issue_date, paper)
    for c in PIPELINE:
        if not c.mentions_only:
            c(st)
    a.persons, a.places, a.orgs, a.events = st.persons, st.places, st.orgs, st.events
    a.place_refs = st.place_refs
    return a


def _title_bodies(persons: list[Person]) -> list[str]:
    """The bodies named in persons' titles for the article's list of organisations (title_body:
    "市人大常委会" of 市人大常委会主任, "州委组织部" of 州委组织部副部长) that end in an organisation's
    suffix, but no body every place has (县委, 市政府: orgs.generic) and none from a title read
    across a name. The gold of the 110 dev articles lists 68 of the 71 bodies so read."""
    out: list[str] = []
    names = [p.name for p in persons]
    for p in persons:
        for t in p.titles:
            if any(n in t for n in names):
                continue  # a title read across a name is no title to take a body from
            body, named = title_body(t)
            if named and not _orgs.generic(body) and body not in out:
                out.append(body)
    return out


def _add_unknown(st: State) -> None:
    """Names the rules left undecided, from the trained model (unknown.py): persons without a
    title, places the gazetteer lacks, organisations without a suffix. They join the lists only."""
    names = {p.name for p in st.persons}
    found = st.entities
    for k, text in st.fields:
        taken = list(st.blocked.get(k, [])) + [(c.start, c.end) for c in found.by_field.get(k, [])]
        for s, e, lab in _unknown.find(text, taken):
            w = text[s:e]
            st.mark(k, s, e, lab)
            if lab == "PER":
                if w not in names and not any(w in n or n in w for n in names):
                    head = _titles.head_ending_at(text, s)
                    ts = _persons.title_chain(text, s - len(head), s)[0] if head else []
                    st.persons.append(Person(w, ts))  # with the titles printed right before it
                    names.add(w)
            elif lab == "LOC":
                if w not in st.places and w not in _entities.HOME:
                    st.places.append(w)
            elif not any(w in x for x in st.orgs):  # nor a piece of one listed ("…股份有限" of "…股份有限公司")
                st.orgs.append(w)


def tag_doc(doc: PageDoc, settings: Settings) -> PageDoc:
    """Fill persons, places, orgs and events of every article; the cut fields stay as they are.
    A failure inside one article leaves that article untagged and is reported in `doc.warnings`."""
    date = settings.date or doc.meta.date
    for i, a in enumerate(doc.articles):
        try:
            tag_article(a, date, doc.meta.paper)
        except JianbaoError:
            raise  # a missing model file stops the run with its own message, not one page's warning
        except Exception as e:  # a tagging bug must not lose the cut page
            a.persons, a.places, a.orgs, a.events, a.place_refs = [], [], [], [], []
            doc.warnings.append(f"tag: article {i}: {type(e).__name__}: {e}")
    return doc
