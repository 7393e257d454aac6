"""The language switch of the page header: the user's interface language, kept with the user.

``POST /preferences/language`` (a form with the CSRF token) stores the choice in
``users.language`` and goes back to the page it was sent from; an empty choice
follows the browser again. Runs in the web process.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse, Response

from rogatory.errors import InputError
from storage.users import set_language
from web.auth import SignedIn, signed_in
from web.dependencies import AppDb
from web.languages import INTERFACE_LANGUAGES
from web.sign_in_routes import safe_next

router = APIRouter(include_in_schema=False, dependencies=[Depends(signed_in)])


@router.post("/preferences/language")
def choose_language(
    db: AppDb,
    principal: SignedIn,
    language: Annotated[str, Form(max_length=8)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Keep ``language`` as the user's interface language; raises ``InputError`` for another code."""
    if language and language not in INTERFACE_LANGUAGES:
        raise InputError(
            f"the interface is in {', '.join(INTERFACE_LANGUAGES)}, not {language!r}", code="bad_language"
        )
    set_language(db, principal.user.id, language or None)
    return RedirectResponse(safe_next(next), status_code=303)
