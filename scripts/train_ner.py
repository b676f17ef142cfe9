#!/usr/bin/env python3
"""Train the tag stage's sequence models (src/jianbao/tag/ner.py) and measure them honestly.

Two linear-chain CRFs (python-crfsuite), on the features of jianbao.tag.ner.features:
  ent   PER / LOC / ORG, trained on a character-BIO file (People's Daily 1998, ../shared/corpus/ner)
        alone by default. Measured by 5-fold and left out: --extra all (CLUENER 2020 with every
        label mapped: name → PER, address/scene → LOC, organization/government/company → ORG)
        lowers the People's Daily figures, LOC most, since CLUENER leaves countries and cities
        unmarked; --extra names (the CLUENER lines naming persons and no place or organisation)
        changes them by about one point either way. Also left out: a copy of each sentence with its
        persons and places swapped for others from jieba's dictionary and the gazetteer (5-fold
        PER 0.889 → 0.880, ORG 0.769 → 0.762);
  title job titles (CLUENER label `position`), trained on the CLUENER file less its held-back
        tenth (every tenth line from line 200 on), which bench/tag.py scores.

  --kfold K  trains K models on the BIO file, each scored on the fold it never saw (sentence i is in
             fold i mod K), and prints the pooled figures;
  --write    writes the models trained on all the training data to src/jianbao/tag/data/ with a
             manifest (ner_model.json: files, their sha256, sentence counts, parameters).

usage: scripts/train_ner.py [--shared DIR] [--kfold 5] [--write] [--extra none|names|all] [--iters N]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jianbao.tag import lac, ner  # noqa: E402
from jianbao.tag.sentence import rule_spans, working  # noqa: E402

CLUENER_MAP = {"name": "PER", "address": "LOC", "scene": "LOC", "organization": "ORG",
               "government": "ORG", "company": "ORG"}
# chosen on held-apart data only: ent by K-fold on the BIO file, title on CLUENER lines i % 10 == 5
# (a tenth of the training part; the held-back tenth was never used for a choice). ent, 5-fold
# PER / LOC / ORG: c1 0.1, c2 0.02 → 0.889 / 0.873 / 0.769; 0.05, 0.05 → 0.897 / 0.878 / 0.766;
# 0.02, 0.1 → 0.898 / 0.875 / 0.766 (a model twice the size). title, on lines i % 10 == 5: 0.02, 0.01
# → 0.745; 0.05, 0.05 → 0.742; 0.005, 0.02 → 0.741
PARAMS = {"ent": {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.minfreq": 1},
          "title": {"c1": 0.02, "c2": 0.01, "max_iterations": 150, "feature.minfreq": 1}}
HOLD_SKIP = 200  # the held-back tenth: line i with i >= 200 and i % 10 == 0 (bench/tag.py)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_bio(path: Path) -> list[tuple[str, list[str]]]:
    out, chars, tags = [], [], []
    for line in list(path.read_text(encoding="utf-8").splitlines()) + [""]:
        parts = line.split()
        if len(parts) >= 2:
            chars.append(parts[0][:1] or " ")
            tags.append(parts[-1])
            continue
        if chars:
            out.append(("".join(chars), tags))
        chars, tags = [], []
    return out


def held_back(i: int) -> bool:
    return i >= HOLD_SKIP and i % 10 == 0


def read_cluener(path: Path, mapping: dict[str, str], train: bool = True) -> list[tuple[str, list[str]]]:
    """CLUENER lines as (text, BIO tags) with `mapping` (CLUENER label → ours); `train` keeps the
    lines outside the held-back tenth, else only those inside it."""
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or held_back(i) == train:
            continue
        d = json.loads(line)
        text = d["text"]
        tags = ["O"] * len(text)
        for lab, ents in (d.get("label") or {}).items():
            ours = mapping.get(lab)
            if not ours:
                continue
            for spans in ents.values():
                for s, e in spans:
                    if any(t != "O" for t in tags[s:e + 1]):
                        continue
                    tags[s] = "B-" + ours
                    for k in range(s + 1, e + 1):
                        tags[k] = "I-" + ours
        out.append((text, tags))
    return out


EXTRA_MODES = ("none", "names", "all")
EXTRA_DEFAULT = "none"
_OTHER_PLACES_ORGS = {"address", "scene", "organization", "government", "company"}


def ent_extra(clu: Path | None, mode: str) -> list[tuple[str, list[str]]]:
    """CLUENER lines (less the held-back tenth) added to the PER/LOC/ORG training data.
    'names': only lines that name a person and mark no place or organisation, in which neither the
    gazetteer nor the rules see a place or organisation either (so that the places CLUENER leaves
    unmarked, countries and cities, teach no wrong "O"); name → PER. 'all': every line with the
    labels mapped (CLUENER_MAP). 'none': nothing."""
    if mode == "none" or clu is None:
        return []
    if mode == "all":
        return read_cluener(clu, CLUENER_MAP)
    out = []
    lines = [ln for i, ln in enumerate(clu.read_text(encoding="utf-8").splitlines())
             if ln.strip() and not held_back(i)]
    for (text, tags), line in zip(read_cluener(clu, {"name": "PER"}), lines):
        labels = set((json.loads(line).get("label") or {}))
        if "name" not in labels or labels & _OTHER_PLACES_ORGS:
            continue
        if any(lab in ("LOC", "ORG") for _, _, lab in rule_spans(text)):
            continue
        out.append((text, tags))
    return out


def featurize(sents: list[tuple[str, list[str]]], kind: str = "ent") -> list[tuple[list[list[str]], list[str]]]:
    out = []
    for text, tags in sents:
        w = working(text)
        out.append((ner.features(w, rule_spans(text) if ner.USE_RULES else None,
                                 lac.read(w) if kind in ner.LAC_KINDS else None, kind in ner.CUE_KINDS),
                    ner.to_bioes(tags)))
    return out


def train(data: list[tuple[list[list[str]], list[str]]], params: dict, path: Path) -> Path:
    import pycrfsuite
    t = pycrfsuite.Trainer(verbose=False)
    for xs, ys in data:
        if xs:
            t.append(xs, ys)
    t.set_params(params)
    t.train(str(path))
    return path


def spans_of(tags: list[str]) -> set[tuple[int, int, str]]:
    return set(ner.decode(tags))


def prf(tp: int, np_: int, ng: int) -> tuple[float, float, float]:
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def cache_dir(bio: Path, clu: Path | None, mode: str) -> Path:
    """Where fold models for this data and this feature code live (outside the repository)."""
    key = hashlib.sha256()
    for part in (sha256(bio), sha256(clu) + mode if clu and mode != "none" else "-", str(ner.FEATURES_VERSION),
                 json.dumps(PARAMS["ent"], sort_keys=True), str(ner.USE_RULES), str(sorted(ner.LAC_KINDS)),
                 str(sorted(ner.CUE_KINDS))):
        key.update(part.encode())
    tag_dir = Path(ner.__file__).parent  # the rule tagger and its tables feed the features too
    skip = {"__init__.py", "unknown.py", "events.py", "dates.py", "byline.py"}  # no feature reads them
    for f in sorted(tag_dir.glob("*.py")) + sorted((tag_dir / "data").glob("*.tsv")):
        if f.name not in skip:
            key.update(f.read_bytes())
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "jianbao" / "ner-folds"
    return base / key.hexdigest()[:16]


def fold_models(bio: Path, clu: Path | None, k: int = 5, mode: str = EXTRA_DEFAULT,
                log=print) -> list[Path]:
    """K ent models; model j never saw the BIO sentences i with i % k == j. Cached by data and
    parameters; trained when missing."""
    d = cache_dir(bio, clu, mode)
    paths = [d / f"fold{j}of{k}.crfsuite" for j in range(k)]
    if all(p.exists() for p in paths):
        return paths
    d.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    pd = featurize(read_bio(bio))
    extra = featurize(ent_extra(clu, mode))
    log(f"features: {len(pd)} BIO + {len(extra)} CLUENER sentences in {time.time() - t0:.0f}s")
    for j, p in enumerate(paths):
        if p.exists():
            continue
        t0 = time.time()
        tmp = p.with_suffix(".tmp")
        train([x for i, x in enumerate(pd) if i % k != j] + extra, PARAMS["ent"], tmp)
        tmp.rename(p)
        log(f"fold {j + 1}/{k} trained in {time.time() - t0:.0f}s")
    return paths


def kfold_report(bio: Path, clu: Path | None, k: int, mode: str) -> None:
    paths = fold_models(bio, clu, k, mode)
    sents = read_bio(bio)
    counts = {lab: [0, 0, 0] for lab in ("PER", "LOC", "ORG")}
    for j, p in enumerate(paths):
        m = ner.Model(p)
        for i, (text, tags) in enumerate(sents):
            if i % k != j:
                continue
            w = working(text)
            pred = {s for s in m.spans(w, rule_spans(text)) if s[2] in counts}
            gold = spans_of(tags)
            for lab, c in counts.items():
                g = {s for s in gold if s[2] == lab}
                q = {s for s in pred if s[2] == lab}
                c[0] += len(g & q)
                c[1] += len(q)
                c[2] += len(g)
    print(f"{k}-fold on {bio.name} (each sentence scored by a model that never saw it; "
          f"CLUENER extra data: {mode})")
    for lab, (tp, np_, ng) in counts.items():
        p, r, f = prf(tp, np_, ng)
        print(f"  {lab}: P {p:.3f} R {r:.3f} F1 {f:.3f}  (gold {ng})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--kfold", type=int, default=0)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--extra", choices=EXTRA_MODES, default=EXTRA_DEFAULT,
                    help="CLUENER lines added to the PER/LOC/ORG data (see ent_extra); 'all' lowers the People's "
                         "Daily figures, LOC most (CLUENER marks no country or city as `address`)")
    ap.add_argument("--iters", type=int, default=0, help="override max_iterations (quick runs)")
    a = ap.parse_args(argv)
    if a.iters:
        for p in PARAMS.values():
            p["max_iterations"] = a.iters
    bio = a.shared / "corpus/ner/peoples-daily-1998.dev.bio"
    clu = a.shared / "corpus/ner/cluener2020.train.jsonl"
    mode = a.extra
    if a.kfold:
        kfold_report(bio, clu, a.kfold, mode)
    if a.write:
        out = ner.DATA
        t0 = time.time()
        pd = featurize(read_bio(bio))
        extra = featurize(ent_extra(clu, mode))
        train(pd + extra, PARAMS["ent"], out / ner.MODELS["ent"])
        print(f"ent model: {len(pd)} + {len(extra)} sentences, {time.time() - t0:.0f}s")
        t0 = time.time()
        tit = featurize(read_cluener(clu, {"position": "TITLE"}), "title")
        train(tit, PARAMS["title"], out / ner.MODELS["title"])
        print(f"title model: {len(tit)} sentences, {time.time() - t0:.0f}s")
        manifest = {
            "features_version": ner.FEATURES_VERSION, "uses_rules": ner.USE_RULES,
            "neural_features": sorted(ner.LAC_KINDS), "cue_features": sorted(ner.CUE_KINDS), "params": PARAMS,
            "models": {
                "ent": {"file": ner.MODELS["ent"], "trained_on": [
                    {"file": bio.name, "sha256": sha256(bio), "sentences": len(pd), "part": "all"}] + (
                    [{"file": clu.name, "sha256": sha256(clu), "sentences": len(extra),
                      "part": f"extra mode '{mode}' (see ent_extra), outside the held-back tenth",
                      "extra_mode": mode}] if extra else [])},
                "title": {"file": ner.MODELS["title"], "trained_on": [
                    {"file": clu.name, "sha256": sha256(clu), "sentences": len(tit),
                     "part": "all but the held-back tenth", "labels": {"position": "TITLE"}}]},
            },
            "held_back": f"CLUENER line i with i >= {HOLD_SKIP} and i % 10 == 0",
        }
        (out / "ner_model.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
        for k in ner.MODELS.values():
            print(f"{k}: {(out / k).stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
