"""Mentions of persons merged into PERSON entities, one value per person.

Runs inside :func:`extract.entities.find_entities` on the mentions that
:mod:`extract.persons` found on every page. Mentions of one person are merged: every
mention gets the fullest form as value, and a mention OCR misread is counted as the
better attested person it misreads (:mod:`extract.misreadings`). Pure; raises nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from extract.misreadings import is_misreading
from extract.persons import CONFIDENCE, PARTICLES, Mention
from extract.transliteration import needs_transliteration, to_latin
from rogatory.folding import fold_plain
from rogatory.records import Entity, EntityKind, Span

#: A name found by the model alone is kept only when it occurs this many times.
MODEL_MIN_MENTIONS = 2
#: ... unless that one mention stands in a line of prose, is a form field's whole value, or
#: stands right after an honorific, a role or a title.
SINGLE_MENTION_SETTINGS = frozenset({"prose", "field", "cue"})


def _key(name: str) -> frozenset[str]:
    return frozenset(token for token in fold_plain(" ".join(name.split())).split() if token not in PARTICLES)


def resolve_persons(mentions: Iterable[Mention]) -> list[Entity]:
    """PERSON entities: each mention valued with the fullest name of its person.

    Two names are one person when the words of one are all among the words of the
    other. Names found with a role in brackets come first: a longer mention that
    holds one of them ("Locate Ibrahim ABUBAKAR") is that person, not a new one; an
    Arabic name with "and", "to" or "with" joined to it ("وأحمد إبراهيم") is the person
    it names. A person seen only by the model needs ``MODEL_MIN_MENTIONS`` mentions, or
    one in a line of prose, as a field's value or right after a title ("Richter Hacker").
    """
    ordered = sorted(
        _distinct(mentions),
        key=lambda m: (
            m.evidence != "role",
            -len(_key(m.text)),
            _without_proclitic(_key(m.text)) is not None,
        ),
    )
    groups: list[tuple[frozenset[str], list[Mention]]] = []
    for mention in ordered:
        key = _key(mention.text)
        group = next((members for full, members in groups if key <= full), None)
        if group is None and mention.evidence != "role":
            group = next(
                (members for full, members in groups if full < key and members[0].evidence == "role"), None
            )
        if group is None and mention.evidence != "role" and (bare := _without_proclitic(key)) is not None:
            group = next((members for full, members in groups if bare <= full), None)
        if group is None:
            groups.append((key, [mention]))
        else:
            group.append(mention)
    entities = []
    groups = _fold_misreadings(groups)
    for _, members in groups:
        alone = all(member.evidence == "model" for member in members) and len(members) < MODEL_MIN_MENTIONS
        if alone and not any(member.setting in SINGLE_MENTION_SETTINGS for member in members):
            continue
        value = " ".join(_fullest(members).text.split())
        trimmed = _distinct(_trimmed(member, value) for member in members)
        latin = {"latin": to_latin(value)} if needs_transliteration(value) else {}
        for member in trimmed:
            role = {"role": member.role} if member.role else {}
            entities.append(
                Entity(
                    kind=EntityKind.PERSON,
                    value=value,
                    span=Span(page=member.page, start=member.start, end=member.end, text=member.text),
                    method="model:spacy" if member.evidence == "model" else f"rule:{member.evidence}",
                    confidence=CONFIDENCE[member.evidence],
                    attributes={**latin, **role},
                )
            )
    return sorted(entities, key=lambda entity: (entity.span.page, entity.span.start))


#: Arabic letters written joined to the word after them: "and" (و), "to" (ل), "with" (ب).
_PROCLITICS = ("و", "ل", "ب")


def _without_proclitic(key: frozenset[str]) -> frozenset[str] | None:
    """The key with a proclitic taken off one Arabic word ("وأحمد" -> "أحمد"), or None."""
    words = [word for word in key if word[:1] in _PROCLITICS and len(word) > 3]
    if len(words) != 1:
        return None
    return (key - {words[0]}) | {words[0][1:]}


def _fold_misreadings(
    groups: list[tuple[frozenset[str], list[Mention]]],
) -> list[tuple[frozenset[str], list[Mention]]]:
    """``groups`` with each person folded into a better attested one whose name it
    misreads (:func:`extract.misreadings.is_misreading`): one named with a role, or
    else one written more often. Persons named with a role are never folded."""
    kept = list(groups)
    for key, members in sorted(groups, key=lambda group: _support(group[1])):
        if any(member.evidence == "role" for member in members):
            continue
        variant = _fullest(members).text
        target = next(
            (
                other
                for _, other in kept
                if other is not members
                and _support(other) > _support(members)
                and is_misreading(variant, _fullest(other).text)
            ),
            None,
        )
        if target is not None:
            target.extend(members)
            kept.remove((key, members))
    return kept


def _support(members: list[Mention]) -> tuple[bool, int]:
    """How well a person is attested: named with a role, then by how many mentions."""
    return any(member.evidence == "role" for member in members), len(members)


def _distinct(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per place: the one with the strongest evidence."""
    best: dict[tuple[int, int, int], Mention] = {}
    for mention in mentions:
        place = (mention.page, mention.start, mention.end)
        if place not in best or CONFIDENCE[mention.evidence] > CONFIDENCE[best[place].evidence]:
            best[place] = mention
    return list(best.values())


def _trimmed(mention: Mention, value: str) -> Mention:
    """``mention`` cut down to ``value`` when it holds it with extra words around it."""
    written = " ".join(mention.text.split())
    if written == value:
        return mention
    match = re.search(r"\s+".join(re.escape(word) for word in value.split()), mention.text)
    if match is None:
        return mention
    start, end = mention.start + match.start(), mention.start + match.end()
    return Mention(mention.page, start, end, match.group(), mention.evidence, mention.role)


def _fullest(members: list[Mention]) -> Mention:
    """The role mention with the most words, else the mention with the most words.

    Among equals, rule evidence comes before the model, then the name written most
    often (case and accents folded), then its spelling with the most accented letters
    (OCR drops accents, "JIMENEZ" for "JIMÉNEZ"; it does not add them), then the earliest.
    """
    roles = [member for member in members if member.evidence == "role"]
    written = Counter(_folded(member.text) for member in members)
    return min(
        roles or members,
        key=lambda member: (
            -len(_key(member.text)),
            member.evidence == "model",
            -written[_folded(member.text)],
            -_accented(member.text),
            member.page,
            member.start,
        ),
    )


def _folded(name: str) -> str:
    return fold_plain(" ".join(name.split()))


def _accented(text: str) -> int:
    """How many letters of ``text`` carry a diacritic (decompose under NFD)."""
    return sum(1 for char in text if unicodedata.decomposition(char))
