"""Run the stages over many files, one at a time (memory stays flat), failures kept apart."""
from __future__ import annotations

import glob
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError, JianbaoError
from .cut.continuations import link_continuations
from .model import PageDoc
from .pipeline import read_bytes, run_page
from .read import PAGE_SUFFIXES, read_pages
from .settings import Settings


@dataclass
class CutResult:
    source: str
    doc: PageDoc | None = None
    error: str | None = None
    reason: str | None = None


def expand_inputs(args: Iterable[str]) -> list[str]:
    """Files, folders (their .md/.txt pages, sorted, recursively), globs, and "-" for stdin."""
    out: list[str] = []
    for arg in args:
        if arg == "-":
            out.append("-")
            continue
        p = Path(arg)
        if p.is_dir():
            # a folder's README is about the pages, not one of them
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in PAGE_SUFFIXES
                           and not f.name.upper().startswith("README"))
            if not found:
                raise JianbaoError(f"{arg}: no pages (.md, .txt, .pdf, .png, .jpg, .tif) in this folder")
            out.extend(found)
        elif p.exists():
            out.append(arg)
        elif any(c in arg for c in "*?["):
            found = sorted(glob.glob(arg, recursive=True))
            if not found:
                raise JianbaoError(f"{arg}: the pattern matches no file")
            out.extend(f for f in found if Path(f).is_file())
        else:
            raise JianbaoError(f"{arg}: no such file or folder")
    return out


def cut_one(source: str, settings: Settings) -> Iterator[CutResult]:
    """Cut every page of one input; a failure is one result with its reason, never an exception.
    The pages of one file (a PDF issue) come together, continued articles linked across them."""
    results: list[CutResult] = []
    try:
        if source == "-":
            pages: Iterable = [read_bytes(sys.stdin.buffer.read(), "-", settings)]
        else:
            pages = read_pages(Path(source), settings)
        for page in pages:
            name = page.meta.source if page.meta.source and page.meta.source != Path(source).name else source
            try:
                results.append(CutResult(name, doc=run_page(page, settings)))
            except InputError as e:
                results.append(CutResult(name, error=str(e), reason=e.reason))
    except InputError as e:
        results.append(CutResult(source, error=str(e), reason=e.reason))
    except OSError as e:
        results.append(CutResult(source, error=f"cannot read: {e.strerror or e}", reason="unreadable"))
    if len(results) > 1:
        link_continuations([r.doc for r in results])
    yield from results


def cut_inputs(inputs: list[str], settings: Settings, progress: bool = False) -> Iterator[CutResult]:
    if not progress:
        for src in inputs:
            yield from cut_one(src, settings)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    cols = (TextColumn("cutting"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[articles]} articles, {task.fields[errors]} errors"),
            TimeRemainingColumn())
    articles = errors = 0
    with Progress(*cols, transient=False) as bar:
        task = bar.add_task("cut", total=len(inputs), articles=0, errors=0)
        for src in inputs:
            for res in cut_one(src, settings):
                if res.doc is not None:
                    articles += len(res.doc.articles)
                else:
                    errors += 1
                bar.update(task, articles=articles, errors=errors)
                yield res
            bar.update(task, advance=1)


__all__ = ["CutResult", "cut_inputs", "cut_one", "expand_inputs", "JianbaoError"]


# ---- ingest: cut and tag in worker processes, one writer -------------------------------------

@dataclass
class PageResult:
    source: str
    doc: PageDoc | None = None
    text: str = ""
    error: str | None = None
    reason: str | None = None
    skipped: bool = False        # already in the archive (same text)
    articles: int = 0            # articles written, when the worker wrote the page itself
    written: bool = False        # the worker stored the page (Parquet dataset on a cluster)


def _known(db_target: str | None, sha1: str) -> bool:
    if not db_target:
        return False
    from .store import open_archive
    global _RO
    try:
        if _RO is None or _RO[0] != db_target:
            _RO = (db_target, open_archive(db_target, readonly=True))
        return _RO[1].has_sha1(sha1)
    except JianbaoError:
        return False


_RO = None


def process_path(source: str, settings: Settings, db_target: str | None = None) -> list[PageResult]:
    """Read, cut and tag every page of one file (runs in a worker process)."""
    out: list[PageResult] = []
    try:
        for page in read_pages(Path(source), settings):
            name = page.meta.source if page.meta.source and page.meta.source != Path(source).name else source
            if _known(db_target, page.sha1):
                out.append(PageResult(name, skipped=True))
                continue
            try:
                out.append(PageResult(name, doc=run_page(page, settings), text=page.text))
            except InputError as e:
                out.append(PageResult(name, error=str(e), reason=e.reason))
    except InputError as e:
        out.append(PageResult(source, error=str(e), reason=e.reason))
    except OSError as e:
        out.append(PageResult(source, error=f"cannot read: {e.strerror or e}", reason="unreadable"))
    if len(out) > 1:
        link_continuations([r.doc for r in out])  # a page already stored has no doc: not linked
    return out


def process_paths(inputs: list[str], settings: Settings, workers: int = 1,
                  db_target: str | None = None) -> Iterator[list[PageResult]]:
    """Results file by file, in input order; `workers` processes when more than one."""
    if workers <= 1:
        for src in inputs:
            yield process_path(src, settings, db_target)
        return
    import multiprocessing as mp
    from functools import partial
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(partial(process_path, settings=settings, db_target=db_target), inputs, chunksize=2)
