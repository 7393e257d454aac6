"""Convert the public annotated corpora to spaCy DocBin files for the NER pipelines.

One command, no network, fixed seed:

    /work/main/.venv/bin/python models/convert.py LANG [--mirror /work/.mirror] [--out /work/data/ner]

reads each corpus from its git snapshot (``<mirror>/<owner>+<name>/repo``, pinned to the commit in
SOURCES below, read with ``git show``) and writes ``<out>/<lang>/train.spacy`` and
``<out>/<lang>/dev.spacy`` plus ``<out>/<lang>/stats.json`` (sentences, tokens, entities per split
and source).

Labels: only persons and organisations are kept, as ``PER`` and ``ORG`` (the labels of
fr_core_news_sm; en_core_web_sm says PERSON for PER). Every other corpus class becomes ``O``.
The mapping per corpus is in LABELS below and in models/README.md.

Test splits are never read: a corpus's own test file is not listed in SOURCES. A corpus with no
split is cut here into train/dev/test by a shuffle of its chunks with SEED; the test part is
not written at all (kept for independent measurement).
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

SEED = 15
SENTS_PER_DOC = 8  # sentences read as one training document (as `spacy convert -n`)

# corpus label -> our label; anything not listed is O
LABELS = {
    "lener": {"PESSOA": "PER", "ORGANIZACAO": "ORG"},
    # LER fine-grained classes: person, judge, lawyer -> PER; organisation, company,
    # institution, court -> ORG. Brand (MRK), places and legal norms -> O.
    "ler": {"PER": "PER", "RR": "PER", "AN": "PER", "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG"},
    "europeana": {"PER": "PER", "ORG": "ORG"},
    # MEDDOCAN (Spanish clinical case reports, brat): names of patients and of health staff ->
    # PER; hospitals, institutions, health centres -> ORG. FAMILIARES_SUJETO_ASISTENCIA (mostly
    # kinship words, "su madre") and everything else -> O.
    # Wojood (nested; every token carries the tags of all its levels): PERS -> PER, ORG -> ORG;
    # GPE, NORP, OCC, LOC and the rest -> O; an ORG that contains a PERS keeps the ORG (longest).
    "wojood": {"PERS": "PER", "ORG": "ORG"},
    # ANERcorp (Arabic news, flat IOB): PERS -> PER, ORG -> ORG; LOC and MISC -> O.
    "anercorp": {"PERS": "PER", "ORG": "ORG"},
    # factRuEval-2016 (Russian news; objects over spans): Person -> PER, Org -> ORG; Location and
    # LocOrg (a place named as a body, "Москвы" in "мэрии Москвы") -> O.
    "factrueval": {"Person": "PER", "Org": "ORG"},
    # KIND (Italian; IOB with PER, LOC, ORG): PER -> PER, ORG -> ORG, LOC -> O.
    "kind": {"PER": "PER", "ORG": "ORG"},
    # Europarl NER evaluation corpus (Agerri et al. 2018; CoNLL-2002 classes): PER -> PER,
    # ORG -> ORG; LOC and MISC -> O.
    "europarl": {"PER": "PER", "ORG": "ORG"},
    # InLegalNER (Indian judgments, spaCy DocBin): judges, lawyers, witnesses, other persons -> PER;
    # petitioners and respondents are persons or bodies ("State Of Gujarat") -> PARTY, which the
    # persons bench neither asks for nor counts against (bench/bench_public_ner.py); ORG -> ORG.
    "inlegalner": {
        "JUDGE": "PER",
        "LAWYER": "PER",
        "WITNESS": "PER",
        "OTHER_PERSON": "PER",
        "PETITIONER": "PARTY",
        "RESPONDENT": "PARTY",
        "ORG": "ORG",
    },
    "meddocan": {
        "NOMBRE_SUJETO_ASISTENCIA": "PER",
        "NOMBRE_PERSONAL_SANITARIO": "PER",
        "HOSPITAL": "ORG",
        "INSTITUCION": "ORG",
        "CENTRO_SALUD": "ORG",
    },
}

# The full LER corpus (all 66,723 sentences, one CoNLL file per court, LER's own fine
# classes) as redistributed by Christoph911/legal-entity-recognition (no licence file of its
# own; LER is CC BY 4.0). Every sentence whose words equal a sentence of LER's dev or test
# split is removed first (51,029 remain; only the words of those splits are read, never
# their labels), then a seeded sample of SAMPLE sentences is taken, so that the Europeana
# share of the mix does not fall too low.
# Tried in s28 (models/README.md, "How each run ended": LER dev PER 0.696 -> 0.621 and 0.631)
# and not adopted, so not in SOURCES["de"]; add it there (with "repeat" on Europeana) to train so.
LER_FULL_SAMPLE: dict = {
    "name": "LER (German court decisions, full corpus)",
    "repo": "Christoph911/legal-entity-recognition",
    "commit": "782b857d5a8d1a05f6d98ddebfd9432a129f3e07",
    "path": "data",
    "format": "conll-dir",
    "split": "train",
    "exclude": [
        ("elenanereiss/Legal-Entity-Recognition", "f9c2b950898c56fdc328e553d5537c7611a0ffb1", p)
        for p in ("data/ler_dev.conll", "data/ler_test.conll")
    ],
    "sample": 15000,
    "labels": "ler",
    "licence": "CC BY 4.0",
}

# Sources read by more than one language (the same seeded cut wherever a cut is read).
LENER_TRAIN: dict = {
    "repo": "peluz/lener-br",
    "commit": "4999cb7f63191f1d6904206f312eeca8f5b45c5a",
    "path": "leNER-Br/train/train.conll",
    "split": "train",
    "labels": "lener",
    "licence": "MIT",
}
MEDDOCAN_TRAIN: dict = {
    "repo": "PlanTL-GOB-ES/SPACCC_MEDDOCAN",
    "commit": "783a6df385c975b328c99bcffb54196a9ba4078a",
    "path": "corpus/train/brat",
    "split": "train",
    "format": "brat",
    "labels": "meddocan",
    "licence": "CC BY 4.0",
}
EUROPEANA_FR: dict = {
    "repo": "EuropeanaNewspapers/ner-corpora",
    "commit": "6bf838d23112c255fd81431b1187ab30ef6c2d90",
    "path": "enp_FR.bnf.bio/enp_FR.bnf.bio",
    "split": "cut",
    "cut": (0.1, 0.1),
    "chunk": True,
    "labels": "europeana",
    "licence": "CC0 1.0",
}

# Lists of a language's given names and surnames, from a permissively licensed package's source
# (a git snapshot, pinned): a source whose entry says ``"names": SHARE`` has that share of the
# persons in its TRAIN part rewritten as names of the list (substitute_names), so that a
# pipeline trained mostly on other languages' text (Italian: Romance transfer data) learns the
# language's own names. Dev, test and measure parts are never rewritten.
NAMES = {
    "it": {
        # Faker's it_IT person provider (MIT): 465 given names (Wikipedia's category of Italian
        # given names) and 1,165 surnames (Wiktionary's category of Italian surnames).
        "name": "Faker it_IT given names and surnames (substituted into training persons)",
        "repo": "joke2k/faker",
        "commit": "8ad78a632a4116e6392e6d5743524c683a2e02a1",
        "path": "faker/providers/person/it_IT/__init__.py",
        "given": ("first_names_male", "first_names_female"),
        "surnames": ("last_names",),
        "one_word_given": 0.5,  # a one-word person becomes a given name half the time
        "licence": "MIT",
    },
}

# lang -> list of sources. split: "train"/"dev" = the corpus's own split;
# "cut" = cut here by a SEED shuffle of its sentences into dev (cut[0]), test (cut[1]) and train
# (the rest); a cut test part is never written (kept for independent measurement).
SOURCES = {
    "pt": [
        {"name": "LeNER-Br", **LENER_TRAIN},
        {
            "name": "LeNER-Br",
            "repo": "peluz/lener-br",
            "commit": "4999cb7f63191f1d6904206f312eeca8f5b45c5a",
            "path": "leNER-Br/dev/dev.conll",
            "split": "dev",
            "labels": "lener",
            "licence": "MIT",
        },
    ],
    "de": [
        # LER's train file (17 MB) is not in the snapshot that can be had here (files of 4 MiB and
        # more are left out); its dev split is cut into train 85 % / dev 15 % (its test is not read).
        {
            "name": "LER (German court decisions)",
            "repo": "elenanereiss/Legal-Entity-Recognition",
            "commit": "f9c2b950898c56fdc328e553d5537c7611a0ffb1",
            "path": "data/ler_dev.conll",
            "split": "cut",
            "cut": (0.15, 0.0),
            "labels": "ler",
            "licence": "CC BY 4.0",
        },
        # Europeana newspapers (OCR'd historic German newspapers): no split, cut 80/10/10
        # (the 10 % test part is not written). No sentence breaks: cut after . ! ? (see read_conll).
        *[
            {
                "name": f"Europeana Newspapers NER ({lib})",
                "repo": "EuropeanaNewspapers/ner-corpora",
                "commit": "6bf838d23112c255fd81431b1187ab30ef6c2d90",
                "path": f"enp_DE.{lib}.bio/enp_DE.{lib}.bio",
                "split": "cut",
                "cut": (0.1, 0.1),
                "chunk": True,
                "labels": "europeana",
                "licence": "CC0 1.0",
            }
            for lib in ("lft", "onb", "sbb")
        ],
    ],
    "ar": [
        # Wojood sample (SinaLab/ArabicNER data/, MIT as the repository; the full Wojood corpus is
        # only given on request): train -> train, val -> dev; its test.txt is not read.
        {
            "name": "Wojood sample (Arabic, nested NER)",
            "repo": "SinaLab/ArabicNER",
            "commit": "ef3a7f4e806a2d909b9107d757c5f65545ae83dc",
            "path": "data/train.txt",
            "split": "train",
            "format": "nested",
            "labels": "wojood",
            "licence": "MIT",
        },
        {
            "name": "Wojood sample (Arabic, nested NER)",
            "repo": "SinaLab/ArabicNER",
            "commit": "ef3a7f4e806a2d909b9107d757c5f65545ae83dc",
            "path": "data/val.txt",
            "split": "dev",
            "format": "nested",
            "labels": "wojood",
            "licence": "MIT",
        },
        # ANERcorp (Benajiba & Rosso 2008; Arabic newswire), the train split of CAMeL Lab's
        # train/test release (CC BY-SA 4.0), as a CSV of sentences (space-joined words and their
        # IOB tags, sentence-final periods dropped) in MohammedAborezka/RDI-project: 3,973
        # sentences, 120,953 words from the corpus's first article on (the test split, the
        # corpus's last 25,008 words, is not in that file and not read). It has no dev split:
        # a seeded 10 % cut of it is the dev part.
        {
            "name": "ANERcorp (Arabic news, CAMeL Lab train split)",
            "repo": "MohammedAborezka/RDI-project",
            "commit": "413ae978020960d887410ba6f8c9851b348578ed",
            "path": "camel_data_full.csv",
            "split": "cut",
            "cut": (0.1, 0.0),
            "format": "sentence-csv",
            "labels": "anercorp",
            "licence": "CC BY-SA 4.0",
        },
    ],
    "es": [
        # MEDDOCAN: 1000 clinical case reports (500 train, 250 dev, 250 test not read), brat
        # standoff; each report is one training document, tokenised by spaCy's blank "es".
        {"name": "MEDDOCAN (Spanish clinical cases, de-identification)", **MEDDOCAN_TRAIN},
        {
            "name": "MEDDOCAN (Spanish clinical cases, de-identification)",
            "repo": "PlanTL-GOB-ES/SPACCC_MEDDOCAN",
            "commit": "783a6df385c975b328c99bcffb54196a9ba4078a",
            "path": "corpus/dev/brat",
            "split": "dev",
            "format": "brat",
            "labels": "meddocan",
            "licence": "CC BY 4.0",
        },
        # No permissive Spanish corpus of prose could be had (CoNLL-2002 is research-only, AnCora
        # and WikiNER not obtainable): a model trained on MEDDOCAN alone found no name in legal
        # prose. Brazilian court text (LeNER-Br, MIT) is added as transfer data: same script,
        # capitalisation and much of the legal vocabulary. Its dev part is scored on its own.
        {"name": "LeNER-Br (Portuguese, transfer)", **LENER_TRAIN},
        {
            "name": "LeNER-Br (Portuguese, transfer)",
            "repo": "peluz/lener-br",
            "commit": "4999cb7f63191f1d6904206f312eeca8f5b45c5a",
            "path": "leNER-Br/dev/dev.conll",
            "split": "dev",
            "labels": "lener",
            "licence": "MIT",
        },
    ],
    "en": [
        # InLegalNER (OpenNyAI; the repository is Apache-2.0): its dev split, in the repository as
        # a DocBin (train.spacy is not in the snapshot; the test split is on a hub, not read).
        {
            "name": "InLegalNER (Indian judgments)",
            "repo": "Legal-NLP-EkStep/legal_NER",
            "commit": "a25ca29c876cd96d9d3a2635e424eadf95c4986a",
            "path": "training/Combined_Data_Judgement_Preamble_spacy_format/dev.spacy",
            "split": "dev",
            "format": "docbin",
            "labels": "inlegalner",
            "licence": "Apache-2.0",
        },
    ],
    "fr": [
        # Europeana newspapers (fr: BnF, OCR'd), for measuring fr_core_news_sm merged with the rules
        # (no fr model is trained here): cut 80/10/10 as de is, the 10 % test part never written.
        {"name": "Europeana Newspapers NER (bnf)", **EUROPEANA_FR},
    ],
    "it": [
        # No permissive Italian corpus of any size could be had (models/README.md, "Corpora
        # reviewed"). Italian: the Europarl NER evaluation corpus (799 hand-annotated sentences of
        # parliamentary debate, CC BY-SA 4.0), cut dev 30 % / train 70 %, its train part read 4
        # times; the dev part is the only dev split (spacy train picks model-best on Italian alone).
        {
            "name": "Europarl NER (Italian parliamentary debates)",
            "repo": "ixa-ehu/ner-evaluation-corpus-europarl",
            "commit": "40e84e215a35c7e46c1b169ad88ab55108a8b0de",
            "path": "it-europarl.test.conll02",
            "split": "cut",
            "cut": (0.3, 0.0),
            "repeat": 4,
            "names": 0.5,
            "labels": "europarl",
            "licence": "CC BY-SA 4.0",
        },
        # Romance transfer data, as for es: Brazilian court decisions (LeNER-Br train, MIT),
        # Spanish clinical case reports (MEDDOCAN train, CC BY 4.0) and OCR'd French newspapers
        # (Europeana fr, the 80 % train cut of the fr measurement split; CC0). Same script and
        # capitalisation of names; their dev parts are not read for Italian.
        # Most of their persons are rewritten as Italian names (NAMES["it"]).
        {"name": "LeNER-Br (Portuguese, transfer)", **LENER_TRAIN, "names": 0.75},
        {"name": "MEDDOCAN (Spanish, transfer)", **MEDDOCAN_TRAIN, "names": 0.75},
        # its dev and test cuts are the fr measurement's: not read here
        {
            "name": "Europeana Newspapers NER (French, transfer)",
            **EUROPEANA_FR,
            "keep": ("train",),
            "names": 0.75,
        },
        # KIND's Wikinews part (Italian news; annotations CC BY-NC 4.0, so never trained on, nor
        # used to pick model-best): a seeded sample of 1,000 sentences of its TRAIN file, written
        # as measure.kind.spacy only. KIND's test files (dataset/*_test.tsv, and
        # evalita-2023/*_dev.tsv, which are KIND's test data) are not read.
        {
            "name": "KIND Wikinews (Italian news, measurement only)",
            "repo": "dhfbk/KIND",
            "commit": "a2ad139171ef7fde0dff0f8ea94d18356340ada9",
            "path": "dataset/wikinews_train.tsv",
            "split": "measure",
            "sample": 1000,
            "io": True,  # bare labels (PER, not B-PER): adjacent same-class names merge
            "labels": "kind",
            "licence": "CC BY-NC 4.0 (measurement only)",
        },
        # Two more of KIND's domains, measured as the Wikinews sample is (seeded samples of 1,000
        # sentences of their TRAIN files; never trained on): public-domain novels of 1911-1950
        # (annotations CC BY-NC 4.0) and Alcide De Gasperi's writings (CC BY-NC-SA 4.0).
        {
            "name": "KIND-fiction (Italian novels, measurement only)",
            "repo": "dhfbk/KIND",
            "commit": "a2ad139171ef7fde0dff0f8ea94d18356340ada9",
            "path": "dataset/fiction_train.tsv",
            "split": "measure",
            "sample": 1000,
            "io": True,
            "labels": "kind",
            "licence": "CC BY-NC 4.0 (measurement only)",
        },
        {
            "name": "KIND-degasperi (Alcide De Gasperi's writings, measurement only)",
            "repo": "dhfbk/KIND",
            "commit": "a2ad139171ef7fde0dff0f8ea94d18356340ada9",
            "path": "dataset/degasperi_train.tsv",
            "split": "measure",
            "sample": 1000,
            "io": True,
            "labels": "kind",
            "licence": "CC BY-NC-SA 4.0 (measurement only)",
        },
    ],
    "ru": [
        # factRuEval-2016 devset (122 news and analytics texts; MIT): dev only, for measuring the
        # Russian model that natasha ships (slovnet, not trained here); its testset is not read.
        {
            "name": "factRuEval-2016 (Russian news)",
            "repo": "dialogue-evaluation/factRuEval-2016",
            "commit": "dfe96237fce79fde13b2021d1938587e4ea3042e",
            "path": "devset",
            "split": "dev",
            "format": "factrueval",
            "labels": "factrueval",
            "licence": "MIT",
        },
    ],
}


def _gitdir(mirror: Path, repo: str) -> Path:
    """The snapshot's git directory: ``repo`` itself (bare) or its ``.git`` (a work tree)."""
    gitdir = mirror / repo.replace("/", "+") / "repo"
    return gitdir / ".git" if (gitdir / ".git").is_dir() else gitdir


def git_show(mirror: Path, repo: str, commit: str, path: str) -> str:
    gitdir = _gitdir(mirror, repo)
    out = subprocess.run(
        ["git", "--git-dir", str(gitdir), "show", f"{commit}:{path}"], check=True, capture_output=True
    )
    return out.stdout.decode("utf-8")


def git_ls(mirror: Path, repo: str, commit: str, path: str) -> list[str]:
    gitdir = _gitdir(mirror, repo)
    out = subprocess.run(
        ["git", "--git-dir", str(gitdir), "ls-tree", "-r", "--name-only", commit, path + "/"],
        check=True,
        capture_output=True,
    )
    return sorted(out.stdout.decode("utf-8").splitlines())


def read_brat(nlp, mirror: Path, src: dict, mapping: dict[str, str]):
    """Yield one (words, iob, spaces) per brat document; entity offsets are snapped outwards to
    spaCy's tokens, overlapping spans keep the longest."""
    from spacy.util import filter_spans

    for txt in [f for f in git_ls(mirror, src["repo"], src["commit"], src["path"]) if f.endswith(".txt")]:
        text = git_show(mirror, src["repo"], src["commit"], txt)
        ann = git_show(mirror, src["repo"], src["commit"], txt[:-4] + ".ann")
        doc = nlp.make_doc(text)
        spans = []
        for line in ann.splitlines():
            if not line.startswith("T"):
                continue
            _, info, _ = line.split("\t", 2)
            lab, *offs = info.split()
            lab = mapping.get(lab)
            if not lab or ";" in " ".join(offs):
                continue
            sp = doc.char_span(int(offs[0]), int(offs[-1]), label=lab, alignment_mode="expand")
            if sp is not None and sp.text.strip():
                spans.append(sp)
        doc.ents = filter_spans(spans)
        words = [t.text for t in doc]
        iob = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
        yield words, iob, [bool(t.whitespace_) for t in doc]


def read_factrueval(nlp, mirror: Path, src: dict, mapping: dict[str, str]):
    """Yield one (words, iob, spaces) per factRuEval text: each object of a mapped type spans its
    first span's start to its last span's end (``.objects`` lists span ids, ``.spans`` gives
    ``id type start length ...``), snapped outwards to spaCy's tokens; overlaps keep the longest."""
    from spacy.util import filter_spans

    files = git_ls(mirror, src["repo"], src["commit"], src["path"])
    for txt in [f for f in files if f.endswith(".txt")]:
        show = lambda ext, base=txt[:-4]: git_show(mirror, src["repo"], src["commit"], base + ext)  # noqa: E731
        text = show(".txt")
        offsets = {}
        for line in show(".spans").splitlines():
            fields = line.split("#", 1)[0].split()
            if len(fields) >= 4:
                offsets[fields[0]] = (int(fields[2]), int(fields[2]) + int(fields[3]))
        doc = nlp.make_doc(text)
        spans = []
        for line in show(".objects").splitlines():
            fields = line.split("#", 1)[0].split()
            label = mapping.get(fields[1]) if len(fields) >= 3 else None
            ends = [offsets[sid] for sid in fields[2:] if sid in offsets]
            if not label or not ends:
                continue
            span = doc.char_span(min(a for a, _ in ends), max(b for _, b in ends), label=label,
                                 alignment_mode="expand")  # fmt: skip
            if span is not None and span.text.strip():
                spans.append(span)
        doc.ents = filter_spans(spans)
        iob = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
        yield [t.text for t in doc], iob, [bool(t.whitespace_) for t in doc]


def read_docbin(mirror: Path, src: dict, mapping: dict[str, str]):
    """Yield one (words, iob, spaces) per document of a spaCy DocBin, its labels mapped."""
    gitdir = _gitdir(mirror, src["repo"])
    out = subprocess.run(
        ["git", "--git-dir", str(gitdir), "show", f"{src['commit']}:{src['path']}"],
        check=True,
        capture_output=True,
    )
    for doc in DocBin().from_bytes(out.stdout).get_docs(spacy.blank("xx").vocab):
        iob = [
            f"{t.ent_iob_}-{mapping[t.ent_type_]}"
            if t.ent_iob_ in ("B", "I") and t.ent_type_ in mapping
            else "O"
            for t in doc
        ]
        yield [t.text for t in doc], fix_iob(iob), [bool(t.whitespace_) for t in doc]


def read_nested(text: str, mapping: dict[str, str]):
    """Yield (words, iob, None) per sentence from a file whose tokens carry all their nested
    tags ("word B-ORG I-GPE ..."): spans of the mapped labels, overlaps resolved longest first."""
    from spacy.util import filter_spans

    nlp = spacy.blank("xx")
    for block in text.split("\n\n"):
        rows = [ln.split() for ln in block.splitlines() if ln.strip()]
        if not rows:
            continue
        words = [r[0] for r in rows]
        spans, open_ = [], {}
        for i, r in enumerate(rows):
            tags = {t.split("-", 1)[1]: t[0] for t in r[1:] if "-" in t}
            for lab in list(open_):
                if tags.get(lab) != "I":
                    spans.append((open_.pop(lab), i, lab))
            for lab, pre in tags.items():
                if pre == "B" or (pre == "I" and lab not in open_):
                    if lab in open_:
                        spans.append((open_.pop(lab), i, lab))
                    open_[lab] = i
        spans += [(st, len(rows), lab) for lab, st in open_.items()]
        doc = Doc(nlp.vocab, words=words)
        ents = [doc[a:b] for a, b, lab in spans if mapping.get(lab)]
        for sp, (_a, _b, lab) in zip(ents, [x for x in spans if mapping.get(x[2])], strict=False):
            sp.label_ = mapping[lab]
        doc.ents = filter_spans(ents)
        iob = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
        yield words, iob, None


def read_conll(text: str, mapping: dict[str, str], chunk_untagged: bool = False, io_tags: bool = False):
    """Yield sentences as (words, iob) with our labels. Blank lines end a sentence; a corpus
    without blank lines (chunk_untagged) is cut after . ! ? (at least 5 tokens) or at 80 tokens,
    never inside an entity. ``io_tags``: the corpus tags with bare labels (IO), see map_tag."""
    words: list[str] = []
    tags: list[str] = []

    def flush():
        nonlocal words, tags
        if words:
            yield list(words), fix_iob(tags), None
        words, tags = [], []

    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("-DOCSTART-"):
            yield from flush()
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        word, tag = parts[0], map_tag(parts[-1], mapping, io_tags)
        words.append(word)
        tags.append(tag)
        sentence_end = (word in (".", "!", "?") and len(words) >= 5) or len(words) >= 80
        if chunk_untagged and tag == "O" and sentence_end:
            yield from flush()
    yield from flush()


def map_tag(tag: str, mapping: dict[str, str], io_tags: bool = False) -> str:
    """A corpus IOB tag ("B-PERS") as ours ("B-PER"), or "O" for a label not in the mapping.
    With ``io_tags`` a bare label ("PER", the IO scheme) is an inside tag (fix_iob begins it)."""
    tag = tag.upper()
    if io_tags and tag in mapping:
        return f"I-{mapping[tag]}"
    if tag == "O" or "-" not in tag:
        return "O"
    pre, lab = tag.split("-", 1)
    ours = mapping.get(lab)
    return f"{pre}-{ours}" if ours and pre in ("B", "I") else "O"


def fix_iob(tags: list[str]) -> list[str]:
    """I- with no B- or a different label before it becomes B-."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def to_docs(vocab, sents):
    """SENTS_PER_DOC sentences make one Doc; a whole document (with its spaces) is one Doc."""
    whole = [s for s in sents if s[2] is not None]
    sents = [s for s in sents if s[2] is None]
    for ws, ts, sp in whole:
        yield Doc(vocab, words=ws, spaces=sp, ents=ts)
    for i in range(0, len(sents), SENTS_PER_DOC):
        group = sents[i : i + SENTS_PER_DOC]
        words = [w for ws, _, _ in group for w in ws]
        ents = [t for _, ts, _ in group for t in ts]
        starts = []
        for ws, _, _ in group:
            starts += [True] + [False] * (len(ws) - 1)
        doc = Doc(vocab, words=words, ents=ents, sent_starts=starts)
        yield doc


def read_sentence_csv(text: str, mapping: dict[str, str]):
    """Yield (words, iob, None) per row of a CSV with a ``sentence`` column (words joined by
    single spaces) and an ``entities`` column (a Python list literal of IOB tags, one a word)."""
    for row in csv.DictReader(io.StringIO(text)):
        words = row["sentence"].split(" ")
        tags = ast.literal_eval(row["entities"])
        if len(tags) != len(words):
            raise ValueError(f"{len(words)} words but {len(tags)} tags: {row['sentence'][:60]}")
        yield words, fix_iob([map_tag(t, mapping) for t in tags]), None


def read_conll_dir(mirror: Path, src: dict, mapping: dict[str, str]) -> list:
    """The sentences of every ``.conll`` file under a folder, in path order."""
    sents: list = []
    for path in git_ls(mirror, src["repo"], src["commit"], src["path"]):
        if path.endswith(".conll"):
            sents += read_conll(git_show(mirror, src["repo"], src["commit"], path), mapping)
    return sents


def without_held_out(mirror: Path, src: dict, sents: list) -> list:
    """Drop every sentence whose words equal those of a sentence in an ``exclude`` file (another
    copy's dev or test split): only the words of those files are compared, never their labels."""
    held_out: set[tuple[str, ...]] = set()
    for repo, commit, path in src.get("exclude", ()):
        held_out.update(tuple(ws) for ws, _, _ in read_conll(git_show(mirror, repo, commit, path), {}))
    return [s for s in sents if tuple(s[0]) not in held_out]


def seeded_sample(src: dict, sents: list) -> list:
    """A seeded sample of ``sample`` sentences (kept in corpus order), or all of them."""
    n = src.get("sample")
    if not n or n >= len(sents):
        return sents
    rng = random.Random(f"{SEED}:{src['repo']}:{src['path']}:sample")
    return [sents[i] for i in sorted(rng.sample(range(len(sents)), n))]


def read_source(nlp, mirror: Path, src: dict) -> list:
    """The (words, iob, spaces) items of one source, read by its format, without the sentences
    of its ``exclude`` files, sampled to ``sample`` sentences where it says so."""
    read = read_formatted(nlp, mirror, src)
    kept = without_held_out(mirror, src, read)
    if len(kept) < len(read) or src.get("sample"):
        print(f"{src['name']}: {len(read)} read, {len(read) - len(kept)} held out (dev/test words), "
              f"{min(len(kept), src.get('sample') or len(kept))} kept", file=sys.stderr)  # fmt: skip
    return seeded_sample(src, kept)


def read_formatted(nlp, mirror: Path, src: dict) -> list:
    """The (words, iob, spaces) items of one source, read by its format."""
    mapping = LABELS[src["labels"]]
    if src.get("format") == "sentence-csv":
        return list(read_sentence_csv(git_show(mirror, src["repo"], src["commit"], src["path"]), mapping))
    if src.get("format") == "conll-dir":
        return read_conll_dir(mirror, src, mapping)
    if src.get("format") == "nested":
        return list(read_nested(git_show(mirror, src["repo"], src["commit"], src["path"]), mapping))
    if src.get("format") == "docbin":
        return list(read_docbin(mirror, src, mapping))
    if src.get("format") == "factrueval":
        return list(read_factrueval(nlp, mirror, src, mapping))
    if src.get("format") == "brat":
        return list(read_brat(nlp, mirror, src, mapping))
    text = git_show(mirror, src["repo"], src["commit"], src["path"])
    return list(read_conll(text, mapping, src.get("chunk", False), src.get("io", False)))


def split_source(src: dict, sents: list) -> dict[str, list]:
    """The source's sentences by split: its own split, or a ``cut`` by a SEED shuffle into dev
    (cut[0]), test (cut[1], never written) and train (the rest), each in corpus order. A small
    corpus in a large mix has its train part read ``repeat`` times per epoch (train only)."""
    if src["split"] != "cut":
        parts = {src["split"]: sents}
    else:
        rng = random.Random(f"{SEED}:{src['repo']}:{src['path']}")
        idx = list(range(len(sents)))
        rng.shuffle(idx)
        n_dev, n_test = (int(len(sents) * f) for f in src["cut"])
        cut = {"dev": idx[:n_dev], "test": idx[n_dev : n_dev + n_test], "train": idx[n_dev + n_test :]}
        parts = {k: [sents[i] for i in sorted(v)] for k, v in cut.items()}
    if "keep" in src:  # a cut shared with another language's measurement: only these parts
        parts = {k: v for k, v in parts.items() if k in src["keep"]}
    if "train" in parts:
        parts["train"] = parts["train"] * src.get("repeat", 1)
    return parts


def read_names(mirror: Path, src: dict) -> tuple[list[str], list[str]]:
    """The given names and surnames of a NAMES entry: the string tuples assigned to the names
    it lists in a Python source file (read with ``ast``, never imported), in file order."""
    tuples: dict[str, list[str]] = {}
    for node in ast.walk(ast.parse(git_show(mirror, src["repo"], src["commit"], src["path"]))):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
            strings = [
                e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
            for target in node.targets:
                if isinstance(target, ast.Name) and strings:
                    tuples[target.id] = strings
    given = [n for key in src["given"] for n in tuples[key]]
    surnames = [n for key in src["surnames"] for n in tuples[key]]
    return given, surnames


def a_name(
    original: list[str],
    given: list[str],
    surnames: list[str],
    rng: random.Random,
    *,
    one_word_given: float = 0.0,
) -> str:
    """A name of the list shaped as the person it replaces: one word -> a surname (a given name
    for ``one_word_given`` of them), two -> given name and surname, more -> two given names or two
    surnames; upper case if the original was."""
    if len(original) == 1:
        name = rng.choice(given) if one_word_given and rng.random() < one_word_given else rng.choice(surnames)
    elif len(original) == 2:
        name = f"{rng.choice(given)} {rng.choice(surnames)}"
    elif rng.random() < 0.5:
        name = f"{rng.choice(given)} {rng.choice(given)} {rng.choice(surnames)}"
    else:
        name = f"{rng.choice(given)} {rng.choice(surnames)} {rng.choice(surnames)}"
    letters = [c for w in original for c in w if c.isalpha()]
    return name.upper() if len(letters) > 1 and all(c.isupper() for c in letters) else name


def substitute_names(
    nlp,
    sents: list,
    names: tuple[list[str], list[str]],
    share: float,
    rng: random.Random,
    *,
    one_word_given: float = 0.0,
):
    """The sentences with ``share`` of their persons (B-PER I-PER* runs) rewritten as names of the
    list (a_name), each tokenised by ``nlp``'s tokenizer; returns (sentences, persons rewritten).
    A whole document keeps its spacing: the name's last token takes the replaced one's space."""
    out, rewritten = [], 0
    for words, tags, spaces in sents:
        new_words: list[str] = []
        new_tags: list[str] = []
        new_spaces: list[bool] = []
        i = 0
        while i < len(words):
            j = i + 1
            if tags[i] == "B-PER":
                while j < len(words) and tags[j] == "I-PER":
                    j += 1
            if tags[i] != "B-PER" or rng.random() >= share:
                new_words += words[i:j]
                new_tags += tags[i:j]
                new_spaces += spaces[i:j] if spaces is not None else [True] * (j - i)
                i = j
                continue
            tokens = nlp.make_doc(a_name(words[i:j], *names, rng, one_word_given=one_word_given))
            new_words += [t.text for t in tokens]
            new_tags += ["B-PER"] + ["I-PER"] * (len(tokens) - 1)
            last_space = spaces[j - 1] if spaces is not None else True
            new_spaces += [bool(t.whitespace_) for t in tokens[:-1]] + [last_space]
            rewritten += 1
            i = j
        out.append((new_words, new_tags, new_spaces if spaces is not None else None))
    return out, rewritten


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lang", choices=sorted(SOURCES))
    ap.add_argument("--mirror", default="/work/.mirror", type=Path)
    ap.add_argument("--out", default="/work/data/ner", type=Path)
    a = ap.parse_args(argv)

    nlp = spacy.blank(a.lang)
    splits: dict[str, list] = {"train": [], "dev": []}
    dev_by_source: dict[str, list] = {}
    # split "measure": a corpus that may be read only to measure (never trained on, nor in the
    # dev split that picks model-best), written as measure.<corpus>.spacy
    measure_by_source: dict[str, list] = {}
    stats: dict = {"seed": SEED, "sents_per_doc": SENTS_PER_DOC, "sources": []}
    names = read_names(a.mirror, NAMES[a.lang]) if any("names" in src for src in SOURCES[a.lang]) else None
    rewritten = 0
    for src in SOURCES[a.lang]:
        sents = read_source(nlp, a.mirror, src)
        parts = split_source(src, sents)
        if names and src.get("names") and "train" in parts:
            rng = random.Random(f"{SEED}:{src['repo']}:{src['path']}:names")
            one_word_given = NAMES[a.lang].get("one_word_given", 0.0)
            parts["train"], n = substitute_names(
                nlp, parts["train"], names, src["names"], rng, one_word_given=one_word_given
            )
            rewritten += n
        for split, ss in parts.items():
            c = Counter(t[2:] for _, ts, _ in ss for t in ts if t.startswith("B-"))
            stats["sources"].append(
                {
                    "name": src["name"],
                    "repo": src["repo"],
                    "commit": src["commit"],
                    "path": src["path"],
                    "licence": src["licence"],
                    "split": split,
                    "from": src["split"],
                    "sentences": len(ss),
                    "tokens": sum(len(w) for w, _, _ in ss),
                    "PER": c["PER"],
                    "ORG": c["ORG"],
                    "used": split in ("train", "dev"),  # a test cut is never written, a measure
                    # set is never trained on (nor in the model's sources or licence)
                    "repeat": src.get("repeat", 1) if split == "train" else 1,
                }
            )
            if split in splits:
                splits[split].extend(ss)
            if split in ("dev", "measure"):
                by_source = dev_by_source if split == "dev" else measure_by_source
                by_source.setdefault(src["name"].split(" (")[0], []).extend(ss)
    if names:  # the name list is a source of the pipeline too (its licence in the card)
        lst = NAMES[a.lang]
        stats["sources"].append(
            {
                **{k: lst[k] for k in ("name", "repo", "commit", "path", "licence")},
                "split": "train",
                "from": "names",
                "sentences": 0,
                "tokens": 0,
                "PER": rewritten,  # persons of the train parts rewritten as names of the list
                "ORG": 0,
                "used": True,
                "given": len(names[0]),
                "surnames": len(names[1]),
            }
        )
    outdir = a.out / a.lang
    outdir.mkdir(parents=True, exist_ok=True)
    for split, ss in splits.items():
        db = DocBin(store_user_data=False)
        for doc in to_docs(nlp.vocab, ss):
            db.add(doc)
        db.to_disk(outdir / f"{split}.spacy")
        c = Counter(t[2:] for _, ts, _ in ss for t in ts if t.startswith("B-"))
        stats[split] = {
            "sentences": len(ss),
            "tokens": sum(len(w) for w, _, _ in ss),
            "docs": len(db),
            "PER": c["PER"],
            "ORG": c["ORG"],
        }
    # the dev part of each corpus on its own too, to score a model per corpus (models/card.py)
    stats["dev_files"] = {}
    stats["measure_files"] = {}
    written = [("dev", dev_by_source)] if len(dev_by_source) > 1 else []
    for prefix, by_source in [*written, ("measure", measure_by_source)]:
        for name, ss in by_source.items():
            slug = name.split()[0].lower().replace("-", "")
            db = DocBin(store_user_data=False)
            for doc in to_docs(nlp.vocab, ss):
                db.add(doc)
            db.to_disk(outdir / f"{prefix}.{slug}.spacy")
            stats[f"{prefix}_files"][name] = f"{prefix}.{slug}.spacy"
    (outdir / "stats.json").write_text(json.dumps(stats, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps({k: stats[k] for k in ("train", "dev")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
