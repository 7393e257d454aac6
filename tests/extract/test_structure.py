"""extract/structure.py: tick boxes with their state, their labels and questions; fields; headings."""

from __future__ import annotations

import pytest

from extract.structure import read_boxes, read_structure
from rogatory.records import BoxState, DocumentText, DrawnBox, PageText, TextSource, Word

TICKED, UNTICKED = BoxState.TICKED, BoxState.UNTICKED


def page(text: str, **extra: object) -> PageText:
    return PageText(number=1, text=text, source=TextSource.TEXT_LAYER, confidence=1.0, **extra)


def states(text: str) -> list[tuple[str, BoxState]]:
    return [(box.span.text, box.state) for box in read_boxes(page(text))]


# One Yes/No line per language and printed style: (line, [(label, state), ...]).
YES_NO = [
    ("Urgent: ☐ Yes   ☒ No", [("Yes", UNTICKED), ("No", TICKED)]),
    ("Urgence : ( ) oui   (x) non", [("oui", UNTICKED), ("non", TICKED)]),
    ("Urgente: [ ] Sí   [X] No", [("Sí", UNTICKED), ("No", TICKED)]),
    ("Urgente: □ Sim   ■ Não", [("Sim", UNTICKED), ("Não", TICKED)]),
    ("Срочно: [  ] Да   [✓] Нет", [("Да", UNTICKED), ("Нет", TICKED)]),
    ("عاجل: ( ) نعم   (x) لا", [("نعم", UNTICKED), ("لا", TICKED)]),
    ("Dringend: ☑ Ja   ☐ Nein", [("Ja", TICKED), ("Nein", UNTICKED)]),
    ("Urgente: [x] Sì   [ ] No", [("Sì", TICKED), ("No", UNTICKED)]),
]


@pytest.mark.parametrize(("line", "expected"), YES_NO)
def test_yes_no_boxes_in_each_language_and_style(line: str, expected: list[tuple[str, BoxState]]) -> None:
    assert states(line) == expected
    assert {box.question for box in read_boxes(page(line))} == {line.split(":", maxsplit=1)[0].strip()}


def test_an_option_label_span_runs_to_the_next_box() -> None:
    text = "3. Type of proceedings\n☒ criminal proceedings   ☐ civil proceedings\n"
    boxes = read_boxes(page(text))
    assert [(box.span.text, box.state) for box in boxes] == [
        ("criminal proceedings", TICKED),
        ("civil proceedings", UNTICKED),
    ]
    civil = boxes[1]
    assert text[civil.span.start : civil.span.end] == "civil proceedings"
    assert civil.question == "3. Type of proceedings"
    assert civil.method == "glyph"


def test_a_vertical_list_answers_the_heading_above() -> None:
    text = "5. Assistance requested\n[ ] banking information\n[X] hearing by videoconference\n"
    boxes = read_boxes(page(text))
    assert [(box.span.text, box.state, box.question) for box in boxes] == [
        ("banking information", UNTICKED, "5. Assistance requested"),
        ("hearing by videoconference", TICKED, "5. Assistance requested"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # OCR's readings of ☐ and ☒ on scans, beside other boxes.
        ("O expert evaluation\nC1 banking information\n", [UNTICKED, UNTICKED]),
        ("[.] Urgent: [“] For review [ ] Please reply", [UNTICKED, TICKED, UNTICKED]),
        ("criminal proceedings CO civil proceedings Ul administrative proceedings", [UNTICKED, UNTICKED]),
        ("[/] perquisition et saisie\n[ ] informations bancaires\n", [TICKED, UNTICKED]),
        # A ticked [X] as OCR renders it on scans: a lost bracket, a bar, a slashed O, a K for ☒.
        ("IX] criminal proceedings   [ ] civil proceedings", [TICKED, UNTICKED]),
        ("[X| Strafverfahren   [ ] Zivilverfahren", [TICKED, UNTICKED]),
        ("|X| examen d'objets\n[ ] perquisition\n", [TICKED, UNTICKED]),
        ("Urgente:  Ø Sí   [ ] No", [TICKED, UNTICKED]),
        ("K procedimiento penal\n[ ] procedimiento civil\n", [TICKED, UNTICKED]),
        ("Urgence : (X) oui   ( ) non", [TICKED, UNTICKED]),
    ],
)
def test_ocr_misreadings_of_boxes(text: str, expected: list[BoxState]) -> None:
    assert [state for _, state in states(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["Section IX. Other matters\n", "K. Müller, Prosecutor\nK Müller signed the request.\n"],
)
def test_roman_numerals_and_initials_are_no_ticked_boxes(text: str) -> None:
    assert states(text) == []


def test_words_that_look_like_misread_boxes_are_no_boxes_in_prose() -> None:
    text = (
        "O presente pedido é formulado pelo Ministério Público, Lisboa, a República Portuguesa.\n"
        "O Ministério Público dirige um inquérito contra João SILVA pela prática de corrupção.\n"
        "OBJETO E NATUREZA DO PROCESSO\n"
    )
    assert states(text) == []


def test_a_box_drawn_on_the_image_is_read_at_its_word() -> None:
    text = "Urgent For review"
    words = (
        Word(text="Urgent", left=40, top=10, width=60, height=12, confidence=0.9),
        Word(text="For", left=140, top=10, width=30, height=12, confidence=0.9),
        Word(text="review", left=175, top=10, width=60, height=12, confidence=0.9),
    )
    boxes = (
        DrawnBox(left=20, top=10, width=12, height=12, state=UNTICKED, ink=0.0, word=0),
        DrawnBox(left=120, top=10, width=12, height=12, state=TICKED, ink=0.4, word=1),
    )
    found = read_boxes(page(text, words=words, boxes=boxes))
    assert [(box.span.text, box.state, box.method) for box in found] == [
        ("Urgent", UNTICKED, "image"),
        ("For review", TICKED, "image"),
    ]


def ocr_word(text: str, left: int, width: int, confidence: float = 0.9) -> Word:
    """A word OCR read on one line (top 10, 12 pixels high)."""
    return Word(text=text, left=left, top=10, width=width, height=12, confidence=confidence)


def drawn(left: int, state: BoxState, word: int) -> DrawnBox:
    """A box drawn on that line, 13 pixels square, before the word of index ``word``."""
    return DrawnBox(
        left=left, top=10, width=13, height=13, state=state, ink=0.4 if state == TICKED else 0.0, word=word
    )


# OCR's readings of a drawn box itself, which stand in the text between two options.
@pytest.mark.parametrize("glyph", ["M", "OU", "NX]", "Cc"])
def test_what_ocr_read_on_a_drawn_box_is_no_part_of_the_option_before_it(glyph: str) -> None:
    text = f"Urgente: Sí {glyph} No"
    words = (
        ocr_word("Urgente:", 10, 80),
        ocr_word("Sí", 120, 20),
        ocr_word(glyph, 150, 10, 0.3),
        ocr_word("No", 170, 20),
    )
    boxes = (drawn(100, UNTICKED, 1), drawn(149, TICKED, 3))
    found = read_boxes(page(text, words=words, boxes=boxes))
    assert [(box.span.text, box.state, box.question) for box in found] == [
        ("Sí", UNTICKED, "Urgente"),
        ("No", TICKED, "Urgente"),
    ]


def test_a_word_beside_a_drawn_box_but_not_on_it_stays_in_the_option() -> None:
    text = "criminal proceedings civil proceedings"
    words = (
        ocr_word("criminal", 30, 70),
        ocr_word("proceedings", 105, 90),
        ocr_word("civil", 240, 40),
        ocr_word("proceedings", 285, 90),
    )
    boxes = (drawn(12, TICKED, 0), drawn(222, UNTICKED, 2))
    found = read_boxes(page(text, words=words, boxes=boxes))
    assert [(box.span.text, box.state) for box in found] == [
        ("criminal proceedings", TICKED),
        ("civil proceedings", UNTICKED),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "g) This warrant also pertains to the seizure and handing over of property which\n"
        "may be required as evidence:\n☐ Yes   ☒ No",
        "9) O presente mandado abrange igualmente a apreensão e a entrega de bens que\n"
        "possam servir de prova:\n[ ] Sim   [X] Não",
    ],
)
def test_a_question_wrapped_over_two_lines_is_read_whole(text: str) -> None:
    [yes, no] = read_boxes(page(text))
    assert yes.question == no.question == text.rsplit("\n", maxsplit=1)[0].rstrip(":")
    assert yes.question.startswith(("g) ", "9) "))


def test_a_question_does_not_run_into_the_sentence_above() -> None:
    text = "The suspect left the country in March and has not been seen since.\nUrgent:\n☐ Yes   ☒ No"
    [yes, _] = read_boxes(page(text))
    assert yes.question == "Urgent"


def test_fields_and_headings() -> None:
    text = (
        "1. Requesting authority\nName: Ethics Commission\n"
        "Номер: 12/26    Дата: 1 мая 2026\nالاسم: محمد\nDetails:\n"
    )
    structure = read_structure(DocumentText(pages=(page(text),)))
    assert [(f.label.text, f.value.text) for f in structure.fields] == [
        ("Name", "Ethics Commission"),
        ("Номер", "12/26"),
        ("الاسم", "محمد"),
        ("Details", ""),
    ]
    assert [(h.number, h.span.text) for h in structure.headings] == [("1.", "1. Requesting authority")]


# Word-processor forms print the box AFTER its option ("Yes ☐   No ☒"): (line, question, boxes).
BOXES_AFTER = [
    (
        "Is this request urgent?   Yes ☐   No ☒",
        "Is this request urgent?",
        [("Yes", UNTICKED), ("No", TICKED)],
    ),
    (
        "La demande est-elle urgente ?   Oui [ ]   Non [X]",
        "La demande est-elle urgente ?",
        [("Oui", UNTICKED), ("Non", TICKED)],
    ),
    (
        "¿Es urgente la solicitud?   Sí ☒   No ☐",
        "¿Es urgente la solicitud?",
        [("Sí", TICKED), ("No", UNTICKED)],
    ),
    ("O pedido é urgente?   Sim ( )   Não (x)", "O pedido é urgente?", [("Sim", UNTICKED), ("Não", TICKED)]),
    (
        "Является ли запрос срочным?   Да □   Нет ■",
        "Является ли запрос срочным?",
        [("Да", UNTICKED), ("Нет", TICKED)],
    ),
    ("هل الطلب عاجل؟   نعم ☐   لا ☒", "هل الطلب عاجل؟", [("نعم", UNTICKED), ("لا", TICKED)]),
    ("Eilbedürftig: Ja ☑   Nein ☐", "Eilbedürftig", [("Ja", TICKED), ("Nein", UNTICKED)]),
    (
        "La richiesta è urgente?   Sì [ ]   No [x]",
        "La richiesta è urgente?",
        [("Sì", UNTICKED), ("No", TICKED)],
    ),
]


@pytest.mark.parametrize(("line", "question", "expected"), BOXES_AFTER)
def test_boxes_printed_after_their_options_in_each_language(
    line: str, question: str, expected: list[tuple[str, BoxState]]
) -> None:
    boxes = read_boxes(page(line))
    assert [(box.span.text, box.state) for box in boxes] == expected
    assert {box.question for box in boxes} == {question}


def test_a_list_with_boxes_after_its_options_answers_the_line_above() -> None:
    text = (
        "Nature of the proceedings\n"
        "criminal investigation ☒   civil proceedings ☐\n"
        "administrative proceedings ☐\n"
    )
    assert [(box.span.text, box.state, box.question) for box in read_boxes(page(text))] == [
        ("criminal investigation", TICKED, "Nature of the proceedings"),
        ("civil proceedings", UNTICKED, "Nature of the proceedings"),
        ("administrative proceedings", UNTICKED, "Nature of the proceedings"),
    ]


def test_a_question_is_not_wrapped_over_the_fields_above() -> None:
    text = (
        "Запрашиваемое государство: Центральный орган запрашиваемого государства\n"
        "РАЗДЕЛ В: Срочность\n☐ Имущество может быть сокрыто\n☐ Арест необходим к определённой дате"
    )
    assert {box.question for box in read_boxes(page(text))} == {"РАЗДЕЛ В: Срочность"}


def test_boxes_drawn_after_their_options_on_a_scan() -> None:
    """ "Urgent:  Yes ☐   No ☒" with the boxes drawn: the first box stands before "No" (its
    word on the right), the last has no word on its right; each is read after its option."""
    text = "Urgent: Yes No"
    words = (ocr_word("Urgent:", 10, 70), ocr_word("Yes", 100, 30), ocr_word("No", 160, 20))
    boxes = (drawn(136, UNTICKED, 2), DrawnBox(left=186, top=10, width=13, height=13, state=TICKED, ink=0.4))
    found = read_boxes(page(text, words=words, boxes=boxes))
    assert [(box.span.text, box.state, box.question) for box in found] == [
        ("Yes", UNTICKED, "Urgent"),
        ("No", TICKED, "Urgent"),
    ]
