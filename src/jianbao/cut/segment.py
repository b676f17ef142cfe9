"""Page → drafts of articles and furniture: who owns each line.

One pass over the lines. Furniture is recognised on its own words; a run of title lines starts
an article when the evidence says so (a byline or dateline follows, several title lines, a logo
or jump above it, a news lead below it, markup of the headline's rank …), otherwise it is an
in-article subheading. Body lines go to the article in progress.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Block, Page
from . import lines as L
from .geometry import Geometry, measure
from .heads import Head, assign_head
from .tables import tables

HEADLINE_SIZE = 1.45  # type this much larger than the body (as a layout reader measured it) is a headline's
VERSE_RUN = 5  # this many short lines in a row are verse or a list, not an article's head
MAX_HEAD = 8   # logos, kicker, headline, subheadline lines: more starts another head


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
    def __init__(self, page: Page):
        # roles are judged on a simplified copy of each line (same length, so offsets hold)
        simplify = tables().simplify
        self.blocks = [replace(b, text=b.text.translate(simplify)) for b in page.blocks]
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

    # ---- per-line judgements ------------------------------------------------------------
    def _furniture_kind(self, i: int) -> str | None:
        b = self.blocks[i]
        if b.image:
            return "image"
        if b.zone in ("header", "footer"):
            return "page_header" if b.zone == "header" else "page_footer"
        if L.is_jump_line(b.text):
            return "jump"
        h = L.header_kind(b.text)
        if not h:
            return None
        kind, classes = h
        # a paper name, 第N版, a weekday, credits … are furniture anywhere; a bare date or a
        # section name only at the top or foot of the page, or next to other header lines
        edge = i < 3 or self._prev_header == i - 1
        if classes & L.STRONG_ALONE or edge:
            self._prev_header = i
            return "page_footer" if kind == "footer" else "page_header"
        return None

    def _byline(self, i: int) -> L.Byline | None:
        if self.fkind[i]:
            return None
        b = self.blocks[i]
        if b.heading and b.heading <= 2 and not L.strip_decoration(b.text) != b.text:
            return None
        return L.parse_byline(b.text)

    def title(self, i: int) -> bool:
        b = self.blocks[i]
        return (self.fkind[i] is None and self.byl[i] is None and not L.is_caption(b.text)
                and L.title_like(b.text, b.heading) and L.dateline_at(b.text) == 0
                and not tables().contact_line.search(b.text)
                and not (self.geo.indents and b.indent and not b.heading)
                and (b.heading > 0 or not L.lead_like(b.text)))

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
            elif L.is_caption(self.blocks[i].text):
                self._caption(i)
                i += 1
            elif self.title(i) and not self._continues(i) and not self._first_para(i):
                i = self._titles(i)
            else:
                self._body(i)
                i += 1
        self._lone_logos()
        return Cut(self.drafts, self.furniture, self.geo)

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
        if last in self.cur.subheadings:
            return False
        if self.geo.column and self.geo.full(prev) and not self.blocks[i].indent:
            return True  # the previous line fills the column: this one goes on with it
        if L.ends_terminal(prev.text):
            return False
        if self._verse(last) or len(prev.text) < 12:
            return False
        nxt = self.next_content(i + 1)
        return not (nxt < self.n and (self.byl[nxt] is not None or self._dateline(nxt)))

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

    def _short_run_from(self, i: int) -> list[int]:
        """Short unterminated lines from i on (titles, lone names, dots): verse if many."""
        out = []
        k = i
        while k < self.n and self.fkind[k] is None and len(self.blocks[k].text) <= 20 \
                and not self.geo.full(self.blocks[k]) \
                and not L.ends_terminal(self.blocks[k].text) and not L.is_caption(self.blocks[k].text) \
                and (self.byl[k] is None or not (self.byl[k].has_role or self.byl[k].decorated)):
            out.append(k)
            k += 1
        return out

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
        if cur is None or cur.closed and cur.body:
            cur = self._new(i)
        elif cur.body:
            cur.closed = True
        cur.bylines.append(whole(self.blocks, i))
        cur.byline_info.append(by)

    def _caption(self, i: int) -> None:
        text = self.blocks[i].text
        d = Draft(i, kind="photo")
        prev = self.drafts[-1] if self.drafts else None
        if prev is not None and prev.has_head and not prev.body and not prev.bylines:
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
        verse = self._short_run_from(i)
        contact = tables().contact_line
        if len(verse) >= VERSE_RUN and not any(self.blocks[k].heading or self.blocks[k].bold
                                               or contact.search(self.blocks[k].text) for k in verse):
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
        run = list(range(i, j))
        cur = self.cur
        if cur is None or (not cur.body and not cur.has_head and not cur.closed) or cur.closed \
                or self._new_article_score(i, j) >= 2:
            if cur is not None and not cur.body and not cur.has_head and not cur.closed:
                d = cur  # bylines came first (a repost without headline, then a head)
            else:
                d = self._new(i)
            d.head = assign_head(self.blocks, run)
            for logo in d.head.logos:
                self.furniture.append(FurnitureDraft(
                    "column_logo", [whole(self.blocks, k) for k in logo], logo[0]))
            d.first = min(d.head.kicker + d.head.headline + [d.first])
        else:
            for k in run:
                cur.body.append(whole(self.blocks, k))
                cur.subheadings.add(k)
        return j

    def _plain_sentence(self, k: int) -> bool:
        b = self.blocks[k]
        return not (b.heading or b.bold) and L.sentence_like(b.text)

    def _byline_follows(self, j: int) -> bool:
        nxt = self.next_content(j)
        return nxt < self.n and (self.byl[nxt] is not None or self._dateline(nxt))

    def _new_article_score(self, i: int, j: int) -> float:
        t = tables()
        cur = self.cur
        assert cur is not None
        blocks = self.blocks
        text = "".join(blocks[k].text for k in range(i, j))
        s = 0.0
        nxt = self.next_content(j)
        follows_byline = nxt < self.n and (self.byl[nxt] is not None or self._dateline(nxt))
        if follows_byline:
            s += 3
        if j - i >= 2:
            s += 2
        last = self.last_body_block()
        if last is not None and any(self.fkind[k] in ("column_logo", "jump", "image", "page_header")
                                    for k in range(last + 1, i)):
            s += 2
        body = nxt
        while body < self.n and (self.fkind[body] or self.byl[body] is not None):
            body += 1
        if body < self.n and t.lead_time.search(blocks[body].text[L.dateline_at(blocks[body].text):].lstrip()):
            s += 1.5
        if L.activity_headline(text):
            s += 1
        who = L.leading_name(text)
        if who:
            s += 1  # "钟铭晨深入…调研…": a report headline names its official; subheadings do not
            if body < self.n and who in blocks[body].text[:60]:
                s += 1
        ahead = " ".join(blocks[k].text for k in range(body, min(body + 6, self.n)))
        if len({m.group(0) for m in t.ad_cue.finditer(ahead)}) >= 2:
            s += 3  # an advertisement (热线, 地址：…) never belongs to the article above it
        if j - i == 1 and t.notice_title.search(text) and len(text) <= 20:
            s += 4  # 遗失声明, 招聘启事: a notice never belongs to the article above it
        s += self._rank_score(i, j)
        if t.numbered.search(text):
            s -= 2
        if cur.subheadings:
            s -= 1.5
        head = "".join(blocks[k].text for k in cur.head.headline)
        if head and t.notice_title.search(head) and not follows_byline:
            s -= 3  # a notice's closing lines (who issues it, the date) stay in the notice
        if len(text) <= 12 and not L.activity_headline(text):
            s -= 1
        if last is not None and blocks[last].text.endswith(("：", ":")):
            s -= 1
        styled = [d for d in self.drafts if d.kind == "news" and d.has_head]
        if styled and all(d.bylines or d.dateline for d in styled) and not follows_byline:
            s -= 0.5
        return s

    def _rank_score(self, i: int, j: int) -> float:
        """What the markup ranks say: a run of title lines is ranked by its highest line (a kicker
        may be marked below its headline). As high as the article's headline: a head of its own;
        above the article's subheadings: not one more of them."""
        cur = self.cur
        assert cur is not None
        blocks = self.blocks
        h = min((blocks[k].heading for k in range(i, j) if blocks[k].heading), default=0)
        ch = min((blocks[k].heading for k in cur.head.headline if blocks[k].heading), default=0)
        s = 0.0
        if h and ch:
            s += 1 if h <= ch else -1
        elif h and not ch and cur.has_head:
            s += 0.5
        sub = min((blocks[k].heading for k in cur.subheadings), default=0)
        if h and sub:
            s += 1.5 if h < sub else -0.5 if h == sub else 0
        # type sizes, where a layout reader measured them: in-article subheadings are set little
        # above the body, headlines well above it
        if max(blocks[k].size for k in range(i, j)) >= HEADLINE_SIZE:
            s += 3
        return s

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
                    cur.bylines.append(Piece(i, ib[0], ib[1]))
                    cur.byline_info.append(ib[2])
                    a = ib[1] + 1
        j = L.jump_in(b.text)
        if j and (j[2] <= a or not b.text[a:j[2]].strip()):
            self.furniture.append(FurnitureDraft("jump", [Piece(i, j[2], j[3])], i))
            self._jump(j)
            a = j[3]
        elif j and j[3] >= end:
            self.furniture.append(FurnitureDraft("jump", [Piece(i, j[2], j[3])], i))
            self._jump(j)
            end = j[2]
        while a < end and b.text[a] == " ":
            a += 1
        while end > a and b.text[end - 1] == " ":
            end -= 1
        if a < end:
            cur.body.append(Piece(i, a, end))


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


def segment(page: Page) -> Cut:
    return Segmenter(page).run()
