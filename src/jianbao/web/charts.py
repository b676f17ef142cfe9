"""Server-rendered SVG charts for the person page: no script, no network, every label escaped.

- `titles_timeline`: one row per title, a bar from its first to its last appearance.
- `activity_bars`: activities per month, stacked by type, every month between the first and last shown.
"""
from __future__ import annotations

from datetime import date
from html import escape

from ..model import EVENT_TYPES

COLORS = dict(zip(EVENT_TYPES, ["#b5432f", "#2f6db5", "#6a8f2d", "#c28a12", "#7c4bb0", "#1f8f86", "#a1527a",
                                "#5f6b75", "#9a9a9a"]))
FONT = 'font-family="sans-serif" font-size="12"'


def _e(s: object) -> str:
    return escape(str(s), quote=True)


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{_e(label)}" class="chart">'
            f'<title>{_e(label)}</title>' + "".join(body) + "</svg>")


def _day(s: str | None) -> int | None:
    try:
        return date.fromisoformat(s or "").toordinal()
    except ValueError:
        return None


def _tick_step(days: int) -> int:
    """Months between gridlines: years, quarters or months."""
    return 12 if days > 900 else 3 if days > 240 else 1


def titles_timeline(titles: list[tuple[str, str | None, str | None, int]], width: int = 720) -> str:
    rows = [(t, _day(a), _day(b) or _day(a), n) for t, a, b, n in titles if _day(a)]
    if not rows:
        return _svg(width, 30, "没有带日期的职务", [f'<text x="4" y="20" {FONT}>没有带日期的职务</text>'])
    left, right, top, row = 170, 16, 24, 24
    first_day, last_day = min(r[1] for r in rows), max(r[2] for r in rows)
    every = _tick_step(last_day - first_day + 30)
    # the axis runs from a gridline to a gridline, so that the first mark is inside it, right of a
    # labelled line, and so is the last
    start, end = date.fromordinal(first_day), date.fromordinal(last_day)
    m0 = (start.month - 1) // every * every + 1
    lo = date(start.year, m0, 1).toordinal()
    mm = (end.month - 1) // every * every + every   # the month after the last one's span
    hi = date(end.year + mm // 12, mm % 12 + 1, 1).toordinal()
    span = max(hi - lo, 1)

    def x(d: int) -> float:
        return left + (width - left - right) * (d - lo) / span

    height = top + row * len(rows) + 8
    body = []
    y0, k0 = start.year, m0 - 1
    while (d := date(y0 + k0 // 12, k0 % 12 + 1, 1).toordinal()) <= hi:
        month = k0 % 12 + 1
        year = y0 + k0 // 12
        # every gridline says its year where a year starts, and the first says year and month
        label = str(year) if month == 1 else f"{year}-{month:02d}" if d == lo else f"{month}月"
        body.append(f'<line x1="{x(d):.1f}" y1="{top - 6}" x2="{x(d):.1f}" y2="{height}" stroke="#ddd"/>')
        if d < hi:
            body.append(f'<text x="{x(d) + 3:.1f}" y="{top - 10}" {FONT} fill="#666">{label}</text>')
        k0 += every
    for k, (title, a, b, n) in enumerate(rows):
        y = top + k * row
        label = title if len(title) <= 12 else title[:11] + "…"
        w = max(x(b) - x(a), 4)
        tip = f"{title}：{date.fromordinal(a)} – {date.fromordinal(b)}，{n} 篇"
        body.append(f'<g><title>{_e(tip)}</title>'
                    f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" {FONT}>{_e(label)}</text>'
                    f'<rect x="{x(a):.1f}" y="{y + 4}" width="{w:.1f}" height="14" rx="3" fill="#2f6db5"/>'
                    f'<text x="{x(a) + w + 4:.1f}" y="{y + 15}" {FONT} fill="#444">{n}</text></g>')
    return _svg(width, height, "职务时间线", body)


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _month_step(months: int, width: float) -> int:
    """Months between labels on the month axis: a divisor of 12 (so that every January is a tick and
    every year is labelled), or whole years, with labels some 48 px apart."""
    want = max(1, round(48 / max(width / max(months, 1), 1e-9)))
    for step in (1, 2, 3, 4, 6, 12):
        if step >= want:
            return step
    return 12 * -(-want // 12)


def activity_bars(activity: dict[str, dict[str, int]], width: int = 720) -> str:
    dated = {m: v for m, v in activity.items() if len(m) == 7 and m[:4].isdigit() and m[5:].isdigit()}
    if not dated:
        return _svg(width, 30, "没有带日期的活动", [f'<text x="4" y="20" {FONT}>没有带日期的活动</text>'])
    left, right, head, foot, plot_h = 34, 8, 26, 22, 150
    first = min(dated)
    step = _month_step(len(_months(first, max(dated))), width - left - right)
    # the axis starts at a tick (the first month padded back to one), so the first year is labelled
    y, m = int(first[:4]), int(first[5:7])
    m = (m - 1) // min(step, 12) * min(step, 12) + 1
    if step > 12:
        y -= y % (step // 12)
    months = _months(f"{y:04d}-{m:02d}", max(dated))
    types = [t for t in EVENT_TYPES if any(t in v for v in dated.values())]
    types += sorted({t for v in dated.values() for t in v} - set(types))
    top = max(sum(v.values()) for v in dated.values())
    bw = min((width - left - right) / len(months), 40)
    height = head + plot_h + foot
    body = [f'<line x1="{left}" y1="{head + plot_h}" x2="{width - right}" y2="{head + plot_h}" stroke="#999"/>',
            f'<text x="{left - 4}" y="{head + 4}" text-anchor="end" {FONT} fill="#666">{top}</text>',
            f'<text x="{left - 4}" y="{head + plot_h}" text-anchor="end" {FONT} fill="#666">0</text>']
    lx = left
    for t in types:
        body.append(f'<rect x="{lx}" y="4" width="10" height="10" fill="{COLORS.get(t, "#777")}"/>'
                    f'<text x="{lx + 13}" y="13" {FONT}>{_e(t)}</text>')
        lx += 22 + 13 * len(t)
    for k, mon in enumerate(months):
        x0 = left + k * bw
        y = head + plot_h
        for t in types:
            n = dated.get(mon, {}).get(t, 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            body.append(f'<rect x="{x0 + 1:.1f}" y="{y:.1f}" width="{max(bw - 2, 1):.1f}" height="{h:.1f}" '
                        f'fill="{COLORS.get(t, "#777")}"><title>{_e(f"{mon} {t}：{n}")}</title></rect>')
        if k % step == 0:   # January, or the first month: the year; other ticks: the month
            label = mon[:4] if mon.endswith("-01") else mon if k == 0 else f"{int(mon[5:])}月"
            body.append(f'<text x="{x0 + bw / 2:.1f}" y="{height - 6}" text-anchor="middle" {FONT} '
                        f'fill="#666">{label}</text>')
    return _svg(width, height, "每月活动", body)


def hits_timeline(bars: list[tuple[str, int, int, str]], width: int = 720) -> str:
    """The search page's timeline: a bar per year or per month (yyyy or yyyy-mm, oldest first, every one
    between the first and the last), its count above it (≈ and ± where estimated) and in its tooltip; a
    bar links to the search narrowed to its year or month. bars: (period, count, margin, url)."""
    if not bars:
        return _svg(width, 30, "没有带日期的结果", [f'<text x="4" y="20" {FONT}>没有带日期的结果</text>'])
    left, right, head, foot, plot_h = 8, 8, 16, 20, 90
    bw = min((width - left - right) / len(bars), 60)
    top = max(n for _, n, _, _ in bars) or 1
    monthly = len(bars[0][0]) == 7
    step = _month_step(len(bars), width - left - right) if monthly else max(1, round(40 / bw))
    height = head + plot_h + foot
    body = [f'<line x1="{left}" y1="{head + plot_h}" x2="{left + bw * len(bars):.1f}" y2="{head + plot_h}" '
            f'stroke="#999"/>']
    for k, (period, n, margin_, url) in enumerate(bars):
        x0 = left + k * bw
        h = plot_h * n / top
        shown = f"≈{n} ±{margin_}" if margin_ else str(n)
        bar = (f'<rect x="{x0 + 1:.1f}" y="{head + plot_h - h:.1f}" width="{max(bw - 2, 1):.1f}" height="{h:.1f}" '
               f'fill="#2f6db5"/>' if n else "")
        count = (f'<text x="{x0 + bw / 2:.1f}" y="{head + plot_h - h - 3:.1f}" text-anchor="middle" {FONT} '
                 f'fill="#444">{_e(shown)}</text>' if n and bw >= 9 * len(shown) else "")
        # the whole column is the link, so that a month with few hits is as easy to click as any
        body.append(f'<a href="{_e(url)}" class="period" data-period="{_e(period)}"><title>{_e(f"{period}：{shown} 篇")}'
                    f'</title><rect x="{x0:.1f}" y="0" width="{bw:.1f}" height="{head + plot_h}" fill="transparent"/>'
                    f'{bar}{count}</a>')
        if k % step == 0:
            label = period if not monthly or k == 0 else period[:4] if period.endswith("-01") else f"{int(period[5:])}月"
            body.append(f'<text x="{x0 + bw / 2:.1f}" y="{height - 5}" text-anchor="middle" {FONT} '
                        f'fill="#666">{label}</text>')
    return _svg(width, height, "结果时间分布（按月）" if monthly else "结果时间分布（按年）", body)
