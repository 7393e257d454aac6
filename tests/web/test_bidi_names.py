"""A received file name with bidirectional overrides is shown neutralised on every page and in the CLI.

``invoice\\u202efdp.exe`` reads as ``invoiceexe.pdf`` when printed as it is. The
registry keeps the name as received; pages and commands show ``[U+202E]`` instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rogatory.registration import Status
from rogatory.shown import shown
from service.cli.main import main
from storage.registry import get_request
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import app_with_people, bearer
from web.dependencies import context_of

NAME = "invoice\u202efdp.exe"


def test_shown_makes_every_override_and_isolate_visible_and_keeps_the_marks() -> None:
    assert shown(NAME) == "invoice[U+202E]fdp.exe"
    assert shown("a\u2066b\u2069c\u202ad\u202ce") == "a[U+2066]b[U+2069]c[U+202A]d[U+202C]e"
    assert shown("שלום\u200f") == "שלום\u200f"  # a right-to-left mark reverses nothing


def test_pages_show_the_name_neutralised(tmp_path: Path) -> None:
    with app_with_people(tmp_path / "data") as (client, tokens):
        db = context_of(client.app).db
        number = add_request(
            db, "bidi", make_analysis(["text"], route_to="fiu"), status=Status.ROUTED, filename=NAME
        )
        assert get_request(db, number).registration.filename == NAME  # kept as received
        for path in ("/", f"/requests/{number}", "/review", "/queue"):
            token = tokens["fiu-officer"] if path == "/queue" else tokens["clerk"]
            page = client.get(path, headers=bearer(token))
            assert page.status_code == 200, path
            assert "\u202e" not in page.text, path
        assert (
            "invoice[U+202E]fdp.exe"
            in client.get(f"/requests/{number}", headers=bearer(tokens["clerk"])).text
        )


def test_the_command_line_shows_the_name_neutralised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    with app_with_people(data_dir) as (client, _tokens):
        number = add_request(context_of(client.app).db, "bidi", filename=NAME)
    for command in (["list"], ["show", number]):
        assert main(["--data-dir", str(data_dir), *command]) == 0
        out = capsys.readouterr().out
        assert "invoice[U+202E]fdp.exe" in out
        assert "\u202e" not in out
