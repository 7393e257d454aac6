"""models/convert.py: the readers and filters that build the NER training data (issue 15)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

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


def test_keep_writes_only_the_named_parts_of_a_shared_cut() -> None:
    sents = [([str(i)], ["O"], None) for i in range(100)]
    src = {"repo": "owner/enp", "path": "fr.bio", "split": "cut", "cut": (0.1, 0.1)}
    whole = convert.split_source(src, sents)
    kept = convert.split_source({**src, "keep": ("train",)}, sents)
    assert set(kept) == {"train"}
    assert kept["train"] == whole["train"]  # the same cut as the other language's: no dev or test leak


def test_a_measure_set_is_never_trained_on_nor_a_source_of_the_pipeline(monkeypatch, tmp_path: Path) -> None:
    train = [(["Mario", "Rossi", "parla"], ["B-PER", "I-PER", "O"], None)] * 3
    measured = [(["Anna", "Bianchi", "tace"], ["B-PER", "I-PER", "O"], None)] * 2
    sources = [
        {
            "name": "Open",
            "repo": "o/open",
            "commit": "c",
            "path": "a",
            "split": "cut",
            "cut": (0.34, 0.0),
            "labels": "kind",
            "licence": "MIT",
        },
        {
            "name": "Closed (measurement only)",
            "repo": "o/closed",
            "commit": "c",
            "path": "b",
            "split": "measure",
            "labels": "kind",
            "licence": "CC BY-NC 4.0",
        },
    ]
    monkeypatch.setitem(convert.SOURCES, "it", sources)
    monkeypatch.setattr(
        convert, "read_source", lambda nlp, mirror, src: train if src["repo"] == "o/open" else measured
    )
    assert convert.main(["it", "--out", str(tmp_path)]) == 0
    out = tmp_path / "it"
    vocab = spacy.blank("it").vocab
    texts = {
        split: " ".join(d.text for d in DocBin().from_disk(out / f"{split}.spacy").get_docs(vocab))
        for split in ("train", "dev", "measure.closed")
    }
    assert "Anna" not in texts["train"] + texts["dev"]
    assert texts["measure.closed"].count("Anna Bianchi") == 2
    stats = json.loads((out / "stats.json").read_text())
    assert stats["measure_files"] == {"Closed": "measure.closed.spacy"}
    assert [s["used"] for s in stats["sources"] if s["repo"] == "o/closed"] == [False]
    assert stats["train"]["PER"] + stats["dev"]["PER"] == 3


_NAMES_SOURCE = """
class Provider:
    formats = ("{{first_name}} {{last_name}}",)
    first_names_male = ("Mario", "Luigi")
    first_names_female = ("Anna",)
    last_names = ("Rossi", "D'Angelo")
    prefixes = ("Dott.",)
"""


def test_name_lists_are_read_from_the_source_without_importing_it(monkeypatch) -> None:
    monkeypatch.setattr(convert, "git_show", lambda mirror, repo, commit, path: _NAMES_SOURCE)
    src = {**convert.NAMES["it"], "given": ("first_names_male", "first_names_female")}
    given, surnames = convert.read_names(Path("/nowhere"), src)
    assert given == ["Mario", "Luigi", "Anna"]
    assert surnames == ["Rossi", "D'Angelo"]


def test_a_substituted_name_has_the_shape_and_case_of_the_person_it_replaces() -> None:
    rng = convert.random.Random(1)
    given, surnames = ["Mario"], ["Rossi"]
    assert convert.a_name(["Silva"], given, surnames, rng) == "Rossi"
    assert convert.a_name(["João", "Silva"], given, surnames, rng) == "Mario Rossi"
    assert convert.a_name(["JOÃO", "DA", "SILVA"], given, surnames, rng) in (
        "MARIO MARIO ROSSI",
        "MARIO ROSSI ROSSI",
    )


def test_persons_are_rewritten_as_listed_names_and_nothing_else_changes() -> None:
    nlp = spacy.blank("it")
    names = (["Mario"], ["D'Angelo"])
    sents = [
        (
            ["Disse", "João", "Silva", "a", "Lisboa", "SA", "."],
            ["O", "B-PER", "I-PER", "O", "O", "B-ORG", "O"],
            None,
        )
    ]
    out, n = convert.substitute_names(nlp, sents, names, 1.0, convert.random.Random(15))
    words, tags, spaces = out[0]
    assert n == 1
    assert spaces is None
    name = [w for w, t in zip(words, tags, strict=True) if t.endswith("PER")]
    assert " ".join(name).replace("' ", "'") == "Mario D'Angelo"
    assert tags[:2] == ["O", "B-PER"]
    assert tags[-2:] == ["B-ORG", "O"]
    assert words[-3:] == ["Lisboa", "SA", "."]
    kept, none = convert.substitute_names(nlp, sents, names, 0.0, convert.random.Random(15))
    assert (kept, none) == (sents, 0)


def test_a_whole_document_keeps_its_spacing_when_a_name_is_rewritten() -> None:
    nlp = spacy.blank("it")
    doc = (["Nombre", ":", "Ernesto", "Rivera", ".", "\n"], ["O", "O", "B-PER", "I-PER", "O", "O"],
           [False, True, True, False, False, False])  # fmt: skip
    out, _ = convert.substitute_names(nlp, [doc], (["Anna"], ["Rossi"]), 1.0, convert.random.Random(15))
    words, tags, spaces = out[0]
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True))
    assert text == "Nombre: Anna Rossi.\n"
    assert tags == ["O", "O", "B-PER", "I-PER", "O", "O"]
