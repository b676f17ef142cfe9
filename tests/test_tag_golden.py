"""Tagging floors: each gold article set (the examples, the seed, the 20 dev articles), handed its gold
structure, is tagged and scored by eval/score.py; no figure may fall below tests/tag_floors.json
silently. Raise the floors with scripts/pin_floors.py after a deliberate improvement."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, SHARED, load_scorer
from jianbao.model import PageDoc
from jianbao.settings import Settings
from jianbao.tag import tag_doc

FLOORS_FILE = ROOT / "tests/tag_floors.json"
FLOORS = json.loads(FLOORS_FILE.read_text(encoding="utf-8")) if FLOORS_FILE.exists() else {}
FIGURES = ["person_f1", "person_title_f1", "place_f1", "org_f1", "event_f1", "event_args_f1"]


def golds() -> list[Path]:
    found = sorted(EXAMPLES.glob("*.gold.json"))
    for sub in ("corpus/seed", "corpus/dev/single"):
        if (SHARED / sub).exists():
            found += sorted((SHARED / sub).glob("*.gold.json"))
    return found


def key(p: Path) -> str:
    return str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else "shared/" + str(p.relative_to(SHARED))


def tag_scores(path: Path) -> dict:
    """The tag figures of one gold file, its structure handed to the tagger without the tags."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc = PageDoc.from_dict(gold)
    for a in doc.articles:
        a.persons, a.places, a.orgs, a.events = [], [], [], []
    tag_doc(doc, Settings())
    m = load_scorer().score(gold, doc.to_dict())
    return {f: m[f] for f in FIGURES if f in m}


@pytest.mark.parametrize("path", golds(), ids=key)
def test_tags_meet_their_floors(path: Path):
    floors = FLOORS.get(key(path))
    assert floors is not None, f"no tag floors pinned for {key(path)}: run scripts/pin_floors.py"
    m = tag_scores(path)
    below = {f: (round(m[f], 3), floors[f]) for f in floors if m.get(f, 0.0) < floors[f] - 1e-9}
    assert not below, f"below the pinned floor (got, floor): {below}"


def test_every_tag_floor_has_its_file():
    known = {key(p) for p in golds()}
    missing = [k for k in FLOORS if k not in known and not (k.startswith("shared/") and not SHARED.exists())]
    assert not missing, f"tag floors pinned for files that are gone: {missing}"
