"""parse_message: a message as received becomes the submission of one request."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from ingest.mail.message import MAX_ATTACHMENTS, parse_message
from rogatory.errors import InputError
from tests.ingest import originals
from tests.mail import messages


def test_every_attachment_is_a_file_in_order_and_the_headers_are_read() -> None:
    mail = messages.request_message(message_id="<r1@giustizia.example>")

    parsed = parse_message(mail.as_bytes(), mailbox="central")

    files = parsed.submission.files
    assert [(file.name, file.origin) for file in files] == [
        ("richiesta.pdf", "mail_attachment"),
        ("foto.jpg", "mail_attachment"),
        ("ordinanza.tif", "mail_attachment"),
    ]
    assert files[0].data[:5] == b"%PDF-"
    assert files[1].data[:3] == b"\xff\xd8\xff"
    assert files[2].data[:4] in (b"II*\x00", b"MM\x00*")
    headers = parsed.submission.headers
    assert headers is not None
    assert headers.message_id == "<r1@giustizia.example>"
    assert headers.sender == messages.SENDER
    assert headers.recipients == (messages.RECIPIENT, "Registry <registry@justice.example>")
    assert headers.subject == "Richiesta di assistenza giudiziaria"
    assert headers.date == datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
    assert (headers.mailbox, headers.certified) == ("central", False)
    assert parsed.submission.envelope == mail.as_bytes()
    assert parsed.body.strip() == "Si trasmette la richiesta in allegato."


@pytest.mark.parametrize("language", sorted(messages.NAMES_IN_SCRIPTS))
def test_encoded_names_in_eight_scripts_come_out_as_sent(language: str) -> None:
    name = messages.NAMES_IN_SCRIPTS[language]
    rfc2231 = messages.message(attachments=[(name, originals.pdf(1), "application/pdf")])
    rfc2047 = messages.rfc2047_named(name, originals.pdf(1))

    assert re.search(rb"filename\*(0\*)?=", rfc2231.as_bytes())  # RFC 2231, continued when long
    assert parse_message(rfc2231.as_bytes()).submission.files[0].name == name
    assert parse_message(rfc2047.as_bytes()).submission.files[-1].name == name


def test_a_certified_envelope_is_unwrapped_and_the_inner_request_registered() -> None:
    inner = messages.request_message(message_id="<inner@giustizia.example>", subject="Rogatoria 12/2026")

    parsed = parse_message(messages.certified(inner).as_bytes())

    headers = parsed.submission.headers
    assert headers is not None
    assert (headers.message_id, headers.subject, headers.certified) == (
        "<inner@giustizia.example>",
        "Rogatoria 12/2026",
        True,
    )
    assert headers.sender == messages.SENDER
    names = [file.name for file in parsed.submission.files]
    assert names == ["richiesta.pdf", "foto.jpg", "ordinanza.tif"]  # no daticert.xml, no postacert.eml


def test_an_envelope_inside_an_envelope_is_unwrapped_twice() -> None:
    inner = messages.request_message(message_id="<deep@giustizia.example>")

    parsed = parse_message(messages.certified(messages.certified(inner)).as_bytes())

    assert parsed.submission.headers is not None
    assert parsed.submission.headers.message_id == "<deep@giustizia.example>"
    assert parsed.submission.headers.certified is True
    assert len(parsed.submission.files) == 3


def test_a_forwarded_message_is_no_envelope_but_its_attachments_are_the_request() -> None:
    forwarded = messages.message(attachments=[("letter.pdf", originals.pdf(1), "application/pdf")])
    outer = messages.message(message_id="<fwd@justice.example>", subject="Fwd: request")
    outer.add_attachment(forwarded)

    parsed = parse_message(outer.as_bytes())

    assert parsed.submission.headers is not None
    assert parsed.submission.headers.message_id == "<fwd@justice.example>"
    assert parsed.submission.headers.certified is False
    assert [file.name for file in parsed.submission.files] == ["letter.pdf"]


def test_a_message_without_attachment_hands_its_body_over_to_be_refused_with_it() -> None:
    parsed = parse_message(messages.message(body="Please find our request below.").as_bytes())

    assert [(file.name, file.origin) for file in parsed.submission.files] == [
        ("attachment-0.txt", "mail_body")
    ]
    assert parsed.submission.files[0].data.strip() == b"Please find our request below."


def test_a_message_of_too_many_attachments_is_refused() -> None:
    many = [(f"{index}.jpg", b"\xff\xd8\xff", "image/jpeg") for index in range(MAX_ATTACHMENTS + 1)]

    with pytest.raises(InputError) as raised:
        parse_message(messages.message(attachments=many).as_bytes())

    assert raised.value.code == "too_many_attachments"


def test_a_damaged_message_is_read_as_far_as_it_goes() -> None:
    damaged = b"From: =?bogus?q?x?=\r\nDate: not a date\r\nContent-Type: multipart/mixed\r\n\r\ngarbage"

    parsed = parse_message(damaged)

    assert parsed.submission.headers is not None
    assert parsed.submission.headers.date is None
    assert parsed.submission.envelope == damaged


@pytest.mark.parametrize(
    ("name", "charset"),
    [("Запрос о помощи.pdf", "koi8-r"), ("Αίτηση.pdf", "iso-8859-7"), ("pièce jointe.pdf", "utf-8")],
)
def test_a_name_sent_as_raw_8bit_bytes_is_read_in_the_charset_of_the_message(name: str, charset: str) -> None:
    raw = (
        b"From: a@example.org\r\nSubject: raw\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=BB\r\n\r\n"
        b"--BB\r\nContent-Type: text/plain; charset="
        + charset.encode()
        + b"\r\n\r\n"
        + "текст".encode(charset, "replace")
        + b"\r\n"
        b"--BB\r\nContent-Type: application/pdf\r\n"
        b'Content-Disposition: attachment; filename="' + name.encode(charset) + b'"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQ=\r\n--BB--\r\n"
    )

    assert [file.name for file in parse_message(raw).submission.files] == [name]


def test_an_html_only_body_is_kept_as_the_text_a_reader_sees() -> None:
    mail = messages.message(attachments=[("letter.pdf", originals.pdf(1), "application/pdf")])
    mail.get_body().set_content(  # type: ignore[union-attr]
        "<html><head><style>p{color:red}</style></head><body><p>Richiesta &amp; allegati</p>"
        "<script>alert(1)</script><div>Procura<br>di Milano</div></body></html>",
        subtype="html",
    )

    assert parse_message(mail.as_bytes()).body == "Richiesta & allegati\n\nProcura\ndi Milano"
