from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from classify.directory import load_directory
from rogatory.errors import ConfigurationError
from rogatory.settings import DEFAULT_AUTHORITIES

BASE = {
    "country": "Test State",
    "accepted_languages": ["en"],
    "authorities": [{"id": "central", "name": "Central"}, {"id": "fiu", "name": "FIU"}],
    "fallback": "central",
    "rules": [{"name": "banks", "when": {"measures": {"any_of": ["bank_records"]}}, "route_to": "fiu"}],
    "notify": [{"name": "tell", "notify_when": {"offences": {"any_of": ["art15"]}}, "notify": "central"}],
}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "authorities.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def with_rule(rule: dict[str, object]) -> dict[str, object]:
    return {**BASE, "rules": [rule]}


def test_shipped_directory_loads() -> None:
    directory = load_directory(DEFAULT_AUTHORITIES)
    assert directory.fallback == "central_authority"
    assert directory.accepted_languages == ("en", "fr", "es")
    assert [rule.authority for rule in directory.rules][:2] == ["extradition_unit", "civil_authority"]
    assert len(directory.authorities) == 9
    assert directory.notify_rules[0].authority == "anti_corruption_agency"


def test_valid_directory(tmp_path: Path) -> None:
    directory = load_directory(write(tmp_path, BASE))
    assert directory.rules[0].conditions[0].values == ("bank_records",)
    assert directory.authorities["fiu"].name == "FIU"
    assert directory.authorities["fiu"].language == ""  # the notices then use interface_language


def test_an_authority_may_name_the_language_of_its_notices(tmp_path: Path) -> None:
    authorities = [{"id": "central", "name": "Central", "language": "fr"}, {"id": "fiu", "name": "FIU"}]
    directory = load_directory(write(tmp_path, {**BASE, "authorities": authorities}))
    assert directory.authorities["central"].language == "fr"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            with_rule(
                {"name": "r", "when": {"measures": {"any_of": ["bank_records"]}}, "route_to": "nobody"}
            ),
            "rule 'r': route_to 'nobody' is not an authority id",
        ),
        (
            with_rule({"name": "r", "when": {"measures": {"any_of": ["wiretap"]}}, "route_to": "fiu"}),
            "rule 'r': unknown measures value(s) 'wiretap'",
        ),
        (
            with_rule({"name": "r", "when": {"colour": {"any_of": ["red"]}}, "route_to": "fiu"}),
            "rule 'r': unknown field 'colour'",
        ),
        (
            with_rule({"name": "r", "when": {"measures": {"all_of": ["freezing"]}}, "route_to": "fiu"}),
            "rule 'r': unknown operator 'all_of'",
        ),
        (
            with_rule({"name": "r", "when": {"measures": {"any_of": "freezing"}}, "route_to": "fiu"}),
            "rule 'r': measures any_of must be a non-empty list",
        ),
        (
            with_rule({"name": "r", "when": {"measures": ["freezing"]}, "route_to": "fiu"}),
            "rule 'r': condition on 'measures' must be one of",
        ),
        (
            {**BASE, "authorities": [{"id": "central", "name": "A"}, {"id": "central", "name": "B"}]},
            "duplicate authority id 'central'",
        ),
        ({**BASE, "rules": [BASE["rules"][0], BASE["rules"][0]]}, "rule 'banks': duplicate rule name"),
        ({key: value for key, value in BASE.items() if key != "fallback"}, "no fallback authority"),
        ({**BASE, "fallback": "ghost"}, "fallback 'ghost' is not an authority id"),
        ({**BASE, "routes": []}, "unknown key(s) 'routes'"),
        (
            {**BASE, "authorities": [{"id": "central", "name": "A", "language": "nl"}]},
            "authority #1 (central): language 'nl' is not one of en, fr, es, pt, ru, ar, de, it",
        ),
    ],
)
def test_invalid_directory_names_file_rule_and_problem(tmp_path: Path, data: object, message: str) -> None:
    path = write(tmp_path, data)
    with pytest.raises(ConfigurationError) as raised:
        load_directory(path)
    assert str(path) in str(raised.value)
    assert message in str(raised.value)


def test_unreadable_directory(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot read"):
        load_directory(tmp_path / "missing.yaml")
