"""One Parquet file per page, in a hive-partitioned dataset (paper=…/year=…/SHA1.parquet).

Written by whoever cut the page — a Dask worker or the local process — atomically (a temporary
name, then rename), named by the page's content hash: a rerun overwrites, never duplicates.
"""
from __future__ import annotations

import os
from pathlib import Path

from ...model import PageDoc

COLUMNS = ["article_id", "date", "page", "section", "seq", "kind", "kicker", "headline", "subheadline", "byline",
           "reporters", "dateline", "continued_from", "continued_on", "text", "persons", "places", "orgs",
           "events", "source"]


def safe_name(name: str) -> str:
    """A name as a folder name of the hive layout: no separators, no = or %."""
    return "".join("_" if c in '/\\=%:*?"<>|' else c for c in name)


def page_rows(doc: PageDoc) -> dict[str, list]:
    m = doc.meta
    cols: dict[str, list] = {c: [] for c in COLUMNS}
    for k, a in enumerate(doc.articles):
        row = [a.id, m.date, m.page, m.section, k, a.kind, a.kicker, a.headline, a.subheadline, a.byline,
               "、".join(a.reporters), a.dateline, a.continued_from, a.continued_on, "\n".join(a.paragraphs),
               "、".join(p.name for p in a.persons), "、".join(a.places), "、".join(a.orgs),
               "、".join(f"{e.type}:{e.name}" for e in a.events), m.source]
        for c, v in zip(COLUMNS, row):
            cols[c].append(v)
    return cols


def write_page_parquet(doc: PageDoc, outdir: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq
    m = doc.meta
    part = outdir / "articles" / f"paper={safe_name(m.paper or 'unknown')}" / f"year={(m.date or '')[:4] or 'unknown'}"
    part.mkdir(parents=True, exist_ok=True)
    final = part / f"{doc.sha1}.parquet"
    tmp = part / f".{doc.sha1}.{os.getpid()}.tmp"
    schema = pa.schema([(c, pa.int32() if c == "seq" else pa.string()) for c in COLUMNS])
    pq.write_table(pa.table(page_rows(doc), schema=schema), tmp)
    os.replace(tmp, final)
    return final
