"""Helpers for the reader tests: synthetic e-paper pages (skipped without a CJK font or reportlab)."""
from __future__ import annotations

import pytest

from jianbao.pipeline import cut
from jianbao.settings import Settings
from jianbao.synth.figures import figures, mean

SETTINGS = Settings(tag=False)


def need_pages():
    pytest.importorskip("reportlab")
    pytest.importorskip("pypdfium2")
    from jianbao.synth.pdfpage import cjk_font
    if cjk_font() is None:
        pytest.skip("no CJK font (apt-get install fonts-wqy-zenhei; .ci/run does)")


def score_pages(pages) -> dict[str, float]:
    """pages: (Page, gold) pairs → mean figures of the cut pages against their gold."""
    return mean([figures(gold, cut(page, SETTINGS).to_dict()) for page, gold in pages])


__all__ = ["SETTINGS", "need_pages", "score_pages", "figures"]
