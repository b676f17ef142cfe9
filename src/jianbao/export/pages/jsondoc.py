"""The page document as JSON (shared/spec/page-json.md)."""
from __future__ import annotations

import json

from ...model import PageDoc


def to_json(doc: PageDoc, *, spans: bool = False, indent: int | None = 1) -> str:
    return json.dumps(doc.to_dict(with_spans=spans), ensure_ascii=False, indent=indent)
