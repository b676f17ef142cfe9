"""files → Page of Blocks. One reader per kind of input, chosen by the file's extension.

A text page is one Page; a multi-page PDF is an issue, one Page per printed page (`read_pages`).
A .json file is a document parser's structured output; which parser's is told by its content
(read/formats.py), and a multi-page one gives one Page per printed page too.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Page
from ..settings import Settings
from .formats import read_json_path
from .pdf import read_pdf
from .text import read_text_path

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text", ""}
PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
JSON_SUFFIXES = {".json"}
PAGE_SUFFIXES = TEXT_SUFFIXES - {""} | PDF_SUFFIXES | IMAGE_SUFFIXES | JSON_SUFFIXES


def read_pages(path: Path, settings: Settings) -> Iterator[Page]:
    """Every page in the file, in order."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield read_text_path(path, settings)
    elif suffix in PDF_SUFFIXES:
        yield from read_pdf(path, settings)
    elif suffix in IMAGE_SUFFIXES:
        # the OCR reader loads numpy and the image libraries: imported only for an image, so that
        # reading text, a parser's output or a PDF's text layer loads none of them
        from .image import read_image
        yield from read_image(path, settings)
    elif suffix in JSON_SUFFIXES:
        yield from read_json_path(path, settings)
    else:
        raise InputError(f"unsupported file type {suffix!r}: give a .md, .txt, .pdf, image or parser's .json page")


def read_file(path: Path, settings: Settings) -> Page:
    """The single page of a one-page file (the first page of a PDF)."""
    for page in read_pages(path, settings):
        return page
    raise InputError("the file holds no page")
