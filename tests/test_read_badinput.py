"""Bad PDFs and images: a typed error with a one-line message saying what to do; never a crash."""
from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from jianbao.cli import main
from jianbao.errors import BadImage, Corrupt, Encrypted, InputError, NoTextLayer, OcrUnavailable
from jianbao.read import read_pages
from jianbao.settings import Settings

ST = Settings(tag=False)


def _pdf(draw, **kw) -> bytes:
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842), **kw)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _read(path):
    return list(read_pages(path, ST))


def _one_line(e: InputError) -> None:
    msg = str(e)
    assert msg and "\n" not in msg and ":" in msg, msg


def test_encrypted_pdf(tmp_path):
    p = tmp_path / "locked.pdf"
    p.write_bytes(_pdf(lambda c: c.drawString(72, 720, "secret"), encrypt="pw"))
    with pytest.raises(Encrypted) as e:
        _read(p)
    _one_line(e.value)


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n1 0 obj <<", b"\x00\xff" * 500, b"<html>not a pdf</html>"])
def test_corrupt_pdf(tmp_path, data):
    p = tmp_path / "broken.pdf"
    p.write_bytes(data)
    with pytest.raises(Corrupt) as e:
        _read(p)
    _one_line(e.value)


def test_truncated_pdf(tmp_path):
    data = _pdf(lambda c: c.drawString(72, 720, "text"))
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError):
        _read(p)


def test_pdf_without_text_layer_without_ocr(tmp_path, monkeypatch):
    from jianbao.read import image
    monkeypatch.setattr(image, "ocr_available", lambda: False)
    p = tmp_path / "scan.pdf"
    p.write_bytes(_pdf(lambda c: c.rect(100, 100, 300, 400, fill=1)))
    with pytest.raises(OcrUnavailable) as e:
        _read(p)
    assert "jianbao[ocr]" in str(e.value)


@pytest.mark.ocr
def test_pdf_without_text_layer_with_ocr(tmp_path):
    pytest.importorskip("rapidocr_onnxruntime")
    p = tmp_path / "blank-scan.pdf"
    p.write_bytes(_pdf(lambda c: c.rect(100, 100, 30, 40, fill=0)))
    with pytest.raises(NoTextLayer) as e:
        _read(p)
    _one_line(e.value)


def _png(tmp_path, name, size, color=255) -> object:
    pil = pytest.importorskip("PIL.Image")
    p = tmp_path / name
    pil.new("L", size, color).save(p)
    return p


def test_one_pixel_image(tmp_path):
    with pytest.raises(BadImage) as e:
        _read(_png(tmp_path, "dot.png", (1, 1)))
    _one_line(e.value)


def test_twenty_thousand_pixel_tall_image(tmp_path, monkeypatch):
    """A blank page of any height is refused without running OCR at all (how long that takes is
    printed by bench/badinput.py), and read strip by strip: memory stays far below a full-page copy."""
    import resource
    from jianbao.read import image
    ran: list[int] = []
    monkeypatch.setattr(image, "engine", lambda: ran.append(1) or pytest.fail("OCR ran on a blank page"))
    p = _png(tmp_path, "tall.png", (900, 20_000))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(NoTextLayer) as e:
        _read(p)
    _one_line(e.value)
    assert ran == []
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 400, grown_mb   # far below a full-page float copy


def test_not_an_image(tmp_path):
    p = tmp_path / "photo.jpg"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"junk" * 100)
    with pytest.raises((Corrupt, BadImage)):
        _read(p)


def test_batch_goes_on_and_says_why(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nonsense")
    _png(tmp_path, "dot.png", (1, 1))
    (tmp_path / "ok.md").write_text("# 标题\n\n本报讯 今天，市里召开会议。会议要求，做好各项工作。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["cut", str(tmp_path), "--no-tag"])
    assert r.exit_code == 1
    errs = [ln for ln in r.stderr.splitlines() if ln.startswith("jianbao:")]
    assert any("broken.pdf: not a readable PDF" in ln for ln in errs), errs
    assert any("dot.png: the image is 1×1 pixels" in ln for ln in errs), errs
    assert "2 failed" in r.stderr
