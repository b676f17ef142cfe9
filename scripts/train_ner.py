#!/usr/bin/env python3
"""Train the tag stage's sequence models (src/jianbao/tag/ner.py) and measure them honestly.

Two linear-chain CRFs (python-crfsuite), on the features of jianbao.tag.ner.features:
  ent   PER / LOC / ORG, trained on MSRA's training file (msra.train.bio, 42,514 sentences of 1990s
        news, ../shared/corpus/ner). People's Daily 1998 dev (peoples-daily-1998.dev.bio), a split of
        the same source that msra.train.bio was cleaned of, is never trained on: --score and
        bench/tag.py score the model there. Measured and left out earlier: CLUENER as extra data
        (--extra names|all; LOC and ORG fall, since CLUENER marks no country or city as `address`);
  title job titles: CLUENER's `position` less its held-back tenth (every tenth line from line 200
        on), and Resume's training split (its TITLE label); scored on that tenth and on Resume's
        test split. It reads the shipped ent model's reading of each sentence as features
        (ner.STACK_KINDS): after the ent model is retrained, retrain the title model too (the
        probe's hash, below, changes with it).

  --write    trains both on all their training data and writes them to src/jianbao/tag/data/ with a
             manifest (ner_model.json: files, their sha256, sentence counts, parameters, and the
             sha256 of the features of tests/data/ner_probe.txt, which tests compare with today's);
  --only K   with --write: trains model K alone (ent or title) and rewrites its manifest entry, the
             other model's file and entry kept as they are;
  --score    scores the shipped (or just written) models on the held-out files;
  --kfold K  trains K ent models on a BIO file (--bio, default People's Daily 1998 dev), each scored
             on the fold it never saw (sentence i is in fold i mod K): for experiments on a file
             without a split of its own.

usage: scripts/train_ner.py [--shared DIR] [--write [--only ent|title]] [--score] [--kfold K] [--bio FILE]
                            [--extra none|names|all] [--iters N] [--jobs N]
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

from jianbao.tag import data, lac, ner  # noqa: E402
from jianbao.tag.sentence import rule_spans, working  # noqa: E402

CLUENER_MAP = {"name": "PER", "address": "LOC", "scene": "LOC", "organization": "ORG",
               "government": "ORG", "company": "ORG"}
# chosen on held-apart data only: ent by K-fold on the BIO file, title on CLUENER lines i % 10 == 5
# (a tenth of the training part; the held-back tenth was never used for a choice). ent, 5-fold
# PER / LOC / ORG: c1 0.1, c2 0.02 → 0.889 / 0.873 / 0.769; 0.05, 0.05 → 0.897 / 0.878 / 0.766;
# 0.02, 0.1 → 0.898 / 0.875 / 0.766 (a model twice the size). title, on lines i % 10 == 5: 0.02, 0.01
# → 0.745; 0.05, 0.05 → 0.742; 0.005, 0.02 → 0.741. Checked again by 3-fold over the title model's
# whole training data (sentence i in fold i mod 3; CLUENER position / Resume TITLE F1): 0.02, 0.01,
# 150 iterations 0.750 / 0.936; 300 iterations 0.747 / 0.934; c1 0.05 0.747 / 0.935; the averaged
# perceptron (30 epochs) 0.741 / 0.930; feature.minfreq 2 0.748 / 0.931; Resume's dev split added
# 0.747 / 0.938. Title features tried the same way and left out: character trigrams 0.749 / 0.938;
# how far ahead a title head (title_heads.tsv) ends and how far back an organisation or place suffix
# or a head ended, in the clause, 0.746 / 0.936; both 0.745 / 0.937. With feature version 10 (the ent
# model's reading as features, ner.STACK_KINDS; 0.721 without it on today's other features, 0.730
# with it), on lines i % 10 == 5 again: c1 0.01, c2 0.01 → 0.717; c1 0.05, c2 0.02 → 0.715
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


def _featurize_part(args):
    return featurize(*args, jobs=1)


def featurize(sents: list[tuple[str, list[str]]], kind: str = "ent",
              jobs: int = 1) -> list[tuple[list[list[str]], list[str]]]:
    """(features, BIOES tags) of each sentence; with jobs > 1, in that many processes."""
    if jobs > 1 and len(sents) > 2000:
        from multiprocessing import Pool
        step = (len(sents) + jobs * 4 - 1) // (jobs * 4)
        with Pool(jobs) as pool:
            parts = pool.map(_featurize_part, [(sents[i:i + step], kind) for i in range(0, len(sents), step)])
        return [x for part in parts for x in part]
    out = []
    for text, tags in sents:
        w = working(text)
        out.append((ner.features(w, rule_spans(text) if ner.USE_RULES else None,
                                 lac.read(w) if kind in ner.LAC_KINDS else None, kind in ner.CUE_KINDS,
                                 ner.ent_reading(w) if kind in ner.STACK_KINDS else None),
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
    for f in sorted(tag_dir.glob("*.py")):
        if f.name not in skip:
            key.update(f.read_bytes())
    feed_tables(key, data.TABLES)  # the tsv tables and the lists shared with the cutter
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
    total = {lab: [0, 0, 0] for lab in ("PER", "LOC", "ORG")}
    for j, p in enumerate(paths):
        got = counts(ner.Model(p), [x for i, x in enumerate(sents) if i % k == j], tuple(total))
        for lab, c in got.items():
            total[lab] = [a + b for a, b in zip(total[lab], c)]
    print(f"{k}-fold on {bio.name} (each sentence scored by a model that never saw it; "
          f"CLUENER extra data: {mode})")
    for lab, (tp, np_, ng) in total.items():
        p, r, f = prf(tp, np_, ng)
        print(f"  {lab}: P {p:.3f} R {r:.3f} F1 {f:.3f}  (gold {ng})")


PROBE = ROOT / "tests" / "data" / "ner_probe.txt"


def feed_tables(h, names: tuple[str, ...]):
    """Feed the hash `h` the rows of the tag stage's tables `names` that the models read (data.model_rows:
    the tsv files and the lists of jianbao/data they share with the cutter, less the rows of
    rules_only.tsv); returns `h`."""
    for table in names:
        h.update(json.dumps([table, data.model_rows(table)], ensure_ascii=False).encode())
    return h


def probe_sha256(path: Path = PROBE) -> str:
    """sha256 of the rows of every table the features read (ner.FEATURE_TABLES) and of the features
    both models read on the probe sentences: what changes it (a table, jieba, LAC, the feature code)
    changes what the models were trained on."""
    h = feed_tables(hashlib.sha256(), ner.FEATURE_TABLES)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for kind in ("ent", "title"):
            (xs, _), = featurize([(line, ["O"] * len(line))], kind)
            h.update(json.dumps([kind, xs], ensure_ascii=False).encode())
    return h.hexdigest()


def only(label: str, sents: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The sentences with every tag but `label`'s set to O."""
    return [(t, [x if x[2:] == label else "O" for x in tags]) for t, tags in sents]


def counts(model, sents: list[tuple[str, list[str]]], labels: tuple[str, ...]) -> dict[str, list[int]]:
    """label → [true positives, predicted, gold] of `model` (an ner.Model) on `sents`, exact spans."""
    out = {lab: [0, 0, 0] for lab in labels}
    for text, tags in sents:
        pred = set(model.spans(working(text), rule_spans(text)))
        gold = spans_of(tags)
        for lab, c in out.items():
            g = {x for x in gold if x[2] == lab}
            q = {x for x in pred if x[2] == lab}
            c[0] += len(g & q)
            c[1] += len(q)
            c[2] += len(g)
    return out


def score(model, sents: list[tuple[str, list[str]]], labels: tuple[str, ...]) -> dict[str, tuple]:
    """Entity-level precision, recall, F1 and the gold count per label."""
    return {lab: prf(*c) + (c[2],) for lab, c in counts(model, sents, labels).items()}


def held_out(shared: Path) -> list[tuple[str, str, list, tuple[str, ...]]]:
    """(model kind, what, sentences, labels) that no model was trained on."""
    ner_dir = shared / "corpus" / "ner"
    return [("ent", "People's Daily 1998 dev (peoples-daily-1998.dev.bio)",
             read_bio(ner_dir / "peoples-daily-1998.dev.bio"), ("PER", "LOC", "ORG")),
            ("title", "Resume test split (resume/test.bio), TITLE", only("TITLE", read_bio(ner_dir / "resume" / "test.bio")),
             ("TITLE",)),
            ("title", "CLUENER `position`, the held-back tenth", read_cluener(ner_dir / "cluener2020.train.jsonl",
                                                                              {"position": "TITLE"}, train=False), ("TITLE",))]


def report(shared: Path) -> None:
    for kind, what, sents, labels in held_out(shared):
        m = ner.Model(ner.DATA / ner.MODELS[kind], kind)
        print(f"{kind} model on {what}: {len(sents)} sentences")
        for lab, (p, r, f, n) in score(m, sents, labels).items():
            print(f"  {lab}: P {p:.3f} R {r:.3f} F1 {f:.3f}  (gold {n})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--kfold", type=int, default=0)
    ap.add_argument("--bio", type=Path, help="the BIO file for --kfold (default: People's Daily 1998 dev)")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--only", choices=tuple(ner.MODELS), help="with --write: train this model alone")
    ap.add_argument("--score", action="store_true", help="score the models on the held-out files")
    ap.add_argument("--extra", choices=EXTRA_MODES, default=EXTRA_DEFAULT,
                    help="CLUENER lines added to the PER/LOC/ORG data (see ent_extra); 'all' lowers the People's "
                         "Daily figures, LOC most (CLUENER marks no country or city as `address`)")
    ap.add_argument("--iters", type=int, default=0, help="override max_iterations (quick runs)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the features")
    a = ap.parse_args(argv)
    if a.only and not a.write:
        ap.error("--only goes with --write")
    if a.iters:
        for p in PARAMS.values():
            p["max_iterations"] = a.iters
    ner_dir = a.shared / "corpus" / "ner"
    msra = ner_dir / "msra.train.bio"
    clu = ner_dir / "cluener2020.train.jsonl"
    resume = ner_dir / "resume" / "train.bio"
    for f in (msra, clu, resume):
        if not f.exists():
            raise SystemExit(f"train_ner.py: {f} is missing: pass --shared DIR, the folder that holds corpus/ner")
    mode = a.extra
    if a.kfold:
        kfold_report(a.bio or ner_dir / "peoples-daily-1998.dev.bio", clu, a.kfold, mode)
    if a.write:
        out = ner.DATA
        kinds = (a.only,) if a.only else tuple(ner.MODELS)
        old = json.loads((out / "ner_model.json").read_text(encoding="utf-8")) if a.only else {}
        ent, extra, tit_clu, tit_res = [], [], [], []
        if "ent" in kinds:
            t0 = time.time()
            ent = featurize(read_bio(msra), jobs=a.jobs)
            extra = featurize(ent_extra(clu, mode), jobs=a.jobs)
            print(f"ent features: {len(ent)} + {len(extra)} sentences, {time.time() - t0:.0f}s", flush=True)
            train(ent + extra, PARAMS["ent"], out / ner.MODELS["ent"])
            print(f"ent model: {time.time() - t0:.0f}s", flush=True)
        if "title" in kinds:
            t0 = time.time()
            tit_clu = featurize(read_cluener(clu, {"position": "TITLE"}), "title", jobs=a.jobs)
            tit_res = featurize(only("TITLE", read_bio(resume)), "title", jobs=a.jobs)
            train(tit_clu + tit_res, PARAMS["title"], out / ner.MODELS["title"])
            print(f"title model: {len(tit_clu)} + {len(tit_res)} sentences, {time.time() - t0:.0f}s")
        manifest = {
            "features_version": ner.FEATURES_VERSION, "uses_rules": ner.USE_RULES,
            "neural_features": sorted(ner.LAC_KINDS), "cue_features": sorted(ner.CUE_KINDS),
            "stacked_features": sorted(ner.STACK_KINDS), "params": dict(PARAMS),
            "features_sha256": probe_sha256(),
            "features_probe": str(PROBE.relative_to(ROOT)),
            "models": {
                "ent": {"file": ner.MODELS["ent"], "trained_on": [
                    {"file": msra.name, "sha256": sha256(msra), "sentences": len(ent), "part": "all",
                     "corpus": "MSRA NER (SIGHAN 2006), research use, no data licence ships with it"}] + (
                    [{"file": clu.name, "sha256": sha256(clu), "sentences": len(extra),
                      "part": f"extra mode '{mode}' (see ent_extra), outside the held-back tenth",
                      "extra_mode": mode, "corpus": "CLUENER 2020 (CLUE benchmark), research and benchmarking"}]
                    if extra else [])},
                "title": {"file": ner.MODELS["title"], "trained_on": [
                    {"file": clu.name, "sha256": sha256(clu), "sentences": len(tit_clu),
                     "part": "all but the held-back tenth", "labels": {"position": "TITLE"},
                     "corpus": "CLUENER 2020 (CLUE benchmark), research and benchmarking"},
                    {"file": "resume/" + resume.name, "sha256": sha256(resume), "sentences": len(tit_res),
                     "part": "the training split", "labels": {"TITLE": "TITLE"},
                     "corpus": "Resume NER (Zhang & Yang 2018), research use, no licence stated"}]},
            },
            "held_back": f"CLUENER line i with i >= {HOLD_SKIP} and i % 10 == 0",
            "never_trained_on": ["peoples-daily-1998.dev.bio", "resume/test.bio", "resume/dev.bio",
                                 "the held-back tenth of cluener2020.train.jsonl"],
        }
        for kind in ner.MODELS:
            if kind not in kinds:  # not retrained: its entry and parameters as the manifest had them
                manifest["models"][kind] = old["models"][kind]
                manifest["params"][kind] = old["params"][kind]
        (out / "ner_model.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
        for k in ner.MODELS.values():
            print(f"{k}: {(out / k).stat().st_size / 1e6:.2f} MB")
        ner._LOADED.clear()
    if a.score or a.write:
        report(a.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
