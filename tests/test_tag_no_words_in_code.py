"""No Chinese word list or regular expression of words in the tag stage's code: every string constant
of src/jianbao/tag/*.py that holds two or more CJK characters (U+4E00–U+9FFF) fails this test, except
docstrings and the short allow-list below. Words go to the tables of src/jianbao/tag/data/, each row
with a note (and, where they apply, examples and counter-examples); see that folder's README."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import jianbao.tag

TAG = Path(jianbao.tag.__file__).parent
CJK = re.compile(r"[\u4e00-\u9fff]")

# Files another change was rewriting when the rest moved to tables; their words move with that work.
ALLOWED: dict[tuple[str, str], str] = {}


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                out.add(id(first.value))
    return out


def _words_in_code() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(TAG.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                    and len(CJK.findall(node.value)) >= 2:
                found.append((path.name, node.lineno, node.value))
    return found


def test_no_chinese_words_in_tag_code():
    bad = [(f, n, v) for f, n, v in _words_in_code() if (f, v) not in ALLOWED]
    assert not bad, "Chinese words in code; move them to a table of src/jianbao/tag/data/:\n" + "\n".join(
        f"  {f}:{n}: {v!r}" for f, n, v in bad)


def test_allow_list_is_current():
    seen = {(f, v) for f, _, v in _words_in_code()}
    stale = sorted(set(ALLOWED) - seen)
    assert not stale, f"no longer in the code, take them off ALLOWED: {stale}"


def test_the_walk_finds_words():
    tree = ast.parse('"""一个文档"""\nX = ("县委", "镇")\ndef f():\n    """说明"""\n    return "书记"\n')
    docs = _docstrings(tree)
    consts = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in docs
              and len(CJK.findall(n.value)) >= 2]
    assert sorted(consts) == ["书记", "县委"]
