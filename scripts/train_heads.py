"""Train the head-split model (src/jianbao/cut/heads.py) from gold pages.

usage: .venv/bin/python scripts/train_heads.py [--kfold K] [--write] [--synthetic N] [--errors]

Every gold page is cut; each run of title lines the segmenter hands to assign_head is recorded
with the candidate splits (logos* · kicker* · headline · subheadline*) and their features. The
run's label is the candidate whose kicker, headline and subheadline are a gold article's (white
space aside) and whose logos are the page's gold column logos; runs that hold no gold head whole
(a segmentation error) teach nothing and are left out. A conditional logit (softmax over the
candidates of a run) is fitted by Newton's method with an L2 penalty, so that the gold split
scores highest.

The pages are train_cut.py's: the seed, ../shared/corpus/dev (single, pages, rmrb), the project's
examples and N synthetic pages. With --kfold K the pages are split into K folds by page; each
fold is cut by a model trained on the other folds and scored with ../shared/eval/score.py, so
every figure printed is for pages the model never saw. --write fits on every page and writes
src/jianbao/cut/data/heads.json.
"""
from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_cut import arguments, evaluate as score_pages, gold_pages, show, write_model  # noqa: E402

from jianbao.cut import cut_page  # noqa: E402
from jianbao.cut import heads  # noqa: E402
from jianbao.cut.heads import DATA, FEATURES, HeadModel  # noqa: E402
from jianbao.pipeline import read_bytes  # noqa: E402
from jianbao.settings import Settings  # noqa: E402
from jianbao.synth.figures import norm  # noqa: E402  (the scorer's normalisation)

L2 = 1.0


def _joined(blocks, idx) -> str:
    return "".join(norm(blocks[k].text) for k in idx)


def label(blocks, idx, cands, gold: dict) -> int | None:
    """The index of the candidate that is a gold article's head (and whose logos are gold logos)."""
    logos = [norm(f.get("text")) for f in gold.get("furniture") or [] if f.get("kind") == "column_logo"]
    heads_ = {(norm(a.get("kicker")), norm(a.get("headline")), norm(a.get("subheadline")))
              for a in gold.get("articles") or [] if a.get("headline")}
    for c, (split, _) in enumerate(cands):
        key = (_joined(blocks, split.kicker), _joined(blocks, split.headline), _joined(blocks, split.subheadline))
        if key in heads_ and all(any(_joined(blocks, g) in lg for lg in logos) for g in split.logos):
            return c
    # an ad's head is its first line, the lines under it its copy (assemble.py), and any split
    # without logo or kicker gives that; People's Daily gold is left out here, as its website
    # files column names as headlines (README-rmrb.md)
    first, copy = _joined(blocks, idx[:1]), _joined(blocks, idx[1:])
    for a in gold.get("articles") or [] if "markup" not in gold else []:
        if (norm(a.get("headline")) == first and not a.get("kicker") and not a.get("subheadline")
                and norm("".join(a.get("paragraphs") or [])).startswith(copy)):
            return next(c for c, (split, _) in enumerate(cands) if not split.logos and not split.kicker)
    return None


def runs(pages, settings: Settings) -> list[list[tuple[np.ndarray, int, str]]]:
    """Per page: (candidate features, gold candidate, the run's lines) of each labelled run."""
    try:
        model = heads.default_model()
    except (OSError, RuntimeError, KeyError):
        model = HeadModel(tuple([0.0] * len(FEATURES)))
    out = []
    for _, name, data, gold in pages:
        page = read_bytes(data, name, settings)
        rec: list = []
        with heads.using(model, rec):
            try:
                cut_page(page, settings)
            except Exception:
                pass
        got = []
        for blocks, idx, cands in rec:
            y = label(blocks, idx, cands, gold)
            if y is not None and len(cands) > 1:
                got.append((np.array([x for _, x in cands]), y, _show(blocks, idx, cands)))
        out.append(got)
    return out


def runs_sha256(data) -> str:
    """A digest of what the model learns from (every labelled run's features and gold candidate):
    heads.json keeps it, so a test tells a change of the training runs (the cutter's tables,
    features or article-start model moved under the head model) from a change of the fit."""
    h = hashlib.sha256()
    for page in data:
        for X, y, _ in page:
            h.update(np.ascontiguousarray(X, dtype=np.float64).tobytes())
            h.update(f"|{X.shape[0]}:{y};".encode())
        h.update(b"/")
    return h.hexdigest()


def fit_all(pages, settings: Settings) -> tuple[HeadModel, list, str]:
    """The model --write fits: on every labelled run of every page; with the runs and their digest."""
    data = runs(pages, settings)
    return train(data, list(range(len(pages)))), data, runs_sha256(data)


def _show(blocks, idx, cands) -> list[str]:
    """Each candidate's split as text: 'L:logo K:kicker H:headline S:sub' (for --errors)."""
    out = []
    for split, _ in cands:
        role = {k: "L" for g in split.logos for k in g}
        role.update({k: r for r, ks in (("K", split.kicker), ("H", split.headline), ("S", split.subheadline))
                     for k in ks})
        out.append(" / ".join(f"{role[k]}:{blocks[k].text[:18]}" for k in idx))
    return out


def fit(samples: list[tuple[np.ndarray, int, float]]) -> np.ndarray:
    """Conditional logit by Newton's method: maximise Σ w·log softmax(Xβ)[y] − L2/2·|β|²."""
    d = len(FEATURES)
    beta = np.zeros(d)
    for _ in range(60):
        g = L2 * beta
        H = L2 * np.eye(d)
        for X, y, w in samples:
            z = X @ beta
            p = np.exp(z - z.max())
            p /= p.sum()
            mean = p @ X
            g += w * (mean - X[y])
            H += w * ((X * p[:, None]).T @ X - np.outer(mean, mean))
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def train(data, idx) -> HeadModel:
    """Fit on the runs of pages idx, every run weighing the same (weighing each kind of page
    alike would let the few local runs outweigh hundreds of People's Daily ones)."""
    samples = [(X, y, 1.0) for i in idx for X, y, _ in data[i]]
    if not samples:
        return HeadModel(tuple([0.0] * len(FEATURES)))
    return HeadModel(tuple(float(b) for b in fit(samples)))


def picks(model: HeadModel, X: np.ndarray) -> int:
    s = [model.score(list(x)) for x in X]
    return max(range(len(s)), key=s.__getitem__)


def evaluate(pages, models: list[HeadModel], settings: Settings) -> dict[str, dict[str, list[float]]]:
    """train_cut.py's scoring, each page cut with its own head model (the shipped start model)."""
    sets: dict[str, dict[str, list[float]]] = {}
    for model in dict.fromkeys(models):
        mine = [p for p, m in zip(pages, models) if m is model]
        with heads.using(model):
            got = score_pages(mine, [None] * len(mine), settings)
        for name, figs in got.items():
            for k, v in figs.items():
                sets.setdefault(name, {}).setdefault(k, []).extend(v)
    return sets


def main() -> None:
    a = arguments(__doc__, DATA, "list the runs the k-fold models split wrong")
    settings = Settings(tag=False)
    t0 = time.time()
    pages = gold_pages(a.synthetic)
    sets = [p[0] for p in pages]
    data = runs(pages, settings)
    n_runs = sum(len(d) for d in data)
    print(f"{len(pages)} pages, {n_runs} labelled runs of two or more lines, {time.time() - t0:.1f} s")
    if a.kfold:
        k = a.kfold
        folds = [i % k for i in range(len(pages))]
        models: list[HeadModel] = [HeadModel(())] * len(pages)
        for f in range(k):
            m = train(data, [i for i in range(len(pages)) if folds[i] != f])
            for i in range(len(pages)):
                if folds[i] == f:
                    models[i] = m
        right: dict[str, list[bool]] = {}
        for i, d in enumerate(data):
            for X, y, text in d:
                got = picks(models[i], X)
                right.setdefault(sets[i], []).append(got == y)
                if a.errors and got != y:
                    print(f"  {sets[i]:14s} {pages[i][1]:24s} gold {text[y]}\n  {'':39s} got  {text[got]}")
        print(f"\n{k}-fold: runs split as gold, by a model that never saw the page:")
        for name in sorted(right):
            print(f"  {name:16s} {sum(right[name]):5d} / {len(right[name]):5d} = {sum(right[name]) / len(right[name]):.3f}")
        print(f"\n{k}-fold (each page cut by a head model trained on the other folds):")
        show(evaluate(pages, models, settings))
    if a.write:
        m = train(data, list(range(len(pages))))  # what fit_all gives (tests/test_cut_heads_model.py)
        write_model(DATA, FEATURES, m.weights, sets, {
            "what": "weights of the linear model that scores the splits of an article's title lines into "
                    "column logos, kicker, headline and subheadline (cut/heads.py)",
            "origin": "fitted by scripts/train_heads.py from the gold pages of ../shared/corpus (seed, dev/single, "
                      "dev/pages, dev/rmrb), the project's examples and synthetic pages (jianbao.synth); "
                      "no text of those pages is in this file, only one weight per feature",
            "runs": n_runs, "runs_sha256": runs_sha256(data)})

if __name__ == "__main__":
    main()
