"""A request with annexes through the real pipeline: each annex read like a document (text,
language, entities) and counted by the request's analysis (an annexed translation gives
the acceptable language; an account named in an annex is found, with its document and page)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.intake import IntakeContext
from ingest.submission import intake_submission
from rogatory.records import EntityKind
from rogatory.registration import Status
from rogatory.settings import load_settings
from rogatory.submissions import Submission, SubmittedFile
from service.bootstrap import open_worker_context
from storage.parties import find_parties
from storage.registry import get_request
from tests.faults.hostile import text_pdf
from workers.context import WorkerContext
from workers.processing import process_registration

# A request in German (not an accepted language of the reference directory: en, fr, es).
_GERMAN = (
    "Ersuchen um Rechtshilfe in Strafsachen",
    "Die Staatsanwaltschaft Berlin ersucht die zustaendigen Behoerden um Unterstuetzung",
    "in dem Ermittlungsverfahren gegen Herrn Karl Becker wegen Bestechung und Geldwaesche.",
    "Der Beschuldigte hat Bestechungsgelder erhalten und auf ein Konto ueberwiesen.",
    "Wir bitten um die Herausgabe der Kontounterlagen und um die Sicherstellung des Kontos.",
    "Die Beweise werden fuer die Anklage des Beschuldigten in Deutschland benoetigt.",
)
# Its English translation, naming the account the German letter does not.
_ENGLISH = (
    "Translation: Request for mutual legal assistance in criminal matters",
    "The Public Prosecutor's Office of Berlin requests the assistance of the competent authorities",
    "in the investigation against Mr Karl Becker for bribery and money laundering.",
    "The suspect received bribes and transferred them to the account",
    "GB82 WEST 1234 5698 7654 32 held at a bank in the Reference State.",
    "We ask for the bank records of that account and for the account to be frozen.",
)


@pytest.fixture
def contexts(tmp_path: Path) -> Iterator[tuple[IntakeContext, WorkerContext]]:
    settings = load_settings(environ={}, data_dir=tmp_path / "data")
    settings.ensure_dirs()
    worker = open_worker_context(settings)
    intake = IntakeContext(settings=settings, db=worker.db, store=worker.store, enqueue=lambda _: None)
    yield intake, worker
    worker.db.dispose()


def _submit(intake: IntakeContext, *files: tuple[str, bytes]) -> str:
    submission = Submission(source="upload", files=tuple(SubmittedFile(name=n, data=d) for n, d in files))
    result = intake_submission(submission, context=intake)
    assert result.request.number is not None
    return result.request.number


@pytest.mark.slow
def test_an_annexed_translation_makes_the_language_acceptable_and_its_account_counts(
    contexts: tuple[IntakeContext, WorkerContext],
) -> None:
    intake, worker = contexts
    alone = _submit(intake, ("ersuchen.pdf", text_pdf(_GERMAN)))
    number = _submit(
        intake,
        ("ersuchen-2.pdf", text_pdf((*_GERMAN, "Anlage: Uebersetzung"))),
        ("translation.pdf", text_pdf(_ENGLISH)),
    )

    assert process_registration(alone, worker) in (Status.ROUTED, Status.NEEDS_REVIEW)
    assert process_registration(number, worker) in (Status.ROUTED, Status.NEEDS_REVIEW)

    without = get_request(worker.db, alone).analysis
    analysis = get_request(worker.db, number).analysis
    assert without is not None
    assert analysis is not None
    assert analysis.text.language == "de"
    assert "acceptable_language" in without.completeness.missing
    assert "acceptable_language" not in analysis.completeness.missing
    language = next(c for c in analysis.completeness.checks if c.element == "acceptable_language")
    assert "annex 2 (translation.pdf) is written in en" in language.note
    (annex,) = analysis.annexes
    assert (annex.position, annex.name, annex.text.language) == (2, "translation.pdf", "en")
    accounts = [
        (position, e.value, e.span.page)
        for position, e in analysis.all_entities()
        if e.kind == EntityKind.ACCOUNT
    ]
    assert accounts == [(2, "GB82WEST12345698765432", 1)]
    assert not analysis.entities.of_kind(EntityKind.ACCOUNT)
    # The archive finds the request by the account named only in its annex.
    assert number in {match.number for match in find_parties(worker.db, "GB82 WEST 1234 5698 7654 32")}


def test_an_annex_lost_from_the_store_is_an_issue_not_a_failure(
    contexts: tuple[IntakeContext, WorkerContext],
) -> None:
    intake, worker = contexts
    annex = text_pdf(_ENGLISH)
    number = _submit(intake, ("letter.pdf", text_pdf(_GERMAN)), ("translation.pdf", annex))
    path = next(p for p in worker.settings.objects_dir.rglob("*") if p.is_file() and p.read_bytes() == annex)
    path.unlink()

    status = process_registration(number, worker)

    assert status in (Status.ROUTED, Status.NEEDS_REVIEW)
    analysis = get_request(worker.db, number).analysis
    assert analysis is not None
    (reading,) = analysis.annexes
    assert reading.text.pages == ()
    assert "translation.pdf" in reading.issues[0].message
