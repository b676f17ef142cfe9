"""The `jianbao cut` command: formats, outputs, standard input, and bad input in a batch."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import opencc

PAGE = """临江日报 2023年5月12日 星期五 第1版 要闻

# 市委书记王立新调研科技园区建设

■本报记者 赵明

**本报讯** 5月11日上午，市委书记王立新到临江科技园调研园区建设和企业生产情况。

王立新强调，要加快项目建设进度，优化营商环境，推动园区高质量发展。

责任编辑：李华 版式：周敏
"""


def jianbao(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jianbao", *args], input=stdin, capture_output=True, cwd=cwd)


def write(tmp: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp / name
    p.write_bytes(text.encode(encoding))
    return p


def test_one_page_gives_one_json_document(tmp_path):
    p = write(tmp_path, "page.md", PAGE)
    r = jianbao("cut", str(p), "--no-tag")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["page"] == {"paper": "临江日报", "date": "2023-05-12", "page": "1", "section": "要闻",
                           "source": "page.md"}
    [a] = doc["articles"]
    assert a["headline"] == "市委书记王立新调研科技园区建设"
    assert (a["byline"], a["reporters"], a["dateline"]) == ("本报记者 赵明", ["赵明"], "本报讯")
    assert [f["kind"] for f in doc["furniture"]] == ["page_header", "page_footer"]


def test_flags_beat_the_page_and_the_file_name(tmp_path):
    p = write(tmp_path, "yunzhou-evening-2021-09-18-p05.md", PAGE.replace("临江日报 2023年5月12日 星期五 第1版 要闻\n", ""))
    doc = json.loads(jianbao("cut", str(p), "--no-tag").stdout)
    assert (doc["page"]["paper"], doc["page"]["date"], doc["page"]["page"]) == ("yunzhou-evening", "2021-09-18", "5")
    doc = json.loads(jianbao("cut", str(p), "--no-tag", "--paper", "云州晚报", "--date", "2021-09-19",
                             "--page", "6").stdout)
    assert (doc["page"]["paper"], doc["page"]["date"], doc["page"]["page"]) == ("云州晚报", "2021-09-19", "6")


def test_bad_date_flag_says_how_to_write_it(tmp_path):
    r = jianbao("cut", str(write(tmp_path, "p.md", PAGE)), "--date", "31/07/2021")
    assert r.returncode == 2 and b"YYYY-MM-DD" in r.stderr


def test_standard_input(tmp_path):
    r = jianbao("cut", "-", "--no-tag", "--format", "md", stdin=PAGE.encode("gb18030"))
    assert r.returncode == 0, r.stderr
    md = r.stdout.decode()
    assert "# 市委书记王立新调研科技园区建设" in md and "王立新强调" in md


def test_several_pages_give_json_lines_and_a_summary(tmp_path):
    for n in range(3):
        write(tmp_path, f"p{n}.md", PAGE)
    r = jianbao("cut", str(tmp_path), "--no-tag")
    lines = r.stdout.decode().strip().splitlines()
    assert r.returncode == 0 and len(lines) == 3
    assert all(json.loads(x)["articles"] for x in lines)
    assert b"cut 3 page(s) into 3 article(s)" in r.stderr


def test_out_folder_gets_one_file_per_page_in_each_format(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    write(src, "a.md", PAGE)
    write(src, "b.txt", PAGE)
    for fmt, suffix in (("json", ".json"), ("md", ".md"), ("text", ".txt")):
        out = tmp_path / fmt
        r = jianbao("cut", str(src), "--no-tag", "--format", fmt, "--out", str(out))
        assert r.returncode == 0, r.stderr
        assert sorted(p.name for p in out.iterdir()) == [f"a{suffix}", f"b{suffix}"]
    assert "王立新强调" in (tmp_path / "text" / "a.txt").read_text(encoding="utf-8")


def test_glob_argument(tmp_path):
    write(tmp_path, "x1.md", PAGE)
    write(tmp_path, "x2.md", PAGE)
    r = jianbao("cut", str(tmp_path / "x*.md"), "--no-tag")
    assert r.returncode == 0 and len(r.stdout.decode().strip().splitlines()) == 2


def test_a_bad_batch_reports_each_failure_and_cuts_the_rest(tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    write(d, "01-utf8.md", PAGE)
    write(d, "02-gbk.md", PAGE, "gbk")
    write(d, "03-big5.md", opencc.OpenCC("s2t").convert(PAGE), "big5")
    write(d, "04-bom.md", PAGE, "utf-8-sig")
    (d / "05-empty.md").write_bytes(b"")
    (d / "06-binary.md").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    write(d, "07-furniture.md", "临江日报 2023年5月12日 星期五\n\n第2版 要闻\n\n责任编辑：李华 版式：周敏\n")
    (d / "08-sjis.txt").write_bytes(("これは日本語の新聞記事です。" * 20).encode("shift_jis"))
    big = d / "09-huge.md"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    r = jianbao("cut", str(d), "--no-tag")
    err = r.stderr.decode()
    assert r.returncode == 1
    docs = [json.loads(x) for x in r.stdout.decode().strip().splitlines()]
    assert [x["page"]["source"] for x in docs] == ["01-utf8.md", "02-gbk.md", "03-big5.md", "04-bom.md"]
    assert docs[2]["page"]["paper"] == "临江日报"  # traditional header normalised
    for name, reason in (("05-empty.md", "empty"), ("06-binary.md", "binary"), ("07-furniture.md", "no articles"),
                         ("08-sjis.txt", "not UTF-8"), ("09-huge.md", "too large")):
        line = next((x for x in err.splitlines() if name in x and "jianbao:" in x), "")
        assert reason in line, (name, err)
        assert "Traceback" not in err
    assert "4 failed" not in err and "5 failed" in err


def test_missing_path_is_a_usage_error(tmp_path):
    r = jianbao("cut", str(tmp_path / "nope.md"))
    assert r.returncode == 2 and b"no such file" in r.stderr


def test_page_without_headline_warns_but_succeeds(tmp_path):
    p = write(tmp_path, "p.md", "5月11日，市委书记王立新到临江科技园调研园区建设和企业生产情况。\n\n王立新强调，要加快项目建设。\n")
    r = jianbao("cut", str(p), "--no-tag")
    assert r.returncode == 0
    assert b"no headline" in r.stderr
    assert json.loads(r.stdout)["articles"][0]["headline"] is None


def test_traditional_page_is_cut_like_a_simplified_one(tmp_path):
    trad = opencc.OpenCC("s2t").convert(PAGE)
    doc = json.loads(jianbao("cut", str(write(tmp_path, "t.md", trad, "big5")), "--no-tag").stdout)
    [a] = doc["articles"]
    assert (a["byline"], a["dateline"]) == ("本報記者 趙明", "本報訊")  # printed text is kept
    assert doc["page"]["paper"] == "临江日报"  # metadata is normalised
    assert [f["kind"] for f in doc["furniture"]] == ["page_header", "page_footer"]


def test_inline_byline_with_names_glued_together(tmp_path):
    page = "# 潭口镇举办农民丰收节\n\n本报潭口讯（刘嘉涛龚源耀）9月23日，潭口镇在文化广场举办农民丰收节，展出农产品200余种。\n"
    doc = json.loads(jianbao("cut", str(write(tmp_path, "p.md", page)), "--no-tag").stdout)
    [a] = doc["articles"]
    assert (a["dateline"], a["byline"], a["reporters"]) == ("本报潭口讯", "刘嘉涛龚源耀", ["刘嘉涛", "龚源耀"])
    assert a["paragraphs"][0].startswith("9月23日")
