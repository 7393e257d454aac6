"""A request: its true labels, and the localized pieces of content that state them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from rogatory.taxonomy import MEASURES

from . import world
from .lang import THIS_OFFICE, L, with_article

ELEMENTS = [
    "requesting_authority",
    "subject_matter",
    "facts_summary",
    "assistance_sought",
    "person_identity",
    "purpose",
]
ACCEPTED = {"en", "fr", "es"}
NEEDS_ACCOUNT = {"freezing", "bank_records"}
MLA_MEASURES = list(MEASURES)  # the taxonomy's measure ids, in its order


@dataclass
class Person:
    full: str
    surname: str
    given: str
    sex: str
    role: str
    dob: date
    pob: str
    nat: str
    passport: str
    address: str


@dataclass
class Account:
    printed: str
    label: str
    bank: str
    holder: str


@dataclass
class Req:
    id: str
    lang: str
    family: str
    state: str
    state_name: str
    auth: str
    city: str
    request_type: str
    proceeding_type: str
    measures: list
    offences: list
    offence_words: list
    legal_basis: list
    persons: list
    accounts: list
    urgent: bool
    deadline: date | None
    urgency_kind: str
    missing: set
    doc_date: date
    case: str
    ref: str
    amount: str
    co: str
    office: str
    inst: str
    signer: str
    title: str
    translated_to: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def suspects(self):
        return [p for p in self.persons if p.role in ("suspect", "accused", "sought")]

    def labels(self, directory=None) -> dict:
        from .routing import route

        missing = sorted(
            self.missing
            | ({"acceptable_language"} if self.lang not in ACCEPTED and not self.translated_to else set()),
            key=([*ELEMENTS, "acceptable_language"]).index,
        )
        lab = {
            "language": self.lang,
            "request_type": self.request_type,
            "proceeding_type": self.proceeding_type,
            "measures": list(self.measures),
            "offences": sorted(set(self.offences)),
            "legal_basis": list(self.legal_basis),
            "requesting_state": self.state,
            "persons": [p.full for p in self.persons],
            "accounts": [a.label for a in self.accounts],
            "urgent": self.urgent,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "missing_elements": missing,
        }
        lab["route_to"], lab["notify"] = route(lab, directory)
        return lab


def money(rng, lang, cur=None):
    cur = cur or rng.choice(["EUR", "USD"])
    n = rng.randrange(150, 9000) * 1000
    if lang in ("en",):
        s = f"{n:,}.00"
    elif lang in ("de", "it", "pt", "es"):
        s = f"{n:,}".replace(",", ".") + ",00"
    elif lang in {"fr", "ru"}:
        s = f"{n:,}".replace(",", " ") + ",00"
    else:
        s = f"{n:,}.00"
    return f"{cur} {s}" if lang in ("en", "ar") else f"{s} {cur}"


def sample(
    rng: random.Random,
    rid: str,
    lang: str,
    family: str,
    *,
    eu_only=False,
    request_type=None,
    missing_share=0.3,
    urgent_share=0.4,
) -> Req:
    states = {k: v for k, v in world.STATES[lang].items() if v[3] or not eu_only}
    state = rng.choice(sorted(states))
    state_name, auth, city, _ = states[state]
    D = L[lang]
    rt = request_type or ("extradition" if rng.random() < 0.18 else "mla")
    if rt == "extradition":
        pt = "criminal"
    else:
        r = rng.random()
        pt = "civil" if r < 0.12 else "administrative" if r < 0.22 else "criminal"
    used = set()

    def mk(role):
        full, sur, given, sex = world.person_name(rng, lang, used)
        dob = date(rng.randint(1955, 1995), rng.randint(1, 12), rng.randint(1, 28))
        addr_city = city if rng.random() < 0.6 else "Eastbridge"
        return Person(
            full,
            sur,
            given,
            sex,
            role,
            dob,
            city,
            D["nat"][state],
            f"{rng.choice('ABCKMNPX')}{rng.randint(1000000, 9999999)}",
            f"{rng.randint(1, 140)} {rng.choice(['Harbour Road', 'Quay Street', 'Old Mill Road', 'Victoria Lane'])}, {addr_city}",
        )

    persons = []
    if rt == "extradition":
        persons.append(mk("sought"))
        if rng.random() < 0.4:
            persons.append(mk("accused"))
    else:
        persons.append(mk("suspect"))
        if rng.random() < 0.6:
            persons.append(mk("suspect"))
        if rng.random() < 0.5:
            persons.append(mk("witness"))
    # offences
    pool = ["art15", "art16", "art17", "art18", "art19", "art20", "art21", "art22", "art24", "art25", "other"]
    offs = rng.sample(pool, rng.choice([1, 1, 2]))
    if rng.random() < 0.6:
        offs.append("art23")
    offence_words = [rng.choice(D["off"][o]) for o in offs]
    # measures
    missing = set()
    if rng.random() < missing_share:
        cand = [e for e in ELEMENTS if not (e == "subject_matter" and pt != "criminal")]
        if family == "note_verbale":
            cand.remove("requesting_authority")
        if rt == "extradition":
            cand = [e for e in cand if e in ("person_identity", "facts_summary")]
        missing = set(rng.sample(cand, rng.choice([1, 1, 2])))
    if rt == "extradition":
        meas = rng.choice([[], [], ["search_and_seizure"], ["locate_persons"]])
    elif "assistance_sought" in missing:
        meas = []
    else:
        meas = rng.sample(MLA_MEASURES, rng.choice([1, 1, 2, 2, 3]))
        if "asset_return" in meas and "confiscation" not in meas and rng.random() < 0.5:
            meas.append("confiscation")
    accounts = []
    n_acc = rng.choice([0, 1, 2, 3]) if rt == "mla" else rng.choice([0, 0, 1])
    if NEEDS_ACCOUNT & set(meas):
        n_acc = max(n_acc, 1)
    for i in range(n_acc):
        holder = (
            persons[min(i, len(persons) - 1)].full if rng.random() < 0.5 else world.COMPANIES[lang][i % 4]
        )
        if rng.random() < 0.7:
            cc = (
                rng.choice([state] * 2 + world.OFFSHORE)
                if state in world.IBAN_BBAN
                else rng.choice(world.OFFSHORE)
            )
            lab = world.iban(rng, cc)
            printed = world.iban_paper(lab) if rng.random() < 0.8 else lab
        else:
            printed, lab = world.national_account(rng, state if rng.random() < 0.5 else "XX")
        accounts.append(Account(printed, lab, rng.choice(world.BANKS), holder))
    if accounts and rng.random() < 0.5 and rt == "mla":
        # an account holder who is a person of their own
        p = mk("holder")
        persons.append(p)
        accounts[-1].holder = p.full
    doc_date = date(2026, rng.randint(3, 5), rng.randint(1, 28))
    r = rng.random()
    if r < urgent_share * 0.6:
        kind, deadline = "deadline", doc_date + timedelta(days=rng.randint(25, 110))
    elif r < urgent_share:
        kind, deadline = "plain", None
    else:
        kind, deadline = rng.choice(["none", "negated"]), None
    if rt == "extradition" and kind == "deadline" and rng.random() < 0.5:
        kind = "plain"
        deadline = None
    bases = {"uncac"} if rng.random() < 0.7 else set()
    bases |= set(rng.sample(["untoc", "bilateral_treaty", "regional", "reciprocity"], rng.choice([0, 1, 1])))
    if not bases:
        bases = {"reciprocity"}
    if "reciprocity" in bases and len(bases) > 1 and rng.random() < 0.5:
        bases.discard("reciprocity")
    return Req(
        id=rid,
        lang=lang,
        family=family,
        state=state,
        state_name=state_name,
        auth=auth,
        city=city,
        request_type=rt,
        proceeding_type=pt,
        measures=meas,
        offences=offs,
        offence_words=offence_words,
        legal_basis=sorted(bases),
        persons=persons,
        accounts=accounts,
        urgent=kind in ("deadline", "plain"),
        deadline=deadline,
        urgency_kind=kind,
        missing=missing,
        doc_date=doc_date,
        case=f"{rng.randint(100, 9999)}/{rng.choice([2023, 2024, 2025])}",
        ref=f"{rng.choice(['MLA', 'INT', 'RH', 'CRI'])}-{rng.randint(1000, 9999)}/26",
        amount=money(rng, lang),
        co=rng.choice(world.COMPANIES[lang]),
        office=rng.choice(D["offices"]),
        inst=rng.choice(D["insts"]),
        signer=rng.choice(D["signer_names"]),
        title=rng.choice(D["signer"]),
    )


# ---- content pieces ---------------------------------------------------------


def join_list(lang, items):
    if len(items) == 1:
        return items[0]
    conj = {
        "en": " and ",
        "fr": " et ",
        "es": " y ",
        "pt": " e ",
        "ru": " и ",
        "ar": " و",
        "de": " und ",
        "it": " e ",
    }[lang]
    return ", ".join(items[:-1]) + conj + items[-1]


class Content:
    """The localized sentences of one request; families arrange them."""

    def __init__(self, req: Req, rng: random.Random, lang: str | None = None):
        self.r, self.rng = req, rng
        self.lang = lang or req.lang
        self.D = L[self.lang]
        self.dstyle = rng.choice([0, 0, 1, 2])

    def date(self, d):
        return world.fmt_date(d, self.lang, self.dstyle, self.r.state)

    @property
    def Auth(self):
        if "requesting_authority" in self.r.missing:
            return THIS_OFFICE[self.lang]
        return with_article(self.lang, self.r.auth)

    def offences(self):
        if self.lang == self.r.lang:
            return join_list(self.lang, self.r.offence_words)
        return join_list(self.lang, [self.D["off"][o][0] for o in self.r.offences])

    def requesting_authority(self):
        return self.D["auth_sentence"].format(auth=self.r.auth, city=self.r.city, state=self.r.state_name)

    def subject(self):
        r = self.r
        proc = self.D["proc"][r.proceeding_type][0]
        sus = join_list(self.lang, [p.full for p in r.suspects]) if r.suspects else r.persons[0].full
        return self.D["subject"].format(
            Auth=self.Auth, proc=proc, case=r.case, suspects=sus, offences=self.offences()
        )

    def facts(self):
        r = self.r
        frng = random.Random(f"{r.id}-facts")  # the same facts in the original and in its translation
        s1 = r.suspects[0].full if r.suspects else r.persons[0].full
        d0 = date(r.doc_date.year - frng.randint(6, 10), frng.randint(1, 12), frng.randint(1, 28))
        d1 = date(r.doc_date.year - frng.randint(1, 3), frng.randint(1, 12), frng.randint(1, 28))
        out = [
            self.D["facts"].format(
                s1=s1,
                office=r.office,
                inst=r.inst,
                d0=self.date(d0),
                d1=self.date(d1),
                co=r.co,
                amount=r.amount,
            )
        ]
        for i, a in enumerate(r.accounts):
            d = date(r.doc_date.year - 2, 1 + (i * 4) % 12, 3 + i * 7)
            out.append(
                self.D["transfer"].format(
                    d=self.date(d), amount=money(frng, self.lang), a=a.printed, bank=a.bank, h=a.holder
                )
            )
        return " ".join(out)

    def form_facts(self, template: str, rng: random.Random) -> str:
        """A form family's own facts sentence ({s1} {office} {inst} {y0} {y1} {co} {amount})."""
        r = self.r
        y1 = r.doc_date.year - rng.randint(1, 3)
        s1 = (r.suspects or r.persons)[0].full
        return template.format(
            s1=s1, office=r.office, inst=r.inst, y0=y1 - rng.randint(2, 5), y1=y1, co=r.co, amount=r.amount
        )

    def urgency_reason(self, words: dict, empty: str) -> str:
        """A form family's own urgency answer: ``words``' urg_deadline, urg_plain or not_urgent."""
        r = self.r
        if r.urgency_kind == "deadline":
            return words["urg_deadline"].format(d=self.date(r.deadline), s1=(r.suspects or r.persons)[0].full)
        if r.urgency_kind == "plain":
            return words["urg_plain"]
        if r.urgency_kind == "negated":
            return words["not_urgent"]
        return empty

    def offence_sentence(self):
        return self.D["offence_sentence"].format(offences=self.offences(), state=self.r.state_name)

    def measure_lines(self):
        r = self.r
        wit = [p for p in r.persons if p.role == "witness"]
        sus = r.suspects or r.persons
        out = []
        for m in r.measures:
            p = (
                wit[0]
                if wit
                and m
                in ("taking_evidence", "videoconference", "facilitate_appearance", "service_of_documents")
                else sus[0]
            ).full
            a = r.accounts[0].printed if r.accounts else ""
            bank = r.accounts[0].bank if r.accounts else world.BANKS[0]
            out.append(
                self.D["meas"][m][0].format(
                    p=p, a=a, bank=bank, co=r.co, amount=r.amount, city=r.city, state=r.state_name
                )
            )
        return out

    def ext_lines(self):
        r = self.r
        p = r.persons[0].full
        out = [self.D["ext_ask"].format(p=p)]
        if r.urgent:
            out.append(self.D["ext_arrest"].format(p=p))
        return out

    def person_block(self, p: Person, full=True):
        f = self.D["f"]
        role = self.D["role"][p.role]
        if not full or "person_identity" in self.r.missing:
            return [f"{p.full} ({role})"]
        return [
            f"{p.full} ({role})",
            f"{f['dob']}: {self.date(p.dob)}; {f['pob']}: {p.pob}; {f['nat']}: {p.nat}; {f['passport']}: {p.passport}; {f['address']}: {p.address}",
        ]

    def account_lines(self):
        f = self.D["f"]
        return [f"{a.printed} – {a.bank} – {f['holder']}: {a.holder}" for a in self.r.accounts]

    def purpose(self):
        return self.rng.choice(self.D["purpose"][self.r.proceeding_type])

    def urgency(self):
        r = self.r
        s1 = (r.suspects or r.persons)[0].full
        if r.urgency_kind == "deadline":
            t = self.rng.choice(self.D["urgent_deadline"])
            return t.format(s1=s1, d=self.date(r.deadline))
        if r.urgency_kind == "plain":
            return self.rng.choice(self.D["urgent_plain"])
        if r.urgency_kind == "negated":
            return self.rng.choice(self.D["not_urgent"])
        return None

    def basis(self):
        bs = [self.D["basis"][b].format(state=self.r.state_name) for b in self.r.legal_basis]
        return self.D["basis_sentence"].format(bases=join_list(self.lang, bs))

    def heading(self, key):
        return self.rng.choice(self.D["h"][key])

    def parts(self):
        """(key, heading key, [paragraphs]) in the usual order, leaving out what the request lacks."""
        r, D = self.r, self.D
        out = []
        if "requesting_authority" not in r.missing:
            out.append(("requesting_authority", [self.requesting_authority()]))
        out.append(("legal_basis", [self.basis()]))
        if "subject_matter" not in r.missing:
            out.append(("subject_matter", [self.subject()]))
        if "facts_summary" not in r.missing:
            out.append(("facts_summary", [self.facts()]))
        out.append(("offences", [self.offence_sentence()]))
        if r.request_type == "extradition":
            out.append(
                (
                    "assistance_sought",
                    self.ext_lines() + [f"{i}. {l}" for i, l in enumerate(self.measure_lines(), 1)],
                )
            )
        elif "assistance_sought" not in r.missing:
            out.append(
                (
                    "assistance_sought",
                    [D["ask_intro"]] + [f"{i}. {l}" for i, l in enumerate(self.measure_lines(), 1)],
                )
            )
        pl = [D["persons_intro"]]
        for p in r.persons:
            pl += self.person_block(p)
        out.append(("person_identity", pl))
        if r.accounts:
            out.append(("accounts", [D["accounts_intro"], *self.account_lines()]))
        if "purpose" not in r.missing and r.request_type == "mla":
            out.append(("purpose", [self.purpose()]))
        u = self.urgency()
        if u:
            out.append(("urgency", [u]))
        if self.rng.random() < 0.5:
            out.append(("confidentiality", [D["confidential"]]))
        return out
