"""A real browser against the real service: Debian's chromium, headless, driven by Playwright.

The service runs as a user starts it (``rogatory run``, embedded default); chromium is
Debian's ``/usr/bin/chromium`` (Playwright cannot download browsers here). Screenshots
of each page are written to ``$SCREENSHOTS_DIR`` (default: the test's temporary
folder) so that a person can look at them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.e2e.service import USER_PASSWORD, RunningService, start_service

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningService]:
    running = start_service(tmp_path_factory.mktemp("browser") / "data")
    yield running
    assert running.stop() == 0, running.log()[-4000:]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: scripts/install-system-packages.sh --test installs it")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_page(browser: Browser) -> Page:
    """A fresh browser context (no cookies) with a desktop-sized window."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-GB")
    context.set_default_timeout(20_000)
    return context.new_page()


def sign_in(page: Page, service: RunningService, username: str) -> None:
    """Sign in on the sign-in page the start page sends a stranger to."""
    page.goto(f"http://127.0.0.1:{service.port}/")
    expect(page).to_have_url(f"http://127.0.0.1:{service.port}/sign-in?next=/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(USER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
