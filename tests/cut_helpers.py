"""Helpers shared by the cutter's tests on invented pages (tests/test_cut_*.py): cut a markdown text
with tagging off, or build the segmenter over it to ask its decisions."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from jianbao.cut.segment import Segmenter
from jianbao.pipeline import cut, read_bytes
from jianbao.settings import Settings

S = Settings(tag=False)
# one paragraph of body text, long enough to read as body and never as a title
PARA = "这是正文的一段话，讲述了当地推进工作的做法和成效，群众反映良好，各方面评价很高。" * 2


def doc_of(text: str):
    return cut(read_bytes(text.encode("utf-8"), "t.md", S), S)


def segmenter(text: str) -> Segmenter:
    return Segmenter(read_bytes(text.encode("utf-8"), "t.md", S))


def train_script(name: str):
    """scripts/<name>.py as a module (the training scripts' fit_all, for the tests that refit a
    shipped model and compare)."""
    path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
