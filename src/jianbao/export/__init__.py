"""Output formats, in two packages.

- `pages`: page renderers, one page document → text (JSON, Markdown, terminal text: `jianbao cut
  --format`), and a page's rows in a Parquet dataset (`pagefiles`, written by whoever cut the page).
  They know nothing of the archive.
- `archive`: archive exporters (jsonl, IPTC ninjs, CSV, Parquet, Markdown: `jianbao export`; the web
  UI's downloads, `stream`; the search commands' terminal output, `terminal`). They read the archive
  only through `store`'s public API.
"""
