"""Country names in the service's languages, folded, for the person rules.

Used by :func:`extract.persons.load_person_rules` (at process start, through
:func:`extract.engines.load_entity_models`): an UPPER-CASE word that names a country
("Nairobi KENYA", "Limassol CYPRUS") is not a surname, and a model's "Sri Lanka" is no
person. Names come from pycountry and its gettext catalogues.
"""

from __future__ import annotations

import gettext

import pycountry

from rogatory.folding import fold_plain
from rogatory.taxonomy import LANGUAGES


def load_country_names() -> frozenset[str]:
    """Folded short and common names of every country ("sri lanka", "espana"), in ``LANGUAGES``.

    Raises ``OSError`` when pycountry's catalogues are missing (an installation fault).
    """
    names: set[str] = set()
    for language in LANGUAGES:
        translate = (
            (lambda text: text)
            if language == "en"
            else gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
        )
        for country in pycountry.countries:
            for attribute in ("name", "common_name"):
                english = getattr(country, attribute, None)
                if english:
                    names.add(" ".join(fold_plain(translate(english)).split()))
    return frozenset(names)
