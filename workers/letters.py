"""The request for additional information of a registered request, drafted from its analysis.

Joins storage (the request and its analysis) and classify (the letter's templates).
The clerk's edit of the letter is kept by ``storage/drafts.py``. A :class:`Drafter` is
built once per process at start (service/web_process.py for the web app, the CLI's
``draft`` command) with the templates loaded and checked there; its methods raise
``NotFoundError`` and ``InputError`` as documented below, and ``TransientError`` when
the database is unavailable.
"""

from __future__ import annotations

from dataclasses import dataclass

from classify.letters import DraftLetter, LetterTemplates, draft_letter
from rogatory.directory import Directory
from rogatory.errors import InputError
from rogatory.registration import RequestView
from storage.database import Database
from storage.registry import get_request


@dataclass(frozen=True)
class Drafter:
    """Drafts letters with the ``templates`` loaded at start, signed by ``directory``'s fallback."""

    templates: LetterTemplates
    directory: Directory

    def draft_for(self, db: Database, number: str) -> DraftLetter:
        """Draft the letter of ``number`` from its analysis.

        Raises ``NotFoundError``; ``InputError`` when the request is not analysed yet
        (``not_analysed``) or lacks nothing (``nothing_missing``).
        """
        return self.draft_for_view(get_request(db, number))

    def draft_for_view(self, view: RequestView) -> DraftLetter:
        """Like :meth:`draft_for`, for a request already read. Raises ``InputError``."""
        number = view.registration.number
        if view.analysis is None:
            raise InputError(f"{number} is not analysed yet", code="not_analysed")
        try:
            return draft_letter(
                view.analysis.completeness,
                templates=self.templates,
                number=number,
                received=view.registration.received_at.date(),
                request_language=view.analysis.text.language,
                accepted_languages=self.directory.accepted_languages,
                sender=self.directory.authorities[self.directory.fallback].name,
                extradition=view.analysis.classification.request_type.value == "extradition",
            )
        except ValueError as error:
            raise InputError(str(error), code="nothing_missing") from error
