"""Issue 18's Paperless-ngx points in a real browser (Debian's chromium): bulk actions, keyboard
shortcuts, dark mode following the system, the queue's badge and notice; no sideways scroll
at 390 px on the pages they touch.

The web app is the real one (``create_app`` on the web's own bootstrap, SQLite, the filesystem
store) served by uvicorn on a free port in this process; no worker runs, because nothing here
needs one: the requests are saved in the state a worker leaves them (the storage calls the
pipeline makes), so the tests stay minutes shorter than the OCR'd ones. Screenshots go to
``$SCREENSHOTS_DIR``.
"""

from __future__ import annotations

import io
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, expect

from rogatory.registration import Status
from rogatory.settings import load_settings
from rogatory.sources import MediaType
from service.web_process import open_web_context
from storage.database import Database
from storage.registry import register, save_analysis, set_status
from tests.browser.axe import violations, with_axe
from tests.browser.test_accessibility import SIDEWAYS, contrast
from tests.e2e.service import free_port
from tests.scans import FREEZING_REQUEST, scan
from tests.storage.sample_analysis import make_analysis
from tests.web.users import PASSWORD, add_people
from web.app import create_app
from web.dependencies import context_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


@dataclass
class Served:
    url: str
    db: Database
    delivered: list[str]
    numbers: list[str]
    """Three requests waiting for review, then one routed to the FIU (each a PNG scan)."""
    app: FastAPI

    def add(self, label: str, *, status: Status, route_to: str = "fiu") -> str:
        """Save a request as the worker leaves it; its number."""
        content = scan([f"{FREEZING_REQUEST}\nOur reference: {label}"])
        store = context_of(self.app).store
        sha256 = store.put(content)
        number = register(
            self.db,
            sha256=sha256,
            filename=f"{label}.png",
            size=len(content),
            media_type=MediaType.PNG,
            source="cli",
        ).registration.number
        analysis = make_analysis(
            [f"{label} requests the freezing of an account"],
            route_to=route_to,
            needs_review=status is Status.NEEDS_REVIEW,
            language="en",
        )
        save_analysis(self.db, number, analysis)
        set_status(self.db, number, status)
        return number


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    data_dir = tmp_path_factory.mktemp("registry-tools") / "data"
    delivered: list[str] = []
    settings = load_settings(environ={}, data_dir=data_dir)
    app = create_app(open_web_context(settings, enqueue=lambda number: None, deliver=delivered.append))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server.started, "uvicorn did not start"
    db = context_of(app).db
    add_people(db)
    running = Served(url=f"http://127.0.0.1:{port}", db=db, delivered=delivered, numbers=[], app=app)
    for label in ("Ghana", "Kenya", "Peru"):
        running.numbers.append(running.add(label, status=Status.NEEDS_REVIEW))
    running.numbers.append(running.add("Chile", status=Status.ROUTED))
    yield running
    server.should_exit = True
    thread.join(timeout=30)


def open_page(
    browser: Browser, served: Served, username: str, *, dark: bool = False, **options: object
) -> Page:
    context = browser.new_context(
        viewport={"width": 1440, "height": 1000},
        locale="en-GB",
        color_scheme="dark" if dark else "light",
        accept_downloads=True,
        **options,  # type: ignore[arg-type]
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(f"{served.url}/sign-in")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return page


def row_of(page: Page, number: str):
    return page.locator("#registry-rows tr", has=page.locator(f"a.number:text-is('{number}')"))


def test_bulk_confirm_assign_and_export(browser: Browser, served: Served, screenshots: Path) -> None:
    ghana, kenya, peru, _chile = served.numbers
    page = open_page(browser, served, "reviewer")
    page.goto(f"{served.url}/review")
    count = page.locator("#bulk-count")
    expect(count).to_have_text("No request selected")
    expect(page.get_by_role("button", name="Confirm routing of selected")).to_be_disabled()
    row_of(page, ghana).get_by_role("checkbox").check()
    row_of(page, kenya).get_by_role("checkbox").check()
    expect(count).to_have_text("2 requests selected")
    page.screenshot(path=str(screenshots / "bulk-01-review-selected.png"), full_page=True)
    page.get_by_role("button", name="Confirm routing of selected").click()
    expect(page.locator("#bulk-summary")).to_contain_text("2 of the selected requests are done.")
    page.screenshot(path=str(screenshots / "bulk-02-confirmed.png"), full_page=True)
    assert served.delivered[-2:] == [ghana, kenya]
    page.get_by_role("link", name="Back to the list").click()
    expect(row_of(page, ghana)).to_have_count(0)  # confirmed: out of the review queue
    row_of(page, peru).get_by_role("checkbox").check()
    page.get_by_text("Assign selected to…").click()
    page.get_by_label("Authority").select_option(label="Financial Intelligence Unit")
    page.get_by_label("Reason (required)").fill("the account is the FIU's")
    page.get_by_role("button", name="Assign selected", exact=True).click()
    expect(page.locator("#bulk-outcomes")).to_contain_text("Routed to Financial Intelligence Unit")

    page.goto(f"{served.url}/")
    page.locator("#select-all").check()
    expect(count).to_have_text("4 requests selected")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export selected").click()
    path = download.value.path()
    bundle = zipfile.ZipFile(io.BytesIO(Path(path).read_bytes()))
    assert {
        f"{number} {label}.png"
        for number, label in zip(served.numbers, ("Ghana", "Kenya", "Peru", "Chile"), strict=True)
    } <= set(bundle.namelist())
    assert "registry.csv" in bundle.namelist()
    page.context.close()


def test_keyboard_shortcuts_and_their_help(browser: Browser, served: Served, screenshots: Path) -> None:
    page = open_page(browser, served, "clerk")
    page.goto(f"{served.url}/")
    page.locator("body").click(position={"x": 5, "y": 300})  # nothing focused
    page.keyboard.press("?")
    help_dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(help_dialog).to_be_visible()
    expect(help_dialog).to_contain_text("Next request in the list")
    page.screenshot(path=str(screenshots / "keys-01-help.png"))
    page.keyboard.press("Escape")
    expect(help_dialog).to_be_hidden()
    links = page.locator("#registry-rows a.number")
    page.keyboard.press("j")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("j")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("k")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("x")
    expect(page.locator("#registry-rows tr").nth(0).get_by_role("checkbox")).to_be_checked()
    expect(page.locator("#bulk-count")).to_have_text("1 request selected")
    # Typed into a field, the same letters are text, not commands.
    page.goto(f"{served.url}/?language=en")
    field = page.get_by_label("Save these filters as")
    field.click()
    field.press_sequentially("jkox?/g r")
    expect(field).to_have_value("jkox?/g r")
    expect(help_dialog).to_be_hidden()
    expect(page).to_have_url(f"{served.url}/?language=en")
    expect(page.locator("#registry-rows tr").nth(0).get_by_role("checkbox")).not_to_be_checked()
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("j")
    first = links.nth(0).inner_text()
    page.keyboard.press("o")
    expect(page).to_have_url(f"{served.url}/requests/{first}")
    page.keyboard.press("/")
    expect(page).to_have_url(f"{served.url}/search")
    expect(page.get_by_role("searchbox", name="Search")).to_be_focused()
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("g")
    page.keyboard.press("r")
    expect(page).to_have_url(f"{served.url}/")
    # Turned off in the help (WCAG 2.1.4), they stay off on the next page; the button still opens it.
    page.get_by_role("button", name="Keyboard shortcuts").click()
    help_dialog.get_by_label("Turn these single-key shortcuts off").check()
    help_dialog.get_by_role("button", name="Close").click()
    page.reload()
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("j")
    page.keyboard.press("?")
    expect(links.nth(0)).not_to_be_focused()
    expect(help_dialog).to_be_hidden()
    page.get_by_role("button", name="Keyboard shortcuts").click()
    help_dialog.get_by_label("Turn these single-key shortcuts off").uncheck()
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    expect(links.nth(0)).to_be_focused()
    page.context.close()


def test_dark_mode_follows_the_system(browser: Browser, served: Served, screenshots: Path) -> None:
    chile = served.numbers[3]
    light = open_page(browser, served, "reviewer")
    light_ground = light.evaluate("getComputedStyle(document.querySelector('.grid')).backgroundColor")
    light.context.close()
    page = open_page(browser, served, "reviewer", dark=True)
    with_axe(page)
    report: list[str] = []
    for path, name in (
        ("/", "registry"),
        ("/review", "review"),
        (f"/requests/{chile}", "document"),
        ("/search?q=freezing", "search"),
    ):
        page.goto(f"{served.url}{path}")
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        for image in page.locator("img").all():  # the page images drawn before the screenshot
            expect(image).to_have_js_property("complete", True)
        ground = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        ink = page.evaluate("getComputedStyle(document.body).color")
        assert _rgb(ground) != _rgb(light_ground)
        assert contrast(_rgb(ink), _rgb(ground)) >= 7, (name, ink, ground)
        page.screenshot(path=str(screenshots / f"dark-{name}.png"), full_page=True)
        report += [f"{name}: {v.describe()}" for v in violations(page)]  # colour contrast among them
    assert report == [], "\n".join(report)
    # The page viewer: the scan stays as scanned, the frame and the text beside it are dark.
    page.goto(f"{served.url}/requests/{chile}")
    image = page.locator(".page-image img").first
    expect(image).to_be_visible()
    assert image.evaluate("(img) => img.naturalWidth") > 0
    text_ground = page.evaluate("getComputedStyle(document.querySelector('.page-text')).backgroundColor")
    assert sum(_rgb(text_ground)) < 3 * 60, text_ground
    page.context.close()


def test_the_new_controls_meet_wcag_aa(browser: Browser, served: Served) -> None:
    """axe-core (WCAG 2.1 A and AA) on the registry with its bulk bar open and a row chosen, a
    saved filter, the shortcuts' help open, the queue's notice shown and the bulk outcome page."""
    page = with_axe(open_page(browser, served, "reviewer"))
    report: list[str] = []
    page.goto(f"{served.url}/?language=en")
    page.get_by_label("Save these filters as").fill("English")
    page.get_by_role("button", name="Save filter").click()
    expect(page.locator(".saved-list")).to_contain_text("English")
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.locator("#registry-rows input[type=checkbox]").first.check()
    report += [f"registry: {v.describe()}" for v in violations(page)]
    page.get_by_role("button", name="Keyboard shortcuts").click()
    report += [f"help: {v.describe()}" for v in violations(page)]
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Export selected")).to_be_enabled()
    page.get_by_role("button", name="Confirm routing of selected").click()
    expect(page.locator("#bulk-summary")).to_be_visible()
    report += [f"outcome: {v.describe()}" for v in violations(page)]
    page.get_by_role("link", name="Back to the list").click()
    page.get_by_role("button", name="Remove the saved filter English").click()
    expect(page.locator(".saved-list")).to_have_count(0)
    assert report == [], "\n".join(report)
    page.context.close()


def test_a_new_request_in_ones_queue_is_announced(
    browser: Browser, served: Served, screenshots: Path
) -> None:
    page = open_page(browser, served, "fiu-officer")
    expect(page).to_have_url(f"{served.url}/queue")
    badge = page.locator('.menu a[href="/queue"] .queue-badge')
    before = int(page.locator("#registry-rows a.number").count())
    expect(badge).to_have_attribute("data-count", str(before))
    notice = page.locator("#queue-notice")
    expect(notice).to_be_empty()
    served.add("Brazil", status=Status.ROUTED)
    expect(badge).to_have_attribute("data-count", str(before + 1), timeout=30_000)
    expect(notice).to_contain_text("New in your queue: 1 more request waiting.")
    page.screenshot(path=str(screenshots / "queue-01-new-request.png"))
    notice.get_by_role("link", name="Open the queue").click()
    expect(page.locator("#registry-rows a.number")).to_have_count(before + 1)
    page.context.close()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_no_sideways_scroll_at_390_px(
    browser: Browser, served: Served, screenshots: Path, dark: bool
) -> None:
    page = open_page(browser, served, "reviewer", dark=dark)
    page.set_viewport_size(PHONE)
    too_wide = []
    for path, name in (("/", "registry"), ("/review", "review"), ("/?status=routed", "filtered")):
        page.goto(f"{served.url}{path}")
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        measured = page.evaluate(SIDEWAYS)
        page.screenshot(
            path=str(screenshots / f"390-{'dark' if dark else 'light'}-{name}.png"), full_page=True
        )
        if measured["scroll"] > measured["width"]:
            too_wide.append((name, measured))
    page.goto(f"{served.url}/")
    row_of(page, served.numbers[0]).get_by_role("checkbox").check()
    page.get_by_role("button", name="Confirm routing of selected").click()
    expect(page.locator("#bulk-summary")).to_be_visible()
    measured = page.evaluate(SIDEWAYS)
    page.screenshot(
        path=str(screenshots / f"390-{'dark' if dark else 'light'}-bulk-result.png"), full_page=True
    )
    if measured["scroll"] > measured["width"]:
        too_wide.append(("bulk result", measured))
    page.keyboard.press("?")
    measured = page.evaluate(SIDEWAYS)
    page.screenshot(path=str(screenshots / f"390-{'dark' if dark else 'light'}-shortcuts.png"))
    if measured["scroll"] > measured["width"]:
        too_wide.append(("shortcuts", measured))
    assert too_wide == []
    page.context.close()


def _rgb(css: str) -> tuple[float, ...]:
    inside = css[css.index("(") + 1 : css.index(")")]
    return tuple(float(part) for part in inside.replace("/", ",").split(",")[:3])
