"""`jianbao ingest | search | person | events | export`: the archive commands."""
from __future__ import annotations

import csv
import json
import re
import sys
import time
from datetime import date
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from .batch import expand_inputs, process_paths
from .errors import JianbaoError
from .export.archive import export_archive
from .export.archive.terminal import print_events, print_hits, print_profile
from .export.pages.pagefiles import write_page_parquet
from .scale import run_dask
from .settings import MB, Settings
from .store import (EVENT_COLUMNS, ArchiveError, FilterParam, Filters, QueryError, date_bound, filter_fields,
                    open_archive)

DB_HELP = "Archive: an SQLite file (default jianbao.db, or $JIANBAO_DB) or a postgresql:// URL."


def db_option(f):
    return click.option("--db", "db", envvar="JIANBAO_DB", default="jianbao.db", show_default=True,
                        help=DB_HELP)(f)


def _date(ctx, param, value):
    """ingest --date: one issue date, a day (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: write YYYY-MM-DD")


def _check(p: FilterParam):
    """A filter's check (its Value, store/filters.py) as a click callback: a value that fails is refused
    with what to write instead; a date is made a day (a year or month: its first or last day)."""
    v = p.value

    def check(ctx, param, value):
        if not value or v.flag or v.choices:   # click checks the choices; "" is no filter
            return value or (False if v.flag else None)
        ok = (v.max_length is None or len(value) <= v.max_length) and \
            (v.pattern is None or re.fullmatch(v.pattern, value) is not None)
        if ok and v.date:
            try:
                return date_bound(value, end=p.end, name="--" + p.name)
            except QueryError:
                ok = False
        if not ok:
            raise click.BadParameter(f"{value!r} is not {v.what}: {v.hint}")
        return value
    return check


def _option(name: str, p: FilterParam):
    """A filter as a command-line option, --{its public name}, from its declaration (store/filters.py)."""
    v, help = p.value, p.help[0].upper() + p.help[1:] + "."
    if v.flag:
        return click.option("--" + p.name, name, is_flag=True, help=help)
    if v.choices:
        return click.option("--" + p.name, name, type=click.Choice(v.choices), help=help)
    return click.option("--" + p.name, name, callback=_check(p), metavar=v.metavar, help=help)


def filter_options(f):
    """Every filter of the archive's one Filters as an option (the same as the web's query parameters)."""
    for name, p in reversed(filter_fields()):
        f = _option(name, p)(f)
    return f


def _filters(kw) -> Filters:
    return Filters(**{name: kw[name] for name, _ in filter_fields()})


def _open(db: str, readonly: bool = False):
    try:
        return open_archive(db, readonly=readonly)
    except ArchiveError as e:
        raise click.ClickException(str(e))


@click.command()
@click.argument("pages", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Cut and tag in this many processes.")
@click.option("--paper", help="Paper name for pages that do not print it.")
@click.option("--date", "date_", callback=_date, help="Issue date for pages that do not print it.")
@click.option("--max-mb", type=click.FloatRange(min=0.001), default=16, show_default=True)
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Run reading, cutting and tagging on a Dask cluster: a scheduler address "
                   "(tcp://host:8786) or local[:N] for N local worker processes.")
@click.option("--parquet", type=click.Path(file_okay=False, path_type=Path),
              help="Write a Parquet dataset (paper=…/year=…/, one file per page) instead of the archive; "
                   "on a Dask cluster the workers write it.")
@click.option("--no-tag", "no_tag", is_flag=True, help="Cut only; store no persons, places or events.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
def ingest(pages, db, workers, paper, date_, max_mb, dask_address, parquet, no_tag, progress):
    """Cut, tag and store PAGES (files, folders, globs) in the archive.

    Each page is stored in one transaction; a page already stored is skipped, a changed page
    replaces its old version, so an interrupted run can simply be run again.
    """
    settings = Settings(paper=paper, date=date_, max_bytes=int(max_mb * MB), tag=not no_tag)
    try:
        inputs = expand_inputs(pages)
    except JianbaoError as e:
        raise click.UsageError(str(e))
    arch = None if parquet else _open(db)
    if dask_address:
        stream = run_dask(inputs, settings, dask_address, parquet)
    else:
        stream = process_paths(inputs, settings, workers, None if parquet else db)
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "articles": 0}
    failures: list[tuple[str, str]] = []
    show = progress if progress is not None else sys.stderr.isatty()
    start = time.monotonic()
    bar = task = None
    if show:
        bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[articles]} articles · {task.fields[errors]} errors · "
                                  "{task.fields[rate]:.1f} pages/s"), TimeElapsedColumn(), TimeRemainingColumn())
        bar.start()
        task = bar.add_task("ingest", total=len(inputs), articles=0, errors=0, rate=0.0)
    try:
        n_pages = 0
        for results in stream:
            for r in results:
                n_pages += 1
                if r.skipped:
                    counts["unchanged"] += 1
                elif r.error:
                    failures.append((r.source, r.error))
                    if not show:
                        click.echo(f"jianbao: {r.source}: {r.error}", err=True)
                elif r.written:
                    counts["added"] += 1
                    counts["articles"] += r.articles
                elif parquet:
                    write_page_parquet(r.doc, parquet)
                    counts["added"] += 1
                    counts["articles"] += len(r.doc.articles)
                else:
                    status = arch.add(r.doc, r.text)
                    counts[status] += 1
                    if status != "unchanged":
                        counts["articles"] += len(r.doc.articles)
            if bar is not None:
                bar.update(task, advance=1, articles=counts["articles"], errors=len(failures),
                           rate=n_pages / max(time.monotonic() - start, 1e-9))
    except ArchiveError as e:
        raise click.ClickException(str(e))
    finally:
        if bar is not None:
            bar.stop()
        if arch is not None:
            arch.close()
    secs = time.monotonic() - start
    click.echo(f"jianbao: {counts['added']} page(s) added, {counts['replaced']} replaced, {counts['unchanged']} "
               f"unchanged, {counts['articles']} article(s) stored in {parquet or db} ({secs:.1f} s)", err=True)
    if failures:
        click.echo(f"jianbao: {len(failures)} file(s) failed:", err=True)
        for src, err in failures:
            click.echo(f"  {src}: {err}", err=True)
        sys.exit(1)


@click.command()
@click.argument("query")
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance", show_default=True,
              help="Best matches first, or by issue date.")
@click.option("--collapse", is_flag=True,
              help="One hit per story: an article that several papers or pages printed (a reprint) shows once, "
                   "with how many printings it has.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
def search(query, db, limit, offset, sort, collapse, as_json, **kw):
    """Search the archive: Chinese words of any length, "phrases in quotes", several words (all must match).

    \b
      jianbao search 调研
      jianbao search '秦国文 调研' --from 2021-07-01 --type 调研
      jianbao search 调研 --sort newest
      jianbao search 调研 --collapse
    """
    arch = _open(db, readonly=True)
    try:
        f = _filters(kw)
        total = arch.count(query, f)
        hits = arch.search(query, f, limit, offset, sort, collapse)
    except QueryError as e:
        raise click.UsageError(str(e))
    finally:
        arch.close()
    if as_json:
        for h in hits:
            click.echo(json.dumps({"article_id": h.logical_id, "score": round(h.score, 4), "paper": h.paper,
                                   "date": h.date, "page": h.page, "kicker": h.kicker, "headline": h.headline,
                                   "snippet": h.snippet, "marks": h.marks, "parts": h.parts, "story_id": h.story_id,
                                   "printings": h.printings}, ensure_ascii=False))
        return
    print_hits(hits, total, offset)


@click.command()
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True)
def person(name, db, as_json):
    """A person's titles over time, activities by month, places visited and companions."""
    arch = _open(db, readonly=True)
    try:
        profiles = arch.people(name)
        if not profiles:
            raise click.ClickException(f"no person called {name} in {db}; try `jianbao search {name}`")
    finally:
        arch.close()
    if as_json:
        for p in profiles:
            click.echo(json.dumps(p.__dict__, ensure_ascii=False, default=list))
        return
    for p in profiles:
        print_profile(p, len(profiles))


@click.command()
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many records.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV on standard output.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per record.")
def events(db, limit, as_csv, as_json, **kw):
    """Officials' activity records (调研, 会议, 会见 …), newest first."""
    arch = _open(db, readonly=True)
    try:
        rows = arch.events(_filters(kw), limit)
    finally:
        arch.close()
    if as_csv:
        w = csv.writer(sys.stdout)
        w.writerow(EVENT_COLUMNS)
        for r in rows:
            w.writerow(["、".join(r[c]) if isinstance(r[c], list) else r[c] for c in EVENT_COLUMNS])
    elif as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    else:
        print_events(rows)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "ninjs", "csv", "parquet", "md", "graphml", "gexf",
                                                   "edges"]), required=True)
@click.option("--out", type=click.Path(path_type=Path), help="Output file or folder (csv, parquet, ninjs, md: a "
              "folder; jsonl, graphml, gexf, edges: a file). Default: standard output for jsonl and the networks.")
@filter_options
def export(db, fmt, out, **kw):
    """Export the archive: page documents (jsonl), IPTC ninjs per article, CSV tables (with career
    spells), a Parquet dataset partitioned by paper and year, Markdown articles, or the network of who
    took part in activities together (graphml, gexf, or an edge list: edges; --type and --from/--to
    select the activities)."""
    arch = _open(db, readonly=True)
    try:
        n = export_archive(arch, fmt, out, _filters(kw))
    except JianbaoError as e:
        raise click.ClickException(str(e))
    finally:
        arch.close()
    unit = {"jsonl": "page(s)", "graphml": "tie(s)", "gexf": "tie(s)", "edges": "tie(s)"}.get(fmt, "article(s)")
    click.echo(f"jianbao: exported {n} {unit} as {fmt}"
               + (f" to {out}" if out else ""), err=True)


COMMANDS = [ingest, search, person, events, export]
