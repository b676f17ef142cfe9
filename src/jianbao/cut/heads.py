"""An article's head: which of its title lines are column logos, kicker, headline, subheadline.

Every split logos* · kicker* · headline · subheadline* of the title lines is a candidate, described
by named features of the words and shape of its lines (dashes, "到会指导", 强调 at a kicker's end,
couplets, parallel halves, lengths) and of the parser's markup where it tells the lines apart; a
linear model learned from gold pages (data/heads.json, scripts/train_heads.py) scores each and the
best wins. The logo rule (split_logos) is one of the features, not the answer. Markup is a hint,
never the whole answer: MinerU marks every title line with `#`, other parsers none.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Block
from . import weights
from .lines import is_couplet, logo_shaped
from .tables import tables


@dataclass
class Head:
    logos: list[list[int]] = field(default_factory=list)  # each logo: its block indexes
    kicker: list[int] = field(default_factory=list)
    headline: list[int] = field(default_factory=list)
    subheadline: list[int] = field(default_factory=list)


def rank(b: Block) -> int:
    """Markup rank of a line: 1 for '#', 2 for '##' …; bold counts as 7, plain as 9."""
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
        marked_after = any(rank(blocks[i]) < rank(first) for i in after)
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
    return rank(b) < rank(a) or (len(nxt) >= len(first) + 2
                                       and any(not c.isalnum() and c != " " for c in nxt))


# ---- the split model -----------------------------------------------------------------------------
#
# Every split of a run of title lines into logos* · kicker* · headline · subheadline* is a
# candidate; a linear model scores each from named features of the split, and the best wins. The
# weights are fitted to gold pages by scripts/train_heads.py (a softmax over the candidates of each
# run: the gold split should score highest) and live in data/heads.json with their origin.

DATA = Path(__file__).with_name("data") / "heads.json"

FEATURES = (
    "logo_rule",            # a line taken as logo that the logo rule (split_logos) peels
    "logo_unruled",         # a line taken as logo that the rule keeps as a title
    "logo_kept",            # a line the rule peels, kept as a title
    "logo_unruled_over_2",  # a logo the rule keeps, above two title lines
    "logo_dot",             # a logo with a middle dot (新春走基层·驻村干部这一年)
    "logo_series",          # a logo ending in a series number (…精神⑤, 之三)
    "logo_short",           # a logo of 6 characters or fewer
    "logo_punct",           # a logo with punctuation other than the middle dot
    "logo_marked_lower",    # a logo with a heading mark lower than the headline's (## over #)
    "logo_unmarked",        # an unmarked logo over a marked headline
    "logo_as_head",         # a logo marked as high as the headline
    "logo_place",           # a logo ending in a place or a body (…市, …区, …部): a kicker's words
    "logo_long",            # a logo of more than 14 characters
    "kicker_lines",         # how many kicker lines
    "kicker_two",           # two kicker lines that do not read as one (a gap, or the first ends in ——)
    "kicker_end",           # a kicker line ends in —— or ： (it leads into the headline)
    "kicker_sub_cue",       # a kicker line opens with a dash or ends in 出席, 主持 … (a subheadline's words)
    "kicker_speech",        # a kicker line ends in 强调 / 指出 / 表示 (who said what comes below)
    "kicker_activity",      # a long kicker line names an activity (调研, 会见 …) and does not report it done
    "kicker_long",          # a kicker line of 15 characters or more
    "kicker_short",         # a kicker line of 8 characters or fewer
    "kicker_longer",        # the kicker is longer than the headline
    "kicker_plainer",       # the kicker is marked lower than the best-marked line
    "kicker_couplet",       # the kicker is two phrases apart by a space
    "kicker_marked_lower",  # a kicker with a heading mark lower than the headline's
    "kicker_unmarked",      # an unmarked kicker over a marked headline
    "kicker_place",         # a kicker ending in a place or a body (湖北某某市, 某某部)
    "kicker_comma",         # the kicker holds a comma (a sentence leading in)
    "head_lines_2",         # the headline is printed on two lines
    "head_top",             # the markup differs among the lines and the headline has the best
    "head_not_top",         # the markup differs and some headline line has not the best
    "head_couplet",         # the headline is two phrases apart by a space
    "head_sub_start",       # a headline line opens with a dash
    "head_kicker_end",      # the headline ends in —— or ： and more lines follow
    "head_speech",          # the headline ends in 强调 / 指出 and a subheadline follows
    "head_wrapped",         # a two-line headline whose second line is the short rest of the first
    "head_parallel",        # a two-line headline of two parallel halves (以链式思维育集群 / 以开放姿态拓空间)
    "head_first",           # the headline is the first title line (no kicker)
    "head_longest",         # the headline holds the longest line
    "head_quote",           # the headline is a quotation (“…”)
    "head_question",        # the headline asks (？)
    "head_short",           # a headline of 8 characters or fewer
    "head_comma",           # the headline holds a comma
    "head_activity",        # the headline names an activity
    "sub_lines",            # how many subheadline lines
    "sub_two_gap",          # a second subheadline line after a blank line
    "sub_start",            # a subheadline line opens with a dash (——记…)
    "sub_end",              # a subheadline line ends in 出席, 主持, 到会指导 …
    "sub_kicker_end",       # a subheadline line ends in —— or ：
    "sub_speech",           # a subheadline line ends in 强调 / 指出
    "sub_long",             # a subheadline line of 25 characters or more (a summary)
    "sub_longer",           # the subheadline is longer than the headline
    "sub_plainer",          # the subheadline is marked lower than the best-marked line
    "sub_parallel",         # a one-line headline and the subheadline are parallel
    "sub_couplet",          # the subheadline is two phrases apart by a space
    "sub_comma",            # the subheadline holds a comma
    "sub_activity",         # a subheadline line names an activity
    "sub_marked_lower",     # a subheadline with a heading mark lower than the headline's
    "sub_unmarked",         # an unmarked subheadline under a marked headline
    "kicker_bracketed",     # a kicker line wholly in brackets (an editors' note, not a title)
    "part_mixed_marks",     # a kicker, headline or subheadline whose lines carry different markup
    "part_wrapped",         # a kicker or subheadline printed on two lines of one block, the first unfinished
    "cut_in_block",         # a part ends inside a block (no blank line, the same markup): a wrapped line cut
    "cut_at_fragment",      # a part starts with a stub of one or two characters then a space (a word cut)
    "kicker_unmarked_alike",  # an unmarked kicker line over a marked headline, on a page that marks
                              # every title part alike (all bold, all #): there a plain line is no title part
    "sub_unmarked_alike",     # an unmarked subheadline line under a marked headline, on such a page
    "logo_unmarked_alike",    # an unmarked logo over a marked headline, on such a page
    "logo_bracketed",         # a logo wholly in 【】 (【两会进行时】: how a column's name is printed)
    "kicker_mixed_marks",     # a kicker of a plain and a marked line (the parser set them apart)
    "kicker_marked_heads_only",  # a kicker marked as the headline, on a page that marks headlines only
                                 # (MinerU: kicker and subheadline plain): a headline's second line rather
    "logo_recurring",       # a logo whose words stand as a title line again elsewhere on the page (a
                            # column's name printed over each of its articles: 为了民族复兴·英雄烈士谱)
    "kicker_recurring",     # a kicker line whose words stand again elsewhere on the page (a column's
                            # name more likely than an article's own lead-in)
    "sub_continues",        # a subheadline line that carries on the line above without a subject
                            # of its own (…座谈会 / 就…听取意见) or dates a speech (（2021年1月1日）)
    "head_continues",       # a headline line that reads so (under a kicker: a subheadline's words)
    "kicker_report",        # a kicker line that reports a thing done or a figure (…会议召开, …增长8.5%):
                            # a headline's statement (titles.toml report_end)
    "head_report",          # the headline ends so
    "kicker_series",        # a kicker line ending in a series number (…精神③, 之五): a column's name
                            # over the headline, not an article's own lead-in
    "logo_marked_higher",   # a logo marked higher than the headline (# over ## or over a plain line):
                            # a page marks its headlines best, so the better-marked line is the headline
)


@dataclass(frozen=True)
class HeadModel:
    weights: tuple[float, ...]

    def score(self, x: list[float]) -> float:
        return sum(w * v for w, v in zip(self.weights, x) if v)


@lru_cache(maxsize=1)
def default_model() -> HeadModel:
    """The shipped model (data/heads.json); its feature names must match FEATURES."""
    d = weights.load(DATA, FEATURES, "scripts/train_heads.py")
    return HeadModel(tuple(float(w) for w in d["weights"]))


_OVERRIDE: ContextVar[tuple[HeadModel | None, list | None]] = ContextVar("jianbao_head_model", default=(None, None))


@contextmanager
def using(model: HeadModel | None = None, record: list | None = None):
    """Within the block, assign_head weighs splits with `model` (None: the shipped one) and, when
    `record` is given, appends to it (blocks, run, candidates) for every head it assigns — the
    segmenter calls assign_head itself, so training and k-fold scoring reach it this way."""
    token = _OVERRIDE.set((model, record))
    try:
        yield
    finally:
        _OVERRIDE.reset(token)


@dataclass(frozen=True)
class Split:
    logos: list[list[int]]
    kicker: list[int]
    headline: list[int]
    subheadline: list[int]


def candidates(blocks: list[Block], idx: list[int], alike: bool | None = None,
               recurring: frozenset[int] = frozenset()) -> list[tuple[Split, list[float]]]:
    """Every split the model weighs, with its feature vector. `alike`: the page marks every title
    part alike (True), its headlines only (False), or nothing is known (None); `recurring`: the
    lines whose words stand as another title line of the page too."""
    rule_logos, rest = split_logos(blocks, idx)
    ruled = len(idx) - len(rest)
    peeled = set(idx[:ruled])
    lines = [_Line(blocks[i], i in peeled, i in recurring) for i in idx]
    top = min(x.level for x in lines)
    n = len(idx)
    out = []
    # the rule's logos, fewer, or one more above a head of two lines at most (in the gold pages
    # a logo the rule misses stands over one or two title lines)
    extra = 1 if n - ruled - 1 <= 2 else 0
    for nl in range(0, min(ruled + extra, n - 1) + 1):
        logos = _logo_groups(rule_logos, idx, nl)
        m = n - nl
        most_s = max(2, m - 4)  # a long head: the lines past kicker and headline are subheadline
        for a in range(nl, min(nl + 2, n - 1) + 1):
            for b in range(a + 1, min(a + 2, n) + 1):
                if n - b > most_s:
                    continue
                split = Split(logos, idx[nl:a], idx[a:b], idx[b:])
                out.append((split, _features(lines, nl, a, b, top, alike)))
    return out


def assign_head(blocks: list[Block], idx: list[int], model: HeadModel | None = None,
                alike: bool | None = None, recurring: frozenset[int] = frozenset()) -> Head:
    """Logos, kicker, headline and subheadline of one article's run of title lines (`alike`: how the
    page marks title parts, `recurring`: lines printed again on the page, see candidates)."""
    if not idx:
        return Head()
    override, record = _OVERRIDE.get()
    model = model or override or default_model()
    cands = candidates(blocks, idx, alike, recurring)
    if record is not None:
        record.append((blocks, list(idx), cands))
    best, best_score = cands[0][0], float("-inf")
    for split, x in cands:
        s = model.score(x)
        if s > best_score:
            best, best_score = split, s
    return Head(logos=[list(g) for g in best.logos], kicker=list(best.kicker),
                headline=list(best.headline), subheadline=list(best.subheadline))


def _logo_groups(rule: list[list[int]], idx: list[int], nl: int) -> list[list[int]]:
    """The first nl lines as logos: grouped as the rule groups them, a line past the rule alone."""
    out, left = [], nl
    for g in rule:
        if left <= 0:
            break
        out.append(g[:left])
        left -= len(out[-1])
    if left > 0:
        out.append(idx[nl - left:nl])
    return out


_SERIES = re.compile(r"(?:[①-⑳]|之[一二三四五六七八九十]+|[（(][一二三四五六七八九十0-9]+[）)])$")
_STUB = re.compile(r"^\S{1,2} \S")
_ENDS = frozenset("。！？；…!?;”’」』）)】〕》\"'")
_QUOTE = re.compile(r"^[“「‘\"].*[”」’\"]$")


class _Line:
    """What the features read of one title line, computed once per head."""
    __slots__ = ("level", "len", "gap", "kend", "sstart", "send", "speech", "activity", "couplet",
                 "comma", "dot", "series", "punct", "quote", "question", "ruled", "alnum", "end", "stub", "place", "bracketed",
                 "lenticular", "recurring", "cont", "report")

    def __init__(self, b: Block, ruled: bool, recurring: bool = False) -> None:
        t = tables()
        x = b.text
        self.level = rank(b)
        self.len = len(x.replace(" ", ""))
        self.gap = b.gap_before
        self.kend = bool(t.kicker_end.search(x))
        self.sstart = bool(t.sub_start.search(x))
        self.send = bool(t.sub_end.search(x))
        self.speech = bool(t.speech_end.search(x))
        self.activity = bool(t.activity.search(x))
        self.couplet = is_couplet(x)
        self.comma = "，" in x or "," in x
        self.dot = "·" in x
        self.series = bool(_SERIES.search(x))
        self.punct = any(not (c.isalnum() or c in " ·") for c in x)
        self.quote = bool(_QUOTE.search(x))
        self.question = x.endswith(("？", "?"))
        self.ruled = ruled
        self.alnum = all(c.isalnum() for c in x)
        self.end = self.kend or x[-1:] in _ENDS  # the line closes a phrase
        self.stub = bool(_STUB.match(x))
        self.place = bool(t.place_end.search(x))
        self.bracketed = x[:1] in "（(【[" and x[-1:] in "）)】]"
        self.lenticular = x[:1] == "【"
        self.recurring = recurring
        self.cont = bool(t.sub_continue.search(x))
        self.report = bool(t.report_end.search(x))


def _wrapped(x: _Line, y: _Line) -> bool:
    return not y.gap and x.level == y.level and not x.end


def _parallel(x: _Line, y: _Line) -> bool:
    """Two title lines of one shape: 以链式思维育集群 / 以开放姿态拓空间."""
    return (x.level == y.level and 4 <= x.len <= 12 and 4 <= y.len <= 12
            and abs(x.len - y.len) <= 1 and x.alnum and y.alnum)


def halves(a: Block, b: Block) -> bool:
    """Two lines of one markup that read as the two parallel halves of one headline (推动政策红利直达
    / 服务企业零距离), not as two title parts: what a page's markup convention may not be read from."""
    return _parallel(_Line(a, False), _Line(b, False))


def _features(lines: list[_Line], nl: int, a: int, b: int, top: int, alike: bool | None = None) -> list[float]:
    L, K, H, S = lines[:nl], lines[nl:a], lines[a:b], lines[b:]
    f = dict.fromkeys(FEATURES, 0.0)
    title = lines[nl:]
    marks_differ = len({x.level for x in title}) > 1
    ttop = min(x.level for x in title)
    hlevel = min(x.level for x in H)
    for x in L:
        f["logo_rule" if x.ruled else "logo_unruled"] += 1
        f["logo_dot"] += x.dot
        f["logo_series"] += x.series
        f["logo_short"] += x.len <= 6
        f["logo_long"] += x.len > 14
        f["logo_punct"] += x.punct
        f["logo_place"] += x.place
        f["logo_bracketed"] += x.bracketed and x.lenticular
        f["logo_recurring"] += x.recurring
    f["kicker_recurring"] = sum(x.recurring for x in K)
    f["kicker_series"] = sum(x.series for x in K)
    for part, P in (("logo", L), ("kicker", K), ("sub", S)):
        for x in P:
            f[part + "_marked_lower"] += hlevel < x.level < 7
            f[part + "_unmarked"] += hlevel < 9 == x.level
    f["logo_as_head"] = sum(x.level == hlevel < 9 for x in L)
    f["logo_marked_higher"] = sum(x.level < hlevel for x in L)
    f["logo_kept"] = sum(x.ruled for x in title)
    f["logo_unruled_over_2"] = f["logo_unruled"] and len(title) == 2
    klen, hlen, slen = sum(x.len for x in K), sum(x.len for x in H), sum(x.len for x in S)
    f["kicker_lines"] = len(K)
    f["kicker_two"] = len(K) == 2 and (K[1].gap or K[0].kend)
    for x in K:
        f["kicker_end"] += x.kend
        f["kicker_sub_cue"] += x.sstart or x.send
        f["kicker_speech"] += x.speech
        f["kicker_activity"] += x.len >= 15 and x.activity and not x.report
        f["kicker_long"] += x.len >= 15
        f["kicker_short"] += x.len <= 8
        f["kicker_plainer"] += marks_differ and x.level > ttop
        f["kicker_couplet"] += x.couplet
        f["kicker_comma"] += x.comma
        f["kicker_place"] += x.place
        f["kicker_bracketed"] += x.bracketed
    f["kicker_longer"] = bool(K) and klen > hlen
    f["head_lines_2"] = len(H) == 2
    if marks_differ:
        f["head_top"] = all(x.level == ttop for x in H)
        f["head_not_top"] = not f["head_top"]
    f["head_couplet"] = any(x.couplet for x in H)
    f["head_sub_start"] = any(x.sstart for x in H)
    f["head_kicker_end"] = H[-1].kend and (bool(S) or len(H) > 1)
    f["head_speech"] = H[-1].speech and bool(S)
    if len(H) == 2:
        first, second = H
        # a title wrapped by the parser: same block, same markup, and the second line is the short
        # rest of the first (plain-text OCR puts every line in one block, so the length decides)
        f["head_wrapped"] = (not second.gap and first.level == second.level and not first.kend
                             and second.len <= 0.6 * first.len)
        f["head_parallel"] = _parallel(first, second)
    f["head_first"] = a == nl
    longest = max(x.len for x in title)
    f["head_longest"] = any(x.len == longest for x in H)
    f["head_quote"] = any(x.quote for x in H)
    f["head_question"] = H[-1].question
    f["head_short"] = hlen <= 8
    f["head_comma"] = any(x.comma for x in H)
    f["head_activity"] = any(x.activity for x in H)
    f["sub_lines"] = len(S)
    f["sub_two_gap"] = len(S) == 2 and S[1].gap
    for x in S:
        f["sub_start"] += x.sstart
        f["sub_end"] += x.send and not x.sstart
        f["sub_kicker_end"] += x.kend
        f["sub_speech"] += x.speech
        f["sub_long"] += x.len >= 25
        f["sub_plainer"] += marks_differ and x.level > ttop
        f["sub_couplet"] += x.couplet
        f["sub_comma"] += x.comma
        f["sub_activity"] += x.activity
    f["sub_longer"] = bool(S) and slen > hlen
    f["sub_continues"] = sum(x.cont for x in S)
    f["head_continues"] = sum(x.cont for x in H)
    f["kicker_report"] = sum(x.report for x in K)
    f["head_report"] = H[-1].report
    f["sub_parallel"] = len(H) == 1 and bool(S) and _parallel(H[0], S[0])
    if alike is not None and hlevel < 9:
        if alike:
            f["kicker_unmarked_alike"] = sum(x.level == 9 for x in K)
            f["sub_unmarked_alike"] = sum(x.level == 9 for x in S)
            f["logo_unmarked_alike"] = sum(x.level == 9 for x in L)
        else:
            f["kicker_marked_heads_only"] = sum(x.level == hlevel for x in K)
    f["kicker_mixed_marks"] = len({x.level for x in K}) > 1
    f["part_mixed_marks"] = sum(len({x.level for x in P}) > 1 for P in (K, H, S))
    f["part_wrapped"] = sum(_wrapped(P[0], P[1]) for P in (K, S[:2]) if len(P) == 2)
    for cut in {nl, a, b} - {0, len(lines)}:
        prev, nxt = lines[cut - 1], lines[cut]
        f["cut_in_block"] += not nxt.gap and prev.level == nxt.level and not prev.end
        f["cut_at_fragment"] += nxt.stub
    return [float(v) for v in f.values()]
