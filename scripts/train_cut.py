"""Train the cutter's article-start model (src/jianbao/cut/boundary.py) from gold pages.

usage: .venv/bin/python scripts/train_cut.py [--kfold K] [--write] [--synthetic N]

Every gold page is cut with an oracle: at each run of title lines that follows body text, the
segmenter records the features of the run and follows the gold answer (does the run hold a gold
article's kicker or headline?), so the state it sees is the right one. A logistic model is then
fitted to the decisions (Newton's method, L2 penalty).

The pages: the seed, ../shared/corpus/dev (single, pages, rmrb), the project's examples and N
synthetic pages of jianbao.synth. With --kfold K the gold pages are split into K folds by page;
each fold is cut by a model trained on the others and scored with ../shared/eval/score.py, so
the figures printed are for pages the model never saw. --write fits on everything and writes
src/jianbao/cut/data/boundary.json, with a digest of the decisions it learned from
(decisions_sha256): tests/test_cut_boundary.py refits and compares digest and weights.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from jianbao.cut import cut_page  # noqa: E402
from jianbao.cut.boundary import DATA, FEATURES, Model  # noqa: E402
from jianbao.cut.segment import Segmenter  # noqa: E402
from jianbao.pipeline import read_bytes  # noqa: E402
from jianbao.settings import Settings  # noqa: E402
from jianbao.synth import generate_page  # noqa: E402
from jianbao.synth.figures import norm  # noqa: E402  (the scorer's normalisation)

L2 = 1.0          # penalty on the weights (not on the bias)
SYNTH_SEED = 700_000


def group(path: Path, gold: dict) -> str:
    if path.parent.name == "single":
        return "single 001-020" if path.name[:3] <= "020" else "single 021-110"
    if path.parent.name == "rmrb":
        return "rmrb " + str(gold.get("markup", "?"))
    return path.parent.name


def gold_pages(n_synth: int) -> list[tuple[str, str, bytes, dict]]:
    """(set, source name, bytes, gold) of every page with gold."""
    out = []
    paths = []
    if SHARED.exists():
        paths += sorted((SHARED / "corpus/seed").glob("*.md"))
        paths += sorted((SHARED / "corpus/dev").glob("*/*.md"))
    paths += sorted(p for p in (ROOT / "examples").glob("*") if p.suffix in (".md", ".txt"))
    for p in paths:
        g = p.with_name(p.stem + ".gold.json")
        if g.exists():
            gold = json.loads(g.read_text(encoding="utf-8"))
            out.append((group(p, gold), p.name, p.read_bytes(), gold))
    for k in range(n_synth):
        text, gold = generate_page(SYNTH_SEED + k)
        out.append(("synthetic", f"synth-{k}.md", text.encode("utf-8"), gold))
    return out


def oracle_for(gold: dict, blocks):
    """Does a run hold a gold article's kicker or headline whole (printed on one line or more)?"""
    heads = [h for a in gold.get("articles") or [] for h in (norm(a.get("kicker")), norm(a.get("headline"))) if h]

    def starts(run: list[int]) -> bool:
        text = "".join(norm(blocks[k].text) for k in run)
        return any(h in text for h in heads)
    return starts


def decisions(pages, settings: Settings, runs: list | None = None) -> list[tuple[list[list[float]], list[bool]]]:
    """Per page: the features and gold answers of its decisions (and, into `runs`, their lines)."""
    out = []
    for _, name, data, gold in pages:
        page = read_bytes(data, name, settings)
        oracle = oracle_for(gold, page.blocks)
        seen: list[str] = []

        def answer(run: list[int], oracle=oracle, seen=seen, page=page) -> bool:
            seen.append(" / ".join(page.blocks[k].text[:24] for k in run))
            return oracle(run)
        seg = Segmenter(page, oracle=answer)
        seg.run()
        out.append(([x for x, _ in seg.decisions], [y for _, y in seg.decisions]))
        if runs is not None:
            runs.append(seen)
    return out


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> np.ndarray:
    """Logistic regression by Newton's method with an L2 penalty (not on the bias, column 0)."""
    n, d = X.shape
    sw = np.ones(n) if w is None else w
    beta = np.zeros(d)
    pen = np.full(d, L2)
    pen[0] = 1e-6
    for _ in range(50):
        z = X @ beta
        p = 1 / (1 + np.exp(-z))
        g = X.T @ (sw * (p - y)) + pen * beta
        H = (X * (sw * p * (1 - p))[:, None]).T @ X + np.diag(pen)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def train(decs, idx, sets: list[str]) -> Model:
    """Fit on the decisions of pages idx; each kind of page (People's Daily, local papers' dev
    pages, synthetic) weighs the same in all, however many decisions its pages hold."""
    kind = lambda name: "rmrb" if name.startswith("rmrb") else "synthetic" if name == "synthetic" else "local"  # noqa: E731
    X = [x for i in idx for x in decs[i][0]]
    y = [v for i in idx for v in decs[i][1]]
    ks = [kind(sets[i]) for i in idx for _ in decs[i][0]]
    if not X:
        return Model(tuple([0.0] * len(FEATURES)))
    total = {k: ks.count(k) for k in set(ks)}
    w = np.array([len(ks) / (len(total) * total[k]) for k in ks])
    beta = fit(np.array(X, dtype=float), np.array(y, dtype=float), w)
    return Model(tuple(float(b) for b in beta))


def decisions_sha256(decs) -> str:
    """A digest of what the model learns from (every decision's features and gold answer, page by
    page): boundary.json keeps it, so a test tells a change of the training decisions (the cutter's
    tables, features or head model moved under the start model) from a change of the fit."""
    h = hashlib.sha256()
    for X, y in decs:
        for x, v in zip(X, y):
            h.update(np.asarray(x, dtype=np.float64).tobytes())
            h.update(b"1" if v else b"0")
        h.update(b"/")
    return h.hexdigest()


def fit_all(pages, settings: Settings) -> tuple[Model, list, str]:
    """The model --write fits: on every decision of every page; with the decisions and their digest."""
    decs = decisions(pages, settings)
    return train(decs, list(range(len(pages))), [p[0] for p in pages]), decs, decisions_sha256(decs)


def load_score():
    path = SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("jianbao_train_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


ARTICLE = ("article_f1", "kicker_acc", "headline_acc", "subheadline_acc", "byline_acc", "dateline_acc",
           "reporters_f1", "lost_chars")


def evaluate(pages, models: list[Model], settings: Settings) -> dict[str, dict[str, list[float]]]:
    score = load_score()
    sets: dict[str, dict[str, list[float]]] = {}
    for (name, src, data, gold), model in zip(pages, models):
        page = read_bytes(data, src, settings)
        try:
            doc = cut_page(page, settings, model).to_dict()
        except Exception:
            doc = {"articles": []}
        m = score(gold, doc, data.decode("utf-8-sig"))
        for k in ARTICLE:
            sets.setdefault(name, {}).setdefault(k, []).append(m[k])
            if name.startswith("rmrb"):
                sets.setdefault("rmrb all", {}).setdefault(k, []).append(m[k])
    return sets


def show(sets) -> None:
    print(f"{'set':16s} {'pages':>5s} " + " ".join(f"{k[:10]:>10s}" for k in ARTICLE))
    for name in sorted(sets):
        f = sets[name]
        print(f"{name:16s} {len(f['article_f1']):5d} " + " ".join(f"{statistics.mean(f[k]):10.3f}" for k in ARTICLE))


def arguments(doc: str, data: Path, errors: str) -> argparse.Namespace:
    """The command line shared by the training scripts."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kfold", type=int, default=0, help="K-fold figures (pages cut by models that never saw them)")
    ap.add_argument("--write", action="store_true", help=f"fit on every page and write cut/data/{data.name}")
    ap.add_argument("--synthetic", type=int, default=150, help="synthetic pages among the training pages")
    ap.add_argument("--errors", action="store_true", help=errors)
    return ap.parse_args()


def main() -> None:
    a = arguments(__doc__, DATA, "list the decisions where the shipped model and the gold disagree, with their runs")
    settings = Settings(tag=False)
    t0 = time.time()
    pages = gold_pages(a.synthetic)
    runs: list = []
    decs = decisions(pages, settings, runs)
    n_dec = sum(len(d[1]) for d in decs)
    print(f"{len(pages)} pages, {n_dec} decisions ({sum(sum(d[1]) for d in decs)} article starts), "
          f"{time.time() - t0:.1f} s")
    if a.errors:
        from jianbao.cut.boundary import default_model
        m = default_model()
        for (name, src, *_), (X, Y), seen in zip(pages, decs, runs):
            for x, y, r in zip(X, Y, seen):
                if m.starts(x) != y:
                    on = [f for f, v in zip(FEATURES, x) if v and f != "bias"]
                    print(f"{name:14s} {src:34s} gold={'start' if y else 'sub  '} p={m.prob(x):.2f} {r[:60]}  {on}")
    if a.kfold:
        k = a.kfold
        folds = [i % k for i in range(len(pages))]
        models: list[Model] = [None] * len(pages)  # type: ignore[list-item]
        for f in range(k):
            m = train(decs, [i for i in range(len(pages)) if folds[i] != f], [p[0] for p in pages])
            for i in range(len(pages)):
                if folds[i] == f:
                    models[i] = m
        print(f"\n{k}-fold (each page cut by a model trained on the other folds):")
        show(evaluate(pages, models, settings))
    if a.write:
        m = train(decs, list(range(len(pages))), [p[0] for p in pages])  # what fit_all gives (tests/test_cut_boundary.py)
        write_model(DATA, FEATURES, m.weights, [p[0] for p in pages], {
            "what": "weights of the logistic model that decides whether a run of title lines starts an article",
            "origin": "fitted by scripts/train_cut.py from the gold pages of ../shared/corpus (seed, dev/single, "
                      "dev/pages, dev/rmrb), the project's examples and synthetic pages (jianbao.synth); "
                      "no text of those pages is in this file, only one weight per feature",
            "decisions": n_dec, "decisions_sha256": decisions_sha256(decs), "threshold": 0.5})


def write_model(path: Path, features: tuple[str, ...], weights, sets: list[str], about: dict) -> None:
    """Write a model's weights with what it is, its origin and terms, the commit and the pages it
    was fitted on, then show the weights, largest first."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    counts: dict[str, int] = {}
    for name in sets:
        counts[name] = counts.get(name, 0) + 1
    doc = {"what": about["what"], "origin": about["origin"], "terms": "the project's licence (Apache-2.0)",
           "trained_at_commit": commit, "pages": counts}
    doc.update({k: v for k, v in about.items() if k not in ("what", "origin")})
    doc.update({"features": list(features), "weights": [round(w, 4) for w in weights]})
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {path}")
    for name, w in sorted(zip(features, weights), key=lambda x: -abs(x[1])):
        print(f"  {name:20s} {w:+.2f}")

if __name__ == "__main__":
    main()
