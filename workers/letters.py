"""The request for additional information of a registered request, drafted from its analysis.

Joins storage (the request and its analysis) and classify (the letter's templates).
The clerk's edit of the letter is kept by ``storage/drafts.py``. Runs in the web app
and the CLI; raises ``NotFoundError`` and ``InputError`` as documented below, and
``TransientError`` when the database is unavailable.
"""

from __future__ import annotations

from classify.letters import DraftLetter, draft_letter
from rogatory.directory import Directory
from rogatory.errors import InputError
from rogatory.registration import RequestView
from storage.database import Database
from storage.registry import get_request


def draft_for(db: Database, number: str, directory: Directory) -> DraftLetter:
    """Draft the letter of ``number`` from its analysis, signed by the directory's fallback.

    Raises ``NotFoundError``; ``InputError`` when the request is not analysed yet
    (``not_analysed``) or lacks nothing (``nothing_missing``).
    """
    return draft_for_view(get_request(db, number), directory)


def draft_for_view(view: RequestView, directory: Directory) -> DraftLetter:
    """Like :func:`draft_for`, for a request already read. Raises ``InputError``."""
    number = view.registration.number
    if view.analysis is None:
        raise InputError(f"{number} is not analysed yet", code="not_analysed")
    try:
        return draft_letter(
            view.analysis.completeness,
            number=number,
            received=view.registration.received_at.date(),
            request_language=view.analysis.text.language,
            accepted_languages=directory.accepted_languages,
            sender=directory.authorities[directory.fallback].name,
            extradition=view.analysis.classification.request_type.value == "extradition",
        )
    except ValueError as error:
        raise InputError(str(error), code="nothing_missing") from error
