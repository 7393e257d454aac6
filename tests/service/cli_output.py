"""What a command wrote on standard error, without the line naming its data folder (issue 18)."""

from __future__ import annotations

DATA_FOLDER_LINE = "rogatory: data folder "


def without_folder_line(error: str) -> str:
    """``error`` without the "rogatory: data folder ..." line every command writes first."""
    return "".join(line for line in error.splitlines(keepends=True) if not line.startswith(DATA_FOLDER_LINE))
