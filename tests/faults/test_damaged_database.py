"""A damaged SQLite database: every command and the web app say what is wrong and what to do.

A registry is made with real commands, then pages in the middle of its file are
overwritten (as a disk fault or a copy taken mid-write leaves it), or its header
(not a database at all). Every ``rogatory`` command is run on it as an operator
runs it, in its own process: each must end at once with status 2 and the one-line
message, never a traceback. The table names every command of the parser, so a new
command that skips the check fails here. ``eval`` (a corpus, no database) is the
one command left out.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli.main import build_parser
from tests.e2e.service import add_user
from tests.faults.test_broker_outage import request_pdf

pytestmark = pytest.mark.faults

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096

#: Every command with the arguments it needs; the web processes get a free port.
COMMANDS: dict[str, list[str]] = {
    "run": ["run", "--port", "0"],
    "worker": ["worker"],
    "web": ["web", "--port", "0"],
    "watch": ["watch"],
    "ingest": ["ingest", "{pdf}"],
    "reprocess": ["reprocess", "RQ-2026-000001"],
    "backup": ["backup", "{pdf}.backup"],
    "show": ["show", "RQ-2026-000001"],
    "list": ["list"],
    "search": ["search", "request"],
    "review queue": ["review", "queue"],
    "review history": ["review", "history", "RQ-2026-000001"],
    "review confirm": ["review", "confirm", "RQ-2026-000001", "--actor", "clerk"],
    "review reassign": [
        "review",
        "reassign",
        "RQ-2026-000001",
        "police",
        "--actor",
        "clerk",
        "--reason",
        "x",
    ],
    "draft": ["draft", "RQ-2026-000001"],
    "deadlines": ["deadlines"],
    "deliveries": ["deliveries"],
    "statistics": ["statistics", "--check"],
    "mail": ["mail", "--once"],
    "users add": ["users", "add", "someone", "--role", "clerk", "--password-stdin"],
    "users list": ["users", "list"],
    "users disable": ["users", "disable", "clerk"],
    "users enable": ["users", "enable", "clerk"],
    "users token": ["users", "token", "clerk"],
    "users tokens": ["users", "tokens", "clerk"],
    "users revoke": ["users", "revoke", "clerk"],
    "users unlock": ["users", "unlock", "clerk"],
}
#: eval reads no database; restore checks its backup first and writes only into an empty target.
WITHOUT_DATABASE = {"eval", "restore"}
#: A file that is no database at all is tried on fewer commands (each takes seconds to start).
NOT_A_DATABASE = ("web", "users list", "list", "ingest")


def _commands_of_parser() -> set[str]:
    names = set()
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
                names |= {f"{name} {child}" for a in nested for child in a.choices} if nested else {name}
    return names


def _damage(database: Path, *, header: bool) -> None:
    with database.open("r+b") as handle:
        if header:
            handle.write(b"this is not what sqlite wrote" * 4)
        else:
            handle.seek(3 * PAGE)
            handle.write(b"\xde\xad\xbe\xef" * (2 * PAGE // 4))


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    add_user(data_dir, "clerk")
    pdf = tmp_path / "request.pdf"
    pdf.write_bytes(request_pdf("damaged database"))
    ingest = _rogatory(data_dir, ["ingest", str(pdf)])
    assert "registered" in ingest.stderr, ingest.stderr  # queueing fails: no broker here
    return data_dir


def _rogatory(data_dir: Path, arguments: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a command in its own session; one still running after a minute (a service that
    started on the damaged file) is killed with its children and reported as exit -9."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "ROGATORY_BROKER_URL": "redis://127.0.0.1:1/0",
        # a mailbox nobody answers: `mail` says first that none is configured, else
        "ROGATORY_MAILBOXES": '[{"host": "127.0.0.1", "port": 1, "user": "registry", "password": "x"}]',
    }
    command = [sys.executable, "-m", "service", "--data-dir", str(data_dir), *arguments]
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        out, err = process.communicate("a password long enough\n", timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        err += "\n(still running after 60 s: it started on the damaged database)"
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def test_the_table_names_every_command_of_the_parser() -> None:
    assert _commands_of_parser() - WITHOUT_DATABASE == set(COMMANDS)


@pytest.mark.parametrize("header", [False, True], ids=["damaged-pages", "not-a-database"])
def test_every_command_refuses_a_damaged_database_in_one_line(
    registry: Path, tmp_path: Path, *, header: bool
) -> None:
    database = registry / "rogatory.db"
    assert database.is_file()
    _damage(database, header=header)
    pdf = tmp_path / "request.pdf"
    failures = []
    for name in NOT_A_DATABASE if header else COMMANDS:
        arguments = COMMANDS[name]
        finished = _rogatory(registry, [part.format(pdf=pdf) for part in arguments])
        message = finished.stderr.strip()
        if (
            finished.returncode != 2
            or "Traceback" in finished.stderr
            or "is damaged" not in message
            or "restore the file from the last backup" not in message
        ):
            failures.append(f"{name}: exit {finished.returncode}: {finished.stderr[-600:]}")
    assert not failures, "\n".join(failures)
