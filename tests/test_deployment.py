"""docker-compose.yml, Dockerfile and .env.example checked by structure (no Docker engine here).

What can be checked without running containers: the services the issue names, a
health check on each long-running one, dependencies on healthy services, named
volumes for the data, settings only from environment variables and each app
service's environment accepted by :func:`load_settings`, the commands existing in
the CLI, and the README's production section naming the same services.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from rogatory.settings import load_settings
from service.cli.main import build_parser

ROOT = Path(__file__).resolve().parent.parent
COMPOSE: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
APP_SERVICES = ["web", "watcher", "worker-1", "worker-2"]
_VARIABLE = re.compile(r"\$\{(\w+)(?::-([^}]*))?\}")


def _with_defaults(value: str) -> str:
    """Substitute ``${NAME:-default}`` as compose does when NAME is unset."""
    return _VARIABLE.sub(lambda match: match.group(2) or "", value)


def test_the_stack_has_the_services_of_the_issue() -> None:
    assert set(SERVICES) == {
        "postgres",
        "redis",
        "minio",
        "minio-bucket",
        "web",
        "watcher",
        "worker-1",
        "worker-2",
        "flower",
        "mail",
    }


@pytest.mark.parametrize("name", sorted(set(SERVICES) - {"minio-bucket"}))
def test_long_running_services_have_health_checks_and_restart(name: str) -> None:
    service = SERVICES[name]
    assert service["healthcheck"]["test"][0] in ("CMD", "CMD-SHELL")
    assert service["restart"] == "unless-stopped"


def test_dependencies_wait_for_health_and_the_bucket() -> None:
    for name, service in SERVICES.items():
        for dependency, condition in service.get("depends_on", {}).items():
            assert dependency in SERVICES, (name, dependency)
            expected = "service_completed_successfully" if dependency == "minio-bucket" else "service_healthy"
            assert condition == {"condition": expected}, (name, dependency)
    for name in APP_SERVICES:
        assert set(SERVICES[name]["depends_on"]) == {"postgres", "redis", "minio-bucket"}
    assert "mc mb --ignore-existing" in SERVICES["minio-bucket"]["command"][0]


def test_data_lives_in_declared_named_volumes() -> None:
    declared = set(COMPOSE["volumes"])
    used = set()
    for service in SERVICES.values():
        for volume in service.get("volumes", []):
            source = volume.partition(":")[0]
            assert not source.startswith((".", "/")), f"bind mount {volume}: use a named volume"
            used.add(source)
    assert used == declared
    for name, path in [("postgres", "/var/lib/postgresql/data"), ("redis", "/data"), ("minio", "/data")]:
        assert any(volume.endswith(":" + path) for volume in SERVICES[name]["volumes"]), name


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_are_configured_only_by_valid_environment(name: str) -> None:
    service = SERVICES[name]
    assert not {"configs", "secrets", "env_file"} & set(service)
    environment = {key: _with_defaults(str(value)) for key, value in service["environment"].items()}
    assert all(key.startswith("ROGATORY_") for key in environment)
    settings = load_settings(environ=environment)
    assert urlsplit(settings.database).hostname in SERVICES
    assert settings.database.startswith("postgresql+psycopg://")
    assert urlsplit(settings.broker).hostname in SERVICES
    assert settings.broker.startswith("redis://")
    assert settings.object_store_url.startswith("s3://")
    assert settings.s3_endpoint.split(":")[0] in SERVICES


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_commands_exist_in_the_cli(name: str) -> None:
    program, command = SERVICES[name]["command"]
    assert program == "rogatory"
    assert build_parser().parse_args([command]).handler is not None


def test_the_mail_service_reads_mailboxes_of_the_environment_with_its_password_as_a_secret() -> None:
    mail = SERVICES["mail"]
    assert mail["command"] == ["rogatory", "mail"]
    assert mail["profiles"] == ["mail"]  # started only when mailboxes are configured
    assert set(mail["depends_on"]) == {"postgres", "redis", "minio-bucket"}
    assert mail["secrets"] == ["mailbox-password"]
    assert "mailbox-password" in COMPOSE["secrets"]
    environment = {key: _with_defaults(str(value)) for key, value in mail["environment"].items()}
    environment["ROGATORY_MAILBOXES"] = (
        '[{"host": "imap.example", "user": "mla", "password_file": "/run/secrets/mailbox-password"}]'
    )
    settings = load_settings(environ=environment)
    assert settings.mailboxes[0].server_port == 993
    assert build_parser().parse_args(["mail"]).handler is not None


def test_workers_are_two_and_flower_watches_their_broker() -> None:
    assert SERVICES["worker-1"]["command"] == SERVICES["worker-2"]["command"] == ["rogatory", "worker"]
    broker = SERVICES["worker-1"]["environment"]["ROGATORY_BROKER_URL"]
    assert f"--broker={broker}" in SERVICES["flower"]["command"]


def test_every_variable_has_a_default_and_an_example() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    example = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    for match in _VARIABLE.finditer(text):
        variable = match.group(1)
        # ${NAME:-} is an explicit empty default (allowed_hosts, trusted_proxies: none by default).
        assert match.group(2) is not None, f"${{{variable}}} has no default"
        assert variable in example, variable


def test_dockerfile_installs_the_locked_dependencies_and_every_package() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--require-hashes --no-deps -r requirements.lock" in dockerfile
    assert "scripts/install-system-packages.sh" in dockerfile
    for package in ["rogatory", "service", "ingest", "extract", "classify", "storage", "workers", "web"]:
        assert f"COPY {package} {package}" in dockerfile
    assert re.search(r"^USER (?!root)", dockerfile, re.MULTILINE)


def test_readme_production_section_names_the_stack() -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Production", 1)[1].split("\n## ", 1)[0]
    for name in [*SERVICES, "docker compose up", ".env.example", "ROGATORY_DATABASE_URL"]:
        assert name in section, name
