"""What an authority is told when a request is routed to it: an e-mail text and a JSON body.

Registration number, requesting state, request type, measures, deadline and a link to
the document; never the document itself (the e-mail attaches it only when the settings
say so, in :mod:`workers.delivery`). The e-mail is written in the authority's language
(its ``language`` in the directory, else the deployment's ``interface_language``) by the
interface's catalogues, labels and state names included; the webhook keeps the ids (a
machine reads it). The webhook body is signed with HMAC-SHA256 of the exact bytes sent,
hex-encoded in ``X-Rogatory-Signature: sha256=<hex>``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from rogatory.records import Analysis
from rogatory.taxonomy import N_, display_name

SIGNATURE_HEADER = "X-Rogatory-Signature"


class NoticeWording(Protocol):
    """The reader's language as the e-mail needs it (``web.languages.Translator`` is one)."""

    def gettext(self, message: str, **values: Any) -> str: ...

    def territory_name(self, code: str) -> str | None: ...

    def when(self, value: date | None) -> str: ...


WordingFor = Callable[[str], NoticeWording]
"""The wording of a language code (one of the taxonomy's LANGUAGES); given by the bootstrap."""


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
    language: str = "en"  # the language of the e-mail (the authority's)


def notice_for(
    number: str,
    analysis: Analysis,
    *,
    role: str,
    authority: str,
    authority_name: str,
    public_url: str,
    language: str = "en",
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
        language=language,
    )


def email_subject(notice: Notice, tr: NoticeWording) -> str:
    """The subject line, in ``tr``'s language (``URGENT RQ-...: Mutual legal assistance ...``)."""
    values = {"number": notice.number, "type": tr.gettext(display_name(notice.request_type))}
    if notice.role == "execute":
        subject = tr.gettext("%(number)s: %(type)s request for execution", **values)
    else:
        subject = tr.gettext("%(number)s: %(type)s request for information", **values)
    return tr.gettext("URGENT %(subject)s", subject=subject) if notice.urgent else subject


def email_text(notice: Notice, tr: NoticeWording) -> str:
    """The plain-text body of the e-mail, in ``tr``'s language."""
    if notice.role == "execute":
        action = tr.gettext("Request %(number)s has been routed to you for execution.", number=notice.number)
    else:
        action = tr.gettext(
            "Request %(number)s is notified to you for information (another authority executes it).",
            number=notice.number,
        )
    state = notice.requesting_state
    state_name = (tr.territory_name(state) or state) if state else tr.gettext("not identified")
    deadline = tr.when(date.fromisoformat(notice.deadline)) if notice.deadline else tr.gettext("none stated")
    facts = [
        (N_("Registration number"), notice.number),
        (N_("Requesting state"), state_name),
        (N_("Request type"), tr.gettext(display_name(notice.request_type))),
        (
            N_("Measures sought"),
            ", ".join(tr.gettext(display_name(m)) for m in notice.measures) or tr.gettext("none identified"),
        ),
        (N_("Deadline"), deadline + (" " + tr.gettext("(urgent)") if notice.urgent else "")),
        (N_("Document"), notice.link),
    ]
    lines = [
        tr.gettext("To: %(authority)s", authority=notice.authority_name),
        "",
        action,
        "",
        *(tr.gettext("%(label)s: %(value)s", label=tr.gettext(label), value=value) for label, value in facts),
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
