"""Name and account keys: transliteration, articles, skeletons, token matches."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.names import compact_account, name_tokens, skeleton, token_match


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Александр Петров", ["aleksandr", "petrov"]),
        ("José PÉREZ GÓMEZ", ["jose", "perez", "gomez"]),
        ("Mohammed Al-Rashid", ["mohammed", "alrashid"]),
        ("Abdel el Sayed", ["abdel", "elsayed"]),
        ("محمد الراشد", ["mhmd", "lrshd"]),
        ("Al", ["al"]),
        ("Inversiones Costa Azul S.L.", ["inversiones", "costa", "azul", "sl"]),
        ("Edilnord S.p.A.", ["edilnord", "spa"]),
        ("J. R. Smith", ["j", "r", "smith"]),
        ("", []),
    ],
)
def test_name_tokens(name: str, tokens: list[str]) -> None:
    assert name_tokens(name) == tokens


@pytest.mark.parametrize(
    ("token", "consonants"),
    [
        ("mohammed", "mhmd"),
        ("muhammad", "mhmd"),
        ("alexander", "lksndr"),
        ("aleksandr", "lksndr"),
        ("eu", "eu"),
    ],
)
def test_skeleton(token: str, consonants: str) -> None:
    assert skeleton(token) == consonants


@pytest.mark.parametrize(
    ("query", "candidate", "expected"),
    [
        ("petrov", "petrov", (1.0, "same")),
        ("mohammed", "mhmd", (0.8, "same consonants")),
        ("petrov", "petrova", (0.6, "same consonants, different ending")),
        ("ivanov", "petrov", None),
    ],
)
def test_token_match(query: str, candidate: str, expected: tuple[float, str] | None) -> None:
    assert token_match(query, candidate) == expected


def test_account_forms() -> None:
    assert compact_account("fr76 3000-6000 01") == "FR7630006000" + "01"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20))
def test_a_token_matches_itself_best(token: str) -> None:
    assert token_match(token, token) == (1.0, "same")
    assert skeleton(token)
