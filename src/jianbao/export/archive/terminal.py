"""Archive results for the terminal: search hits, a person's profile, activity records."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ...store import Hit


def _console() -> Console:
    return Console(highlight=False)


def print_hits(hits: list[Hit], total: int, offset: int = 0) -> None:
    c = _console()
    c.print(Text(f"{total} matching article(s)" + (f", from {offset + 1}" if offset else ""), style="bold"))
    for n, h in enumerate(hits, offset + 1):
        head = Text(f"{n:>3}. ", style="dim")
        if h.kicker:
            head.append(h.kicker + " ", style="italic cyan")
        head.append(h.headline or "（无标题）", style="bold")
        c.print(head)
        where = " ".join(x for x in (h.paper, h.date, f"第{h.page}版" if h.page else None) if x)
        if h.parts > 1:
            where += f" · {h.parts} parts"
        if h.printings > 1:
            where += f" · {h.printings} printings (story {h.story_id})"
        c.print(Text(f"     {where} · #{h.logical_id}", style="dim"))
        snip = Text("     ")
        pos = 0
        for a, b in h.marks:
            snip.append(h.snippet[pos:a])
            snip.append(h.snippet[a:b], style="bold yellow")
            pos = b
        snip.append(h.snippet[pos:])
        c.print(snip)


def print_profile(p, n_people: int = 1) -> None:
    c = _console()
    title = f"{p.name}" + (f"  ({'、'.join(x for x in p.papers if x)})" if n_people > 1 else "")
    c.print(Text(title, style="bold reverse"))
    t = Table(title="titles over time", show_edge=False)
    for col in ("title", "first seen", "last seen", "articles"):
        t.add_column(col)
    for title_, first, last, n in p.titles:
        t.add_row(title_, first or "?", last or "?", str(n))
    c.print(t)
    if p.activity:
        types = sorted({k for v in p.activity.values() for k in v})
        t = Table(title="activities by month", show_edge=False)
        t.add_column("month")
        for k in types:
            t.add_column(k, justify="right")
        for month, row in p.activity.items():
            t.add_row(month, *[str(row.get(k, "")) for k in types])
        c.print(t)
    if p.places:
        c.print(Text("places visited: ", style="bold") + Text("、".join(f"{n}（{k}）" for n, k in p.places)))
    if p.companions:
        c.print(Text("seen with: ", style="bold") + Text("、".join(f"{n}（{k}）" for n, k in p.companions)))
    for lid, date, paper, headline in p.articles[:10]:
        c.print(Text(f"  {date or '?'} {paper or ''} #{lid} {headline or '（无标题）'}", style="dim"))


def print_events(rows: list[dict]) -> None:
    c = _console()
    t = Table(show_edge=False)
    for col in ("date", "type", "name", "actors", "participants", "places", "paper"):
        t.add_column(col, overflow="fold")
    for r in rows:
        date = (r["date"] or r["date_text"] or "?") + (f" {r['time_of_day']}" if r["time_of_day"] else "")
        t.add_row(date, r["type"], r["name"] or "", "、".join(r["actors"]), "、".join(r["participants"]),
                  "、".join(r["places"]), r["paper"] or "")
    c.print(t)
    c.print(Text(f"{len(rows)} record(s)", style="dim"))
