"""Lay a synthetic page's gold articles out as a printed newspaper page (geometry only, no drawing).

`plan_sheet(seed)` takes the gold of `generate_page(seed)` and places it on a broadsheet: a header band
over a rule, a grid of 3 to 6 columns, the lead article with a large headline across all of them
(kicker above, subheadline below), further articles in tiers of modules one or more columns wide,
now and then two modules stacked in one slot, a boxed article, photos with captions, column logos,
jump lines, and a footer band. What is printed is written from the gold, so the gold stays exact.
`synth/pdfpage.py` draws the result.
"""
from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from .page import generate_page

PAGE_W, PAGE_H, MARGIN = 842.0, 1191.0, 36.0   # A3 portrait, in points
NO_LINE_START = "，。、；：？！”’）》」』…"
NO_LINE_END = "（“‘《「『"


@dataclass
class Op:
    """One thing to draw; y grows down from the top of the page (points)."""
    kind: str                 # text | rect | photo | rule
    x: float
    y: float                  # text: baseline; others: top
    w: float = 0.0            # text: width to justify to (0: natural width)
    h: float = 0.0
    size: float = 0.0
    text: str = ""
    bold: bool = False


@dataclass
class Sheet:
    width: float
    height: float
    ops: list[Op]
    gold: dict
    options: dict = field(default_factory=dict)


Measure = Callable[[str, float], float]   # (text, font size) -> printed width in points


class _Flow:
    """Lines of one module's body, to be spread over its columns."""

    def __init__(self) -> None:
        self.lines: list[tuple[float, Callable[[float, float], list[Op]]]] = []  # (height, draw at x, y)


class Planner:
    def __init__(self, seed: int, measure: Measure, compat: dict[str, str] | None = None,
                 gold: dict | None = None):
        self.rng = random.Random(seed * 7919 + 17)
        self.gold = gold if gold is not None else generate_page(seed)[1]
        self.measure = measure
        self.compat = compat or {}
        r = self.rng
        self.cols = r.randint(3, 6)
        self.f = r.choice((9.0, 9.5, 10.0, 10.5))
        self.pitch = self.f * r.uniform(1.45, 1.6)
        self.gutter = self.f * r.uniform(1.6, 2.2)
        self.colw = (PAGE_W - 2 * MARGIN - (self.cols - 1) * self.gutter) / self.cols
        self.ops: list[Op] = []
        self.use_compat = bool(self.compat) and r.random() < 0.4

    # ---- text helpers ------------------------------------------------------------------------
    def show(self, s: str) -> str:
        """The printed form: some fonts map characters to compatibility code points (力 → U+F98A)."""
        if not self.use_compat:
            return s
        return "".join(self.compat.get(c, c) if self.rng.random() < 0.5 else c for c in s)

    def wrap(self, s: str, width: float, size: float, indent: float = 0.0) -> list[str]:
        """Greedy line breaking by printed width; closing punctuation never starts a line."""
        lines, cur, w, avail = [], "", 0.0, width - indent
        for ch in s:
            cw = self.measure(ch, size)
            if cur and w + cw > avail + 0.01 and ch not in NO_LINE_START:
                if cur[-1] in NO_LINE_END and len(cur) > 1:
                    lines.append(cur[:-1])
                    cur, w = cur[-1], self.measure(cur[-1], size)
                else:
                    lines.append(cur.rstrip())
                    cur, w = "", 0.0
                avail = width
            if not cur and ch in " \u3000":
                continue   # no space at the start of a line
            cur += ch
            w += cw
        if cur:
            lines.append(cur)
        return lines

    def text_op(self, x: float, y: float, s: str, size: float, justify: float = 0.0, bold: bool = False) -> Op:
        return Op("text", x, y, justify, 0.0, size, self.show(s), bold)

    def title_lines(self, s: str, width: float, size: float) -> list[str]:
        if self.measure(s, size) <= width:
            return [s]
        if " " in s:
            i = min((k for k, c in enumerate(s) if c == " "), key=lambda k: abs(k - len(s) / 2))
            parts = [s[:i], s[i + 1:]]
        else:
            parts = [s[:len(s) // 2], s[len(s) // 2:]]
        out = []
        for p in parts:
            out.extend(self.wrap(p, width, size) if self.measure(p, size) > width else [p])
        return out

    def centred(self, x: float, width: float, y: float, s: str, size: float, bold: bool = True) -> Op:
        return self.text_op(x + max(0.0, (width - self.measure(s, size)) / 2), y, s, size, bold=bold)

    # ---- one module ------------------------------------------------------------------------
    def head(self, a: dict, x: float, y: float, width: float, big: bool, logo: str | None) -> float:
        """Column logo, kicker, headline, subheadline across the module; returns the y below them."""
        f, r = self.f, self.rng
        if logo:
            s = f * 1.1
            self.ops.append(Op("rect", x, y, min(width, self.measure(logo, s) + 2 * s), s * 1.8))
            self.ops.append(self.text_op(x + s, y + s * 1.3, logo, s, bold=True))
            y += s * 1.8 + f * 0.8
        # headlines are set to fill most of their module's width, within a size range
        lo, hi = (2.2, 3.4) if big else (1.6, 2.4) if width > self.colw * 1.5 else (1.6, 1.8)
        fit = width * r.uniform(0.72, 0.96) / max(1.0, self.measure(a.get("headline") or "", 1.0))
        hs = min(max(fit, lo * f), hi * f)
        if a.get("kicker"):
            ks = f * 1.3
            for ln in self.title_lines(a["kicker"], width, ks):
                y += ks * 1.25
                self.ops.append(self.centred(x, width, y, ln, ks, bold=False))
            y += f * 0.3
        for ln in self.title_lines(a["headline"], width, hs) if a.get("headline") else []:
            y += hs * 1.2
            self.ops.append(self.centred(x, width, y, ln, hs))
        if a.get("headline"):
            y += hs * 0.25
        if a.get("subheadline"):
            ss = f * 1.3
            if r.random() < 0.5:
                a["subheadline"] = "——" + a["subheadline"]   # printed with its dash: gold keeps it
            for ln in self.title_lines(a["subheadline"], width, ss):
                y += ss * 1.3
                self.ops.append(self.centred(x, width, y, ln, ss, bold=False))
        return y + f * 1.5

    def body_flow(self, a: dict, jumps: dict, colw: float) -> _Flow:
        f, p, r = self.f, self.pitch, self.rng
        flow = _Flow()

        def para(s: str, size: float = f, indent: bool = True, align: str = "justify") -> None:
            lines = self.wrap(s, colw, size, 2 * size if indent else 0.0)
            for k, ln in enumerate(lines):
                last = k == len(lines) - 1
                dx = 2 * size if indent and k == 0 else 0.0
                just = 0.0 if last or align != "justify" else colw - dx
                if self.measure(ln, size) > colw - dx:
                    just = colw - dx   # a closing mark kept on the line: squeezed in

                def draw(x: float, y: float, ln=ln, dx=dx, just=just) -> list[Op]:
                    if align == "right":
                        return [self.text_op(x + colw - self.measure(ln, size), y, ln, size)]
                    return [self.text_op(x + dx, y, ln, size, just)]
                flow.lines.append((p * size / f, draw))

        by, dl = a.get("byline"), a.get("dateline")
        top = by and (not dl or by.startswith(("本报", "全媒体", "融媒体", "文/")) or "/" in by)
        if jumps.get("from"):
            para(jumps["from"], indent=False)
        if top:
            para(by, indent=False)
        kids = a.get("subheadings") or []
        heads = iter(kids)
        n_heads = len(kids)
        paras = a.get("paragraphs") or []
        # subheadings sit between paragraphs, as generate_page printed them (every other slot)
        slots = set(range(1, len(paras), 2)) if n_heads else set()
        slots = set(sorted(slots)[:n_heads]) if len(slots) >= n_heads else set()
        for k, s in enumerate(paras):
            if k in slots:
                t = next(heads, None)
                if t:
                    hs = f * 1.15

                    def draw_h(x: float, y: float, t=t, hs=hs) -> list[Op]:
                        return [self.centred(x, colw, y - p * 0.4, t, hs)]
                    flow.lines.append((p * 1.8, draw_h))
            if k == 0 and dl:
                s = dl + (f"（{by}）" if by and not top else "") + r.choice(("", " ", "\u3000")) + s
            para(s)
        for t in heads:  # subheadings not placed above (few paragraphs): after the body
            para(t, indent=False)
        if by and not top and not dl:
            para(by if " " in by or "/" in by else f"（{by}）", indent=False)
        if jumps.get("to"):
            para(jumps["to"], indent=False, align="right")
        return flow

    def module(self, a: dict, x: float, y: float, span: int, big: bool, extra: dict) -> float:
        """Lay one article out in `span` columns from (x, y); returns its bottom."""
        f, p = self.f, self.pitch
        width = span * self.colw + (span - 1) * self.gutter
        boxed = extra.get("boxed") or a["kind"] in ("ad", "notice")
        pad = f * 0.8 if boxed else 0.0
        x0, y0, width0 = x, y, width
        x, y, width = x + pad, y + pad, width - 2 * pad
        if a["kind"] == "photo":
            y = self.photo(a, x, y, width)
        else:
            y = self.head(a, x, y, width, big, extra.get("logo"))
            ncol = max(1, span) if a["kind"] not in ("ad", "notice") else min(span, 2)
            colw = (width - (ncol - 1) * self.gutter) / ncol
            flow = self.body_flow(a, extra.get("jumps", {}), colw)
            total = sum(h for h, _ in flow.lines)
            target = total / ncol
            cx, cy, col_h, bottom = x, y, 0.0, y
            for h, draw in flow.lines:
                if col_h + h > target + p * 0.5 and col_h > 0 and cx + colw < x + width - 1:
                    cx += colw + self.gutter
                    cy, col_h = y, 0.0
                cy += h
                col_h += h
                self.ops.extend(draw(cx, cy))
                bottom = max(bottom, cy)
            y = bottom + f * 0.5
        if boxed:
            self.ops.append(Op("rect", x0, y0, width0, y + pad - y0))
            y += pad
        return y

    def photo(self, a: dict, x: float, y: float, width: float) -> float:
        f, r = self.f, self.rng
        if a.get("headline"):
            hs = f * 1.4
            for ln in self.title_lines(a["headline"], width, hs):
                y += hs * 1.25
                self.ops.append(self.centred(x, width, y, ln, hs))
            y += f * 0.6
        ph = width * r.uniform(0.5, 0.72)
        self.ops.append(Op("photo", x, y, width, ph))
        y += ph + f * 0.4
        cap = a["paragraphs"][0] + r.choice(("\u3000", " ")) + (a.get("byline") or "")
        if r.random() < 0.5:
            cap = "▲" + cap
        size = f * 0.95
        lines = self.wrap(cap, width, size)
        for k, ln in enumerate(lines):
            y += self.pitch * 0.95
            last = k == len(lines) - 1 and self.measure(ln, size) <= width
            self.ops.append(self.text_op(x, y, ln, size, 0.0 if last else width))
        return y + f * 0.5

    # ---- the page --------------------------------------------------------------------------
    def bands(self) -> tuple[float, float]:
        """Header band over a rule at the top, footer band under a rule at the foot; returns the
        top and bottom of the area between them."""
        f, r = self.f, self.rng
        furn = self.gold["furniture"]
        heads = [x["text"] for x in furn if x["kind"] == "page_header"]
        foots = [x["text"] for x in furn if x["kind"] in ("page_footer", "other")]
        y = MARGIN
        if heads:
            size = f * 1.05
            y += size * 1.2
            slots = ("left", "right", "centre") if len(heads) <= 3 else ("left",) * len(heads)
            for k, (t, where) in enumerate(zip(heads, slots)):
                w = self.measure(t, size)
                x = MARGIN if where == "left" else PAGE_W - MARGIN - w if where == "right" else (PAGE_W - w) / 2
                if len(heads) > 3 and k:
                    y += size * 1.4
                self.ops.append(self.text_op(x, y, t, size))
            y += f * 0.6
            self.ops.append(Op("rule", MARGIN, y, PAGE_W - 2 * MARGIN, 1.2))
            y += f * 1.6
        bottom = PAGE_H - MARGIN
        first_foot = len(self.ops)
        if foots:
            size = f * 0.9
            yy = bottom
            for t in reversed(foots):
                self.ops.append(self.text_op(MARGIN if r.random() < 0.6 else PAGE_W - MARGIN - self.measure(t, size),
                                             yy, t, size))
                yy -= size * 1.5
            self.ops.append(Op("rule", MARGIN, yy - size * 0.2, PAGE_W - 2 * MARGIN, 0.8))
            bottom = yy - f * 1.6
        self.footer_ops = self.ops[first_foot:]
        return y, bottom

    def extras(self) -> list[dict]:
        """Per article: its logo (from the gold furniture), its jump lines, whether it is boxed."""
        arts = self.gold["articles"]
        furn = self.gold["furniture"]
        jumps = [x["text"] for x in furn if x["kind"] == "jump"]
        logos = [x["text"] for x in furn if x["kind"] == "column_logo"]
        out: list[dict] = [{"jumps": {}} for _ in arts]
        for a, e in zip(arts, out):
            if a.get("continued_from") and jumps:
                e["jumps"]["from"] = jumps.pop(0)
            if a.get("continued_on") and jumps:
                e["jumps"]["to"] = jumps.pop(0)
        news = [k for k, a in enumerate(arts) if a["kind"] == "news" and a.get("headline")]
        for k, logo in zip([k for k in news if k > 0] or news, logos):
            out[k]["logo"] = logo
        others = [k for k in news if k > 0 and "logo" not in out[k]]
        if others and self.rng.random() < 0.6:
            out[self.rng.choice(others)]["boxed"] = True
        return out

    def plan(self) -> Sheet:
        r = self.rng
        top, bottom = self.bands()
        arts = self.gold["articles"]
        extra = self.extras()
        y = top
        i = 0
        if arts:
            y = self.module(arts[0], MARGIN, y, self.cols, arts[0]["kind"] == "news", extra[0]) + self.pitch * 1.5
            i = 1
        while i < len(arts):
            n = min(len(arts) - i, r.randint(1, min(3, self.cols)))
            cuts = sorted(r.sample(range(1, self.cols), n - 1))
            spans = [b - a for a, b in zip([0] + cuts, cuts + [self.cols])]
            x, tier_bottom = MARGIN, y
            for span in spans:
                yy = self.module(arts[i], x, y, span, False, extra[i])
                i += 1
                # a small module may have another stacked under it in the same slot
                if i < len(arts) and len(spans) > 1 and span <= 2 and r.random() < 0.3 \
                        and arts[i - 1]["kind"] in ("photo", "ad", "notice"):
                    yy = self.module(arts[i], x, yy + self.pitch * 1.5, span, False, extra[i])
                    i += 1
                tier_bottom = max(tier_bottom, yy)
                x += span * (self.colw + self.gutter)
                if i >= len(arts):
                    break
            y = tier_bottom + self.pitch * 1.5
        height = PAGE_H
        if y > bottom:  # more text than the page holds: a taller page, footer moved down
            shift = y - bottom
            height += shift
            for op in self.footer_ops:
                op.y += shift
        gold = dict(self.gold)
        gold["furniture"] = [x for x in gold["furniture"] if x["kind"] != "image"]
        return Sheet(PAGE_W, height, self.ops, gold, {"cols": self.cols, "body_size": self.f,
                                                      "compat": self.use_compat})


def compat_map(has_glyph: Callable[[int], bool]) -> dict[str, str]:
    """Unified ideograph → a compatibility code point the font can draw (NFC maps it back)."""
    out: dict[str, str] = {}
    for cp in range(0xF900, 0xFB00):
        n = unicodedata.normalize("NFC", chr(cp))
        if len(n) == 1 and n != chr(cp) and has_glyph(cp):
            out.setdefault(n, chr(cp))
    return out


def plan_sheet(seed: int, measure: Measure, compat: dict[str, str] | None = None,
               gold: dict | None = None) -> Sheet:
    """The page of `generate_page(seed)`, or of the given gold page document, laid out."""
    return Planner(seed, measure, compat, gold).plan()
