"""Run one fuzz target under atheris (coverage-guided): python fuzz/run.py TARGET [libFuzzer flags].

    .venv/bin/python fuzz/run.py cut -max_total_time=60 fuzz/corpus/cut
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import atheris  # noqa: E402

with atheris.instrument_imports():
    import jianbao.cut  # noqa: F401,E402
    import jianbao.read.text  # noqa: F401,E402
    from targets import TARGETS  # noqa: E402

target = TARGETS[sys.argv.pop(1)]


def one(data: bytes) -> None:
    target(data)


atheris.Setup(sys.argv, one)
atheris.Fuzz()
