"""Names OCR misread: "Marie-Chrisüne VASSEUR" for "Marie-Christine VASSEUR".

Used by :func:`extract.person_resolution.resolve_persons` to count a misread mention of a
person as that person, not as a second one. Pure; raises nothing.
"""

from __future__ import annotations

from rogatory.folding import fold_plain
from rogatory.scoring import edit_distance

#: Fewest letters of a word that may be misread (short words differ by design: "Ivan", "Iva").
MIN_MISREAD_LETTERS = 5
#: Most edits in one misread word, and their share of its length.
MAX_EDITS = 2
MAX_EDIT_SHARE = 0.25


def is_misreading(variant: str, name: str) -> bool:
    """Whether ``variant`` is ``name`` as OCR may misread it.

    Both have the same number of words in the same order, at least one word is the
    same, and every other word has ``MIN_MISREAD_LETTERS`` letters or more in both
    and differs by at most ``MAX_EDITS`` edits and ``MAX_EDIT_SHARE`` of its length
    (case and accents folded). A different given name or surname differs by more.
    """
    left, right = fold_plain(variant).split(), fold_plain(name).split()
    if len(left) != len(right) or left == right or not any(a == b for a, b in zip(left, right, strict=True)):
        return False
    for first, second in zip(left, right, strict=True):
        if first == second:
            continue
        if min(len(first), len(second)) < MIN_MISREAD_LETTERS:
            return False
        edits = edit_distance(first, second)
        if edits > MAX_EDITS or edits > MAX_EDIT_SHARE * max(len(first), len(second)):
            return False
    return True
