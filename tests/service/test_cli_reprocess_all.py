"""``rogatory reprocess --all`` and its filters on the embedded default: batches asked for and
queued, the progress followed while an analysis is saved for each, review decisions standing.

The analyses are saved by hand through the workers' ``record_analysis`` (a worker with the
OCR and the models loaded costs minutes of CPU and adds nothing to what is tested here:
which requests are queued, and that the decisions stand).
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rogatory.settings import Settings, load_settings
from service.cli import main
from storage.audit import list_audit
from storage.database import Database, open_database
from storage.models import AnalysisRow, RegistrationRow
from storage.processing import record_analysis
from storage.reprocessing import request_analyses
from storage.review import reassign_routing
from tests.storage.sample_analysis import add_request, make_analysis


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = load_settings(environ={}, data_dir=tmp_path / "data")
    settings.ensure_dirs()
    return settings


def _wanted(db: Database) -> dict[str, tuple[int, int]]:
    with db.session() as session:
        return {
            row.number: (row.analyses_wanted, row.analyses_done) for row in session.query(RegistrationRow)
        }


def _archive(db: Database) -> list[str]:
    """Five requests: three French, two Spanish; the second reassigned by a clerk."""
    numbers = []
    for index in range(5):
        language = "es" if index in (3, 4) else "fr"
        number = add_request(db, f"request {index}")
        record_analysis(db, number, make_analysis([f"Demande {index}"], language=language), generation=1)
        numbers.append(number)
    reassign_routing(
        db, numbers[1], "police", actor="clerk", reason="a police matter", known_authorities={"police"}
    )
    return numbers


def test_reprocess_all_with_a_language_queues_only_those(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(settings.database)
    numbers = _archive(db)

    assert main(["--data-dir", str(settings.data_dir), "reprocess", "--all", "--language", "es"]) == 0
    out = capsys.readouterr().out
    assert "2 requests to analyse again" in out
    assert "queued 2/2" in out
    assert len(list((settings.queue_dir / "in").iterdir())) == 2
    wanted = _wanted(db)
    assert [wanted[number] for number in numbers] == [(1, 1), (1, 1), (1, 1), (2, 1), (2, 1)]
    assert {entry.number for entry in list_audit(db) if entry.action == "reprocess"} == set(numbers[3:])

    since = datetime.now(UTC).date().isoformat()
    assert (
        main(["--data-dir", str(settings.data_dir), "reprocess", "--since", since, "--status", "routed"]) == 0
    )
    assert "5 requests to analyse again" in capsys.readouterr().out
    assert main(["--data-dir", str(settings.data_dir), "reprocess", "--since", "2999-01-01"]) == 0
    assert "no registered request matches" in capsys.readouterr().out
    assert main(["--data-dir", str(settings.data_dir), "reprocess"]) == 2
    assert main(["--data-dir", str(settings.data_dir), "reprocess", numbers[0], "--all"]) == 2


def test_follow_prints_progress_until_every_analysis_is_saved_and_decisions_stand(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(settings.database)
    numbers = _archive(db)

    def worker() -> None:  # saves generation 2 of each as soon as it is asked for
        for number in numbers:
            while _wanted(db)[number][0] < 2:
                time.sleep(0.02)
            proposal = make_analysis(["Demande, nouvelle analyse"], route_to="prosecutor_general")
            record_analysis(db, number, proposal, generation=2)

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    argv = ["--data-dir", str(settings.data_dir), "reprocess", "--all", "--follow", "--interval", "0.05"]
    assert main(argv) == 0
    thread.join(timeout=30)
    out = capsys.readouterr().out
    assert "5/5 analysed" in out.splitlines()[-1]
    assert "documents/minute" in out
    assert all(value == (2, 2) for value in _wanted(db).values())
    with db.session() as session:
        routes = {row.registration_id: row.route_to for row in session.query(AnalysisRow)}
    assert sorted(routes.values()) == ["police"] + ["prosecutor_general"] * 4


def test_batches_cover_every_number_once(settings: Settings) -> None:
    db = open_database(settings.database)
    numbers = [add_request(db, f"r{index}") for index in range(7)]
    batches = list(request_analyses(db, numbers, actor="cli", batch_size=3))
    assert [len(item) for item in batches] == [3, 3, 1]
    assert sorted(number for item in batches for number in item) == sorted(numbers)
    assert {generation for item in batches for generation in item.values()} == {2}
