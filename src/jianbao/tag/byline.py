"""Bylines: who wrote, photographed or edited the article, with the role printed before the name.

The cut stage's byline grammar (cut/lines.py `parse_byline`, tables in cut/data/bylines.toml) reads
the line; this module only hands its names on as persons: "本报记者 陈润" → 陈润 (本报记者);
"全媒体记者 吴健伟 通讯员 许珍" → each with its own role; "记者 周小丁/文 蒲洪旭/图" → both 记者
(a role holds until the next one); "杨涛 文/李前进 图" → no roles (a mark is no role);
"撰稿：王宏瑞 编辑：包晓峰" → 撰稿, 编辑; "来源：X" names a source, not a person.
"""
from __future__ import annotations

from ..cut.lines import parse_byline


def match(byline: str | None, reporters: list[str]) -> list[tuple[str, str | None]]:
    """(name, role or None) for each person of the byline, in order; the cut stage's reporters
    that the grammar does not read again (a byline found inside a lead) follow without a role."""
    b = parse_byline(byline, glued=True, label=True) if byline else None
    out = list(b.people) if b else []
    seen = {n for n, _ in out}
    for r in reporters or []:
        if r and r not in seen:
            out.append((r, None))
    return out
