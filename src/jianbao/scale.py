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

from .batch import PageResult, iter_path
from .export.pages.pagefiles import write_page_parquet
from .settings import Settings

WINDOW_PER_WORKER = 4
CHUNK = 16   # files per task: a task's round trip costs milliseconds, a page's cutting about two


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
        outdir = str(parquet) if parquet else None
        chunks = (inputs[k:k + CHUNK] for k in range(0, len(inputs), CHUNK))

        def submit(chunk: list[str]):
            return client.submit(process_chunk, chunk, settings, outdir, pure=False, retries=3)

        pending = as_completed([submit(c) for c in islice(chunks, window)])
        for fut in pending:
            yield from fut.result()
            fut.release()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.add(submit(nxt))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def process_chunk(chunk: list[str], settings: Settings, outdir: str | None) -> list[list[PageResult]]:
    """One task: several files, each cut and tagged (and written, with a Parquet output)."""
    if outdir:
        return [process_to_parquet(src, settings, outdir) for src in chunk]
    return [list(iter_path(src, settings)) for src in chunk]


def process_to_parquet(source: str, settings: Settings, outdir: str) -> list[PageResult]:
    """Cut and tag one file and write its pages to the dataset; return results without documents."""
    out = []
    for r in iter_path(source, settings):
        if r.doc is not None:
            write_page_parquet(r.doc, Path(outdir))
            out.append(PageResult(r.source, articles=len(r.doc.articles), written=True))
        else:
            out.append(r)
    return out
