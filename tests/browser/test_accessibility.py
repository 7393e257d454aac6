"""WCAG 2.1 AA in a real browser: axe-core on every page and state, each role signed in;
no sideways scroll at 320 px (1280 px at 400 % zoom); upload, confirm and reassign by
keyboard alone; entity highlights told apart without colour.

One generated scan (persons, an organisation, accounts, a BIC, offences, dates; no purpose
given, so the letter asking for it is drafted) goes through the whole service, OCR included.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.axe import violations, with_axe
from tests.browser.conftest import new_page, sign_in
from tests.e2e.service import USER_PASSWORD, RunningService, add_user
from tests.scans import scan

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]

REQUEST_TEXT = """REPUBLIC OF GHANA
OFFICE OF THE SPECIAL PROSECUTOR
Accra, 3 March 2026
Re: Request for mutual legal assistance
The Office of the Special Prosecutor of Ghana requests assistance pursuant to the
United Nations Convention against Corruption, article 46.
Subject matter: criminal investigation against Mr Aleksandr PETROV for bribery of a public
official and money laundering through Volta Harbour Trading Ltd.
Summary of the facts: on 12 January 2026 Aleksandr PETROV received bribes from a contractor
and transferred the money to account GB82 WEST 1234 5698 7654 32 (BIC NWBKGB2L) at a bank
in the Reference State.
Assistance requested: please freeze the account GB82 WEST 1234 5698 7654 32 and provide
the bank records of that account."""

KEYBOARD_TEXT = REQUEST_TEXT.replace("Aleksandr PETROV", "Kofi MENSAH").replace("12 January", "9 February")

NARROW = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 900}
ZOOMED = {"width": 640, "height": 450}  # WIDE at 200 % zoom


def open_folded(page: Page) -> None:
    """Open every folded section (``<details>``) of the page."""
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")


def focus_entity(page: Page) -> None:
    """Open the folded sections and focus the first entity link (its boxes marked, its tooltip shown)."""
    open_folded(page)
    page.locator(".entities a.entity").first.focus()


def search_text(page: Page) -> None:
    page.get_by_role("searchbox", name="Search").fill("freeze account")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("article.hit").first).to_be_visible()


def search_party(page: Page) -> None:
    page.get_by_label("Person, company or account").check()
    page.get_by_role("searchbox", name="Search").fill("Александр Петров")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("article.hit").first).to_be_visible()


def upload_refused(page: Page) -> None:
    page.set_input_files(
        "#file-input", files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hello"}]
    )
    expect(page.locator("#uploads tbody tr td").nth(2)).not_to_have_text("waiting…")


def search_nothing(page: Page) -> None:
    page.get_by_role("searchbox", name="Search").fill("zyxwvut")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator(".results .empty")).to_be_visible()


def new_token(page: Page) -> None:
    page.get_by_role("button", name="New API token").first.click()
    expect(page.get_by_role("status")).to_contain_text("API token")


def name_taken(page: Page) -> None:
    form = page.locator("form.stack-form", has=page.get_by_role("button", name="Add user"))
    form.get_by_label("User name").fill("clerk")
    form.get_by_label("Password").fill("a long enough password")
    form.get_by_role("button", name="Add user").click()
    expect(page.get_by_role("alert")).to_be_visible()


def wrong_password(page: Page) -> None:
    page.get_by_label("User name").fill("clerk")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()


@dataclass(frozen=True)
class State:
    """A page as a user sees it: signed in as ``role`` (None: signed out), at ``path``
    (``{number}``: the analysed request), then ``prepare`` done on it."""

    name: str
    role: str | None
    path: str
    prepare: Callable[[Page], None] | None = None


STATES = [
    State("sign-in", None, "/sign-in"),
    State("sign-in-wrong-password", None, "/sign-in", wrong_password),
    State("clerk-registry", "clerk", "/"),
    State("clerk-registry-filtered", "clerk", "/?status=routed&sort=number&order=asc"),
    State("clerk-upload", "clerk", "/upload"),
    State("clerk-upload-refused", "clerk", "/upload", upload_refused),
    State("clerk-review", "clerk", "/review"),
    State("clerk-deadlines", "clerk", "/deadlines"),
    State("clerk-search", "clerk", "/search"),
    State("clerk-search-text", "clerk", "/search", search_text),
    State("clerk-search-party", "clerk", "/search", search_party),
    State("clerk-search-nothing", "clerk", "/search", search_nothing),
    State("clerk-statistics", "clerk", "/statistics"),
    State("clerk-document", "clerk", "/requests/{number}", open_folded),
    State("clerk-not-found", "clerk", "/requests/2026-NOSUCH"),
    State("reviewer-document", "reviewer", "/requests/{number}", open_folded),
    State("reviewer-document-entity-focused", "reviewer", "/requests/{number}", focus_entity),
    State("reviewer-document-confirmed", "reviewer", "/requests/{number}?done=confirmed", open_folded),
    State("reviewer-admin-authorities", "reviewer", "/admin/authorities"),
    State("reviewer-admin-deliveries", "reviewer", "/admin/deliveries?status=all"),
    State("admin-registry", "admin", "/"),
    State("admin-users", "admin", "/admin/users"),
    State("admin-users-new-token", "admin", "/admin/users", new_token),
    State("admin-users-name-taken", "admin", "/admin/users", name_taken),
    State("admin-authorities", "admin", "/admin/authorities"),
    State("admin-deliveries", "admin", "/admin/deliveries?status=all"),
    State("admin-audit", "admin", "/admin/audit"),
    State("admin-statistics", "admin", "/statistics"),
    State("authority-queue", "authority", "/queue"),
    State("authority-deadlines", "authority", "/deadlines"),
    State("authority-search-text", "authority", "/search", search_text),
    State("authority-document", "authority", "/requests/{number}", open_folded),
]

USERNAMES = {"clerk": "clerk", "reviewer": "reviewer", "admin": "admin", "authority": "aro-officer"}


@pytest.fixture(scope="module")
def people(service: RunningService) -> None:
    add_user(service.data_dir, "reviewer", "reviewer")
    add_user(service.data_dir, "admin", "admin")
    add_user(service.data_dir, "aro-officer", "authority", "asset_recovery_office")


def wait_analysed(service: RunningService, number: str) -> None:
    def analysed() -> bool:
        return service.get(f"/api/requests/{number}")["registration"]["status"] in ("routed", "needs_review")

    service.wait_for(analysed, timeout=240, what=f"{number} analysed")


def upload_by_api(service: RunningService, browser: Browser, name: str, text: str) -> str:
    """Register a scan by the API (the clerk's token) and wait until it is analysed; its number."""
    context = browser.new_context()
    answer = context.request.post(
        f"http://127.0.0.1:{service.port}/api/requests",
        headers={"Authorization": f"Bearer {service.token}"},
        multipart={"files": {"name": name, "mimeType": "image/png", "buffer": scan([text])}},
    )
    assert answer.status == 201, answer.text()
    number = str(answer.json()[0]["number"])
    context.close()
    wait_analysed(service, number)
    return number


@pytest.fixture(scope="module")
def number(service: RunningService, browser: Browser, people: None) -> str:
    return upload_by_api(service, browser, "ghana-petrov.png", REQUEST_TEXT)


@pytest.fixture(scope="module")
def signed_in(
    service: RunningService, browser: Browser, people: None
) -> Iterator[Callable[[str | None], Page]]:
    """A page of each role, signed in once (``None``: a stranger), axe loaded into every document."""
    opened: dict[str | None, Page] = {}

    def page_of(role: str | None) -> Page:
        if role not in opened:
            page = with_axe(new_page(browser))
            if role is not None:
                sign_in(page, service, USERNAMES[role])
            opened[role] = page
        return opened[role]

    yield page_of
    for page in opened.values():
        page.context.close()


@pytest.fixture(scope="module")
def show(
    service: RunningService, number: str, signed_in: Callable[[str | None], Page]
) -> Callable[[State, dict[str, int]], Page]:
    """Bring a state on screen in a window of the given size; its page."""

    def shown(state: State, viewport: dict[str, int]) -> Page:
        page = signed_in(state.role)
        page.set_viewport_size({"width": viewport["width"], "height": viewport["height"]})
        page.goto(f"http://127.0.0.1:{service.port}" + state.path.format(number=number))
        page.wait_for_load_state("load")
        if state.prepare:
            state.prepare(page)
        return page

    return shown


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_no_wcag_violation(
    state: State, show: Callable[[State, dict[str, int]], Page], screenshots: Path
) -> None:
    page = show(state, WIDE)
    found = violations(page)
    page.screenshot(path=str(screenshots / f"1280-{state.name}.png"), full_page=True)
    with (screenshots / "axe-report.txt").open("a") as report:
        report.write(
            f"{state.name} 1280px: {len(found)} rules, {sum(len(v.targets) for v in found)} elements\n"
        )
        report.writelines(f"    {v.describe()}\n" for v in found)
    assert not found, f"{state.name}:\n" + "\n".join(v.describe() for v in found)


SIDEWAYS = """() => {
    const width = document.documentElement.clientWidth;
    const boxed = (element) => {
        for (let up = element.parentElement; up; up = up.parentElement) {
            const overflow = getComputedStyle(up).overflowX;
            const page = up === document.documentElement || up === document.body;
            if ((overflow === 'auto' || overflow === 'scroll') && !page) return true;
        }
        return false;
    };
    const out = [];
    document.querySelectorAll('body *').forEach((element) => {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 1 && !boxed(element)) {
            const named = typeof element.className === 'string' && element.className;
            out.push(`${element.tagName.toLowerCase()}${named ? '.' + named : ''} ${Math.round(box.right)}`);
        }
    });
    return {scroll: document.documentElement.scrollWidth, width: width, out: out.slice(0, 12)};
}"""


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_reflows_at_320_px(
    state: State, show: Callable[[State, dict[str, int]], Page], screenshots: Path
) -> None:
    """No sideways scroll of the page at 320 CSS px (WCAG 1.4.10), except inside a box of its own;
    axe runs again at that width (a table's scroll box must be focusable and named)."""
    page = show(state, NARROW)
    measured = page.evaluate(SIDEWAYS)
    found = violations(page)
    page.screenshot(path=str(screenshots / f"320-{state.name}.png"), full_page=True)
    with (screenshots / "reflow-report.txt").open("a") as report:
        report.write(
            f"{state.name}: scrollWidth {measured['scroll']} of {measured['width']} {measured['out']}\n"
        )
        report.writelines(f"    axe {v.describe()}\n" for v in found)
    page.set_viewport_size(WIDE)
    assert measured["scroll"] <= measured["width"], f"{state.name} scrolls sideways: {measured}"
    assert not found, f"{state.name} at 320 px:\n" + "\n".join(v.describe() for v in found)


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_reflows_at_200_percent(state: State, show: Callable[[State, dict[str, int]], Page]) -> None:
    """At 200 % zoom of a 1280 px window (640 CSS px) nothing scrolls sideways either (WCAG 1.4.4)."""
    page = show(state, ZOOMED)
    measured = page.evaluate(SIDEWAYS)
    page.set_viewport_size(WIDE)
    assert measured["scroll"] <= measured["width"], f"{state.name} scrolls sideways: {measured}"


def tab_to(page: Page, target: Locator, *, limit: int = 120) -> None:
    """Press Tab until ``target`` has the focus (fails after ``limit`` presses)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("(element) => element === document.activeElement"):
            return
    raise AssertionError(f"{target} not reached by {limit} presses of Tab")


def sign_in_by_keyboard(page: Page, service: RunningService, username: str) -> None:
    page.goto(f"http://127.0.0.1:{service.port}/sign-in")
    # the user name field has the focus (autofocus); typing before the browser has given it the
    # focus lost the first letter once ("eviewer"), so wait for the focus, which also tests it
    expect(page.get_by_role("textbox", name="User name")).to_be_focused()
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(USER_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_upload_confirm_and_reassign_by_keyboard_alone(
    service: RunningService, browser: Browser, people: None, tmp_path: Path, screenshots: Path
) -> None:
    """A clerk uploads a scan and a reviewer confirms and then reassigns it, with no mouse."""
    scan_path = tmp_path / "ghana-mensah.png"
    scan_path.write_bytes(scan([KEYBOARD_TEXT]))
    clerk = new_page(browser)
    sign_in_by_keyboard(clerk, service, "clerk")
    tab_to(clerk, clerk.get_by_role("link", name="Upload", exact=True))
    clerk.keyboard.press("Enter")
    expect(clerk).to_have_url(f"http://127.0.0.1:{service.port}/upload")
    tab_to(clerk, clerk.locator("#file-input"))
    with clerk.expect_file_chooser() as chooser:
        clerk.keyboard.press("Space")
    chooser.value.set_files(str(scan_path))
    registered = clerk.locator("#uploads a.number")
    expect(registered).to_be_visible(timeout=30_000)
    number = registered.inner_text()
    clerk.screenshot(path=str(screenshots / "keyboard-1-uploaded.png"), full_page=True)
    clerk.context.close()
    wait_analysed(service, number)

    reviewer = new_page(browser)
    sign_in_by_keyboard(reviewer, service, "reviewer")
    tab_to(reviewer, reviewer.get_by_role("link", name="Registry", exact=True))
    reviewer.keyboard.press("Enter")
    tab_to(reviewer, reviewer.get_by_role("link", name=number, exact=True))
    reviewer.keyboard.press("Enter")
    expect(reviewer).to_have_url(f"http://127.0.0.1:{service.port}/requests/{number}")
    tab_to(reviewer, reviewer.get_by_role("button", name="Confirm routing"))
    reviewer.keyboard.press("Enter")
    expect(reviewer.get_by_role("status")).to_contain_text("Routing confirmed")
    form = reviewer.locator("#reassign-form")
    tab_to(reviewer, form.get_by_label("Reassign to"))
    reviewer.keyboard.type("Financial")  # a closed list box takes the option whose name is typed
    reviewer.keyboard.press("Tab")
    reviewer.keyboard.type("only a freeze and bank records: the FIU executes")
    reviewer.keyboard.press("Enter")
    expect(reviewer.get_by_role("status")).to_contain_text("reassigned")
    expect(reviewer.locator("#route-to")).to_contain_text("Financial Intelligence Unit")
    reviewer.screenshot(path=str(screenshots / "keyboard-2-reassigned.png"), full_page=True)
    reviewer.context.close()


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: tuple[float, ...], second: tuple[float, ...]) -> float:
    """The WCAG contrast ratio of two sRGB colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


FOCUS_RING = """() => {
    let element = document.activeElement;
    if (element.type === 'file') element = element.closest('label');  // the visible control of a file input
    const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
    const style = getComputedStyle(element);
    let behind = element.parentElement;
    while (behind && rgb(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentElement;
    return {
        what: element.tagName + ' ' + (element.textContent || '').trim().slice(0, 30),
        style: style.outlineStyle, width: parseFloat(style.outlineWidth),
        ring: rgb(style.outlineColor),
        behind: rgb(behind ? getComputedStyle(behind).backgroundColor : 'rgb(255,255,255)'),
    };
}"""


def test_focus_ring_has_3_to_1_contrast(
    service: RunningService, number: str, signed_in: Callable[[str | None], Page]
) -> None:
    """Every place the focus stops on the document and upload pages shows a ring of >= 2 px
    whose colour has >= 3:1 contrast with what is behind it (WCAG 1.4.11, 2.4.7)."""
    page = signed_in("reviewer")
    page.set_viewport_size(WIDE)
    rings = []
    for path in (f"/requests/{number}", "/upload"):
        page.goto(f"http://127.0.0.1:{service.port}{path}")
        open_folded(page)
        page.locator("body").focus()
        seen: set[str] = set()
        for _ in range(150):
            page.keyboard.press("Tab")
            ring = page.evaluate(FOCUS_RING)
            if ring["what"].startswith("BODY"):  # past the last stop, the focus leaves the page
                break
            if ring["what"] in seen:
                continue
            seen.add(ring["what"])
            rings.append(ring)
    assert len(rings) > 20
    weak = [
        ring
        for ring in rings
        if ring["style"] == "none" or ring["width"] < 2 or contrast(ring["ring"], ring["behind"]) < 3
    ]
    assert not weak, weak


def _differs(first: Image.Image, second: Image.Image) -> float:
    """The share of pixels whose grey differs by more than 48 of 255."""
    difference = ImageChops.difference(first, second.resize(first.size))
    histogram = difference.histogram()
    return sum(histogram[49:]) / (first.size[0] * first.size[1])


def _grey(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("L")


def test_highlights_are_told_apart_in_greyscale(
    service: RunningService, number: str, signed_in: Callable[[str | None], Page], screenshots: Path
) -> None:
    """Without colour each kind keeps its own border pattern (the legend's swatches differ in
    grey), each box on the image carries a legible letter badge, and the kind is text for a screen reader."""
    page = signed_in("reviewer")
    page.set_viewport_size(WIDE)
    page.goto(f"http://127.0.0.1:{service.port}/requests/{number}")
    legend = page.locator(".legend li")
    kinds = [" ".join(text.split()) for text in legend.all_inner_texts()]
    assert {"P Person", "A Bank account", "C Offence (crime)"} <= set(kinds), kinds
    swatches = {kind: _grey(legend.nth(i).locator("svg").screenshot()) for i, kind in enumerate(kinds)}
    _grey(page.locator(".legend-panel").screenshot()).save(screenshots / "grey-legend.png")
    alike = {
        (a, b): round(_differs(swatches[a], swatches[b]), 3)
        for a, b in itertools.combinations(swatches, 2)
        if _differs(swatches[a], swatches[b]) < 0.03
    }
    assert not alike, f"swatches alike in greyscale: {alike}"

    figure = page.locator("figure.page-image").first
    figure.scroll_into_view_if_needed()
    _grey(figure.screenshot()).save(screenshots / "grey-page-image.png")
    groups = figure.locator("g.hl-entity")
    assert groups.count() >= 6
    for i in range(groups.count()):
        badge = groups.nth(i).locator("rect.badge").bounding_box()
        assert badge
        crop = _grey(page.screenshot(clip=badge))
        darkest, lightest = crop.getextrema()
        assert lightest - darkest > 150, f"badge {i} has no legible letter: grey {darkest}-{lightest}"
    kinds_on_image = {groups.nth(i).get_attribute("aria-label").split(":")[0] for i in range(groups.count())}
    assert {"Person", "Bank account", "Offence (crime)"} <= kinds_on_image, kinds_on_image
    expect(page.get_by_role("img", name="Person: Aleksandr PETROV").first).to_be_attached()
    assert "Person: Aleksandr PETROV" in page.locator(".page-text").first.aria_snapshot()

    person = page.locator(".entities a.entity", has_text="PETROV").first
    person.focus()  # the keyboard equivalent of hovering it
    index = person.get_attribute("data-entity")
    expect(figure.locator(f"rect.hl[data-entity='{index}']").first).to_have_class("hl hl-person active")
    expect(figure.locator(".hl-tip")).to_have_text("Person: Aleksandr PETROV")
    figure.scroll_into_view_if_needed()
    _grey(figure.screenshot()).save(screenshots / "grey-page-image-focused.png")
    page.keyboard.press("Escape")  # dismissable without moving the focus (WCAG 1.4.13)
    expect(figure.locator(".hl-tip")).to_be_hidden()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # back on the link: the tooltip again
    expect(figure.locator(".hl-tip")).to_be_visible()
    person.blur()
    expect(figure.locator(".hl-tip")).to_be_hidden()
    box = figure.locator(f"g.hl-entity[data-entity='{index}'] rect.hl").first
    box.hover()  # the mouse shows the same tooltip, which stays while the pointer moves onto it
    expect(figure.locator(".hl-tip")).to_be_visible()
    figure.locator(".hl-tip").hover()
    page.wait_for_timeout(600)
    expect(figure.locator(".hl-tip")).to_be_visible()


def test_completeness_is_heard(
    service: RunningService, number: str, signed_in: Callable[[str | None], Page]
) -> None:
    """The checklist's ✓ and ✗ are shown; a screen reader hears "Present" or "Missing" for each."""
    page = signed_in("clerk")
    page.goto(f"http://127.0.0.1:{service.port}/requests/{number}")
    heard = page.locator(".checklist").aria_snapshot()
    assert "Missing:" in heard
    assert "Present:" in heard
    assert "✓" not in heard
    assert heard.count("Missing:") == page.locator(".checklist li.missing").count()


def test_skip_link_comes_first_and_moves_the_focus_past_the_menu(
    service: RunningService, signed_in: Callable[[str | None], Page]
) -> None:
    page = signed_in("clerk")
    page.set_viewport_size(WIDE)
    page.goto(f"http://127.0.0.1:{service.port}/statistics")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()  # shown while it has the focus
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is in the page, not the menu
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
