"""Sign-in over the pages: the session cookie, CSRF protection, the limits on failed tries and
their unlock, API tokens and access in Administration, foreign Host names, sign-out, and text
from a document always rendered escaped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.registration import Status
from storage.database import Database
from storage.registry import list_audit
from storage.sign_in_limits import SignInPolicy, begin_try, try_failed
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import PASSWORD, app_with_people
from web.auth import SESSION_COOKIE
from web.dependencies import context_of


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with app_with_people(tmp_path / "data", sign_in_max_failures=3) as (test_client, _):
        yield test_client


def _db(client: TestClient) -> Database:
    db: Database = context_of(client.app).db
    return db


def _sign_in(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the CSRF token of the page after it."""
    response = client.post("/sign-in", data={"username": username, "password": password, "next": "/"})
    assert response.status_code == 200, response.text
    match = re.search(r'name="csrf-token" content="([^"]+)"', response.text)
    assert match
    return match.group(1)


def test_pages_send_to_sign_in_and_back(client: TestClient) -> None:
    response = client.get("/search?q=x", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=/search%3Fq%3Dx"
    signed = client.post(
        "/sign-in",
        data={"username": "clerk", "password": PASSWORD, "next": "/search?q=x"},
        follow_redirects=False,
    )
    assert signed.status_code == 303
    assert signed.headers["location"] == "/search?q=x"
    cookie = signed.headers["set-cookie"]
    assert f"{SESSION_COOKIE}=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert client.get("/search?q=x").status_code == 200


def test_next_never_leaves_the_site(client: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        signed = client.post(
            "/sign-in",
            data={"username": "clerk", "password": PASSWORD, "next": target},
            follow_redirects=False,
        )
        assert signed.headers["location"] == "/"


def test_the_sign_in_form_answers_a_caller_with_a_bad_token(client: TestClient) -> None:
    response = client.get("/sign-in", headers={"Authorization": "Bearer rgt_forged"}, follow_redirects=False)
    assert response.status_code == 200
    assert "Sign in" in response.text


def test_authority_users_start_at_their_queue(client: TestClient) -> None:
    signed = client.post(
        "/sign-in",
        data={"username": "fiu-officer", "password": PASSWORD, "next": "/"},
        follow_redirects=False,
    )
    assert signed.headers["location"] == "/queue"
    assert client.get("/", follow_redirects=False).headers["location"] == "/queue"
    assert client.get("/statistics").status_code == 403


def test_a_write_without_the_csrf_token_is_refused(client: TestClient) -> None:
    csrf = _sign_in(client, "admin")
    form = {"username": "newclerk", "password": "p" * 12, "role": "clerk"}
    assert client.post("/admin/users", data=form).status_code == 403
    assert client.post("/admin/users", data={**form, "csrf_token": "forged"}).status_code == 403
    added = client.post("/admin/users", data={**form, "csrf_token": csrf}, follow_redirects=False)
    assert added.status_code == 303
    assert "newclerk" in client.get("/admin/users").text
    upload = client.post("/api/requests", files=[("files", ("a.pdf", b"%PDF-1.4", "application/pdf"))])
    assert upload.status_code == 403


def test_a_sign_in_form_from_another_site_is_refused(client: TestClient) -> None:
    response = client.post(
        "/sign-in",
        data={"username": "clerk", "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")


def test_failed_sign_ins_are_limited_and_audited(client: TestClient) -> None:
    for _ in range(3):
        assert client.post("/sign-in", data={"username": "reviewer", "password": "wrong"}).status_code == 401
    blocked = client.post("/sign-in", data={"username": "reviewer", "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Too many failed attempts" in blocked.text
    assert SESSION_COOKIE not in blocked.headers.get("set-cookie", "")
    failures = [entry for entry in list_audit(_db(client)) if entry.action == "sign_in_failed"]
    assert len(failures) == 3


def test_sign_out_ends_the_session(client: TestClient) -> None:
    csrf = _sign_in(client, "clerk")
    token = client.cookies[SESSION_COOKIE]
    assert client.post("/sign-out", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    client.cookies.set(SESSION_COOKIE, token)  # a copy of the old cookie signs no one in
    assert client.get("/api/requests").status_code == 401


def test_document_text_is_rendered_escaped(client: TestClient) -> None:
    db = _db(client)
    hostile = 'Evil <script>alert("x")</script> <img src=x onerror=alert(1)>'
    analysis = make_analysis([hostile], route_to="fiu")
    number = add_request(db, "x", analysis, status=Status.ROUTED, filename="<b>name</b>.pdf")
    _sign_in(client, "clerk")
    page = client.get(f"/requests/{number}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "<img src=x" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    assert "&lt;b&gt;name&lt;/b&gt;.pdf" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    viewed = [entry for entry in list_audit(db, number=number) if entry.action == "view"]
    assert [entry.actor for entry in viewed] == ["clerk"]


def _fail_to_lock(client: TestClient, username: str) -> None:
    """Three wrong passwords (the fixture's limit), then the account is refused even the right one."""
    for _ in range(3):
        assert client.post("/sign-in", data={"username": username, "password": "wrong"}).status_code == 401
    refused = client.post("/sign-in", data={"username": username, "password": PASSWORD})
    assert refused.status_code == 429
    assert "Too many failed attempts for this account" in refused.text


def test_one_clerks_lock_out_does_not_refuse_the_admin_from_the_same_address(client: TestClient) -> None:
    _fail_to_lock(client, "clerk")
    signed = client.post("/sign-in", data={"username": "admin", "password": PASSWORD}, follow_redirects=False)
    assert signed.status_code == 303
    assert SESSION_COOKIE in signed.headers["set-cookie"]


def test_an_admin_unlocks_an_account_in_the_pages_and_it_is_audited(client: TestClient) -> None:
    _fail_to_lock(client, "reviewer")
    csrf = _sign_in(client, "admin")
    page = client.get("/admin/users")
    assert "sign-in locked until" in page.text
    assert "/admin/users/reviewer/unlock" in page.text
    unlocked = client.post("/admin/users/reviewer/unlock", data={"csrf_token": csrf}, follow_redirects=False)
    assert unlocked.status_code == 303
    assert "sign-in locked" not in client.get("/admin/users").text
    assert client.post("/sign-in", data={"username": "reviewer", "password": PASSWORD}).status_code == 200
    unlocks = [entry for entry in list_audit(_db(client)) if entry.action == "sign_in_unlock"]
    assert [(entry.actor, entry.detail) for entry in unlocks] == [
        ("admin", "user reviewer unlocked (was locked or counted)")
    ]


def test_tokens_are_issued_listed_and_revoked_in_the_pages(client: TestClient) -> None:
    csrf = _sign_in(client, "admin")
    issued = client.post(
        "/admin/users/clerk/token", data={"csrf_token": csrf, "name": "nightly", "days": "3"}
    )
    token = re.search(r'<code class="token">(rgt_[^<]+)</code>', issued.text)
    assert token
    script = TestClient(client.app)
    assert (
        script.get("/api/requests", headers={"Authorization": f"Bearer {token.group(1)}"}).status_code == 200
    )
    page = client.get("/admin/users").text
    listed = re.search(r"token (\d+) “nightly”: valid, expires", page)
    assert listed, page
    assert "last used" in page
    token_id = listed.group(1)
    revoked = client.post(f"/admin/users/clerk/tokens/{token_id}/revoke", data={"csrf_token": csrf})
    assert revoked.status_code == 200
    assert f"token {token_id} “nightly”: revoked" in revoked.text
    refused = script.get("/api/requests", headers={"Authorization": f"Bearer {token.group(1)}"})
    assert refused.status_code == 401
    assert "expired or revoked" in refused.json()["detail"]


def test_disabling_in_the_pages_ends_sessions_and_enabling_revives_none(client: TestClient) -> None:
    clerk = TestClient(client.app)
    _sign_in(clerk, "clerk")
    assert clerk.get("/api/requests").status_code == 200
    csrf = _sign_in(client, "admin")
    for active in ("false", "true"):
        client.post("/admin/users/clerk/active", data={"csrf_token": csrf, "active": active})
    assert clerk.get("/api/requests").status_code == 401


def test_a_sign_in_under_a_foreign_host_is_refused(client: TestClient) -> None:
    """DNS rebinding: a page of evil.example whose name now resolves to this machine posts the form."""
    response = client.post(
        "/sign-in",
        data={"username": "clerk", "password": PASSWORD},
        headers={"Host": "evil.example", "Origin": "http://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 400
    assert response.json()["error"] == "bad_host"
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")
    assert client.get("/health", headers={"Host": "evil.example:8000"}).status_code == 400
    assert client.get("/health", headers={"Host": "127.0.0.1:8000"}).status_code != 400


def test_a_forwarded_address_from_a_client_that_is_no_proxy_is_ignored(client: TestClient) -> None:
    response = client.post(
        "/sign-in",
        data={"username": "clerk", "password": "wrong"},
        headers={"X-Forwarded-For": "203.0.113.7"},
    )
    assert response.status_code == 401
    (failed,) = [entry for entry in list_audit(_db(client)) if entry.action == "sign_in_failed"]
    assert failed.detail == "from testclient"


def test_an_admin_unlocks_an_address_and_ends_a_users_access_in_the_pages(client: TestClient) -> None:
    db = _db(client)
    policy = SignInPolicy.of(context_of(client.app).settings)
    for index in range(policy.address_failures):
        assert begin_try(db, policy, username=f"name{index}", address="10.9.8.7") is None
        try_failed(db, policy, username=f"name{index}", address="10.9.8.7")
    assert begin_try(db, policy, username="clerk", address="10.9.8.7") is not None
    clerk = TestClient(client.app)
    _sign_in(clerk, "clerk")
    csrf = _sign_in(client, "admin")
    assert "<code>10.9.8.7</code>" in client.get("/admin/users").text
    client.post("/admin/sign-in-locks/unlock", data={"csrf_token": csrf, "address": "10.9.8.7"})
    assert "10.9.8.7" not in client.get("/admin/users").text
    assert begin_try(db, policy, username="clerk", address="10.9.8.7") is None
    client.post("/admin/users/clerk/revoke", data={"csrf_token": csrf})
    assert clerk.get("/api/requests").status_code == 401
    actions = [(entry.actor, entry.action) for entry in list_audit(db)]
    assert ("admin", "sign_in_unlock") in actions
    assert ("admin", "access_revoked") in actions
