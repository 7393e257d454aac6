"""Case and file references as the registry compares them: one spelling for every way of writing one.

Shared by the extraction (which finds references) and the archive (which relates
requests quoting the same one, and searches them).
"""

from __future__ import annotations

import re

#: At least this many characters in a reference (a bare "12" is a paragraph, not a file).
MIN_LENGTH = 4
_ARABIC_YEAR = re.compile(r"(\d+)\s+لسنة\s+(\d{4})")


def normalise_reference(raw: str) -> str:
    """``" rc.80 / 2024"`` -> ``"RC.80/2024"``; ``"289 لسنة 2023"`` (289 of 2023) -> ``"289/2023"``."""
    arabic = _ARABIC_YEAR.fullmatch(raw.strip())
    if arabic:
        return f"{arabic.group(1)}/{arabic.group(2)}"
    return re.sub(r"\s+", "", raw).upper()


def is_reference(value: str) -> bool:
    """Whether a normalised value is long enough and holds a digit, as a reference does."""
    return len(value) >= MIN_LENGTH and any(char.isdigit() for char in value)
