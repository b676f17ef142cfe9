"""An article's head: which of its title lines are column logos, kicker, headline, subheadline.

Every split kicker* · headline · subheadline* of the title lines is scored on the words and shape
of the lines (dashes, "到会指导", couplets, narrative sentences) and on the parser's markup where
it tells the lines apart; the best split wins. Markup is a hint, never the whole answer: MinerU
marks every title line with `#`, other parsers none.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block
from .lines import is_couplet, logo_shaped
from .tables import tables


@dataclass
class Head:
    logos: list[list[int]] = field(default_factory=list)  # each logo: its block indexes
    kicker: list[int] = field(default_factory=list)
    headline: list[int] = field(default_factory=list)
    subheadline: list[int] = field(default_factory=list)


def _level(b: Block) -> int:
    """Markup rank: 1 for '#', 2 for '##' …; bold counts as 7, plain as 9."""
    if b.heading:
        return b.heading
    return 7 if b.bold else 9


def split_logos(blocks: list[Block], idx: list[int]) -> tuple[list[list[int]], list[int]]:
    """Leading column logos of a run of title lines (a logo only stands above other titles)."""
    t = tables()
    logos: list[list[int]] = []
    rest = list(idx)
    while len(rest) > 1 and (logo_shaped(blocks[rest[0]].text, loose=True) or _short_banner(blocks, rest)):
        first = blocks[rest[0]]
        known = "".join(first.text.split()) in t.slogans or _short_banner(blocks, rest)
        after = rest[1:]
        marked_after = any(_level(blocks[i]) < _level(first) for i in after)
        if not (known or marked_after or len(after) >= 2 or logo_shaped(blocks[after[0]].text)):
            break
        if logos and not first.gap_before and logos[-1][-1] == rest[0] - 1:
            logos[-1].append(rest.pop(0))  # a logo printed on two lines: 学党史 悟思想 / 办实事 开新局
        else:
            logos.append([rest.pop(0)])
    return logos, rest


def _short_banner(blocks: list[Block], rest: list[int]) -> bool:
    """A one-phrase series banner (项目建设攻坚年) above a longer, punctuated headline."""
    a, b = blocks[rest[0]], blocks[rest[1]]
    first, nxt = a.text, b.text
    if len(first) > 8 or " " in first or not all(c.isalnum() for c in first):
        return False
    if tables().sub_end.search(nxt) or tables().sub_start.search(nxt):
        return False
    # the banner is plainer than the title under it, or shorter than a title with punctuation
    return _level(b) < _level(a) or (len(nxt) >= len(first) + 2
                                       and any(not c.isalnum() and c != " " for c in nxt))


def assign_head(blocks: list[Block], idx: list[int]) -> Head:
    logos, rest = split_logos(blocks, idx)
    head = Head(logos=logos)
    if not rest:
        return head
    best, best_score = None, float("-inf")
    n = len(rest)
    most_s = max(2, n - 4)  # a long head: the lines past kicker and headline are subheadline
    for a in range(0, min(2, n - 1) + 1):
        for b in range(a + 1, min(a + 2, n) + 1):
            if n - b > most_s:
                continue
            s = _score(blocks, rest[:a], rest[a:b], rest[b:], rest)
            if s > best_score:
                best, best_score = (a, b), s
    a, b = best if best else (0, n)
    head.kicker, head.headline, head.subheadline = rest[:a], rest[a:b], rest[b:]
    return head


def _parallel(a: Block, b: Block) -> bool:
    """Two title lines of one shape: 以链式思维育集群 / 以开放姿态拓空间."""
    x, y = a.text, b.text
    plain = lambda s: all(c.isalnum() for c in s)  # noqa: E731
    return (_level(a) == _level(b) and 4 <= len(x) <= 12 and 4 <= len(y) <= 12
            and abs(len(x) - len(y)) <= 1 and plain(x) and plain(y))


def _score(blocks: list[Block], k: list[int], h: list[int], s: list[int], all_: list[int]) -> float:
    t = tables()
    text = lambda i: blocks[i].text  # noqa: E731
    score = 0.0
    top = min(_level(blocks[i]) for i in all_)
    marks_differ = len({_level(blocks[i]) for i in all_}) > 1
    if marks_differ:
        score += 3 if all(_level(blocks[i]) == top for i in h) else -3
        score += sum(0.5 for i in k + s if _level(blocks[i]) > top)
    if any(is_couplet(text(i)) for i in h):
        score += 0.5
    for i in k:
        if t.kicker_end.search(text(i)):
            score += 2
        if t.sub_start.search(text(i)) or t.sub_end.search(text(i)):
            score -= 2
        if len(text(i)) >= 15 and t.activity.search(text(i)):
            score += 0.5
    for i in s:
        if t.sub_start.search(text(i)):
            score += 2
        elif t.sub_end.search(text(i)):
            score += 1.5
        if t.kicker_end.search(text(i)):
            score -= 2
    for i in h:
        if t.sub_start.search(text(i)):
            score -= 2
    if h and t.kicker_end.search(text(h[-1])) and (s or len(h) > 1):
        score -= 1
    if len(h) == 2:
        first, second = blocks[h[0]], blocks[h[1]]
        # a title wrapped by the parser: same block, same markup, and the second line is the short
        # rest of the first (plain-text OCR puts every line in one block, so the length decides)
        wrapped = (not second.gap_before and _level(first) == _level(second)
                   and not t.kicker_end.search(first.text) and len(second.text) <= 0.6 * len(first.text))
        score += 1 if wrapped else -2
        if _parallel(first, second):
            score += 2.5  # the two halves of a couplet headline printed on two lines
    elif len(h) == 1 and s and _parallel(blocks[h[0]], blocks[s[0]]):
        score -= 1
    if len(k) == 2 and (blocks[k[1]].gap_before or t.kicker_end.search(text(k[0]))):
        score -= 2
    if len(s) == 2 and blocks[s[1]].gap_before:
        score -= 1
    score -= 0.3 * len(k) + 0.4 * len(s)
    return score
