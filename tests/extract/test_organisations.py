"""Organisation rules: a legal form ends the name, an account number before a bank is no part of it."""

from __future__ import annotations

import pytest

from extract.organisations import OrganisationRules, find_organisations, load_organisation_rules


@pytest.fixture(scope="module")
def rules() -> OrganisationRules:
    return load_organisation_rules()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("a la cuenta 8634177048291879598969 de Eastbridge Savings Bank, cuyo", ["Eastbridge Savings Bank"]),
        ("il Consorzio Lombardo Appalti S.c.a.r.l. ha ricevuto", ["Consorzio Lombardo Appalti S.c.a.r.l."]),
        ("paid to Studio 54 Ltd in cash", ["Studio 54 Ltd"]),
    ],
)
def test_organisation_names(rules: OrganisationRules, text: str, names: list[str]) -> None:
    assert [entity.value for entity in find_organisations(text, page=1, rules=rules)] == names
