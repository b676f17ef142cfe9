"""Page → drafts of articles and furniture: who owns each line.

One pass over the lines. Furniture is recognised on its own words; a run of title lines starts
an article when the evidence says so (a byline or dateline follows, several title lines, a logo
or jump above it, a news lead below it, markup of the headline's rank …), otherwise it is an
in-article subheading. Body lines go to the article in progress.
"""
from __future__ import annotations

import bisect
import math
import os
import re
from dataclasses import dataclass, field, replace

from ..model import Block, Page
from . import lines as L
from .boundary import FEATURES, Model, default_model
from .geometry import Geometry, measure
from .heads import Head, assign_head, halves, rank
from .tables import tables

HEADLINE_SIZE = 1.45  # type this much larger than the body (as a layout reader measured it) is a headline's
BULLETS = "●■◆▲◇□○★☆▶►◎◉"  # marks printed before an in-article subheading (removed from Block.text)
VERSE_RUN = 5  # this many short lines in a row are verse or a list, not an article's head
PLAIN_CLAUSES = 16  # on a page without markup, a line of two short clauses up to this long may be a title
                    # (弘扬好作风，同心协力奔小康); where titles are marked, an unmarked one is body
MARKED_LIST = 3  # this many lines in a row opening with one caption mark (▲) are a list's items, not captions
DATE_ONLY = re.compile(r"^(?:[0-9〇○零一二三四五六七八九]{4}|二〇[〇一二三四五六七八九]{2})年[0-9一二三四五六七八九十]{1,2}月"
                       r"[0-9一二三四五六七八九十]{1,3}日$")
PARALLEL_AHEAD = 40  # lines looked ahead for a subheading's siblings
SIBLING_LABEL = 8  # a part's label over its subheading is this short at most (科学规划)
MAX_HEAD = 8   # logos, kicker, headline, subheadline lines: more starts another head
ABOVE = 3000   # characters of the article in progress whose words a run is compared with
BELOW = 300    # characters under a run whose words it is compared with
LOOK = 20      # lines looked at under a run for its lead's words or a photo credit (linear on any page)
CAPTION_GAP = 1.5  # a caption's top stands within this many of its lines' heights under its photo
CAPTION_LINES = 3  # short lines under a caption, inside the photo's width, that may be its credit


@dataclass
class Piece:
    """Part of one block: cleaned-text range [a, b) of block `block`."""
    block: int
    a: int
    b: int


@dataclass
class Draft:
    first: int                                   # first block, for order and id
    head: Head = field(default_factory=Head)
    bylines: list[Piece] = field(default_factory=list)
    byline_info: list[L.Byline] = field(default_factory=list)
    dateline: Piece | None = None
    body: list[Piece] = field(default_factory=list)
    subheadings: set[int] = field(default_factory=set)  # block indexes among body pieces
    continued_from: str | None = None
    continued_on: str | None = None
    kind: str = "news"
    closed: bool = False                         # an end byline was seen

    @property
    def has_head(self) -> bool:
        return bool(self.head.headline or self.head.kicker)


@dataclass
class FurnitureDraft:
    kind: str
    pieces: list[Piece]
    first: int


@dataclass
class Cut:
    drafts: list[Draft]
    furniture: list[FurnitureDraft]
    geometry: Geometry = field(default_factory=Geometry)


def whole(blocks: list[Block], i: int) -> Piece:
    return Piece(i, 0, len(blocks[i].text))


class Segmenter:
    """One pass over a page's lines. `model` decides article starts (boundary.py); `oracle`, for
    training only, answers instead from gold and each decision's features are kept in `decisions`."""

    def __init__(self, page: Page, model: Model | None = None, oracle=None):
        self.model = model if model is not None or oracle is not None else default_model()
        self.oracle = oracle
        self.decisions: list[tuple[list[float], bool]] = []
        self.page_style: int | None = None  # markup rank of the page's first headline
        self._verse_ends: tuple[list[int], list[bool]] | None = None  # (built on first use)
        self._above: tuple[tuple[int, int], set[str]] | None = None  # words of the article in progress
        self.plain_page = not any(b.heading or b.bold for b in page.blocks)  # no line is marked
        # roles are judged on a simplified copy of each line (same length, so offsets hold)
        simplify = tables().simplify
        self.blocks = [replace(b, text=b.text.translate(simplify)) for b in page.blocks]
        self.bullet = [page.text[b.start:b.end].lstrip(" #>*-　")[:1] in BULLETS for b in page.blocks]
        self.n = len(self.blocks)
        self.drafts: list[Draft] = []
        self.furniture: list[FurnitureDraft] = []
        self.cur: Draft | None = None
        self.pending_from: str | None = None
        self.break_next = False
        self.last_caption: Draft | None = None
        self._prev_header = -1
        self.fkind = [self._furniture_kind(i) for i in range(self.n)]
        last_content = max((i for i in range(self.n) if self.fkind[i] is None), default=-1)
        for i in range(self.n):
            if self.fkind[i] == "page_header" and i > last_content:
                self.fkind[i] = "page_footer"
        self.byl = [self._byline(i) for i in range(self.n)]
        self.geo = measure(self.blocks, [i for i in range(self.n) if self.fkind[i] is None])
        self._title = [self._title_line(i) for i in range(self.n)]
        for i in range(self.n - 1, -1, -1):
            # a sentence ending in a colon leads into what follows it: over a title it is a kicker
            # (某某调研时强调：), over body text it opens that text (这次走访，记者又获知了这样的消息：)
            t = self.blocks[i].text
            if self._title[i] and t.endswith(("：", ":")) and ("，" in t or "," in t) and not self.blocks[i].heading:
                nxt = self.next_content(i + 1)
                self._title[i] = nxt < self.n and self._title[nxt]
        self.parts_alike = self._marks_parts_alike()
        self.listed = self._marked_list()
        self.recurring = self._recurring_titles()
        self.groups = self._title_groups()

    # ---- per-line judgements ------------------------------------------------------------
    def _furniture_kind(self, i: int) -> str | None:
        b = self.blocks[i]
        if b.image:
            return "image"
        if b.category == "aside" and L.logo_shaped(b.text) and not L.header_kind(b.text):
            return "column_logo"  # a side label shaped as a column's name (printed down the margin)
        if b.zone in ("header", "footer"):
            return "page_header" if b.zone == "header" else "page_footer"
        if b.category == "logo":
            return "column_logo"  # told by its look (a scan's line set on a ground: read/image.py)
        if L.is_jump_line(b.text):
            return "jump"
        h = L.header_kind(b.text)
        if not h:
            return None
        kind, classes = h
        # a paper name, 第N版, a weekday, credits … are furniture anywhere; a bare date or a
        # section name only at the top or foot of the page, or next to other header lines
        edge = i < 3 or self._prev_header == i - 1
        if classes & L.STRONG_ALONE and "free" not in classes or edge:
            self._prev_header = i
            return "page_footer" if kind == "footer" else "page_header"
        return None

    def _byline(self, i: int) -> L.Byline | None:
        if self.fkind[i]:
            return None
        b = self.blocks[i]
        if b.heading and b.heading <= 2 and not L.strip_decoration(b.text) != b.text:
            return None
        if tables().section_label.search(b.text):
            return None  # 记者手记, 核心阅读: a label inside an article
        return L.parse_byline(b.text)

    def title(self, i: int) -> bool:
        return self._title[i]

    def _title_line(self, i: int) -> bool:
        b = self.blocks[i]
        return (self.fkind[i] is None and self.byl[i] is None and not L.is_caption(b.text)
                and L.title_like(b.text, b.heading) and L.dateline_at(b.text) == 0
                and not tables().contact_line.search(b.text) and not self._closer(i)
                and not tables().salutation.search(b.text)
                and not (self.geo.indents and b.indent and not b.heading)
                and not (b.category == "footnote" and b.size < HEADLINE_SIZE)  # a note stays in its body
                and (b.heading > 0 or b.bold or not L.lead_like(b.text)
                     and not tables().figure_callout.match(b.text) and not self._credit(b.text)))

    def _marked_list(self) -> frozenset[int]:
        """Lines in a run of MARKED_LIST or more in a row that open with one caption mark (▲不要…
        / ▲家中要… / ▲逃生时…): the items of a list in an article, not the captions of photos,
        which stand one under each photo."""
        out: list[int] = []
        run: list[int] = []
        for i in range(self.n + 1):
            mark = self.blocks[i].text[:1] if i < self.n and not self.fkind[i] else ""
            if run and mark != self.blocks[run[0]].text[:1]:
                if len(run) >= MARKED_LIST:
                    out += run
                run = []
            if mark and mark in L.CAPTION_MARKS:
                run.append(i)
        return frozenset(out)

    def _marks_parts_alike(self) -> bool | None:
        """How the page marks an article's title lines: every part alike (kicker, headline and
        subheadline all bold, or all `#`: True) or its headlines only (kicker and subheadline plain, as
        MinerU gives them: False); None when the page does not tell. Read from the runs of title
        lines: two marked lines of one rank in a row say "alike" (unless they are the two parallel
        halves of one headline, heads.halves), a plain line right under a marked one says "headlines
        only". A convention is a page's, so it takes two heads or more (on a page
        of one article, two marked lines may as well be one headline printed on two lines)."""
        votes = [0, 0, 0]  # runs that say alike, headlines only, runs with a marked line
        prev: int | None = None  # rank of the title line before, within a run
        last = 0  # that line
        seen = [False, False, False]
        for i in range(self.n + 1):
            if i < self.n and self.fkind[i]:
                continue
            if i == self.n or not self._title[i]:
                votes = [v + s for v, s in zip(votes, seen)]
                prev, seen = None, [False, False, False]
                continue
            r = rank(self.blocks[i])
            if prev is not None:
                # two marked lines of one rank say "alike" unless they are one headline's halves
                seen[0] = seen[0] or r == prev < 9 and not halves(self.blocks[last], self.blocks[i])
                seen[1] = seen[1] or prev < 9 == r
            seen[2] = seen[2] or r < 9
            prev, last = r, i
        alike, only, marked = votes
        return None if alike == only or marked < 2 else alike > only

    def _recurring_titles(self) -> frozenset[int]:
        """Title lines whose words stand as another title line of the page too: a column's name
        printed over each of its articles (为了民族复兴·英雄烈士谱), which the head model weighs as a logo."""
        seen: dict[str, list[int]] = {}
        for i in range(self.n):
            if self._title[i]:
                seen.setdefault("".join(self.blocks[i].text.split()), []).append(i)
        return frozenset(i for key, ks in seen.items() if len(ks) >= 2 and len(key) >= 2 for i in ks)

    def _title_groups(self) -> list[tuple[int, int]]:
        """The maximal runs [a, b) of consecutive title lines of the page, in order."""
        out, a = [], None
        for i in range(self.n + 1):
            if i < self.n and self._title[i]:
                if a is None:
                    a = i
            elif a is not None:
                out.append((a, i))
                a = None
        return out

    def _sibling_runs(self, i: int, j: int) -> bool:
        """Does another run of title lines within PARALLEL_AHEAD lines of [i, j) have as many lines
        (two or more) and a first line as long, both short labels (the heads of one report's parts)?
        A column's name printed over several articles (recurring, or a known one) is no label."""
        blocks, slogans = self.blocks, tables().slogans
        first = blocks[i].text
        def label(a: int) -> bool:
            x = blocks[a].text
            return len(x) <= SIBLING_LABEL and a not in self.recurring and "".join(x.split()) not in slogans
        if j - i < 2 or not label(i):
            return False
        k = bisect.bisect_left(self.groups, (i - PARALLEL_AHEAD, 0))
        while k < len(self.groups) and self.groups[k][0] <= j + PARALLEL_AHEAD:
            a, b = self.groups[k]
            if (b <= i or a >= j) and b - a == j - i and len(blocks[a].text) == len(first) \
                    and blocks[a].text != first and label(a):
                return True
            k += 1
        return False

    @staticmethod
    def _credit(text: str) -> bool:
        """A credit or signature the byline grammar did not read: a photographer's (新华社记者 某 某摄:
        no title ends in the photo mark after a space-separated name) or a letter writer's, where
        from and who (某某省某某市 张某某, as readers' letters are signed)."""
        t = tables()
        m = t.photo_mark.search(text)
        if m is not None and m.end() == len(text) and " " in text[:m.start()]:
            return True
        where, _, who = text.partition(" ")
        return bool(who) and bool(t.place_end.match(where)) and L.name_like(who)

    def _closer(self, i: int) -> bool:
        """A line that closes an article (an author's note, a credit, a bracketed byline: （记者 李某）),
        or labels a part inside one (核心阅读): never a title line."""
        t = self.blocks[i].text
        if tables().closer.search(t) or tables().section_label.search(t):
            return True  # (a section label is no title either: it stays in the article's body)
        return len(t) <= 40 and t[:1] in "（(" and t[-1:] in "）)" and L.parse_byline(t[1:-1]) is not None

    def next_content(self, j: int) -> int:
        while j < self.n and self.fkind[j]:
            j += 1
        return j

    def last_body_block(self) -> int | None:
        if self.cur and self.cur.body:
            return self.cur.body[-1].block
        return None

    # ---- the pass ---------------------------------------------------------------------
    def run(self) -> Cut:
        i = 0
        while i < self.n:
            if self.fkind[i]:
                self._furniture(i)
                i += 1
            elif self.byl[i] is not None and self._is_byline_here(i):
                self._byline_line(i)
                i += 1
            elif L.is_caption(self.blocks[i].text) and i not in self.listed:
                self._caption(i)
                i += 1
            elif self._labelled_caption(i):
                self._caption(i, labelled=True)
                i += 1
            elif self._under_photo(i):
                self._caption(i)
                i = self._caption_tail(i + 1)
            elif self._closing_note(i):
                self._body(i)
                i += 1
            elif self.title(i) and not self._continues(i) and not self._first_para(i):
                i = self._titles(i)
            else:
                self._body(i)
                i += 1
        self._lone_logos()
        # the segmentation read them as subheadings (its evidence for later runs stays as it was);
        # a paragraph cut short by a column break is printed as body, joined to its other half
        for d in self.drafts:
            if d.subheadings:
                d.subheadings -= {k for k in d.subheadings if self._cut_short(k)}
        return Cut(self.drafts, self.furniture, self.geo)

    def _labelled_caption(self, i: int) -> bool:
        """A block the parser labelled a caption (figure_title, image_caption, Caption: read/parsers)
        right under a photo, or under such a block of the same photo: the photo's caption, whatever
        its words (no ▲, no credit). The label is weighed with the rest: type set as large as a
        headline's, markup, or a reporter's byline or a dateline right under it say it is a headline
        the tool took for a caption (a headline printed under a photo)."""
        b = self.blocks[i]
        if b.category != "caption" or i == 0 or b.heading or b.bold or b.size >= HEADLINE_SIZE:
            return False
        d = self.last_caption
        if self.fkind[i - 1] != "image" and not (d is not None and d.body and d.body[-1].block == i - 1
                                                 and self.blocks[i - 1].category == "caption"):
            return False
        nxt = self.next_content(i + 1)
        if nxt >= self.n or self._dateline(nxt):
            return nxt >= self.n
        if self.byl[nxt] is None or not self.byl[nxt].has_role:
            return True
        return L.photo_signed(self.blocks[nxt].text) is not None  # a photographer's credit, not a reporter's

    def _over_photo(self, d: Draft, i: int) -> bool:
        """May the head of draft d, with nothing under it yet, be the title of the photo whose caption
        is line i? Without boxes, yes; with them, only if it stands over the photo printed right before
        the caption, no wider than it (a page's headline over the columns beside a photo is not)."""
        photo = self.blocks[i - 1].box if i and self.fkind[i - 1] == "image" else None
        boxes = [self.blocks[k].box for k in d.head.kicker + d.head.headline + d.head.subheadline]
        boxes = [x for x in boxes if x is not None]
        if photo is None or not boxes:
            return True
        slack = 0.1 * (photo[2] - photo[0])
        return (min(x[0] for x in boxes) >= photo[0] - slack and max(x[2] for x in boxes) <= photo[2] + slack
                and max(x[3] for x in boxes) <= photo[1] + slack)

    def _under_photo(self, i: int) -> bool:
        """A caption known by where it stands (PDF and scan pages, which give boxes): a line that is no
        title or byline right after a photo, its top within CAPTION_GAP of its lines' heights under
        the photo's foot and its width inside the photo's (give or take as much). For a caption whose
        credit is on a line of its own, or whose ▲ OCR missed."""
        if i == 0 or self.fkind[i - 1] != "image" or self.byl[i] is not None or self.title(i):
            return False
        photo, b = self.blocks[i - 1].box, self.blocks[i]
        return photo is not None and b.box is not None and self._photo_zone(photo, b.box, photo[3], b)

    @staticmethod
    def _photo_zone(photo: tuple[float, float, float, float], box: tuple[float, float, float, float],
                    foot: float, b: Block, low: float | None = None) -> bool:
        """Does `box` start right under `foot` (the photo's, or the lowest line of its caption) and
        lie within the photo's width? The tolerance is CAPTION_GAP times the height of a line of b
        (the caption); `low`: the caption's foot, a line beside its last one (a credit) starts above."""
        h = b.boxes[0][3] - b.boxes[0][1] if b.boxes else box[3] - box[1]
        slack = CAPTION_GAP * h
        return ((foot if low is None else low) - h / 2 <= box[1] <= foot + slack
                and box[0] >= photo[0] - slack and box[2] <= photo[2] + slack)

    def _caption_tail(self, i: int) -> int:
        """The short lines right under a caption found by _under_photo, inside the photo's width: its
        credit (新华社记者 某某 摄; a credit whose mark OCR misread, 某某 X, a name and one sign apart,
        is taken too, where it stands), or stray bits of the photo OCR read, which go with the caption.
        Returns the first line after them."""
        photo, caption, d = self.blocks[i - 2].box, self.blocks[i - 1], self.last_caption
        assert photo is not None and caption.box is not None and d is not None
        foot = low = caption.box[3]
        for k in range(i, min(i + CAPTION_LINES, self.n)):
            b = self.blocks[k]
            if (self.fkind[k] or b.box is None or len(b.boxes) > 1 or b.heading or b.bold
                    or b.size >= HEADLINE_SIZE or not self._photo_zone(photo, b.box, foot, caption, low)):
                return k
            credit = self._photo_credit_line(b.text)
            if credit is not None and not d.bylines:
                d.bylines.append(whole(self.blocks, k))
                d.byline_info.append(credit)
                return k + 1
            if len(b.text) > 2:
                return k
            d.body.append(whole(self.blocks, k))
            foot = max(foot, b.box[3])
        return min(i + CAPTION_LINES, self.n)

    def _same_caption(self, k: int, i: int) -> bool:
        """Do caption blocks k and i (i right after k) belong to one photo: without boxes, yes; with
        them, i stands under k, the two overlapping across (captions of photos side by side do not)."""
        a, b = self.blocks[k].box, self.blocks[i].box
        return a is None or b is None or (min(a[2], b[2]) > max(a[0], b[0]) and b[1] >= a[1])

    @staticmethod
    def _photo_credit_line(text: str) -> L.Byline | None:
        by = L.parse_byline(text)
        if by is None and len(text) > 4 and text[-2] == " ":
            by = L.parse_byline(text[:-2])  # the mark OCR misread (摄 as 播): a name before it
        return by if by is not None and by.reporters else None

    def _closing_note(self, i: int) -> bool:
        """A note wholly in brackets between an article's body and the next title lines (（综合本报记者
        某某、某某报道）, （《条例》全文见第十五版）): it closes the article above, never opens a head
        (no kicker or headline of the gold pages opens with a bracket)."""
        t = self.blocks[i].text
        cur = self.cur
        if cur is None or not cur.body or cur.closed or t[:1] not in "（(" or t[-1:] not in "）)":
            return False
        nxt = self.next_content(i + 1)
        return nxt < self.n and self.title(nxt)

    def _lone_logos(self) -> None:
        """A head with nothing under it that is shaped like a logo is a logo (e.g. at the page foot)."""
        for d in list(self.drafts):
            lines = d.head.kicker + d.head.headline + d.head.subheadline
            if (d.kind == "news" and not d.body and not d.bylines and not d.dateline and lines
                    and all(L.logo_shaped(self.blocks[k].text) for k in lines)):
                self.drafts.remove(d)
                self.furniture.append(FurnitureDraft("column_logo", [whole(self.blocks, k) for k in lines],
                                                     lines[0]))

    def _is_byline_here(self, i: int) -> bool:
        by = self.byl[i]
        assert by is not None
        if by.has_role or by.decorated:
            return True
        # names alone: right under a head, or closing an article
        cur = self.cur
        if cur and not cur.body:
            return True
        nxt = self.next_content(i + 1)
        return nxt >= self.n or self.title(nxt) or self.byl[nxt] is not None

    def _first_para(self, i: int) -> bool:
        """An unmarked short line that must be body: the first paragraph after a head and its
        byline, or the words a paragraph ending in "：" announces (a slogan, a quoted motto)."""
        cur = self.cur
        b = self.blocks[i]
        if cur is None or cur.closed or b.heading or b.bold:
            return False
        if cur.has_head and cur.bylines and not cur.body:
            return True
        last = self.last_body_block()
        return last is not None and self.blocks[last].text.endswith(("：", ":")) \
            and not self._byline_follows(i + 1)

    def _continues(self, i: int) -> bool:
        """Is this title-like line the rest of a paragraph cut by a column break?"""
        last = self.last_body_block()
        if last is None or self.blocks[i].heading or self.cur is None or self.cur.closed:
            return False
        prev = self.blocks[last]
        if last in self.cur.subheadings or rank(prev) != rank(self.blocks[i]) or self._complete(prev.text):
            return False  # a paragraph cut by a column break keeps its markup on both sides
        if self.geo.column and self.geo.full(prev) and not self.blocks[i].indent:
            return True  # the previous line fills the column: this one goes on with it
        if L.ends_terminal(prev.text):
            return False
        if self._verse(last) or len(prev.text) < 12:
            return False
        nxt = self.next_content(i + 1)
        return not (nxt < self.n and (self.byl[nxt] is not None or self._dateline(nxt)))

    @staticmethod
    def _complete(text: str) -> bool:
        """A line that is a whole unit in brackets (（新华社北京2月3日电 记者某某）, （作者为…）) or a
        closing line: nothing on the next line goes on with it."""
        return text[:1] in "（(" and text[-1:] in "）)" or bool(tables().closer.search(text))

    def _verse(self, i: int) -> bool:
        """Is line i part of a run of short unterminated lines (verse, a list, a slogan block)?"""
        def short(k: int) -> bool:
            t = self.blocks[k].text
            return (self.fkind[k] is None and len(t) <= 20 and not L.ends_terminal(t)
                    and not self.geo.full(self.blocks[k]))
        if not short(i):
            return False
        a = i
        while a > 0 and short(a - 1):
            a -= 1
        b = i
        while b + 1 < self.n and short(b + 1):
            b += 1
        return b - a + 1 >= 3

    def _short(self, k: int) -> bool:
        """A short unterminated line (a title, a lone name, dots) that may belong to verse."""
        b = self.blocks[k]
        return (self.fkind[k] is None and len(b.text) <= 20 and not self.geo.full(b)
                and not L.ends_terminal(b.text) and not L.is_caption(b.text) and not self._closer(k)
                and (self.byl[k] is None or not (self.byl[k].has_role or self.byl[k].decorated)))

    def _verse_runs(self) -> tuple[list[int], list[bool]]:
        """For every line: where the run of short lines from it ends, and whether that run holds a
        marked or contact line (then it is no verse). One backward pass, so a page of thousands of
        title lines stays linear."""
        end, marked = [0] * (self.n + 1), [False] * (self.n + 1)
        end[self.n] = self.n
        contact = tables().contact_line
        for k in range(self.n - 1, -1, -1):
            if self._short(k):
                b = self.blocks[k]
                end[k] = end[k + 1]
                marked[k] = bool(b.heading or b.bold or contact.search(b.text)) or marked[k + 1]
            else:
                end[k] = k
        return end, marked

    def _dateline(self, i: int) -> bool:
        return self.fkind[i] is None and L.dateline_at(self.blocks[i].text) > 0

    # ---- handlers ------------------------------------------------------------------------
    def _new(self, first: int) -> Draft:
        self.break_next = False
        d = Draft(first)
        if self.pending_from:
            d.continued_from, self.pending_from = self.pending_from, None
        self.drafts.append(d)
        self.cur = d
        return d

    def _furniture(self, i: int) -> None:
        kind = self.fkind[i]
        b = self.blocks[i]
        prev = self.furniture[-1] if self.furniture else None
        if (prev and prev.kind == kind and kind in ("page_header", "page_footer")
                and not b.gap_before and prev.pieces[-1].block == i - 1):
            prev.pieces.append(whole(self.blocks, i))
        else:
            self.furniture.append(FurnitureDraft(kind, [whole(self.blocks, i)], i))
        if kind == "jump":
            self._jump(L.jump_in(b.text))

    def _jump(self, j: tuple[str, str, int, int] | None) -> None:
        if not j:
            return
        direction, page = j[0], digits(j[1])
        cur = self.cur
        if direction == "from":
            if cur is not None and not cur.body and not cur.closed:
                cur.continued_from = page
            else:
                self.pending_from = page
                self.break_next = True
        elif cur is not None:
            cur.continued_on = page
            cur.closed = True  # the rest of the article is on another page

    def _byline_line(self, i: int) -> None:
        by = self.byl[i]
        assert by is not None
        photo = self.last_caption
        if photo is not None and not photo.bylines and photo.body and photo.body[-1].block == i - 1 \
                and by.text.endswith("摄"):
            photo.bylines.append(whole(self.blocks, i))  # the credit printed under its caption
            photo.byline_info.append(by)
            return
        cur = self.cur
        if cur is not None and cur.body and not cur.closed and cur.body[-1].block in cur.subheadings \
                and self._body_follows(i + 1):
            cur.body.append(whole(self.blocks, i))  # a part's byline inside a composite report
            return
        if cur is None or cur.closed and cur.body:
            cur = self._new(i)
        elif cur.body:
            cur.closed = True
        cur.bylines.append(whole(self.blocks, i))
        cur.byline_info.append(by)

    def _body_follows(self, j: int) -> bool:
        nxt = self.next_content(j)
        return nxt < self.n and self.byl[nxt] is None and not self._dateline(nxt) and not self.title(nxt)

    def _caption(self, i: int, labelled: bool = False) -> None:
        text = self.blocks[i].text
        d = Draft(i, kind="photo")
        prev = self.drafts[-1] if self.drafts else None
        last = self.last_caption
        if labelled and last is not None and last.body and last.body[-1].block == i - 1 \
                and not last.bylines and self._same_caption(i - 1, i):
            d = last  # the caption goes on in a block of its own (the parser's, under the first)
        elif prev is not None and prev.has_head and not prev.body and not prev.bylines \
                and self._over_photo(prev, i):
            d, d.kind = prev, "photo"  # a photo's own title above the picture
        else:
            self.drafts.append(d)
        credit = L.photo_credit(text)
        end = credit[0] if credit else len(text)
        start = len(text) - len(text.lstrip("▲△▼▽ "))
        while end > start and text[end - 1] == " ":
            end -= 1
        d.body.append(Piece(i, start, end))
        if credit:
            d.bylines.append(Piece(i, credit[0] + (1 if text[credit[0]] in "（(" else 0),
                                   len(text.rstrip("）) "))))
            d.byline_info.append(credit[1])
        d.closed = True
        self.last_caption = d

    def _titles(self, i: int) -> int:
        j = i
        while j < self.n and self.title(j) and j - i < 12:
            if j > i and self._plain_sentence(j) and not self._byline_follows(j + 1):
                break  # a sentence under a title is body, not more head
            j += 1
        if self._verse_ends is None:
            self._verse_ends = self._verse_runs()
        end, marked = self._verse_ends
        verse = range(i, end[i])
        if len(verse) >= VERSE_RUN and not marked[i] and not self._reporter_follows(verse[-1] + 1):
            for k in verse:
                self._body(k)
            return verse[-1] + 1
        j = min(j, i + MAX_HEAD)
        # a plain line that reads as part of a sentence ends the run: it is body (a paragraph cut
        # short), unless a byline or dateline follows it
        if not self._byline_follows(j):
            while j > i and self._plain_sentence(j - 1):
                j -= 1
        if j == i:
            self._body(i)
            return i + 1
        # on a page that marks every title part alike, plain lines under the run's last marked line
        # are no title part: the in-article subheadings of a composite report (黑龙江 / 报告起草…)
        tail = self._unmarked_tail(i, j)
        j -= len(tail)
        run = list(range(i, j))
        cur = self.cur
        if cur is None or (not cur.body and not cur.has_head and not cur.closed) or cur.closed \
                or self._starts(i, j):
            if cur is not None and not cur.body and not cur.has_head and not cur.closed:
                d = cur  # bylines came first (a repost without headline, then a head)
            else:
                d = self._new(i)
            d.head = assign_head(self.blocks, run, alike=self.parts_alike, recurring=self.recurring)
            if self.page_style is None and d.head.headline:
                self.page_style = min(rank(self.blocks[k]) for k in d.head.headline)
            for logo in d.head.logos:
                self.furniture.append(FurnitureDraft(
                    "column_logo", [whole(self.blocks, k) for k in logo], logo[0]))
            d.first = min(d.head.kicker + d.head.headline + [d.first])
        else:
            for k in run:
                cur.body.append(whole(self.blocks, k))
                cur.subheadings.add(k)
        for k in tail:
            self.cur.body.append(whole(self.blocks, k))
            self.cur.subheadings.add(k)
        return j + len(tail)

    def _cut_short(self, k: int) -> bool:
        """An unmarked line read as a subheading that is a paragraph cut short (lines.cut_short)."""
        b = self.blocks[k]
        if b.heading or b.bold:
            return False
        nxt = self.next_content(k + 1)
        return L.cut_short(b.text, self.blocks[nxt].text if nxt < self.n else "")

    def _unmarked_tail(self, i: int, j: int) -> list[int]:
        """The plain lines after the last marked line of the run [i, j), on a page that marks every
        title part alike (parts_alike); none elsewhere, or when the run has no marked line."""
        if self.parts_alike is not True:
            return []
        last = next((k for k in range(j - 1, i - 1, -1) if rank(self.blocks[k]) < 9), None)
        return [] if last is None else list(range(last + 1, j))

    def _plain_sentence(self, k: int) -> bool:
        b = self.blocks[k]
        if b.heading or b.bold:
            return False
        if k and self._title[k - 1] and tables().sub_start.search(b.text):
            return False  # a dash right under a title line opens its subheadline (——面对疫情，企业在…)
        # on a page without markup, two short clauses may be a headline (弘扬好作风，同心协力奔小康); a
        # line that stops inside a number (有着5 / 2年党龄…) is a paragraph cut short however short
        if self.plain_page and len(b.text) <= PLAIN_CLAUSES and L.two_clauses(b.text) \
                and not b.text[-1:].isdigit():
            return False
        return L.sentence_like(b.text)

    def _reporter_follows(self, j: int) -> bool:
        """A reporter's byline (a role printed: 本报记者 某某) or a dateline right after line j-1: the
        short lines above are an article's head (logo, headline, a subheadline in three lines), not
        verse or a list."""
        nxt = self.next_content(j)
        return nxt < self.n and (self.byl[nxt] is not None and self.byl[nxt].has_role or self._dateline(nxt))

    def _byline_follows(self, j: int) -> bool:
        nxt = self.next_content(j)
        return nxt < self.n and (self.byl[nxt] is not None or self._dateline(nxt))

    def _starts(self, i: int, j: int) -> bool:
        """Does the run of title lines [i, j) start a new article? The model weighs the evidence;
        in training the oracle answers and the features are recorded."""
        x = self.features(i, j)
        if self.oracle is not None:
            y = bool(self.oracle(list(range(i, j))))
            self.decisions.append((x, y))
            return y
        return self.model.starts(x)

    def features(self, i: int, j: int) -> list[float]:
        """The evidence about the run [i, j), in the order of boundary.FEATURES."""
        t = tables()
        cur = self.cur
        assert cur is not None
        blocks = self.blocks
        run = range(i, j)
        text = "".join(blocks[k].text for k in run)
        f = dict.fromkeys(FEATURES, 0.0)
        f["bias"] = 1.0
        nxt = self.next_content(j)
        follows = nxt < self.n and (self.byl[nxt] is not None or self._dateline(nxt))
        f["byline_follows"] = float(follows)
        f["lines_2"] = float(j - i >= 2)
        f["lines_3"] = float(j - i >= 3)
        last = self.last_body_block()
        f["furniture_before"] = float(last is not None and any(
            self.fkind[k] in ("column_logo", "jump", "image", "page_header") for k in range(last + 1, i)))
        body = nxt
        while body < self.n and (self.fkind[body] or self.byl[body] is not None):
            body += 1
        if body < self.n:
            bt = blocks[body].text
            dl = L.dateline_at(bt)
            f["lead_below"] = float(bool(dl) or bool(t.lead_time.search(bt[dl:].lstrip())))
        activity = L.activity_headline(text)
        f["activity"] = float(activity)
        who = L.leading_name(text)
        f["leading_name"] = float(bool(who)) * (1.0 if body < self.n and who and who in blocks[body].text[:60] else 0.5)
        ahead = " ".join(blocks[k].text for k in range(body, min(body + 6, self.n)))
        f["ad_below"] = float(len({m.group(0) for m in t.ad_cue.finditer(ahead)}) >= 2)
        f["notice"] = float(j - i == 1 and bool(t.notice_title.search(text)) and len(text) <= 20)
        h = min(rank(blocks[k]) for k in run)
        ch = min((rank(blocks[k]) for k in cur.head.headline), default=0)
        if ch:
            f["rank_as_headline"] = float(h <= ch and h < 9)
            f["rank_below_headline"] = float(h > ch and h < 9)
            f["unmarked_vs_marked"] = float(h == 9 and ch < 9)
        elif h < 9 and cur.has_head:
            f["rank_marked_only"] = 1.0
        sub = min((rank(blocks[k]) for k in cur.subheadings), default=0)
        if sub and h < 9:
            f["rank_above_subs"] = float(h < sub)
            f["rank_as_subs"] = float(h == sub)
        f["style_as_page_head"] = float(self.page_style is not None and h == self.page_style and h < 9)
        f["size_big"] = float(max(blocks[k].size for k in run) >= HEADLINE_SIZE)
        f["numbered"] = float(bool(t.numbered.search(text)))
        f["bullet"] = float(any(self.bullet[k] for k in run))
        f["has_subs"] = float(bool(cur.subheadings))
        f["short"] = float(len(text) <= 12 and not activity)
        f["long"] = float(len(text) > 16)
        if last is not None:
            lt = blocks[last].text
            f["prev_colon"] = float(lt.endswith(("：", ":")))
            f["prev_closer"] = float(bool(t.closer.search(lt)) or self._credit(lt) or any(
                self.byl[k] is not None or L.is_caption(blocks[k].text) for k in range(last + 1, i)))
            f["prev_unterminated"] = float(not L.ends_terminal(lt) and not f["prev_closer"])
        styled = [d for d in self.drafts if d.kind == "news" and d.has_head]
        f["styled_bylined"] = float(bool(styled) and all(d.bylines or d.dateline for d in styled) and not follows)
        f["logo_first"] = float(j - i >= 2 and L.logo_shaped(blocks[i].text)
                                and len(blocks[i + 1].text) > len(blocks[i].text))
        f["dash_start"] = float(any(t.sub_start.search(blocks[k].text) for k in run))
        f["kicker_end"] = float(any(t.kicker_end.search(blocks[k].text) for k in run))
        f["question"] = float(text.endswith(("？", "?")))
        f["couplet"] = float(any(L.is_couplet(blocks[k].text) for k in run))
        chars = sum(p.b - p.a for p in cur.body)
        f["body_long"] = min(math.log10(1 + chars) / 4, 1.5)
        k, below = body, 0
        while k < self.n and below < 200 and not (blocks[k].heading or blocks[k].bold):
            below += len(blocks[k].text)
            k += 1
        f["next_short"] = float(below < 200)
        f["quote_only"] = float(text[:1] in "“\"（(「" and text[-1:] in "”\"）)」")
        notice = "".join(blocks[k].text for k in cur.head.headline)
        f["in_notice"] = float(bool(notice) and bool(t.notice_title.search(notice)))
        f["short_as_headline"] = f["short"] * f["rank_as_headline"]
        f["short_no_lead"] = f["short"] * float(not follows and not f["lead_below"])
        f["first_of_page"] = float(not any(d.has_head for d in self.drafts))
        # subheadings come in sets of one shape (构建现代产业体系 / 打造水绿相融格局 / …)
        last_line = blocks[j - 1]
        size = len(last_line.text)
        same = lambda k: (abs(len(blocks[k].text) - size) <= 1 and rank(blocks[k]) == rank(last_line)  # noqa: E731
                          and self.fkind[k] is None)
        f["signature"] = float(bool(DATE_ONLY.match(last_line.text)))
        f["plain_page"] = float(self.plain_page)
        f["plain_lines_2"] = f["plain_page"] * f["lines_2"]
        f["plain_after_subs"] = f["plain_page"] * f["has_subs"]
        if cur.subheadings:
            section = 0  # the text since the last subheading
            for piece in reversed(cur.body):
                if piece.block in cur.subheadings:
                    break
                section += piece.b - piece.a
            earlier = (chars - section - sum(len(blocks[k].text) for k in cur.subheadings)) / len(cur.subheadings)
            f["section_over_mean"] = float(section > 2 * max(earlier, 1.0))
        f["parallel_before"] = float(size <= 16 and any(same(k) for k in cur.subheadings))
        f["like_subs"], f["unlike_subs"] = self._siblings(cur, last_line.text)
        f["run_halves"] = float(j - i == 2 and halves(blocks[i], blocks[i + 1]))
        f["photo_below"] = float(self._photo_below(nxt))
        f["cur_dateline"] = float(cur.dateline is not None)
        if self.plain_page:
            f["words_above"], f["words_below"] = self._shared_words(cur, text, body)
        f["known_logo"] = float("".join(blocks[i].text.split()) in t.slogans)
        f["sibling_runs"] = float(self._sibling_runs(i, j))
        f["parallel_ahead"] = float(size <= 16 and any(
            same(k) and self.title(k) for k in range(j + 1, min(j + PARALLEL_AHEAD, self.n))))
        return [f[name] for name in FEATURES]

    def _shared_words(self, cur: Draft, text: str, k: int) -> tuple[float, float]:
        """(above, below): the share of the run's character pairs (text) that the article in progress
        holds (its head and its last ABOVE characters of body), and that the text under the run holds
        (up to BELOW characters from line k, before the next title line). Lexical cohesion: a
        subheading speaks of what its article is about; a headline's words come back in its own lead."""
        pairs = _pairs(text)
        if not pairs:
            return 0.0, 0.0
        blocks = self.blocks
        key = (id(cur), len(cur.body))
        if self._above is None or self._above[0] != key:
            parts, size = [], 0
            for piece in reversed(cur.body):
                parts.append(blocks[piece.block].text[piece.a:piece.b])
                size += piece.b - piece.a
                if size >= ABOVE:
                    break
            parts += [blocks[b].text for b in cur.head.kicker + cur.head.headline + cur.head.subheadline]
            self._above = (key, _pairs("".join(parts)))
        below, size, stop = [], 0, min(self.n, k + LOOK)
        while k < stop and size < BELOW and not (self.title(k) and size):
            if not self.fkind[k]:
                below.append(blocks[k].text)
                size += len(blocks[k].text)
            k += 1
        n = len(pairs)
        return len(pairs & self._above[1]) / n, len(pairs & _pairs("".join(below)[:BELOW])) / n

    def _photo_below(self, k: int, most: int = 4) -> bool:
        """Does a picture's credit (a photographer's: 某某摄, 某 某摄（影像中国）; a graphic's: 制图：某某)
        stand among the next `most` content lines from k, before any title line?"""
        graphic = tables().graphic_credit
        seen, stop = 0, min(self.n, k + LOOK)
        while k < stop and seen < most:
            if len(self.blocks[k].text) <= 24 and graphic.match(self.blocks[k].text.strip()):
                return True  # (whether or not it was read as the page's editorial credit)
            if not self.fkind[k]:
                s = L.photo_signed(self.blocks[k].text)
                if s is not None and 2 < len(s) <= 24:
                    return True
                if self.title(k):
                    return False
                seen += 1
            k += 1
        return False

    def _siblings(self, cur: Draft, line: str) -> tuple[float, float]:
        """(like, unlike): subheadings of one article often share their opening or closing words
        (中国制度守正创新的理论底蕴 / …的实践展开 / …的时代要求); a title line that shares them is
        one more, and one that does not, after two that do, is more likely a new article's head."""
        subs = [self.blocks[k].text for k in sorted(cur.subheadings)][-4:]
        if not subs:
            return 0.0, 0.0
        if len(subs) == 1:
            pre, suf = subs[0][:2], subs[0][-2:]
        else:
            pre = os.path.commonprefix(subs)
            suf = os.path.commonprefix([x[::-1] for x in subs])[::-1]
        pre, suf = (pre if len(pre) >= 2 else ""), (suf if len(suf) >= 2 else "")
        like = bool(pre and line.startswith(pre) or suf and line.endswith(suf))
        return float(like), float(len(subs) >= 2 and bool(pre or suf) and not like)

    @staticmethod
    def _add_byline(cur: Draft, i: int, found: tuple[int, int, L.Byline]) -> int:
        """Record a byline found inside line i at [start, end); returns where the text after it starts."""
        cur.bylines.append(Piece(i, found[0], found[1]))
        cur.byline_info.append(found[2])
        return found[1] + 1

    def _body(self, i: int) -> None:
        cur = self.cur
        b = self.blocks[i]
        lead = L.jump_in(b.text)
        if lead and lead[0] == "from" and not b.text[:lead[2]].strip() and cur is not None \
                and (cur.body or cur.closed):
            self.break_next = True  # "[上接第一版）要坚持…": the continued part starts here
        # a dateline, or the line after a "continued from" jump, opens an article of its own
        if cur is None or cur.closed or self.break_next or (
                cur.body and L.dateline_at(b.text) and not (cur.dateline is None and not cur.body)):
            cur = self._new(i)
        self.break_next = False
        a, end = 0, len(b.text)
        if not cur.body and cur.dateline is None:
            n = L.dateline_at(b.text)
            if n:
                cur.dateline = Piece(i, 0, n)
                a = n
                ib = L.inline_byline_at(b.text, a)
                if ib:
                    a = self._add_byline(cur, i, ib)
            elif b.text[:1] in "（(【":
                ib = L.inline_byline_at(b.text, 0)  # （记者张某）1月14日，… : a byline opens the lead
                if ib and ib[2].has_role:
                    a = self._add_byline(cur, i, ib)
        j = L.jump_in(b.text)
        if j and (j[2] <= a or not b.text[a:j[2]].strip()):
            self.furniture.append(FurnitureDraft("jump", [Piece(i, j[2], j[3])], i))
            self._jump(j)
            a = j[3]
        elif j and j[3] >= end:
            self.furniture.append(FurnitureDraft("jump", [Piece(i, j[2], j[3])], i))
            self._jump(j)
            end = j[2]
        tb = L.trailing_byline(b.text[:end])  # …全面完成春耕。（县新闻办 甲乙 丙丁图/文）
        if tb and tb[0] > a:
            last = not self._body_follows(i + 1)
            if tb[2].has_role or tb[2].kind in ("source", "office") or last:
                self._add_byline(cur, i, tb)
                end = tb[0] - 1
                cur.closed = cur.closed or last
        while a < end and b.text[a] == " ":
            a += 1
        while end > a and b.text[end - 1] == " ":
            end -= 1
        if a < end:
            cur.body.append(Piece(i, a, end))


_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def _pairs(text: str) -> set[str]:
    """The pairs of adjacent Chinese characters of a text (its words, roughly, without a dictionary)."""
    han = _NOT_HAN.sub("", text)
    return {han[k:k + 2] for k in range(len(han) - 1)}


def digits(page: str) -> str:
    """版次 as digits: 第三版 → "3", A3 stays "A3"."""
    cn = "零一二三四五六七八九"
    page = page.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if page.isdigit() or not any(c in cn + "十" for c in page):
        return page.lstrip("0") or page
    if "十" in page:
        left, _, right = page.partition("十")
        tens = cn.index(left) if left else 1
        ones = cn.index(right) if right else 0
        return str(tens * 10 + ones)
    return "".join(str(cn.index(c)) if c in cn else c for c in page)


def segment(page: Page, model: Model | None = None) -> Cut:
    return Segmenter(page, model).run()
