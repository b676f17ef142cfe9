"""Figures in the manner of shared/eval/score.py, for tests and benchmarks that run without shared/.

article_f1: gold and predicted articles paired one-to-one by the characters their bodies share (a
pair needs half of the longer body; a good pair 0.8), F1 of good pairs. paragraph_f1: F1 of whole
paragraphs (white space aside). paragraph_f1_ocr: the same with OCR's tolerance: a gold and a
predicted paragraph match (one-to-one) when they share at least 95% of their characters
(`_overlap`, as multisets over the longer one), so a misread character or two does not unmake a
paragraph whose bounds are right, while two paragraphs run together or one cut in two still miss.
headline_acc: paired articles whose headline is exact, over gold
articles. char_acc: the letters and digits of the whole page (articles and furniture), compared as
multisets: shared / max(gold, predicted) — what OCR got right, whatever the order.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

_FIELDS = ("kicker", "headline", "subheadline", "byline", "dateline")


def norm(s) -> str:
    if not isinstance(s, str) or not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"[*#_>`|\\]", "", s)
    return re.sub(r"\s+", "", s)


def _f1(gold: Counter, pred: Counter) -> float:
    tp = sum((gold & pred).values())
    ng, np_ = sum(gold.values()), sum(pred.values())
    if not ng and not np_:
        return 1.0
    if not tp:
        return 0.0
    p, r = tp / np_, tp / ng
    return 2 * p * r / (p + r)


def _body(a: dict) -> str:
    return norm("".join(a.get("paragraphs") or []))


def _overlap(x: str, y: str) -> float:
    if not x or not y:
        return 0.0
    return sum((Counter(x) & Counter(y)).values()) / max(len(x), len(y))


def pair(gold: list[dict], pred: list[dict]) -> dict[int, tuple[int, float]]:
    cands = sorted(((_overlap(_body(g), _body(p)), i, j) for i, g in enumerate(gold)
                    for j, p in enumerate(pred)), reverse=True)
    used_g, used_p, out = set(), set(), {}
    for s, i, j in cands:
        if s < 0.5:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out[i] = (j, s)
    return out


def _chars(doc: dict) -> Counter:
    parts: list[str] = []
    for a in doc.get("articles") or []:
        parts += [a.get(f) or "" for f in _FIELDS]
        parts += list(a.get("subheadings") or []) + list(a.get("paragraphs") or [])
    parts += [f.get("text") or "" for f in doc.get("furniture") or [] if f.get("kind") != "image"]
    return Counter(c for c in norm("".join(parts)) if c.isalnum())


def figures(gold: dict, out: dict) -> dict[str, float]:
    G, P = gold.get("articles") or [], out.get("articles") or []
    pairs = pair(G, P)
    good = sum(1 for _, s in pairs.values() if s >= 0.8)
    m: dict[str, float] = {}
    m["article_f1"] = 2 * good / (len(G) + len(P)) if G or P else 1.0
    for f in _FIELDS:
        hits = sum(norm(G[i].get(f)) == norm(P[j].get(f)) for i, (j, _) in pairs.items())
        m[f + "_acc"] = hits / len(G) if G else 1.0
    m["paragraph_f1"] = _f1(Counter(norm(p) for a in G for p in a.get("paragraphs") or []),
                            Counter(norm(p) for a in P for p in a.get("paragraphs") or []))
    m["paragraph_f1_ocr"] = _tolerant_f1([norm(p) for a in G for p in a.get("paragraphs") or []],
                                         [norm(p) for a in P for p in a.get("paragraphs") or []])
    g, p = _chars(gold), _chars(out)
    m["char_acc"] = sum((g & p).values()) / max(sum(g.values()), sum(p.values()), 1)
    return m


TOLERANCE = 0.95  # share of a paragraph's characters that must agree (paragraph_f1_ocr)


def _tolerant_f1(gold: list[str], pred: list[str]) -> float:
    if not gold and not pred:
        return 1.0
    cands = sorted(((_overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if min(len(g), len(p)) >= TOLERANCE * max(len(g), len(p))), reverse=True)
    used_g, used_p = set(), set()
    for s, i, j in cands:
        if s < TOLERANCE:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    tp = len(used_g)
    return 2 * tp / (len(gold) + len(pred)) if tp else 0.0


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = rows[0].keys() if rows else []
    return {k: sum(r[k] for r in rows) / len(rows) for k in keys}
