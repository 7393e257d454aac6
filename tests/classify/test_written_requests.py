"""Completeness of requests written by hand as foreign authorities write them
(``tests/classify/requests``): each file's missing elements, found on its text layer."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from classify.completeness import check_completeness
from classify.directory import load_directory
from classify.request import classify_request
from classify.resources import ClassifyResources
from extract.dates import find_dates, load_date_rules
from extract.structure import read_structure
from rogatory.records import DocumentText, Entities, PageText, TextSource
from rogatory.settings import DEFAULT_AUTHORITIES

REQUESTS = sorted((Path(__file__).parent / "requests").glob("*.yaml"))


def _text(request: dict[str, object]) -> DocumentText:
    pages: list[str] = list(request.get("pages") or [request["text"]])  # type: ignore[call-overload]
    text = DocumentText(
        pages=tuple(
            PageText(number=number, text=page, source=TextSource.TEXT_LAYER, confidence=1.0)
            for number, page in enumerate(pages, start=1)
        ),
        language=str(request["language"]),
    )
    return text.model_copy(update={"structure": read_structure(text)})


def _missing(request: dict[str, object], resources: ClassifyResources) -> list[str]:
    text = _text(request)
    rules = load_date_rules()
    dates = [
        date
        for page in text.pages
        for date in find_dates(page.text, page=page.number, language=text.language, rules=rules)
    ]
    entities = Entities(items=tuple(dates))
    classification = classify_request(text, entities, resources=resources)
    completeness = check_completeness(
        text,
        entities,
        classification,
        accepted_languages=load_directory(DEFAULT_AUTHORITIES).accepted_languages,
        lexicons=resources.lexicons,
    )
    return sorted(completeness.missing)


@pytest.mark.parametrize("path", REQUESTS, ids=[path.stem for path in REQUESTS])
def test_the_elements_a_request_lacks_are_those_reported(path: Path, resources: ClassifyResources) -> None:
    request = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _missing(request, resources) == sorted(request["missing_elements"])


def test_an_offenders_aim_in_the_facts_is_no_purpose(resources: ClassifyResources) -> None:
    """ "so that" gives the purpose in the sentence that asks; "in order to conceal" in the
    facts tells what the suspect wanted, and the request still lacks a purpose."""
    request = yaml.safe_load((REQUESTS[1]).read_text(encoding="utf-8"))
    text = str(request["text"]).replace(
        ", so that the funds can later be recovered\nthrough a forfeiture order of the Federal High Court",
        "",
    )
    text = text.replace("in your country.", "in your country in order to conceal their origin.")
    assert "so that" not in text
    assert "in order to conceal" in text
    assert _missing({**request, "text": text}, resources) == ["purpose"]
