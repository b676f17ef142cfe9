"""Opening archives: new, not an archive, older schema (migrated), newer schema, read-only."""
from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys

import pytest

from jianbao.store import ArchiveError, open_archive
from jianbao.store.db import connect
from jianbao.store.schema import SCHEMA_VERSION, create
from tag_docs import page, visit


def test_new_archive_is_created_with_the_current_schema(db_target):
    with open_archive(db_target) as a:
        assert a.db.fetchone("SELECT value FROM meta WHERE key='schema_version'")[0] == str(SCHEMA_VERSION)
        assert a.stats()["pages"] == 0


def test_a_file_that_is_not_a_database(tmp_path):
    p = tmp_path / "notes.db"
    p.write_text("这不是数据库" * 100, encoding="utf-8")
    with pytest.raises(ArchiveError, match="not a jianbao archive"):
        open_archive(str(p))


def test_a_database_that_is_not_an_archive(tmp_path):
    p = tmp_path / "other.db"
    sqlite3.connect(p).execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(ArchiveError, match="holds other tables"):
        open_archive(str(p))


def test_an_older_schema_is_migrated_and_keeps_its_data(db_target):
    db = connect(db_target)
    create(db, version=1)
    db.execute("INSERT INTO pages(paper, date, page, source, page_key, sha1, text, doc, ingested_at) "
               "VALUES ('衡阳日报','2021-07-31','1','x.md','k','s','t','{\"articles\": []}','now')")
    pid = db.fetchone("SELECT id FROM pages")[0]
    db.execute("INSERT INTO articles(uid, page_id, seq, kind, body) VALUES ('u', ?, 0, 'news', '正文，25.5亿')", (pid,))
    aid = db.fetchone("SELECT id FROM articles")[0]
    db.execute("INSERT INTO paragraphs(article_id, seq, text) VALUES (?, 0, '正文，25.5亿')", (aid,))
    db.close()
    with open_archive(db_target) as a:
        assert a.db.fetchone("SELECT value FROM meta WHERE key='schema_version'")[0] == str(SCHEMA_VERSION)
        assert a.db.fetchone("SELECT logical_id = id, part FROM articles")[0] in (1, True)
        # the stored text is searchable as the current version indexes it (runs kept apart)
        assert a.count("正文") == 1 and a.count('"25.5亿"') == 1 and a.count("25亿") == 0
        a.add(*page("衡阳日报", "2021-08-01", "1", [visit("秦国文", "市委书记", "雁峰区", "2021-07-31")]))


def _has_index(db, name: str) -> bool:
    if db.dialect == "sqlite":
        return db.fetchone("SELECT 1 FROM sqlite_master WHERE type='index' AND name=?", (name,)) is not None
    return db.fetchone("SELECT 1 FROM pg_indexes WHERE indexname=? AND schemaname=current_schema()",
                       (name,)) is not None


def test_reading_indexes_are_added_to_an_archive_that_lacks_them(db_target):
    """An archive built before an index existed gains it at its next writable open, data kept;
    a read-only open leaves the archive as it is."""
    with open_archive(db_target) as a:
        a.add(*page("衡阳日报", "2021-08-01", "1", [visit("秦国文", "市委书记", "雁峰区", "2021-07-31")]))
        assert _has_index(a.db, "articles_keys")
        a.db.execute("DROP INDEX articles_keys")
    with open_archive(db_target, readonly=True) as a:
        assert not _has_index(a.db, "articles_keys") and a.count("雁峰区") == 1
    with open_archive(db_target) as a:
        assert _has_index(a.db, "articles_keys") and a.count("雁峰区") == 1


def test_a_newer_schema_is_refused(db_target):
    with open_archive(db_target) as a:
        a.db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(ArchiveError, match="newer than this jianbao"):
        open_archive(db_target)


def test_read_only_sqlite_archive_can_be_searched(tmp_path):
    p = tmp_path / "ro" / "archive.db"
    p.parent.mkdir()
    with open_archive(str(p)) as a:
        a.add(*page("衡阳日报", "2021-07-31", "1", [visit("秦国文", "市委书记", "衡山科学城", "2021-07-30")]))
    os.chmod(p, stat.S_IRUSR | stat.S_IRGRP)
    os.chmod(p.parent, stat.S_IRUSR | stat.S_IXUSR)
    try:
        r = subprocess.run([sys.executable, "-m", "jianbao", "search", "科学城", "--db", str(p), "--json"],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert "秦国文到衡山科学城调研" in r.stdout
        with open_archive(str(p), readonly=True) as a, pytest.raises(ArchiveError, match="read-only"):
            a.add(*page("衡阳日报", "2021-08-01", "1", [visit("朱健", "市长", "雁峰区", "2021-07-31")]))
    finally:
        os.chmod(p.parent, stat.S_IRWXU)
        os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)


def test_missing_archive_for_reading_says_how_to_build_one(tmp_path):
    r = subprocess.run([sys.executable, "-m", "jianbao", "search", "调研", "--db", str(tmp_path / "none.db")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "jianbao ingest" in r.stderr


def test_unreachable_postgresql_is_a_clear_message():
    r = subprocess.run([sys.executable, "-m", "jianbao", "search", "调研", "--db",
                        "postgresql://nobody:secret@127.0.0.1:1/none"], capture_output=True, text=True)
    assert r.returncode == 1 and "cannot connect" in r.stderr and "secret" not in r.stderr


def test_the_sample_index_is_built_for_an_older_archive_and_kept_by_every_write(tmp_path):
    """Schema 2 had no sample index: the first writable open builds it from the stored articles; pages
    added or replaced keep it holding exactly the sampled articles (old text gone from it too)."""
    from jianbao.model import Article
    from jianbao.store.index import in_sample

    def sampled(a, word):
        return {r[0] for r in a.db.fetchall("SELECT rowid FROM article_fts_sample WHERE article_fts_sample MATCH ?",
                                            (f'"{word}"',))}

    def ids(a, word):
        return {r[0] for r in a.db.fetchall("SELECT rowid FROM article_fts WHERE article_fts MATCH ?", (f'"{word}"',))}

    p = str(tmp_path / "a.db")
    with open_archive(p) as a:
        for k in range(40):
            a.add(*page("衡阳日报", f"2021-08-{k % 28 + 1:02d}", str(k), [Article(headline=f"稻田{k}", paragraphs=["水稻"]),
                                                                       Article(headline="小麦", paragraphs=["秋收"])]))
        a.db.execute("DROP TABLE article_fts_sample")
        a.db.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
    with pytest.raises(ArchiveError, match="older"):
        open_archive(p, readonly=True)
    with open_archive(p) as a:
        assert a.db.fetchone("SELECT value FROM meta WHERE key='schema_version'")[0] == str(SCHEMA_VERSION)
        rice = ids(a, "水稻")
        assert sampled(a, "水稻") == {i for i in rice if in_sample(i)} and sampled(a, "水稻")
        for k in range(40):   # each page again with new text: its articles replaced
            a.add(*page("衡阳日报", f"2021-08-{k % 28 + 1:02d}", str(k), [Article(headline=f"玉米{k}", paragraphs=["丰收"])]))
        assert ids(a, "水稻") == set() and sampled(a, "水稻") == set() and sampled(a, "秋收") == set()
        corn = ids(a, "玉米")
        assert len(corn) == 40 and sampled(a, "玉米") == {i for i in corn if in_sample(i)}


def test_migration_indexes_the_articles_a_batch_at_a_time(db_target):
    """Every article is indexed when the archive is re-indexed in batches smaller than its size."""
    from jianbao.store.index import index_all
    from jianbao.model import Article
    with open_archive(db_target) as a:
        for k in range(7):
            a.add(*page("衡阳日报", f"2021-08-{k + 1:02d}", "1", [Article(headline=f"第{k}篇", paragraphs=["秋收进度过半"]),
                                                                Article(headline="小麦", paragraphs=["秋收"])]))
        if a.db.dialect == "sqlite":
            for index in ("article_fts", "article_fts_sample"):
                a.db.execute(f"INSERT INTO {index}({index}) VALUES ('delete-all')")
        else:
            a.db.execute("UPDATE articles SET tsv = NULL")
        assert a.count("秋收") == 0
        index_all(a.db, batch=3)
        assert a.count("秋收") == 14 and a.count("进度过半") == 7


def test_every_step_after_the_base_runs_on_create_and_on_migrate(tmp_path):
    """A new archive and a version-6 archive migrated end with the same tables and columns."""
    from jianbao.store.db import connect
    from jianbao.store.schema import BASE_VERSION

    def layout(db):
        return sorted(db.fetchall("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                                  "WHERE m.type='table' AND m.name NOT LIKE 'article_fts%'"))
    old = connect(str(tmp_path / "old.db"))
    create(old, version=BASE_VERSION)
    old.close()
    with open_archive(str(tmp_path / "old.db")) as a:
        migrated = layout(a.db)
        assert a.db.fetchone("SELECT value FROM meta WHERE key='schema_version'")[0] == str(SCHEMA_VERSION)
    with open_archive(str(tmp_path / "new.db")) as a:
        assert layout(a.db) == migrated
