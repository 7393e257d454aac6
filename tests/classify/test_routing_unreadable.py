"""Routing reads the text's issues: a request most of whose pages could not be read goes to review."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classify.routing import page_ranges, route
from rogatory.records import DocumentText, Issue, IssueCode, IssueStage, PageText, TextSource
from tests.classify.test_routing import COMPLETE, DIRECTORY, classification

#: The fiu rule fires on bank records at 0.9, above the 0.5 threshold.
BANK_RECORDS = classification(("bank_records",))


def pages(total: int, unreadable: set[int], code: IssueCode = IssueCode.OCR_FAILED) -> DocumentText:
    """A document of ``total`` pages, those of ``unreadable`` empty with an issue of ``code``."""
    numbers = range(1, total + 1)
    return DocumentText(pages=tuple(_page(number, number in unreadable, code) for number in numbers))


def _page(number: int, unreadable: bool, code: IssueCode) -> PageText:
    if not unreadable:
        return PageText(number=number, text="Bank records.", source=TextSource.OCR, confidence=0.9)
    issue = Issue(stage=IssueStage.TEXT, code=code, page=number, message=f"page {number}: OCR failed")
    return PageText(number=number, text="", source=TextSource.NONE, confidence=0.0, issues=(issue,))


def test_a_request_with_most_pages_unreadable_goes_to_review_with_the_pages_named() -> None:
    text = pages(10, {2, 3, 4, 5, 6, 9})
    decision = route(BANK_RECORDS, COMPLETE, DIRECTORY, text=text, review_threshold=0.5)
    assert (decision.route_to, decision.needs_review) == ("fiu", True)
    assert decision.reasons[-1] == (
        "6 of 10 pages could not be read (pages 2-6, 9): the decision rests on the other 4, sent for review"
    )
    assert decision.confidence == pytest.approx(0.36)


def test_one_bad_page_of_ten_does_not_change_the_decision() -> None:
    clean = route(BANK_RECORDS, COMPLETE, DIRECTORY, text=pages(10, set()), review_threshold=0.5)
    one_bad = route(BANK_RECORDS, COMPLETE, DIRECTORY, text=pages(10, {7}), review_threshold=0.5)
    assert one_bad == clean
    assert (one_bad.needs_review, one_bad.confidence) == (False, 0.9)


def test_exactly_half_unreadable_is_not_most() -> None:
    decision = route(BANK_RECORDS, COMPLETE, DIRECTORY, text=pages(4, {1, 2}), review_threshold=0.5)
    assert not decision.needs_review


def test_blank_and_oversized_pages_count_as_unreadable_but_an_unknown_language_does_not() -> None:
    for code in (IssueCode.NO_TEXT, IssueCode.PAGE_TOO_LARGE, IssueCode.PAGE_DAMAGED):
        text = pages(1, {1}, code)
        assert route(BANK_RECORDS, COMPLETE, DIRECTORY, text=text, review_threshold=0.5).needs_review
    unknown = Issue(stage=IssueStage.LANGUAGE, code=IssueCode.LANGUAGE_UNKNOWN, message="unknown")
    text = pages(1, set()).model_copy(update={"issues": (unknown,)})
    assert not route(BANK_RECORDS, COMPLETE, DIRECTORY, text=text, review_threshold=0.5).needs_review


def test_no_rule_and_unreadable_pages_gives_both_reasons() -> None:
    decision = route(classification(()), COMPLETE, DIRECTORY, text=pages(3, {1, 3}), review_threshold=0.5)
    assert decision.reasons[:2] == (
        "no routing rule holds: sent to central_authority for review",
        "2 of 3 pages could not be read (pages 1, 3): the decision rests on the other 1, sent for review",
    )


@given(st.integers(1, 30).flatmap(lambda n: st.tuples(st.just(n), st.sets(st.integers(1, n)))))
def test_review_exactly_when_more_than_half_the_pages_are_unreadable(case: tuple[int, set[int]]) -> None:
    total, unreadable = case
    decision = route(BANK_RECORDS, COMPLETE, DIRECTORY, text=pages(total, unreadable), review_threshold=0.5)
    assert decision.needs_review == (2 * len(unreadable) > total)
    assert decision.route_to == "fiu"


def test_page_ranges() -> None:
    assert page_ranges(()) == ""
    assert page_ranges((4,)) == "4"
    assert page_ranges((1, 2, 3, 5, 7, 8)) == "1-3, 5, 7-8"
