"""The letterhead of a request: the lines at the top of the first page that name the sender.

A letterhead ("THE REPUBLIC OF UGANDA / INSPECTORATE OF GOVERNMENT / Kampala") ends at
the first line that holds a digit (a date, a reference, an address number), a heading
(including "To:" or "Date:"), or a mention of the requested state (the addressee block).
"""

from __future__ import annotations

from classify.document import FoldedDocument, Region, Stretch
from classify.phrases import PhraseTable
from classify.sections import Section


def find_letterhead(document: FoldedDocument, sections: list[Section], requested: PhraseTable) -> Region:
    """The letterhead region of ``document`` (possibly empty)."""
    if not document.pages:
        return Region(())
    text = document.pages[0].text
    first_heading = min((s.heading.start for s in sections if s.heading.index == 0), default=len(text))
    requested_at = min((match.start for match in requested.find(text)), default=len(text))
    end = 0
    for line in text.split("\n"):
        line_end = end + len(line)
        if line_end > first_heading or line_end > requested_at or any(char.isdigit() for char in line):
            break
        end = line_end + 1
    return Region((Stretch(0, 0, max(end - 1, 0)),)) if end else Region(())
