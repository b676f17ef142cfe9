"""Reprints (store/reprints.py): MinHash/LSH units, and stories linked across papers in the archive
(both backends), kept right when pages are replaced, collapsed in search, marked in the exports.
Texts come from jianbao.synth.reprints (composed from jianbao's own word lists)."""
from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys

import pytest

from jianbao.model import Article, PageDoc, PageMeta
from jianbao.store import open_archive
from jianbao.store import reprints as R
from jianbao.store.db import connect
from jianbao.synth.reprints import story_pair

REPRINT, TRADITIONAL, LOOKALIKE = 6, 5, 2     # seeds of story_pair: a reprint, one in 繁体, a look-alike


def body(paras: list[str]) -> np.ndarray:
    return R.shingles("\n".join(paras))


np = pytest.importorskip("numpy")


# ---- MinHash and LSH --------------------------------------------------------------------------

def test_same_text_same_bands_in_every_process():
    (_, paras), _ = story_pair(REPRINT)
    here = R.band_hashes(R.signature(body(paras)))
    code = ("import json; from jianbao.store import reprints as R; from jianbao.synth.reprints import story_pair; "
            f"(_, p), _ = story_pair({REPRINT}); print(json.dumps(R.band_hashes(R.signature(R.shingles(chr(10).join(p))))))")
    for seed in ("0", "12345"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PATH": ""})
        assert json.loads(out.stdout) == here
    assert len(here) == R.BANDS and all(0 <= h < 2**62 for h in here)


@pytest.mark.parametrize("seed", [REPRINT, TRADITIONAL], ids=["changed-lead", "traditional"])
def test_a_reprint_with_a_changed_lead_is_found(seed):
    (_, a), (_, b) = story_pair(seed)
    assert a[0][:6] != b[0][:6]                      # the lead was rewritten
    sa, sb = body(a), body(b)
    assert set(R.band_hashes(R.signature(sa))) & set(R.band_hashes(R.signature(sb)))   # an LSH candidate
    assert R.overlap(sa, sb) >= R.THRESHOLD


def test_another_report_of_the_same_official_is_not():
    (_, a), (_, b) = story_pair(LOOKALIKE, reprint=False)
    assert R.overlap(body(a), body(b)) < R.THRESHOLD


def test_a_page_at_once_gives_each_text_its_own_values():
    """page_signatures and page_band_hashes (all of a page's articles in one pass, at ingest) give what
    shingles, signature and band_hashes give one text at a time: no shingle across two texts, texts too
    short to sign (None), empty and one-character ones among them."""
    texts = ["\n".join(p) for seed in (REPRINT, TRADITIONAL, LOOKALIKE) for pair in story_pair(seed) for _, p in [pair]]
    texts[1:1] = ["", "短", "市长到县里调研。" * 2, "ＡＢＣ，繁體字。" * 3]
    got = R.page_signatures(texts)
    assert len(got) == len(texts)
    for text, (sh, sig) in zip(texts, got):
        one = R.shingles(text)
        assert sh.dtype == one.dtype and np.array_equal(sh, one)
        if len(one) < R.MIN_SHINGLES:
            assert sig is None
        else:
            assert np.array_equal(sig, R.signature(one))
    signed = [sig for _, sig in got if sig is not None]
    assert len(signed) == 6
    assert R.page_band_hashes(signed) == [R.band_hashes(sig) for sig in signed]
    assert R.page_signatures([]) == [] and R.page_band_hashes([]) == []


def test_folding_and_punctuation_do_not_matter():
    text = "市委書記秦國文赴衡山科學城調研，強調要加快推進ＡＩ產業發展。" * 3
    assert np.array_equal(R.shingles(text), R.shingles(text.replace("，", " ").replace("ＡＩ", "ai")))
    assert np.array_equal(R.shingles("秦國文"), R.shingles("秦国文"))


# ---- the archive ----------------------------------------------------------------------------------

def page(paper: str, date: str, no: str, articles: list[tuple[str, list[str]]], uid: str = "") -> tuple[PageDoc, str]:
    arts = [Article(id=f"{uid or paper}-{date}-{no}-{k}", headline=h, paragraphs=list(p))
            for k, (h, p) in enumerate(articles)]
    text = "\n\n".join(h + "\n" + "\n".join(p) for h, p in articles)
    doc = PageDoc(PageMeta(paper, date, no, "要闻", f"{paper}-{no}.md"), arts)
    doc.sha1 = hashlib.sha1((paper + date + no + text).encode()).hexdigest()
    return doc, text


def stories(a) -> set[frozenset[int]]:
    rows = a.db.fetchall("SELECT story_id, article_id FROM article_stories")
    out: dict[int, set[int]] = {}
    for s, aid in rows:
        out.setdefault(int(s), set()).add(int(aid))
    return {frozenset(v) for v in out.values()}


@pytest.fixture
def texts():
    (ha, a), (hb, b) = story_pair(REPRINT)
    (_, c), (hd, d) = story_pair(LOOKALIKE, reprint=False)
    (_, t), (ht, tt) = story_pair(TRADITIONAL)
    return {"story": (ha, a), "reprint": (hb, b), "other": (hd, d), "other0": ("另一篇", c),
            "t": ("繁体原稿", t), "trad": (ht, tt)}


def test_stories_linked_across_papers(db_target, texts):
    with open_archive(db_target) as a:
        a.add(*page("临江日报", "2023-05-12", "1", [texts["story"], texts["other0"]]))
        a.add(*page("青溪晚报", "2023-05-13", "3", [texts["other"], texts["reprint"]]))
        a.add(*page("沙湾晚报", "2023-05-14", "2", [texts["trad"]]))
        a.add(*page("沙湾晚报", "2023-05-15", "2", [texts["t"]]))
        got = stories(a)
        assert len(got) == 2                      # the story with its reprint; the traditional pair
        hits = a.search(texts["story"][1][1][:8])     # a paragraph both printings have
        assert len(hits) == 2 and hits[0].story_id is not None and hits[0].story_id == hits[1].story_id
        assert all(h.printings == 2 for h in hits)
        la = a.logical(hits[0].logical_id)
        assert la.story_id is not None
        assert [(p.paper, p.date, p.page) for p in la.printings] == [
            ("临江日报", "2023-05-12", "1"), ("青溪晚报", "2023-05-13", "3")]
        assert la.printings[1].headline == texts["reprint"][0]
        other = a.logical(a.search(texts["other"][1][0][:10])[0].logical_id)
        assert other.story_id is None and other.printings == []


def test_collapse_in_search(db_target, texts):
    with open_archive(db_target) as a:
        a.add(*page("临江日报", "2023-05-12", "1", [texts["story"]]))
        a.add(*page("青溪晚报", "2023-05-13", "3", [texts["reprint"], texts["other"]]))
        a.add(*page("荷塘日报", "2023-05-14", "4", [texts["reprint"]]))
        q = texts["story"][1][2][:6]
        every = a.search(q)
        assert len(every) == 3 and all(h.printings == 3 for h in every)
        [one] = a.search(q, collapse=True)
        assert one.printings == 3 and one.story_id == every[0].story_id
        assert len(a.find(q, collapse=True, sort="newest")) == 1
        assert len(a.find(None, collapse=True)) == 2          # the story once, the look-alike


def test_replace_and_rerun_keep_stories_right(db_target, texts):
    with open_archive(db_target) as a:
        a.add(*page("临江日报", "2023-05-12", "1", [texts["story"]]))
        b = page("青溪晚报", "2023-05-13", "3", [texts["reprint"]])
        c = page("荷塘日报", "2023-05-14", "4", [texts["reprint"]])
        a.add(*b)
        a.add(*c)
        assert len(stories(a)) == 1 and len(next(iter(stories(a)))) == 3
        pairs = a.db.fetchone("SELECT count(*) FROM reprint_pairs")[0]
        assert a.add(*b) == "unchanged"                           # a rerun adds nothing
        assert a.db.fetchone("SELECT count(*) FROM reprint_pairs")[0] == pairs
        # 青溪晚报's page replaced by one without the story: the other two printings stay one story
        assert a.add(*page("青溪晚报", "2023-05-13", "3", [texts["other"]])) == "replaced"
        [story] = stories(a)
        assert len(story) == 2
        assert a.db.fetchone("SELECT count(*) FROM article_bands WHERE article_id NOT IN "
                             "(SELECT id FROM articles)")[0] == 0
        # and 荷塘日报's too: nothing left to link
        a.add(*page("荷塘日报", "2023-05-14", "4", [texts["other0"]]))
        assert stories(a) == set()
        assert a.db.fetchone("SELECT count(*) FROM reprint_pairs")[0] == 0


def test_an_id_given_again_by_another_writer_is_read_anew(db_target, texts):
    """The signatures a writer keeps in memory (reprints._kept) never stand for an article another
    connection stored since under the same id: SQLite gives a deleted last page's ids to the next
    articles. Here 青溪晚报's last page is replaced by another writer with a reprint, under the ids its
    first version had; the first writer, which kept that version's signature, still links its next
    printing to it."""
    with open_archive(db_target) as a, open_archive(db_target) as other:
        a.add(*page("临江日报", "2023-05-12", "1", [texts["story"]]))
        a.add(*page("青溪晚报", "2023-05-13", "3", [texts["other"]]))
        first = {int(r[0]) for r in a.db.fetchall("SELECT id FROM articles WHERE paper='青溪晚报'")}
        other.add(*page("青溪晚报", "2023-05-13", "3", [texts["reprint"]]))   # replaced elsewhere
        again = {int(r[0]) for r in a.db.fetchall("SELECT id FROM articles WHERE paper='青溪晚报'")}
        assert first == again or a.db.dialect != "sqlite"                # the id given again
        a.add(*page("沙湾晚报", "2023-05-14", "2", [texts["reprint"]]))
        [story] = stories(a)
        assert len(story) == 3
        new = max(story)          # linked to both: the story, and the replacing printing (the same text)
        assert {int(r[0]) for r in a.db.fetchall("SELECT other_id FROM reprint_pairs WHERE article_id=?",
                                                   (new,))} == story - {new}


def test_continued_parts_are_not_reprints(db_target, texts):
    h, paras = texts["story"]
    first = Article(id="p1-a", headline=h, paragraphs=paras, continued_on="2", continued_on_id="p2-a")
    second = Article(id="p2-a", headline=h, paragraphs=paras[:-1], continued_from="1", continued_from_id="p1-a")
    with open_archive(db_target) as a:
        for no, art in (("1", first), ("2", second)):
            doc = PageDoc(PageMeta("临江日报", "2023-05-12", no, "要闻", f"p{no}.md"), [art])
            doc.sha1 = hashlib.sha1(no.encode()).hexdigest()
            a.add(doc, "\n".join(art.paragraphs))
        assert a.db.fetchone("SELECT count(DISTINCT logical_id) FROM articles")[0] == 1
        assert stories(a) == set()


def test_older_archive_gains_its_stories(tmp_path, texts):
    target = str(tmp_path / "a.db")
    with open_archive(target) as a:
        a.add(*page("临江日报", "2023-05-12", "1", [texts["story"]]))
        a.add(*page("青溪晚报", "2023-05-13", "3", [texts["reprint"]]))
        before = stories(a)
    db = connect(target)
    for t in ("article_bands", "article_sigs", "reprint_pairs", "article_stories"):
        db.execute(f"DROP TABLE {t}")
    db.execute("UPDATE meta SET value='7' WHERE key='schema_version'")
    db.close()
    with open_archive(target) as a:                 # migrates: step 8's backfill links them again
        assert stories(a) == before and len(before) == 1


def test_new_pairs_join_stories_as_whole_regrouping_would(tmp_path):
    """Pairs added a batch at a time (each batch joining, merging and naming stories incrementally)
    leave the stories that regrouping every connected component from scratch gives."""
    import random
    with open_archive(str(tmp_path / "a.db")) as a:
        db = a.db
        db.execute("INSERT INTO pages(page_key, sha1, text, doc, ingested_at) VALUES ('p','p','','{}','')")
        for k in range(1, 61):
            db.execute("INSERT INTO articles(id, uid, page_id, seq, kind, body) VALUES (?,?,1,?,'news','')",
                       (k, f"u{k}", k))
        rng = random.Random(7)
        for _ in range(25):
            pairs = sorted({(max(x, y), min(x, y)) for x, y in
                            ((rng.randint(1, 60), rng.randint(1, 60)) for _ in range(rng.randint(1, 4))) if x != y})
            with db.transaction():
                db.executemany("INSERT INTO reprint_pairs(article_id, other_id, similarity) VALUES (?,?,1) "
                               "ON CONFLICT DO NOTHING", pairs)
                R._join(db, pairs)
            got = sorted(db.fetchall("SELECT article_id, story_id FROM article_stories ORDER BY article_id"))
            with db.transaction():
                db.execute("DELETE FROM article_stories")
                R._regroup(db, set(range(1, 61)))
            assert got == sorted(db.fetchall("SELECT article_id, story_id FROM article_stories ORDER BY article_id"))
        assert len(stories(a)) < 30 and max(len(s) for s in stories(a)) > 5    # merges happened


def test_exports_mark_printings(tmp_path, texts):
    from jianbao.export.archive import export_archive
    with open_archive(str(tmp_path / "a.db")) as a:
        a.add(*page("临江日报", "2023-05-12", "1", [texts["story"], texts["other0"]]))
        a.add(*page("青溪晚报", "2023-05-13", "3", [texts["reprint"]]))
        export_archive(a, "csv", tmp_path / "csv")
        export_archive(a, "ninjs", tmp_path / "ninjs")
        with open(tmp_path / "csv" / "articles.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        marked = [r for r in rows if r["story_id"]]
        assert len(marked) == 2 and {r["printings"] for r in marked} == {"2"}
        assert len({r["story_id"] for r in marked}) == 1
        assert [r["printings"] for r in rows if not r["story_id"]] == ["1"]
        lid = int(marked[0]["article_id"])
        doc = json.loads((tmp_path / "ninjs" / f"{lid}.json").read_text(encoding="utf-8"))
        [assoc] = doc["associations"]
        assert assoc["rel"] == "reprint" and assoc["headlines"][0]["value"] == marked[1]["headline"]
        assert {"role": "paper", "value": marked[1]["paper"]} in assoc["altIds"]
        assert {"role": "story", "value": f"urn:jianbao:story:{marked[0]['story_id']}"} in doc["altIds"]
        export_archive(a, "jsonl", tmp_path / "pages.jsonl")
        docs = [json.loads(x) for x in (tmp_path / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
        arts = [x for d in docs for x in d["articles"]]
        assert sorted(x["printings"] for x in arts) == [1, 2, 2]
        assert len({x["story_id"] for x in arts if x["printings"] == 2}) == 1
        assert [x["story_id"] for x in arts if x["printings"] == 1] == [None]
        if pytest.importorskip("pyarrow"):
            import pyarrow.parquet as pq
            export_archive(a, "parquet", tmp_path / "pq")
            t = pq.read_table(tmp_path / "pq" / "articles")
            assert sorted(x for x in t.column("printings").to_pylist()) == [1, 2, 2]


def test_web_and_cli_collapse(db_target, texts):
    from web_helpers import client_for

    def fill(target):
        with open_archive(target) as a:
            a.add(*page("临江日报", "2023-05-12", "1", [texts["story"]]))
            a.add(*page("青溪晚报", "2023-05-13", "3", [texts["reprint"], texts["other"]]))
            a.add(*page("荷塘日报", "2023-05-14", "4", [texts["reprint"]]))

    q = texts["story"][1][2][:6]
    with client_for(db_target, fill) as c:
        every = c.get("/api/search", params={"q": q}).json()["hits"]
        assert len(every) == 3 and {h["printings"] for h in every} == {3}
        [one] = c.get("/api/search", params={"q": q, "collapse": 1}).json()["hits"]
        assert one["printings"] == 3 and one["story_id"] == every[0]["story_id"] is not None
        html = c.get("/search", params={"q": q}).text
        assert "共 3 次刊载" in html and "合并转载" in html and "collapse=1" in html
        html = c.get("/search", params={"q": q, "collapse": 1}).text
        assert html.count('class="hit"') == 1 and "转载分开列出" in html
        art = c.get(f"/api/articles/{one['article_id']}").json()
        assert [(p["paper"], p["page"]) for p in art["printings"]] == [("临江日报", "1"), ("青溪晚报", "3"), ("荷塘日报", "4")]
        assert "共 3 次刊载" in c.get(f"/article/{one['article_id']}").text
    run = lambda *more: subprocess.run([sys.executable, "-m", "jianbao", "search", q, "--db", db_target, "--json", *more],
                                       capture_output=True, text=True)
    every, one = run(), run("--collapse")
    assert every.returncode == 0 and one.returncode == 0, every.stderr + one.stderr
    assert len(every.stdout.splitlines()) == 3
    [hit] = [json.loads(x) for x in one.stdout.splitlines()]
    assert hit["printings"] == 3 and hit["story_id"] is not None
    text = subprocess.run([sys.executable, "-m", "jianbao", "search", q, "--db", db_target, "--collapse"],
                          capture_output=True, text=True).stdout
    assert "3 printings" in text
