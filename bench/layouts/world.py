"""States, authorities, names, banks, account numbers and dates, per language."""

from __future__ import annotations

import random
import string
from datetime import date

# state code -> (state name as written in the language, authority, city, eu member)
STATES = {
    "en": {
        "IE": ("Ireland", "Office of the Director of Public Prosecutions", "Dublin", True),
        "MT": ("the Republic of Malta", "Office of the Attorney General", "Valletta", True),
        "CY": ("the Republic of Cyprus", "Law Office of the Republic", "Nicosia", True),
        "NG": ("the Federal Republic of Nigeria", "Economic and Financial Crimes Commission", "Abuja", False),
        "KE": ("the Republic of Kenya", "Ethics and Anti-Corruption Commission", "Nairobi", False),
        "GB": ("the United Kingdom", "Serious Fraud Office", "London", False),
    },
    "fr": {
        "FR": ("la République française", "Parquet national financier", "Paris", True),
        "BE": ("le Royaume de Belgique", "Parquet fédéral", "Bruxelles", True),
        "LU": ("le Grand-Duché de Luxembourg", "Parquet du tribunal d'arrondissement", "Luxembourg", True),
        "SN": ("la République du Sénégal", "Parquet financier du Pool judiciaire financier", "Dakar", False),
        "CI": ("la République de Côte d'Ivoire", "Pôle pénal économique et financier", "Abidjan", False),
    },
    "es": {
        "ES": (
            "el Reino de España",
            "Fiscalía Especial contra la Corrupción y la Criminalidad Organizada",
            "Madrid",
            True,
        ),
        "AR": (
            "la República Argentina",
            "Procuraduría de Investigaciones Administrativas",
            "Buenos Aires",
            False,
        ),
        "CO": ("la República de Colombia", "Fiscalía General de la Nación", "Bogotá", False),
        "PE": (
            "la República del Perú",
            "Fiscalía Supraprovincial Especializada en Delitos de Corrupción de Funcionarios",
            "Lima",
            False,
        ),
        "MX": (
            "los Estados Unidos Mexicanos",
            "Fiscalía Especializada en Combate a la Corrupción",
            "Ciudad de México",
            False,
        ),
    },
    "pt": {
        "PT": ("a República Portuguesa", "Departamento Central de Investigação e Ação Penal", "Lisboa", True),
        "BR": ("a República Federativa do Brasil", "Ministério Público Federal", "Brasília", False),
        "AO": ("a República de Angola", "Procuradoria-Geral da República", "Luanda", False),
        "MZ": ("a República de Moçambique", "Gabinete Central de Combate à Corrupção", "Maputo", False),
    },
    "ru": {
        "RU": ("Российская Федерация", "Генеральная прокуратура Российской Федерации", "Москва", False),
        "KZ": (
            "Республика Казахстан",
            "Агентство Республики Казахстан по противодействию коррупции",
            "Астана",
            False,
        ),
        "BY": ("Республика Беларусь", "Генеральная прокуратура Республики Беларусь", "Минск", False),
        "KG": ("Кыргызская Республика", "Генеральная прокуратура Кыргызской Республики", "Бишкек", False),
    },
    "ar": {
        "EG": ("جمهورية مصر العربية", "النيابة العامة - مكتب التعاون الدولي", "القاهرة", False),
        "JO": ("المملكة الأردنية الهاشمية", "هيئة النزاهة ومكافحة الفساد", "عمّان", False),
        "IQ": ("جمهورية العراق", "هيئة النزاهة الاتحادية", "بغداد", False),
        "AE": ("دولة الإمارات العربية المتحدة", "النيابة العامة الاتحادية", "أبوظبي", False),
        "MA": ("المملكة المغربية", "رئاسة النيابة العامة", "الرباط", False),
    },
    "de": {
        "DE": (
            "die Bundesrepublik Deutschland",
            "Staatsanwaltschaft Frankfurt am Main",
            "Frankfurt am Main",
            True,
        ),
        "AT": (
            "die Republik Österreich",
            "Zentrale Staatsanwaltschaft zur Verfolgung von Wirtschaftsstrafsachen und Korruption",
            "Wien",
            True,
        ),
        "CH": ("die Schweizerische Eidgenossenschaft", "Bundesanwaltschaft", "Bern", False),
        "LI": ("das Fürstentum Liechtenstein", "Fürstliche Staatsanwaltschaft", "Vaduz", False),
    },
    "it": {
        "IT": (
            "la Repubblica Italiana",
            "Procura della Repubblica presso il Tribunale di Milano",
            "Milano",
            True,
        ),
        "SM": (
            "la Repubblica di San Marino",
            "Tribunale Unico della Repubblica di San Marino",
            "San Marino",
            False,
        ),
    },
}

# person names per language: (given names, surnames); written as the language writes them
NAMES = {
    "en": (
        [
            "Declan",
            "Siobhan",
            "Aoife",
            "Ciarán",
            "Joseph",
            "Grace",
            "Chinedu",
            "Amaka",
            "Wanjiru",
            "Kipchoge",
            "Margaret",
            "Daniel",
        ],
        [
            "O'SULLIVAN",
            "BRENNAN",
            "GALEA",
            "CAMILLERI",
            "OKAFOR",
            "ADEYEMI",
            "KAMAU",
            "OTIENO",
            "HARGREAVES",
            "DOYLE",
        ],
    ),
    "fr": (
        [
            "Jean-Luc",
            "Sylvie",
            "Mamadou",
            "Aminata",
            "Olivier",
            "Nathalie",
            "Koffi",
            "Thierry",
            "Isabelle",
            "Moussa",
        ],
        [
            "LEFEBVRE",
            "DIALLO",
            "NDIAYE",
            "KOUASSI",
            "MARCHAND",
            "VAN DAMME",
            "SCHMIT",
            "TRAORÉ",
            "GIRARD",
            "PEETERS",
        ],
    ),
    "es": (
        [
            "María José",
            "Juan Carlos",
            "Alejandro",
            "Lucía",
            "Fernando",
            "Ana Belén",
            "Jorge Luis",
            "Verónica",
            "Rodrigo",
        ],
        [
            "GARCÍA LÓPEZ",
            "FERNÁNDEZ RUIZ",
            "QUISPE MAMANI",
            "RODRÍGUEZ PEÑA",
            "MARTÍN SOTO",
            "HERNÁNDEZ VEGA",
            "CASTRO IBÁÑEZ",
        ],
    ),
    "pt": (
        [
            "João Paulo",
            "Maria da Conceição",
            "António",
            "Luísa",
            "Rui",
            "Fernanda",
            "Manuel",
            "Teresa",
            "Edson",
            "Adelino",
        ],
        [
            "SILVA PEREIRA",
            "SANTOS",
            "COSTA MONTEIRO",
            "FERREIRA",
            "MACHAVA",
            "DOS SANTOS",
            "OLIVEIRA",
            "CUMBE",
        ],
    ),
    "ar": (
        ["محمد", "أحمد", "خالد", "يوسف", "سامي", "عمر", "فاطمة", "ليلى", "حسن", "طارق"],
        [
            "عبد الله الحسيني",
            "إبراهيم النجار",
            "سعيد العبيدي",
            "محمود الخطيب",
            "علي الزعبي",
            "حسين الشمري",
            "مصطفى المصري",
        ],
    ),
    "de": (
        [
            "Thomas",
            "Sabine",
            "Markus",
            "Andrea",
            "Stefan",
            "Claudia",
            "Jürgen",
            "Katharina",
            "Florian",
            "Ursula",
        ],
        [
            "MÜLLER",
            "HUBER",
            "WAGNER",
            "GRUBER",
            "SCHNEIDER",
            "BRANDSTÄTTER",
            "KELLER",
            "FRITSCHE",
            "BAUMGARTNER",
        ],
    ),
    "it": (
        ["Giuseppe", "Francesca", "Alessandro", "Chiara", "Marco", "Giovanna", "Luca", "Paola", "Davide"],
        ["ROSSI", "ESPOSITO", "BIANCHI", "COLOMBO", "RICCI", "DE LUCA", "MARINO", "GALLO", "FONTANA"],
    ),
}
# Russian names are Фамилия Имя Отчество with gender agreement
RU_MALE = (
    ["Алексей", "Дмитрий", "Сергей", "Игорь", "Нурлан", "Азамат"],
    ["Андреевич", "Викторович", "Петрович", "Серикович"],
    ["Соколов", "Кузнецов", "Морозов", "Волков", "Беляев", "Ахметов"],
)
RU_FEMALE = (
    ["Елена", "Ольга", "Айгерим", "Наталья", "Татьяна"],
    ["Андреевна", "Викторовна", "Петровна", "Сериковна"],
    ["Соколова", "Кузнецова", "Морозова", "Волкова", "Беляева", "Ахметова"],
)

COMPANIES = {
    "en": [
        "Harbourview Holdings Ltd",
        "Kestrel Engineering Ltd",
        "Blue Lagoon Trading Ltd",
        "Savannah Infrastructure Partners Ltd",
    ],
    "fr": [
        "Société Atlantique de Travaux SA",
        "Sahel Équipements SARL",
        "Groupe Lumière Immobilier SAS",
        "Ivoire Négoce SA",
    ],
    "es": [
        "Constructora Andina S.A.",
        "Inversiones del Pacífico S.L.",
        "Servicios Integrales Omega S.A. de C.V.",
        "Grupo Cóndor S.A.",
    ],
    "pt": [
        "Construtora Atlântico, Lda.",
        "Tropical Engenharia S.A.",
        "Kwanza Logística, Lda.",
        "Serra Verde Participações Ltda.",
    ],
    "ru": ["ООО «СтройИнвест»", "АО «ТрансЛогистик»", "ТОО «Казмунайсервис-Капитал»", "ООО «Восток-Ресурс»"],
    "ar": [
        "شركة النخبة للمقاولات",
        "شركة الأفق للتجارة العامة",
        "مجموعة الرافدين للاستثمار",
        "شركة الواحة للإنشاءات",
    ],
    "de": ["Alpen Bau GmbH", "Rheintal Consulting AG", "Nordstern Handels GmbH", "Donau Infrastruktur GmbH"],
    "it": [
        "Edilnord S.p.A.",
        "Adriatica Servizi S.r.l.",
        "Consorzio Lombardo Appalti S.c.a.r.l.",
        "Tirreno Costruzioni S.r.l.",
    ],
}
# banks of the Reference State (fictional) where the accounts are held
BANKS = [
    "Lindmark National Bank",
    "Eastbridge Savings Bank",
    "Valmont Private Bank",
    "Reference Commercial Bank",
]

# IBAN structure per country: BBAN pattern, n = digit, a = upper letter, c = alphanumeric
IBAN_BBAN = {
    "IE": "aaaannnnnnnnnnnnnn",
    "MT": "aaaannnnncccccccccccccccccc",
    "CY": "nnnnnnnncccccccccccccccc",
    "GB": "aaaannnnnnnnnnnnnn",
    "FR": "nnnnnnnnnnnnnnnnnnnnnnn",
    "BE": "nnnnnnnnnnnn",
    "LU": "nnnccccccccccccc",
    "SN": "annnnnnnnnnnnnnnnnnnnnnnn",
    "CI": "annnnnnnnnnnnnnnnnnnnnnnn",
    "ES": "nnnnnnnnnnnnnnnnnnnn",
    "PT": "nnnnnnnnnnnnnnnnnnnnn",
    "BR": "nnnnnnnnnnnnnnnnnnnnnnnac",
    "AO": "nnnnnnnnnnnnnnnnnnnnn",
    "MZ": "nnnnnnnnnnnnnnnnnnnnn",
    "KZ": "nnnccccccccccccc",
    "BY": "ccccnnnnccccccccccccccccc",
    "EG": "nnnnnnnnnnnnnnnnnnnnnnnnn",
    "JO": "aaaannnnccccccccccccccccccc"[:26],
    "IQ": "aaaannnnnnnnnnnnnnn",
    "AE": "nnnnnnnnnnnnnnnnnnn",
    "DE": "nnnnnnnnnnnnnnnnnn",
    "AT": "nnnnnnnnnnnnnnnn",
    "CH": "nnnnnccccccccccccc"[:17],
    "LI": "nnnnnccccccccccccc"[:17],
    "IT": "annnnnnnnnncccccccccccc",
    "SM": "annnnnnnnnncccccccccccc",
    "VG": "aaaannnnnnnnnnnnnnnn",
    "SC": "aaaannnnnnnnnnnnnnnnnnnnaaa",
    "MU": "aaaannnnnnnnnnnnnnnnnnnnaaa",
    "LT": "nnnnnnnnnnnnnnnn",
}
OFFSHORE = ["VG", "SC", "MU", "CY", "LU", "CH", "LI", "AE"]


def iban(rng: random.Random, cc: str) -> str:
    pat = IBAN_BBAN[cc]
    bban = "".join(
        rng.choice(string.digits)
        if p == "n"
        else rng.choice(string.ascii_uppercase)
        if p == "a"
        else rng.choice(string.digits + string.ascii_uppercase)
        for p in pat
    )
    num = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    check = 98 - int(num) % 97
    return f"{cc}{check:02d}{bban}"


def iban_valid(s: str) -> bool:
    s = s.replace(" ", "").upper()
    num = "".join(str(int(ch, 36)) for ch in s[4:] + s[:4])
    return int(num) % 97 == 1


def iban_paper(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def national_account(rng: random.Random, cc: str) -> tuple[str, str]:
    """(as printed, label) for a national account number of the requesting state or the Reference State."""

    def d(n):
        return "".join(rng.choice(string.digits) for _ in range(n))

    if cc == "RU":
        s = "40817810" + d(12)
        return s, s
    if cc == "KG":
        s = "1240" + d(12)
        return s, s
    if cc == "MX":
        s = f"{d(3)} {d(3)} {d(11)} {d(1)}"
        return s, s.replace(" ", "")
    if cc == "AR":
        s = d(22)
        return s, s
    if cc in ("NG",):
        s = d(10)
        return s, s
    if cc in ("KE",):
        s = d(13)
        return s, s
    if cc in ("CO", "PE"):
        s = f"{d(3)}-{d(6)}-{d(2)}"
        return s, s
    if cc == "MA":
        s = f"{d(3)} {d(3)} {d(16)} {d(2)}"
        return s, s.replace(" ", "")
    # Reference State style accounts, as in the reference corpora
    s = f"{d(4)}-{d(4)}-{d(2)}"
    return s, s


MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "pt": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "ar": [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    "ar_levant": [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
}


def fmt_date(d: date, lang: str, style: int = 0, state: str = "") -> str:
    """A date as the language writes it; style 0 = words, 1 = numeric, 2 = a variant."""
    m = MONTHS[lang][d.month - 1]
    if style == 1:
        if lang in ("ru", "de"):
            return f"{d.day:02d}.{d.month:02d}.{d.year}"
        if lang == "ar":
            return f"{d.year}/{d.month:02d}/{d.day:02d}"
        if lang == "en" and state in ("GB", "IE", "MT", "CY", "NG", "KE"):
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if lang == "en":
        return (
            f"{d.day} {m} {d.year}"
            if style == 0
            else f"{d.day}{'th' if 4 <= d.day <= 20 or d.day % 10 > 3 or d.day % 10 == 0 else ['st', 'nd', 'rd'][d.day % 10 - 1]} {m} {d.year}"
        )
    if lang == "fr":
        day = "1er" if d.day == 1 else str(d.day)
        return f"{day} {m} {d.year}"
    if lang in ("es", "pt"):
        return f"{d.day} de {m} de {d.year}"
    if lang == "ru":
        return f"{d.day} {m} {d.year} г." if style == 0 else f"«{d.day:02d}» {m} {d.year} года"
    if lang == "ar":
        if style == 2 or state in ("JO", "IQ", "LB", "SY"):
            return f"{d.day} {MONTHS['ar_levant'][d.month - 1]} {d.year}"
        return f"{d.day} {m} {d.year}"
    if lang == "de":
        return f"{d.day}. {m} {d.year}"
    if lang == "it":
        return f"{d.day} {m} {d.year}" if d.day != 1 else f"1° {m} {d.year}"
    raise KeyError(lang)


def person_name(rng: random.Random, lang: str, used: set) -> tuple[str, str, str, str]:
    """(full name as written, surname, given names, sex M/F)."""
    for _ in range(100):
        if lang == "ru":
            sex = rng.choice("MF")
            g, p, s = RU_MALE if sex == "M" else RU_FEMALE
            sur, given, pat = rng.choice(s), rng.choice(g), rng.choice(p)
            full = f"{sur} {given} {pat}"
            res = (full, sur, f"{given} {pat}", sex)
        elif lang == "ar":
            given, sur = rng.choice(NAMES["ar"][0]), rng.choice(NAMES["ar"][1])
            sex = "F" if given in ("فاطمة", "ليلى") else "M"
            res = (f"{given} {sur}", sur, given, sex)
        else:
            given, sur = rng.choice(NAMES[lang][0]), rng.choice(NAMES[lang][1])
            sex = (
                "F"
                if given.rstrip().endswith(("a", "e", "ie", "Grace", "Lucía", "Teresa"))
                and given not in ("Moussa", "Mamadou", "Jorge Luis", "Giuseppe", "Davide", "Luca", "Koffi")
                else "M"
            )
            res = (f"{given} {sur}", sur, given, sex)
        if res[0] not in used:
            used.add(res[0])
            return res
    raise RuntimeError("names exhausted")
