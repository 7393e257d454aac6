"""Annexes in a real browser: a clerk uploads a letter and its annexes as one request, gets one
number, and finds the annexes listed (the refused one with its reason) in the document view."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import new_page, sign_in
from tests.e2e.service import RunningService
from tests.faults.hostile import text_pdf
from tests.ingest import originals

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]


def test_files_uploaded_as_one_request_get_one_number_and_their_annexes_are_listed(
    service: RunningService, browser: Browser, screenshots: Path, tmp_path: Path
) -> None:
    letter, photo, notes = tmp_path / "letter.pdf", tmp_path / "photo.jpg", tmp_path / "notes.txt"
    letter.write_bytes(text_pdf(("Request for mutual legal assistance", "Mr Kwame ASANTE, suspect")))
    photo.write_bytes(originals.image("JPEG"))
    notes.write_bytes(b"not a scan")
    page = new_page(browser)
    sign_in(page, service, "clerk")
    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("one request", exact=False).check()
    page.set_input_files("#file-input", [str(letter), str(photo), str(notes)])

    rows = page.locator("#uploads tbody tr")
    result = rows.first.locator("td").nth(2)
    expect(result).to_contain_text("Registered as", timeout=30_000)
    expect(result).to_contain_text("with 2 annexed file(s), 1 refused")
    expect(rows).to_have_count(1)
    page.screenshot(path=str(screenshots / "annexes-upload.png"), full_page=True)
    number = result.locator("a.number").inner_text()

    page.goto(f"http://127.0.0.1:{service.port}/requests/{number}")
    annexes = page.locator("table.annexes tbody tr")
    expect(annexes).to_have_count(2)
    expect(annexes.nth(0)).to_contain_text("photo.jpg")
    expect(annexes.nth(1)).to_contain_text("Refused:")
    page.screenshot(path=str(screenshots / "annexes-document.png"), full_page=True)
    page.context.close()
