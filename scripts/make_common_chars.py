"""Regenerate src/jianbao/data/common_chars.txt (used to tell GB18030 from Big5).

Origin: character frequencies summed over the word frequencies of jieba 0.42.1's dict.txt (MIT
licence); the 3,500 most frequent simplified characters, then their traditional forms by OpenCC
1.4.2 (Apache-2.0) s2t. Run: .venv/bin/python scripts/make_common_chars.py
"""
from collections import Counter
from pathlib import Path

import jieba
import opencc

dict_path = Path(jieba.__file__).with_name("dict.txt")
freq: Counter[str] = Counter()
for line in dict_path.read_text(encoding="utf-8").splitlines():
    word, n, *_ = line.split(" ")
    for ch in word:
        if "\u4e00" <= ch <= "\u9fff":
            freq[ch] += int(n)
simplified = [c for c, _ in freq.most_common(3500)]
traditional = opencc.OpenCC("s2t").convert("".join(simplified))
chars = sorted(set(simplified) | set(traditional))
out = Path(__file__).resolve().parents[1] / "src/jianbao/data/common_chars.txt"
out.write_text("".join(chars) + "\n", encoding="utf-8")
print(f"{len(chars)} characters → {out}")
