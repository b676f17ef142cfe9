"""Page renderers: one page document → text (what `jianbao cut --format` writes). They read no archive."""
from __future__ import annotations

from .jsondoc import to_json
from .markdown import to_markdown
from .text import to_text

RENDERERS = {"json": to_json, "md": to_markdown, "text": to_text}
SUFFIX = {"json": ".json", "md": ".md", "text": ".txt"}

__all__ = ["RENDERERS", "SUFFIX", "to_json", "to_markdown", "to_text"]
