"""A PDF printed from a paper's web edition (issue 19): each article followed by its source line
(《…》（…第 01 版）, 来源：… 第1版) and a page counter (第 N 页) at the foot of every printed page. In
the PDF's text layer these are furniture, never a headline or an article, as they are in markdown
(tests/test_cut_furniture_forms.py). Every page here is invented and drawn with reportlab."""
from __future__ import annotations

import io

import pytest

from jianbao.batch import iter_path
from jianbao.errors import Unreadable
from jianbao.read.pdf import iter_pdf
from read_helpers import SETTINGS, need_pages

GREEN = ("临江新区启动春季植树活动", [
    "本报讯（记者 林晓）3月25日，临江新区组织干部群众在滨江绿道开展春季义务植树活动，共栽下香樟、"
    "桂花等树苗两千余株，新增绿地十余公顷。",
    "活动现场，干部群众分工协作，挖坑、扶苗、培土、浇水，一派热火朝天的景象。新区负责人表示，将持续"
    "推进城市绿化工作。"])
CARE = ("东岭镇建成首个乡村养老服务中心", [
    "本报讯（记者 周原）日前，东岭镇乡村养老服务中心正式投入使用，可为周边三个村的老人提供助餐、日间"
    "照料和康复服务。",
    "该中心由闲置村小学改建而成，设有床位四十张，配备专职护理人员八名，首批已有二十余位老人入住。"])
SOURCE = "《临江日报》（2019年02月01日 第 01 版）"
CREDIT = "来源：临江日报 2019-02-01 第1版"


def _print(pages: list[list[tuple[tuple[str, list[str]], str]]], source_size: float) -> bytes:
    """Pages of (article, source line) in one column, as a browser prints them, 第 N 页 at the foot."""
    from reportlab.pdfgen import canvas
    from jianbao.synth.pdfpage import cjk_font
    font = cjk_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(842, 1300), invariant=1)
    for n, articles in enumerate(pages, 1):
        y = 1200.0
        for (head, paras), source in articles:
            c.setFont(font, 22)
            c.drawString(80, y, head)
            y -= 40
            for p in paras:
                c.setFont(font, 11)
                for k in range(0, len(p), 40):
                    c.drawString(80 + (22 if k == 0 else 0), y, p[k:k + 40])
                    y -= 17
                y -= 4
            c.setFont(font, source_size)
            c.drawString(80, y, source)
            y -= 50
        c.setFont(font, 10)
        c.drawString(400, 40, f"第 {n} 页")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("source_size", [9, 11, 16])
def test_page_counters_and_source_lines_in_a_pdf_are_furniture(tmp_path, source_size):
    need_pages()
    p = tmp_path / "web.pdf"
    p.write_bytes(_print([[(GREEN, SOURCE), (CARE, SOURCE)], [(CARE, CREDIT)]], source_size))
    assert not any(isinstance(x, Unreadable) for x in iter_pdf(p, SETTINGS))
    results = list(iter_path(str(p), SETTINGS))
    assert [r.source for r in results] == ["web.pdf#p1", "web.pdf#p2"]
    for r, heads, lines in ((results[0], [GREEN[0], CARE[0]], [SOURCE, "第 1 页"]),
                            (results[1], [CARE[0]], [CREDIT, "第 2 页"])):
        doc = r.doc
        assert [a.headline for a in doc.articles] == heads
        furniture = [f.text for f in doc.furniture]
        for line in lines:
            assert line in furniture, furniture
            for a in doc.articles:
                assert line not in (a.headline or "") and all(line not in x for x in a.paragraphs)
        assert (doc.meta.paper, doc.meta.date, doc.meta.page) == ("临江日报", "2019-02-01", "1")
        assert doc.articles[-1].paragraphs[-1].endswith("入住。")
