"""Issue 20, defect 3: an article continued from page 1 to page 2 of a PDF issue (下转第2版 … 上接第1版),
stored by `jianbao ingest`, is one logical article in search hits, on the article page (both parts, in
order, the jump noted), in the API and in exports; on SQLite and PostgreSQL, with no paper or date."""
from __future__ import annotations

import functools
import json
import warnings

from click.testing import CliRunner

from jianbao.cli import main
from jianbao.store import open_archive


@functools.lru_cache(maxsize=None)
def issue() -> tuple[bytes, str, str]:
    """(the PDF, the continued article's headline, words of its second part only)."""
    from read_helpers import need_pages
    need_pages()  # skipped, as the reader's tests are, where no CJK font is installed
    from jianbao.synth.issue import continued_issue
    pdf, gold = continued_issue(3)
    head = next(a for a in gold[0]["articles"] if a.get("continued_on"))
    tail = next(a for a in gold[1]["articles"] if a.get("continued_from"))
    words = next(w for w in (p[2:8] for p in tail["paragraphs"]) if w not in "".join(head["paragraphs"]))
    return pdf, head["headline"], words


def ingest(db_target: str, tmp_path) -> None:
    pdf = tmp_path / "issue.pdf"
    pdf.write_bytes(issue()[0])
    got = CliRunner().invoke(main, ["ingest", str(pdf), "--db", db_target, "--no-progress"])
    assert got.exit_code == 0, got.output


def test_ingested_pdf_jump_is_one_article(db_target, tmp_path):
    ingest(db_target, tmp_path)
    _, headline, words = issue()
    with open_archive(db_target) as a:
        [hit] = a.search(f'"{words}"')          # words of the second part find the whole article
        assert hit.parts == 2 and hit.headline.replace(" ", "") == headline.replace(" ", "")
        la = a.logical(hit.logical_id)
        assert la.pages == ["1", "2"] and len(la.part_ids) == 2
        assert any(words in p for p in la.article.paragraphs)
        heads = [h for h in a.search(headline.split()[0][:4], limit=50) if h.logical_id == hit.logical_id]
        assert len(heads) == 1                   # the two parts are one hit


def test_ingested_pdf_jump_in_api_page_and_export(db_target, tmp_path):
    ingest(db_target, tmp_path)
    _, headline, words = issue()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from jianbao.web import create_app
    with TestClient(create_app(db_target)) as c:
        [hit] = c.get("/api/search", params={"q": f'"{words}"'}).json()["hits"]
        art = c.get(f"/api/articles/{hit['article_id']}").json()
        assert [p["page"] for p in art["parts"]] == ["1", "2"]
        assert art["parts"][0]["continued_on"] == "2" and art["parts"][1]["continued_from"] == "1"
        html = c.get(f"/article/{hit['article_id']}").text
        assert "下转第2版" in html and "上接第1版" in html
        assert html.index("下转第2版") < html.index("上接第1版")   # the parts in order, each jump noted
    out = tmp_path / "csv"
    got = CliRunner().invoke(main, ["export", "--db", db_target, "--format", "csv", "--out", str(out)])
    assert got.exit_code == 0, got.output
    rows = [r for r in (out / "articles.csv").read_text(encoding="utf-8").splitlines() if words in r]
    assert len(rows) == 1
    ninjs = tmp_path / "ninjs"
    assert CliRunner().invoke(main, ["export", "--db", db_target, "--format", "ninjs", "--out", str(ninjs)]).exit_code == 0
    found = [f for f in ninjs.iterdir() if words in f.read_text(encoding="utf-8")]
    assert len(found) == 1 and headline.split()[0] in json.loads(found[0].read_text(encoding="utf-8"))["title"]


def test_either_part_first_and_replacing(db_target, tmp_path):
    """Page 2 stored before page 1 (another run), and the same PDF ingested again: still one article."""
    from jianbao.batch import iter_path
    from jianbao.settings import Settings
    pdf = tmp_path / "issue.pdf"
    pdf.write_bytes(issue()[0])
    docs = [(r.doc, r.text) for r in iter_path(str(pdf), Settings())]
    _, _, words = issue()
    with open_archive(db_target) as a:
        for doc, text in reversed(docs):
            a.add(doc, text)
        [hit] = a.search(f'"{words}"')
        assert hit.parts == 2 and a.logical(hit.logical_id).pages == ["1", "2"]
    ingest(db_target, tmp_path)
    with open_archive(db_target) as a:
        [hit] = a.search(f'"{words}"')
        assert hit.parts == 2
