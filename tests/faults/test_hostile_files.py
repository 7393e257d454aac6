"""Hostile and broken originals through intake: each refused with its code and a reason a
clerk can act on, recorded, quarantined with a ``.reason.txt``; intake goes on working.

Both entry points of intake run every case: the watched folder (:func:`intake_file`)
and an upload (:func:`intake_bytes`), on a real SQLite database and filesystem store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from extract.images import read_image_pages
from extract.pdf import open_pdf, read_pdf_pages
from ingest.intake import IntakeContext, intake_bytes, intake_file
from ingest.validation import RejectionCode
from rogatory.errors import InputError
from rogatory.registration import IntakeResult
from rogatory.settings import Settings
from storage.database import open_database
from storage.objects import FilesystemObjectStore
from storage.registry import list_rejections, list_requests
from tests.faults import hostile
from tests.ingest import originals

pytestmark = pytest.mark.faults

Case = tuple[str, Callable[[], bytes], RejectionCode | str, str]

CASES: list[Case] = [
    ("empty.pdf", lambda: b"", RejectionCode.EMPTY, "is empty (0 bytes)"),
    ("truncated.pdf", hostile.truncated_pdf, RejectionCode.TRUNCATED_PDF, "incomplete (its end is missing)"),
    ("corrupt.pdf", hostile.corrupt_pdf, RejectionCode.CORRUPT_PDF, "damaged and cannot be opened"),
    ("header-only.pdf", hostile.header_only_pdf, RejectionCode.CORRUPT_PDF, "damaged"),
    ("no-pages.pdf", hostile.pdf_without_pages, RejectionCode.CORRUPT_PDF, "cannot be opened"),
    (
        "locked.pdf",
        lambda: originals.hand_written_pdf(encrypted=True),
        RejectionCode.ENCRYPTED,
        "password-protected",
    ),
    ("script.pdf", hostile.pdf_with_javascript, RejectionCode.ACTIVE_CONTENT, "contains JavaScript"),
    ("launch.pdf", hostile.pdf_launching_a_program, RejectionCode.ACTIVE_CONTENT, "starts a program"),
    ("open-uri.pdf", hostile.pdf_opening_a_web_address, RejectionCode.ACTIVE_CONTENT, "opens a web address"),
    (
        "page-uri.pdf",
        hostile.pdf_opening_a_web_address_with_its_page,
        RejectionCode.ACTIVE_CONTENT,
        "opens a web address by itself",
    ),
    (
        "stream-uri.pdf",
        hostile.pdf_opening_a_web_address_from_an_object_stream,
        RejectionCode.ACTIVE_CONTENT,
        "opens a web address by itself",
    ),
    ("submit.pdf", hostile.pdf_submitting_a_form, RejectionCode.ACTIVE_CONTENT, "sends data out"),
    # A PDF with attached files is a request with annexes (tests/ingest/test_single_carriers.py);
    # one that also runs JavaScript is refused for it, nothing taken out of it.
    (
        "script-annex.pdf",
        hostile.pdf_with_javascript_and_embedded_files,
        RejectionCode.ACTIVE_CONTENT,
        "contains JavaScript",
    ),
    ("broken.zip", hostile.damaged_zip, "damaged_archive", "is a damaged ZIP file"),
    ("100000-pages.pdf", hostile.pdf_claiming_pages, RejectionCode.TOO_MANY_PAGES, "has 100000 pages"),
    ("stream-bomb.pdf", hostile.pdf_stream_bomb, RejectionCode.COMPRESSION_BOMB, "compression bomb"),
    ("image-bomb.pdf", hostile.pdf_image_bomb, RejectionCode.COMPRESSION_BOMB, "compression bomb"),
    ("huge-image.pdf", hostile.pdf_huge_image, RejectionCode.IMAGE_TOO_LARGE, "60000 x 60000 pixels"),
    ("text-bomb.png", hostile.png_text_bomb, RejectionCode.COMPRESSION_BOMB, "compression bomb"),
    ("bomb.png", hostile.png_bomb, RejectionCode.IMAGE_TOO_LARGE, "40000 x 40000 pixels"),
    (
        "60000.png",
        lambda: originals.png_claiming(60_000, 60_000),
        RejectionCode.IMAGE_TOO_LARGE,
        "60000 x 60000 pixels",
    ),
    (
        "60000.jpg",
        lambda: hostile.jpeg_claiming(60_000, 60_000),
        RejectionCode.IMAGE_TOO_LARGE,
        "60000 x 60000",
    ),
    ("lying.png", hostile.png_lying_header, RejectionCode.CORRUPT_IMAGE, "its data holds less"),
    ("10000-pages.tif", hostile.tiff_with_pages, RejectionCode.TOO_MANY_PAGES, "has 10000 pages"),
    ("cut.tif", hostile.truncated_tiff, RejectionCode.CORRUPT_IMAGE, "looks like a TIFF image"),
    ("damaged.png", hostile.damaged_png, RejectionCode.CORRUPT_IMAGE, "looks like a PNG image"),
    (
        "cut.jpg",
        lambda: originals.image("JPEG", size=(400, 300))[:400],
        RejectionCode.CORRUPT_IMAGE,
        "looks like a JPEG image",
    ),
    ("pdf-zip.pdf", hostile.pdf_zip_polyglot, RejectionCode.POLYGLOT, "a ZIP archive behind the end"),
    ("zip-pdf.pdf", hostile.zip_with_pdf_inside_header, RejectionCode.POLYGLOT, "ZIP archive in front"),
    ("png-pdf.png", hostile.png_then_pdf_polyglot, RejectionCode.POLYGLOT, "a PDF document behind"),
    ("letter.docx", originals.zip_archive, RejectionCode.UNSUPPORTED_TYPE, "a ZIP archive or an office"),
    ("page.html", hostile.html_file, RejectionCode.UNSUPPORTED_TYPE, "a web page (HTML)"),
    ("setup.exe", hostile.windows_executable, RejectionCode.UNSUPPORTED_TYPE, "not a scan"),
    ("scan.gif", hostile.gif_image, RejectionCode.UNSUPPORTED_TYPE, "a GIF image"),
    ("note.pdf", "résumé des faits".encode, RejectionCode.UNSUPPORTED_TYPE, "a plain-text file"),
    ("noise.pdf", hostile.random_bytes, RejectionCode.UNSUPPORTED_TYPE, "a file of an unknown kind"),
    (
        "big.pdf",
        lambda: originals.pdf(1) + b"\0" * 3_000_001,
        RejectionCode.TOO_LARGE,
        "more than the limit of 3.0 MB",
    ),
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(data_dir=tmp_path / "data", max_file_bytes=3_000_000)
    settings.ensure_dirs()
    return settings


@pytest.fixture
def context(settings: Settings) -> Iterator[IntakeContext]:
    db = open_database(settings.database)
    queued: list[str] = []
    yield IntakeContext(
        settings=settings, db=db, store=FilesystemObjectStore(settings.objects_dir), enqueue=queued.append
    )
    db.dispose()


def _through_inbox(name: str, data: bytes, context: IntakeContext) -> IntakeResult:
    path = context.settings.inbox / name
    path.write_bytes(data)
    return intake_file(path, context=context)


def _through_upload(name: str, data: bytes, context: IntakeContext) -> IntakeResult:
    return intake_bytes(data, filename=name, source="upload", context=context)


ENTRY_POINTS = {"inbox": _through_inbox, "upload": _through_upload}


def test_at_least_thirty_kinds_of_bad_content_are_covered() -> None:
    assert len(CASES) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_bad_content_is_refused_with_its_reason_and_quarantined(
    entry: str, case: Case, context: IntakeContext
) -> None:
    name, make, code, phrase = case
    settings = context.settings
    result = ENTRY_POINTS[entry](name, make(), context)

    assert (result.status, result.code) == ("rejected", code), result
    assert result.reason is not None
    assert phrase in result.reason
    assert not list(settings.inbox.iterdir())
    reason_files = list(settings.quarantine_dir.glob("*.reason.txt"))
    assert len(reason_files) == 1
    reason_text = reason_files[0].read_text(encoding="utf-8")
    assert f"code: {code}\n" in reason_text
    assert phrase in reason_text
    quarantined = reason_files[0].with_name(reason_files[0].name.removesuffix(".reason.txt"))
    assert quarantined.is_file()
    assert [(rejection.code, rejection.sha256) for rejection in list_rejections(context.db)] == [
        (code, result.sha256)
    ]
    assert list_requests(context.db) == []
    # Intake keeps working after the bad file: the next good one is registered.
    good = ENTRY_POINTS[entry]("good.pdf", hostile.text_pdf(hostile.REQUEST_LINES), context)
    assert good.status == "registered"
    assert good.number is not None


def test_in_one_process_each_file_gets_its_own_reason_whatever_came_before(context: IntakeContext) -> None:
    # pdfium keeps its last error between calls: "no pages" read after "locked" was
    # reported as password-protected, in the running service (each file in order).
    outcomes = [
        (name, _through_upload(name, make(), context).code)
        for name, make, _code, _phrase in [*CASES, *CASES[::-1]]
    ]
    expected = [(name, code) for name, _make, code, _phrase in [*CASES, *CASES[::-1]]]
    assert outcomes == expected


def test_the_worker_reads_a_damaged_pdf_after_an_encrypted_one_as_damaged() -> None:
    with pytest.raises(InputError) as locked:
        open_pdf(originals.hand_written_pdf(encrypted=True), max_pages=10)
    with pytest.raises(InputError) as damaged:
        open_pdf(hostile.pdf_without_pages(), max_pages=10)
    assert (locked.value.code, damaged.value.code) == ("encrypted_pdf", "corrupt_pdf")


ACCEPTED = [
    # Odd but readable: registered; the reader gives each page or an issue, never an exception.
    ("nested.pdf", hostile.pdf_deeply_nested, "application/pdf"),
    ("page-tree-loop.pdf", hostile.pdf_page_tree_loop, "application/pdf"),
    ("ifd-loop.tif", hostile.tiff_ifd_loop, "image/tiff"),
    ("trailer.jpg", hostile.jpeg_with_trailer, "image/jpeg"),
    ("web-link.pdf", hostile.pdf_with_a_web_link, "application/pdf"),
]


@pytest.mark.parametrize(("name", "make", "media_type"), ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_odd_but_readable_files_are_registered_and_read_page_by_page(
    name: str, make: Callable[[], bytes], media_type: str, context: IntakeContext
) -> None:
    data = make()
    result = _through_inbox(name, data, context)
    assert result.status == "registered", result
    assert [request.media_type for request in list_requests(context.db)] == [media_type]
    if media_type == "application/pdf":
        pages = list(read_pdf_pages(data, dpi=100, max_pages=10, max_image_pixels=10_000_000, name=name))
    else:
        pages = list(read_image_pages(data, max_image_pixels=10_000_000, name=name))
    assert pages
    assert pages[0].issue is None if hasattr(pages[0], "issue") else pages[0].text
