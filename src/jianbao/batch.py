"""Run the stages over many files, one at a time (memory stays flat), failures kept apart.

A file's pages stream through one at a time, a 1,000-page PDF as well as a one-page text: a page
that cannot be read or cut is a result with its reason (the CLI prints one line for it and exits 1
at the end) and the file's other pages go on; only a whole-file problem (not a PDF, encrypted …)
is one result for the file.
"""
from __future__ import annotations

import glob
import multiprocessing as mp
import sys
from collections import deque
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Iterable, Iterator

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .cut.continuations import link_continuations
from .errors import InputError, JianbaoError, Unreadable
from .model import Page, PageDoc
from .pipeline import read_bytes, run_page
from .read import PAGE_SUFFIXES, PDF_SUFFIXES, read_pages
from .read.limits import binary_limit
from .read.pdf import MAX_PAGES, iter_pdf, pdf_page_count
from .settings import Settings
from .store import open_archive


@dataclass
class PageResult:
    """One page's outcome: its document and text, or why it failed (a whole-file failure is one)."""
    source: str
    doc: PageDoc | None = None
    text: str = ""
    error: str | None = None
    reason: str | None = None
    skipped: bool = False        # already in the archive (same text)
    articles: int = 0            # articles written, when the worker wrote the page itself
    written: bool = False        # the worker stored the page (Parquet dataset on a cluster)


GOLD = ".gold.json"


def expand_inputs(args: Iterable[str]) -> list[str]:
    """Files, folders (their .md/.txt pages, sorted, recursively), globs, and "-" for stdin."""
    out: list[str] = []
    for arg in args:
        if arg == "-":
            out.append("-")
            continue
        p = Path(arg)
        if p.is_dir():
            # a folder's README is about the pages, and a gold file (page.gold.json) is their answer:
            # neither is one of them
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in PAGE_SUFFIXES
                           and not f.name.upper().startswith("README") and not f.name.endswith(GOLD))
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


def cut_inputs(inputs: list[str], settings: Settings, progress: bool = False) -> Iterator[PageResult]:
    """Every page of every input, file after file, each file's pages as they stream (iter_path)."""
    if not progress:
        for src in inputs:
            yield from iter_path(src, settings)
        return
    cols = (TextColumn("cutting"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[articles]} articles, {task.fields[errors]} errors"),
            TimeRemainingColumn())
    articles = errors = 0
    with Progress(*cols, transient=False) as bar:
        task = bar.add_task("cut", total=len(inputs), articles=0, errors=0)
        for src in inputs:
            for res in iter_path(src, settings):
                if res.doc is not None:
                    articles += len(res.doc.articles)
                else:
                    errors += 1
                bar.update(task, articles=articles, errors=errors)
                yield res
            bar.update(task, advance=1)


def _known(db_target: str | None, sha1: str) -> bool:
    if not db_target:
        return False
    global _RO
    try:
        if _RO is None or _RO[0] != db_target:
            _RO = (db_target, open_archive(db_target, readonly=True))
        return _RO[1].has_sha1(sha1)
    except JianbaoError:
        return False


_RO = None


# ---- one input, page by page -------------------------------------------------------------------

LINK_WINDOW = 64      # pages of one file held back, at most, waiting for a jump's other part
CHUNK_PAGES = 16      # a PDF's pages go to worker processes in tasks of this many


class _Linker:
    """Links continued articles (下转第3版 … 上接第1版) across one file's pages as they stream by.

    A page's document is held back only while one of its jumps is still open (its other part may
    be on a page not read yet), and never for more than LINK_WINDOW pages: memory stays flat on a
    1,000-page PDF, and a jump from one page of an issue to another (an issue has at most a few
    dozen pages) is still linked. A window, rather than linking at the end, because a page's
    document must carry the ids when it is written out, and it is written out as soon as it can be.
    """

    def __init__(self) -> None:
        self.held: deque = deque()
        self.first = 0          # the position in the file of held[0]

    def add(self, result) -> list:
        """Take the next page's result (`.doc` None for a page that failed); the results now ready."""
        self.held.append(result)
        if any(r.doc is not None and not _settled(r.doc) for r in self.held):
            link_continuations([None] * self.first + [r.doc for r in self.held])
        out = []
        while self.held and (len(self.held) > LINK_WINDOW or self.held[0].doc is None
                             or _settled(self.held[0].doc)):
            out.append(self.held.popleft())
            self.first += 1
        return out

    def flush(self) -> list:
        out = list(self.held)
        self.held.clear()
        return out


def _settled(doc: PageDoc) -> bool:
    """No jump of the page is waiting for its other part."""
    return all((not a.continued_on or a.continued_on_id) and (not a.continued_from or a.continued_from_id)
               for a in doc.articles)


def _pages(source: str, settings: Settings, first: int = 0, stop: int | None = None
           ) -> Iterator[Page | Unreadable]:
    """The input's pages; in a PDF, a page that cannot be read is an Unreadable in its place."""
    if source == "-":
        yield read_bytes(sys.stdin.buffer.read(), "-", settings)
    elif Path(source).suffix.lower() in PDF_SUFFIXES:
        yield from iter_pdf(Path(source), settings, first, stop)
    else:
        yield from read_pages(Path(source), settings)


def _name(page_source: str | None, source: str) -> str:
    """A page of a many-page file is named as its document (issue.pdf#p3); a one-page file by its path."""
    return page_source if page_source and page_source != Path(source).name else source


def _results(source: str, settings: Settings, db_target: str | None = None, first: int = 0,
             stop: int | None = None) -> Iterator[PageResult]:
    """One result per page, in order, continued articles not yet linked; a page that fails is
    a result with its reason, and the next page goes on; a whole-file failure is one result."""
    try:
        for page in _pages(source, settings, first, stop):
            if isinstance(page, Unreadable):
                yield PageResult(_name(page.source, source), error=str(page.error), reason=page.error.reason)
                continue
            name = _name(page.meta.source, source)
            if _known(db_target, page.sha1):
                yield PageResult(name, skipped=True)
                continue
            try:
                yield PageResult(name, doc=run_page(page, settings), text=page.text)
            except InputError as e:
                yield PageResult(name, error=str(e), reason=e.reason)
    except InputError as e:
        yield PageResult(source, error=str(e), reason=e.reason)
    except OSError as e:
        yield PageResult(source, error=f"cannot read: {e.strerror or e}", reason="unreadable")


def _linked(results: Iterable[PageResult]) -> Iterator[PageResult]:
    linker = _Linker()
    for r in results:
        yield from linker.add(r)  # a page already stored has no doc: not linked
    yield from linker.flush()


def iter_path(source: str, settings: Settings, db_target: str | None = None) -> Iterator[PageResult]:
    """The one per-file runner: read, cut and tag the pages of one file one by one, continued
    articles linked across them; a failure is a result with its reason, never an exception. What
    `jianbao cut`, `ingest` (one process, or each file's pages back from the workers: process_paths)
    and the cluster (scale.py) all run."""
    return _linked(_results(source, settings, db_target))


def _tasks(source: str, settings: Settings) -> list[tuple[str, int, int | None]]:
    """The input as worker tasks: a long PDF in runs of CHUNK_PAGES pages, anything else whole
    (also a PDF with a whole-file problem: its one task reports it once)."""
    if source == "-" or Path(source).suffix.lower() not in PDF_SUFFIXES:
        return [(source, 0, None)]
    try:
        binary_limit(Path(source), settings)
        n = pdf_page_count(Path(source))
    except (InputError, OSError):
        return [(source, 0, None)]
    if not CHUNK_PAGES < n <= MAX_PAGES:
        return [(source, 0, None)]
    return [(source, k, k + CHUNK_PAGES) for k in range(0, n, CHUNK_PAGES)]


def _run_task(task: tuple[str, int, int | None], settings: Settings, db_target: str | None) -> list[PageResult]:
    source, first, stop = task
    return list(_results(source, settings, db_target, first, stop))


def process_paths(inputs: list[str], settings: Settings, workers: int = 1,
                  db_target: str | None = None) -> Iterator[Iterator[PageResult]]:
    """Results file by file, in input order, each file's page by page (take them all before the
    next file's); `workers` processes when more than one, a long PDF shared out in runs of pages."""
    if workers <= 1:
        for src in inputs:
            yield iter_path(src, settings, db_target)
        return
    tasks = [(i, t) for i, src in enumerate(inputs) for t in _tasks(src, settings)]
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers) as pool:
        done = zip((i for i, _ in tasks),
                   pool.imap(partial(_run_task, settings=settings, db_target=db_target), [t for _, t in tasks]))
        nxt = next(done, None)

        def one_file(i: int) -> Iterator[PageResult]:
            nonlocal nxt
            while nxt is not None and nxt[0] == i:
                yield from nxt[1]
                nxt = next(done, None)

        for i in range(len(inputs)):
            results = _linked(one_file(i))
            yield results
            deque(results, maxlen=0)   # what the caller left of this file
