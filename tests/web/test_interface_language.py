"""Pages in the reader's language: the user's setting, else Accept-Language, else the deployment's."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.registration import Status
from storage.database import Database
from storage.users import list_users
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import app_with_people, bearer
from web.dependencies import context_of


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], str]]:
    with app_with_people(tmp_path / "data", interface_language="es", time_zone="Europe/Paris") as (
        client,
        tokens,
    ):
        analysis = make_analysis(["Ivanov requests bank records"], route_to="fiu", notify=("police",))
        db: Database = context_of(client.app).db
        number = add_request(db, "p", analysis, status=Status.ROUTED, filename="p.pdf")
        yield client, tokens, number


def _as(token: str, language: str | None = None) -> dict[str, str]:
    headers = bearer(token)
    if language is not None:
        headers["Accept-Language"] = language
    return headers


def test_accept_language_chooses_the_page_language(setup: tuple[TestClient, dict[str, str], str]) -> None:
    client, tokens, number = setup
    page = client.get(f"/requests/{number}", headers=_as(tokens["admin"], "fr-FR,fr;q=0.9,en;q=0.5"))
    assert page.status_code == 200
    assert '<html lang="fr" dir="ltr">' in page.text
    assert page.headers["content-language"] == "fr"
    assert "Confirmer l'orientation" in page.text  # translations are the project's own text, kept as written
    assert "Documents bancaires" in page.text  # the taxonomy's label
    assert "Confirm routing" not in page.text


def test_without_accept_language_the_deployment_default(
    setup: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, _ = setup
    page = client.get("/", headers=_as(tokens["clerk"]))
    assert '<html lang="es" dir="ltr">' in page.text
    assert "Todas las solicitudes recibidas" in page.text
    assert "+0100" in page.text or "CET" in page.text  # times in the deployment's zone, the zone shown


def test_arabic_pages_run_right_to_left(setup: tuple[TestClient, dict[str, str], str]) -> None:
    client, tokens, number = setup
    page = client.get(f"/requests/{number}", headers=_as(tokens["reviewer"], "ar"))
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "السلطة المنفذة" in page.text  # executing authority
    assert "السجلات المصرفية" in page.text  # bank records
    assert 'dir="auto"' in page.text  # the document's own text keeps its direction


def test_the_users_setting_wins_and_is_kept(setup: tuple[TestClient, dict[str, str], str]) -> None:
    client, tokens, _ = setup
    moved = client.post(
        "/preferences/language",
        data={"language": "de", "next": "/statistics"},
        headers=_as(tokens["clerk"], "fr"),
        follow_redirects=False,
    )
    assert moved.status_code == 303
    assert moved.headers["location"] == "/statistics"
    page = client.get("/statistics", headers=_as(tokens["clerk"], "fr"))
    assert '<html lang="de" dir="ltr">' in page.text
    assert "Eingegangene Ersuchen je Monat" in page.text
    assert 'value="de" lang="de" selected' in page.text  # the switch shows the language served
    db = context_of(client.app).db
    clerk = next(user for user in list_users(db) if user.username == "clerk")
    assert clerk.language == "de"
    # An empty choice follows the browser again.
    client.post("/preferences/language", data={"language": ""}, headers=_as(tokens["clerk"]))
    assert '<html lang="fr"' in client.get("/statistics", headers=_as(tokens["clerk"], "fr")).text


def test_a_language_the_interface_does_not_have_is_refused(
    setup: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, _ = setup
    headers = {**_as(tokens["clerk"], "fr"), "Accept": "text/html"}
    refused = client.post("/preferences/language", data={"language": "xx"}, headers=headers)
    assert refused.status_code == 422
    assert "Action impossible" in refused.text  # the error page in the reader's language
    shown = html.unescape(refused.text)
    assert "L'interface n'est pas disponible dans cette langue." in shown  # what the code means
    assert "Détail technique : the interface is in en, fr" in shown  # the particulars kept
    assert client.get("/", headers=_as(tokens["clerk"])).status_code == 200


def test_the_next_page_stays_on_this_site(setup: tuple[TestClient, dict[str, str], str]) -> None:
    client, tokens, _ = setup
    moved = client.post(
        "/preferences/language",
        data={"language": "it", "next": "https://elsewhere.example/"},
        headers=_as(tokens["clerk"]),
        follow_redirects=False,
    )
    assert moved.headers["location"] == "/"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", "Registre"),
        ("es", "Registro"),
        ("pt", "Registo"),
        ("ru", "Реестр"),
        ("ar", "السجل العام"),
        ("de", "Register"),
        ("it", "Registro"),
        ("en", "Registry"),
    ],
)
def test_every_language_serves_the_registry(
    setup: tuple[TestClient, dict[str, str], str], language: str, words: str
) -> None:
    client, tokens, _ = setup
    page = client.get("/", headers=_as(tokens["admin"], language))
    assert page.status_code == 200
    assert f'<html lang="{language}"' in page.text
    assert f"<h1>{words}</h1>" in page.text


def test_the_sign_in_page_follows_the_browser(setup: tuple[TestClient, dict[str, str], str]) -> None:
    client, _, _ = setup
    page = client.get("/sign-in", headers={"Accept-Language": "ru"})
    assert '<html lang="ru"' in page.text
    assert "Войти" in page.text
    wrong = client.post(
        "/sign-in",
        data={"username": "clerk", "password": "not the password at all"},
        headers={"Accept-Language": "it"},
    )
    assert "Il nome utente o la password non sono corretti." in wrong.text


def test_upload_script_words_come_with_the_page(setup: tuple[TestClient, dict[str, str], str]) -> None:
    client, tokens, _ = setup
    page = client.get("/upload", headers=_as(tokens["clerk"], "pt"))
    words = page.text.split("data-words='")[1].split("'")[0]
    shown = json.loads(html.unescape(words))
    assert shown["registered_as"] == "Registado com o número"
    assert shown["refusal_empty"].startswith("O ficheiro está vazio (0 bytes)")  # a refusal's code in words
    english = client.get("/upload", headers=_as(tokens["clerk"], "en")).text.split("data-words='")[1]
    assert "refusal_empty" not in english.split("'")[0]  # English shows the intake's own reason


def test_the_statistics_name_the_channels_in_the_readers_language(
    setup: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, _ = setup
    page = html.unescape(client.get("/statistics", headers=_as(tokens["clerk"], "fr")).text)
    assert "Par canal (mode d'arrivée de la demande)" in page
    assert '<th scope="row">ligne de commande</th>' in page  # the sample request came by the command line
    assert "command line" not in page


def test_the_audit_log_says_its_actions_in_the_readers_language(
    setup: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, _ = setup
    page = client.get("/admin/audit", headers=_as(tokens["admin"], "fr"))
    assert page.status_code == 200
    assert ">Enregistrée</td>" in page.text  # the registration's line
    assert 'title="register"' in page.text  # the code stays readable beside the words
    assert ">register</td>" not in page.text
