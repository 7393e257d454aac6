"""safe_filename: one plain path component, no hidden tricks, bounded length."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.filenames import safe_filename

CASES = [
    ("Demande MLA 2026.pdf", "Demande MLA 2026.pdf"),
    ("../../etc/passwd", "_.._etc_passwd"),
    ("C:\\scans\\req.pdf", "C__scans_req.pdf"),
    ("a\x00b.pdf", "ab.pdf"),
    ("invoice\u202efdp.exe", "invoicefdp.exe"),
    ("zero\u200bwidth\u2066.pdf", "zerowidth.pdf"),
    ("tab\there\n.pdf", "tabhere.pdf"),
    (".hidden.pdf", "hidden.pdf"),
    ("..", "unnamed"),
    ("", "unnamed"),
    ("   ", "unnamed"),
    ("trailing dot. ", "trailing dot"),
    ("Запрос.pdf", "Запрос.pdf"),
    ("طلب\u00a0مساعدة.pdf", "طلب مساعدة.pdf"),
    ("e\u0301te\u0301.pdf", "été.pdf"),
    ("what?<>|*.pdf", "what_____.pdf"),
]


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_a_long_name_is_shortened_keeping_its_extension() -> None:
    result = safe_filename("é" * 300 + ".pdf", max_bytes=50)
    assert result == "é" * 23 + ".pdf"


@given(st.text(max_size=400))
def test_any_name_becomes_one_short_visible_component(name: str) -> None:
    result = safe_filename(name)
    assert result
    assert "/" not in result
    assert "\\" not in result
    assert "\x00" not in result
    assert not result.startswith(".")
    assert len(result.encode("utf-8")) <= 200
    assert result not in (".", "..")
