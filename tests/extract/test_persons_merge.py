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


# --- German nouns before a surname, a sentence of one word, abbreviations (s29-persons) ----------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das Gespräch führte der Botschafter Grandi mit dem Minister .", "Grandi"),  # a post's noun
        ("Dem Kläger wurde sein Sohn Eduard im Mai übergeben .", "Eduard"),  # a kinship's noun
        ("Die Regierung Mussolinis hat den Vertrag nicht gebilligt .", "Mussolinis"),  # a name's genitive
        ("Er verließ den Saal , als die Erklärung Chamberlains verlesen wurde .", "Chamberlains"),
    ],
)
def test_a_surname_after_a_german_noun_that_names_persons(rules: PersonRules, text: str, name: str) -> None:
    assert _kept(text, rules, name) == [name]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a judge's surname under a decision, the decision's lines run together
        ("Die Revision ist unbegründet . Schäfer Die Kosten trägt der Kläger .", "Schäfer", ["Schäfer"]),
        ("Die Revision wird als unbegründet zurückgewiesen . Vogelsang", "Vogelsang", ["Vogelsang"]),
        ("Das Urteil wird aufgehoben . Botur Mit Beschluss vom 3. Mai wurde die Sache mit den Akten "
         "zurückverwiesen .", "Botur", ["Botur"]),
        # a sentence's first word before a noun or a verb says nothing
        ("Die Klage wird abgewiesen . Kosten Entscheidung folgt nach .", "Kosten", []),
        ("Es wurde bezahlt . Notifier sagte dann aus .", "Notifier", []),
        # the same surname alone on its line is the signature kept apart
        ("Die Revision wird zurückgewiesen.\nSchäfer\n", "Schäfer", []),
    ],
)  # fmt: skip
def test_a_sentence_of_one_surname(rules: PersonRules, text: str, name: str, expected: list[str]) -> None:
    assert _kept(text, rules, name) == expected


def test_a_colon_far_back_in_a_paragraph_makes_no_field(rules: PersonRules) -> None:
    text = "Sachverhalt: Nach den Ermittlungen der Polizei hob der Beschuldigte mit Lunelli das Geld ab ."
    assert _kept(text, rules, "Lunelli") == ["Lunelli"]
    assert _kept("Date de naissance: 8 octobre 1956; Lieu de naissance: Abuja", rules, "Abuja") == []


def test_a_full_stop_after_an_abbreviation_starts_no_sentence(rules: PersonRules) -> None:
    text = "Le navire Moïse , c. Fizel , venant de Brest , est arrivé hier ."
    assert _kept(text, rules, "Fizel") == ["Fizel"]
    assert _kept("Il fut condamné hier . Allanet est condamné à un an .", rules, "Allanet") == []


def test_a_capitalised_particle_opens_the_name(rules: PersonRules) -> None:
    text = "Puis , après avoir développé ce thème , M. Le Bourdellès a continué en faisant l' éloge ."
    assert _kept(text, rules, "M. Le Bourdellès") == ["Le Bourdellès"]


def test_initials_the_model_tags_take_the_surname_after_them(rules: PersonRules) -> None:
    assert _kept("Der Zeuge K. Reiter sagte am Montag aus .", rules, "K.") == ["K. Reiter"]
    signature = "Mit freundlichen Grüßen\nDr. K. Reiter\nStaatsanwältin\nZentrale Staatsanwaltschaft\n"
    assert _kept(signature, rules, "K.") == []


def test_an_advocates_abbreviation_and_a_heading_are_no_persons(rules: PersonRules) -> None:
    assert _kept("For the Board : Mr. Lalit Kishore, Sr. Adv. with Mr. Gyan Shankar", rules, "Adv") == [
        "Gyan Shankar",
        "Lalit Kishore",
    ]
    text = "4. Background\nDaniel GALEA served as Permanent Secretary of the Ministry of Roads.\n"
    assert _kept(text, rules) == ["Daniel GALEA"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SECTION I : Formalités demandées\n( ) Veuillez respecter les formalités suivantes :", "Veuillez"),
        ("et les mis en cause ont été entendus.\nIV. Dispositions légales et peine encourue", "Dispositions"),
        ("ABSCHNITT L: Unterschrift\nDr. K. Reiter\nSeite 2", "K."),  # a signature with its honorific
        ("Fax: +99 20 555 0142\nVon: Dr. K. Reiter\nDatum: 5. Mai 2026", "K."),  # a fax's sender
    ],
)
def test_a_tick_box_a_roman_number_a_signature_a_sender(rules: PersonRules, text: str, name: str) -> None:
    assert _kept(text, rules, name) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("registered office at 87, Dr. Annie Besant Road, Worli, Mumbai", "Annie Besant"),
        ("a resident of Plot No. 8E, Road No. 12, Rajendra Nagar, Patna", "Rajendra"),
        ("New Delhi, Cic Bhawan, Baba Ganganath Marg, Munirka", "Baba Ganganath"),
    ],
)
def test_a_name_before_a_street_word_is_the_streets(rules: PersonRules, text: str, name: str) -> None:
    assert _kept(text, rules, name) == []


# --- a name after the request's own official's post is the official ----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Il Giudice per le indagini preliminari, dott.ssa Anna Ferrante, nel procedimento", "Anna Ferrante"),
        ("1. AUTORIDAD: Fiscalía. Fiscal responsable: Dra. Carmen Salas Ríos. Lima.", "Carmen Salas Ríos"),
        ("Palermo, 11 maggio 2026   Il Sostituto Procuratore, dott. Giovanni Amato", "Giovanni Amato"),
        ("Срочно.\nЗаместитель Генерального прокурора   С. В. Лукашевич\n05.05.2026", "С. В. Лукашевич"),
        ("Le procureur de la République, M. Paul Arnaud, sollicite l'audition", "Paul Arnaud"),
    ],
)  # fmt: skip
def test_a_name_after_its_post_set_apart_or_on_a_signature_line_is_the_official(
    rules: PersonRules, text: str, name: str
) -> None:
    assert _kept(text, rules, name) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Es entschieden der Vorsitzende Richter Prof. Dr. Hacker sowie der Richter Merzbach .", "Merzbach"),
        ("unter Mitwirkung der Richter Merzbach , Dr. Meiser und Schödel beschlossen :", "Meiser"),
        ("The statement was recorded by Inspector Mwangi on the same day.", "Mwangi"),
        ("In Prosecutor v. Mary JONES the court held that the evidence was admissible.", "Mary JONES"),
        ("The public prosecutor charged John SMITH with bribery.", "John SMITH"),
    ],
)  # fmt: skip
def test_a_post_in_prose_keeps_the_person(rules: PersonRules, text: str, name: str) -> None:
    assert name in _kept(text, rules, name)
