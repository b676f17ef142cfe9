"""Archive exporters: jsonl (page documents), ninjs, csv tables, parquet dataset, markdown; each reads the
archive through `store`'s API (logical articles, continued parts joined by `Archive.logical`)."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from ...errors import JianbaoError
from ...store import Archive, Filters
from ..pages.markdown import article_markdown
from .networks import WRITERS as NETWORK_WRITERS
from .ninjs import to_ninjs
from .parquet import write_parquet
from .tables import rows


def _folder(out: Path | None, fmt: str) -> Path:
    if out is None:
        raise JianbaoError(f"--format {fmt} writes several files: give a folder with --out")
    out.mkdir(parents=True, exist_ok=True)
    return out


def _per_article(arch: Archive, filters: Filters, folder: Path, suffix: str, render) -> int:
    """One file per logical article (continued parts joined), named by its id."""
    n = 0
    for lid in arch.logical_ids(filters):
        (folder / f"{lid}{suffix}").write_text(render(arch.logical(lid)), encoding="utf-8")
        n += 1
    return n


def _network(arch: Archive, fmt: str, out: Path | None, filters: Filters) -> int:
    """The co-appearance network of the filtered activities, as one file (or standard output): its edges."""
    net = arch.network(filters)
    text = NETWORK_WRITERS[fmt](net)
    if out is None:
        sys.stdout.write(text)
    else:
        if out.is_dir():
            raise JianbaoError(f"--format {fmt} writes one file and {out} is a folder: give a file name with --out")
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as e:
            raise JianbaoError(f"{out}: cannot write the network ({e.strerror}); give a writable --out file") from e
    return len(net.edges)


def export_archive(arch: Archive, fmt: str, out: Path | None, filters: Filters = Filters()) -> int:
    if fmt == "jsonl":
        f = open(out, "w", encoding="utf-8") if out else sys.stdout
        n = 0
        try:
            for doc in arch.page_docs(filters):
                for a in doc.get("articles", []):
                    a.pop("spans", None)
                doc.pop("joins", None)
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
                n += 1
        finally:
            if out:
                f.close()
        return n
    if fmt == "ninjs":
        return _per_article(arch, filters, _folder(out, fmt), ".json",
                            lambda la: json.dumps(to_ninjs(la), ensure_ascii=False, indent=1))
    if fmt == "md":
        return _per_article(arch, filters, _folder(out, fmt), ".md",
                            lambda la: f"<!-- {la.paper or ''} {la.date or ''} 第{'、'.join(la.pages)}版 -->\n\n"
                                       + article_markdown(la.article))
    if fmt == "csv":
        folder = _folder(out, fmt)
        tables = rows(arch, filters)
        for name, (header, data) in tables.items():
            with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(header)
                w.writerows(data)
        return len(tables["articles"][1])
    if fmt == "parquet":
        return write_parquet(arch, _folder(out, fmt), filters)
    if fmt in NETWORK_WRITERS:
        return _network(arch, fmt, out, filters)
    raise JianbaoError(f"unknown export format {fmt!r}")
