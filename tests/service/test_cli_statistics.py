"""CLI: ``rogatory statistics --check`` finds figures that drifted, ``--rebuild`` mends them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from rogatory.settings import load_settings
from service.cli import main
from storage.database import open_database
from storage.models import FigureRow
from storage.registry import get_request
from tests.storage.sample_analysis import add_request


def test_check_finds_a_drifted_figure_and_rebuild_mends_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = load_settings(environ={}, data_dir=tmp_path / "data")
    settings.ensure_dirs()
    db = open_database(settings.database)
    received = get_request(db, add_request(db, "figures")).registration.received_at.date()
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "statistics", "--check"]) == 0
    assert "kept figures equal" in capsys.readouterr().out
    with db.session(write=True) as session:  # a write past the service
        session.execute(
            update(FigureRow).where(FigureRow.day == received.day).values(count=FigureRow.count + 1)
        )
    db.dispose()
    assert main([*data, "statistics", "--check"]) == 1
    assert f"{received} status=registered: kept 2, counted 1" in capsys.readouterr().out
    assert main([*data, "statistics", "--rebuild"]) == 0
    assert main([*data, "statistics", "--check"]) == 0
