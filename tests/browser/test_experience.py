"""Issue 18 in a real browser against ``rogatory run``: /docs with no outside request, the
worker's counters on /metrics, the routing panel in words, the refused files, the registry.

One scan is dropped into the inbox and processed by the real worker (OCR included).
Screenshots go to ``$SCREENSHOTS_DIR``.
"""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Request, Route, expect
from prometheus_client.parser import text_string_to_metric_families

from tests.browser.conftest import new_page, sign_in
from tests.e2e.service import RunningService, add_user
from tests.scans import FREEZING_REQUEST, scan

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def processed(service: RunningService) -> str:
    """A scan dropped into the inbox, analysed by the worker; its number."""
    (service.inbox / "ghana-freezing.png").write_bytes(scan([FREEZING_REQUEST]))

    def analysed() -> str:
        done = [r for r in service.requests() if r["status"] in ("routed", "needs_review", "failed")]
        return str(done[0]["number"]) if done else ""

    number: str = service.wait_for(analysed, timeout=300, what="the scan to be analysed")
    return number


def test_docs_render_with_no_outside_request(
    service: RunningService, browser: Browser, screenshots: Path
) -> None:
    page = new_page(browser)
    outside: list[str] = []

    def only_local(route: Route, request: Request) -> None:
        if request.url.startswith(f"http://127.0.0.1:{service.port}/"):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    page.route("**/*", only_local)
    sign_in(page, service, "clerk")
    page.goto(f"http://127.0.0.1:{service.port}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Rogatory", timeout=30_000)
    expect(page.locator(".opblock").first).to_be_visible()
    page.screenshot(path=str(screenshots / "ux-01-docs.png"), full_page=False)
    assert outside == []
    page.context.close()


def test_the_workers_counters_reach_metrics(service: RunningService, processed: str) -> None:
    token = add_user(service.data_dir, "operator", "admin")

    def samples() -> dict[str, float]:
        request = urllib.request.Request(f"http://127.0.0.1:{service.port}/metrics")
        request.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - 127.0.0.1 only
            text = response.read().decode()
        figures: dict[str, float] = {}
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                figures[sample.name] = figures.get(sample.name, 0.0) + sample.value
        return figures

    deadline = time.monotonic() + 60
    figures = samples()
    while figures.get("rogatory_task_seconds_count", 0) < 1 and time.monotonic() < deadline:
        time.sleep(1)  # the task's duration is written when it returns, just after its result
        figures = samples()
    assert figures.get("rogatory_ocr_pages_total", 0) >= 1, figures
    assert figures.get("rogatory_pages_total", 0) >= 1, figures
    assert figures.get("rogatory_stage_seconds_count", 0) >= 3, figures
    assert figures.get("rogatory_task_seconds_count", 0) >= 1, figures


def test_the_routing_panel_and_the_registry_in_words(
    service: RunningService, browser: Browser, screenshots: Path, processed: str
) -> None:
    add_user(service.data_dir, "reviewer", "reviewer")
    page = new_page(browser)
    sign_in(page, service, "reviewer")
    row = page.locator("#registry-rows tr", has=page.locator(f"text={processed}"))
    expect(row).to_contain_text("ghana-freezing.png")
    expect(row).to_contain_text("UTC")
    page.screenshot(path=str(screenshots / "ux-02-registry.png"), full_page=True)
    page.goto(f"http://127.0.0.1:{service.port}/requests/{processed}")
    expect(page.locator("#review-threshold")).to_contain_text("above 50%")
    panel = page.locator(".doc-side .panel").first
    for internal in ("any_of", "proceeding_type", "request_type", "facts_summary"):
        expect(panel).not_to_contain_text(internal)
    page.get_by_role("button", name="Confirm routing").click()
    expect(page.get_by_role("status").first).to_contain_text("No notice is sent: e-mail is off")
    expect(page.locator("#current-decision")).to_contain_text("confirmed by reviewer")
    page.screenshot(path=str(screenshots / "ux-03-document-confirmed.png"), full_page=True)
    page.context.close()


def test_refused_files_are_listed_for_clerks(
    service: RunningService, browser: Browser, screenshots: Path, processed: str
) -> None:
    (service.inbox / "empty.pdf").write_bytes(b"")
    reason = service.data_dir / "quarantine" / "empty.pdf.reason.txt"
    service.wait_for(reason.exists, timeout=60, what="the empty file to be refused")
    page = new_page(browser)
    sign_in(page, service, "clerk")
    page.get_by_role("link", name="Refused files").click()
    row = page.locator("#refused tbody tr", has=page.locator("text=empty.pdf"))
    expect(row).to_contain_text("empty")
    page.screenshot(path=str(screenshots / "ux-04-refused.png"), full_page=True)
    row.get_by_role("button", name="Discard empty.pdf").click()
    expect(page.get_by_role("status").first).to_contain_text("empty.pdf was deleted")
    assert not reason.exists()
    page.context.close()
