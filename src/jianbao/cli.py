"""The `jianbao` command: a thin layer over the library."""
from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import click

from . import __version__
from .batch import PageResult, cut_inputs, expand_inputs
from .cli_archive import COMMANDS
from .errors import JianbaoError
from .export.pages import RENDERERS, SUFFIX
from .settings import MB, Settings
from .web.cli import serve


def out_stem(source: str) -> str:
    """File name for a page's output: page.md → page, issue.pdf#p3 → issue-p3."""
    name = Path(source).name if source != "-" else "stdin"
    return re.sub(r"\.(?:md|markdown|txt|text|pdf|png|jpe?g|tiff?)(?=$|#)", "", name, flags=re.I).replace("#", "-")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2021-07-31")


class _Group(click.Group):
    """Any JianbaoError that reaches the top (a missing model file, say) is one line and exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except JianbaoError as e:
            raise click.ClickException(str(e)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jianbao")
def main() -> None:
    """jianbao (剪报): cut Chinese newspaper pages into whole, structured articles.

    \b
    Start with:  jianbao cut examples/ --format text
    """


@main.command()
@click.argument("pages", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "md", "text"]), default="json",
              show_default=True, help="json: the page document; md: clean Markdown articles; "
                                      "text: a readable terminal view.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one file per page into this folder instead of standard output.")
@click.option("--paper", help="Paper name, when the page does not print it (e.g. 衡阳日报).")
@click.option("--date", "date_", callback=_date, help="Issue date YYYY-MM-DD, when the page does not print it.")
@click.option("--page", "page_no", help="Page number (版次), when the page does not print it.")
@click.option("--tag/--no-tag", default=True, show_default=True,
              help="Also tag persons, titles, places, organisations, dates and events.")
@click.option("--spans", is_flag=True, help="JSON: include each field's offsets into the page and the recorded joins.")
@click.option("--max-mb", type=click.FloatRange(min=0.001), default=16, show_default=True,
              help="Refuse files larger than this many megabytes.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when writing to --out on a terminal).")
def cut(pages: tuple[str, ...], fmt: str, out_dir: Path | None, paper: str | None, date_: str | None,
        page_no: str | None, tag: bool, spans: bool, max_mb: float, progress: bool | None) -> None:
    """Cut PAGES (.md/.txt pages, .pdf e-papers, .png/.jpg/.tif scans, document parsers' .json
    (MinerU, PP-StructureV3, dots.ocr, Docling, OCR line lists), folders, globs, or - for
    standard input) into articles. A PDF or TIFF gives one document per page (source FILE#pN).

    \b
    Examples:
      jianbao cut page.md                              # page document (JSON) on stdout
      jianbao cut scans/ --out cut/ --format md        # a Markdown file per page
      jianbao cut mineru_out/ --out cut/               # parsers' JSON, the format told by content
      jianbao cut hengyang-p01.md --paper 衡阳日报 --date 2021-07-31 --page 1
      cat page.txt | jianbao cut - --format text
    """
    settings = Settings(paper=paper, date=date_, page=page_no, tag=tag, max_bytes=int(max_mb * MB))
    try:
        inputs = expand_inputs(pages)
    except JianbaoError as e:
        raise click.UsageError(str(e))
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    render = RENDERERS[fmt]
    many = len(inputs) > 1 or any(i.lower().endswith((".pdf", ".tif", ".tiff")) for i in inputs)
    show_progress = progress if progress is not None else bool(out_dir) and sys.stderr.isatty() and many
    failures: list[PageResult] = []
    n_pages = n_articles = 0
    for res in cut_inputs(inputs, settings, progress=show_progress):
        if res.error is not None:
            failures.append(res)
            click.echo(f"jianbao: {res.source}: {res.error}", err=True)
            continue
        doc = res.doc
        assert doc is not None
        n_pages += 1
        n_articles += len(doc.articles)
        for w in doc.warnings:
            click.echo(f"jianbao: {res.source}: warning: {w}", err=True)
        if fmt == "json":
            text = render(doc, spans=spans, indent=None if (many and not out_dir) else 1)
        elif fmt == "text":
            text = render(doc, color=sys.stdout.isatty() and not out_dir)
        else:
            text = render(doc)
        if out_dir:
            (out_dir / (out_stem(res.source) + SUFFIX[fmt])).write_text(text + "\n", encoding="utf-8")
        else:
            click.echo(text)
    if many or failures:
        summary = f"jianbao: cut {n_pages} page(s) into {n_articles} article(s)"
        if failures:
            summary += f"; {len(failures)} failed: " + ", ".join(f"{f.source} ({f.reason})" for f in failures)
        click.echo(summary, err=True)
    if failures:
        sys.exit(1)


for _cmd in (*COMMANDS, serve):   # serve imports the web UI (fastapi, uvicorn) only when it runs
    main.add_command(_cmd)
