"""``rogatory users`` as a new operator meets it (issue 18): no terminal, another folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from service.cli import main
from service.cli.main import build_parser
from service.cli.user_commands import MIN_PASSWORD
from storage.users import MIN_PASSWORD_LENGTH


def test_add_without_a_terminal_says_to_use_password_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal, nothing typed
    assert main(["--data-dir", str(tmp_path / "data"), "users", "add", "ana", "--role", "clerk"]) == 2
    error = capsys.readouterr().err
    assert "no terminal to ask the password on" in error
    assert "--password-stdin" in error
    assert "Traceback" not in error


def test_password_stdin_adds_and_says_which_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert main(["--data-dir", str(data), "users", "add", "ana", "--role", "clerk", "--password-stdin"]) == 0
    captured = capsys.readouterr()
    assert "added ana (clerk)" in captured.out
    assert f"rogatory: data folder {data.resolve()} (--data-dir)" in captured.err
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert main(["--data-dir", str(data), "users", "add", "bo", "--role", "clerk", "--password-stdin"]) == 2
    assert "gave no password" in capsys.readouterr().err


def test_list_in_another_folder_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROGATORY_DATA_DIR", raising=False)
    monkeypatch.delenv("ROGATORY_CONFIG", raising=False)
    monkeypatch.delenv("ROGATORY_DATABASE_URL", raising=False)
    assert main(["users", "list"]) == 2
    error = capsys.readouterr().err
    assert f"rogatory: data folder {tmp_path / 'rogatory-data'} (default: ./rogatory-data" in error
    assert f"no Rogatory data in {tmp_path / 'rogatory-data'}" in error
    assert "--data-dir" in error
    assert not (tmp_path / "rogatory-data").exists()


def test_the_password_rules_are_in_the_help() -> None:
    assert MIN_PASSWORD == MIN_PASSWORD_LENGTH
    users = build_parser()._subparsers._group_actions[0].choices["users"]  # type: ignore[union-attr]
    assert "12 characters" in users.format_help()
    add = users._subparsers._group_actions[0].choices["add"]  # type: ignore[union-attr]
    assert "--password-stdin" in add.format_help()
    assert "at least 12 characters" in " ".join(add.format_help().split())
