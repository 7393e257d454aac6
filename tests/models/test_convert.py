"""models/convert.py: the readers and filters that build the NER training data (issue 15)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "models" / "convert.py"
_SPEC = importlib.util.spec_from_file_location("models_convert", _PATH)
assert _SPEC is not None
assert _SPEC.loader is not None
convert = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(convert)

ANERCORP = convert.LABELS["anercorp"]


def test_map_tag_keeps_persons_and_organisations_only() -> None:
    assert convert.map_tag("B-PERS", ANERCORP) == "B-PER"
    assert convert.map_tag("i-org", ANERCORP) == "I-ORG"
    assert convert.map_tag("B-LOC", ANERCORP) == "O"
    assert convert.map_tag("O", ANERCORP) == "O"


def test_bare_labels_are_inside_tags_only_for_an_io_corpus() -> None:
    kind = convert.LABELS["kind"]
    assert convert.map_tag("PER", kind, io_tags=True) == "I-PER"
    assert convert.map_tag("LOC", kind, io_tags=True) == "O"
    assert convert.map_tag("PER", kind) == "O"


def test_io_corpus_names_begin_and_run_on() -> None:
    text = "Ieri\tO\nMario\tPER\nRossi\tPER\nlavora\tO\nalla\tO\nFiat\tORG\n\nRoma\tLOC\n"
    sents = list(convert.read_conll(text, convert.LABELS["kind"], io_tags=True))
    assert [tags for _, tags, _ in sents] == [["O", "B-PER", "I-PER", "O", "O", "B-ORG"], ["O"]]


def test_sentence_csv_rows_become_sentences_with_our_tags() -> None:
    text = (
        ",num_words,sentence,entities\n"
        "0,4,قال برند جوتشولك امس,\"['O', 'I-PERS', 'I-PERS', 'O']\"\n"
        "1,2,في ألمانيا,\"['O', 'B-LOC']\"\n"
    )
    rows = list(convert.read_sentence_csv(text, ANERCORP))
    assert rows[0] == (["قال", "برند", "جوتشولك", "امس"], ["O", "B-PER", "I-PER", "O"], None)
    assert rows[1][1] == ["O", "O"]


def test_sentence_csv_with_a_tag_missing_is_refused() -> None:
    text = ",num_words,sentence,entities\n0,2,في ألمانيا,\"['O']\"\n"
    with pytest.raises(ValueError, match="2 words but 1 tags"):
        list(convert.read_sentence_csv(text, ANERCORP))


def test_sentences_of_held_out_splits_are_removed_by_their_words(monkeypatch) -> None:
    held_out = "Der O\nKläger B-PER\nrügt O\n\nGründe O\n"  # its labels do not matter
    monkeypatch.setattr(convert, "git_show", lambda _m, _r, _c, path: held_out if path == "dev" else "")
    sents = [
        (["Der", "Kläger", "rügt"], ["O", "O", "O"], None),
        (["Der", "Kläger", "rügt", "nicht"], ["O", "O", "O", "O"], None),
        (["Gründe"], ["O"], None),
    ]
    src = {"exclude": [("owner/ler", "abc", "dev")]}
    kept = convert.without_held_out(Path("/nowhere"), src, sents)
    assert kept == [sents[1]]
    assert convert.without_held_out(Path("/nowhere"), {}, sents) == sents


def test_seeded_sample_is_repeatable_and_keeps_corpus_order() -> None:
    sents = [([str(i)], ["O"], None) for i in range(100)]
    src = {"repo": "owner/ler", "path": "data", "sample": 10}
    first = convert.seeded_sample(src, sents)
    assert first == convert.seeded_sample(src, sents)
    assert len(first) == 10
    assert [int(w[0]) for w, _, _ in first] == sorted(int(w[0]) for w, _, _ in first)
    other = convert.seeded_sample({**src, "path": "other"}, sents)
    assert other != first
    assert convert.seeded_sample({"repo": "r", "path": "p"}, sents) == sents
    assert convert.seeded_sample({**src, "sample": 500}, sents) == sents


def test_a_cut_keeps_dev_and_test_apart_and_repeats_only_train() -> None:
    sents = [([str(i)], ["O"], None) for i in range(100)]
    src = {"repo": "owner/enp", "path": "de.bio", "split": "cut", "cut": (0.1, 0.1), "repeat": 3}
    parts = convert.split_source(src, sents)
    dev, test, train = ({w[0] for w, _, _ in parts[k]} for k in ("dev", "test", "train"))
    assert (len(parts["dev"]), len(parts["test"]), len(parts["train"])) == (10, 10, 240)
    assert not dev & test
    assert not dev & train
    assert not test & train
    assert len(dev | test | train) == 100
    assert parts["dev"] == convert.split_source({**src, "repeat": 1}, sents)["dev"]
    own = convert.split_source({"split": "train", "repeat": 2}, sents)
    assert own == {"train": sents + sents}
    assert convert.split_source({"split": "dev", "repeat": 2}, sents) == {"dev": sents}
