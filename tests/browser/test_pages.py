"""The pages in a real browser: sign in, upload a scan and watch it reach routed, see a
person highlighted on the page image, find the request by a name written in another
script, reassign it, keep other authorities out, and show a ``<script>`` of the OCR text inert.

One generated scan goes through the whole service (OCR included); the tests share it
and run in this file's order (the reassignment, which changes who may see it, is last).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import new_page, sign_in
from tests.e2e.service import RunningService, add_user
from tests.scans import FREEZING_REQUEST, scan

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]

HOSTILE_LINE = "Note: <script>document.title='hacked'</script>"
REQUEST_TEXT = (
    FREEZING_REQUEST.replace("Mr Kwame ASANTE for bribery", "Mr Aleksandr PETROV for bribery")
    + "\n"
    + HOSTILE_LINE
)


@pytest.fixture(scope="module")
def people(service: RunningService) -> dict[str, str]:
    """API tokens of a reviewer and of two authorities' officers (the clerk comes with the service)."""
    return {
        "reviewer": add_user(service.data_dir, "reviewer", "reviewer"),
        "aro-officer": add_user(service.data_dir, "aro-officer", "authority", "asset_recovery_office"),
        "fiu-officer": add_user(service.data_dir, "fiu-officer", "authority", "fiu"),
    }


@pytest.fixture(scope="module")
def routed_number(
    service: RunningService,
    browser: Browser,
    screenshots: Path,
    people: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> str:
    """A clerk signs in, uploads the scan by the file chooser, and watches the registry until it is routed."""
    scan_path = tmp_path_factory.mktemp("upload") / "ghana-petrov.png"
    scan_path.write_bytes(scan([REQUEST_TEXT]))
    page = new_page(browser)
    sign_in(page, service, "clerk")
    page.screenshot(path=str(screenshots / "01-registry-empty.png"), full_page=True)
    page.get_by_role("link", name="Upload", exact=True).click()
    page.set_input_files("#file-input", str(scan_path))
    result = page.locator("#uploads tbody tr td").nth(2)
    expect(result).to_contain_text("Registered as", timeout=30_000)
    number = result.locator("a.number").inner_text()
    page.screenshot(path=str(screenshots / "02-upload.png"), full_page=True)
    page.get_by_role("link", name="Registry", exact=True).click()
    row = page.locator("#registry-rows tr", has=page.locator(f"text={number}"))
    expect(row.locator(".pill")).to_have_text("Routed", timeout=240_000)  # the page updates itself
    page.screenshot(path=str(screenshots / "03-registry-routed.png"), full_page=True)
    page.context.close()
    return number


def test_sign_in_refuses_a_wrong_password(service: RunningService, browser: Browser) -> None:
    page = new_page(browser)
    page.goto(f"http://127.0.0.1:{service.port}/sign-in")
    page.get_by_label("User name").fill("clerk")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("wrong")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    page.context.close()


def test_document_shows_the_person_highlighted_on_the_page(
    service: RunningService, browser: Browser, routed_number: str, screenshots: Path
) -> None:
    page = new_page(browser)
    sign_in(page, service, "reviewer")
    page.goto(f"http://127.0.0.1:{service.port}/requests/{routed_number}")
    image = page.locator(".page-image img").first
    expect(image).to_be_visible()
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", image.element_handle())
    person = page.locator(".entities a.ent-person", has_text="PETROV").first
    expect(person).to_be_visible()
    index = person.get_attribute("data-entity")
    box = page.locator(f"svg.overlay rect.hl-person[data-entity='{index}']").first
    expect(box).to_be_visible()
    image_box, person_box = image.bounding_box(), box.bounding_box()
    assert image_box
    assert person_box
    assert image_box["y"] < person_box["y"] < image_box["y"] + image_box["height"] / 2  # upper half: line 6
    person.hover()
    expect(box).to_have_class("hl hl-person active")
    expect(page.locator(".page-text mark.hl-person", has_text="PETROV").first).to_be_visible()
    expect(page.locator("#route-to")).to_contain_text("Asset Recovery")
    page.screenshot(path=str(screenshots / "04-document.png"), full_page=True)
    page.set_viewport_size({"width": 820, "height": 1180})  # a tablet held upright
    assert page.evaluate("document.documentElement.scrollWidth") <= 820
    expect(box).to_be_visible()
    page.screenshot(path=str(screenshots / "04-document-tablet.png"), full_page=True)
    page.context.close()


def test_text_from_the_document_is_shown_inert(
    service: RunningService, browser: Browser, routed_number: str
) -> None:
    page = new_page(browser)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, service, "clerk")
    page.goto(f"http://127.0.0.1:{service.port}/requests/{routed_number}")
    expect(page.locator(".page-text").first).to_contain_text("<script>")
    assert page.title().startswith(routed_number)
    assert page.evaluate("document.querySelectorAll('main script').length") == 0
    assert dialogs == []
    page.context.close()


def test_search_finds_the_person_written_in_cyrillic(
    service: RunningService, browser: Browser, routed_number: str, screenshots: Path
) -> None:
    page = new_page(browser)
    sign_in(page, service, "clerk")
    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Person, company or account").check()
    page.get_by_role("searchbox", name="Search").fill("Александр Петров")
    page.get_by_role("button", name="Search", exact=True).click()
    hit = page.locator("article.hit", has_text=routed_number)
    expect(hit).to_be_visible()
    expect(hit).to_contain_text("PETROV")
    page.screenshot(path=str(screenshots / "05-search.png"), full_page=True)
    page.context.close()


def _status_of(service: RunningService, path: str, token: str) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{service.port}{path}")
    request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - http://127.0.0.1 only
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_another_authority_is_denied_page_api_and_download(
    service: RunningService, browser: Browser, routed_number: str, people: dict[str, str], screenshots: Path
) -> None:
    page = new_page(browser)
    sign_in(page, service, "fiu-officer")
    expect(page).to_have_url(f"http://127.0.0.1:{service.port}/queue")
    expect(page.locator("#registry-rows")).not_to_contain_text(routed_number)
    response = page.goto(f"http://127.0.0.1:{service.port}/requests/{routed_number}")
    assert response is not None
    assert response.status == 404
    expect(page.locator("main")).not_to_contain_text("PETROV")
    page.screenshot(path=str(screenshots / "06-denied.png"), full_page=True)
    for path in ("", "/original", "/review", "/related", "/pages/1.png"):
        prefix = "/api/requests" if path in ("", "/original", "/review", "/related") else "/requests"
        assert _status_of(service, f"{prefix}/{routed_number}{path}", people["fiu-officer"]) == 404, path
        assert _status_of(service, f"{prefix}/{routed_number}{path}", people["aro-officer"]) == 200, path
    page.context.close()


def test_statistics_and_the_authority_queue_render(
    service: RunningService, browser: Browser, routed_number: str, screenshots: Path
) -> None:
    page = new_page(browser)
    sign_in(page, service, "reviewer")
    page.get_by_role("link", name="Statistics", exact=True).click()
    expect(page.locator(".kpi").first).to_contain_text("1")
    page.screenshot(path=str(screenshots / "07-statistics.png"), full_page=True)
    page.context.close()
    officer = new_page(browser)
    sign_in(officer, service, "aro-officer")
    expect(officer.locator("#registry-rows")).to_contain_text(routed_number)
    officer.screenshot(path=str(screenshots / "08-authority-queue.png"), full_page=True)
    officer.context.close()


def test_reviewer_reassigns_and_access_follows(
    service: RunningService, browser: Browser, routed_number: str, people: dict[str, str], screenshots: Path
) -> None:
    page = new_page(browser)
    sign_in(page, service, "reviewer")
    page.goto(f"http://127.0.0.1:{service.port}/requests/{routed_number}")
    form = page.locator("#reassign-form")
    form.get_by_label("Reassign to").select_option("fiu")
    form.get_by_label("Reason").fill("only bank records and a freeze: the FIU executes")
    form.get_by_role("button", name="Reassign").click()
    expect(page.get_by_role("status")).to_contain_text("reassigned")
    expect(page.locator("#route-to")).to_contain_text("Financial Intelligence Unit")
    expect(page.locator(".history")).to_contain_text("Reassigned by reviewer")
    page.screenshot(path=str(screenshots / "09-reassigned.png"), full_page=True)
    page.context.close()
    assert _status_of(service, f"/api/requests/{routed_number}", people["fiu-officer"]) == 200
    assert _status_of(service, f"/api/requests/{routed_number}", people["aro-officer"]) == 404
