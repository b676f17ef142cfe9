"""The stages in one direction: read → cut → tag. Each is a plain function of the one before."""
from __future__ import annotations

from pathlib import Path

from .cut import cut_page
from .cut.continuations import link_continuations
from .model import Page, PageDoc
from .read import read_file, read_pages
from .read.text import read_text_bytes
from .settings import DEFAULT, Settings
from .tag import tag_doc


def read_bytes(data: bytes, source: str, settings: Settings = DEFAULT) -> Page:
    """Decode and split one page given as bytes (markdown or plain text)."""
    return read_text_bytes(data, source, settings)


def read_path(path: str | Path, settings: Settings = DEFAULT) -> Page:
    """Read one page file; the reader is chosen by the file's extension."""
    return read_file(Path(path), settings)


def cut(page: Page, settings: Settings = DEFAULT) -> PageDoc:
    return cut_page(page, settings)


def tag(doc: PageDoc, settings: Settings = DEFAULT) -> PageDoc:
    return tag_doc(doc, settings)


def run_page(page: Page, settings: Settings = DEFAULT) -> PageDoc:
    doc = cut(page, settings)
    return tag(doc, settings) if settings.tag else doc


def run_bytes(data: bytes, source: str, settings: Settings = DEFAULT) -> PageDoc:
    return run_page(read_bytes(data, source, settings), settings)


def run_path(path: str | Path, settings: Settings = DEFAULT) -> PageDoc:
    return run_page(read_path(path, settings), settings)


def run_issue(path: str | Path, settings: Settings = DEFAULT) -> list[PageDoc]:
    """Every page of one file (a PDF is an issue), cut and tagged, continued articles linked
    across its pages. Raises on the first page that cannot be read or cut."""
    docs = [run_page(page, settings) for page in read_pages(Path(path), settings)]
    link_continuations(docs)
    return docs
