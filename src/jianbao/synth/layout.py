"""Lay synthetic articles out as a parser's page, and write the exact gold alongside.

A page is a list of blocks (one parser line or paragraph each). Every block is written from gold
pieces, so the gold knows where each letter and digit went: titles and body text into articles,
headers, footers, logos, jump lines and images into furniture. Column breaks cut a paragraph into two
blocks at a character position; the gold records three characters either side, as score.py reads them.
"""
from __future__ import annotations

from . import text as T
from . import vocab as V

# mineru: `#` on every title line; heads: `#` on headlines only; bold: `**…**` titles; plain: no markup;
# hardbreak: lines ending in two spaces, no blank lines; txt: plain text, paragraphs indented with
# two ideographic spaces; wrapped: txt soft-wrapped at a fixed width, as line-level OCR emits it.
STYLES = ("mineru", "heads", "bold", "plain", "hardbreak", "txt", "wrapped")
_STYLE_WEIGHTS = (4, 3, 2, 2, 1, 2, 1)
_SENT_END = "。！？；"
_TITLE_ROLES = ("kicker", "headline", "subheadline", "subheading")


class Builder:
    def __init__(self, c: T.Ctx, style: str):
        self.c, self.style = c, style
        self.blocks: list[str] = []
        self.furniture: list[dict] = []
        self.breaks: list[list[str]] = []
        self.body = ""          # all gold paragraphs of the page, to keep break windows unique
        self.md = style not in ("txt", "wrapped")
        self.wrap = c.rng.randint(14, 26) if style == "wrapped" else 0

    # --- emitting blocks ------------------------------------------------------------------------
    def _line(self, s: str) -> None:
        self.blocks.append(s)

    def lines(self, lines: list[str]) -> None:
        """One block of several printed lines (a two-line logo, a two-line header)."""
        self.blocks.append(("  \n" if self.md else "\n").join(lines))

    def title(self, s: str, role: str) -> None:
        st, c = self.style, self.c
        if st == "mineru" or (st in ("heads", "hardbreak") and role == "headline"):
            s = "# " + s
        elif st == "bold" and role in _TITLE_ROLES:
            s = "# " + s if role == "headline" and c.chance(0.15) else f"**{s}**"
        elif st == "wrapped" and len(s) > self.wrap + 4:
            self.blocks.extend(_chunks(s, self.wrap + 4))
            return
        self._line(s)

    def furn(self, kind: str, printed: list[str], gold: str | None = None, markup: bool = False) -> None:
        """Furniture: printed lines (a parser may mark a header or logo with `#`), gold text without markup."""
        self.furniture.append({"kind": kind, "text": gold if gold is not None else " ".join(printed)})
        if markup and self.style == "mineru" and self.c.chance(0.4):
            printed = ["# " + p for p in printed]
        self.lines(printed)

    def para(self, prefix: str, p: str, suffix: str = "") -> None:
        """Print gold paragraph `p` (after a printed prefix such as a dateline, before a suffix such
        as an inline jump), broken at column breaks; the breaks go into the gold."""
        c = self.c
        indent = "\u3000\u3000" if self.style in ("txt", "wrapped") else ""
        if self.wrap:
            s, o, w = indent + prefix + p + suffix, len(indent + prefix), self.wrap
            chunks = _chunks(s, w)
            self.blocks.extend(chunks)
            b = 0
            for ch in chunks[:-1]:
                b += len(ch)
                k = b - o
                if 3 <= k <= len(p) - 3 and self.body.count(p[k - 3:k + 3]) == 1:
                    self.breaks.append([p[k - 3:k], p[k:k + 3]])
            return
        ks = self.cut_points(p, 0)
        pieces = [p[i:j] for i, j in zip([0] + ks, ks + [len(p)])]
        pieces[0] = indent + prefix + pieces[0]
        pieces[-1] += suffix
        for i, piece in enumerate(pieces):
            if i and c.chance(0.03):
                name = f"img/{c.rng.randint(100, 999)}.jpg"
                self._line(f"![]({name})")
                self.furniture.append({"kind": "image", "text": f"![]({name})"})
            self._line(piece)
    # --- column breaks --------------------------------------------------------------------------
    def cut_points(self, p: str, lo: int) -> list[int]:
        """Positions where paragraph `p` is broken; `lo` keeps breaks out of a printed prefix."""
        c, out = self.c, []
        n = 1 if len(p) < 160 else 2
        for _ in range(n):
            if not c.chance(0.33):
                continue
            k = self._one_point(p, max(lo, 6))
            if k and all(abs(k - j) > 8 for j in out):
                out.append(k)
        out.sort()
        for k in out:
            self.breaks.append([p[k - 3:k], p[k:k + 3]])
        return out

    def _one_point(self, p: str, lo: int) -> int:
        c, hi = self.c, len(p) - 4
        if hi <= lo:
            return 0
        mode = c.rng.random()
        cands: list[int] = []
        if mode < 0.25:
            cands = [i + 1 for i in range(lo, hi) if p[i] in "，、"]
        elif mode < 0.45:
            cands = [i for i in range(lo, hi) if p[i].isdigit() and p[i - 1].isalnum() and p[i - 1].isascii()]
        for _ in range(6):
            k = c.pick(cands) if cands else c.rng.randint(lo, hi)
            if p[k - 1] in _SENT_END or (p[k - 1] == "”" and p[k - 2] in _SENT_END):
                continue
            if self.body.count(p[k - 3:k + 3]) == 1:
                return k
        return 0


_NO_LINE_START = "，。、；：？！”）"


def _chunks(s: str, w: int) -> list[str]:
    """Wrap `s` at `w` characters; punctuation that would start a line stays at the end of the one before."""
    out, i = [], 0
    while i < len(s):
        j = i + w
        while j < len(s) and s[j] in _NO_LINE_START:
            j += 1
        out.append(s[i:j])
        i = j
    return out


# --- titles as printed ---------------------------------------------------------------------------

def _title_lines(c: T.Ctx, gold: str, split_p: float) -> list[str]:
    """Print a title: on one line, split over two at a space or mid-phrase, or with a stray space."""
    r = c.rng.random()
    if " " in gold and len(gold) > 12 and r < split_p * 0.6:
        i = gold.index(" ")
        return [gold[:i], gold[i + 1:]]
    if len(gold) > 14 and r < split_p * 1.5:
        k = c.rng.randint(len(gold) // 3, 2 * len(gold) // 3)
        if gold[k - 1] != " " and gold[k] != " ":
            return [gold[:k], gold[k:]]
    if len(gold) > 12 and r > 0.88:
        k = c.rng.randint(4, len(gold) - 3)
        if gold[k - 1] != " " and gold[k] != " ":
            return [gold[:k] + " " + gold[k:]]
    return [gold]


def _jump_from(c: T.Ctx, page: int) -> str:
    return c.pick((f"（上接第{V.cn_number(page)}版）", f"[上接第{V.cn_number(page)}版）", f"（上接第{page}版）",
                   f"上接第{page}版", f"(上接{page}版)"))


def _jump_to(c: T.Ctx, page: int) -> str:
    return c.pick((f"下转第{page}版", f"（下转第{V.cn_number(page)}版）", f"（下转{page}版）", f"▶下转第{page}版"))
