"""sniff_media_type and describe_unsupported: decided by content, not by name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.media_types import describe_unsupported, media_type_of_name, sniff_media_type
from rogatory.sources import MediaType

SNIFFED = [
    (b"%PDF-1.7\n...", MediaType.PDF),
    (b"\xef\xbb\xbf\r\n%PDF-1.4", MediaType.PDF),
    (b"x" * 1000 + b"%PDF-1.4", MediaType.PDF),
    (b"x" * 1020 + b"%PDF-1.4", None),
    (b"II*\x00\x08\x00\x00\x00", MediaType.TIFF),
    (b"MM\x00*\x00\x00\x00\x08", MediaType.TIFF),
    (b"\x89PNG\r\n\x1a\n\x00\x00", MediaType.PNG),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", MediaType.JPEG),
    (b"PK\x03\x04\x14\x00", None),
    (b"GIF89a", None),
    (b"", None),
    (b"%PDF", None),
]


@pytest.mark.parametrize(("data", "expected"), SNIFFED)
def test_sniff_media_type(data: bytes, expected: MediaType | None) -> None:
    assert sniff_media_type(data) == expected


DESCRIBED = [
    (b"PK\x03\x04rest", "a ZIP archive or an office document (.docx, .xlsx, .odt)"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest",
        "an old Microsoft Office file (.doc, .xls) or an Outlook message",
    ),
    (b"{\\rtf1\\ansi", "a rich-text document (.rtf)"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "a WebP image"),
    (b"  <!DOCTYPE html><html>", "a web page (HTML)"),
    ("Запрос о правовой помощи".encode(), "a plain-text file"),
    ("طلب مساعدة قانونية".encode()[:-1], "a plain-text file"),
    (b"\x00\x01\x02\x03", "a file of an unknown kind"),
]


@pytest.mark.parametrize(("data", "expected"), DESCRIBED)
def test_describe_unsupported(data: bytes, expected: str) -> None:
    assert describe_unsupported(data) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.PDF", MediaType.PDF),
        ("b.tiff", MediaType.TIFF),
        ("c.Jpeg", MediaType.JPEG),
        ("d.docx", None),
        ("e", None),
    ],
)
def test_media_type_of_name(name: str, expected: MediaType | None) -> None:
    assert media_type_of_name(name) == expected


@given(st.binary(max_size=64))
def test_sniffing_never_raises_and_agrees_with_the_pdf_header(data: bytes) -> None:
    result = sniff_media_type(data)
    if b"%PDF-" in data and result is None:
        pytest.fail("a PDF header in the first bytes must be recognised")
    assert result is None or isinstance(result, MediaType)
