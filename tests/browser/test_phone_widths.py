"""No sideways scroll at 390 px on any page, as every role (issue 18), after the merges that
added annexes, mail headers, refused messages, the bulk toolbar and saved filters.

The app is the one :mod:`tests.browser.test_registry_tools` serves (the real web app on
uvicorn, no worker); this module adds what those merges show: a request uploaded with its
annexes (one refused), a request that came by e-mail with long headers, a refused message, a
refused upload kept in quarantine, a saved filter, a delivery that failed with a long error,
a reassignment with its reason. Each page is opened as clerk, reviewer, administrator and an
authority's user in a 390 x 844 window, its folded parts opened, and measured with the
reflow probe of the accessibility tests (``SIDEWAYS``: the page's width, and any element
past the right edge that is not inside a scroll box of its own). Screenshots:
``$SCREENSHOTS_DIR/phone-<role>-<page>.png``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from rogatory.mail import MailArrival
from rogatory.records import Word
from rogatory.registration import Status
from rogatory.review import Channel
from rogatory.submissions import MailHeaders
from storage.credentials import create_token
from storage.deliveries import Target, plan_deliveries, record_attempt
from storage.mail import begin_arrival, finish_arrival
from storage.registry import get_request, save_analysis, set_status
from storage.review import reassign_routing
from storage.saved_filters import save_filter
from storage.users import check_password
from tests.browser.axe import violations, with_axe
from tests.browser.test_accessibility import SIDEWAYS
from tests.browser.test_registry_tools import PHONE, Served, open_page, served  # noqa: F401 - the fixture
from tests.faults.hostile import text_pdf
from tests.ingest import originals
from tests.storage.sample_analysis import make_analysis
from tests.web.users import PASSWORD, bearer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LONG_SENDER = (
    "Procura della Repubblica presso il Tribunale ordinario di Milano"
    " <procura.milano.rogatorie.internazionali@giustizia-certificata.example>"
)
LONG_SUBJECT = (
    "Rogatoria_internazionale_n._12/2026_—_richiesta_di_assistenza_giudiziaria_in_materia_penale_urgente"
)


@dataclass(frozen=True)
class World:
    """The numbers of the requests the pages show."""

    annexed: str
    mailed: str
    reassigned: str


@pytest.fixture(scope="module")
def world(served: Served) -> World:  # noqa: F811 - the imported fixture
    db = served.db
    clerk = check_password(db, "clerk", PASSWORD)
    assert clerk is not None
    token = create_token(db, clerk, name="phone", actor="tests")
    letter = text_pdf(("Request for mutual legal assistance", "Mr Kwame ASANTE, suspect"))
    files = [
        (
            "files",
            ("letter-of-request-with-a-rather-long-file-name-2026-000123.pdf", letter, "application/pdf"),
        ),
        (
            "files",
            (
                "photograph_of_the_seized_documents_taken_on_the_first_of_june.jpg",
                originals.image("JPEG"),
                "image/jpeg",
            ),
        ),
        ("files", ("notes-that-are-not-a-scan-and-are-refused-as-an-annex.txt", b"not a scan", "text/plain")),
    ]
    with httpx.Client(base_url=served.url, headers=bearer(token), timeout=30) as client:
        together = client.post("/api/requests", files=files, data={"one_request": "true"})
        assert together.status_code == 201, together.text
        refused = client.post(
            "/api/requests",
            files=[
                (
                    "files",
                    (
                        "an-empty-file-with-a-very-long-name-that-was-dropped-by-mistake.pdf",
                        b"",
                        "application/pdf",
                    ),
                )
            ],
        )
        assert refused.status_code in (201, 422), refused.text
    annexed = str(together.json()[0]["number"])
    analysis = make_analysis(["Kwame ASANTE requests bank records"], route_to="fiu", language="en")
    save_analysis(db, annexed, analysis)
    set_status(db, annexed, Status.ROUTED)
    mailed = served.add("Italy", status=Status.NEEDS_REVIEW)
    _with_word_boxes(served, mailed)
    headers = MailHeaders(
        message_id="<rogatoria-12-2026-richiesta-di-assistenza@pec.giustizia-certificata.example>",
        sender=LONG_SENDER,
        recipients=("central.authority.international.cooperation@justice.example",),
        subject=LONG_SUBJECT,
        mailbox="pec",
        certified=True,
    )
    arrival = begin_arrival(db, MailArrival(mailbox="pec", uidvalidity=1, uid=70, headers=headers, body="x"))
    finish_arrival(db, arrival, outcome="registered", number=mailed)
    refused_mail = MailHeaders(message_id="<r@x>", sender=LONG_SENDER, subject=LONG_SUBJECT, mailbox="pec")
    arrival = begin_arrival(db, MailArrival(mailbox="pec", uidvalidity=1, uid=71, headers=refused_mail))
    finish_arrival(
        db, arrival, outcome="refused", code="no_document", reason="The request carries no document."
    )
    reassigned = served.add("Mexico", status=Status.NEEDS_REVIEW)
    reassign_routing(
        db,
        reassigned,
        "fiu",
        actor="reviewer",
        reason="The accounts named on the second page are held at banks the FIU supervises; "
        "the police have no part in this request.",
        known_authorities=("fiu", "police", "central_authority"),
    )
    target = Target("fiu", "execute", Channel.WEBHOOK, "https://receiver.example/hooks/rogatory/a/long/path")
    (delivery,) = plan_deliveries(db, reassigned, [target])
    record_attempt(db, delivery.id, error="ConnectionRefusedError: " + "x" * 160, max_attempts=1)
    for username in ("clerk", "reviewer", "admin"):
        user = check_password(db, username, PASSWORD)
        assert user is not None
        save_filter(
            db, user.id, "Waiting for review, received from Italy by certified mail", "status=needs_review"
        )
    return World(annexed=annexed, mailed=mailed, reassigned=reassigned)


def _with_word_boxes(served: Served, number: str) -> None:  # noqa: F811
    """Give the first page its size and its first word a box, as OCR does: the person it names
    is then marked on the page image (the viewer's overlay)."""
    analysis = get_request(served.db, number).analysis
    assert analysis is not None
    first = analysis.text.pages[0]
    word = first.text.split()[0]
    boxed = first.model_copy(
        update={
            "width": 1240,
            "height": 1754,
            "words": (Word(text=word, left=120, top=140, width=260, height=48, confidence=0.95),),
        }
    )
    text = analysis.text.model_copy(update={"pages": (boxed, *analysis.text.pages[1:])})
    save_analysis(served.db, number, analysis.model_copy(update={"text": text}))


EVERYONE = (
    ("registry", "/"),
    ("registry-filtered", "/?status=needs_review&sort=number&order=asc"),
    ("search", "/search?q=account"),
    ("statistics", "/statistics"),
    ("deadlines", "/deadlines"),
    ("annexed", "/requests/{annexed}"),
    ("mailed", "/requests/{mailed}"),
    ("reassigned", "/requests/{reassigned}"),
    ("not-found", "/requests/RQ-1999-000001"),
)
CENTRAL = (("review", "/review"), ("upload", "/upload"), ("refused", "/refused"))
ADMINISTRATION = (
    ("admin-authorities", "/admin/authorities"),
    ("admin-deliveries", "/admin/deliveries?status=all"),
)
ADMIN_ONLY = (
    ("admin-users", "/admin/users"),
    ("admin-audit", "/admin/audit"),
    ("admin-denials", "/admin/denials"),
    ("docs", "/docs"),
)
PAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "clerk": EVERYONE + CENTRAL,
    "reviewer": EVERYONE + CENTRAL + ADMINISTRATION,
    "admin": EVERYONE + CENTRAL + ADMINISTRATION + ADMIN_ONLY,
    # an authority's user: its queue, the request routed to it, the pages it is denied
    "fiu-officer": (
        *EVERYONE,
        ("queue", "/queue"),
        ("refused-denied", "/refused"),
        ("review-denied", "/review"),
    ),
}


def _measured(page: Page, url: str) -> dict[str, object]:
    answer = page.goto(url)
    assert answer is not None
    assert answer.status < 500, f"{url}: HTTP {answer.status}"
    page.wait_for_load_state("load")
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    measured: dict[str, object] = page.evaluate(SIDEWAYS)
    measured["status"] = answer.status
    return measured


@pytest.mark.parametrize("username", list(PAGES))
def test_no_page_scrolls_sideways_at_390_px(
    browser: Browser,
    served: Served,  # noqa: F811 - the imported fixture
    world: World,
    screenshots: Path,
    username: str,
) -> None:
    page = open_page(browser, served, username)
    page.set_viewport_size(PHONE)
    too_wide: dict[str, object] = {}
    for name, path in PAGES[username]:
        url = served.url + path.format(
            annexed=world.annexed, mailed=world.mailed, reassigned=world.reassigned
        )
        measured = _measured(page, url)
        page.screenshot(path=str(screenshots / f"phone-{username}-{name}.png"), full_page=True)
        if int(str(measured["scroll"])) > int(str(measured["width"])) or measured["out"]:
            too_wide[name] = measured
    assert too_wide == {}
    page.context.close()


@pytest.mark.parametrize(
    ("username", "language"), [("admin", "fr"), ("admin", "ar"), ("fiu-officer", "ar"), ("clerk", "de")]
)
def test_no_page_scrolls_sideways_at_390_px_in_longer_languages(  # noqa: PLR0917 - the table's columns
    browser: Browser,
    served: Served,  # noqa: F811 - the imported fixture
    world: World,
    screenshots: Path,
    username: str,
    language: str,
) -> None:
    """French and German words are longer than English ones and Arabic runs right to left: every
    page again, in the browser's language, ``<html lang dir>`` saying what is served."""
    context = browser.new_context(viewport=PHONE, locale=language)  # Accept-Language: the language
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(f"{served.url}/sign-in")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    expect(page.locator("form[action='/sign-out'] button")).to_be_visible()
    too_wide: dict[str, object] = {}
    for name, path in PAGES[username]:
        url = served.url + path.format(
            annexed=world.annexed, mailed=world.mailed, reassigned=world.reassigned
        )
        measured = _measured(page, url)
        if name != "docs":  # the API reference is Swagger's own page, in English
            assert page.locator("html").get_attribute("lang") == language, name
            assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr"), name
        page.screenshot(path=str(screenshots / f"phone-{language}-{username}-{name}.png"), full_page=True)
        if int(str(measured["scroll"])) > int(str(measured["width"])) or measured["out"]:
            too_wide[name] = measured
    assert too_wide == {}
    page.context.close()


def test_the_new_parts_are_on_the_pages_measured(
    browser: Browser,
    served: Served,  # noqa: F811 - the imported fixture
    world: World,
) -> None:
    """The measure above is only worth something if the parts the merges added are shown."""
    page = open_page(browser, served, "reviewer")
    page.set_viewport_size(PHONE)
    page.goto(f"{served.url}/requests/{world.annexed}")
    expect(page.locator("table.annexes")).to_contain_text("photograph_of_the_seized_documents")
    expect(page.locator("table.annexes")).to_contain_text("is a plain-text file, not a scan")
    page.goto(f"{served.url}/requests/{world.mailed}")
    expect(page.locator("#mail")).to_contain_text("procura.milano.rogatorie.internazionali")
    page.goto(f"{served.url}/refused")
    expect(page.locator("#refused-mail")).to_contain_text("The request carries no document.")
    expect(page.locator("main")).to_contain_text("an-empty-file-with-a-very-long-name")
    page.goto(f"{served.url}/")
    expect(page.locator("main")).to_contain_text("Waiting for review, received from Italy by certified mail")
    expect(page.locator("form.bulk-bar")).to_be_visible()
    page.goto(f"{served.url}/requests/{world.reassigned}")
    expect(page.locator("main")).to_contain_text("banks the FIU supervises")
    page.goto(f"{served.url}/admin/deliveries?status=all")
    expect(page.locator("main")).to_contain_text("ConnectionRefusedError")
    page.context.close()


def test_the_cards_a_phone_shows_meet_wcag_aa(
    browser: Browser,
    served: Served,  # noqa: F811 - the imported fixture
    world: World,
) -> None:
    """The tables that become cards at 390 px (refused files and messages, annexes) keep their
    headers for assistive technology: axe-core (WCAG 2.1 A and AA) at that width finds nothing."""
    page = with_axe(open_page(browser, served, "clerk"))
    page.set_viewport_size(PHONE)
    report: list[str] = []
    for path in ("/refused", f"/requests/{world.annexed}"):
        page.goto(served.url + path)
        shown_as = page.evaluate("getComputedStyle(document.querySelector('table.stacks td')).display")
        assert shown_as == "block"
        report += [f"{path}: {v.describe()}" for v in violations(page)]
    assert report == []
    page.context.close()


def test_the_page_viewer_zooms_and_a_phone_jumps_to_the_routing(
    browser: Browser,
    served: Served,  # noqa: F811 - the imported fixture
    world: World,
    screenshots: Path,
) -> None:
    """Issue 18: the page image is zoomable (its marks grow with it, inside a box of its own, the
    page itself never scrolls sideways), and on a phone one tap reaches the routing and its
    confirm button, which come after the pages there."""
    page = open_page(browser, served, "reviewer")
    page.set_viewport_size(PHONE)
    page.goto(f"{served.url}/requests/{world.mailed}")  # a scan with a person marked on it
    tools = page.get_by_role("group", name="Zoom of page 1")
    expect(tools).to_be_visible()
    box = page.locator(".page-viewer").first
    figure = box.locator(".page-image")
    fitted = figure.bounding_box()
    assert fitted is not None
    level = tools.locator(".zoom-level")
    expect(level).to_have_text("100%")
    expect(tools.get_by_role("button", name="Zoom out")).to_be_disabled()
    tools.get_by_role("button", name="Zoom in").click()
    tools.get_by_role("button", name="Zoom in").click()
    expect(level).to_have_text("200%")
    zoomed = figure.bounding_box()
    marks = figure.locator("svg.overlay").bounding_box()
    image = figure.locator("img").bounding_box()
    assert zoomed is not None
    assert marks is not None
    assert image is not None
    assert abs(zoomed["width"] - 2 * fitted["width"]) < 3
    assert abs(marks["width"] - image["width"]) < 1  # the marks stay on their words
    assert abs(marks["height"] - image["height"]) < 1
    assert box.evaluate("(element) => element.scrollWidth > element.clientWidth")
    measured = page.evaluate(SIDEWAYS)
    assert measured["scroll"] <= measured["width"], measured
    box.evaluate("(element) => { element.scrollLeft = element.scrollWidth / 3; }")
    page.screenshot(path=str(screenshots / "viewer-01-zoomed-390.png"), full_page=False)
    tools.get_by_role("button", name="Fit width").click()
    expect(level).to_have_text("100%")
    assert abs((figure.bounding_box() or {"width": 0})["width"] - fitted["width"]) < 3
    page.get_by_role("link", name="Routing and decision").click()
    routing = page.locator("#routing")
    expect(routing).to_be_in_viewport()
    expect(page.get_by_role("button", name="Confirm routing", exact=True)).to_be_visible()
    page.screenshot(path=str(screenshots / "viewer-02-routing-390.png"), full_page=False)
    page.set_viewport_size({"width": 1440, "height": 1000})
    expect(page.get_by_role("link", name="Routing and decision")).to_be_hidden()  # beside the pages there
    page.context.close()
