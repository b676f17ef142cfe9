"""`jianbao export`: jsonl page documents, ninjs that validates, CSV tables, Parquet for pandas/polars/DuckDB."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, SHARED
from jianbao.store import open_archive
from tag_docs import page, visit

pytestmark = pytest.mark.slow  # every export through the `jianbao` command in subprocesses


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jianbao", *args], capture_output=True, text=True)


@pytest.fixture
def filled(db_target):
    r = cli("ingest", str(EXAMPLES), "--db", db_target, "--no-progress")
    assert r.returncode == 0, r.stderr
    with open_archive(db_target) as a:
        a.add(*page("衡阳日报", "2021-07-31", "1", [visit("秦国文", "市委书记", "衡山科学城", "2021-07-30", ["刘正兴"])]))
    return db_target


def test_jsonl_gives_every_page_document(filled, tmp_path):
    out = tmp_path / "pages.jsonl"
    r = cli("export", "--db", filled, "--format", "jsonl", "--out", str(out))
    assert r.returncode == 0, r.stderr
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 10
    assert all(set(d) >= {"page", "articles", "furniture"} for d in docs)
    assert not any("spans" in a for d in docs for a in d["articles"])
    r = cli("export", "--db", filled, "--format", "jsonl", "--paper", "衡阳日报")
    assert len(r.stdout.splitlines()) == 1


def test_ninjs_validates_against_the_iptc_schema(filled, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = SHARED / "spec/ninjs-schema_3.1.json"
    if not schema_file.exists():
        pytest.skip("../shared is not beside the repo")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    out = tmp_path / "ninjs"
    r = cli("export", "--db", filled, "--format", "ninjs", "--out", str(out))
    assert r.returncode == 0, r.stderr
    files = sorted(out.glob("*.json"))
    assert len(files) >= 25
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(doc))
        assert not errors, (f.name, errors[0].message)
    docs = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    qin = next(d for d in docs if d.get("title") == "秦国文到衡山科学城调研")
    assert {"name": "秦国文", "rel": "市委书记", "literal": "市委书记秦国文"} in qin["people"]
    roles = {h["role"] for d in docs for h in d.get("headlines", [])}
    assert {"kicker", "main", "subhead"} <= roles
    # continued parts (上接/下转) come out as one article with both pages
    assert any(len([x for x in d.get("altIds", []) if x["role"] == "page"]) == 2 for d in docs)


def test_csv_tables(filled, tmp_path):
    out = tmp_path / "csv"
    r = cli("export", "--db", filled, "--format", "csv", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["articles.csv", "events.csv", "mentions.csv", "persons.csv",
                                                    "places.csv", "spells.csv"]
    with open(out / "events.csv", encoding="utf-8") as f:
        ev = [r for r in csv.DictReader(f) if r["actors"] == "秦国文"]
    assert ev and ev[0]["participants"] == "刘正兴" and ev[0]["type"] == "调研"


def test_parquet_dataset_reads_in_pandas_polars_and_duckdb(filled, tmp_path):
    out = tmp_path / "pq"
    r = cli("export", "--db", filled, "--format", "parquet", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert (out / "articles" / "paper=衡阳日报" / "year=2021").is_dir()
    import duckdb
    import pandas as pd
    import polars as pl
    n_pd = len(pd.read_parquet(out / "articles"))
    n_pl = pl.scan_parquet(str(out / "articles" / "**" / "*.parquet"), hive_partitioning=True).collect().height
    con = duckdb.connect()
    n_dk = con.execute(f"select count(*) from read_parquet('{out}/articles/**/*.parquet', hive_partitioning=true)"
                       ).fetchall()[0][0]
    assert n_pd == n_pl == n_dk >= 25
    papers = {r[0] for r in con.execute(f"select distinct paper from read_parquet('{out}/articles/**/*.parquet', "
                                         "hive_partitioning=true)").fetchall()}
    assert "衡阳日报" in papers


def test_markdown_and_folder_required(filled, tmp_path):
    r = cli("export", "--db", filled, "--format", "md")
    assert r.returncode == 1 and "--out" in r.stderr
    out = tmp_path / "md"
    cli("export", "--db", filled, "--format", "md", "--out", str(out), "--person", "秦国文")
    [f] = list(out.glob("*.md"))
    assert "# 秦国文到衡山科学城调研" in f.read_text(encoding="utf-8")
