"""Tests of extract/tesseract.py: TSV and OSD parsing, and the tesseract process itself."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.tesseract import (
    Orientation,
    TesseractError,
    check_tesseract,
    detect_orientation,
    parse_osd,
    parse_tsv,
    recognise,
)
from rogatory.errors import ConfigurationError
from rogatory.records import Word

TESSERACT = "/usr/bin/tesseract"
HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def tsv(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


def text_image(lines: list[str], *, size: int = 40) -> Image.Image:
    font = ImageFont.load_default(size=size)
    image = Image.new("L", (1400, 120 + len(lines) * size * 2), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((80, 60 + index * size * 2), line, fill=0, font=font)
    return image


def fake_tesseract(tmp_path: Path, script: str) -> str:
    path = tmp_path / "tesseract"
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_parse_tsv_groups_words_into_lines() -> None:
    output = tsv(
        "1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t",
        "4\t1\t1\t1\t1\t0\t10\t10\t300\t30\t-1\t",
        "5\t1\t1\t1\t1\t1\t10\t10\t100\t30\t90.0\tMutual",
        "5\t1\t1\t1\t1\t2\t120\t10\t60\t30\t80.0\tlegal",
        "5\t1\t1\t1\t2\t1\t10\t50\t100\t30\t95.5\tassistance",
        "5\t1\t2\t1\t1\t1\t10\t200\t40\t30\t-1\t ",
        "5\t1\t2\t1\t1\t2\t60\t200\t40\t30\t50\tArt.",
    )
    result = parse_tsv(output)
    assert result.text == "Mutual legal\nassistance\nArt."
    assert result.words[0] == Word(text="Mutual", left=10, top=10, width=100, height=30, confidence=0.9)
    assert [word.text for word in result.words] == ["Mutual", "legal", "assistance", "Art."]
    expected = (0.9 * 6 + 0.8 * 5 + 0.955 * 10 + 0.5 * 4) / 25
    assert result.confidence == pytest.approx(expected)


def test_parse_tsv_drops_lines_read_with_low_confidence() -> None:
    output = tsv(
        "5\t1\t1\t1\t1\t1\t10\t10\t100\t30\t91.0\tRequest",
        "5\t1\t1\t1\t2\t1\t10\t50\t900\t30\t12.0\t_—_——=—%1%1464+",
        "5\t1\t1\t1\t2\t2\t950\t50\t20\t30\t45.0\t|",
        "5\t1\t1\t1\t3\t1\t10\t90\t100\t30\t35.0\tfuzzy",
        "5\t1\t1\t1\t3\t2\t120\t90\t100\t30\t88.0\tword",
    )
    result = parse_tsv(output)
    assert result.text == "Request\nfuzzy word"
    assert [word.text for word in result.words] == ["Request", "fuzzy", "word"]


@pytest.mark.parametrize("output", ["", HEADER + "\n", tsv("1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t")])
def test_parse_tsv_of_an_empty_page(output: str) -> None:
    result = parse_tsv(output)
    assert (result.text, result.words, result.confidence) == ("", (), 0.0)


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (
            "Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: 12.57\n"
            "Script: Cyrillic\nScript confidence: 14.83\n",
            Orientation(rotate=90, orientation_confidence=12.57, script="Cyrillic", script_confidence=14.83),
        ),
        (
            "Rotate: 0\nOrientation confidence: 3.5\nScript: Latin\nScript confidence: 2.0\n",
            Orientation(rotate=0, orientation_confidence=3.5, script="Latin", script_confidence=2.0),
        ),
        ("Too few characters. Skipping this page\nError during processing.\n", None),
        ("Rotate: ninety\nOrientation confidence: 1\nScript: Latin\nScript confidence: 1\n", None),
    ],
)
def test_parse_osd(output: str, expected: Orientation | None) -> None:
    assert parse_osd(output) == expected


def test_missing_executable_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        check_tesseract(executable=str(tmp_path / "no-tesseract"))
    with pytest.raises(ConfigurationError):
        recognise(text_image(["x"]), executable=str(tmp_path / "none"), languages="eng", timeout_seconds=5)


def test_crash_becomes_a_tesseract_error(tmp_path: Path) -> None:
    executable = fake_tesseract(tmp_path, "cat > /dev/null; echo 'Segmentation fault' >&2; exit 139")
    with pytest.raises(TesseractError) as raised:
        recognise(text_image(["x"]), executable=executable, languages="eng", timeout_seconds=5)
    assert raised.value.code == "ocr_failed"
    assert "Segmentation fault" in raised.value.message


def test_timeout_becomes_a_tesseract_error(tmp_path: Path) -> None:
    executable = fake_tesseract(tmp_path, "exec sleep 5")
    with pytest.raises(TesseractError) as raised:
        detect_orientation(text_image(["x"]), executable=executable, timeout_seconds=0.2)
    assert raised.value.code == "ocr_timeout"


def test_tesseract_runs_with_one_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    executable = fake_tesseract(tmp_path, 'cat > /dev/null; [ "$OMP_THREAD_LIMIT" = 1 ] || exit 3')
    result = recognise(text_image(["x"]), executable=executable, languages="eng", timeout_seconds=5)
    assert result.words == ()


def test_thread_limit_is_the_callers_not_the_environments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OMP_THREAD_LIMIT", "8")
    executable = fake_tesseract(tmp_path, 'cat > /dev/null; [ "$OMP_THREAD_LIMIT" = 3 ] || exit 3')
    recognise(text_image(["x"]), executable=executable, languages="eng", timeout_seconds=5, threads=3)
    osd_output = "Rotate: 0\nOrientation confidence: 9\nScript: Latin\nScript confidence: 9\n"
    check_two = '[ "$OMP_THREAD_LIMIT" = 2 ] || exit 3'
    osd = fake_tesseract(tmp_path, f'cat > /dev/null; {check_two}; printf "{osd_output}"')
    orientation = detect_orientation(text_image(["x"]), executable=osd, timeout_seconds=5, threads=2)
    assert orientation is not None
    assert orientation.script == "Latin"
    with pytest.raises(TesseractError):
        recognise(text_image(["x"]), executable=executable, languages="eng", timeout_seconds=5, threads=1)


def test_page_reaches_tesseract_as_an_uncompressed_tiff_file_removed_after(tmp_path: Path) -> None:
    seen = tmp_path / "seen.tif"
    executable = fake_tesseract(tmp_path, f'cp "$1" {seen}; echo "$1" > {tmp_path / "name"}')
    image = text_image(["Request for mutual legal assistance"]).convert("1")
    recognise(image, executable=executable, languages="eng", timeout_seconds=5, dpi=300)
    with Image.open(seen) as received:
        assert (received.format, received.mode, received.info["compression"]) == ("TIFF", "1", "raw")
        assert received.tobytes() == image.tobytes()
    assert not Path((tmp_path / "name").read_text().strip()).exists()


@pytest.mark.slow
def test_recognise_reads_words_with_boxes() -> None:
    image = text_image(["Request for mutual legal assistance", "Freezing of bank accounts"])
    result = recognise(image, executable=TESSERACT, languages="eng", timeout_seconds=60, dpi=300)
    assert result.text == "Request for mutual legal assistance\nFreezing of bank accounts"
    assert result.confidence > 0.8
    first = result.words[0]
    assert first.text == "Request"
    assert 60 <= first.left <= 100
    assert 50 <= first.top <= 80


@pytest.mark.slow
@pytest.mark.parametrize(
    ("turn", "rotate"),
    [(Image.Transpose.ROTATE_90, 90), (Image.Transpose.ROTATE_270, 270), (Image.Transpose.ROTATE_180, 180)],
)
def test_detect_orientation_of_a_turned_page(turn: Image.Transpose, rotate: int) -> None:
    lines = ["The requesting authority asks for the hearing of witnesses"] * 12
    orientation = detect_orientation(
        text_image(lines, size=32).transpose(turn), executable=TESSERACT, timeout_seconds=60, dpi=300
    )
    assert orientation is not None
    assert orientation.rotate == rotate


@pytest.mark.slow
def test_detect_orientation_of_a_blank_page() -> None:
    blank = Image.new("L", (800, 1000), 255)
    assert detect_orientation(blank, executable=TESSERACT, timeout_seconds=60) is None
