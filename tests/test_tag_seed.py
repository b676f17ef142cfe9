"""The seed page, handed the gold structure, scores perfectly on persons, titles and events."""
import importlib.util
import json
from pathlib import Path

import pytest

from jianbao.model import PageDoc
from jianbao.settings import Settings
from jianbao.tag import tag_doc

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "corpus" / "seed" / "hengyang-daily-2021-07-31-p01.gold.json"


@pytest.mark.skipif(not GOLD.exists(), reason="../shared is absent")
def test_seed_page_handed_the_gold_structure():
    spec = importlib.util.spec_from_file_location("jb_score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    doc = PageDoc.from_dict(gold)
    for a in doc.articles:
        a.persons, a.places, a.orgs, a.events = [], [], [], []
    m = score.score(gold, tag_doc(doc, Settings()).to_dict())
    assert m["person_f1"] == 1.0 and m["person_title_f1"] == 1.0 and m["event_f1"] == 1.0, m
    assert m["place_f1"] >= 0.9 and m["org_f1"] >= 0.9 and m["event_args_f1"] >= 0.9, m
