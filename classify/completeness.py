"""Completeness of a request against UNCAC art. 46(15) (and 46(14) for its language).

One check per taxonomy completeness element. A headed section gives an element; without
one, the element is found by what the text says (:mod:`classify.statements`): a body named
as the author, in the letterhead or the signature block; proceedings named with what they
concern; sentences that narrate facts; wording that gives the purpose. Identity details
(date of birth, nationality, passport) with a value identify persons, and an extradition
request states its assistance and purpose by being one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from classify.document import FoldedDocument, Hit, fold_document
from classify.letterhead import find_letterhead
from classify.lexicon import Lexicons
from classify.phrases import PhraseTable
from classify.sections import Section, read_sections, sections_of
from classify.statements import (
    Cues,
    find_author,
    find_facts,
    find_purpose,
    find_subject,
    find_translation,
)
from rogatory.records import (
    AnnexReading,
    Classification,
    Completeness,
    DocumentText,
    ElementCheck,
    Entities,
    EntityKind,
    Span,
)
from rogatory.taxonomy import COMPLETENESS_ELEMENTS


def check_completeness(
    text: DocumentText,
    entities: Entities,
    classification: Classification,
    *,
    accepted_languages: Sequence[str],
    lexicons: Lexicons,
    annexes: Sequence[AnnexReading] = (),
) -> Completeness:
    """One ElementCheck per completeness element, in taxonomy order. Raises nothing.

    ``lexicons`` are those loaded at start (``ClassifyResources.lexicons``). The
    ``annexes`` of the request count where the main document lacks an element they
    give: one written in an accepted language (a translation annexed) gives
    ``acceptable_language``, a date of birth found in one ``person_identity``; the note
    names the annex (its spans are on its own pages, not the main document's).
    """
    document = fold_document(text)
    sections = read_sections(document, lexicons)
    cues = lexicons.table("completeness", document.language)
    extradition = classification.request_type.value == "extradition"
    said = Cues(cues)
    asking = _only(lexicons.table("measures", document.language), "asking")
    nil = _only(cues, "nil")
    qualification = _only(cues, "qualification")
    checks = {
        "requesting_authority": _requesting_authority(document, sections, cues, nil),
        "subject_matter": _said(
            _section_check("subject_matter", sections, document=document, nil=nil),
            find_subject(document, said, extradition=extradition),
            "proceedings named with what they concern",
        ),
        "facts_summary": _facts(
            _said(
                _section_check("facts_summary", sections, document=document, nil=nil, bare=qualification),
                find_facts(document, said, entities, asking),
                "narrative",
            ),
            classification,
        ),
        "assistance_sought": _assistance(classification, sections, extradition),
        "person_identity": _person_identity(document, cues, entities),
        "purpose": _purpose(
            _said(
                _section_check("purpose", sections, document=document, nil=nil),
                find_purpose(document, said, asking),
                "purpose wording",
            ),
            extradition,
        ),
        "acceptable_language": _language(document, text.language, accepted_languages, lexicons),
    }
    checks["acceptable_language"] = _language_of_annexes(
        checks["acceptable_language"], annexes, accepted_languages
    )
    checks["person_identity"] = _identity_in_annexes(checks["person_identity"], annexes)
    return Completeness(checks=tuple(checks[element] for element in COMPLETENESS_ELEMENTS))


def _language_of_annexes(
    check: ElementCheck, annexes: Sequence[AnnexReading], accepted: Sequence[str]
) -> ElementCheck:
    """Present when an annex is written in an accepted language (the request's translation)."""
    if check.present:
        return check
    for annex in annexes:
        if annex.text.language is not None and annex.text.language in accepted:
            note = f"{check.note}; annex {annex.position} ({annex.name}) is written in {annex.text.language}"
            return ElementCheck(element=check.element, present=True, note=note)
    return check


def _identity_in_annexes(check: ElementCheck, annexes: Sequence[AnnexReading]) -> ElementCheck:
    """Present when an annex gives a person's date of birth."""
    if check.present:
        return check
    for annex in annexes:
        births = [
            entity
            for entity in annex.entities.of_kind(EntityKind.DATE)
            if entity.attributes.get("role") == "birth"
        ]
        if births:
            note = f"identity details in annex {annex.position} ({annex.name}), page {births[0].span.page}"
            return ElementCheck(element=check.element, present=True, note=note)
    return check


def _only(table: PhraseTable, key: str) -> PhraseTable:
    return PhraseTable(tuple(phrase for phrase in table.phrases if phrase.key == key))


def _section_check(
    kind: str,
    sections: list[Section],
    element: str | None = None,
    *,
    document: FoldedDocument | None = None,
    nil: PhraseTable | None = None,
    bare: PhraseTable | None = None,
) -> ElementCheck:
    """Present when a section of ``kind`` is headed; with ``document``, only when one holds a
    word (a form's part left empty gives nothing: the content finders decide). Lines that
    open with a ``bare`` phrase say nothing of the element: under a facts heading, the
    legal qualification ("The facts constitute ... under the law of ...") narrates no fact."""
    found = sections_of(sections, kind)
    if document is not None:
        found = [section for section in found if _holds_words(document, section, nil, bare)]
    element = element or kind
    if found:
        return ElementCheck(element=element, present=True, evidence=(found[0].heading.span,), note="section")
    return ElementCheck(element=element, present=False, note=f"no {kind.replace('_', ' ')} section")


def _holds_words(
    document: FoldedDocument,
    section: Section,
    nil: PhraseTable | None = None,
    bare: PhraseTable | None = None,
) -> bool:
    """The section's body holds a word (inline headings keep their text in the body), other
    than the labels of a form's empty fields ("Name of the authority:"), what stands for
    no value (``nil``: "N/A", "sans objet", "entfällt"; "—" is no word), a page's number
    ("Page 1", "Página 1 de 2", "Seite 2", "Стр. 1", "صفحة 1": a part left empty at a page's
    end runs over the footer) and the lines that open with a ``bare`` phrase."""
    for stretch in section.body.stretches:
        for line in document.pages[stretch.index].text[stretch.start : stretch.end].split("\n"):
            value = line.split(":", 1)[1] if ":" in line else line
            if (
                _WORDISH.search(value)
                and not _is_nil(value, nil)
                and not _PAGE_NUMBER.match(line)
                and not _opens_with(line, bare)
            ):
                return True
    return False


def _opens_with(line: str, table: PhraseTable | None) -> bool:
    if table is None:
        return False
    stripped = line.lstrip(_NIL_TRIM)
    return any(match.start == 0 for match in table.find(stripped))


#: A page's number as a footer prints it, folded: "page 1", "pagina 1 de 2", "seite 2 von 3",
#: "стр. 1", "страница 1 из 2", "صفحه 1 من 2", "p. 2/3".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:page|pagina|pag\.?|seite|p\.|стр\.?|страница|صفحه|الصفحه)\s*\d{1,3}"
    r"(?:\s*(?:of|de|von|di|из|من|/)\s*\d{1,3})?\s*$"
)


def _is_nil(value: str, nil: PhraseTable | None) -> bool:
    """``value`` says no more than that nothing is given ("N/A.", "(sans objet)")."""
    if nil is None:
        return False
    bare = value.strip(_NIL_TRIM)
    return any(match.start == 0 and match.end == len(bare) for match in nil.find(bare))


_WORDISH = re.compile(r"[^\W\d_]{2,}")
_NIL_TRIM = " \t.,;:-–—*_()[]"


def _said(check: ElementCheck, hits: list[Hit], note: str) -> ElementCheck:
    """``check`` when its section was found, else present when the text says it."""
    if check.present or not hits:
        return check
    return ElementCheck(
        element=check.element, present=True, evidence=tuple(hit.span for hit in hits[:2]), note=note
    )


def _requesting_authority(
    document: FoldedDocument, sections: list[Section], cues: PhraseTable, nil: PhraseTable
) -> ElementCheck:
    check = _section_check("requesting_authority", sections, document=document, nil=nil)
    if check.present and _names_a_body(document, sections, cues):
        return check
    letterhead = find_letterhead(document, sections, _only(cues, "requested_state"))
    named = document.find(_only(cues, "authority"), letterhead)
    if named:
        return ElementCheck(
            element="requesting_authority", present=True, evidence=(named[0].span,), note="letterhead"
        )
    authors = find_author(document, Cues(cues))
    if authors:
        evidence = tuple(hit.span for hit in authors[:2])
        return ElementCheck(
            element="requesting_authority", present=True, evidence=evidence, note="named author"
        )
    return ElementCheck(
        element="requesting_authority", present=False, note="no sender, letterhead, signature or section"
    )


def _names_a_body(document: FoldedDocument, sections: list[Section], cues: PhraseTable) -> bool:
    """A requesting-authority part written as one field ("From: ...", "De : ...") names an
    office, a court, a ministry (``authority`` and ``institution`` cues): a fax's "From:
    L. Ortega" names who sent it, not the authority. A part under its own heading line
    (a form's "K. Issuing authority" over the official's name and address) gives it."""
    bodies = _only(cues, "authority").merged(_only(cues, "institution"))
    return any(
        not _inline(document, section) or document.find(bodies, section.body)
        for section in sections_of(sections, "requesting_authority")
    )


def _inline(document: FoldedDocument, section: Section) -> bool:
    """The section's text starts on its heading's line."""
    if not section.body.stretches:
        return False
    first = section.body.stretches[0]
    text = document.pages[first.index].text
    line_end = text.find("\n", section.heading.end)
    return first.index == section.heading.index and (line_end < 0 or first.start < line_end)


def _facts(check: ElementCheck, classification: Classification) -> ElementCheck:
    if not check.present and classification.values("measures") == ["service_of_documents"]:
        return ElementCheck(
            element="facts_summary", present=True, note="not required for service of documents"
        )
    return check


def _assistance(classification: Classification, sections: list[Section], extradition: bool) -> ElementCheck:
    if classification.measures:
        evidence = tuple(label.evidence[0] for label in classification.measures if label.evidence)
        return ElementCheck(element="assistance_sought", present=True, evidence=evidence[:3], note="measures")
    if extradition:
        evidence = classification.request_type.evidence[:1]
        return ElementCheck(element="assistance_sought", present=True, evidence=evidence, note="extradition")
    note = (
        "assistance section names no measure" if sections_of(sections, "assistance_sought") else "no measure"
    )
    return ElementCheck(element="assistance_sought", present=False, note=note)


def _person_identity(document: FoldedDocument, cues: PhraseTable, entities: Entities) -> ElementCheck:
    births: list[Span] = [
        entity.span
        for entity in entities.of_kind(EntityKind.DATE)
        if entity.attributes.get("role") == "birth"
    ]
    details = [hit for hit in document.find(_only(cues, "person_identity")) if _has_value(document, hit)]
    evidence = tuple(births[:2]) + tuple(hit.span for hit in details[:2])
    if evidence:
        return ElementCheck(
            element="person_identity", present=True, evidence=evidence, note="identity details"
        )
    return ElementCheck(
        element="person_identity", present=False, note="no date of birth, nationality or passport"
    )


def _has_value(document: FoldedDocument, hit: Hit) -> bool:
    """A detail followed by its value ("Nationality: Irish"), not a form's empty field."""
    text = document.pages[hit.index].text
    line_end = text.find("\n", hit.end)
    rest = text[hit.end : line_end if line_end >= 0 else len(text)]
    rest = _NUMBER_WORD.sub("", rest, count=1)  # "Passport No.: " is a label, not a value
    return _VALUE.match(rest) is not None


_NUMBER_WORD = re.compile(r"^[\s:.\-–—]*(?:n[o°º]|nr|number|num)\b\.?", re.UNICODE)
_VALUE = re.compile(r"[\s:.\-–—]*(?:n[o°º]\.?\s*)?[:.]?\s*[^\W_]", re.UNICODE)


def _purpose(check: ElementCheck, extradition: bool) -> ElementCheck:
    if not check.present and extradition:
        return ElementCheck(element="purpose", present=True, note="extradition: surrender for prosecution")
    return check


def _language(
    document: FoldedDocument, language: str | None, accepted: Sequence[str], lexicons: Lexicons
) -> ElementCheck:
    """Written in an accepted language, or holding a translation titled in one."""
    note = f"written in {language or 'an unknown language'}; accepted: {', '.join(accepted)}"
    if language is not None and language in accepted:
        return ElementCheck(element="acceptable_language", present=True, note=note)
    for code in accepted:
        lexicon = lexicons.languages.get(code)
        titles = (
            find_translation(document, _only(lexicon.table("completeness"), "translation")) if lexicon else []
        )
        if titles:
            return ElementCheck(
                element="acceptable_language",
                present=True,
                evidence=(titles[0].span,),
                note=f"{note}; translated into {code}",
            )
    return ElementCheck(element="acceptable_language", present=False, note=note)
