"""The ``hague_letter`` family: after the Model Form of Letter of Request of the Hague
Convention of 18 March 1970 on the Taking of Evidence Abroad (items 1 to 17), the layout many
authorities also use for a criminal or civil-recovery request for evidence.

Written in s30 after the rules of issue 14's fourth round and measured before any rule was
changed for it (labels and sentences in ``hague_labels.yaml``, none of them another family's).
Unlike the other families: every item is a long numbered question answered on the next line
or lines; the nature of the proceedings is asked with the form's civil examples in brackets
("divorce, paternity, breach of contract ...") and answered in words, with no box; urgency is
a date by which the answer is needed and its reason (item 4), or "no date is required";
measures are asked as nouns ("Examination of X as a witness", "Production by the bank of
..."), not verbs; the questions for the witness name contracts and payments; Yes/No boxes
ask for notification of the execution and the attendance of the requesting judges (item
14, 15), and the oath (item 12) is three boxes: none of them is a measure; an item the
request does not need holds "not applicable".
"""

from __future__ import annotations

import functools
import random
from pathlib import Path

import yaml

from .doc import BOX_STYLES, Boxes, Document, Text
from .model import Content, Req, join_list

LABELS = Path(__file__).with_name("hague_labels.yaml")


@functools.cache
def labels() -> dict[str, dict]:
    """The family's labels and sentences per language (hague_labels.yaml)."""
    return yaml.safe_load(LABELS.read_text(encoding="utf-8"))


def prepare(req: Req) -> None:
    """A letter of request for evidence: MLA, whose item 7(a) always says what the proceedings
    are (so subject matter is never missing)."""
    req.request_type = "mla"
    req.missing.discard("subject_matter")


def hague_letter(req: Req, rng: random.Random, drawn: bool = False) -> Document:
    c = Content(req, rng)
    H, D = labels()[req.lang], c.D
    d = Document(
        font="sans" if req.lang == "ar" else rng.choice(["sans", "serif", "cond"]), rtl=req.lang == "ar"
    )
    style = rng.choice(BOX_STYLES)
    mark = rng.choice(["crossed", "ticked", "filled"]) if drawn else "ticked"
    na = H["na"] if rng.random() < 0.6 else "—"
    s1 = (req.suspects or req.persons)[0].full
    no_auth = "requesting_authority" in req.missing

    def item(label: str, *answers: str) -> None:
        d.add(Text(label, 9.5, True, gap=0.3))
        answers = answers or (na,)
        for i, a in enumerate(answers, 1):
            d.add(Text(a, 9, indent=4, gap=1.0 if i == len(answers) else 0.3))

    def boxes(label: str, options: list[str], chosen: set[int], vertical: bool = False) -> None:
        opts = [(o, mark if i in chosen else "empty") for i, o in enumerate(options)]
        d.add(Boxes(label, opts, style=style, drawn=drawn, vertical=vertical, size=9))

    d.add(Text(H["title"], 13, True, "C", gap=0.4), Text(H["sub"], 8.5, False, "C", gap=2.5))
    bases = [rng.choice(H["bases"][b]).format(state=req.state_name) for b in req.legal_basis]
    d.add(Text(H["intro"].format(bases=join_list(req.lang, bases)), 9.5, gap=1.5))
    sender = na if no_auth else f"{req.auth}, {rng.randint(1, 90)}, {req.city}, {req.state_name}"
    item(H["i1"], sender)
    item(H["i2"], H["to_ca"])
    item(H["i3"], H["return"])
    # 4. the date by which the answer is needed, and why
    reason = c.urgency_reason(H, na)
    item(H["i4"], reason)
    d.add(Text(H["i5"], 9.5, True, gap=0.3))
    item(H["i5a"], na if no_auth else req.auth)
    item(H["i5b"], req.state_name if rng.random() < 0.3 else H["to_ca"])
    item(H["i5c"], f"{req.case} ({req.ref})")
    # 6. the parties: the persons, with their identity unless the request lacks it
    lines = []
    for p in req.persons:
        role = H["roles"][p.role]
        lines.append(f"{role}: {p.full}")
        if "person_identity" not in req.missing:
            f = D["f"]
            lines.append(f"{f['dob']}: {c.date(p.dob)}; {f['nat']}: {p.nat}; {f['passport']}: {p.passport}")
            lines.append(f"{f['address']}: {p.address}")
    item(H["i6"], *lines)
    # 7. the proceedings, the complaint (the facts), no defence, the legal qualification
    suspects = join_list(req.lang, [p.full for p in req.suspects] or [req.persons[0].full])
    nature = H["nature"][req.proceeding_type].format(
        Auth=c.Auth, suspects=suspects, case=req.case, offences=c.offences()
    )
    item(H["i7a"], nature)
    if "facts_summary" in req.missing:
        item(H["i7b"], na)
    else:
        facts = c.form_facts(H["complaint"], rng)
        item(H["i7b"], facts)
    item(H["i7c"], H["defence"] if rng.random() < 0.5 else na)
    item(H["i7d"], H["qual"].format(offences=c.offences(), state=req.state_name), *c.account_lines())
    # 8. what is asked, as nouns, and why
    r_wit = [p for p in req.persons if p.role == "witness"]
    asked = []
    for i, m in enumerate(req.measures):
        who = (
            r_wit[0]
            if r_wit
            and m in ("taking_evidence", "videoconference", "facilitate_appearance", "service_of_documents")
            else (req.suspects or req.persons)[0]
        )
        a = req.accounts[0] if req.accounts else None
        line = H["meas"][m].format(
            p=who.full,
            a=a.printed if a else "",
            bank=a.bank if a else "",
            co=req.co,
            amount=req.amount,
            city=req.city,
            state=req.state_name,
        )
        asked.append(f"{chr(97 + i)}) {line}" if len(req.measures) > 1 else line)
    item(H["i8a"], *(asked or [na]))
    purpose = "purpose" not in req.missing
    item(H["i8b"], H["purpose"][req.proceeding_type] if purpose else na)
    # 9-11. whom to examine, the questions, what to inspect
    examined = "taking_evidence" in req.measures or "videoconference" in req.measures
    if examined and r_wit:
        item(H["i9"], *(f"{p.full}, {p.address}" for p in r_wit))
        item(H["i10"], *(q.format(s1=s1, co=req.co) for q in H["questions"]))
    else:
        item(H["i9"])
        item(H["i10"])
    item(H["i11"])
    # 12-15. the form's boxes: none of them asks for a measure
    oath = H["i12o"]
    boxes(
        H["i12"],
        list(oath),
        {rng.randrange(len(oath))} if examined else {len(oath) - 1},
        vertical=rng.random() < 0.5,
    )
    item(H["i13"], H["special"] if examined and rng.random() < 0.6 else na)
    yes_no = [D["yes"], D["no"]]
    boxes(H["i14"], yes_no, {rng.choice([0, 1])})
    boxes(H["i15"], yes_no, {rng.choice([0, 1, 1])})
    item(H["i16"], H["privilege"] if examined else na)
    item(H["i17"], H["costs"])
    d.add(Text(f"{H['sign_date']}: {req.city}, {c.date(req.doc_date)}", 9, gap=0.6))
    d.add(Text(f"{H['sign']}:", 9, gap=0.3), Text(req.signer, 9, gap=0.3), Text(req.title, 9, gap=0.3))
    if not no_auth:
        d.add(Text(req.auth, 9))
    d.footer = D["page"] + " {n}"
    return d


__all__ = ["hague_letter", "labels", "prepare"]
