"""CLI: review queue, reassign with history, draft, deadlines, deliveries (embedded default)."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from rogatory.records import Completeness, ElementCheck
from rogatory.settings import load_settings
from rogatory.sources import MediaType
from rogatory.taxonomy import COMPLETENESS_ELEMENTS
from service.cli import main
from storage.database import open_database
from storage.registry import register, save_analysis
from tests.storage.sample_analysis import make_analysis


@pytest.fixture
def number(tmp_path: Path) -> str:
    settings = load_settings(environ={}, data_dir=tmp_path / "data")
    settings.ensure_dirs()
    db = open_database(settings.database)
    registered = register(
        db,
        sha256=hashlib.sha256(b"cli").hexdigest(),
        filename="r.pdf",
        size=1,
        media_type=MediaType.PDF,
        source="cli",
        now=datetime(2026, 3, 4, tzinfo=UTC),
    ).registration.number
    analysis = make_analysis(["Demande"], language="fr", needs_review=True)
    completeness = Completeness(
        checks=tuple(ElementCheck(element=e, present=e != "purpose") for e in COMPLETENESS_ELEMENTS)
    )
    classification = analysis.classification.model_copy(update={"deadline": date(2026, 3, 10)})
    save_analysis(
        db,
        registered,
        analysis.model_copy(update={"completeness": completeness, "classification": classification}),
    )
    db.dispose()
    return registered


def test_review_reassign_history_draft_deadlines(
    tmp_path: Path, number: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "review", "queue"]) == 0
    assert number in capsys.readouterr().out
    assert main([*data, "review", "reassign", number, "nowhere", "--actor", "ana", "--reason", "x"]) == 2
    assert "unknown authority" in capsys.readouterr().err
    assert (
        main([*data, "review", "reassign", number, "fiu", "--actor", "ana", "--reason", "bank records"]) == 0
    )
    assert main([*data, "review", "history", number]) == 0
    out = capsys.readouterr().out
    assert "ana: reassign prosecutor_general -> fiu (bank records)" in out
    letter = tmp_path / "letter.txt"
    assert main([*data, "draft", number, "-o", str(letter)]) == 0
    assert "le but dans lequel" in letter.read_text(encoding="utf-8")
    assert main([*data, "deadlines", "--today", "2026-03-12"]) == 0
    assert f"{number}  2026-03-10  -2 days  fiu" in capsys.readouterr().out
    assert main([*data, "deliveries"]) == 0
    assert "e-mail delivery is off" in capsys.readouterr().out
