"""A Parquet dataset of articles, partitioned by paper and year (hive layout: paper=…/year=…/).

pandas (`read_parquet(folder)`), polars (`scan_parquet(folder/**/*.parquet, hive_partitioning=True)`)
and DuckDB (`read_parquet('folder/**/*.parquet', hive_partitioning=true)`) read it directly.
Persons, mentions, events, career spells and places (with division codes) are written beside it as single files.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from ...errors import JianbaoError
from ...store import Archive, Filters
from ..pages.pagefiles import safe_name
from .tables import rows


def write_parquet(arch: Archive, folder: Path, filters: Filters = Filters()) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise JianbaoError("Parquet export needs pyarrow: pip install 'jianbao[parquet]'") from None
    tables = rows(arch, filters)
    header, data = tables["articles"]
    groups: dict[tuple[str, str], list[list]] = {}
    p_at = header.index("paper")
    d_at = header.index("date")
    for r in data:
        key = (safe_name(r[p_at] or "unknown"), (r[d_at] or "")[:4] or "unknown")
        groups.setdefault(key, []).append(r)
    base = folder / "articles"
    if base.exists():
        shutil.rmtree(base)
    keep = [h for h in header if h != "paper"]
    for (paper, year), rs in sorted(groups.items()):
        # hive layout with the names as written (paper=衡阳日报/year=2021), not %-encoded
        part = base / f"paper={paper}" / f"year={year}"
        part.mkdir(parents=True, exist_ok=True)
        cols = {h: [r[header.index(h)] for r in rs] for h in keep}
        schema = pa.schema([(h, pa.int64() if h in ("article_id", "story_id", "printings") else pa.string())
                            for h in keep])
        pq.write_table(pa.table(cols, schema=schema), part / "part-0.parquet")
    for name in ("persons", "mentions", "events", "spells", "places"):
        h, d = tables[name]
        pq.write_table(pa.table({c: [r[k] for r in d] for k, c in enumerate(h)}), folder / f"{name}.parquet")
    return len(data)
