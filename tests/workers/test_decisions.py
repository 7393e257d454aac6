"""Through workers/processing: a re-run keeps a clerk's decision, a review during the
analysis stands, a duplicated task analyses nothing, reprocess reports the proposal (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rogatory.records import Analysis
from rogatory.registration import Status
from rogatory.settings import load_settings
from rogatory.sources import SourceFile
from service.bootstrap import open_worker_context
from service.cli.main import main
from storage.models import AuditRow
from storage.processing import request_analysis
from storage.registry import get_request, register
from storage.review import confirm_routing, current_routing, reassign_routing
from tests.faults.hostile import text_pdf
from tests.scans import FREEZING_REQUEST
from workers.context import WorkerContext
from workers.pipeline import analyse
from workers.processing import process_registration, run_registration


@pytest.fixture
def context(tmp_path: Path) -> Iterator[WorkerContext]:
    settings = load_settings(environ={}, data_dir=tmp_path / "data")
    settings.ensure_dirs()
    worker = open_worker_context(settings)
    yield worker
    worker.close()


def _registered(context: WorkerContext, label: str) -> str:
    lines = [line.replace("(", "").replace(")", "") for line in FREEZING_REQUEST.splitlines()]
    data = text_pdf([*lines, f"Reference {label}"])
    result = register(
        context.db,
        sha256=context.store.put(data),
        filename=f"{label}.pdf",
        size=len(data),
        media_type="application/pdf",
        source="cli",
    )
    return result.registration.number


def _other_authority(context: WorkerContext, number: str) -> str:
    proposed = get_request(context.db, number).analysis
    assert proposed is not None
    return next(key for key in context.engines.directory.authorities if key != proposed.routing.route_to)


def _analyses(context: WorkerContext, number: str) -> int:
    with context.db.session() as session:
        counted = session.scalar(
            select(func.count()).where(AuditRow.number == number, AuditRow.action == "analysis")
        )
        return int(counted or 0)


def _known(context: WorkerContext) -> set[str]:
    return set(context.engines.directory.authorities)


def test_a_second_run_of_the_task_neither_analyses_again_nor_undoes_a_reassignment(
    context: WorkerContext,
) -> None:
    number = _registered(context, "A")
    assert process_registration(number, context, task="task-1") in {Status.ROUTED, Status.NEEDS_REVIEW}
    other = _other_authority(context, number)
    reassign_routing(
        context.db, number, other, actor="clerk", reason="theirs", known_authorities=_known(context)
    )
    assert (
        process_registration(number, context, task="task-2") == Status.ROUTED
    )  # `rogatory run` re-queued it
    assert process_registration(number, context, task="task-1") == Status.ROUTED  # the same task redelivered
    assert current_routing(context.db, number) == (other, False)
    assert _analyses(context, number) == 1


def test_a_reanalysis_keeps_a_reassignment_and_a_confirmation(context: WorkerContext) -> None:
    reassigned, confirmed = _registered(context, "B"), _registered(context, "C")
    for number in (reassigned, confirmed):
        process_registration(number, context)
    other = _other_authority(context, reassigned)
    reassign_routing(
        context.db, reassigned, other, actor="clerk", reason="x", known_authorities=_known(context)
    )
    confirm_routing(context.db, confirmed, actor="clerk")
    proposed = current_routing(context.db, confirmed)
    for number in (reassigned, confirmed):
        request_analysis(context.db, number, actor="operator")
        assert process_registration(number, context) == Status.ROUTED
        assert _analyses(context, number) == 2
    assert current_routing(context.db, reassigned) == (other, False)
    assert proposed is not None
    assert current_routing(context.db, confirmed) == (proposed[0], False)


def test_a_reassignment_while_the_analysis_runs_stands(context: WorkerContext) -> None:
    number = _registered(context, "D")
    process_registration(number, context)
    other = _other_authority(context, number)
    request_analysis(context.db, number, actor="operator")

    def analyse_then_review(source: SourceFile) -> Analysis:
        analysis = analyse(source, context.engines)  # the seam: the clerk acts before the save
        reassign_routing(
            context.db, number, other, actor="clerk", reason="x", known_authorities=_known(context)
        )
        return analysis

    started = run_registration(number, context, analyser=analyse_then_review)
    assert started.recorded is not None
    assert started.recorded.differs
    assert current_routing(context.db, number) == (other, False)
    assert get_request(context.db, number).registration.status == Status.ROUTED


def test_reprocess_now_keeps_the_decision_and_prints_the_differing_proposal(
    context: WorkerContext, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _registered(context, "E")
    process_registration(number, context)
    proposal = get_request(context.db, number).analysis
    assert proposal is not None
    other = _other_authority(context, number)
    reassign_routing(context.db, number, other, actor="clerk", reason="x", known_authorities=_known(context))
    data_dir = str(context.settings.data_dir)
    assert main(["--data-dir", data_dir, "reprocess", number, "--now"]) == 0
    printed = capsys.readouterr().out
    assert f"new proposal {proposal.routing.route_to}, decision {other} stands" in printed
    assert current_routing(context.db, number) == (other, False)
    assert _analyses(context, number) == 2
    assert main(["--data-dir", data_dir, "show", number]) == 0
    shown = capsys.readouterr().out
    assert f"decided    {other}" in shown
    assert f"the pipeline now proposes {proposal.routing.route_to}" in shown
