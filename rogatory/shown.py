"""Received text shown to people with its bidirectional controls made visible.

A file name such as ``invoice\\u202efdp.exe`` shows as ``invoiceexe.pdf`` wherever it
is printed as it is: the override reverses what follows. Wherever a received name is
shown (pages, the command line) its embedding, override and isolate controls are
replaced by a visible ``[U+202E]``; the registry keeps the name as received. The
marks LRM, RLM and ALM, which right-to-left text needs and which reverse nothing, are
left alone. Pure functions; nothing here raises.
"""

from __future__ import annotations

#: Embeddings, overrides and isolates (and their terminators).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_VISIBLE = {ord(char): f"[U+{ord(char):04X}]" for char in BIDI_CONTROLS}


def shown(text: str) -> str:
    """``text`` with every bidirectional control replaced by its visible code point."""
    return text.translate(_VISIBLE)
