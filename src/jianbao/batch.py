"""Run the stages over many files, one at a time (memory stays flat), failures kept apart."""
from __future__ import annotations

import glob
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError, JianbaoError
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
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in PAGE_SUFFIXES)
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
    """Cut every page of one input; a failure is one result with its reason, never an exception."""
    try:
        if source == "-":
            pages: Iterable = [read_bytes(sys.stdin.buffer.read(), "-", settings)]
        else:
            pages = read_pages(Path(source), settings)
        for page in pages:
            name = page.meta.source if page.meta.source and page.meta.source != Path(source).name else source
            try:
                yield CutResult(name, doc=run_page(page, settings))
            except InputError as e:
                yield CutResult(name, error=str(e), reason=e.reason)
    except InputError as e:
        yield CutResult(source, error=str(e), reason=e.reason)
    except OSError as e:
        yield CutResult(source, error=f"cannot read: {e.strerror or e}", reason="unreadable")


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
