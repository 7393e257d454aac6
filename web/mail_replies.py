"""The reply to the requesting authority from the document view (issue 19).

A request that came by e-mail can be answered from its page: the request for additional
information (the clerk's saved letter, else the drafted one) is sent to the message's
sender by SMTP and written into the request's history. Needs a reviewer who sees the
registry. Runs in the web process.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import RedirectResponse, Response

from rogatory.errors import InputError
from storage.drafts import get_draft
from storage.mail import mail_of, record_reply
from web.access import visible_request
from web.auth import Reviewer, signed_in
from web.dependencies import AppDb, AppDrafter, AppSettings
from workers.replies import reply_address, send_reply

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])


@router.post("/requests/{number}/reply")
def reply(
    db: AppDb, drafter: AppDrafter, settings: AppSettings, principal: Reviewer, number: str
) -> Response:
    """Send the letter to the address the request came from. Raises ``InputError``."""
    view = visible_request(db, principal, number)
    if not principal.user.role.sees_registry:
        raise InputError("Only the central authority replies to requesting authorities.", code="not_allowed")
    mail = mail_of(db, number)
    if mail is None:
        raise InputError(
            "This request did not come by e-mail; there is no address to reply to.", code="no_mail"
        )
    edited = get_draft(db, number)
    if edited is not None:
        body = edited.body
    elif view.analysis is not None and view.analysis.completeness.missing:
        body = drafter.draft_for_view(view).body
    else:
        raise InputError(
            "Nothing is missing from this request: there is no letter to send.", code="no_letter"
        )
    headers = mail.arrival.headers
    to = reply_address(headers.sender)
    message_id = send_reply(
        settings, to=to, subject=headers.subject, body=body, in_reply_to=headers.message_id
    )
    record_reply(db, number, actor=principal.actor, to=to, subject=headers.subject, message_id=message_id)
    return RedirectResponse(f"/requests/{number}?done=reply#mail", status_code=303)
