"""The annexes of a registration loaded for the pipeline, in the worker (issue 19).

The pipeline reads annexes like documents (:func:`workers.pipeline.read_annexes`); this
module gives it their bytes from the object store. An annex whose stored copy is missing
or damaged does not stop the request: it becomes a reading without text and the reason
as its issue, and the main document is analysed all the same.
"""

from __future__ import annotations

from rogatory.annexes import AnnexFile
from rogatory.errors import NotFoundError
from rogatory.records import AnnexReading, DocumentText, Issue, IssueCode, IssueStage
from rogatory.sources import SourceFile
from storage.objects import CorruptObjectError
from storage.registry import get_request
from workers.context import WorkerContext


def load_annexes(number: str, context: WorkerContext) -> tuple[AnnexFile | AnnexReading, ...]:
    """The accepted annexes of ``number`` with their stored bytes, by position.

    Raises ``NotFoundError`` for an unknown number, ``TransientError`` when the store
    or the database is down.
    """
    loaded: list[AnnexFile | AnnexReading] = []
    for annex in get_request(context.db, number).annexes:
        if annex.status != "accepted" or annex.media_type is None:
            continue
        try:
            data = context.store.get(annex.sha256)
        except (NotFoundError, CorruptObjectError) as error:
            issue = Issue(
                stage=IssueStage.TEXT,
                code=IssueCode.ORIGINAL_UNUSABLE,
                message=f"the stored annex {annex.position} ({annex.name}) is unusable: {error}",
            )
            empty = DocumentText(pages=())
            loaded.append(AnnexReading(position=annex.position, name=annex.name, text=empty, issues=(issue,)))
            continue
        source = SourceFile(data=data, media_type=annex.media_type, name=annex.name)
        loaded.append(AnnexFile(position=annex.position, name=annex.name, source=source))
    return tuple(loaded)
