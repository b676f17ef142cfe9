"""Scanned pages: a synthetic broadsheet page rendered at 200 dpi, read by OCR (RapidOCR), cut and
scored against its exact gold. One page only: OCR of a broadsheet takes seconds."""
from __future__ import annotations

import os

import pytest

from jianbao.read import read_pages
from read_helpers import SETTINGS, need_pages, score_pages

SEED = 910_007


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    need_pages()
    pytest.importorskip("rapidocr_onnxruntime")
    from jianbao.synth.pdfpage import pdf_page, png_page
    pdf, gold = pdf_page(SEED)
    p = tmp_path_factory.mktemp("img") / "page.png"
    p.write_bytes(png_page(pdf, 200))
    return p, gold


@pytest.mark.ocr
def test_scanned_page_scores_above_floors(scan):
    path, gold = scan
    page = next(read_pages(path, SETTINGS))
    assert page.meta.source == "page.png"
    m = score_pages([(page, gold)])
    assert m["char_acc"] >= 0.97, m
    assert m["article_f1"] >= 0.75, m
    assert m["headline_acc"] >= 0.5, m
    heads = [b for b in page.blocks if b.zone == "header"]
    assert heads, "the header band above the rule is page furniture"


def test_boxes_listed_down_the_page_are_regrouped_by_column():
    """OCR lists boxes row by row across the page; the layout puts each column's lines together."""
    from jianbao.read.layout import Line, page_from_lines
    a, b = "左栏的文字一直写到这一栏的末尾。", "右栏是另外一篇文章的正文内容。"
    boxes = []
    for k in range(3):
        y = 100 + 45 * k
        last = k == 2   # a paragraph's last line stops short of the column edge
        boxes.append(Line(0, y, 300 if last else 500, y + 34, 34, a[k * 6:(k + 1) * 6]))
        boxes.append(Line(560, y, 860 if last else 1060, y + 34, 34, b[k * 6:(k + 1) * 6]))
    page = page_from_lines(boxes, 1100, 1600, "x.png")
    assert [bl.text for bl in page.blocks] == [a, b]


def test_multi_frame_tiff_gives_a_page_per_frame(tmp_path, monkeypatch):
    pil = pytest.importorskip("PIL.Image")
    from jianbao.read import image
    from jianbao.read.layout import Line
    monkeypatch.setattr(image, "ocr_lines",
                        lambda gray: [Line(10, 10, 200, 40, 30, "一行字在这里。")])
    frames = [pil.new("L", (300, 400), 255) for _ in range(3)]
    p = tmp_path / "scan.tif"
    frames[0].save(p, save_all=True, append_images=frames[1:])
    pages = list(read_pages(p, SETTINGS))
    assert [pg.meta.source for pg in pages] == ["scan.tif#p1", "scan.tif#p2", "scan.tif#p3"]


# ---- a page drawn here: three columns, a narrow gutter, a vertical headline, a ruled header ------

def _font_file() -> str:
    """The first CJK font installed, else the test is skipped."""
    font = next((f for f in FONT_FILES if os.path.exists(f)), None)
    if font is None:
        pytest.skip("no CJK font (apt-get install fonts-wqy-zenhei)")
    return font


def _canvas(width: int, height: int, *sizes: int):
    """A white greyscale page of width × height pixels, a drawing context on it, and the CJK font at
    each of `sizes` (the test is skipped without Pillow or a CJK font)."""
    pil = pytest.importorskip("PIL.ImageFont")
    from PIL import Image, ImageDraw
    font_file = _font_file()
    img = Image.new("L", (width, height), 255)
    return img, ImageDraw.Draw(img), [pil.truetype(font_file, n) for n in sizes]


FONT_FILES = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
COLUMNS = ("今年以来，县农业农村局组织技术人员深入田间地头，指导农户做好春耕备耕工作，确保粮食播种面积"
           "稳定在八十万亩以上，全县已调运种子化肥两万余吨。",
           "在城关镇的育秧工厂里，一排排秧盘整齐摆放，嫩绿的秧苗长势喜人。负责人介绍，工厂化育秧比传统"
           "方式节省用工三成，秧苗成活率也提高不少。",
           "县里还组建了二十支农机服务队，为缺少劳力的家庭提供代耕代种服务，目前已完成机耕面积十二万亩，"
           "整体进度明显快于往年同期。")
VERTICAL_HEAD = "春耕备耕正当时"
BODY, PER_LINE, GUTTER = 28, 15, 34          # type size and line length in pixels / characters


def _draw_page(path):
    """A page image: a header line over a rule, three columns of body text set with a gutter of
    little more than one character (the text detector runs boxes across it), and a vertical
    headline standing at the right of the columns."""
    img, d, (body, head) = _canvas(60 + 3 * (PER_LINE * BODY + GUTTER) + 3 * BODY, 640, BODY, 2 * BODY)
    d.text((60, 20), "晨光日报  2024年4月9日  星期二  第3版", font=body, fill=0)
    d.line((40, 62, img.width - 40, 62), fill=0, width=3)
    for k, text in enumerate(COLUMNS):
        x = 60 + k * (PER_LINE * BODY + GUTTER)
        rows = [text[: PER_LINE - 2]] + [text[i:i + PER_LINE] for i in range(PER_LINE - 2, len(text), PER_LINE)]
        for r, row in enumerate(rows):
            d.text((x + (2 * BODY if r == 0 else 0), 150 + 44 * r), row, font=body, fill=0)
    x = 60 + 3 * (PER_LINE * BODY + GUTTER)
    for r, ch in enumerate(VERTICAL_HEAD):
        d.text((x, 120 + 64 * r), ch, font=head, fill=0)
    img.save(path)


def _close(a: str, b: str) -> float:
    from difflib import SequenceMatcher
    return SequenceMatcher(None, a, b).ratio()


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    pytest.importorskip("rapidocr_onnxruntime")
    p = tmp_path_factory.mktemp("drawn") / "drawn.png"
    _draw_page(p)
    return p


@pytest.mark.ocr
def test_drawn_page_is_read_once_column_by_column(drawn, monkeypatch):
    """One detection pass over the page, each piece recognised once; no paragraph takes text from
    two columns though the gutter is barely wider than a character; the vertical headline is read
    top to bottom and heads the columns; the line over the rule is page furniture."""
    from jianbao.read import image
    eng = image.engine()
    calls = {"det": 0, "rec": 0}

    seen: list[bytes] = []

    class Counting:
        def text_det(self, img):
            calls["det"] += 1
            return eng.text_det(img)

        def text_rec(self, imgs, **kw):
            calls["rec"] += 1
            seen.extend(im.tobytes() for im in imgs)
            return eng.text_rec(imgs, **kw)

    Counting.text_rec.rec_batch_num = eng.text_rec.rec_batch_num   # the engine's own batch size
    monkeypatch.setattr(image, "engine", lambda: Counting())
    page = next(read_pages(drawn, SETTINGS))
    assert calls["det"] == 1
    # the pieces go to the recogniser in batches, each piece once
    assert calls["rec"] == -(-len(seen) // eng.text_rec.rec_batch_num) and len(set(seen)) == len(seen)
    blocks = [b for b in page.blocks if b.zone != "header"]
    assert any("第3版" in b.text for b in page.blocks if b.zone == "header")
    texts = [b.text.lstrip("# ") for b in blocks]
    assert _close(texts[0], VERTICAL_HEAD) >= 0.7, texts
    assert blocks[0].size >= 1.5
    paras = texts[1:]
    assert len(paras) == 3, paras
    for got, want in zip(paras, COLUMNS):
        assert _close(got, want) >= 0.9, (got, want)


def test_vertical_strip_is_cut_into_cells_and_set_in_a_line():
    np = pytest.importorskip("numpy")
    from jianbao.read import ink
    mask = np.zeros((200, 40), dtype=bool)
    for top in (10, 38, 66):                      # three characters, each in two parts (二)
        mask[top:top + 10, 8:32] = True
        mask[top + 14:top + 24, 8:32] = True
    (p,) = ink.pieces(mask, (0, 0, 40, 200), 30.0)
    assert p.vertical and p.em == 24
    cells = ink.cells(mask, p)
    assert len(cells) == 3
    line = ink.reflow(np.where(mask, 0, 255).astype("uint8"), p, cells)
    assert line.shape[1] > 2.5 * line.shape[0]


def test_a_box_across_a_gutter_is_split_and_its_lines_parted():
    np = pytest.importorskip("numpy")
    from jianbao.read import ink
    mask = np.zeros((60, 400), dtype=bool)
    for x in range(0, 170, 22):                    # a line of the left column
        mask[5:25, x:x + 18] = True
    for x in range(200, 400, 22):                  # the right column's line, a little lower
        mask[12:32, x:x + 18] = True
    mask[40:58, 0:150] = True                      # the next line of the left column
    got = sorted((p.x0, p.y0) for p in ink.pieces(mask, (0, 0, 400, 60), 20.0))
    assert got == [(0, 5), (0, 40), (200, 12)]


def test_overlapping_boxes_give_each_line_once():
    """Two detector boxes over one line, and a box reaching a sliver into the next column: the
    line is kept once and the sliver (read as a stray 1) is dropped; so is a rule's speck."""
    np = pytest.importorskip("numpy")
    from jianbao.read import ink
    mask = np.zeros((60, 600), dtype=bool)
    for x in range(0, 300, 22):
        mask[5:25, x:x + 18] = True
    for x in range(340, 600, 22):                  # the next column's line
        mask[5:25, x:x + 18] = True
    mask[40:46, 320:322] = True                    # a speck of a column rule
    found = [p for box in ((0, 0, 300, 30), (0, 2, 347, 30), (330, 0, 600, 30), (315, 35, 325, 50))
             for p in ink.pieces(mask, box, 20.0)]
    got = sorted((p.x0, p.x1) for p in ink.unique(found))
    assert got == [(0, 304), (340, 600)]


def test_printed_space_restored_where_the_pitch_opens():
    """A space goes where the ink parts and the characters' centres stand wider apart than the
    line's pitch; not after a comma (its ink is small, its cell is not), not inside a number."""
    from jianbao.read.image import _spaced_text
    text = "记者王明，通讯员李华12 3"
    xs = [10.0 + 20 * k for k in range(len(text))]
    for k in (2, 8):                               # 记者 | 王明 and 通讯员 | 李华 printed apart
        xs[k:] = [x + 12 for x in xs[k:]]
    ink_gaps = [(int(xs[1]) + 8, int(xs[2]) - 8), (int(xs[7]) + 8, int(xs[8]) - 8),
                (int(xs[4]) + 2, int(xs[5]) - 8)]  # the gap after ，
    assert _spaced_text(text, xs, ink_gaps) == "记者 王明，通讯员 李华12 3"


def test_short_line_ending_in_a_stop_keeps_its_paragraph_size():
    """Pieces are trimmed to their ink: 作。 is one and a half cells wide, not two."""
    from jianbao.read.layout import Line
    from jianbao.read.ocrlines import sized
    body = [Line(0, 42 * k, 390, 42 * k + 40, 30, "一二三四五六七八九十一二三") for k in range(6)]
    (short,) = sized(body + [Line(0, 300, 45, 340, 30, "作。")])[-1:]
    assert abs(short.size - 30) <= 0.1 * 30


def test_indented_line_at_a_column_foot_runs_on_into_the_next_column():
    """A paragraph's first line, indented, last in its column and alone under a subheading, fills
    the column: it ends where the page's columns end, and the paragraph runs on at the next top."""
    from jianbao.read.layout import Line, page_from_lines
    left = [Line(0, 40 * k, 390, 40 * k + 34, 30, "左栏正文一直写到这一栏末尾。") for k in range(5)]
    head = Line(60, 240, 330, 274, 30, "三、凝聚工作合力")
    first = Line(60, 300, 390, 334, 30, "会上，他要求，要注")
    right = [Line(450, 0, 840, 34, 30, "重方法创新，加快构建农村人"), Line(450, 40, 600, 74, 30, "居环境。")]
    right += [Line(510 if k == 2 else 450, 40 * k, 840, 40 * k + 34, 30, "右栏后面的另一段正文内容。")
              for k in range(2, 9)]
    page = page_from_lines(left + [head, first] + right, 900, 1200, "x.png")
    assert "会上，他要求，要注重方法创新，加快构建农村人居环境。" in [b.text for b in page.blocks]


def test_type_height_is_the_body_not_a_wide_headline():
    """A page of short columns under a wide headline: the headline's characters are a tenth of the
    ink components, and the 90th percentile would take them for the page's type."""
    np = pytest.importorskip("numpy")
    from jianbao.read import ink
    mask = np.zeros((2400, 1600), dtype=bool)
    for k in range(28):                            # the headline: two lines of characters 80 px tall
        y, x = 40 + 100 * (k // 14), 60 + 100 * (k % 14)
        mask[y:y + 80, x:x + 70] = True
    for row in range(6):                           # body: characters 30 px tall (some in two parts)
        for k in range(16):
            x, y = 60 + 40 * k, 300 + 45 * row
            if k % 3:
                mask[y:y + 30, x:x + 28] = True
            else:
                mask[y:y + 12, x:x + 28] = True
                mask[y + 16:y + 30, x:x + 28] = True
    assert 28 <= ink.text_height(mask) <= 32


def test_headline_box_is_one_piece_across_its_colon_and_word_space():
    """A headline's ： leaves half-empty cells wider than a body character: the box is one line of
    large type, not pieces of two columns."""
    np = pytest.importorskip("numpy")
    from jianbao.read import ink
    mask = np.zeros((100, 900), dtype=bool)
    for x in (10, 100, 190):                       # 西津区
        mask[10:90, x:x + 76] = True
    mask[30:42, 300:312] = True                    # ：
    mask[60:72, 300:312] = True
    for x in (350, 440, 530, 660, 750):            # 跑出加 | 速度 after a word space
        mask[10:90, x:x + 76] = True
    (p,) = ink.pieces(mask, (0, 0, 900, 100), 30.0)
    assert (p.x0, p.x1, p.em) == (10, 826, 80)


def test_a_piece_takes_in_the_ink_its_box_clipped():
    np = pytest.importorskip("numpy")
    from jianbao.read import ink
    mask = np.zeros((100, 400), dtype=bool)
    for x in range(20, 320, 50):
        mask[20:66, x:x + 44] = True
    (p,) = ink.pieces(mask, (23, 24, 400, 100), 40.0)   # the box cut the top and the first stroke
    assert (p.x0, p.y0, p.x1, p.y1, p.em) == (20, 20, 314, 66, 46.0)


def test_words_of_a_headline_in_two_boxes_join_and_body_columns_do_not():
    """Two boxes round the words of one headline line are one piece; two body lines of two columns
    level across a tight gutter stay two."""
    from jianbao.read import ink
    head = [ink.Piece(440, 1076, 531, 1111, 35.0, False, 430, 545),
            ink.Piece(560, 1074, 911, 1113, 39.0, False, 545, 920)]
    body = [ink.Piece(229, 1128, 371, 1138, 9.0, False, 229, 376),
            ink.Piece(380, 1128, 523, 1138, 9.0, False, 376, 528)]
    got = sorted((p.x0, p.x1) for p in ink.joined(head + body, 8.0))
    assert got == [(229, 371), (380, 523), (440, 911)]


# ---- photos: a large toned region without text lines, its caption under it ----------------------

PHOTO_BODY = ("今年以来，县农业农村局组织技术人员深入田间地头，指导农户做好春耕备耕工作，确保粮食播种面积稳定"
              "在八十万亩以上，全县已调运种子化肥两万余吨，县里还组建了二十支农机服务队，为缺少劳力的家庭"
              "提供代耕代种服务，目前已完成机耕面积十二万亩，整体进度明显快于往年同期。")
PHOTO_CAPTION = "农机手驾驶拖拉机翻耕土地。新华社记者 王明 摄"


def _draw_photo_page(path):
    """A page image: a headline over two columns of body text; in the right column a photo (grey
    shapes, no text) with a one-line caption under it that ends in a credit, and the body's last
    lines under the caption."""
    colw = PER_LINE * BODY
    img, d, (body, head, small) = _canvas(60 + 2 * colw + 2 * GUTTER + 60, 1000, BODY, 2 * BODY, 18)
    d.text((60, 40), "春耕备耕正当时", font=head, fill=0)
    rows = [PHOTO_BODY[: PER_LINE - 2]] + [PHOTO_BODY[i:i + PER_LINE]
                                          for i in range(PER_LINE - 2, len(PHOTO_BODY), PER_LINE)]
    x2 = 60 + colw + 2 * GUTTER
    d.rectangle((x2, 140, x2 + colw, 560), fill=150)          # the photo: grey, with shapes
    for k, (cx, cy, r, tone) in enumerate(((120, 100, 60, 90), (300, 250, 90, 200), (200, 330, 50, 60))):
        d.ellipse((x2 + cx - r, 140 + cy - r, x2 + cx + r, 140 + cy + r), fill=tone)
    d.text((x2, 575), PHOTO_CAPTION, font=small, fill=0)
    places = [(60, 150 + 44 * r) for r in range(6)] + [(x2, 620 + 44 * r) for r in range(16)]
    for r, row in enumerate(rows):
        x, y = places[r]
        d.text((x + (2 * BODY if r == 0 else 0), y), row, font=body, fill=0)
    img.save(path)


@pytest.mark.ocr
def test_a_photo_is_an_image_block_and_its_caption_a_photo_article(tmp_path):
    """The photo enters the page as an image block (as a PDF's picture does), nothing read inside
    it; the caption under it is cut as a photo article with its credit, and the body that runs on
    round it stays one article, its paragraph whole."""
    pytest.importorskip("rapidocr_onnxruntime")
    from jianbao.pipeline import cut
    p = tmp_path / "photo.png"
    _draw_photo_page(p)
    page = next(read_pages(p, SETTINGS))
    images = [b for b in page.blocks if b.image]
    assert len(images) == 1
    x0, y0, x1, y1 = images[0].box
    assert x1 - x0 >= 0.9 * PER_LINE * BODY and 380 <= y1 - y0 <= 440
    doc = cut(page, SETTINGS).to_dict()
    photo = [a for a in doc["articles"] if a["kind"] == "photo"]
    news = [a for a in doc["articles"] if a["kind"] != "photo"]
    assert len(photo) == 1 and photo[0]["reporters"] == ["王明"], doc["articles"]
    assert _close("".join(photo[0]["paragraphs"]), PHOTO_CAPTION.split("新华社")[0]) >= 0.8
    assert len(news) == 1 and len(news[0]["paragraphs"]) == 1, news
    assert _close(news[0]["paragraphs"][0], PHOTO_BODY) >= 0.9


def test_photos_are_toned_regions_without_text():
    """A large grey region is a photo; a frame round a boxed article, a dark column logo a few
    ems tall, and a block of text lines (toned, but under their boxes) are not."""
    np = pytest.importorskip("numpy")
    from jianbao.read import ink
    g = np.full((600, 800), 255, dtype=np.uint8)
    g[50:250, 40:300] = 160                      # the photo
    g[80:120, 60:100] = 40
    g[300:560, 40:400] = 0                       # a frame, 2 px wide
    g[302:558, 42:398] = 255
    g[50:80, 400:560] = 20                       # a column logo on a dark ground, 3 ems tall
    text = []
    for k in range(12):                          # text lines, ink under their boxes
        y = 320 + 20 * k
        g[y:y + 10, 450:780] = 0
        text.append((450, y, 780, y + 10))
    got = ink.photos(g, text, 10.0)
    assert len(got) == 1
    x0, y0, x1, y1 = got[0]
    assert abs(x0 - 40) <= 2 and abs(y0 - 50) <= 2 and abs(x1 - 300) <= 2 and abs(y1 - 250) <= 2


def test_lines_all_inside_a_photo_leave_no_text_not_a_page_of_photos(monkeypatch):
    """Texture misread inside a photograph is no text: when every line stands inside a photo, the
    page has no text (NoTextLayer, a one-line reason), not a page of image lines that cannot be laid out."""
    from jianbao.read import image
    from jianbao.read.layout import Line
    lines = [Line(20, 20 + 12 * k, 80, 30 + 12 * k, 10.0, "纹理误读") for k in range(3)]
    monkeypatch.setattr(image.ink, "photos", lambda a, boxes, th: [(0, 0, 100, 100)])
    assert image._with_photos(None, lines, [], 10.0) == []
    monkeypatch.setattr(image.ink, "photos", lambda a, boxes, th: [(0, 0, 100, 25)])
    kept = image._with_photos(None, lines, [], 10.0)
    assert [l.text for l in kept] == ["纹理误读", "纹理误读", "![]()"]


# ---- column logos: a band of reverse video beside a headline -------------------------------------

LOGO = "田园新风"
LOGO_HEAD = "山区小县冬季大棚蔬菜喜获丰收"


def _draw_logo_page(path):
    """A page image: a column logo (white type on a black band) at the top left of its module, the
    headline level with it on its right, and three columns of body text: the first starts right
    under the logo (before the headline's foot), the others under the headline."""
    colw = PER_LINE * BODY
    img, d, (body, head, mid) = _canvas(60 + 3 * colw + 2 * GUTTER + 60, 640, BODY, 2 * BODY, 34)
    d.rectangle((60, 60, 60 + 4 * 34 + 16, 60 + 34 + 14), fill=0)           # the band
    d.text((68, 64), LOGO, font=mid, fill=255)
    d.text((60 + colw + GUTTER, 56), LOGO_HEAD, font=head, fill=0)
    for k, text in enumerate(COLUMNS):
        x, top = 60 + k * (colw + GUTTER), (130 if k == 0 else 160)
        rows = [text[: PER_LINE - 2]] + [text[i:i + PER_LINE] for i in range(PER_LINE - 2, len(text), PER_LINE)]
        for r, row in enumerate(rows):
            d.text((x + (2 * BODY if r == 0 else 0), top + 44 * r), row, font=body, fill=0)
    img.save(path)


@pytest.mark.ocr
def test_a_logo_on_a_ground_is_a_logo_block_and_its_headline_heads_the_column_under_it(tmp_path):
    """The logo is told by its look (its type cut out of a black band): a block of its own, category
    "logo", never joined to the headline; the logo and the headline come first, then the column that
    starts under the logo, then the others: the headline heads all three."""
    pytest.importorskip("rapidocr_onnxruntime")
    p = tmp_path / "logo.png"
    _draw_logo_page(p)
    page = next(read_pages(p, SETTINGS))
    blocks = [b for b in page.blocks if b.zone is None]
    texts = [b.text.lstrip("# ") for b in blocks]
    assert [b.category for b in blocks[:2]] == ["logo", None], texts
    assert _close(texts[0], LOGO) >= 0.7 and _close(texts[1], LOGO_HEAD) >= 0.8, texts
    assert len(texts) == 5, texts
    for got, want in zip(texts[2:], COLUMNS):
        assert _close(got, want) >= 0.9, (got, want)
    assert [b.category for b in blocks[2:]] == [None] * 3


def test_a_piece_on_a_ground_is_told_from_type_on_paper():
    """Reverse video (light type cut out of a band) and a frame fill a piece's box to its edges;
    bold type on paper touches them only at a few strokes."""
    np = pytest.importorskip("numpy")
    from jianbao.read import ink
    mask = np.zeros((100, 400), dtype=bool)
    mask[10:40, 10:130] = True                    # a band, the type cut out of it
    for x in range(16, 124, 30):
        mask[16:34, x:x + 18] = False
    mask[10:40, 200:320] = True                   # a frame round type
    mask[12:38, 202:318] = False
    mask[18:32, 210:310:6] = True
    for x in range(10, 130, 30):                  # bold type on paper, strokes to the box's edges
        mask[60:90, x + 4:x + 10] = True
        mask[74:78, x:x + 26] = True
    band, frame, bold = (ink.Piece(x0, y0, x1, y1, 30.0, False) for x0, y0, x1, y1 in
                         ((10, 10, 130, 40), (200, 10, 320, 40), (10, 60, 136, 90)))
    assert ink.grounded(mask, band) and ink.grounded(mask, frame)
    assert not ink.grounded(mask, bold)


@pytest.mark.ocr
def test_a_page_of_more_than_a_thousand_text_regions_loses_none(tmp_path):
    """RapidOCR's detector keeps 1,000 regions of its map unless told otherwise, and a broadsheet can
    hold more lines than that: a page of 1,200 short words, each a region of its own, gives a box
    for every one, the top rows as well as the foot."""
    pytest.importorskip("rapidocr_onnxruntime")
    np = pytest.importorskip("numpy")
    from jianbao.read import image, ink
    words = "农业林业牧业渔业种子化肥大棚蔬菜水果茶叶"
    cols, rows = 30, 40
    img, d, (font,) = _canvas(40 + cols * 110, 40 + rows * 56, 24)
    for r in range(rows):
        for c in range(cols):
            k = 2 * ((r * cols + c) % (len(words) // 2))
            d.text((20 + 110 * c, 20 + 56 * r), words[k:k + 2], font=font, fill=0)
    a = np.asarray(img)
    boxes, th = image._detect(image.engine(), a, ink.ink_mask(a))
    assert len(boxes) >= rows * cols
    tops = sorted({round((b[1] - 20) / 56) for b in boxes})
    assert tops == list(range(rows))
