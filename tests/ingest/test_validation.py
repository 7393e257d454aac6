"""validate_original: each bad input gets its stable code and a reason a clerk can act on."""

from __future__ import annotations

import pytest

from ingest.validation import RejectionCode, ValidationLimits, validate_original
from rogatory.errors import InputError
from rogatory.sources import MediaType
from tests.ingest import originals

LIMITS = ValidationLimits(max_file_bytes=5_000_000, max_pages=4, max_image_pixels=10_000_000)


def _damaged_png() -> bytes:
    data = bytearray(originals.image("PNG", size=(200, 200)))
    index = data.index(b"IDAT") + 8
    data[index : index + 4] = b"\x00\x00\x00\x00"
    return bytes(data)


BAD_INPUTS = [
    # (name, data, expected code, phrases the reason must contain)
    ("empty.pdf", b"", RejectionCode.EMPTY, ("'empty.pdf' is empty (0 bytes)", "Scan or copy it again")),
    (
        "half.pdf",
        originals.pdf(3)[:300],
        RejectionCode.TRUNCATED_PDF,
        ("'half.pdf' is a PDF file that is incomplete", "ask the sender for a new copy"),
    ),
    (
        "garbage.pdf",
        b"%PDF-1.7\n" + bytes(range(256)) * 4 + b"\n%%EOF\n",
        RejectionCode.CORRUPT_PDF,
        ("'garbage.pdf' is a PDF file that is damaged and cannot be opened",),
    ),
    (
        "locked.pdf",
        originals.hand_written_pdf(encrypted=True),
        RejectionCode.ENCRYPTED,
        ("password-protected PDF", "copy without a password"),
    ),
    (
        "request.pdf",
        originals.zip_archive(),
        RejectionCode.UNSUPPORTED_TYPE,
        ("'request.pdf' is a ZIP archive or an office document (.docx", "save or print it as PDF"),
    ),
    (
        "note.txt",
        "Demande d'entraide judiciaire — résumé des faits".encode(),
        RejectionCode.UNSUPPORTED_TYPE,
        ("'note.txt' is a plain-text file, not a scan", "accepts PDF, TIFF, PNG and JPEG"),
    ),
    (
        "huge.png",
        originals.png_claiming(60000, 60000),
        RejectionCode.IMAGE_TOO_LARGE,
        ("60000 x 60000 pixels", "limit of 10,000,000 pixels", "300 dpi or less"),
    ),
    (
        "damaged.png",
        _damaged_png(),
        RejectionCode.CORRUPT_IMAGE,
        ("looks like a PNG image but cannot be read",),
    ),
    (
        "cut.jpg",
        originals.image("JPEG", size=(400, 300))[:400],
        RejectionCode.CORRUPT_IMAGE,
        ("looks like a JPEG image but cannot be read",),
    ),
    (
        "long.pdf",
        originals.pdf(5),
        RejectionCode.TOO_MANY_PAGES,
        ("'long.pdf' has 5 pages, more than the limit of 4", "Split it"),
    ),
    ("long.tif", originals.image("TIFF", frames=5), RejectionCode.TOO_MANY_PAGES, ("has 5 pages",)),
    (
        "big.pdf",
        originals.pdf(1) + b"\0" * 5_000_000,
        RejectionCode.TOO_LARGE,
        ("more than the limit of 5.0 MB", "Split it into several files"),
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "code", "phrases"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS]
)
def test_bad_input_is_refused_with_its_code_and_a_readable_reason(
    name: str, data: bytes, code: RejectionCode, phrases: tuple[str, ...]
) -> None:
    with pytest.raises(InputError) as caught:
        validate_original(data, name=name, limits=LIMITS)
    assert caught.value.code == code
    for phrase in phrases:
        assert phrase in caught.value.message


GOOD_INPUTS = [
    ("scan.pdf", originals.pdf(4), MediaType.PDF),
    ("hand.pdf", originals.hand_written_pdf(encrypted=False), MediaType.PDF),
    ("junk-before-header.pdf", b"\r\n\x00junk" + originals.pdf(1), MediaType.PDF),
    ("scan.png", originals.image("PNG"), MediaType.PNG),
    ("scan.jpg", originals.image("JPEG"), MediaType.JPEG),
    ("scan.tif", originals.image("TIFF", frames=4), MediaType.TIFF),
    ("misnamed.pdf", originals.image("PNG"), MediaType.PNG),
    ("no-extension", originals.pdf(1), MediaType.PDF),
]


@pytest.mark.parametrize(("name", "data", "media_type"), GOOD_INPUTS, ids=[case[0] for case in GOOD_INPUTS])
def test_good_input_is_accepted_with_the_type_of_its_content(
    name: str, data: bytes, media_type: MediaType
) -> None:
    source = validate_original(data, name=name, limits=LIMITS)
    assert (source.media_type, source.name, source.data) == (media_type, name, data)


def test_an_image_at_the_pixel_limit_is_accepted_and_one_pixel_more_is_refused() -> None:
    limits = ValidationLimits(max_file_bytes=5_000_000, max_pages=4, max_image_pixels=40 * 30)
    assert validate_original(originals.image("PNG"), name="a.png", limits=limits).media_type == MediaType.PNG
    with pytest.raises(InputError) as caught:
        validate_original(originals.image("PNG", size=(41, 30)), name="a.png", limits=limits)
    assert caught.value.code == RejectionCode.IMAGE_TOO_LARGE


def test_a_pdf_cut_just_before_its_end_marker_is_refused_as_truncated() -> None:
    data = originals.pdf(2)
    cut = data[: data.rindex(b"%%EOF")]
    with pytest.raises(InputError) as caught:
        validate_original(cut, name="cut.pdf", limits=LIMITS)
    assert caught.value.code == RejectionCode.TRUNCATED_PDF
