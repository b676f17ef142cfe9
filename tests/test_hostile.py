"""Hostile input: arbitrary bytes into every reader and the cutter — only documented errors, no hang.

Property-based (hypothesis); the same targets run coverage-guided under atheris in bench/fuzz.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from targets import cutter, image_reader, pdf_reader, text_reader  # noqa: E402

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MARKUP = st.sampled_from([b"# ", b"**", b"\n\n", b"\r\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", "本报讯".encode(),
                          "■本报记者 ".encode(), "（下转第三版）".encode("gb18030"), "臨江日報".encode("big5"),
                          b"![](a.png)", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n"])


@FAST
@given(st.lists(st.one_of(MARKUP, st.binary(max_size=64)), max_size=40))
def test_text_reader_only_documented_errors(parts):
    text_reader(b"".join(parts))


@FAST
@given(st.lists(st.one_of(MARKUP, st.binary(max_size=64), st.text(max_size=30).map(str.encode)), max_size=40))
def test_cutter_never_raises_and_loses_nothing(parts):
    cutter(b"".join(parts))


PDF_HEAD = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"


@SLOW
@given(st.binary(max_size=2048), st.booleans())
def test_pdf_reader_only_documented_errors(data, with_header):
    pdf_reader((PDF_HEAD if with_header else b"") + data)


@SLOW
@given(st.binary(max_size=2048), st.booleans())
def test_image_reader_only_documented_errors(data, with_header):
    image_reader((b"\x89PNG\r\n\x1a\n" if with_header else b"") + data)


def test_fuzzing_finds_stay_fixed():
    """Inputs the coverage-guided fuzzer once broke a reader with (tests/data/fuzz/README.md)."""
    from jianbao.errors import Corrupt
    from jianbao.read import read_pages
    from jianbao.settings import Settings
    import pytest
    crash = Path(__file__).parent / "data/fuzz/pdf-page-cannot-load.pdf"
    pdf_reader(crash.read_bytes())
    with pytest.raises(Corrupt, match="cannot be"):
        list(read_pages(crash, Settings(tag=False)))
