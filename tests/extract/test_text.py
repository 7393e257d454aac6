"""Tests of the text extraction stage, extract/text.py, on files made in the test.

Tests that run the real tesseract are marked slow (a few seconds each).
"""

from __future__ import annotations

import io
import re
import stat
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.engines import TextEngines, load_text_engines
from extract.ocr_process import OcrProcess
from extract.text import TextOptions, extract_text
from rogatory.errors import InputError
from rogatory.records import IssueCode, TextSource
from rogatory.sources import MediaType, SourceFile
from tests.extract.test_pdf import make_text_pdf

OPTIONS = TextOptions(dpi=200, timeout_seconds=60.0)
LETTER_FR = [
    "Objet : demande d'entraide judiciaire en matière pénale",
    "Le procureur de la République sollicite l'audition",
    "de deux témoins et la saisie des comptes bancaires",
    "ouverts au nom de la société mise en cause.",
    "Les faits sont qualifiés de blanchiment d'argent",
    "et de corruption d'agent public étranger.",
]
LETTER_EN = [
    "Re: request for mutual legal assistance in criminal matters",
    "The requesting authority asks for the hearing of witnesses",
    "and for the freezing of the bank accounts of the suspect.",
    "The facts are qualified as money laundering and bribery",
    "of foreign public officials under the Criminal Code.",
]

LETTER_RU = [
    "Запрос о взаимной правовой помощи по уголовному делу",
    "Генеральная прокуратура просит допросить свидетелей",
    "и наложить арест на банковские счета подозреваемого.",
    "Деяния квалифицированы как легализация денежных средств",
    "и получение взятки должностным лицом иностранного государства.",
    "Просим сообщить о результатах в возможно короткий срок.",
]


@pytest.fixture(scope="module")
def engines() -> TextEngines:
    return load_text_engines()


def typeface(size: int) -> ImageFont.FreeTypeFont:
    """DejaVu Sans (accents, Cyrillic, Arabic); the test is skipped where it is not installed."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        pytest.skip("the DejaVu Sans font is not installed")


def page_image(lines: list[str], *, size: int = 34, top: int = 200) -> Image.Image:
    """An A4 page at 200 dpi with the lines typed from ``top`` (pixels; default at its top)."""
    font = typeface(size)
    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((150, top + index * size * 2), line, fill=0, font=font)
    return image


def encode(images: list[Image.Image], image_format: str) -> bytes:
    buffer = io.BytesIO()
    extra = {"resolution": 200.0} if image_format == "PDF" else {"dpi": (200, 200)}
    images[0].save(buffer, format=image_format, save_all=len(images) > 1, append_images=images[1:], **extra)
    return buffer.getvalue()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def fake_tesseract(tmp_path: Path, script: str) -> str:
    path = tmp_path / "tesseract"
    path.write_text("#!/bin/sh\ncat > /dev/null\n" + script + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_born_digital_pdf_uses_its_text_layer(engines: TextEngines) -> None:
    lines = ["Request for mutual legal assistance in criminal matters", *LETTER_EN[1:]]
    data = make_text_pdf([lines, ["Freezing of the bank accounts held by the suspect, as described above."]])
    document = extract_text(SourceFile(data=data, media_type=MediaType.PDF), engines=engines, options=OPTIONS)
    assert [page.source for page in document.pages] == [TextSource.TEXT_LAYER, TextSource.TEXT_LAYER]
    assert document.pages[0].text == "\n".join(lines)
    assert (
        document.text
        == "\n".join(lines) + "\fFreezing of the bank accounts held by the suspect, as described above."
    )
    assert (document.language, document.pages[0].language) == ("en", "en")
    assert document.pages[0].confidence == 1.0
    assert document.language_confidence > 0.5


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", b"%PDF-1.4\n" + bytes(range(256)) * 4],
)
def test_corrupt_pdf_is_an_input_error(engines: TextEngines, data: bytes) -> None:
    source = SourceFile(data=data, media_type=MediaType.PDF, name="demande.pdf")
    with pytest.raises(InputError) as raised:
        extract_text(source, engines=engines, options=OPTIONS)
    assert raised.value.code == "corrupt_pdf"
    assert "demande.pdf" in raised.value.message


def test_page_limit_and_pixel_limit_come_from_the_options(engines: TextEngines) -> None:
    pdf = SourceFile(data=make_text_pdf([["one page"], ["two pages"]]), media_type=MediaType.PDF)
    with pytest.raises(InputError, match="more than the 1 allowed"):
        extract_text(pdf, engines=engines, options=TextOptions(max_pages=1))
    png = SourceFile(data=encode([Image.new("L", (1000, 1000))], "PNG"), media_type=MediaType.PNG)
    with pytest.raises(InputError, match="too large"):
        extract_text(png, engines=engines, options=TextOptions(max_image_pixels=500_000))


def test_tesseract_crash_empties_the_page_only(engines: TextEngines, tmp_path: Path) -> None:
    broken = TextEngines(detector=engines.detector, tesseract=fake_tesseract(tmp_path, "exit 134"))
    data = encode([page_image(LETTER_EN)], "TIFF")
    document = extract_text(SourceFile(data=data, media_type=MediaType.TIFF), engines=broken, options=OPTIONS)
    assert len(document.pages) == 1
    page = document.pages[0]
    assert (page.text, page.source, page.confidence) == ("", TextSource.NONE, 0.0)
    assert [(i.code, i.page, i.message) for i in page.issues] == [
        (IssueCode.OCR_FAILED, 1, "page 1: OCR failed: exit status 134")
    ]
    assert document.language is None
    assert [(i.code, i.message) for i in document.issues] == [
        (IssueCode.LANGUAGE_UNKNOWN, "the language of the document could not be determined")
    ]


@pytest.mark.slow
def test_scanned_pdf_is_ocred_in_its_language(engines: TextEngines) -> None:
    data = encode([page_image(LETTER_FR)], "PDF")
    document = extract_text(SourceFile(data=data, media_type=MediaType.PDF), engines=engines, options=OPTIONS)
    page = document.pages[0]
    assert page.source == TextSource.OCR
    assert words(page.text) == words("\n".join(LETTER_FR))
    assert (document.language, page.language) == ("fr", "fr")
    assert page.confidence > 0.8
    assert (page.width, page.height) == (pytest.approx(1654, abs=1), pytest.approx(2339, abs=1))
    assert page.words[0].text == "Objet"


@pytest.mark.slow
def test_multi_page_tiff_with_a_turned_and_a_blank_page(engines: TextEngines) -> None:
    frames = [
        page_image(LETTER_EN),
        page_image(LETTER_EN[::-1]).transpose(Image.Transpose.ROTATE_180),
        Image.new("L", (1654, 2339), 255),
    ]
    document = extract_text(
        SourceFile(data=encode(frames, "TIFF"), media_type=MediaType.TIFF), engines=engines, options=OPTIONS
    )
    first, turned, blank = document.pages
    assert words(first.text) == words("\n".join(LETTER_EN))
    assert words(turned.text) == words("\n".join(LETTER_EN[::-1]))
    assert (first.rotation, turned.rotation) == (0, 180)  # the viewer turns its image the same way
    assert (blank.text, blank.source, blank.confidence) == ("", TextSource.NONE, 0.0)
    assert [(i.code, i.message) for i in blank.issues] == [
        (IssueCode.NO_TEXT, "page 3: no text found (blank page or picture only)")
    ]
    assert document.language == "en"


@pytest.mark.slow
def test_mixed_pdf_is_read_page_by_page(engines: TextEngines) -> None:
    mixed = pdfium.PdfDocument(make_text_pdf([["Request for mutual legal assistance", *LETTER_EN[1:]]]))
    mixed.import_pages(pdfium.PdfDocument(encode([page_image(LETTER_EN)], "PDF")))
    buffer = io.BytesIO()
    mixed.save(buffer)
    document = extract_text(
        SourceFile(data=buffer.getvalue(), media_type=MediaType.PDF), engines=engines, options=OPTIONS
    )
    assert [page.source for page in document.pages] == [TextSource.TEXT_LAYER, TextSource.OCR]
    assert words(document.pages[1].text) == words("\n".join(LETTER_EN))


@pytest.mark.slow
def test_jpeg_exif_orientation_is_applied_before_ocr(engines: TextEngines) -> None:
    exif = Image.Exif()
    exif[0x0112] = 8  # shown turned 90 degrees anticlockwise: stored turned clockwise
    stored = page_image(LETTER_EN).transpose(Image.Transpose.ROTATE_270)
    buffer = io.BytesIO()
    stored.save(buffer, format="JPEG", exif=exif.tobytes(), quality=90)
    document = extract_text(
        SourceFile(data=buffer.getvalue(), media_type=MediaType.JPEG), engines=engines, options=OPTIONS
    )
    page = document.pages[0]
    assert (page.width, page.height) == (1654, 2339)
    assert words(page.text) == words("\n".join(LETTER_EN))


def logging_tesseract(tmp_path: Path) -> tuple[str, Path]:
    """The real tesseract behind a script that writes each call's arguments to a log."""
    log = tmp_path / "calls.log"
    return fake_tesseract(tmp_path, f'echo "$*" >> {log}\nexec /usr/bin/tesseract "$@"'), log


def test_a_crash_of_the_ocr_child_empties_the_page_only(engines: TextEngines, tmp_path: Path) -> None:
    # The child's interpreter replaced by one that dies at once, as a crashing library would.
    dying = tmp_path / "python"
    dying.write_text("#!/bin/sh\nexit 134\n")
    dying.chmod(dying.stat().st_mode | stat.S_IEXEC)
    broken = TextEngines(
        detector=engines.detector, tesseract="/usr/bin/tesseract", ocr=OcrProcess(python=str(dying))
    )
    data = encode([page_image(LETTER_EN)], "TIFF")
    document = extract_text(SourceFile(data=data, media_type=MediaType.TIFF), engines=broken, options=OPTIONS)
    assert [[issue.message for issue in page.issues] for page in document.pages] == [
        ["page 1: OCR failed: tesseract stopped (exit status 134)"]
    ]
    assert document.pages[0].text == ""
    assert engines.ocr is not None
    text = extract_text(SourceFile(data=data, media_type=MediaType.TIFF), engines=engines, options=OPTIONS)
    assert words(text.pages[0].text) == words("\n".join(LETTER_EN))


@pytest.mark.slow
def test_russian_page_is_chosen_by_a_script_probe_without_osd(engines: TextEngines, tmp_path: Path) -> None:
    executable, log = logging_tesseract(tmp_path)
    logged = TextEngines(detector=engines.detector, tesseract=executable)
    data = encode([page_image(LETTER_RU)], "TIFF")
    document = extract_text(SourceFile(data=data, media_type=MediaType.TIFF), engines=logged, options=OPTIONS)
    assert words(document.pages[0].text) == words("\n".join(LETTER_RU))
    assert document.language == "ru"
    calls = log.read_text().splitlines()
    assert not any("--psm 0" in call for call in calls)
    assert "-l rus+eng" in calls[-1]


@pytest.mark.slow
def test_upside_down_russian_page_falls_back_to_osd_and_is_turned(
    engines: TextEngines, tmp_path: Path
) -> None:
    executable, log = logging_tesseract(tmp_path)
    logged = TextEngines(detector=engines.detector, tesseract=executable)
    frame = page_image(LETTER_RU).transpose(Image.Transpose.ROTATE_180)
    source = SourceFile(data=encode([frame], "TIFF"), media_type=MediaType.TIFF)
    document = extract_text(source, engines=logged, options=OPTIONS)
    page = document.pages[0]
    assert (page.rotation, document.language) == (180, "ru")
    assert words(page.text) == words("\n".join(LETTER_RU))
    assert any("--psm 0" in call for call in log.read_text().splitlines())


@pytest.mark.slow
def test_page_of_little_latin_text_is_chosen_without_osd(engines: TextEngines, tmp_path: Path) -> None:
    # Two lines of French body text: fewer letters than a probe needs, upright and clear.
    executable, log = logging_tesseract(tmp_path)
    logged = TextEngines(detector=engines.detector, tesseract=executable)
    lines = LETTER_FR[1:3]
    data = encode([page_image(lines, top=900)], "TIFF")
    document = extract_text(SourceFile(data=data, media_type=MediaType.TIFF), engines=logged, options=OPTIONS)
    assert words(document.pages[0].text) == words("\n".join(lines))
    assert document.language == "fr"
    calls = log.read_text().splitlines()
    assert not any("--psm 0" in call for call in calls)
    assert "-l fra " in calls[-1]


def models_read(engines: TextEngines, tmp_path: Path, image: Image.Image) -> tuple[str | None, list[str]]:
    """The document language of a one-page TIFF and the models of each tesseract call, in order."""
    executable, log = logging_tesseract(tmp_path)
    logged = TextEngines(detector=engines.detector, tesseract=executable)
    source = SourceFile(data=encode([image], "TIFF"), media_type=MediaType.TIFF)
    document = extract_text(source, engines=logged, options=OPTIONS)
    return document.language, [call.split(" -l ")[1].split()[0] for call in log.read_text().splitlines()]


@pytest.mark.slow
def test_a_page_whose_text_is_not_in_its_probes_language_is_read_again(
    engines: TextEngines, tmp_path: Path
) -> None:
    # The lines the probe reads are an English block; the page below it, twice as long, is French.
    lines = LETTER_EN + LETTER_EN + LETTER_FR * 4
    image = page_image(lines, size=24, top=520)
    assert models_read(engines, tmp_path, image) == ("fr", ["eng", "eng", "fra"])


@pytest.mark.slow
def test_a_page_in_its_probes_language_is_read_once(engines: TextEngines, tmp_path: Path) -> None:
    image = page_image(LETTER_FR + LETTER_FR, top=520)
    assert models_read(engines, tmp_path, image) == ("fr", ["eng", "fra"])
