"""A synthetic issue of two pages in one PDF, where the lead story of page 1 jumps to page 2.

    pdf, golds = continued_issue(seed)     # PDF bytes (2 pages), the gold page document of each

Page 1 is `generate_page(s)` and page 2 `generate_page(s + 1)`, s the first seed from `seed` on whose
page has a story to continue; each gets a page header that prints its number (第1版 / 第2版). The
first news article of page 1 with a headline and three or more paragraphs is cut after its first
half: "下转第2版" ends it, and the rest opens page 2 under the same headline after "上接第1版".
Every other jump of the two pages is taken out (a part continued from an earlier page is left
out with its jump line), so these are the only continued parts. In the gold, page 1's part has
continued_on "2" and page 2's continued_from "1"; the ids that link them are the cutter's own.
"""
from __future__ import annotations

import random

from .page import _article, generate_page
from .pdfpage import draw_pages, sheet
from .vocab import SECTIONS, cn_number


def _one_page(seed: int, number: int) -> dict:
    gold = generate_page(seed)[1]
    section = SECTIONS[seed % len(SECTIONS)]
    gold["furniture"] = [f for f in gold["furniture"] if f["kind"] not in ("page_header", "jump")]
    gold["furniture"].insert(0, {"kind": "page_header", "text": f"第{number}版 {section}"})
    gold["page"] = dict(gold["page"], page=str(number), section=section,
                        source=f"synth-issue-{seed}.pdf#p{number}")
    gold["articles"] = [a for a in gold["articles"] if not a["continued_from"]]
    for a in gold["articles"]:
        a["continued_on"] = None
    return gold


def continued_issue(seed: int) -> tuple[bytes, list[dict]]:
    for s in range(seed, seed + 100):   # a page with a story long enough to continue
        first = _one_page(s, 1)
        lead = next((a for a in first["articles"] if a["kind"] == "news" and a.get("headline")
                     and len(a["paragraphs"]) >= 3), None)
        if lead is not None:
            break
    else:
        raise ValueError(f"seeds {seed}–{seed + 99}: no page with a story long enough to continue")
    second = _one_page(s + 1, 2)
    half = len(lead["paragraphs"]) // 2
    rest = lead["paragraphs"][half:]
    lead["paragraphs"] = lead["paragraphs"][:half]
    lead["subheadings"] = []   # printed among the paragraphs: kept out of a cut article
    lead["continued_on"] = "2"
    second["articles"].insert(0, _article("news", headline=lead["headline"], paragraphs=rest,
                                          continued_from="1"))
    rng = random.Random(seed)
    # the jumps as furniture, in the order the articles print them (synth.paper takes them so)
    to = rng.choice(("下转第2版", "（下转第二版）", "▶下转第2版"))
    back = rng.choice(("（上接第1版）", f"（上接第{cn_number(1)}版）", "上接第1版"))
    first["furniture"].append({"kind": "jump", "text": to})
    second["furniture"].append({"kind": "jump", "text": back})
    pages = [(sheet(s, first), rng.random() < 0.5), (sheet(s + 1, second), rng.random() < 0.5)]
    return draw_pages(pages), [sh.gold for sh, _ in pages]
