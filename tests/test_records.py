"""The records between stages: issues as typed records, and the plain strings saved before them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rogatory.records import DocumentText, Issue, IssueCode, IssueStage, PageText, TextSource

issues = st.builds(
    Issue,
    stage=st.sampled_from(IssueStage),
    code=st.sampled_from(IssueCode),
    page=st.none() | st.integers(min_value=1, max_value=2000),
    message=st.text(),
)


@given(st.lists(issues, max_size=4), st.lists(issues, max_size=4))
def test_issues_round_trip_through_json(page_issues: list[Issue], document_issues: list[Issue]) -> None:
    page = PageText(number=1, text="", source=TextSource.NONE, confidence=0.0, issues=tuple(page_issues))
    document = DocumentText(pages=(page,), issues=tuple(document_issues))
    assert DocumentText.model_validate_json(document.model_dump_json()) == document


def test_an_issue_is_saved_as_an_object_with_its_code() -> None:
    issue = Issue(stage=IssueStage.TEXT, code=IssueCode.NO_TEXT, page=3, message="page 3: no text found")
    assert issue.model_dump(mode="json") == {
        "stage": "text",
        "code": "no_text",
        "page": 3,
        "message": "page 3: no text found",
    }


def test_plain_string_issues_of_before_load_as_legacy_issues() -> None:
    saved = (
        '{"pages": [{"number": 1, "text": "", "source": "none", "confidence": 0.0,'
        ' "issues": ["page 1: OCR failed: exit status 134"]}],'
        ' "issues": ["the language of the document could not be determined"]}'
    )
    document = DocumentText.model_validate_json(saved)
    assert document.pages[0].issues == (
        Issue(stage=IssueStage.UNKNOWN, code=IssueCode.LEGACY, message="page 1: OCR failed: exit status 134"),
    )
    [issue] = document.issues
    assert (issue.stage, issue.code, issue.page) == (IssueStage.UNKNOWN, IssueCode.LEGACY, None)
    assert document.issues[0].message == "the language of the document could not be determined"
    assert document.unreadable_pages == ()


def test_unreadable_pages_are_those_with_an_unreadable_page_issue() -> None:
    def page(number: int, *found: Issue) -> PageText:
        return PageText(number=number, text="", source=TextSource.NONE, confidence=0.0, issues=found)

    failed = Issue(stage=IssueStage.TEXT, code=IssueCode.OCR_FAILED, page=2, message="page 2: OCR failed")
    blank = Issue(stage=IssueStage.PAGE_TASK, code=IssueCode.NO_TEXT, page=3, message="page 3: no text")
    legacy = Issue.model_validate("page 4: no text found")
    document = DocumentText(pages=(page(1), page(2, failed), page(3, blank), page(4, legacy)))
    assert document.unreadable_pages == (2, 3)
