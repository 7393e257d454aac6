"""Real MIME messages built in the test with the standard library; attachments are real files.

PDFs are written by pdfium, TIFF and JPEG by Pillow (tests/ingest/originals.py); names are
encoded as mail programs encode them (RFC 2231 by ``email.message``, RFC 2047 by hand as
many programs do against the RFC). No binary fixtures.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from tests.ingest import originals

SENDER = "Procura di Milano <procura.milano@giustizia.example>"
RECIPIENT = "central.authority@justice.example"

# Eight languages and scripts: the name an authority gives its letter, in its own script.
NAMES_IN_SCRIPTS = {
    "fr": "Demande d'entraide — pièce n°1.pdf",
    "de": "Rechtshilfeersuchen Größe.pdf",
    "ru": "Запрос о правовой помощи.pdf",
    "el": "Αίτηση δικαστικής συνδρομής.pdf",
    "ar": "طلب المساعدة القانونية.pdf",
    "he": "בקשה לעזרה משפטית.pdf",
    "zh": "司法协助请求书.pdf",
    "ja": "捜査共助要請書.pdf",
}


def message(
    *,
    attachments: list[tuple[str, bytes, str]] = (),  # type: ignore[assignment]
    subject: str = "Richiesta di assistenza giudiziaria",
    body: str = "Si trasmette la richiesta in allegato.",
    sender: str = SENDER,
    message_id: str | None = None,
) -> EmailMessage:
    """A multipart message with ``attachments`` as (name, data, content type)."""
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = RECIPIENT
    mail["Cc"] = "Registry <registry@justice.example>"
    mail["Subject"] = subject
    mail["Date"] = format_datetime(datetime(2026, 11, 30, 9, 15, tzinfo=UTC))
    mail["Message-ID"] = message_id or make_msgid(domain="giustizia.example")
    mail.set_content(body)
    for name, data, content_type in attachments:
        maintype, subtype = content_type.split("/")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return mail


def request_message(**kwargs: object) -> EmailMessage:
    """A letter (PDF), its annexed photograph (JPEG) and a scanned order (TIFF)."""
    return message(
        attachments=[
            ("richiesta.pdf", originals.pdf(2), "application/pdf"),
            ("foto.jpg", originals.image("JPEG"), "image/jpeg"),
            ("ordinanza.tif", originals.image("TIFF", frames=2), "image/tiff"),
        ],
        **kwargs,  # type: ignore[arg-type]
    )


def certified(inner: EmailMessage, *, provider: str = "posta-certificata@pec.example") -> EmailMessage:
    """``inner`` wrapped as an Italian PEC provider delivers it: postacert.eml and daticert.xml."""
    envelope = EmailMessage()
    sender = inner["From"].addresses[0].addr_spec
    envelope["From"] = formataddr((f"Per conto di: {sender}", provider))
    envelope["To"] = RECIPIENT
    envelope["Subject"] = f"POSTA CERTIFICATA: {inner['Subject']}"
    envelope["Date"] = format_datetime(datetime(2026, 11, 30, 9, 16, tzinfo=UTC))
    envelope["Message-ID"] = make_msgid(domain="pec.example")
    envelope["X-Trasporto"] = "posta-certificata"
    envelope.set_content("Messaggio di posta certificata: il messaggio originale è incluso in allegato.")
    receipt = (
        '<?xml version="1.0" encoding="UTF-8"?><postacert tipo="posta-certificata" errore="nessuno">'
        f"<intestazione><mittente>{inner['From']}</mittente></intestazione></postacert>"
    ).encode()
    envelope.add_attachment(receipt, maintype="application", subtype="xml", filename="daticert.xml")
    envelope.add_attachment(inner, filename="postacert.eml")
    return envelope


def rfc2047_named(name: str, data: bytes) -> EmailMessage:
    """A message whose attachment name is an RFC 2047 encoded word inside the parameter."""
    mail = message()
    encoded = "=?utf-8?b?" + base64.b64encode(name.encode()).decode() + "?="
    mail.add_attachment(data, maintype="application", subtype="pdf")
    part = list(mail.iter_attachments())[-1]
    part.replace_header("Content-Disposition", f'attachment; filename="{encoded}"')
    return mail
