"""``/refused``: the files refused at the inbox or the upload, for the clerks, with retry and discard.

The messages refused by mail intake are listed below them (``_refused_messages.html``):
each stays in its mailbox's refused folder, from where it is retried by moving it back.

Reads the quarantine folder (:mod:`web.quarantine`); each action is audited
(``refused_retry``, ``refused_discard``) with the file's name. Clerks and everyone
who registers requests may use it. Runs in the web process.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from storage.audit import audit
from storage.mail import list_mail
from web.auth import Registrar, signed_in
from web.dependencies import AppDb, AppSettings
from web.pages import render
from web.quarantine import discard_refused, list_refused, retry_refused

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])


@router.get("/refused")
def refused_page(
    request: Request, db: AppDb, settings: AppSettings, principal: Registrar, done: str = ""
) -> Response:
    """Every refused file kept in quarantine: name, when, why; and the refused messages."""
    files = list_refused(settings.quarantine_dir)
    mail = list_mail(db, outcome="refused", limit=200)
    return render(request, "refused.html", principal, files=files, refused_mail=mail, done=done[:300])


@router.post("/refused/retry")
def retry(
    db: AppDb, settings: AppSettings, principal: Registrar, name: Annotated[str, Form(max_length=300)]
) -> Response:
    retry_refused(settings.quarantine_dir, settings.inbox, name)
    audit(db, action="refused_retry", actor=principal.actor, detail=name)
    return RedirectResponse(f"/refused?done=retried:{name}", status_code=303)


@router.post("/refused/discard")
def discard(
    db: AppDb, settings: AppSettings, principal: Registrar, name: Annotated[str, Form(max_length=300)]
) -> Response:
    discard_refused(settings.quarantine_dir, name)
    audit(db, action="refused_discard", actor=principal.actor, detail=name)
    return RedirectResponse(f"/refused?done=discarded:{name}", status_code=303)
