"""What an authority is told when a request is routed to it: an e-mail text and a JSON body.

Registration number, requesting state, request type, measures, deadline and a link to
the document; never the document itself (the e-mail attaches it only when the settings
say so, in :mod:`workers.delivery`). The webhook body is signed with HMAC-SHA256 of the
exact bytes sent, hex-encoded in ``X-Rogatory-Signature: sha256=<hex>``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from rogatory.records import Analysis

SIGNATURE_HEADER = "X-Rogatory-Signature"


@dataclass(frozen=True)
class Notice:
    """The facts of one notice, shared by the e-mail and the webhook."""

    number: str
    role: str
    authority: str
    authority_name: str
    requesting_state: str | None
    request_type: str
    measures: tuple[str, ...]
    deadline: str | None
    urgent: bool
    link: str


def notice_for(
    number: str, analysis: Analysis, *, role: str, authority: str, authority_name: str, public_url: str
) -> Notice:
    """The notice of ``number`` for one authority (``role`` is ``execute`` or ``notify``)."""
    classification = analysis.classification
    state = classification.requesting_state
    return Notice(
        number=number,
        role=role,
        authority=authority,
        authority_name=authority_name,
        requesting_state=state.value if state else None,
        request_type=classification.request_type.value,
        measures=tuple(classification.values("measures")),
        deadline=classification.deadline.isoformat() if classification.deadline else None,
        urgent=classification.urgent.value == "true",
        link=f"{public_url.rstrip('/')}/api/requests/{number}/original",
    )


def email_subject(notice: Notice) -> str:
    urgent = "URGENT " if notice.urgent else ""
    what = "for execution" if notice.role == "execute" else "for information"
    return f"{urgent}{notice.number}: {notice.request_type} request {what}"


def email_text(notice: Notice) -> str:
    """The plain-text body of the e-mail."""
    action = (
        "has been routed to you for execution"
        if notice.role == "execute"
        else "is notified to you for information (another authority executes it)"
    )
    lines = [
        f"To: {notice.authority_name}",
        "",
        f"Request {notice.number} {action}.",
        "",
        f"Registration number: {notice.number}",
        f"Requesting state: {notice.requesting_state or 'not identified'}",
        f"Request type: {notice.request_type}",
        f"Measures sought: {', '.join(notice.measures) or 'none identified'}",
        f"Deadline: {notice.deadline or 'none stated'}" + (" (urgent)" if notice.urgent else ""),
        f"Document: {notice.link}",
    ]
    return "\n".join(lines) + "\n"


def webhook_body(notice: Notice, *, sent_at: str) -> bytes:
    """The JSON body of the webhook, as the exact bytes that are signed and sent."""
    payload = {
        "event": "request.routed",
        "number": notice.number,
        "role": notice.role,
        "authority": notice.authority,
        "requesting_state": notice.requesting_state,
        "request_type": notice.request_type,
        "measures": list(notice.measures),
        "deadline": notice.deadline,
        "urgent": notice.urgent,
        "link": notice.link,
        "sent_at": sent_at,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")


def sign(body: bytes, secret: str) -> str:
    """``sha256=<hex>``: the HMAC-SHA256 of ``body`` with ``secret``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, signature: str) -> bool:
    """Whether ``signature`` is the signature of ``body`` (constant-time; for receivers)."""
    return hmac.compare_digest(sign(body, secret), signature)
