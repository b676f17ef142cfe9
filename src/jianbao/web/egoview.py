"""A person's ego network drawn as SVG for the person's network page: the person in the middle, the
persons who took part in activities with them on a circle around (the most frequent first, at most
MAX_SHOWN), every tie among them a line as thick as its weight. No script, every label escaped; the
whole network is in the downloads (GraphML, GEXF, CSV) beside it.
"""
from __future__ import annotations

from math import cos, log, pi, sin

from ..store import Network
from .charts import FONT, _e, _svg

MAX_SHOWN = 30


def shown(net: Network, ego: list[int]) -> list[int]:
    """The alters drawn: by their weight with the ego persons, heaviest first."""
    weight: dict[int, int] = {}
    for e in net.edges:
        for me, other in ((e.source, e.target), (e.target, e.source)):
            if me in ego and other not in ego:
                weight[other] = weight.get(other, 0) + e.weight
    return sorted(weight, key=lambda n: (-weight[n], n))[:MAX_SHOWN]


def ego_svg(net: Network, ego: list[int], size: int = 560) -> str:
    names = {n.id: n for n in net.nodes}
    alters = shown(net, ego)
    c, r = size / 2, size / 2 - 90
    at = {pid: (c, c) for pid in ego}
    for k, pid in enumerate(alters):
        angle = 2 * pi * k / max(len(alters), 1) - pi / 2
        at[pid] = (c + r * cos(angle), c + r * sin(angle))
    body = []
    for e in net.edges:
        if e.source in at and e.target in at and at[e.source] != at[e.target]:
            (x1, y1), (x2, y2) = at[e.source], at[e.target]
            body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#8a99a6" '
                        f'stroke-width="{1 + log(e.weight):.2f}"><title>{_e(names[e.source].name)} – '
                        f'{_e(names[e.target].name)}: {e.weight}</title></line>')
    for pid in [ego[0], *alters] if ego else alters:
        if pid not in names:
            continue
        (x, y), n = at[pid], names[pid]
        fill = "#b5432f" if pid in ego else "#2f6db5"
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{9 if pid in ego else 6}" fill="{fill}">'
                    f'<title>{_e(n.name)} {_e(n.title)} · {_e(n.paper)}</title></circle>')
        anchor = "middle" if abs(x - c) < 5 else "start" if x > c else "end"
        dx = 0 if anchor == "middle" else 10 if anchor == "start" else -10
        body.append(f'<text x="{x + dx:.1f}" y="{y - 12 if pid in ego else y + 4:.1f}" text-anchor="{anchor}" {FONT}>'
                    f'{_e(n.name)}</text>')
    return _svg(size, size, f"{names[ego[0]].name if ego and ego[0] in names else ''} 的关系网络", body)
