"""The e-mail partials pass the WCAG 2.1 AA rules of axe-core in Debian's chromium.

The document view of a mailed request and the refused page with a refused message are
rendered by the app (test client), their stylesheet inlined, and checked by the vendored
axe-core (tests/browser/axe.py) in the real browser the browser tests drive.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from rogatory.mail import MailArrival
from rogatory.submissions import MailHeaders
from storage.mail import begin_arrival, finish_arrival
from tests.browser.axe import axe_source, violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.mail.test_document_view import SENDER, _mailed_request
from tests.web.users import app_with_people, bearer
from web.dependencies import context_of

pytestmark = pytest.mark.browser


def _pages(data_dir: Path) -> dict[str, str]:
    with app_with_people(data_dir, smtp_host="127.0.0.1") as (client, tokens):
        db = context_of(client.app).db
        number = _mailed_request(db, incomplete=True)
        headers = MailHeaders(message_id="<r@x>", sender=SENDER, subject="Senza allegati", mailbox="pec")
        record = begin_arrival(db, MailArrival(mailbox="pec", uidvalidity=1, uid=8, headers=headers))
        finish_arrival(
            db, record, outcome="refused", code="no_document", reason="The request carries no document."
        )
        css = client.get("/static/rogatory.css").text
        pages = {
            "document": client.get(f"/requests/{number}?done=reply", headers=bearer(tokens["reviewer"])).text,
            "refused": client.get("/refused", headers=bearer(tokens["clerk"])).text,
        }
    return {name: _inline_css(html, css) for name, html in pages.items()}


def _inline_css(html: str, css: str) -> str:
    start = html.index('<link rel="stylesheet"')
    end = html.index(">", start) + 1
    return html[:start] + f"<style>{css}</style>" + html[end:]


def test_the_mail_headers_and_the_refused_messages_have_no_wcag_violation(tmp_path: Path) -> None:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: scripts/install-system-packages.sh --browser installs it")
    pages = _pages(tmp_path / "data")
    found: dict[str, list[str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for name, html in pages.items():
                page = browser.new_page(viewport={"width": 1440, "height": 1000})
                page.set_content(html, wait_until="load")
                page.add_script_tag(content=axe_source())
                assert page.locator("#mail, #refused-mail").count() == 1  # the partial is on the page
                found[name] = [violation.describe() for violation in violations(page)]
                page.close()
        finally:
            browser.close()
    assert found == {"document": [], "refused": []}
