"""files → Page of Blocks. One reader per kind of input, chosen by the file's extension."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Page
from ..settings import Settings

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text", ""}


def read_file(path: Path, settings: Settings) -> Page:
    from .text import read_text_path
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text_path(path, settings)
    raise InputError(f"unsupported file type {suffix!r}: give a .md or .txt page")
