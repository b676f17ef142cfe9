"""The seed page (衡阳日报 2021-07-31, p1) through the `jianbao cut` command and shared/eval/score.py."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEED, SHARED, needs_shared

PERFECT = ["article_f1", "kicker_acc", "headline_acc", "subheadline_acc", "byline_acc",
           "dateline_acc", "reporters_f1", "paragraph_f1", "column_breaks_joined"]


@needs_shared
def test_seed_page_scores_perfectly(tmp_path):
    out = tmp_path / "seed.json"
    run = subprocess.run([sys.executable, "-m", "jianbao", "cut", str(SEED), "--paper", "衡阳日报",
                          "--date", "2021-07-31", "--page", "1", "--no-tag"],
                         capture_output=True, text=True, check=True)
    out.write_text(run.stdout, encoding="utf-8")
    gold = SEED.with_name(SEED.stem + ".gold.json")
    score = subprocess.run([sys.executable, str(SHARED / "eval/score.py"), str(gold), str(out),
                            "--input", str(SEED), "--json"], capture_output=True, text=True, check=True)
    m = json.loads(score.stdout)
    assert {k: m[k] for k in PERFECT} == {k: 1.0 for k in PERFECT}
    assert m["lost_chars"] == 0
    doc = json.loads(run.stdout)
    assert doc["page"]["paper"] == "衡阳日报" and doc["page"]["date"] == "2021-07-31"
    assert doc["furniture"] == [{"kind": "column_logo", "text": "学党史 悟思想 办实事 开新局"}]


@needs_shared
def test_seed_joins_exactly_the_nine_column_breaks():
    from jianbao.pipeline import cut, read_path
    from jianbao.settings import Settings
    s = Settings(tag=False)
    doc = cut(read_path(SEED, s), s)
    breaks = [j for j in doc.joins if j.reason == "column_break"]
    assert len(breaks) == 9
    assert all(j.reason in ("column_break", "headline_wrap") for j in doc.joins)
