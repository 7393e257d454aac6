"""How the rules merge a model's persons (issue 15), with the model's reading given: what the model
tags as a person is kept or dropped by the merge alone, whatever pipeline is installed."""

from __future__ import annotations

import pytest

from extract.person_resolution import resolve_persons
from extract.persons import PersonRules, SingleWords, find_person_mentions, load_person_rules, model_mentions
from extract.russian_ner import NerReading, NerSpan
from extract.transliteration import needs_transliteration


@pytest.fixture(scope="module")
def rules() -> PersonRules:
    return load_person_rules()


def _reading(text: str, *names: str) -> NerReading:
    """A model's reading of ``text`` that tags each of ``names`` (their first place) as a person."""
    spans = []
    for name in names:
        start = text.index(name)
        spans.append(NerSpan("PER", start, start + len(name)))
    return NerReading(text=text, ents=tuple(spans))


def _kept(text: str, rules: PersonRules, *names: str, single: SingleWords = "inside") -> list[str]:
    """The persons the merge keeps of the model's ``names`` (rules and model, one page)."""
    mentions = model_mentions(
        text, page=1, nlp=None, rules=rules, doc=_reading(text, *names), single_words=single
    )
    mentions += find_person_mentions(text, page=1, rules=rules)
    return sorted({entity.value for entity in resolve_persons(mentions)})


# --- a model's person with no cue is kept in prose, in every language ---------------------------------


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a surname alone inside a sentence (a list of surnames, a surname after a verb)
        ("Es erschienen Ciarlantini , Lunelli und der Kläger vor Gericht .", ("Ciarlantini", "Lunelli"),
         ["Ciarlantini", "Lunelli"]),
        ("A petição foi assinada por Ferreira , que a apresentou ao tribunal .", ("Ferreira",), ["Ferreira"]),
        ("le député Limon , qui présidait la réunion , a pris la parole .", ("Limon",), ["Limon"]),
        ("La denuncia fue presentada por Castillo contra la sociedad .", ("Castillo",), ["Castillo"]),
        # initials between lower-case words, with or without a full stop
        ("Da die von B. ausgeübte Tätigkeit nicht zu berücksichtigen ist .", ("B.",), ["B."]),
        ("Soweit die von A erbrachten Reisevorleistungen betroffen sind .", ("A",), ["A"]),
        # a name the model ran on into a number and the next sentence's first word
        ("GABINETE DO DESEMBARGADOR SILVANIO BARBOSA DOS SANTOS 26 Conforme relatado nos autos .",
         ("SILVANIO BARBOSA DOS SANTOS 26 Conforme",), ["SILVANIO BARBOSA DOS SANTOS"]),
        # a name before a colon (an interview's speaker) and before a title or an abbreviation
        ("Вопрос о полномочиях.\nМустафа Джемилев: Да, всё верно, сказал он.", ("Мустафа Джемилев",),
         ["Мустафа Джемилев"]),
        ("Brasília , 16 de março de 2018 . RICARDO LEWANDOWSKI RELATOR 2 Documento assinado",
         ("RICARDO LEWANDOWSKI",), ["RICARDO LEWANDOWSKI"]),
        ("RELATOR : MIN . RICARDO LEWANDOWSKI AGTE . ( S ) : UNIÃO e outros recorrem da decisão",
         ("RICARDO LEWANDOWSKI",), ["RICARDO LEWANDOWSKI"]),
        # initials before a surname after an honorific, in a list that is no prose
        ("Appellant\nThrough: Mr. S.P. Jain, Mr. R. Sudhakaran, Adv.", ("S.P. Jain",), ["S.P. Jain"]),
        # a field's value with another field after it on its line
        ("Fecha de Ingreso: 10/06/2016.\nMédico: Alberto Palacios Hernández   NºCol: 28 28 09867.",
         ("Alberto Palacios Hernández",), ["Alberto Palacios Hernández"]),
        ("قال خليل السكاكيني في مذكراته إن الحرب طويلة", ("خليل السكاكيني",), ["خليل السكاكيني"]),
    ],
)  # fmt: skip
def test_a_models_person_in_prose_is_kept(
    rules: PersonRules, text: str, names: tuple[str, ...], expected: list[str]
) -> None:
    assert _kept(text, rules, *names) == expected


def test_a_surname_alone_at_a_sentences_start_only_where_the_model_writes_them_so(rules: PersonRules) -> None:
    assert _kept("Лужков заявил, что акция не согласована.", rules, "Лужков", single="anywhere") == ["Лужков"]
    assert _kept("Лужков заявил, что акция не согласована.", rules, "Лужков") == []
    assert _kept("Es wurde bezahlt. Fischer sagte dann aus.", rules, "Fischer", single="") == []


# --- a word the model calls a person that is none --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2. Notifier à Frédéric Roussel la décision du 7 août 2025.", "Notifier"),  # a sentence's first word
        ("SECTION I\n☑ Veuillez garder la présente DEE confidentielle", "Veuillez"),  # after a tick box
        ("[✓] Veuillez respecter les formalités suivantes", "Veuillez"),
        ("Date de naissance: 8 octobre 1956; Lieu de naissance: Abuja", "Lieu"),  # a field after a semicolon
        (
            "desempeñó el cargo de gerente de la Bundesbeschaffungsstelle desde 2017",
            "Bundesbeschaffungsstelle",
        ),
        ("Danach bot er einem Zeugen Geld für eine Falschaussage an.", "Geld"),  # a noun after a noun
        ("transferred to the account MU40 COUP 4930 2304 1029 8920 000E UR on 5 May", "COUP"),  # an acronym
        (
            "punishable under the Prevention of Corruption Act, Cap.\n329, and the rules",
            "Cap",
        ),  # an abbreviation
        ("titulada por Northwind Maritime Ltd (Valletta\nMerchant Bank plc, Malta).", "Valletta"),  # a bank
        (
            "los fondos de su cuenta en Banco del Pacífico (San José, Costa Rica) a la cuenta",
            "José",
        ),  # a city
        ("The money was sent to Nairobi and then onwards to London.", "Nairobi"),
    ],
)
def test_one_word_the_model_calls_a_person_is_none(rules: PersonRules, text: str, name: str) -> None:
    assert _kept(text, rules, name) == []


def test_a_name_cut_out_of_a_company_is_still_no_person(rules: PersonRules) -> None:
    text = "Die Überweisung ging an die Meridian Trust Bank in Frankfurt am Main."
    assert _kept(text, rules, "Meridian Trust") == []


# --- a full name as a form field's value, in every script, with its role --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الاسم الكامل: طارق إبراهيم النجار;  الصفة: شاهد\nتاريخ الميلاد: 22 أبريل 1962",
         [("طارق إبراهيم النجار", "شاهد")]),
        ("اسم المشتبه به: سامي خالد الدوري\nالجنسية: عراقي", [("سامي خالد الدوري", "المشتبه به")]),
        ("Nom complet: Jean Pierre Martin;  Qualité: mis en cause", [("Jean Pierre Martin", "mis en cause")]),
        ("E.1 Nombre completo: Verónica Sánchez Jiménez\nDomicilio: Calle Mayor 5",
         [("Verónica Sánchez Jiménez", "")]),
        # not a person: a company in a name's field, a name split over fields, a label that asks for no name
        ("Name: Bank of Cyprus\nAddress: 1 Main Street", []),
        ("Nombre: Pedro\nApellidos: García Pérez\n", []),
        ("Nationalité: Jean Pierre Martin\n", []),
    ],
)  # fmt: skip
def test_a_full_name_in_a_name_field(rules: PersonRules, text: str, expected: list[tuple[str, str]]) -> None:
    persons = resolve_persons(find_person_mentions(text, page=1, rules=rules))
    assert sorted({(entity.value, str(entity.attributes.get("role", ""))) for entity in persons}) == expected


def test_an_arabic_name_in_a_field_has_its_latin_spelling(rules: PersonRules) -> None:
    persons = resolve_persons(find_person_mentions("الاسم: أحمد محمود الخطيب\n", page=1, rules=rules))
    assert [entity.value for entity in persons] == ["أحمد محمود الخطيب"]
    assert needs_transliteration(persons[0].value)
    assert str(persons[0].attributes["latin"]).startswith("Ahmd")


# --- Arabic persons in prose after a cue: a name ends at its family name, "و" begins the next -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تباشر النيابة العامة تحقيقاً جنائياً في القضية رقم 2080/2025 ضد فاطمة علي الزعبي ويوسف حسين الشمري"
            " بتهمة الرشوة في القطاع الخاص.",
            ["فاطمة علي الزعبي", "يوسف حسين الشمري"],
        ),
        (
            "تباشر النيابة العامة التحقيق ضد يوسف سعيد العبيدي بتهمة رشوة موظف عمومي أجنبي",
            ["يوسف سعيد العبيدي"],
        ),
        # a company after the cue is no person, nor are words with no family name among them
        ("حول المبلغ ضد شركة النور للتجارة في دبي", []),
        ("صدر الحكم ضد هذا القرار أمس", []),
    ],
)
def test_arabic_persons_after_a_cue_in_prose(rules: PersonRules, text: str, expected: list[str]) -> None:
    persons = resolve_persons(find_person_mentions(text, page=1, rules=rules))
    assert sorted({entity.value for entity in persons}) == expected
    assert all(entity.attributes.get("latin") for entity in persons)


def test_a_surname_at_a_sentences_start_that_the_model_tags_inside_one(rules: PersonRules) -> None:
    text = "Es sprachen Mazzolini und Lunelli vor. Lunelli sagte dann aus."
    starts = (text.index("Lunelli"), text.rindex("Lunelli"))
    reading = NerReading(
        text=text, ents=tuple(NerSpan("PER", start, start + len("Lunelli")) for start in starts)
    )
    mentions = model_mentions(text, page=1, nlp=None, rules=rules, doc=reading, single_words="inside")
    assert sorted(mention.start for mention in mentions) == list(starts)
    alone = "Es wurde bezahlt. Notifier sagte dann aus."
    reading = _reading(alone, "Notifier")
    assert model_mentions(alone, page=1, nlp=None, rules=rules, doc=reading, single_words="inside") == []


@pytest.mark.parametrize(
    "text",
    [
        "يتعين سماع أقوال الشهود أو المشتبه بهم ضد الشهود أو المشتبه بهم",
        "طلب ضد المدعو هشام عبد الرحمن وأخرين",
    ],
)
def test_arabic_words_after_a_cue_that_begin_with_the_article_are_no_name(
    rules: PersonRules, text: str
) -> None:
    assert resolve_persons(find_person_mentions(text, page=1, rules=rules)) == []


# --- Arabic words alone, Russian form labels, officials after an Arabic comma --------------------------


def test_an_arabic_name_alone_is_kept_where_a_sentence_starts_too(rules: PersonRules) -> None:
    # Arabic writes no capitals: the one word the model tags is a name at a sentence's start too
    text = "وأضاف بلازي أن هناك حاجة طارئة. وقال بلير إن المسألة خطيرة."
    assert _kept(text, rules, "بلازي", "بلير") == ["بلازي", "بلير"]


def test_the_first_noun_of_an_arabic_phrase_is_no_name(rules: PersonRules) -> None:
    # "سلامة التحقيق": the integrity of the investigation (Salama is also a given name)
    text = "وعدم إبلاغ الأشخاص المعنيين به حفاظاً على سلامة\nالتحقيق.\nوتفضلوا بقبول فائق الاحترام."
    assert _kept(text, rules, "سلامة") == []
    assert _kept("مع الشكر على حسن تعاونكم وتعهدنا بالمعاملة بالمثل.", rules, "حسن") == []


@pytest.mark.parametrize(
    "label",
    ["Процессуальное положение: подозреваемый", "Изложение оснований и краткое описание обстоятельств дела:",
     "Лица, в отношении которых направлен запрос:", "2. Основания срочности / срок исполнения: 1 июня"],
)  # fmt: skip
def test_the_first_word_of_a_forms_label_is_no_surname(rules: PersonRules, label: str) -> None:
    word = label.removeprefix("2. ").split()[0].rstrip(",")
    assert _kept(f"РАЗДЕЛ F\n{label}\n", rules, word, single="anywhere") == []


def test_a_name_field_listing_the_names_parts_gives_the_full_name(rules: PersonRules) -> None:
    text = "Адрес: 20 Old Mill Road, Бишкек\nФамилия, имя, отчество: Морозов Игорь Андреевич\n"
    assert _kept(text, rules) == ["Морозов Игорь Андреевич"]
    assert _kept("Nom et prénom : DUBOIS Marc Antoine\n", rules) == ["DUBOIS Marc Antoine"]


def test_an_arabic_official_before_a_post_after_an_arabic_comma_is_no_person(rules: PersonRules) -> None:
    text = "يتشرف المستشار هشام عبد الرحمن، المحامي العام الأول لدى هيئة النزاهة، بأن يطلب المساعدة."
    assert _kept(text, rules, "هشام عبد الرحمن") == []
    form = "اسم الجهة: هيئة النزاهة ومكافحة الفساد\nويمثلها: القاضي سعد الدليمي, رئيس الهيئة\n"
    assert _kept(form, rules, "سعد الدليمي") == []
