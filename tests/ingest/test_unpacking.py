"""Unpacking a submission's files: ZIP members and a PDF's attached files, within the bomb limits."""

from __future__ import annotations

import io
import zipfile

from ingest.unpacking import UnpackCode, UnpackLimits, is_zip, unpack_submission
from rogatory.submissions import SubmittedFile
from tests.ingest import originals


def _codes(files: list[SubmittedFile], limits: UnpackLimits | None = None) -> list[tuple[str, str | None]]:
    return [
        (item.file.name, item.refusal.code if item.refusal else None)
        for item in unpack_submission(files, limits=limits or UnpackLimits())
    ]


def test_members_follow_their_archive_with_its_index_as_parent() -> None:
    archive = originals.zip_of([("a.pdf", b"%PDF-1.7 a"), ("sub/b.png", b"png"), ("sub/", b"")])
    unpacked = unpack_submission([SubmittedFile(name="x.zip", data=archive)], limits=UnpackLimits())

    assert [(item.file.name, item.parent, item.container, item.file.origin) for item in unpacked] == [
        ("x.zip", None, True, "file"),
        ("x.zip/a.pdf", 0, False, "zip_member"),
        ("x.zip/sub/b.png", 0, False, "zip_member"),
    ]
    assert unpacked[1].file.data == b"%PDF-1.7 a"


def test_a_member_that_unpacks_far_larger_than_it_is_stored_is_a_bomb() -> None:
    archive = originals.zip_of([("zeros.pdf", b"\0" * 5_000_000), ("ok.pdf", b"%PDF-1.7 ok")])
    assert _codes([SubmittedFile(name="bomb.zip", data=archive)]) == [
        ("bomb.zip", None),
        ("bomb.zip/zeros.pdf", UnpackCode.BOMB),
        ("bomb.zip/ok.pdf", None),
    ]


def test_the_whole_request_is_bounded_in_bytes_and_in_files() -> None:
    stored = zipfile.ZIP_STORED
    archive = originals.zip_of([(f"{n}.pdf", bytes([n]) * 1000) for n in range(5)], compression=stored)
    by_size = _codes([SubmittedFile(name="a.zip", data=archive)], UnpackLimits(max_total_bytes=2500))
    by_count = _codes([SubmittedFile(name="a.zip", data=archive)], UnpackLimits(max_files=3))

    assert [code for _, code in by_size] == [
        None,
        None,
        None,
        UnpackCode.TOO_LARGE,
        UnpackCode.TOO_LARGE,
        UnpackCode.TOO_LARGE,
    ]
    assert [code for _, code in by_count] == [
        None,
        None,
        None,
        None,
        UnpackCode.TOO_MANY,
        UnpackCode.TOO_MANY,
    ]


def test_a_header_that_lies_about_the_size_cannot_make_it_read_more() -> None:
    archive = bytearray(originals.zip_of([("big.pdf", b"x" * 4000)], compression=zipfile.ZIP_STORED))
    # The central directory says 10 bytes; the member holds 4000: the read stops at the budget.
    lying = archive.replace((4000).to_bytes(4, "little"), (10).to_bytes(4, "little"))
    unpacked = unpack_submission([SubmittedFile(name="l.zip", data=bytes(lying))], limits=UnpackLimits())
    assert all(len(item.file.data) <= 10 for item in unpacked[1:])
    assert unpacked[1].refusal is not None


def test_paths_outside_the_archive_and_encrypted_members_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../etc/passwd", b"x")
        archive.writestr("/abs.pdf", b"x")
        archive.writestr("C:/win.pdf", b"x")
    codes = [code for _, code in _codes([SubmittedFile(name="p.zip", data=buffer.getvalue())])]
    assert codes == [None, UnpackCode.OUTSIDE, UnpackCode.OUTSIDE, UnpackCode.OUTSIDE]
    assert _codes([SubmittedFile(name="s.zip", data=_encrypted_zip())]) == [
        ("s.zip", None),
        ("s.zip/secret.pdf", UnpackCode.ENCRYPTED),
    ]


def _encrypted_zip() -> bytes:
    """A ZIP whose one member has the encrypted flag set (in its local and central headers)."""
    data = bytearray(originals.zip_of([("secret.pdf", b"x")], compression=zipfile.ZIP_STORED))
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    return bytes(data)


def test_nesting_is_bounded_in_depth() -> None:
    inner = originals.zip_of([("deep.pdf", b"%PDF-1.7 deep")])
    middle = originals.zip_of([("inner.zip", inner)])
    outer = originals.zip_of([("middle.zip", middle)])

    assert _codes([SubmittedFile(name="o.zip", data=outer)], UnpackLimits(max_depth=2)) == [
        ("o.zip", None),
        ("o.zip/middle.zip", None),
        ("o.zip/middle.zip/inner.zip", None),
        ("o.zip/middle.zip/inner.zip/deep.pdf", UnpackCode.TOO_DEEP),
    ]


def test_a_damaged_archive_is_refused_and_an_office_document_is_no_archive() -> None:
    docx = originals.zip_of([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")])
    assert not is_zip(docx)
    assert _codes([SubmittedFile(name="d.docx", data=docx)]) == [("d.docx", None)]
    assert _codes([SubmittedFile(name="broken.zip", data=b"PK\x03\x04 broken")]) == [
        ("broken.zip", UnpackCode.DAMAGED)
    ]


def test_the_attached_files_of_a_pdf_follow_it_bounded_like_members() -> None:
    pdf = originals.pdf_with_attachments([("one.pdf", b"%PDF-1.7 one"), ("two.png", b"png")])
    unpacked = unpack_submission(
        [SubmittedFile(name="letter.pdf", data=pdf)], limits=UnpackLimits(max_files=1)
    )

    assert [
        (item.file.name, item.parent, item.refusal.code if item.refusal else None) for item in unpacked
    ] == [
        ("letter.pdf", None, None),
        ("letter.pdf/one.pdf", 0, None),
        ("letter.pdf/two.png", 0, UnpackCode.TOO_MANY),
    ]
    assert unpacked[0].attachments == 2  # both listed: one taken, one refused
    assert unpacked[1].file.data == b"%PDF-1.7 one"
    assert unpacked[1].file.origin == "pdf_attachment"


def test_a_damaged_office_document_is_refused_as_the_document_its_name_says_not_as_an_archive() -> None:
    damaged = b"PK\x03\x04" + b"\x00" * 200

    assert not is_zip(damaged, "letter.docx")
    assert not is_zip(damaged, "Accounts.ODS")
    assert is_zip(damaged, "annexes.zip")
