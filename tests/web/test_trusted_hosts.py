"""Host names and forwarded headers (web/trusted_hosts.py), on a small app that echoes what the
routes would see: the client address and the scheme. The running service is tested in
tests/faults/test_sign_in_race.py (uvicorn's own forwarded-header handling is off there)."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from rogatory.errors import ConfigurationError
from rogatory.settings import load_settings
from web.trusted_hosts import TrustedHosts, host_name


async def _echo(request: Request) -> JSONResponse:
    return JSONResponse(
        {"client": request.client.host if request.client else "", "scheme": request.url.scheme}
    )


def _client(
    peer: str, *, proxies: tuple[str, ...] = (), hosts: tuple[str, ...] = ("rogatory.example",)
) -> TestClient:
    app = TrustedHosts(Starlette(routes=[Route("/", _echo)]), host_names=hosts, proxies=proxies)
    return TestClient(app, base_url="http://rogatory.example", client=(peer, 40000))


def test_forwarded_headers_from_a_client_that_is_no_proxy_are_ignored() -> None:
    client = _client("198.51.100.20", proxies=("10.0.0.0/8",))
    seen = client.get("/", headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}).json()
    assert seen == {"client": "198.51.100.20", "scheme": "http"}


def test_without_configured_proxies_even_loopback_is_not_believed() -> None:
    seen = _client("127.0.0.1").get("/", headers={"X-Forwarded-For": "203.0.113.7"}).json()
    assert seen["client"] == "127.0.0.1"


def test_a_configured_proxys_headers_are_honoured() -> None:
    client = _client("10.1.2.3", proxies=("10.0.0.0/8",))
    seen = client.get("/", headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}).json()
    assert seen == {"client": "203.0.113.7", "scheme": "https"}


def test_the_client_is_the_nearest_address_that_is_no_trusted_proxy() -> None:
    """A client may send its own X-Forwarded-For: only what the trusted proxies appended counts."""
    client = _client("10.1.2.3", proxies=("10.0.0.0/8",))
    forged = {"X-Forwarded-For": "192.0.2.66, 203.0.113.7, 10.9.9.9"}
    assert client.get("/", headers=forged).json()["client"] == "203.0.113.7"
    garbage = {"X-Forwarded-For": "203.0.113.7, not-an-address"}
    assert client.get("/", headers=garbage).json()["client"] == "10.1.2.3"


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("rogatory.example", 200),
        ("ROGATORY.example:8443", 200),
        ("evil.example", 400),
        ("rogatory.example.evil.example", 400),
        ("", 400),
        ("rogatory.example:notaport", 400),
    ],
)
def test_only_the_configured_host_names_are_answered(host: str, status: int) -> None:
    response = _client("198.51.100.20").get("/", headers={"Host": host})
    assert response.status_code == status
    if status == 400:
        assert response.json()["error"] == "bad_host"


def test_the_default_host_names_are_loopback_and_the_public_url() -> None:
    settings = load_settings(environ={}, public_url="https://mla.justice.example/rogatory")
    assert settings.host_names == {"localhost", "127.0.0.1", "::1", "mla.justice.example"}
    assert settings.trusted_proxies == ()
    listed = load_settings(
        environ={
            "ROGATORY_ALLOWED_HOSTS": "intake.example, 10.0.0.5",
            "ROGATORY_TRUSTED_PROXIES": "172.16.0.0/12",
        }
    )
    assert {"intake.example", "10.0.0.5"} <= listed.host_names
    assert listed.trusted_proxies == ("172.16.0.0/12",)
    with pytest.raises(ConfigurationError, match="trusted_proxies"):
        load_settings(environ={"ROGATORY_TRUSTED_PROXIES": "proxy.example"})


def test_host_names_are_read_without_port_or_brackets() -> None:
    assert host_name("[::1]:8000") == "::1"
    assert host_name("Example.ORG") == "example.org"
    assert host_name("a:b:c") == ""
