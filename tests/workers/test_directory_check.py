"""The administration page's check of the authority directory file on disk."""

from __future__ import annotations

from pathlib import Path

from rogatory.settings import DEFAULT_AUTHORITIES
from workers.directory_check import directory_problem


def test_the_shipped_directory_has_no_problem() -> None:
    assert directory_problem(DEFAULT_AUTHORITIES) == ""


def test_a_broken_file_is_named_with_its_problem(tmp_path: Path) -> None:
    broken = tmp_path / "authorities.yaml"
    broken.write_text("authorities: []\nfallback: fiu\n", encoding="utf-8")
    problem = directory_problem(broken)
    assert str(broken) in problem
    assert "authorities must be a non-empty list" in problem
