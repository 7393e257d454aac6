"""Entities placed on the page: word boxes of an OCR'd page, marks in its text."""

from __future__ import annotations

from rogatory.records import Entity, EntityKind, PageText, Span, TextSource, Word
from web.highlights import KIND_KEYS, Box, kind_key, legend, page_highlights, page_segments, word_spans


def _word(text: str, left: int, top: int) -> Word:
    return Word(text=text, left=left, top=top, width=10 * len(text), height=20, confidence=0.9)


PAGE = PageText(
    number=2,
    text="Mr Ivan PETROV\nIBAN DE89 3704",
    source=TextSource.OCR,
    confidence=0.9,
    width=1000,
    height=1400,
    words=(
        _word("Mr", 10, 10),
        _word("Ivan", 40, 10),
        _word("PETROV", 90, 10),
        _word("IBAN", 10, 50),
        _word("DE89", 60, 50),
        _word("3704", 110, 50),
    ),
)


def _entity(kind: EntityKind, start: int, end: int, page: int = 2) -> Entity:
    text = PAGE.text[start:end]
    return Entity(
        kind=kind, value=text, span=Span(page=page, start=start, end=end, text=text), method="t", confidence=1
    )


def test_words_are_found_in_the_text_in_order() -> None:
    assert [(start, end, word.text) for start, end, word in word_spans(PAGE)][:3] == [
        (0, 2, "Mr"),
        (3, 7, "Ivan"),
        (8, 14, "PETROV"),
    ]


def test_an_entity_covers_the_boxes_of_its_words_only() -> None:
    person = _entity(EntityKind.PERSON, 3, 14)
    account = _entity(EntityKind.ACCOUNT, 20, 29)
    elsewhere = _entity(EntityKind.PERSON, 3, 14, page=1)
    found = page_highlights(PAGE, [elsewhere, person, account])
    assert [(h.index, h.kind) for h in found] == [(1, "person"), (2, "account")]
    assert found[0].boxes == (
        Box(left=40, top=10, width=40, height=20),
        Box(left=90, top=10, width=60, height=20),
    )
    assert [box.left for box in found[1].boxes] == [60, 110]


def test_a_text_layer_page_has_no_boxes_but_marked_text() -> None:
    layer = PAGE.model_copy(update={"words": (), "source": TextSource.TEXT_LAYER})
    person = _entity(EntityKind.PERSON, 3, 14)
    assert page_highlights(layer, [person]) == []
    segments = page_segments(layer, [person, _entity(EntityKind.PERSON, 8, 14)])
    assert [(s.text, s.index) for s in segments] == [
        ("Mr ", None),
        ("Ivan PETROV", 0),
        ("\nIBAN DE89 3704", None),
    ]


def test_every_entity_kind_has_its_own_letter_and_border_pattern() -> None:
    keys = [kind_key(kind.value) for kind in EntityKind]
    assert set(KIND_KEYS) == {kind.value for kind in EntityKind}
    assert len({key.letter for key in keys}) == len(keys)
    assert len({key.dashes for key in keys}) == len(keys)
    assert len({key.name for key in keys}) == len(keys)


def test_the_legend_names_each_kind_once_in_a_fixed_order() -> None:
    assert [key.kind for key in legend(["date", "person", "date", "account"])] == [
        "person",
        "account",
        "date",
    ]
    unknown = legend(["vessel_name"])[0]
    assert (unknown.letter, unknown.name, unknown.dashes) == ("V", "Vessel name", "")


def test_the_badge_stands_above_the_first_box() -> None:
    person = page_highlights(PAGE, [_entity(EntityKind.PERSON, 3, 14)])[0]
    badge = person.badge()
    assert (badge.left, badge.top + badge.height) == (40 - 4, 10 - 3)
    assert badge.width == badge.height == 24  # the smallest badge: 20 px high words
    authority = page_highlights(PAGE, [_entity(EntityKind.AUTHORITY, 3, 14)])[0]
    assert authority.badge().width > authority.badge().height  # two letters: "Au"
