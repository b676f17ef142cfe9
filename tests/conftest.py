"""Shared test helpers: where ../shared is, the scorer, and a one-call cut."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from jianbao.model import PageDoc
from jianbao.pipeline import cut
from jianbao.read.text import page_from_text
from jianbao.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SEED = SHARED / "corpus/seed/hengyang-daily-2021-07-31-p01.md"

needs_shared = pytest.mark.skipif(not (SHARED / "eval/score.py").exists(),
                                  reason="../shared (the read-only corpus) is not beside the repo")


def load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval/score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def cut_text(text: str, source: str = "test.md", **kw) -> PageDoc:
    settings = Settings(tag=False, **kw)
    return cut(page_from_text(text, source), settings)


def gold_of(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
