"""README's "An example analysis" (issue 22 item 5) runs as written: its shell block (ingest the example
pages, export Parquet) and its Python block (pandas and matplotlib: monthly activities by type, to a PNG),
in a scratch folder with a copy of the example pages."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SECTION = "### An example analysis"


def blocks() -> tuple[str, str]:
    """The section's shell and Python code blocks."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert SECTION in text, "README lost its example analysis"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    sh = re.search(r"```sh\n(.*?)```", section, re.S)
    py = re.search(r"```python\n(.*?)```", section, re.S)
    assert sh and py
    return sh[1], py[1]


def test_the_readme_analysis_runs(tmp_path):
    for mod in ("pandas", "pyarrow", "matplotlib"):
        pytest.importorskip(mod)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    sh, py = blocks()
    for line in sh.strip().splitlines():
        args = shlex.split(line.split("#")[0])
        assert args[0] == ".venv/bin/jianbao"
        r = subprocess.run([sys.executable, "-m", "jianbao", *args[1:]], cwd=tmp_path, capture_output=True, text=True)
        assert r.returncode == 0, (line, r.stderr)
    r = subprocess.run([sys.executable, "-c", py], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    png = tmp_path / "activities.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    # the printed table: a row per month with activities, a column per type
    assert re.search(r"^20\d\d-\d\d\s+\d", r.stdout, re.M), r.stdout
    assert "调研" in r.stdout or "会议" in r.stdout
