"""A broken lexicon, country file or letter template stops a process at start, in one line.

The loaders that the bootstrap calls are pointed at a folder holding the broken file;
the process must fail before it handles a document or a request.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import service.bootstrap
import workers.pipeline
from classify.letters import load_letter_templates
from classify.resources import load_classify_resources
from rogatory.errors import ConfigurationError
from rogatory.settings import Settings
from service.bootstrap import open_worker_context
from service.cli import main
from service.web_process import open_web_context
from tests.service.cli_output import without_folder_line


def _folder(tmp_path: Path, name: str, content: str) -> Path:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / name).write_text(content, encoding="utf-8")
    return folder


def test_a_broken_lexicon_stops_the_evaluation_at_start_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _folder(tmp_path, "xx.yaml", "colours:\n  red: [x]\n")
    loader = functools.partial(load_classify_resources, lexicon_dir=broken)
    monkeypatch.setattr(workers.pipeline, "load_classify_resources", loader)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.jsonl").write_text("", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "eval", str(corpus), "--jobs", "1", "--quiet"]) == 2
    error = without_folder_line(capsys.readouterr().err)
    assert error.count("\n") == 1
    assert f"{broken / 'xx.yaml'}: unknown section 'colours'" in error


def test_a_broken_country_file_stops_the_worker_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = _folder(tmp_path, "en.yaml", "XX: [Nowhere]\n")
    loader = functools.partial(load_classify_resources, country_dir=broken)
    monkeypatch.setattr(workers.pipeline, "load_classify_resources", loader)
    with pytest.raises(ConfigurationError, match=r"en\.yaml: unknown country code 'XX'"):
        open_worker_context(Settings(data_dir=tmp_path / "data"))


def test_a_broken_letter_template_stops_the_web_process_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = _folder(tmp_path, "letter.en.txt", "Our reference {{ number }\n")
    monkeypatch.setattr(
        service.bootstrap, "load_letter_templates", functools.partial(load_letter_templates, broken)
    )
    with pytest.raises(ConfigurationError, match=r"letter\.en\.txt, line 1"):
        open_web_context(Settings(data_dir=tmp_path / "data"))
