"""The evaluation runner on a fake pipeline passed through its seams (load, analyse)."""

from __future__ import annotations

import argparse
import json
import os
from datetime import date
from pathlib import Path

import pytest

from rogatory.errors import ConfigurationError, InputError
from rogatory.records import (
    Analysis,
    Classification,
    Completeness,
    DocumentText,
    ElementCheck,
    Entities,
    Entity,
    EntityKind,
    Label,
    PageText,
    RoutingDecision,
    Span,
    TextSource,
)
from rogatory.scoring import ManifestEntry, Prediction, score_corpus
from rogatory.settings import Settings
from rogatory.sources import MediaType, SourceFile
from service.cli.eval_command import add_parser, format_report
from workers.evaluation import (
    evaluate_document,
    media_type_of,
    prediction_line,
    predictions_from_analysis,
    read_manifest,
    run_corpus,
    write_predictions,
)

PDF = b"%PDF-1.7\n"
PNG = b"\x89PNG\r\n\x1a\n"

_LOADS: list[int] = []


def fake_analysis(pages: tuple[str, ...], *, persons: tuple[str, ...] = ()) -> Analysis:
    span = Span(page=1, start=0, end=1, text="x")
    entities = [
        Entity(kind=EntityKind.PERSON, value=name, span=span, method="fake", confidence=1.0)
        for name in persons
    ]
    entities += [
        Entity(
            kind=EntityKind.ACCOUNT, value="DE89370400440532013000", span=span, method="fake", confidence=1.0
        ),
        Entity(kind=EntityKind.OFFENCE, value="art15", span=span, method="fake", confidence=1.0),
    ]
    return Analysis(
        text=DocumentText(
            pages=tuple(
                PageText(number=n, text=text, source=TextSource.OCR, confidence=0.9)
                for n, text in enumerate(pages, start=1)
            ),
            language="es",
        ),
        entities=Entities(items=tuple(entities)),
        classification=Classification(
            request_type=Label(value="mla", confidence=0.9),
            proceeding_type=Label(value="criminal", confidence=0.9),
            measures=(Label(value="freezing", confidence=1), Label(value="bank_records", confidence=1)),
            offences=(Label(value="art15", confidence=1), Label(value="art15", confidence=0.5)),
            legal_basis=(Label(value="uncac", confidence=1),),
            requesting_state=Label(value="CL", confidence=0.8),
            urgent=Label(value="true", confidence=0.7),
            deadline=date(2026, 6, 19),
        ),
        completeness=Completeness(
            checks=(
                ElementCheck(element="purpose", present=False),
                ElementCheck(element="facts_summary", present=True),
                ElementCheck(element="assistance_sought", present=False),
            )
        ),
        routing=RoutingDecision(
            route_to="prosecutor_general", notify=("fiu", "anti_corruption_agency"), confidence=0.9
        ),
    )


def fake_load(settings: Settings) -> dict[str, int]:
    """Counts loads in this process, so analysis can tell whether it was loaded once."""
    _LOADS.append(os.getpid())
    return {"pid": os.getpid(), "loads": len(_LOADS)}


def fake_analyse(source: SourceFile, engines: dict[str, int]) -> Analysis:
    """Text from the file's bytes after the magic; 'BOOM' raises like a buggy stage."""
    body = source.data.rsplit(b"\n", 1)[1].decode()
    if body == "BOOM":
        raise ValueError("stage broke")
    if body == "BAD":
        raise InputError("page 1 cannot be rendered")
    loaded = f"{engines['pid']}:{engines['loads']}"
    return fake_analysis((body, loaded, source.media_type.value), persons=("Ana Ruiz",))


def failing_load(settings: Settings) -> dict[str, int]:
    raise ConfigurationError("authorities file is invalid")


def make_corpus(root: Path, files: dict[str, bytes]) -> Path:
    (root / "files").mkdir()
    lines = []
    for number, (name, data) in enumerate(files.items(), start=1):
        (root / "files" / name).write_bytes(data)
        entry = {"id": f"d{number}", "file": f"files/{name}", "kind": "image", "language": "es", "text": "ok"}
        lines.append(json.dumps(entry))
    lines.insert(1, "")
    (root / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PDF, MediaType.PDF),
        (b"II*\x00rest", MediaType.TIFF),
        (b"MM\x00*rest", MediaType.TIFF),
        (PNG, MediaType.PNG),
        (b"\xff\xd8\xff\xe0", MediaType.JPEG),
    ],
)
def test_media_type_of(data: bytes, expected: MediaType) -> None:
    assert media_type_of(data) is expected


@pytest.mark.parametrize("data", [b"", b"GIF89a", b"%PD", b"PK\x03\x04"])
def test_media_type_of_refuses_other_files(data: bytes) -> None:
    with pytest.raises(InputError, match="not a PDF"):
        media_type_of(data)


def test_read_manifest_skips_blank_lines_and_limits(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, {"a.pdf": PDF, "b.pdf": PDF, "c.pdf": PDF})
    assert [entry.id for entry in read_manifest(corpus)] == ["d1", "d2", "d3"]
    assert [entry.id for entry in read_manifest(corpus, limit=2)] == ["d1", "d2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "d1"}\n', "line 1"),
        ('{"id": "d1", "file": "f"}\nnot json\n', "line 2"),
        ('{"id": "d1", "file": "f", "persons": "Ana"}\n', "line 1"),
    ],
)
def test_read_manifest_reports_the_bad_line(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "manifest.jsonl").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_manifest(tmp_path)


def test_read_manifest_without_manifest(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"cannot read the corpus manifest"):
        read_manifest(tmp_path)


def test_predictions_from_analysis_maps_every_key() -> None:
    entry = ManifestEntry(id="d1", file="files/d1.pdf")
    analysis = fake_analysis(("page one", "page two"), persons=("Pedro Gil", "Ana Ruiz", "Ana Ruiz"))
    prediction = predictions_from_analysis(entry, analysis, seconds=1.23456)
    assert prediction.model_dump() == {
        "id": "d1",
        "file": "files/d1.pdf",
        "language": "es",
        "request_type": "mla",
        "proceeding_type": "criminal",
        "measures": ["bank_records", "freezing"],
        "offences": ["art15"],
        "legal_basis": ["uncac"],
        "requesting_state": "CL",
        "persons": ["Ana Ruiz", "Pedro Gil"],
        "accounts": ["DE89370400440532013000"],
        "urgent": True,
        "deadline": "2026-06-19",
        "missing_elements": ["assistance_sought", "purpose"],
        "route_to": "prosecutor_general",
        "notify": ["anti_corruption_agency", "fiu"],
        "needs_review": False,
        "text": "page one\fpage two",
        "pages": 2,
        "seconds": 1.235,
        "error": None,
    }


def test_prediction_lines_keep_nulls_but_a_failure_has_no_labels() -> None:
    success = json.loads(prediction_line(Prediction(id="d1", file="f", language="en", pages=1, seconds=0.1)))
    assert success["deadline"] is None
    assert "error" not in success
    assert success["language"] == "en"
    failure = json.loads(prediction_line(Prediction(id="d2", file="g", error="unreadable", seconds=0.2)))
    assert failure == {"id": "d2", "file": "g", "error": "unreadable", "seconds": 0.2}


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("missing.pdf", None, "FileNotFoundError: "),
        ("bad.gif", b"GIF89a\n", "InputError: not a PDF, TIFF, PNG or JPEG file"),
        ("bad.pdf", PDF[:-1] + b"\nBAD", "InputError: page 1 cannot be rendered"),
        ("boom.pdf", PDF[:-1] + b"\nBOOM", "internal error: ValueError: stage broke"),
    ],
)
def test_evaluate_document_turns_failures_into_errors(
    tmp_path: Path, name: str, data: bytes | None, error: str
) -> None:
    if data is not None:
        (tmp_path / name).write_bytes(data)
    entry = ManifestEntry(id="d", file=name)
    prediction = evaluate_document(entry, tmp_path, {"pid": 0, "loads": 1}, fake_analyse)
    assert prediction.error is not None
    assert prediction.error.startswith(error)
    assert prediction.text is None


def test_run_corpus_in_process_keeps_manifest_order(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, {"a.pdf": PDF + b"alpha", "b.png": PNG + b"BOOM", "c.pdf": PDF + b"gamma"})
    seen: list[str] = []
    run = run_corpus(
        corpus, Settings(), jobs=1, load=fake_load, analyse=fake_analyse, progress=lambda p: seen.append(p.id)
    )
    assert [p.id for p in run.predictions] == seen == ["d1", "d2", "d3"]
    assert run.predictions[0].text == f"alpha\f{os.getpid()}:{len(_LOADS)}\fapplication/pdf"
    assert run.predictions[1].error == "internal error: ValueError: stage broke"
    assert run.wall_seconds > 0
    report = score_corpus(run.entries, run.predictions)
    assert report.overall.speed.failed == 1


def test_run_corpus_on_a_pool_loads_engines_once_per_process(tmp_path: Path) -> None:
    files = {f"{n}.pdf": PDF + f"doc{n}".encode() for n in range(6)}
    corpus = make_corpus(tmp_path, files)
    run = run_corpus(corpus, Settings(), jobs=2, load=fake_load, analyse=fake_analyse)
    assert [p.id for p in run.predictions] == [f"d{n}" for n in range(1, 7)]
    loaded = [(p.text or "").split("\f")[1] for p in run.predictions]
    pids = {entry.split(":")[0] for entry in loaded}
    assert str(os.getpid()) not in pids
    assert len(set(loaded)) == len(pids)  # one load count per process: loaded once each
    assert [(p.text or "").split("\f")[0] for p in run.predictions] == [f"doc{n}" for n in range(6)]


def test_run_corpus_on_a_pool_raises_what_loading_raised(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, {"a.pdf": PDF + b"a", "b.pdf": PDF + b"b"})
    with pytest.raises(ConfigurationError, match="authorities file is invalid"):
        run_corpus(corpus, Settings(), jobs=2, load=failing_load, analyse=fake_analyse)


def test_write_predictions(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    write_predictions(
        path, [Prediction(id="d1", file="f", text="a\fb"), Prediction(id="d2", file="g", error="x")]
    )
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["d1", "d2"]
    assert lines[0]["text"] == "a\fb"


def test_eval_arguments() -> None:
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["eval", "corpus", "--json", "out.json", "--jobs", "2", "--limit", "5"])
    assert (args.corpus, args.json, args.predictions, args.jobs, args.limit) == (
        Path("corpus"),
        Path("out.json"),
        None,
        2,
        5,
    )
    with pytest.raises(SystemExit):
        parser.parse_args(["eval", "corpus", "--jobs", "0"])


def test_format_report_prints_every_scored_key_and_group() -> None:
    entries = [
        ManifestEntry(
            id="d1", file="f", kind="image", language="es", urgent=True, measures=["freezing"], text="ab"
        ),
        ManifestEntry(id="d2", file="g", kind="born_digital", language="fr", urgent=False, text="abcd"),
    ]
    predictions = [
        Prediction(
            id="d1",
            file="f",
            urgent=True,
            measures=["freezing", "confiscation"],
            text="ab",
            pages=2,
            seconds=1,
        ),
        Prediction(id="d2", file="g", error="unreadable", seconds=0.5),
    ]
    text = format_report(score_corpus(entries, predictions, wall_seconds=2.0), corpus=Path("dev"))
    lines = text.splitlines()
    assert lines[0] == "Evaluation of dev: 2 documents, 1 failed"
    assert "measures  F1        0.667  P 0.500  R 1.000  (tp 1, fp 1, fn 0)" in lines
    assert "urgent    accuracy  0.500  1/2" in lines
    assert "text      CER       0.667  4 edits / 6 chars in 2 docs" in lines
    assert "key       born_digital  image" in lines
    assert "measures  -             0.667" in lines
    assert "key       es     fr" in lines
    assert "born_digital  1     1       0      0.50   0.00" in lines
    assert "Wall clock: 2.0 s, 1.00 s/doc, 1.00 pages/s (engine loading included)" in lines
