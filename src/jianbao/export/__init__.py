"""Page documents → the formats people read and their tools load."""
from __future__ import annotations

from .jsondoc import to_json
from .markdown import to_markdown
from .text import to_text

RENDERERS = {"json": to_json, "md": to_markdown, "text": to_text}
SUFFIX = {"json": ".json", "md": ".md", "text": ".txt"}



def export_archive(arch, fmt, out, filters):  # noqa: ANN001 - thin re-export, imports lazily
    from .archive import export_archive as run
    return run(arch, fmt, out, filters)


__all__ = ["RENDERERS", "SUFFIX", "export_archive", "to_json", "to_markdown", "to_text"]
