"""Bylines: who wrote or photographed the article, with the role printed before the name.

"本报记者 陈润" → 陈润 (本报记者); "全媒体记者 吴健伟 通讯员 许珍" → each with its own role;
"记者 周小丁/文 蒲洪旭/图" → both 记者 (a role holds until the next one); "杨涛 文/李前进 图" → no
roles; "撰稿：王宏瑞 编辑：包晓峰" → 撰稿, 编辑. Roles come from data/roles.tsv, marks such as
"文" and "图" from data/byline_marks.tsv.
"""
from __future__ import annotations

import re

from . import data

_SPLIT = re.compile(r"[\s/／：:，,、|（）()■●◆]+")


def match(byline: str | None, reporters: list[str]) -> list[tuple[str, str | None]]:
    """(name, role or None) for each person of the byline, in order."""
    out: list[tuple[str, str | None]] = []
    roles = data.by_length("roles")
    marks = data.keys("byline_marks")
    role: str | None = None
    for tok in _SPLIT.split(byline or ""):
        while tok:
            r = data.starts_with_any(tok, 0, roles)
            if r:
                role, tok = r, tok[len(r):]
                continue
            if tok in marks:
                break
            name = tok
            for m in sorted(marks, key=len, reverse=True):  # "王佩文" is rare; "李前进图" is not
                if len(name) > 3 and name.endswith(m):
                    name = name[:-len(m)]
            if 2 <= len(name) <= 8 and all("\u3400" <= c <= "\u9fff" or c in "·•" for c in name):
                out.append((name, role))
            break
    seen = {n for n, _ in out}
    for r in reporters or []:
        if r and r not in seen:
            out.append((r, None))
    return out
