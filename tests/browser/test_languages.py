"""The interface in the clerks' languages, in a real browser against ``rogatory run``: the sign-in
page in the browser's language, the header's switch to French and to Arabic (right to left,
the page mirrored, no sideways scroll on a phone), the upload script's words in Arabic.

Screenshots go to ``$SCREENSHOTS_DIR`` (lang-*.png).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import new_page, sign_in
from tests.e2e.service import USER_PASSWORD, RunningService, add_user
from tests.scans import FREEZING_REQUEST, scan

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


def _switch(page: Page, language: str) -> None:
    """Choose ``language`` in the header's switch and send it (the page reloads in it)."""
    form = page.locator("#language-switch")
    form.locator("select").select_option(language)
    form.get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def _scrolls_sideways(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"))


def test_the_sign_in_page_speaks_the_browsers_language(
    service: RunningService, browser: Browser, screenshots: Path
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{service.port}/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", name="Se connecter")).to_be_visible()
    page.get_by_label("Nom d'utilisateur").fill("clerk")
    page.get_by_label("Mot de passe").fill("not the password at all")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_have_text("Le nom d'utilisateur ou le mot de passe est incorrect.")
    page.screenshot(path=str(screenshots / "lang-01-sign-in-fr.png"))
    page.get_by_label("Mot de passe").fill(USER_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Registre", exact=True)).to_be_visible()
    context.close()


def test_the_switch_serves_french_then_arabic_right_to_left(
    service: RunningService, browser: Browser, screenshots: Path
) -> None:
    add_user(service.data_dir, "greffier", "clerk")
    page = new_page(browser)  # an English browser (en-GB)
    sign_in(page, service, "greffier")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Statistics").click()
    _switch(page, "fr")
    expect(page).to_have_url(f"http://127.0.0.1:{service.port}/statistics")  # back on the same page
    expect(page.get_by_role("heading", name="Statistiques", exact=True)).to_be_visible()
    expect(page.get_by_text("Demandes reçues par mois")).to_be_visible()
    expect(page.get_by_role("link", name="Registre", exact=True)).to_be_visible()
    page.screenshot(path=str(screenshots / "lang-02-statistics-fr.png"), full_page=True)

    # The choice is the user's: a new session in an English browser is in French again.
    again = new_page(browser)
    sign_in_as(again, service, "greffier", button="Sign in", then="Se déconnecter")
    expect(again.locator("html")).to_have_attribute("lang", "fr")
    again.context.close()

    _switch(page, "ar")
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = page.locator(".brand").bounding_box()
    account = page.locator(".account").bounding_box()
    assert brand is not None
    assert account is not None
    assert brand["x"] > account["x"], (brand, account)  # the masthead starts on the right
    page.get_by_role("link", name="السجل العام", exact=True).click()
    expect(page.get_by_role("heading", name="السجل العام", exact=True)).to_be_visible()
    header = page.locator("table.registry th").first.bounding_box()
    last = page.locator("table.registry th").last.bounding_box()
    assert header is not None
    assert last is not None
    assert header["x"] > last["x"]  # columns run right to left
    page.screenshot(path=str(screenshots / "lang-03-registry-ar.png"), full_page=True)
    page.set_viewport_size(PHONE)
    assert not _scrolls_sideways(page)
    page.screenshot(path=str(screenshots / "lang-04-registry-ar-390.png"), full_page=True)
    page.context.close()


def test_the_upload_script_speaks_arabic(
    service: RunningService, browser: Browser, screenshots: Path, tmp_path: Path
) -> None:
    add_user(service.data_dir, "katib", "clerk")
    page = new_page(browser)
    sign_in(page, service, "katib")
    _switch(page, "ar")
    page.get_by_role("link", name="رفع الملفات", exact=True).click()
    expect(page.get_by_text("أفلت الطلبات الممسوحة ضوئيًا هنا")).to_be_visible()
    path = tmp_path / "talab.png"
    path.write_bytes(scan([FREEZING_REQUEST]))
    page.set_input_files("#file-input", str(path))
    result = page.locator("#uploads tbody tr td").nth(2)
    expect(result).to_contain_text("سُجّل برقم", timeout=30_000)
    empty = tmp_path / "faragh.pdf"
    empty.write_bytes(b"")
    page.set_input_files("#file-input", str(empty))
    refused = page.locator("#uploads tbody tr", has_text="faragh.pdf").locator("td").nth(2)
    expect(refused).to_contain_text("مرفوض: الملف فارغ (0 بايت)", timeout=30_000)  # the code in Arabic
    expect(refused).to_contain_text("is empty (0 bytes)")  # the intake's own words beside
    page.screenshot(path=str(screenshots / "lang-05-upload-ar.png"), full_page=True)
    page.context.close()


def sign_in_as(page: Page, service: RunningService, username: str, *, button: str, then: str) -> None:
    """Sign in on a page whose labels are in English; ``then`` is the sign-out button's name after."""
    page.goto(f"http://127.0.0.1:{service.port}/sign-in")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(USER_PASSWORD)
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("button", name=then)).to_be_visible()
