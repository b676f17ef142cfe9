"""Synthetic reprints and look-alikes, to measure and test reprint detection (store/reprints.py).

`story_pair(seed, reprint=True)` returns two article bodies (lists of paragraphs) with headlines:
- a reprint: the same story as another paper prints it — a new lead, a new headline, paragraphs
  dropped or swapped, a paragraph split where the cut went otherwise, the other paper's furniture
  (来源, 责任编辑) left in the text, sometimes in traditional characters;
- a look-alike (reprint=False): another report of the same kind by the same official in the same
  city, sharing that paper's boilerplate paragraph — what must not be linked.
Everything is composed by `text` from jianbao's own word lists; the same seed gives the same pair.
"""
from __future__ import annotations

import datetime as _dt
import random
from functools import lru_cache

import opencc

from . import text as T
from . import vocab as V


class _Official(T.Ctx):
    """A page context whose officials are all one person (the look-alikes' shared actor)."""

    def __init__(self, rng: random.Random, issue: _dt.date, who: tuple[str, str]):
        super().__init__(rng, issue)
        self.who = who

    def official(self, level: str = "city") -> tuple[str, str]:
        return self.who


def _lead(c: T.Ctx, a: dict) -> str:
    """A lead as another paper writes it: its own source line and wording, the same facts."""
    src = c.pick(("本报讯", "据" + c.city_root + c.pick(V.PAPER_SUFFIX) + "消息", "记者从有关方面获悉"))
    return (f"{src}，{c.pick(('近日', '日前', '本周'))}，{a['title']}{a['actor']}{c.pick(('深入', '来到', '前往'))}"
            f"{a['place']}，就{a['topic']}{c.pick(('开展调研', '进行部署', '作出安排'))}。")


def _furniture(c: T.Ctx) -> str:
    return c.pick((f"（来源：{c.city_root}{c.pick(V.PAPER_SUFFIX)}）", f"责任编辑：{c.name()}",
                   f"（{c.city_root}{c.pick(V.PAPER_SUFFIX)}记者 {c.name()}）"))


def _variant(c: T.Ctx, a: dict) -> list[str]:
    paras = list(a["paras"])
    r = c.rng
    if r.random() < 0.8:
        paras[0] = _lead(c, a)
    body = paras[1:]
    for _ in range(r.randint(0, max(0, len(body) - 2))):          # paragraphs dropped
        if len(body) > 2:
            body.pop(r.randrange(len(body)))
    if len(body) > 2 and r.random() < 0.5:                        # two swapped
        i = r.randrange(len(body) - 1)
        body[i], body[i + 1] = body[i + 1], body[i]
    if body and r.random() < 0.5:                                 # cut otherwise: one paragraph split
        i = r.randrange(len(body))
        k = body[i].find("，", len(body[i]) // 2)
        if k > 0:
            body[i:i + 1] = [body[i][:k + 1], body[i][k + 1:]]
    paras = paras[:1] + body
    if r.random() < 0.5:
        paras[-1] += _furniture(c)
    if r.random() < 0.5:
        paras.append(_furniture(c))
    if r.random() < 0.15:                                         # a paper in traditional characters
        conv = _to_traditional()
        paras = [conv.convert(p) for p in paras]
    return paras


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    """One converter for the process: building one reads OpenCC's tables (about 50 ms)."""
    return opencc.OpenCC("s2t")


def story_pair(seed: int, reprint: bool = True) -> tuple[tuple[str, list[str]], tuple[str, list[str]]]:
    """((headline, paragraphs), (headline, paragraphs)): a story and its reprint, or a look-alike."""
    rng = random.Random(seed)
    issue = _dt.date(2015, 1, 1) + _dt.timedelta(days=rng.randrange(3000))
    kind = rng.choice(T.KINDS[:6])                # reports with an official: visit, meeting, meet, care
    c = T.Ctx(rng, issue)
    a = kind(c)
    first = (T.headline(c, a), a["paras"])
    if reprint:
        other = T.Ctx(random.Random(seed * 7919 + 1), issue)   # another paper's desk
        return first, (T.headline(other, a), _variant(other, a))
    same = _Official(random.Random(seed * 7919 + 2), issue, (a["title"], a["actor"]))
    same.city_root, same.city, same.counties, same.towns = c.city_root, c.city, c.counties, c.towns
    b = kind(same)
    shared = next((p for p in a["paras"][1:] if p.startswith("近年来")), a["paras"][-1])
    paras = b["paras"][:-1] + [shared] + b["paras"][-1:]
    return first, (T.headline(same, b), paras)
