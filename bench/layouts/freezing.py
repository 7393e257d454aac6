"""The ``freezing_certificate`` family: after the freezing certificate of Annex I of
Regulation (EU) 2018/1805 on the mutual recognition of freezing orders and confiscation
orders (sections A to L: issuing and executing State, urgency with its reasons and date,
the property with the accounts, the grounds with the facts, the legal classification, the
offence categories and the aim of the freezing, the persons, a confiscation order Yes/No,
legal remedies, the issuing authority with its type, the signature).

Written after the rules of issue 14's second round (s28) and measured before any rule was
changed for it. Unlike the other families: a request whose only measure is to freeze (and
sometimes to trace) property, asked in the certificate's own sentences; an aim of the
freezing given by a ticked box and a sentence; the date of the freezing order, which is not
a deadline; a Yes/No question answered no; the issuing authority's type as three boxes,
none ticked when the authority is missing. Russian and Arabic: the same parts, as a
non-EU authority fills them for a request under UNCAC art. 54(2).
"""

from __future__ import annotations

import functools
import random
from datetime import timedelta
from pathlib import Path

import yaml

from .doc import BOX_STYLES, Boxes, Document, Table, Text
from .lang import L
from .model import Content, Req

EU = ("en", "fr", "es", "pt", "de", "it")
LABELS = Path(__file__).with_name("freezing_labels.yaml")


@functools.cache
def labels() -> dict[str, dict]:
    """The family's labels and sentences per language (freezing_labels.yaml)."""
    return yaml.safe_load(LABELS.read_text(encoding="utf-8"))


#: Offence ids that tick the certificate's "corruption" and "laundering" categories.
CORRUPTION = {"art15", "art16", "art17", "art18", "art19", "art20", "art21", "art22"}


def prepare(req: Req, rng: random.Random) -> None:
    """Make the sampled request one a freezing certificate states: criminal, freezing (and
    sometimes tracing) of at least one account, the elements it can lack."""
    req.request_type, req.proceeding_type = "mla", "criminal"
    req.measures = ["freezing"] + (["trace_proceeds"] if rng.random() < 0.3 else [])
    req.missing &= {"requesting_authority", "facts_summary", "person_identity", "purpose"}
    if req.lang in EU:
        req.legal_basis = sorted({"regional"} | ({"uncac"} if rng.random() < 0.3 else set()))


def freezing_certificate(req: Req, rng: random.Random, drawn: bool = False) -> Document:
    c = Content(req, rng)
    F, D = labels()[req.lang], L[req.lang]
    d = Document(font="sans" if req.lang == "ar" else rng.choice(["sans", "serif"]), rtl=req.lang == "ar")
    style = rng.choice(BOX_STYLES)
    mark = rng.choice(["crossed", "ticked", "filled"]) if drawn else "ticked"

    def boxes(label: str, options, chosen, vertical=True):
        opts = [(o, mark if i in chosen else "empty") for i, o in enumerate(options)]
        d.add(Boxes(label, opts, style=style, drawn=drawn, vertical=vertical, size=9))

    def field(label: str, value: str):
        d.add(Text(f"{label}: {value}", 9, gap=0.4))

    def head(key: str):
        d.add(Text(F[key], 10, True, gap=0.8))

    s1 = (req.suspects or req.persons)[0].full
    d.add(Text(F["title"], 13, True, "C", gap=0.5), Text(F["sub"], 8, False, "C", gap=3))
    head("A")
    field(F["A1"], req.state_name)
    field(F["A2"], D["to"].split(",")[-1].strip())
    _urgency(d, req, c, F, boxes, s1)
    head("C")
    boxes(F["C1"], F["Co"], {0} if req.accounts else {2})
    if req.accounts:
        d.add(Table(list(F["acc"]), [[a.printed, a.bank, a.holder] for a in req.accounts], [70, 50, 54]))
    d.add(Text(F["ask"], 9, gap=0.4))
    if "trace_proceeds" in req.measures:
        d.add(Text(F["trace"].format(p=s1), 9, gap=0.4))
    head("D")
    d.add(Text(F["D1"] + ":", 9, True, gap=0.3))
    d.add(Text(F["na"] if "facts_summary" in req.missing else c.facts(), 9, gap=0.6))
    order_date = req.doc_date - timedelta(days=rng.randint(2, 20))
    field(F["D0"], c.date(order_date))
    d.add(Text(F["D2"] + ":", 9, True, gap=0.3), Text(c.offence_sentence(), 9, gap=0.6))
    cats = ({1} if CORRUPTION & set(req.offences) else set()) | ({3} if "art23" in req.offences else set())
    boxes(F["D3"], F["cats"], cats)
    has_purpose = "purpose" not in req.missing
    boxes(F["D4"], F["D4o"], {0} if has_purpose else set())
    if has_purpose:
        d.add(Text(F["purpose"].format(s1=s1), 9, gap=0.6))
    head("E")
    P = F["Ef"]
    for p in req.persons:
        field(P[0], p.full)
        field(P[1], F["roles"].get(p.role, D["role"][p.role]))
        if "person_identity" not in req.missing:
            field(P[2], c.date(p.dob))
            field(P[3], p.nat)
            field(P[4], p.passport)
            field(P[5], p.address)
    head("F")
    boxes(F["F1"], [D["yes"], D["no"]], {1}, vertical=False)
    head("G")
    d.add(Text(F["G1"], 9, gap=0.6))
    _authority(d, req, c, F, boxes, field, rng)
    return d


def _urgency(d: Document, req: Req, c: Content, words: dict, boxes, s1: str) -> None:
    d.add(Text(words["B"], 10, True, gap=0.8))
    chosen = {"deadline": {1}, "plain": {0}}.get(req.urgency_kind, set())
    boxes("", words["Bo"], chosen)
    reason = c.urgency_reason(words, words["na"])
    d.add(Text(f"{words['B1']}: {reason}", 9, gap=0.6))


def _authority(d: Document, req: Req, c: Content, words: dict, boxes, field, rng: random.Random) -> None:
    d.add(Text(words["I"], 10, True, gap=0.8))
    missing = "requesting_authority" in req.missing
    boxes("", words["Io"], set() if missing else {rng.choice([0, 1])})
    If = words["If"]
    field(If[0], words["na"] if missing else req.auth)
    field(If[1], req.signer)
    field(If[2], req.title)
    field(If[3], req.case)
    field(If[4], words["na"] if missing else f"{req.city}, {req.state_name}")
    if req.lang in EU:
        basis = words["basis_eu"] + (" " + words["basis_uncac"] if "uncac" in req.legal_basis else "") + "."
    else:
        basis = c.basis()
    d.add(Text(basis, 9, gap=0.8))
    d.add(Text(words["L"], 10, True, gap=0.8))
    field(words["date"], f"{req.city}, {c.date(req.doc_date)}")
    d.add(Text(req.signer, 9, gap=0.3))
    d.footer = D_PAGE.get(req.lang, "{n}")


D_PAGE = {lang: L[lang]["page"] + " {n}" for lang in L}
