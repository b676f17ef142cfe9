"""Run reading, cutting and tagging on a Dask cluster.

`--dask tcp://host:8786` uses a running scheduler (workers started with `dask worker` on any
machine that has jianbao installed and can read the input paths); `--dask local` or `local:N`
starts a LocalCluster of N worker processes on this machine. Work goes out in a bounded window,
so a million files never become a million futures at once. A worker that dies is replaced and its
tasks run again (retries); the single writer on this side stores each page once, by content hash.

With `--parquet DIR` the workers write the dataset themselves, one file per page named by its
hash (so a rerun or a retried task overwrites, never duplicates); nothing comes back but counts.
"""
from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Iterator

from .batch import PageResult, process_path
from .settings import Settings

WINDOW_PER_WORKER = 8


def _client(address: str):
    from distributed import Client, LocalCluster
    if address == "local" or address.startswith("local:"):
        n = int(address.split(":", 1)[1]) if ":" in address else 2
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=40)
        return Client(cluster), cluster
    return Client(address, timeout=30), None


def run_dask(inputs: list[str], settings: Settings, address: str,
             parquet: Path | None = None) -> Iterator[list[PageResult]]:
    """Results as tasks finish (any order); each list holds one input's pages."""
    from distributed import as_completed
    client, cluster = _client(address)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
        window = n_workers * WINDOW_PER_WORKER
        fn = process_to_parquet if parquet else process_path
        extra = {"outdir": str(parquet)} if parquet else {"db_target": None}
        todo = iter(inputs)

        def submit(src: str):
            return client.submit(fn, src, settings=settings, pure=False, retries=3, **extra)

        pending = as_completed([submit(src) for src in islice(todo, window)])
        for fut in pending:
            yield fut.result()
            fut.release()
            nxt = next(todo, None)
            if nxt is not None:
                pending.add(submit(nxt))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def process_to_parquet(source: str, settings: Settings, outdir: str) -> list[PageResult]:
    """Cut and tag one file and write its pages to the dataset; return results without documents."""
    from .export.pagefiles import write_page_parquet
    out = []
    for r in process_path(source, settings, None):
        if r.doc is not None:
            write_page_parquet(r.doc, Path(outdir))
            out.append(PageResult(r.source, articles=len(r.doc.articles), written=True))
        else:
            out.append(r)
    return out
