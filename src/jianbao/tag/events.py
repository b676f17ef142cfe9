"""Officials' activities: `match` reads an article's body sentence by sentence and finds
- triggers (data/event_triggers.tsv) in the part of a sentence before reported speech
  (data/speech_verbs.tsv), with the named officials who do them: the group of names that opens
  the sentence ("市委书记A、副市长B…调研"), else the name right after a trigger clause
  ("座谈会上，A指出");
- clauses of names closed by a role verb (data/roles_in_events.tsv: 参加, 陪同, 到会指导, 出席 …),
  whose names become participants (or doers) of the activity named after the verb, or of every
  activity but a party lecture when none is named (a lecture alone takes them, its chair as a
  participant);
- places and organisations after a verb of visiting (data/visit_verbs.tsv: 赴, 来到, 深入, 察看 …);
- the date: the nearest date phrase before the trigger in its paragraph, else the article's first.
  A date of several days ("8月19日至21日", the stay) dates the first activity of its own sentence (and
  others of its type there); another, of another type or told in a later sentence, happened on a day
  the text does not say (null).
`write` merges the finds into model.Event, one per type, in order of first mention (but a meeting of its own
name that a second chair chairs is its own event); a visiting party's head among a meeting's doers
(data/event_types.tsv, hosted) takes part in it when a host does it, and a party's head ("甲一行") takes part in
the meeting its hosts hold; of a meeting's doers named only as attending (参加), the ones who speak do it; a
ceremony's chair (主持) does it, the official its own sentence names (the one sworn in) takes part. Names the
text appoints to a post ("任命甲为…", `appointed`) are officials, untitled as they are."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Event
from . import data, lexicon, titles
from .dates import DateMention
from .ner import _segment
from .spans import Cand, list_etc


@dataclass
class Act:
    type: str
    name: str
    pos: tuple[int, int]                       # (field index, offset) of the trigger
    actors: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    date: DateMention | None = None
    tod: str | None = None
    others: bool = False                       # a person with no post does it ("习近平总书记考察安徽")


@lru_cache(maxsize=1)
def _trigger_re() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in data.by_length("event_triggers")))


@lru_cache(maxsize=1)
def _role_re() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in data.by_length("roles_in_events")))


@lru_cache(maxsize=1)
def _speech_re() -> re.Pattern:
    long_ = [w for w in data.by_length("speech_verbs") if len(w) > 1]
    short = [w for w in data.by_length("speech_verbs") if len(w) == 1]
    return re.compile("|".join(re.escape(w) for w in long_) + "|(?:" + "|".join(short) + ")[，：:]")


@lru_cache(maxsize=1)
def _visit_re() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in data.by_length("visit_verbs")))


def _words(mark: str) -> tuple[str, ...]:
    """The words of data/event_words.tsv marked `mark`, in file order."""
    return data.marked("event_words", mark)


@lru_cache(maxsize=None)
def _set(mark: str) -> frozenset[str]:
    """The same words as a set, for membership tests."""
    return frozenset(_words(mark))


@lru_cache(maxsize=None)
def _types(mark: str) -> frozenset[str]:
    """Event types of data/event_types.tsv marked `mark` ("generic": 活动)."""
    return frozenset(data.marked("event_types", mark))


@lru_cache(maxsize=1)
def _means_re() -> re.Pattern:
    """"通过座谈交流等方式": a means, not an activity (data/patterns.tsv, means)."""
    return re.compile(data.pattern("means"))


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern:
    """Words of a plan ("还将举行座谈"; data/event_words.tsv, plan)."""
    return re.compile("|".join(re.escape(w) for w in _words("plan")))


def _clause(text: str, s0: int, at: int) -> str:
    """The clause (since the last comma) that ends at `at`."""
    k = max(text.rfind("，", s0, at), s0)
    return text[k:at]


@lru_cache(maxsize=None)
def _conj(mark: str = "events") -> tuple[str, str, tuple[str, ...]]:
    """(single-character conjunctions run together, longer ones, the word after 等 that closes a list
    of places visited): data/conjunctions.tsv (marked `mark`: events, the names of one group; visits, the
    places visited) and data/list_closers.tsv, events."""
    words = data.marked("conjunctions", mark)
    return ("".join(w for w in words if len(w) == 1), tuple(w for w in words if len(w) > 1),
            data.marked("list_closers", "events", 3))


@lru_cache(maxsize=1)
def _sep_re() -> re.Pattern:
    """What may stand between two names of one group: a comma or a conjunction, or nothing."""
    return re.compile(f"[、，{_conj()[0]}]?")


@lru_cache(maxsize=1)
def _gap_re() -> re.Pattern:
    """What may stand between two places listed after a verb of visiting ("、", "和", "，以及", "等地，"; not
    与, "在甲市与考察团一行座谈": with whom)."""
    single, longer, closers = _conj("visits")
    return re.compile(f"[、{single}]|" + "".join(f"，?{re.escape(w)}|" for w in longer)
                      + f"{re.escape(list_etc())}(?:{'|'.join(map(re.escape, closers))})?，|，|")


def _chained(text: str, a, b) -> bool:
    """True when only a separator and titles stand between two name mentions."""
    gap = text[a[2]:b[1]]
    if _sep_re().fullmatch(gap):
        return True
    return gap[:1] in "、，" and titles.head_ending_at(gap, len(gap)) is not None and "。" not in gap


def groups(text: str, ms: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Name mentions of a sentence grouped into runs joined by separators and titles."""
    out: list[list] = []
    for m in ms:
        if out and _chained(text, out[-1][-1], m):
            out[-1].append(m)
        else:
            out.append([m])
    return out


@lru_cache(maxsize=1)
def _unnamed() -> re.Pattern:
    """After the names, people named only by their post before the role verb: "副市长A，市外办、
    市商务局主要负责人参加会见", "…，省委常委，省法院院长、省检察院检察长列席会议" (data/event_words.tsv,
    people and count; the title heads)."""
    ends = "|".join(re.escape(w) for w in sorted(_set("people") | data.keys("title_heads"), key=len, reverse=True))
    etc, count = re.escape(list_etc()), "|".join(map(re.escape, _words("count")))
    return re.compile(f"(?:(?:{etc})?，[^，。；：]{{1,30}}?(?:{ends})(?:{etc}[^，。；]{{0,6}}?(?:{count})?)?)+")


def _others(gap: str) -> bool:
    """After the names, others the clause names by what they are, joined by a conjunction of others
    (data/conjunctions.tsv: 及, 以及) and no verb among them: "县领导A、B及各乡镇党委书记、乡镇长，县直
    部门主要负责人，各有关企业参加会议" — the named ones still take the role. Not "A、B与干部群众一起参加"
    (together with: they are the doers), nor "A、B以及县政协部分领导在县教育局同志的陪同下" (a
    preposition, a particle or a verb opens a new phrase)."""
    if not gap.startswith(tuple(_other_joins())) or re.search(r"[。；：！？]", gap):
        return False
    d = lexicon.dictionary()
    return all((d.get(w) or ("", "n"))[1] in _NOMINAL or (d.get(w) or ("", "n"))[1][:1] in _NOMINAL
               for w in _segment(gap) if w not in "，、")


# jieba's parts of speech of the words that name people by what they are ("各乡镇党委书记",
# "县直部门主要负责人", "有关企业"): nouns, verbal nouns, adjectives, distinguishing words, numerals, measure
# words, pronouns (各), conjunctions, abbreviations, places of direction; no verb, preposition or particle
_NOMINAL = frozenset({"n", "vn", "a", "b", "m", "q", "r", "c", "j", "f", "s"})


@lru_cache(maxsize=1)
def _other_joins() -> frozenset[str]:
    """Conjunctions that join named officials to others (data/conjunctions.tsv, others)."""
    return frozenset(data.marked("conjunctions", "others"))


@lru_cache(maxsize=1)
def _back_ref() -> re.Pattern:
    """"参加上述活动": every activity told, not a new one (data/event_words.tsv, back and referred)."""
    back = "|".join(map(re.escape, _words("back")))
    return re.compile(f"(?:{back})?(?:{'|'.join(map(re.escape, _words('referred')))})")


def _verb_at(text: str, i: int) -> bool:
    """A verb of two characters (not one of visiting) starts at text[i] ("深入|阐述了")."""
    e = lexicon.dictionary().get(text[i:i + 2])
    return e is not None and e[1] == "v" and not _visit_re().match(text, i)


@lru_cache(maxsize=1)
def _skipped_re() -> re.Pattern:
    """An item of a list no rule read as a name, and the separator after it ("甲、乐家铺子、乙", "甲、乙村和丙")."""
    return re.compile(f"、?[^，。；：、“”（）()]{{1,10}}?[、{_conj('visits')[0]}]")


def _ent_after(text: str, at: int, cands: list[Cand], canon: dict[str, str], limit: int) -> list[str]:
    """Places and organisations from `at` on: the first within `limit` characters without a comma,
    then the ones listed after it."""
    out, pos, first = [], at, True
    body = {c.start: c.end for c in cands if c.kind in ("org", "site", "zone")}  # the body, not the place that opens its name
    for c in cands:                                          # ("宝塔区文明办", not 宝塔区)
        if c.start < pos or body.get(c.start, 0) > c.end:
            continue
        gap = text[pos:c.start]
        ok = (len(gap) <= limit and not re.search(r"[，。；：]", gap)) if first else \
            _gap_re().fullmatch(gap) is not None or _skipped_re().fullmatch(gap) is not None
        if not ok:
            if len(out) == 1 and _modifier_re().fullmatch(gap):
                out[0], pos = canon.get(c.name, c.name), c.end  # "到上虞代表团下榻的绍兴饭店": the place is the
                continue  # one the clause before 的 describes
            break
        out.append(canon.get(c.name, c.name))
        pos, first = c.end, False
    return out


def _homes(fields: list[tuple[str, str]], mentions: dict[str, list[tuple[str, int, int]]], officials: set[str],
           cands: dict[str, list[Cand]], canon: dict[str, str]) -> dict[str, set[str]]:
    """Each official → the places that open the titles before the name ("延吉市委副书记、市长甲": 延吉市):
    the official's own, which a verb of visiting does not take as a place the official visits."""
    out: dict[str, set[str]] = {}
    for k, text in fields:
        for n, s, _ in mentions.get(k, []):
            if n not in officials:
                continue
            start = end = s
            while (t := titles.title_ending_at(text, end, max(0, s - 40))) and t[0] < end:
                start = end = t[0]
                if end > 0 and text[end - 1] in _title_seps():
                    end -= 1
            out.setdefault(n, set()).update(canon.get(c.name, c.name) for c in cands.get(k, [])
                                            if start <= c.start and c.end <= s)
    return out


@lru_cache(maxsize=1)
def _under_re() -> re.Pattern:
    """After 在, a clause that closes with a role verb and a word marked under ("在|甲局领导的陪同下"):
    the frame of who came along, no place (data/event_words.tsv, under)."""
    roles = "|".join(re.escape(w) for w in data.by_length("roles_in_events"))
    return re.compile(f"[^，。；：]{{0,40}}?(?:{roles})(?:{'|'.join(map(re.escape, _words('under')))})")


@lru_cache(maxsize=1)
def _post_re() -> re.Pattern:
    """After a trigger, at most two characters and the head of an official's title (data/title_heads.tsv,
    the classes of titles.DOERS): the trigger names a post ("大会执行主席"; not "慰问困难群众")."""
    heads = sorted((h for h in data.keys("title_heads") if titles.head_class(h) in titles.DOERS), key=len, reverse=True)
    return re.compile(f"[^，。；：、“”]{{0,2}}?(?:{'|'.join(map(re.escape, heads))})")


@lru_cache(maxsize=1)
def _modifier_re() -> re.Pattern:
    """A short clause that ends in a word marked owned (的) and describes the name after it ("下榻的")."""
    return re.compile(f"[^，。；：、]{{1,6}}(?:{'|'.join(map(re.escape, _words('owned')))})")


@lru_cache(maxsize=1)
def _range_re() -> re.Pattern:
    return re.compile(data.pattern("date_range"))


def _days(d: DateMention) -> bool:
    """The date spans several days (data/patterns.tsv, date_range)."""
    return _range_re().search(d.text) is not None


def match(fields: list[tuple[str, str]], mentions: dict[str, list[tuple[str, int, int]]],
          officials: set[str], cands: dict[str, list[Cand]], canon: dict[str, str],
          dates: dict[str, list[DateMention]], heads: dict[str, str] | None = None,
          above: set[str] = frozenset()) -> tuple[list[Act], list[tuple[list[str], str, str, tuple[int, int]]]]:
    """Activities found in the body, and role clauses (names, role, object text, (field index, offset) of the
    role verb). `heads`: a visiting group's word → the person who heads it (group_heads), the doer when the
    group is. `above`: the names the kicker, headline or subheadline give ("赵甲 王乙出席": of a list that attends,
    the doers). The heads of visiting parties ("张甲一行") come as role clauses of their own ("visitor"), for `write`."""
    acts: list[Act] = []
    roles: list[tuple[list[str], str, str, tuple[int, int]]] = []
    lead = next((d for k, _ in fields for d in dates.get(k, []) if d.kind != "tod"), None)
    spanned: list[tuple[DateMention, str]] = []  # dates of several days that dated an activity already, its type
    generic, guests, sit = _types("generic"), _types("guests"), _types("sit")
    noun_end, back, at = _set("noun_end"), _set("back"), _set("at")
    visiting = _words("visiting")
    roles += [([n], "visitor", "party", (-1, 0)) for k, text in fields for n, s, e in mentions.get(k, [])
              if n in officials and data.starts_with_any(text, e, visiting)]  # "张甲一行": a visiting party's head
    roles += [([n], "visitor", "", (-1, 0)) for n in (heads or {}).values()]
    roles += [([n], "speaker", "", (-1, 0)) for k, text in fields for n, s, e in mentions.get(k, [])
              if n in officials and _speech_re().match(text, e)]  # "王甲指出": one who speaks
    homes = _homes(fields, mentions, officials, cands, canon)
    for fi, (k, text) in enumerate(fields):
        ms = sorted(mentions.get(k, []), key=lambda m: m[1])
        starts = [m[1] for m in ms]
        fcands = sorted(cands.get(k, []), key=lambda c: c.start)
        cstarts = [c.start for c in fcands]
        fdates = dates.get(k, [])
        dstarts = [d.start for d in fdates]
        speaking = False
        waiting: list[Act] = []  # the last sentence's activities that no official carried out there
        for s0, s1 in _sentences(text):
            sent = text[s0:s1]
            here = ms[bisect_left(starts, s0):bisect_left(starts, s1)]
            first = here[0] if here else None
            if speaking and not (first and first[0] in officials and _opens(text, s0, first[1])
                                 and not _owner(text, first[2])):
                continue  # reported speech goes on until a sentence opens with an official
            sp = _speech_re().search(sent)
            speaking = sp is not None
            cut = s0 + (sp.start() if sp else len(sent))
            sms = [m for m in here if m[1] < cut and m[0] in officials and not _appointed_at(text, m)]
            runs = [g for g in groups(text, sms) if not _owner(text, g[-1][2])]
            in_roles: set[int] = set()
            allruns = groups(text, [m for m in here if m[1] < cut])
            rruns = [g for g in allruns  # a list of names with an
                     if any(m[0] in officials for m in g) and not _owner(text, g[-1][2])]  # official in it, the
            for rm in _role_re().finditer(text, s0, cut):  # others untitled: all present, none a doer by it
                part = data.mapping("roles_in_events")[rm.group()] == "participant"
                tw = _trigger_re().match(text, rm.start())
                if tw and tw.end() > rm.end():
                    continue  # "接待来访群众": the role verb opens an activity's name, the names do it
                if text.startswith(_words("said"), rm.end()):
                    continue  # "传达了A关于…的讲话精神": what was said, no part in an activity here
                if text.endswith(_words("owned"), 0, rm.start()) and not text.startswith(_words("under"), rm.end()):
                    continue  # "甲书记的讲话站位高": a speech told of, not given here (not "在甲的陪同下")
                g = next((g for g in [([g for g in rr if g[-1][2] <= rm.start()] or [None])[-1]
                                      for rr in ((rruns, runs) if part else (runs,))]
                          if g and _role_gap(text[g[-1][2]:rm.start()])), None)
                if g is None:
                    continue
                gap = text[g[-1][2]:rm.start()]
                if "，" not in gap and _trigger_re().search(gap) and not _role_re().search(gap):
                    continue  # "A、B在凯里会见了C一行并一同出席…": they do the activity named between
                obj = text[rm.end():s1]
                pb = _passive_re().match(_clause(text, s0, g[0][1]))
                if pb and not _trigger_re().search(obj) and _trigger_re().search(pb.group(1)):
                    obj = pb.group(1) + obj  # "本次会议由甲主持": the activity named before the names
                role = data.mapping("roles_in_events")[rm.group()]
                he = _he_speaks_re().match(obj)
                if role == "actor_if_none" and he and _speech_re().match(obj, he.end()):
                    role = "actor"  # "A出席会议，他强调": A attends and speaks, a doer as a speaker is
                names = [m[0] for m in g]
                named = [n for n in names if n in above]
                if role == "actor_if_none" and 0 < len(named) < len(names):  # "赵甲、王乙、孙丙出席会议"
                    roles.append((named, role, obj, (fi, rm.start())))  # under the title "赵甲 王乙出席":
                    names, role = [n for n in names if n not in named], "participant"  # the ones it names do it
                roles.append((names, role, obj, (fi, rm.start())))
                in_roles.update(m[1] for m in g)
            for rm in _role_re().finditer(text, s0, cut):  # "参加义务植树活动的县领导还有甲、乙": the names after
                lk = _linked_re().match(text, rm.end(), cut)  # (officials by the title the link gives them)
                if not lk:
                    continue
                g = next((g for g in allruns if g[0][1] >= lk.end()), None)
                if g and not re.fullmatch(r"(?:[^，。；：、]{2,4}、){0,2}", text[lk.end():g[0][1]]):
                    g = None  # (the list may open with a name or two that no rule read)
                if g and g[0][1] not in in_roles:
                    roles.append(([m[0] for m in g], data.mapping("roles_in_events")[rm.group()],
                                  lk.group(1), (fi, rm.start())))
                    in_roles.update(m[1] for m in g)
            doers = runs[0] if runs and runs[0][0][1] not in in_roles and _opens(text, s0, runs[0][0][1]) else None
            for a in waiting if doers else ():  # "…植树活动在…举行。区委书记A、区长B与…一起…": they did it
                a.actors = [m[0] for m in doers]  # (not "A、B全程陪同": a role clause)
                if a.type in _types("headed"):  # "…代表团来泸考察。书记A，市长B…": the delegation's head
                    a.participants[:0], a.actors = a.actors[1:], a.actors[:1]  # named first does it
            waiting = []
            new: list[Act] = []
            scands = fcands[bisect_left(cstarts, s0 - 40):bisect_left(cstarts, s1)]
            spans = [(c.start, c.end) for c in scands]
            means = [(x.start(), x.end()) for x in _means_re().finditer(text, s0, s1)]
            grp = _group_re().match(text, s0, cut)  # the doers of the activity the group is named by (not
            gt = grp and data.mapping("event_triggers")[grp.group(1)]  # "会见了…考察团。…考察团还前往…": guests)
            gact = next((a for a in reversed(acts) if a.actors and a.type == gt), None) if grp else None
            for tm in _trigger_re().finditer(text, s0, cut):
                typ = data.mapping("event_triggers")[tm.group()]
                if any(a < tm.end() and tm.start() < b for a, b in spans) or text[tm.end():tm.end() + 1] in noun_end \
                        or len(data.ends_with_any(text, tm.end(), data.by_length("org_suffixes")) or "") > len(tm.group()):
                    continue  # "会议室", "考察团": part of a name; "省人大常委会": a body, not its meeting
                if _post_re().match(text, tm.end()):
                    continue  # "本次大会执行主席": the meeting names a post, no activity
                if typ in generic and text.startswith(_words("named_by_next"), tm.end()):
                    continue  # "义务植树活动": the activity is named whole by the word after it
                if text.startswith(_words("said"), tm.end()):
                    continue  # "传达上级有关会议精神": what a meeting said, not an activity here
                if text.startswith(_words("modifies"), tm.end()):
                    continue  # "看望出席…会议的代表": the trigger describes a noun, not an activity here
                if any(a <= tm.start() < b for a, b in means) or _future_re().search(_clause(text, s0, tm.start())):
                    continue  # "通过座谈交流等方式", "还将举行座谈": a means or a plan, not an activity
                if typ in generic and tm.start() - 2 >= s0 and text[tm.start() - 2:tm.start()] in back:
                    continue  # "参加上述活动": the activities told above, not a new one
                if typ in generic and new and new[-1].pos[1] + 8 >= tm.start():
                    continue  # "慰问活动": the activity is the one just named
                subj = [g for g in runs if g[0][1] < tm.start() and g[0][1] not in in_roles]
                clause = _clause(text, s0, tm.start())
                rv = _role_re().search(clause)
                if rv and any(m[1] in in_roles for m in here if tm.start() - len(clause) <= m[1] < tm.start()):
                    subj = []  # "甲会见考察组一行，乙参加座谈会": the activity a role clause names, its doers its own
                comma = text.rfind("，", s0, tm.start())
                near = [g for g in subj if g[0][1] > comma >= 0 and g is not subj[0]]
                subj = near[-1:] or subj  # "…李云飞一行来我市考察，市长甘霖会见客人": its own clause's doer
                actors = [m[0] for m in subj[0]] if subj else []
                if not actors:
                    after = [g for g in runs if g[0][1] > tm.end() and g[0][1] not in in_roles]
                    lead_in = _LEAD_IN.match(text, tm.end(), after[0][0][1]) if after else None
                    if lead_in and _opens(text, lead_in.end(), after[0][0][1]):
                        actors = [m[0] for m in after[0]]  # "座谈会上，A指出"; not "会议选举A为市长"
                if not actors and heads:  # "考察团一行先后到…考察": the group, led by its head
                    actors = [n for g, n in heads.items() if g in text[s0:tm.start()]][:1]
                if not actors and gact and typ == gact.type:  # "…李余粮一行看望慰问…。慰问组先后走进…，慰问了…":
                    actors = gact.actors[:]  # the group's doers, in the group's own activity
                before = fdates[:bisect_left(dstarts, tm.start())]
                d = next((x for x in reversed(before[-50:]) if x.kind != "tod"), None) or lead
                if d is not None and _days(d):
                    own = any(x is d for x in fdates) and d.start >= s0
                    if not own or any(x is d and t != typ for x, t in spanned):
                        d = None  # a later activity of a stay of several days: its day is not said
                    elif actors and k.startswith("paragraphs"):  # (a headline tells what the body does)
                        spanned.append((d, typ))  # the stay "8月19日至21日" is its sentence's first activity's
                tod = next((x.tod for x in reversed(before[-50:]) if s0 <= x.start and x.tod),
                           None) or (d.tod if d else None)
                act = Act(typ, _name(text, tm), (fi, tm.start()), actors, date=d, tod=tod)
                act.others = not actors and any(max(comma, s0) <= m[1] < tm.start() and m[0] not in officials
                                                for m in here)
                if typ in guests and actors:  # the guests received: "会见了…董事长陈启航一行"
                    stop = re.search(r"[，；]", text[tm.end():cut])  # in the trigger's own clause
                    end = tm.end() + stop.start() if stop else cut
                    act.participants = [m[0] for m in here if tm.end() <= m[1] < end and m[0] not in actors]
                    if not act.participants and _guest_re().match(text, tm.end(), end):
                        act.participants = list(dict.fromkeys(
                            [n for r in roles if r[1] == "visitor" for n in r[0] if n not in actors]
                            + [n for n in (heads or {}).values() if n not in actors]))
                        if not act.participants:  # "陈甲和乙一行来邵考察。丙会见了侨团成员": the names told before
                            act.participants = list(dict.fromkeys(m[0] for m in ms if m[1] < s0 and m[0] not in actors))
                        # "会见客人", "会见考察组一行": the guests are the visiting party's heads told before
                new.append(act)
            places, at_place = [], []
            for vm in _visit_re().finditer(text, s0, cut):
                limit = 0 if vm.group() in at else 14
                if text[vm.end():vm.end() + 1] in noun_end or _verb_at(text, vm.end()) and not any(
                        c.start == vm.end() for c in scands):
                    continue  # "考察团": a noun, not a visit; "深入阐述": an adverb before a verb (not
                    # before a name that opens with one: "到前进区")
                if vm.group() in at and _under_re().match(text, vm.end()):
                    continue  # "在市安监局…领导的陪同下": whose company, not where
                if vm.group() in at and (dm := _during_re().match(text, vm.end())) and not _role_re().search(dm.group()):
                    continue  # "在区人大常委会第四十次会议上": during a meeting, its body no place (not "在合肥主持…")
                if text.startswith(_words("from"), vm.end()):
                    continue  # "来自高桥镇的求职者": where someone comes from, not a visit
                g = _trigger_re().match(text, vm.end())
                if g and data.mapping("event_triggers")[g.group()] in generic:
                    continue  # "本次走访活动林业局共…": the visits named as an activity, no place visited after it
                if vm.group() in at and vm.start() > s0 and lexicon.dictionary().get(text[vm.start() - 1:vm.end()]) \
                        and not any(m[2] == vm.start() for m in here):
                    continue  # "所在", "现在": not "at" (but "伍健|在武汉": a name ends before it)
                got = [p for p in _ent_after(text, vm.end(), scands, canon, limit) if p not in places]
                places += got
                if vm.group() in at:
                    at_place += got
            if places:
                doing = [a for a in new if a.actors]
                told = [a for a in acts if a.type not in sit]  # (never a meeting's: "甲会见…代表团。…代表团参观了乙")
                # the sentence's first activity takes them, not every one ("到甲、乙参加清洁乡村活动，并调研…")
                targets = [a for a in doing if a.type not in sit][:1] or doing[-1:] or \
                    (([a for a in told if a.actors] or told)[-1:]
                     if not new or not doing and _he_re().match(sent) else [])  # "随后，他来到…": the
                # visit told before (not a meeting), when the sentence has none of its own or its doer is "he"
                if not targets and at_place:  # "恳谈会在曲阜尼山举行": where the activity took place (not
                    targets, places = [a for a in new[-1:] if not a.others], at_place  # one someone else did)
                if not targets:  # "在泸期间，代表团先后前往甲、乙等地，考察…": the visit of a type done before,
                    targets = [a for a in new if a.type not in sit and any(  # its doer not named again
                        b.actors and b.type == a.type for b in acts)][-1:]
                if gact and not [a for a in doing if a.type not in sit]:
                    # "考察组一行先后到甲、乙参观学习，并在丙召开座谈会": the visits the group's, the place the meeting's;
                    gact.places += [p for p in places if p not in gact.places and p not in at_place]  # "调研组一行
                    targets, places = [a for a in new if a.type in sit], at_place or places  # 来到甲，召开了座谈会": both
                for a in targets:  # (not "延吉市委副书记甲调研查看延吉市…": the doer's own city)
                    a.places += [p for p in places if p not in a.places
                                 and (p in at_place or not any(p in homes.get(x, ()) for x in a.actors))]
            acts += new
            opener = first if first and _opens(text, s0, first[1]) else None  # "段成金一行实地考察了…": a
            waiting = [a for a in new if not a.actors and not a.others] if opener is None else []  # doer named,
            # not an official (nor one named in the activity's own clause: "传达了习近平总书记考察安徽…的讲话")
    return acts, roles


@lru_cache(maxsize=1)
def _he_speaks_re() -> re.Pattern:
    """After a role verb, its clause and a clause that opens with "he" ("出席|会议，他强调"; data/patterns.tsv,
    he, less its last character, the verb's)."""
    he = data.pattern("he")
    return re.compile(he[:he.rindex("[")])


@lru_cache(maxsize=1)
def _group_re() -> re.Pattern:
    """A sentence whose doer is a group named by its activity, after an optional opening phrase
    ("慰问组先后走进…", "会后，调研组一行来到…"): a trigger of event_triggers.tsv and a character marked group
    in data/event_words.tsv: the officials of the activity of that trigger's type told before, as a group."""
    trig = _trigger_re().pattern
    return re.compile(f"(?:[^，。；]{{0,6}}，)?[^，。；]{{0,16}}?({trig})[{''.join(_words('group'))}]")


@lru_cache(maxsize=1)
def _named_group_re() -> re.Pattern:
    """A group named by its activity: a trigger of event_triggers.tsv and a character marked group in
    data/event_words.tsv ("慰问团", "考察组")."""
    trig = _trigger_re().pattern
    return re.compile(f"(?:{trig})[{''.join(_words('group'))}]")


@lru_cache(maxsize=1)
def _linked_re() -> re.Pattern:
    """After a role verb, the activity, 的, the people's title and a word that links it to the names
    after it ("参加|义务植树活动的县领导还有|甲、乙"; data/event_words.tsv, title_link): group 1 the activity."""
    links = "|".join(map(re.escape, _words("title_link")))
    return re.compile(f"([^，。；：]{{1,30}}?)的[^，。；：]{{0,12}}?(?:{links})[：:]?")


@lru_cache(maxsize=1)
def _guest_re() -> re.Pattern:
    """After a trigger of receiving, its clause naming the guests as the party told before: an aspect
    particle, a few words and a word marked guest ("会见了客人", "会见考察组一行"), or a group's word that ends
    the clause ("会见了…率领的代表团"; data/event_words.tsv, aspect, guest and group)."""
    aspect, guest = "|".join(map(re.escape, _words("aspect"))), "|".join(map(re.escape, _words("guest")))
    return re.compile(f"(?:{aspect})?(?:[^，。；：]{{0,16}}?(?:{guest})|[^，。；：]{{0,16}}?[{''.join(_words('group'))}](?=[，。；]|$))")


@lru_cache(maxsize=1)
def _during_re() -> re.Pattern:
    """After 在, an activity's name and a word marked during ("在|区人大常委会第四十次会议上"; data/event_words.tsv):
    the frame tells when, not where."""
    trig = _trigger_re().pattern
    return re.compile(f"[^，。；：]{{0,20}}?(?:{trig})(?:{'|'.join(map(re.escape, _words('during')))})")


@lru_cache(maxsize=1)
def _passive_re() -> re.Pattern:
    """A clause that names an activity, then the word that brings in its doers ("本次会议由|常务主席甲主持";
    data/event_words.tsv, by): group 1 the activity, which the role clause's names take part in."""
    return re.compile(f"，?([^，。；]*?)(?:{'|'.join(map(re.escape, _words('by')))})")


@lru_cache(maxsize=1)
def _he_re() -> re.Pattern:
    """A sentence whose doer is "he" ("随后，他来到…"; data/patterns.tsv, he)."""
    return re.compile(data.pattern("he"))


@lru_cache(maxsize=1)
def _title_seps() -> str:
    """What joins two titles of one person before a name ("、", "兼": data/chars.tsv, joins_titles)."""
    return "、" + "".join(data.marked("chars", "joins_titles"))


_DATE_OPEN = re.compile(r"^(?:[^，。]{0,14}，)?")
_LEAD_IN = re.compile(r"[^，。；]{0,6}，")  # the rest of a clause that names an activity ("座谈会|上，")


def _opens(text: str, s0: int, at: int) -> bool:
    """True when only a time phrase and titles stand before the name at `at` in its sentence."""
    end = at
    while True:
        t = titles.title_ending_at(text, end, s0)
        if not t or t[0] >= end:
            break
        end = t[0]
        if end > s0 and text[end - 1] in _title_seps():
            end -= 1
    rest = text[s0:end]
    return _DATE_OPEN.fullmatch(rest) is not None


def _role_gap(gap: str) -> bool:
    """What may stand between a list of names and its role verb: a few characters without a comma,
    or people named by their post, or others joined by a conjunction of others."""
    return not (len(gap) > 12 or re.search(r"[，。；]", gap)) or (
        len(gap) <= 120 and bool(_unnamed().fullmatch(gap) or _others(gap)))


def _owner(text: str, end: int) -> bool:
    """The names ending at `end` own what follows: a title may follow them, then a word marked owned
    ("甲书记的讲话站位高": a noun phrase, its names do nothing here; data/event_words.tsv)."""
    h = titles.head_re().match(text, end)
    at = h.end() if h else end
    w = data.starts_with_any(text, at, _words("owned"))
    r = _role_re().match(text, at + len(w)) if w else None
    return bool(w) and not (r and text.startswith(_words("under"), r.end()))  # (not "在甲的陪同下")


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^。！？；]+[。！？；]?", text)]


def _name(text: str, tm: re.Match) -> str:
    """The activity as the text names it: a meeting's or ceremony's whole name ("专题组织生活会"), its
    words read as data/event_words.tsv says (name_stop, name_end, name_whole, name_bare, continues)."""
    w, end = tm.group(), tm.end()
    for c in _words("continues"):
        if w.endswith(c[0]) and text.startswith(c[1:], end):
            end += len(c) - 1  # "市政府常务会议"
            break
        if w.endswith(c[0]) and text.startswith(c, end):
            end += len(c)  # "省委常委会会议"
            break
    if not (w.endswith(_words("name_end")) or w in _set("name_whole")):
        return w
    start = tm.start()
    stops = _words("name_stop")
    while start > 0 and tm.start() - start < 30 and text[start - 1] not in "，。；：、（）()“" and \
            not data.ends_with_any(text, start, stops):
        start -= 1
    name = text[start:tm.end()]
    if start > 0 and text[start - 1] == "”" or name.count("”") > name.count("“"):
        q = text.rfind("“", 0, start)  # the name in quotes runs on before the walk stopped ("“…、…”活动")
        if q >= 0 and start - q < 40:
            start = q
    if w in _set("name_bare") and (tm.start() - start < 2 or _role_re().search(text, start, tm.start())
                                   or any(b in text[start:tm.start()] for b in _words("back"))
                       or titles.head_re().search(text, start, tm.start())):
        return w  # "出席会议", "…检察长列席会议": no name of its own
    return text[start:end]


def group_heads(people: dict[str, list[str]]) -> dict[str, str]:
    """The word of each visiting or working group (an organisation suffix of data/org_suffixes.tsv
    ending in 团 or 组: 考察团, 调研组 …) → the person whose title heads one ("…经贸考察团团长")."""
    groups = [g for g in data.by_length("org_suffixes") if len(g) >= 3 and g[-1] in _set("group")]
    out: dict[str, str] = {}
    for name, ts in people.items():
        for t in ts:
            g = next((g for g in groups if t.endswith(tuple(g + g[-1] + h for h in _words("head")))), None)
            if g:
                out.setdefault(g, name)
    return out


def led_groups(fields: list[tuple[str, str]], mentions: dict[str, list[tuple[str, int, int]]]) -> dict[str, str]:
    """The word of a visiting or working group → the person who leads it, from "甲率乙市代表团"
    (a name, a word marked leads in data/event_words.tsv, then the group within its clause)."""
    groups = [g for g in data.by_length("org_suffixes") if len(g) >= 3 and g[-1] in _set("group")]
    leads = _words("leads")
    out: dict[str, str] = {}
    for k, text in fields:
        for name, _, e in mentions.get(k, []):
            v = data.starts_with_any(text, e, leads)
            if not v:
                continue
            clause = re.split(r"[，。；：！？]", text[e + len(v):e + len(v) + 30], maxsplit=1)[0]
            g = next((g for g in groups if g in clause), None)
            named = _named_group_re().search(clause)
            if g is None and named:
                g = named.group()  # "蔡甲率领的慰问团": a group named by its activity
            if g:
                out.setdefault(g, name)
    return out


def _appointed_at(text: str, m: tuple[str, int, int]) -> bool:
    """The mention is of a name appointed or elected to a post ("任命甲为…", "甲当选为…", "甲任…副区长";
    data/event_words.tsv, appoint_before and appoint_after): the object of a meeting's decision there."""
    return bool(data.ends_with_any(text, m[1], _words("appoint_before"))
                or data.starts_with_any(text, m[2], _words("appoint_after")))


def appointed(fields: list[tuple[str, str]], mentions: dict[str, list[tuple[str, int, int]]]) -> set[str]:
    """Names the text appoints or elects to a post: officials by the post the text gives them there, though
    no title stands before their names (the one sworn in: "李甲任副区长。…李甲进行了宪法宣誓"), but doers
    of nothing where they are appointed (match)."""
    return {m[0] for k, text in fields for m in mentions.get(k, []) if _appointed_at(text, m)}


def write(acts: list[Act], roles: list[tuple[list[str], str, str, tuple[int, int]]]) -> list:
    """Merge activities of one type into one model.Event; apply role clauses; drop the ones no named
    official carries out."""
    merged: dict[str, Act] = {}
    longest = _types("longest")
    for a in acts:
        m = merged.get(a.type)
        if m is None:
            merged[a.type] = m = Act(a.type, a.name, a.pos, [], [], [], a.date, a.tod)
        elif not m.actors and a.actors:
            m.date, m.tod = a.date, a.tod
        if len(a.name) > len(m.name) and a.type in longest:
            m.name = a.name
        m.actors += [x for x in a.actors if x not in m.actors]
        m.participants += [x for x in a.participants if x not in m.participants]
        m.places += [x for x in a.places if x not in m.places]
    trig = _trigger_re()
    lecture = _types("lecture")
    visitors = {n for names, role, _, _ in roles if role == "visitor" for n in names}
    parties = {n for names, role, obj, _ in roles if role == "visitor" and obj for n in names}  # "张甲一行"
    speakers = {n for names, role, _, _ in roles if role == "speaker" for n in names}
    roles = [r for r in roles if r[1] not in ("visitor", "speaker")]
    attending: set[tuple[str, str]] = set()  # (type, name): a doer only because none other was named
    # the doers named by their part (主持, 讲话) first, wherever the text tells them: "A出席会议，B主持"
    # — A attends a meeting that B chairs, and is its doer only when none is named
    chaired: dict[str, str] = {}  # type → the activity a doer's role clause named first
    own = {id(m): set(m.actors) for m in merged.values()}  # the doers the activities' own sentences name
    for names, role, obj, at in sorted(roles, key=lambda r: r[1] != "actor"):
        hit = [data.mapping("event_triggers")[t.group()] for t in trig.finditer(obj)
               if t.group() not in _set("referred") or not _back_ref().match(obj)]
        if role == "actor" and hit and len(set(hit)) == 1 and (tm := trig.search(obj)):
            name, m = _name(obj, tm), merged.get(hit[0])
            if m is not None and hit[0] in chaired and name not in (chaired[hit[0]], tm.group()) \
                    and m.actors and not set(names) & set(m.actors):
                key = f"{hit[0]}#{len(merged)}"  # "甲主持本次会议。…会前，乙主持召开第62次主任会议": another
                merged[key] = Act(hit[0], name, (m.pos[0], m.pos[1] + 1), list(names))  # meeting, its own
                continue  # chair, on a day not told
            chaired.setdefault(hit[0], name)
        targets = [m for k, m in merged.items() if k == m.type and (m.type in hit or any(
            t.group() in m.name for t in trig.finditer(obj)))] if hit else \
            ([m for k, m in merged.items() if k == m.type and m.type not in lecture]
             or list(merged.values()))  # a lecture alone takes them (not another meeting split off above)
        if not hit and role == "participant":  # "执行主席甲、乙在主席台就座。…丙进行了宪法宣誓": present at the
            targets = [m for m in targets if m.pos < at or not m.actors] or targets  # activities told by then,
            # not at a later one whose own sentence names its doers
        back = bool(_back_ref().match(obj))  # "参加相关活动": the activities told, whose doers are named
        for m in targets:
            doer = role == "actor" and (m.type not in lecture or not m.actors) or (
                role == "actor_if_none" and not back or hit) and not m.actors  # a lecture's doer is its lecturer, not its chair
            if doer and role == "actor" and hit and m.type in _types("chaired"):  # "乙向宪法宣誓。甲主持宣誓仪式": the
                m.participants[:0] = [x for x in m.actors if x in own[id(m)] and x not in names]  # one the
                m.actors = [x for x in m.actors if x not in own[id(m)] or x in names]  # ceremony is for takes part
            dest = m.actors if doer else m.participants
            dest += [n for n in names if n not in dest and (doer or n not in m.actors)]
            if doer and role == "actor_if_none":
                attending |= {(m.type, n) for n in names}
    out = []
    for m in sorted(merged.values(), key=lambda m: m.pos):
        if m.type in _types("hosted") and any(x not in visitors for x in m.actors):
            m.participants[:0] = [x for x in m.actors if x in visitors]  # "张甲一行来…，座谈会由王乙主持":
            m.actors = [x for x in m.actors if x not in visitors]  # the hosts hold it, the guests take part
        if m.type in _types("hosted") and len(m.actors) > 1 and all((m.type, x) in attending for x in m.actors) \
                and 0 < len(speakers & set(m.actors)) < len(m.actors):  # "甲、乙参加。座谈会上，…甲指出": a meeting's
            m.participants[:0] = [x for x in m.actors if x not in speakers]  # speakers are its doers (spec),
            m.actors = [x for x in m.actors if x in speakers]  # the others attend
        if m.type in _types("hosted") and m.actors and not any(x in visitors for x in m.actors):
            m.participants += [x for x in parties if x not in m.participants]  # "甲一行来…对接。乙参加。座谈会上": the
            # visiting party's head takes part in the meeting its hosts hold (not "甲，乙率代表团…": 甲 leads it too)
        if not m.actors:
            continue
        d = m.date
        out.append(Event(type=m.type, name=m.name, date=d.date if d else None, time_of_day=m.tod,
                         date_text=d.text if d else None, actors=m.actors,
                         participants=[p for p in m.participants if p not in m.actors], places=m.places))
    return out


def unlisted(text: str, spans: list[tuple[int, int, str]], people: dict, mentions: dict) -> list[tuple[str, int, int]]:
    """Mentions of the names the model read (they have no mentions of their own): the person marks
    of a field whose name is a person's, outside any title mark ("文联|主席黄丽华" is a title's word)."""
    inside = [(s, e) for s, e, lab in spans if lab == "TITLE"]
    return [(text[s:e], s, e) for s, e, lab in spans if lab == "PER" and text[s:e] in people
            and text[s:e] not in mentions and not any(a <= s and e <= b for a, b in inside)]
