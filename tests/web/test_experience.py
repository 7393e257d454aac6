"""What a new clerk read wrongly (issue 18): the offline docs, honest notices, the review
threshold and routing reasons in words, the decision in force after a reassignment."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from classify.routing import route
from rogatory.records import Analysis, Completeness, ElementCheck
from rogatory.registration import Status
from storage.database import Database
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import app_with_people, bearer
from web.dependencies import context_of, directory_of

IDS = re.compile(r"\b(?:any_of|proceeding_type|request_type|legal_basis|facts_summary|bank_records|art\d+)\b")


def _routed(client: TestClient) -> Analysis:
    """An analysis routed by the real rules of the shipped directory, one element missing."""
    analysis = make_analysis(["Ivanov requests bank records"], notify=("police",))
    completeness = Completeness(
        checks=(
            ElementCheck(element="requesting_authority", present=True),
            ElementCheck(element="facts_summary", present=False),
        )
    )
    directory = directory_of(client.app)
    assert directory is not None
    decision = route(
        analysis.classification, completeness, directory, text=analysis.text, review_threshold=0.5
    )
    return analysis.model_copy(update={"completeness": completeness, "routing": decision})


@pytest.fixture
def offline(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], str]]:
    """E-mail off, no webhook (the embedded default)."""
    with app_with_people(tmp_path / "data") as (client, tokens):
        db: Database = context_of(client.app).db
        number = add_request(db, "p", _routed(client), status=Status.ROUTED, filename="p.pdf")
        yield client, tokens, number


def _panel(html: str) -> str:
    """The routing panel of the document page (up to the actions)."""
    start = html.index("<h2>Routing</h2>")
    return html[start : html.index('<div class="actions">', start)]


def test_docs_are_served_by_the_service(offline: tuple[TestClient, dict[str, str], str]) -> None:
    client, tokens, _ = offline
    page = client.get("/docs", headers=bearer(tokens["clerk"]))
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert len(sources) >= 3
    assert all(source.startswith("/") for source in sources), sources
    assert "https:" not in page.headers["content-security-policy"]
    for source in sources:
        asset = client.get(source, headers=bearer(tokens["clerk"]))
        assert asset.status_code == 200, source
    script = client.get("/docs/assets/swagger-ui-bundle.js", headers=bearer(tokens["clerk"]))
    assert "SwaggerUIBundle" in script.text[:2000]
    assert client.get("/docs/assets/..%2Frogatory.db", headers=bearer(tokens["clerk"])).status_code == 404
    stranger = client.get("/docs/assets/swagger-ui.css", follow_redirects=False)
    assert stranger.status_code in (401, 303)  # signed-in users only


def test_no_notice_is_promised_when_email_and_webhook_are_off(
    offline: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, number = offline
    confirmed = client.post(
        f"/requests/{number}/confirm", data={"reason": ""}, headers=bearer(tokens["reviewer"])
    )
    assert confirmed.status_code == 200  # followed to the document page
    assert "being notified" not in confirmed.text
    expected = "No notice is sent: e-mail is off (no smtp_host is set) and no webhook_url is set"
    assert expected in confirmed.text
    deliveries = client.get("/admin/deliveries", headers=bearer(tokens["reviewer"]))
    assert "E-mail is off (no smtp_host is set) and no webhook is set" in deliveries.text
    assert '<option value="all" selected>' in deliveries.text
    assert "No delivery yet." in deliveries.text


def test_the_notices_sent_are_named_when_email_is_on(tmp_path: Path) -> None:
    with app_with_people(tmp_path / "data", smtp_host="127.0.0.1") as (client, tokens):
        number = add_request(context_of(client.app).db, "p", _routed(client), status=Status.ROUTED)
        page = client.post(f"/requests/{number}/confirm", data={}, headers=bearer(tokens["reviewer"]))
        assert "Notices are being sent:" in page.text
        assert "Financial Intelligence Unit by e-mail" in page.text
        assert "E-mail is off" not in client.get("/admin/deliveries", headers=bearer(tokens["admin"])).text


def test_routing_reasons_and_threshold_are_in_words(
    offline: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, number = offline
    panel = _panel(client.get(f"/requests/{number}", headers=bearer(tokens["reviewer"])).text)
    assert IDS.findall(panel) == [], IDS.findall(panel)
    assert "Bank records" in panel
    # names as the taxonomy writes them (not lower-cased: German nouns keep their capital)
    assert "The request lacks: Summary of the facts" in panel
    assert "Routed automatically when the confidence is above 50%; at 50% or below" in panel
    assert "review_threshold = 0.50" in panel


def test_after_a_reassignment_the_panel_shows_the_decision_in_force(
    offline: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, number = offline
    page = client.post(
        f"/requests/{number}/reassign",
        data={"authority": "fiu", "reason": "the bank records are the FIU's"},
        headers=bearer(tokens["reviewer"]),
    )
    panel = _panel(page.text)
    decision = panel[panel.index('id="current-decision"') :]
    assert decision.startswith('id="current-decision">Reassigned to Financial Intelligence Unit')
    assert "by reviewer" in decision.split("</dd>")[0]
    assert "Reason: the bank records are the FIU" in decision.split("</dd>")[0]
    assert "Proposed by the rules" in panel
    header = page.text[: page.text.index("<h2>Routing</h2>")]
    assert "Reassigned to Financial Intelligence Unit by reviewer" in header  # the status reason in words


def test_the_pages_say_when_the_worker_is_loading_or_missing(
    offline: tuple[TestClient, dict[str, str], str],
) -> None:
    from storage.heartbeats import beat, forget
    from web.service_state import STARTING

    client, tokens, _ = offline
    db: Database = context_of(client.app).db

    def notice() -> str:
        html = client.get("/", headers=bearer(tokens["clerk"])).text
        found = re.search(r'id="service-state">([^<]*)<', html)
        return found.group(1) if found else ""

    assert notice().startswith("No worker is running")
    beat(db, "worker@here:1:loading", kind=STARTING)
    assert notice().startswith("The worker is starting: it is loading its OCR and language models")
    forget(db, "worker@here:1:loading")
    beat(db, "worker@here:1", kind="worker")
    assert notice() == ""
    assert 'id="service-state"' not in client.get("/queue", headers=bearer(tokens["fiu-officer"])).text


def test_downloads_keep_the_original_name(tmp_path: Path) -> None:
    from web.download_names import content_disposition

    assert content_disposition("scans/Запрос Петров.pdf", "RQ-1", "application/pdf") == (
        "attachment; filename=\"RQ-1.pdf\"; filename*=UTF-8''%D0%97%D0%B0%D0%BF%D1%80%D0%BE%D1%81%20"
        "%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2.pdf"
    )
    assert content_disposition('évi"dence\r\n.pdf', "RQ-2", "application/pdf").startswith(
        'attachment; filename="evidence.pdf"; '
    )
    with app_with_people(tmp_path / "data") as (client, tokens):
        db: Database = context_of(client.app).db
        context_of(client.app).store.put(b"%PDF-1.4 original")
        number = add_request(
            db,
            "o",
            make_analysis(["x"]),
            status=Status.ROUTED,
            filename="Ghana request.pdf",
            content=b"%PDF-1.4 original",
        )
        got = client.get(f"/api/requests/{number}/original", headers=bearer(tokens["clerk"]))
        assert got.status_code == 200
        assert got.headers["content-disposition"].startswith('attachment; filename="Ghana request.pdf"')


def test_the_registry_shows_file_state_and_language_in_words(
    offline: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, number = offline
    html = client.get("/", headers=bearer(tokens["clerk"])).text
    row = html[html.index(f">{number}</a>") :].split("</tr>")[0]
    assert "p.pdf" in row
    assert "Bank records" in row
    assert "<td>French</td>" in row
    assert "<td>France</td>" in row
    assert re.search(
        r"[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M UTC", row
    )  # CLDR's English, zone shown


def test_refused_files_are_listed_and_retried_or_discarded(tmp_path: Path) -> None:
    from storage.audit import list_audit

    with app_with_people(tmp_path / "data") as (client, tokens):
        context = context_of(client.app)
        quarantine, inbox = context.settings.quarantine_dir, context.settings.inbox
        quarantine.mkdir(parents=True, exist_ok=True)
        for name, reason in (("empty.pdf", "the file is empty"), ("macro.docx", "not a PDF or image")):
            (quarantine / name).write_bytes(b"x" * 10)
            (quarantine / f"{name}.reason.txt").write_text(
                f"reason: {reason}\ncode: c\nsha256: 0\ntime: 2026-12-02T10:00:00+00:00\nfile: {name}\n"
            )
        page = client.get("/refused", headers=bearer(tokens["clerk"]))
        assert page.status_code == 200
        assert "empty.pdf" in page.text
        assert "the file is empty" in page.text
        assert "Dec 2, 2026, 10:00\u202fAM UTC" in page.text
        retried = client.post("/refused/retry", data={"name": "empty.pdf"}, headers=bearer(tokens["clerk"]))
        assert "empty.pdf is back in the inbox" in retried.text
        assert (inbox / "empty.pdf").exists()
        assert not (quarantine / "empty.pdf").exists()
        assert not (quarantine / "empty.pdf.reason.txt").exists()
        client.post("/refused/discard", data={"name": "macro.docx"}, headers=bearer(tokens["clerk"]))
        assert list(quarantine.iterdir()) == []
        assert "No refused file is kept." in client.get("/refused", headers=bearer(tokens["clerk"])).text
        gone = client.post(
            "/refused/discard", data={"name": "../rogatory.db"}, headers=bearer(tokens["clerk"])
        )
        assert gone.status_code == 404
        assert (context.settings.data_dir / "rogatory.db").exists()
        actions = {(entry.action, entry.detail) for entry in list_audit(context.db, limit=50)}
        assert {("refused_retry", "empty.pdf"), ("refused_discard", "macro.docx")} <= actions
        authority = client.get("/refused", headers=bearer(tokens["fiu-officer"]), follow_redirects=False)
        assert authority.status_code == 403


@pytest.mark.parametrize(
    ("language", "meaning"),
    [
        ("fr", "Le fichier est vide (0 octet)"),
        ("ar", "الملف فارغ (0 بايت)"),
        ("de", "Dieser Dateityp wird nicht angenommen"),
    ],
)
def test_a_refusal_is_said_in_the_readers_language_with_the_intakes_words_beside(
    tmp_path: Path, language: str, meaning: str
) -> None:
    with app_with_people(tmp_path / "data") as (client, tokens):
        quarantine = context_of(client.app).settings.quarantine_dir
        quarantine.mkdir(parents=True, exist_ok=True)
        refusals = (
            ("empty.pdf", "'empty.pdf' is empty (0 bytes)", "empty"),
            ("macro.docx", "'macro.docx' is a Word document, not a scan", "unsupported_type"),
            ("odd.bin", "something intake has no code for", "new_code"),
        )
        for name, reason, code in refusals:
            (quarantine / name).write_bytes(b"x")
            (quarantine / f"{name}.reason.txt").write_text(
                f"reason: {reason}\ncode: {code}\nsha256: 0\ntime: 2026-12-02T10:00:00+00:00\nfile: {name}\n"
            )
        english = client.get("/refused", headers=bearer(tokens["clerk"])).text
        assert "&#39;empty.pdf&#39; is empty (0 bytes)" in english
        assert "The file is empty" not in english  # in English the intake's own words alone
        page = client.get("/refused", headers={**bearer(tokens["clerk"]), "Accept-Language": language}).text
        assert meaning in page
        detail = '<span class="muted small refusal-detail" lang="en" dir="ltr">&#39;empty.pdf&#39; is empty'
        assert detail in page
        assert "something intake has no code for" in page  # an unknown code: the reason as written
