"""Files inside the files of a submission taken out as annexes: ZIP members, a PDF's attached files.

Runs in intake (:func:`ingest.submission.intake_submission`), before validation. A ZIP
file is unpacked and its members become files of the request; a PDF's attached files
(its ``EmbeddedFiles``) likewise, the PDF itself staying a document. Both are bounded
(:class:`UnpackLimits`): the number of files of the request, the bytes unpacked in all,
the compression ratio of one ZIP member, and the depth (a ZIP in a ZIP). A member that
breaks a bound, an encrypted member, or one whose path leaves the archive (absolute, or
with ``..``) is not unpacked: it is listed as refused with the reason, and the rest of
the request goes on. Nothing is ever written to disk: members are read into memory,
each read bounded by what the limits leave.
"""

from __future__ import annotations

import ctypes
import io
import logging
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import pypdfium2
import pypdfium2.raw as pdfium_c

from rogatory.annexes import FileOrigin
from rogatory.errors import InputError
from rogatory.settings import Settings
from rogatory.sources import MediaType, sniff_media_type
from rogatory.submissions import SubmittedFile

logger = logging.getLogger(__name__)

_ZIP_SIGNATURE = b"PK\x03\x04"
_ZIP_ENCRYPTED_FLAG = 0x1
_OFFICE_MARKERS = frozenset({"[Content_Types].xml", "mimetype", "META-INF/manifest.xml"})
_OFFICE_PROBE = 1000
#: Names of the office documents that are ZIP archives: one of them damaged is still refused as
#: the document its name says (a Word letter), not as a damaged archive.
_OFFICE_SUFFIXES = frozenset({".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"})


class UnpackCode:
    """The codes of files refused while unpacking."""

    TOO_MANY = "too_many_files"
    TOO_LARGE = "unpacked_too_large"
    BOMB = "compression_bomb"
    TOO_DEEP = "nested_too_deep"
    OUTSIDE = "path_outside_archive"
    ENCRYPTED = "encrypted_member"
    DAMAGED = "damaged_archive"


@dataclass(frozen=True)
class UnpackLimits:
    """The bounds of unpacking, for one submission."""

    max_files: int = 100
    max_total_bytes: int = 500 * 1024 * 1024
    max_ratio: float = 100.0
    max_depth: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> UnpackLimits:
        """The limits a deployment configured."""
        return cls(
            max_files=settings.max_annexes,
            max_total_bytes=settings.max_unpacked_bytes,
            max_ratio=settings.max_unpack_ratio,
            max_depth=settings.max_unpack_depth,
        )


@dataclass(frozen=True)
class UnpackedFile:
    """One file of the request after unpacking, in the order of the submission.

    ``parent`` is the index (in the unpacked list) of the file it was taken out of;
    ``container`` marks a ZIP whose members follow it (kept, not read as a document);
    ``attachments`` counts the files taken out of a PDF (which then passes validation
    with them); ``refusal`` is why a file could not be taken out.
    """

    file: SubmittedFile
    parent: int | None = None
    container: bool = False
    attachments: int = 0
    refusal: InputError | None = None


@dataclass
class _Budget:
    """What the limits still allow, shared by the whole submission."""

    limits: UnpackLimits
    files: int = 0
    total: int = 0
    out: list[UnpackedFile] = field(default_factory=list)


def unpack_submission(files: Sequence[SubmittedFile], *, limits: UnpackLimits) -> list[UnpackedFile]:
    """The files of a submission with the files inside them taken out, each after its container.

    Raises nothing for the files' content: what cannot be unpacked is a refused entry.
    """
    budget = _Budget(limits=limits)
    for submitted in files:
        _take(submitted, None, 0, budget)
    return budget.out


def _take(submitted: SubmittedFile, parent: int | None, depth: int, budget: _Budget) -> None:
    index = len(budget.out)
    if is_zip(submitted.data, submitted.name):
        budget.out.append(UnpackedFile(file=submitted, parent=parent, container=True))
        _unpack_zip(submitted, index, depth + 1, budget)
        return
    if sniff_media_type(submitted.data) is MediaType.PDF:
        attached = list(_pdf_attachments(submitted, depth + 1, budget))
        budget.out.append(UnpackedFile(file=submitted, parent=parent, attachments=len(attached)))
        for name, item in attached:
            if isinstance(item, InputError):
                budget.out.append(_refused(item.message, item.code, name, index, "pdf_attachment"))
            else:
                _take(item, index, depth + 1, budget)
        return
    budget.out.append(UnpackedFile(file=submitted, parent=parent))


def is_zip(data: bytes, name: str = "") -> bool:
    """A ZIP archive of files by its signature; not an office document (a .docx or .odt is a
    ZIP too, and is refused as what it is, by validation, also when it is damaged)."""
    if not data.startswith(_ZIP_SIGNATURE):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist()[:_OFFICE_PROBE])
    except (zipfile.BadZipFile, OSError, ValueError):
        return PurePosixPath(name).suffix.lower() not in _OFFICE_SUFFIXES  # else refused as one
    return not names & _OFFICE_MARKERS


def _unpack_zip(container: SubmittedFile, index: int, depth: int, budget: _Budget) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(container.data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        _refuse(
            budget, f"{container.name!r} is a damaged ZIP file: {error}", UnpackCode.DAMAGED, container, index
        )
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            reason = _member_refusal(info, depth, budget)
            name = f"{container.name}/{info.filename}"
            if reason is not None:
                budget.out.append(_refused(reason[0], reason[1], name, index))
                continue
            try:
                data = _read_member(archive, info, budget)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
                budget.out.append(
                    _refused(f"{name!r} cannot be unpacked: {error}", UnpackCode.DAMAGED, name, index)
                )
                continue
            if data is None:
                budget.out.append(
                    _refused(_too_large(name, budget.limits), UnpackCode.TOO_LARGE, name, index)
                )
                continue
            budget.files += 1
            budget.total += len(data)
            _take(SubmittedFile(name=name, data=data, origin="zip_member"), index, depth, budget)


def _member_refusal(info: zipfile.ZipInfo, depth: int, budget: _Budget) -> tuple[str, str] | None:
    """Why a member is not unpacked (a message and a code), or None."""
    name, limits = info.filename, budget.limits
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        return f"{name!r} names a place outside the archive; it is not unpacked.", UnpackCode.OUTSIDE
    if info.flag_bits & _ZIP_ENCRYPTED_FLAG:
        return (
            f"{name!r} is encrypted inside the ZIP file; ask the sender for it without a password.",
            UnpackCode.ENCRYPTED,
        )
    if depth > limits.max_depth:
        return (
            f"{name!r} is nested {depth} levels deep, more than {limits.max_depth}; "
            "ask the sender for the files themselves.",
            UnpackCode.TOO_DEEP,
        )
    if budget.files >= limits.max_files:
        return (
            f"{name!r} is past the limit of {limits.max_files} files in one request; "
            "send the rest as another request.",
            UnpackCode.TOO_MANY,
        )
    if info.compress_size > 0 and info.file_size / info.compress_size > limits.max_ratio:
        return (
            f"{name!r} unpacks {info.file_size / info.compress_size:,.0f} times larger than it is stored "
            f"(more than {limits.max_ratio:,.0f}): a compression bomb, not a document.",
            UnpackCode.BOMB,
        )
    if budget.total + info.file_size > limits.max_total_bytes:
        return _too_large(name, limits), UnpackCode.TOO_LARGE
    return None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> bytes | None:
    """The member's bytes, or None when it unpacks to more than its header said or the budget allows.

    The read is bounded: a header that lies about the size cannot make it read more.
    """
    allowed = min(info.file_size, budget.limits.max_total_bytes - budget.total)
    with archive.open(info) as member:
        data = member.read(allowed + 1)
    return None if len(data) > allowed else data


def _pdf_attachments(
    pdf: SubmittedFile, depth: int, budget: _Budget
) -> Iterator[tuple[str, SubmittedFile | InputError]]:
    """The files attached inside a PDF (its embedded files), bounded; nothing for a damaged PDF
    (validation says what is wrong with it)."""
    try:
        document = pypdfium2.PdfDocument(pdf.data)
    except pypdfium2.PdfiumError:
        return
    try:
        count = pdfium_c.FPDFDoc_GetAttachmentCount(document.raw)
        for number in range(max(count, 0)):
            yield _pdf_attachment(document, number, pdf.name, depth, budget)
    finally:
        document.close()


def _pdf_attachment(
    document: pypdfium2.PdfDocument, number: int, container: str, depth: int, budget: _Budget
) -> tuple[str, SubmittedFile | InputError]:
    handle = pdfium_c.FPDFDoc_GetAttachment(document.raw, number)
    name = f"{container}/{_attachment_name(handle) or f'attachment-{number + 1}'}"
    return name, _attachment_content(handle, name, depth, budget)


def _attachment_content(handle: object, name: str, depth: int, budget: _Budget) -> SubmittedFile | InputError:
    limits = budget.limits
    if depth > limits.max_depth:
        message = f"{name!r} is nested {depth} levels deep, more than {limits.max_depth}."
        return InputError(message, code=UnpackCode.TOO_DEEP)
    if budget.files >= limits.max_files:
        message = f"{name!r} is past the limit of {limits.max_files} files in one request."
        return InputError(message, code=UnpackCode.TOO_MANY)
    size = ctypes.c_ulong(0)
    if not pdfium_c.FPDFAttachment_GetFile(handle, None, 0, ctypes.byref(size)):
        return InputError(f"{name!r} cannot be read out of the PDF.", code=UnpackCode.DAMAGED)
    if budget.total + size.value > limits.max_total_bytes:
        return InputError(_too_large(name, limits), code=UnpackCode.TOO_LARGE)
    buffer = ctypes.create_string_buffer(size.value)
    pdfium_c.FPDFAttachment_GetFile(handle, buffer, size.value, ctypes.byref(size))
    budget.files += 1
    budget.total += size.value
    return SubmittedFile(name=name, data=buffer.raw[: size.value], origin="pdf_attachment")


def _attachment_name(handle: object) -> str:
    length = pdfium_c.FPDFAttachment_GetName(handle, None, 0)
    if length <= 2:
        return ""
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFAttachment_GetName(handle, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), length)
    return buffer.raw[: length - 2].decode("utf-16-le", "replace").replace("/", "_")


def _too_large(name: str, limits: UnpackLimits) -> str:
    return (
        f"{name!r} would take the request past {limits.max_total_bytes / 1_000_000:,.1f} MB unpacked; "
        "send the rest as another request."
    )


def _refused(
    message: str, code: str, name: str, parent: int, origin: FileOrigin = "zip_member"
) -> UnpackedFile:
    return UnpackedFile(
        file=SubmittedFile(name=name, data=b"", origin=origin),
        parent=parent,
        refusal=InputError(message, code=code),
    )


def _refuse(budget: _Budget, message: str, code: str, container: SubmittedFile, index: int) -> None:
    budget.out[index] = UnpackedFile(
        file=container, parent=budget.out[index].parent, refusal=InputError(message, code=code)
    )
