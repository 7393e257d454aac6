"""The layouts generator (bench/layouts): labels that follow the reference rules, text that
is the document's, determinism, and the hand-written requests."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
import yaml

from bench.layouts import routing, world
from bench.layouts.doc import Boxes, Document, Text, rasterize, render_pdf
from bench.layouts.families import FAMILIES, FAMILY_LANGS, RENDER
from bench.layouts.freezing import labels as freezing_labels
from bench.layouts.freezing import prepare as prepare_freezing
from bench.layouts.generate import generate
from bench.layouts.hague import labels as hague_labels
from bench.layouts.hague import prepare as prepare_hague
from bench.layouts.model import sample

DEV = Path("/work/shared/corpus/dev/manifest.jsonl")
HANDWRITTEN = Path(__file__).resolve().parents[2] / "bench" / "layouts" / "handwritten"


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.mark.skipif(not DEV.exists(), reason="dev corpus not mounted")
def test_routing_evaluator_agrees_with_dev_labels():
    d = routing.load()
    for line in DEV.read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        route_to, notify = routing.route(m, d)
        assert route_to == m["route_to"], m["id"]
        assert sorted(notify) == sorted(m["notify"]), m["id"]


def test_routing_rules_in_order():
    d = routing.load()
    assert (
        routing.route(
            {"request_type": "extradition", "proceeding_type": "civil", "measures": ["freezing"]}, d
        )[0]
        == "extradition_unit"
    )
    assert (
        routing.route(
            {"request_type": "mla", "proceeding_type": "administrative", "measures": ["freezing"]}, d
        )[0]
        == "civil_authority"
    )
    assert (
        routing.route(
            {
                "request_type": "mla",
                "proceeding_type": "criminal",
                "measures": ["videoconference", "service_of_documents"],
            },
            d,
        )[0]
        == "courts"
    )
    assert (
        routing.route(
            {
                "request_type": "mla",
                "proceeding_type": "criminal",
                "measures": ["videoconference", "taking_evidence"],
            },
            d,
        )[0]
        == "prosecutor_general"
    )
    assert (
        routing.route({"request_type": "mla", "proceeding_type": "criminal", "measures": []}, d)[0]
        == "central_authority"
    )
    assert routing.route({"offences": ["art23"]}, d)[1] == []
    assert routing.route({"offences": ["art23", "art19"]}, d)[1] == ["anti_corruption_agency"]


@pytest.mark.parametrize("cc", sorted(world.IBAN_BBAN))
def test_ibans_have_valid_check_digits(cc):
    rng = random.Random(cc)
    for _ in range(20):
        s = world.iban(rng, cc)
        assert world.iban_valid(s)
        assert s.startswith(cc)
        assert not world.iban_valid(s[:2] + f"{(int(s[2:4]) + 1) % 100:02d}" + s[4:])


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_states_its_labels(family):
    for lang in FAMILY_LANGS[family]:
        rng = random.Random(f"t/{family}/{lang}")
        kw = {"eu_only": True} if family in ("eio", "eaw") else {}
        if family == "eaw":
            kw["request_type"] = "extradition"
        req = sample(rng, f"{family}-{lang}", lang, family, **kw)
        if family == "translation":
            req.translated_to = "en" if lang != "en" else "fr"
        if family == "freezing_certificate":
            prepare_freezing(req, rng)
        if family == "hague_letter":
            prepare_hague(req)
        _pdf, text = render_pdf(RENDER[family](req, rng))
        lab = req.labels()
        for name in lab["persons"]:
            assert name in text, (family, lang, name)
        for acc in lab["accounts"]:
            assert acc in text.replace(" ", ""), (family, lang, acc)
        if lab["deadline"]:
            assert lab["urgent"]
        assert ("acceptable_language" in lab["missing_elements"]) == (
            lang not in ("en", "fr", "es") and family != "translation"
        )


def test_text_layer_is_the_text():
    import pypdfium2 as pdfium

    rng = random.Random(5)
    req = sample(rng, "x", "fr", "model_form")
    pdf, text = render_pdf(RENDER["model_form"](req, rng))
    doc = pdfium.PdfDocument(pdf)
    layer = "\f".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert len(doc) == text.count("\f") + 1
    assert ws(layer.replace("\r", "")) == ws(text)


def test_unticked_boxes_are_printed_for_other_proceedings():
    rng = random.Random(9)
    req = sample(rng, "x", "es", "model_form")
    req.proceeding_type = "criminal"
    _, text = render_pdf(RENDER["model_form"](req, rng))
    assert "procedimiento civil" in text
    assert "procedimiento administrativo" in text


def test_drawn_boxes_leave_no_glyph_and_show_their_state():
    d = Document()
    d.add(Text("Urgency"), Boxes("", [("Yes", "empty"), ("No", "filled")], drawn=True))
    pdf, text = render_pdf(d)
    assert "☐" not in text
    assert "[" not in text
    assert "Yes   No" in text
    img = rasterize(pdf, 100)[0]
    # the filled box is darker than the empty one
    import numpy as np

    a = np.asarray(img)
    row = a[int(18 / 25.4 * 100) : int(40 / 25.4 * 100)]
    assert (row < 128).sum() > 50


def test_generation_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate(a, ["note_verbale"], {"de"}, 1, 3, 0.0)
    generate(b, ["note_verbale"], {"de"}, 1, 3, 0.0)
    assert (a / "manifest.jsonl").read_text() == (b / "manifest.jsonl").read_text()
    row = json.loads((a / "manifest.jsonl").read_text())
    for k in (
        "id",
        "file",
        "kind",
        "language",
        "request_type",
        "proceeding_type",
        "measures",
        "offences",
        "legal_basis",
        "requesting_state",
        "persons",
        "accounts",
        "urgent",
        "deadline",
        "missing_elements",
        "route_to",
        "notify",
        "text",
    ):
        assert k in row


@pytest.mark.parametrize("path", sorted(HANDWRITTEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_handwritten_labels_are_in_the_text(path):
    h = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name in h["persons"]:
        assert name in h["text"], name
    for acc in h["accounts"]:
        assert acc in h["text"].replace(" ", ""), acc
        if acc[:2].isalpha():
            assert world.iban_valid(acc), acc
    assert h["language"] in ("en", "fr", "es", "pt", "ru", "ar", "de", "it")
    assert ("acceptable_language" in h["missing_elements"]) == (
        h["language"] not in ("en", "fr", "es") and h.get("family") != "translation"
    )
    assert not h["deadline"] or h["urgent"]


def test_coe_form_prints_boxes_before_or_after_options_and_unticked_others():
    seen = set()
    for i in range(12):
        rng = random.Random(f"coe/{i}")
        req = sample(rng, "x", "pt", "coe_form", request_type="mla")
        _, text = render_pdf(RENDER["coe_form"](req, rng))
        assert "processo cível" in text and "processo administrativo" in text
        seen.add("after" if re.search(r"Sim \S+   Não \S+", text) else "before")
    assert seen == {"before", "after"}


@pytest.mark.parametrize("lang", FAMILY_LANGS["freezing_certificate"])
def test_freezing_certificate_asks_to_freeze_and_leaves_the_aim_unticked_when_missing(lang):
    for i in range(6):
        rng = random.Random(f"fz/{lang}/{i}")
        req = sample(rng, "x", lang, "freezing_certificate", request_type="mla")
        prepare_freezing(req, rng)
        req.missing.add("purpose")
        _, text = render_pdf(RENDER["freezing_certificate"](req, rng))
        lab = req.labels()
        assert lab["measures"][0] == "freezing" and lab["route_to"] == "asset_recovery_office"
        assert "purpose" in lab["missing_elements"]
        aim = freezing_labels()[lang]["D4o"][0]
        assert re.search(rf"(☐|\[ +\]|\( \)|□) {re.escape(aim)}", text), text
        assert freezing_labels()[lang]["D0"] in text


@pytest.mark.parametrize("lang", FAMILY_LANGS["hague_letter"])
def test_hague_letter_answers_its_items_and_leaves_an_absent_one_empty(lang):
    words = hague_labels()[lang]
    for i in range(6):
        rng = random.Random(f"hg/{lang}/{i}")
        req = sample(rng, "x", lang, "hague_letter", request_type="mla")
        prepare_hague(req)
        req.missing = {"facts_summary"}
        _, text = render_pdf(RENDER["hague_letter"](req, rng))
        lab = req.labels()
        assert lab["request_type"] == "mla" and "subject_matter" not in lab["missing_elements"]
        assert words["i7a"] in text and words["complaint"][:12] not in text
        answer = text.split(words["i7b"], 1)[1].lstrip().split("\n", 1)[0]
        assert answer in (words["na"], "—"), answer
        for m in req.measures:
            assert words["meas"][m].split("{")[0].strip() in text, (lang, m)


def test_hague_letter_names_each_legal_basis_whole():
    """A legal-basis name with a comma in it ("(Palermo, 2000)") is one name, not two."""
    for lang, words in hague_labels().items():
        for basis, names in words["bases"].items():
            assert len(names) == (2 if basis == "uncac" else 1), (lang, basis, names)
            assert all(name.count("(") == name.count(")") for name in names), (lang, names)
