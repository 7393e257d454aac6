"""Errors in the reader's language: what a bad input means, by its stable code.

An ``InputError`` raised below the web (ingest, storage) carries an English message with
its particulars (a size, a name) and a stable ``code`` (STYLE.md 7). The page says what
the code means, translated, and keeps the English message beside it as the technical
detail; an unknown code shows the message alone. Runs in the web process.
"""

from __future__ import annotations

from web.languages import N_, SOURCE_LANGUAGE, Translator

# Why a file or a message was refused at intake (ingest/validation.py RejectionCode,
# ingest/unpacking.py UnpackCode, the submissions' and the mail's own codes), with the limits
# the upload page's script also meets.
REFUSAL_TEXTS: dict[str, str] = {
    "empty": N_("The file is empty (0 bytes): the scan or copy did not finish; scan or copy it again."),
    "unsupported_type": N_(
        "This type of file is not taken in: send the request as a PDF, TIFF, PNG or JPEG scan."
    ),
    "truncated_pdf": N_("The PDF is cut short (its end is missing); send it again."),
    "encrypted": N_("The PDF is protected by a password; send it without the protection."),
    "no_pages": N_("The document has no page."),
    "corrupt_image": N_("The image is damaged and cannot be read."),
    "compression_bomb": N_("The file unpacks to far more data than it holds; it is refused for safety."),
    "active_content": N_(
        "The PDF carries scripts or actions that run when it opens; it is refused for safety."
    ),
    "embedded_files": N_("The PDF carries attached files; send them as separate files of one request."),
    "polyglot": N_("The file is of two types at once (a disguised file); it is refused for safety."),
    "damaged_archive": N_("The archive is damaged and cannot be unpacked."),
    "too_many_files": N_("The archive holds more files than this service accepts."),
    "unpacked_too_large": N_("A file inside is larger than this service accepts."),
    "nested_too_deep": N_("The archive holds archives nested too deep."),
    "path_outside_archive": N_("A file in the archive points outside it; it is refused for safety."),
    "encrypted_member": N_("A file in the archive is protected by a password."),
    "no_document": N_("The message or folder carries no document to register."),
    "too_many_attachments": N_("The message carries more attachments than this service accepts."),
    "too_large": N_("The file is larger than this service accepts."),
    "too_many_pages": N_("The document has more pages than this service accepts."),
    "image_too_large": N_("The image has more pixels than this service accepts."),
    "corrupt_pdf": N_("The PDF is damaged and cannot be read."),
    "encrypted_pdf": N_("The PDF is protected by a password; send it without the protection."),
    "unreadable_image": N_("The image cannot be read."),
}

ERROR_TEXTS: dict[str, str] = {
    "not_a_file": N_("This is not a regular file; it is not taken in."),
    "exists": N_("The inbox already holds a file of that name."),
    "reason_required": N_("Give the reason for sending the request to another authority."),
    "unknown_authority": N_("This authority is not in the directory."),
    "bad_authority": N_("Only an authority user belongs to an authority, and must."),
    "not_analysed": N_("The request has not been analysed yet."),
    "query_too_long": N_("The search has too many or too long words; shorten it."),
    "empty_draft": N_("The letter is empty."),
    "draft_too_long": N_("The letter is too long."),
    "weak_password": N_("The password is too short: at least 12 characters."),
    "username_taken": N_("This user name is taken."),
    "bad_username": N_("A user name is 2 to 64 lower-case letters, digits and . _ @ -"),
    "bad_role": N_("This role does not exist."),
    "user_disabled": N_("The account is disabled: enable it first."),
    "bad_language": N_("The interface is not available in this language."),
    "no_such_request": N_("There is no request of this number that you may see."),
    "nothing_selected": N_("Select at least one request first."),
    "too_many_selected": N_("Too many requests are selected at once; select fewer."),
    "not_allowed": N_("Only the central authority replies to requesting authorities."),
    "no_mail": N_("This request did not come by e-mail; there is no address to reply to."),
    "no_letter": N_("Nothing is missing from this request: there is no letter to send."),
    "actor_required": N_("A review action needs the name of the clerk who takes it."),
    "missing_object": N_("The stored original is missing from the object store; tell the administrator."),
    "corrupt_object": N_(
        "The stored original is damaged (its content no longer matches); tell the administrator."
    ),
    **REFUSAL_TEXTS,
}


def refusal(code: str | None, reason: str, tr: Translator) -> tuple[str, str]:
    """Why a file was refused, as :func:`explained` says it; in English the intake's own reason
    alone (it names the file and what to do), with nothing beside it."""
    if tr.language == SOURCE_LANGUAGE:
        return reason, ""
    return explained(code, reason, tr)


def explained(code: str | None, message: str, tr: Translator) -> tuple[str, str]:
    """(what the error means in the reader's language, the technical detail or ``""``)."""
    if code in ERROR_TEXTS:
        return tr.gettext(ERROR_TEXTS[code]), message
    return message, ""
