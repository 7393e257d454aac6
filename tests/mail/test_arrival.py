"""take_in_message without a server: what a message becomes, and what is kept of a refused one."""

from __future__ import annotations

from ingest.intake import IntakeContext
from ingest.mail.arrival import MessagePlace, take_in_message
from storage.objects import sha256_hex
from storage.registry import list_rejections, list_requests
from tests.ingest import originals
from tests.mail import messages

PLACE = MessagePlace(mailbox="central", uidvalidity=3, uid=1)


def test_a_message_whose_attachments_all_fail_validation_is_refused_with_each_reason(
    context: IntakeContext,
) -> None:
    docx = b"PK\x03\x04" + b"\x00" * 40
    attachments = [
        ("richiesta.docx", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("ordinanza.pdf", originals.hand_written_pdf(encrypted=True), "application/pdf"),
    ]
    data = messages.message(attachments=attachments).as_bytes()

    record = take_in_message(data, place=PLACE, context=context)

    assert record.outcome == "refused"
    assert record.reason is not None
    assert "richiesta.docx" in record.reason
    assert "ordinanza.pdf" in record.reason
    assert list_requests(context.db) == []
    assert {rejection.filename for rejection in list_rejections(context.db)} == {
        "richiesta.docx",
        "ordinanza.pdf",
    }
    assert context.store.get(sha256_hex(data)) == data  # the message itself is kept
    kept = context.settings.quarantine_dir / "mail" / "central-3-1.eml"
    assert kept.read_bytes() == data
    assert "sha256: " + sha256_hex(data) in (kept.parent / "central-3-1.eml.reason.txt").read_text()


def test_a_usable_attachment_among_refused_ones_makes_the_request(context: IntakeContext) -> None:
    attachments = [
        ("notes.txt", b"plain notes", "text/plain"),
        ("richiesta.pdf", originals.pdf(1), "application/pdf"),
    ]

    record = take_in_message(
        messages.message(attachments=attachments).as_bytes(), place=PLACE, context=context
    )

    assert record.outcome == "registered"
    assert [registration.filename for registration in list_requests(context.db)] == ["richiesta.pdf"]
