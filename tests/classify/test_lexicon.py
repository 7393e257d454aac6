from __future__ import annotations

from pathlib import Path

import pytest

from classify.lexicon import ASKING, load_lexicons
from classify.resources import load_classify_resources
from rogatory.errors import ConfigurationError
from rogatory.taxonomy import LANGUAGES, MEASURES


def test_shipped_lexicons_cover_every_language() -> None:
    lexicons = load_lexicons()
    assert sorted(lexicons.languages) == sorted(LANGUAGES)
    for language in LANGUAGES:
        keys = {phrase.key for phrase in lexicons.languages[language].table("measures").phrases}
        assert keys == {*MEASURES, ASKING}, language


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("measures:\n  wiretap: [listen]\n", "unknown label 'wiretap'"),
        ("colours:\n  red: [x]\n", "unknown section 'colours'"),
        ("measures:\n  freezing: freeze\n", "expected a list of strings"),
        ("measures:\n  freezing: ['...']\n", "empty phrase"),
        ("- a\n- b\n", "expected a mapping"),
    ],
)
def test_bad_lexicon_names_file_and_problem(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "xx.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigurationError) as raised:
        load_lexicons(tmp_path)
    assert "xx.yaml" in str(raised.value)
    assert message in str(raised.value)


def test_the_resources_loader_refuses_a_broken_lexicon(tmp_path: Path) -> None:
    (tmp_path / "xx.yaml").write_text("colours:\n  red: [x]\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"xx\.yaml: unknown section 'colours'"):
        load_classify_resources(lexicon_dir=tmp_path)
