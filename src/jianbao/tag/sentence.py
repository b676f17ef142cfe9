"""The tagger on a bare sentence, for benchmarks and other callers: character spans labelled
PER, LOC, ORG and TITLE. `spans` is the article tagger itself (the same pipeline); `model_spans`
the trained models alone; `rule_spans` the rules and tables alone."""
from __future__ import annotations

from . import entities, ner, persons, tag_spans, titles
from .text import normalize


def working(sentence: str) -> str:
    """The normalised working copy when it keeps lengths, else the sentence as given."""
    text = normalize(sentence)
    return text if len(text) == len(sentence) else sentence


def rule_spans(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, label) from the rules and tables alone; offsets are into the sentence as given."""
    text = working(sentence)
    known: set[str] = set()
    found = persons.match(text, known)
    out: list[tuple[int, int, str]] = []
    blocked = []
    for m in persons.bare(text, known):
        out.append((m.start, m.end, "PER"))
        blocked.append((m.start, m.end))
    tspans = {s for m in found for s in m.title_spans}
    for hm in titles.head_re().finditer(text):  # titles without a name after them ("记者了解到")
        if not any(a <= hm.start() < b for a, b in tspans) and not any(a <= hm.start() < b for a, b in blocked):
            tspans.add((titles.extend_left(text, hm.start(), conj=True), hm.end()))
    cands = entities.field_cands(text, blocked)
    for a, b in sorted(tspans):
        # the organisation or place a title opens with is an entity of its own ("…研究部主任")
        a = max([a] + [c.end for c in cands if a <= c.start and c.end < b])
        out.append((a, b, "TITLE"))
    for c in cands:
        out.append((c.start, c.end, "ORG" if c.kind == "org" else "LOC"))
    return sorted(out)


def spans(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, label) over `sentence` as the article tagger reads them (jianbao.tag's
    PIPELINE over a one-paragraph article, tag_spans): PER, TITLE (the titles of persons), LOC,
    ORG. They are the tagger's mentions, scored as a named-entity tagger's: one span per stretch of
    text (the outer one), a dateline read apart, and places the article's lists leave out by
    convention (the home country, a unit inside a body's name beside the body) marked as they
    are printed; the lists themselves are tag_article's."""
    return tag_spans(working(sentence))


def model_spans(sentence: str, ent=None, title=None) -> list[tuple[int, int, str]]:
    """(start, end, label): the trained models alone, PER/LOC/ORG from `ent` and TITLE from
    `title` (the shipped ones by default; benchmarks pass models that never saw the scored text)."""
    text = working(sentence)
    ent = ent or ner.model("ent")
    title = title or ner.model("title")
    rules = rule_spans(sentence) if ner.USE_RULES else None
    out = [s for s in ent.spans(text, rules) if s[2] != "TITLE"]
    return sorted(out + [s for s in title.spans(text, rules) if s[2] == "TITLE"])
